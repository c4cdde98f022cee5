"""A hands-free start (issue 18): names by voice, a sound check, the choices, a returning
couple, before the dialogue.

The setup is a pure state machine (facilitator/setup.py) driven here with plain strings,
as the dialogue is; then the session loop runs it with the dialogue, in text mode, with
one partner typing, and into the record. The whole setup through real audio is in
tests/test_room.py.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import parse_args
from facilitator.dialogue import (
    AdjustVoice,
    Coach,
    Command,
    CommandDone,
    Dialogue,
    End,
    Listen,
    Say,
    Silence,
    Utterance,
)
from facilitator.display import plain_line
from facilitator.history import gap_words
from facilitator.records import SessionRecorder
from facilitator.session import Heard, MixedTurns, NoSpeech, TypedTurns, run_dialogue
from facilitator.setup import (
    PLACEHOLDERS,
    QUIET_DB,
    STEPS,
    TRANSITIONS,
    Begin,
    Known,
    Levels,
    Note,
    Resume,
    Setup,
    Usual,
)
from facilitator.understanding.setup_answers import (
    asks_for_sound_check,
    read_dialogue_choice,
    read_first,
    read_name,
    same_name,
)
from tests.helpers import ROOT, cli_env, session_folders

CLEAR = Levels(-24.0, -70.0)
QUIET = Levels(-52.0, -75.0)  # a partner far from the laptop
NOISY = Levels(-26.0, -32.0)  # a fan or music near it
LOUD = Levels(-4.0, -60.0, clipped=0.02)  # right up against it


def spoken(text: str, levels: Levels | None = CLEAR) -> Heard:
    """A turn heard through the microphone (it has timing, and the sound levels)."""
    return Heard(text, 0.0, 1.0, 1.5, levels=levels)


def said(actions: list) -> list[str]:
    return [a.text for a in actions if isinstance(a, Say)]


def listened(actions: list) -> Listen:
    listens = [a for a in actions if isinstance(a, Listen)]
    assert listens and actions[-1] is listens[-1], actions
    return listens[-1]


def notes(actions: list, step: str) -> list[dict]:
    return [a.fields for a in actions if isinstance(a, Note) and a.step == step]


def begun(actions: list) -> Begin:
    [begin] = [a for a in actions if isinstance(a, Begin)]
    assert actions[-1] is begin
    return begin


def new_setup(**known) -> Setup:
    return Setup(Known(**known), silence_timeout=30.0)


def through_names(s: Setup, first: str = "Maya", second: str = "Tom") -> list:
    s.start()
    s.receive(spoken(first))
    s.receive(spoken("Yes."))
    s.receive(spoken(second))
    return s.receive(spoken("Yes, that's right."))


# =============================================================== the table is whole


def test_every_row_leads_to_a_step_or_a_pass_through_and_every_step_can_be_left():
    resolvable = {"NAMES", "SOUND", "NEXT_LEVEL", "ASSESS", "VOICE", "CHOICES", "WHO_FIRST",
                  "BEGIN"}
    for (step, _), target in TRANSITIONS.items():
        assert step in STEPS and (target in STEPS or target in resolvable), (step, target)
    for step in STEPS:
        assert (step, "skip") in TRANSITIONS, step  # "skip" works at every question


# ====================================================================== a new couple


def test_a_new_couple_gives_names_checks_the_sound_and_chooses_then_the_dialogue_begins():
    s = new_setup()
    actions = s.start()
    assert said(actions) == [
        "Hello, and welcome. Before we begin, let's get set up. It only takes a minute.",
        "Whoever would like to share first today: what's your first name?"]
    assert listened(actions) == Listen(None, "either", "setup", "answer", 30.0)

    actions = s.receive(spoken("I'm Maya."))
    assert said(actions) == ["Did I get your name right: Maya?"]
    actions = s.receive(spoken("Yes."))
    assert said(actions) == ["Thank you, Maya. And your partner: what's your first name?"]
    actions = s.receive(spoken("Tom."))
    assert said(actions) == ["Did I get your name right: Tom?"]
    actions = s.receive(spoken("Yep, that's right."))
    assert said(actions) == [
        "Now a quick sound check, so I know I can hear you both from where you sit.",
        "Maya, please say a short sentence, like: We're ready to talk."]
    assert listened(actions).partner == "Maya"

    actions = s.receive(spoken("We're ready to talk.", CLEAR))
    assert notes(actions, "sound") == [{"partner": "Maya", "speech_db": -24.0,
                                        "noise_db": -70.0, "snr_db": 46.0, "clipped": 0.0,
                                        "verdict": "clear", "try": 1}]
    assert listened(actions).partner == "Tom"
    actions = s.receive(spoken("Me too.", CLEAR))
    assert said(actions) == [
        "I can hear you both clearly.",
        "And my voice: is it comfortable for you both? You can say louder, quieter or "
        "slower. Or just say yes."]
    assert listened(actions).timeout == 10.0  # silence there means it's fine

    actions = s.receive(spoken("Yes, it's fine."))
    assert said(actions)[-1] == ("Which dialogue would you like today: the full dialogue, or "
                                 "the short daily appreciation?")
    actions = s.receive(spoken("The short one, please."))
    assert said(actions) == ["The appreciation dialogue. Lovely.",
                             "Thank you both. We're all set."]
    assert begun(actions) == Begin(("Maya", "Tom"), "appreciation", welcome=False,
                                   learned_names=True)
    assert s.done and s.receive(spoken("Hello?")) == []


def test_names_typed_at_the_keyboard_are_not_read_back():
    s = new_setup(microphone=False, speaks=False)
    s.start()
    actions = s.receive(Utterance("Maya"))  # typed: no timing, nothing misheard
    assert notes(actions, "name") == [{"partner": 1, "name": "Maya", "typed": True}]
    assert said(actions) == ["Thank you, Maya. And your partner: what's your first name?"]
    actions = s.receive(Utterance("My name is Tom"))
    # Nothing to measure and no voice to adjust: on to the choices.
    assert said(actions) == [("Which dialogue would you like today: the full dialogue, or the "
                              "short daily appreciation?")]
    begin = begun(s.receive(Utterance("the full dialogue")))
    assert begin.names == ("Maya", "Tom") and begin.dialogue == "intentional"
    assert begin.learned_names and begin.typed == ("Maya", "Tom")


# ===================================================================== names, misheard


def test_a_name_is_read_back_and_a_correction_is_read_back_too():
    s = new_setup()
    s.start()
    s.receive(spoken("Dan."))
    actions = s.receive(spoken("No, Daniel."))
    assert said(actions) == ["Thank you. Did I get it right this time: Daniel?"]
    assert notes(actions, "name") == [{"partner": 1, "heard": "No, Daniel.", "read": "Daniel",
                                       "correction": True}]
    actions = s.receive(spoken("Yes."))
    assert notes(actions, "name") == [{"partner": 1, "name": "Daniel", "confirmed": True}]
    assert s.names[0] == "Daniel"


def test_a_name_spelled_out_is_taken_as_spelled():
    s = new_setup()
    s.start()
    s.receive(spoken("Mia."))  # the recogniser's reading of "Maya"
    actions = s.receive(spoken("No. M-A-Y-A."))
    assert said(actions) == ["Thank you. Did I get it right this time: Maya?"]
    s.receive(spoken("Yes."))
    assert s.names[0] == "Maya"


def test_a_plain_no_asks_for_the_name_again_and_suggests_spelling_it():
    s = new_setup()
    s.start()
    s.receive(spoken("Mia."))
    actions = s.receive(spoken("No."))
    assert said(actions) == [("Sorry about that. Could you say your first name once more? "
                              "Spelling it out helps too.")]
    assert s.step == "name_first" and s.names == [None, None]
    assert said(s.receive(spoken("Maya."))) == ["Did I get your name right: Maya?"]


def test_the_same_name_said_again_confirms_it_even_spelled_differently_by_the_recogniser():
    s = new_setup()
    s.start()
    s.receive(spoken("Maya."))
    actions = s.receive(spoken("Maia."))  # repeating it is agreeing
    assert notes(actions, "name")[0]["confirmed"] and s.names[0] == "Maya"


def test_no_with_a_sound_alike_written_otherwise_is_a_correction():
    s = new_setup()
    s.start()
    s.receive(spoken("And my name is Lina."))  # how the recogniser wrote "Lena"
    actions = s.receive(spoken("No, it's Lena."))
    assert said(actions) == ["Thank you. Did I get it right this time: Lena?"]
    s.receive(spoken("Yes."))
    assert s.names[0] == "Lena"


def test_no_name_in_the_answer_is_asked_again_not_guessed():
    s = new_setup()
    s.start()
    actions = s.receive(spoken("I think it's going to be a lovely evening."))
    assert said(actions) == [("I didn't quite catch a name. What's your first name? You can "
                              "also say skip.")]
    assert s.names == [None, None] and s.step == "name_first"


def test_skip_gives_partner_a_and_b_and_such_names_are_not_remembered():
    s = new_setup(microphone=False, speaks=False, dialogue="intentional")
    s.start()
    actions = s.receive(spoken("skip"))
    assert said(actions)[0] == "That's fine. I'll call you Partner A."
    s.receive(spoken("Tom."))
    begin = begun(s.receive(spoken("Yes.")))
    assert begin.names == ("Partner A", "Tom")
    actions = new_setup(microphone=False, speaks=False, dialogue="intentional").start()
    assert PLACEHOLDERS == ("Partner A", "Partner B")


def test_two_partners_with_one_name_are_asked_for_a_nickname():
    s = new_setup()
    s.start()
    s.receive(spoken("Alex."))
    s.receive(spoken("Yes."))
    actions = s.receive(spoken("Alex."))
    assert said(actions) == ["You're both Alex? Could you give me a nickname, so I can tell you "
                             "apart?"]
    assert said(s.receive(spoken("Lexi.")))[0] == "Did I get your name right: Lexi?"


# ====================================================================== the sound check


@pytest.mark.parametrize("maya, tom, advice", [
    (QUIET, CLEAR, ["I can barely hear Maya. Could you move the laptop a little closer to "
                    "Maya?"]),
    (QUIET, QUIET, ["I can barely hear either of you. Could you move the laptop a little "
                    "closer, so it sits between you?"]),
    (CLEAR, NOISY, ["There's a lot of background noise. If you can, turn off music or a fan, "
                    "or close a window."]),
    (LOUD, CLEAR, ["Maya, you're coming through very loud. Could you sit back a little from "
                   "the laptop?"]),
])
def test_the_sound_check_says_plainly_what_to_do_and_tries_once_more(maya, tom, advice):
    s = new_setup()
    through_names(s)
    s.receive(spoken("We're ready to talk.", maya))
    actions = s.receive(spoken("Me too.", tom))
    assert said(actions) == [*advice, "Let's try once more.",
                             f"{'Maya' if maya is not CLEAR else 'Tom'}, please say another "
                             "short sentence."]
    # Only the partners it found hard to hear say another sentence.
    retried = [k for k, levels in enumerate((maya, tom)) if levels is not CLEAR]
    for position in retried:
        assert listened(actions).partner == ("Maya", "Tom")[position]
        actions = s.receive(spoken("Is this better?", CLEAR))
    assert said(actions)[0] == "That's much better. I can hear you both clearly now."
    assert s.step == "voice"


def test_a_room_that_stays_hard_to_hear_never_blocks_the_couple():
    s = new_setup()
    through_names(s)
    s.receive(spoken("We're ready.", QUIET))
    s.receive(spoken("Me too.", CLEAR))
    actions = s.receive(spoken("Better?", QUIET))
    assert said(actions)[0] == ("Thank you. It's still not perfect, but we can go on. You can "
                                "say: check the sound, at any time.")
    assert s.step == "voice"


@pytest.mark.parametrize("levels, verdict", [
    (Levels(-24.0, -70.0), "clear"),
    (Levels(QUIET_DB - 0.5, -80.0), "quiet"),
    (Levels(QUIET_DB + 0.5, -80.0), "clear"),
    (Levels(-30.0, -44.0), "noisy"),
    (Levels(-30.0, -46.0), "clear"),
    (Levels(-30.0, None), "clear"),  # nothing around the speech to measure
    (Levels(-3.0, -60.0, clipped=0.01), "loud"),
])
def test_what_counts_as_too_quiet_too_noisy_and_too_loud(levels, verdict):
    assert levels.verdict() == verdict


def test_only_the_partner_who_speaks_is_measured_when_the_other_types():
    s = new_setup(typed=("Tom",))
    through_names(s)
    actions = s.receive(spoken("We're ready to talk.", CLEAR))
    assert said(actions)[0] == "I can hear you clearly, Maya."


def test_a_typed_sentence_in_the_check_is_noted_as_not_measured():
    s = new_setup()
    through_names(s)
    actions = s.receive(Utterance("We're ready."))
    assert notes(actions, "sound") == [{"partner": "Maya", "measured": False}]


@pytest.mark.parametrize("answer, change", [
    ("Slower, please.", AdjustVoice(rate_step=-1)),
    ("A bit too quiet.", AdjustVoice(volume_step=1)),
    ("It's a little loud.", AdjustVoice(volume_step=-1)),
    ("louder", AdjustVoice(volume_step=1)),
])
def test_the_facilitator_asks_about_its_own_voice_and_changes_it(answer, change):
    s = new_setup()
    through_names(s)
    s.receive(spoken("Ready.", CLEAR))
    s.receive(spoken("Ready.", CLEAR))
    actions = s.receive(spoken(answer))
    assert change in actions
    assert said(actions) == ["How is this? Say yes if it's comfortable, or louder, quieter or "
                             "slower."]
    actions = s.receive(spoken("That's good."))
    assert s.step == "dialogue"


def test_silence_about_the_voice_means_it_is_fine():
    s = new_setup()
    through_names(s)
    s.receive(spoken("Ready.", CLEAR))
    s.receive(spoken("Ready.", CLEAR))
    actions = s.receive(Silence())
    assert s.step == "dialogue" and said(actions)[0].startswith("Which dialogue")


def test_skip_during_the_check_skips_all_of_it():
    s = new_setup()
    through_names(s)
    actions = s.receive(spoken("Skip."))
    assert CommandDone("skip") in actions and s.step == "dialogue"  # no voice question


def test_no_sound_check_leaves_it_out_until_someone_asks_for_it():
    s = new_setup(sound_check=False)
    actions = through_names(s)
    assert said(actions)[-1].startswith("Which dialogue")
    actions = s.receive(spoken("Could you check the sound, please?"))
    assert CommandDone("check the sound") in actions
    assert said(actions)[-1] == "Maya, please say a short sentence, like: We're ready to talk."
    s.receive(spoken("Ready.", CLEAR))
    s.receive(spoken("Ready.", CLEAR))
    actions = s.receive(spoken("Yes, that's fine."))
    # ... and then the question it was asked at, again.
    assert said(actions)[-1].startswith("Which dialogue") and s.step == "dialogue"


def test_check_the_sound_while_names_are_asked_comes_right_after_the_names():
    s = new_setup(sound_check=False)
    s.start()
    actions = s.receive(spoken("Check the sound."))
    assert said(actions) == ["Of course. Let's get your names first, and then I'll check the "
                             "sound."]
    s.receive(spoken("Maya."))
    s.receive(spoken("Yes."))
    s.receive(spoken("Tom."))
    actions = s.receive(spoken("Yes."))
    assert s.step == "level" and said(actions)[0].startswith("Now a quick sound check")


def test_check_the_sound_during_the_dialogue_ends_by_handing_back_to_it():
    s = new_setup(names=("Maya", "Tom"), names_from="command line", dialogue="intentional",
                  sound_check=False)
    begun(s.start())
    assert s.wants_sound_check(spoken("Can you do a sound check?"))
    assert not s.wants_sound_check(spoken("The sound of the kids upstairs keeps me up."))
    actions = s.check_sound()
    assert actions[0] == CommandDone("check the sound") and listened(actions).partner == "Maya"
    s.receive(spoken("Ready.", CLEAR))
    s.receive(spoken("Ready.", CLEAR))
    actions = s.receive(spoken("Yes."))
    assert actions[-1] == Resume() and s.done


def test_in_text_mode_only_the_voice_is_asked_about_and_only_if_it_speaks():
    s = new_setup(names=("Maya", "Tom"), names_from="command line", dialogue="intentional",
                  microphone=False, speaks=True)
    actions = s.start()
    assert said(actions)[-1].startswith("And my voice: is it comfortable")
    muted = new_setup(names=("Maya", "Tom"), names_from="command line",
                      dialogue="intentional", microphone=False, speaks=False)
    assert begun(muted.start()).welcome  # nothing said: the dialogue opens with its welcome


# =========================================================================== choices


def test_nothing_to_ask_means_not_a_word_from_the_setup():
    s = new_setup(names=("Maya", "Tom"), names_from="command line", dialogue="appreciation",
                  sound_check=False)
    assert s.start() == [Begin(("Maya", "Tom"), "appreciation", welcome=True,
                               learned_names=False)]


def test_the_usual_repeats_last_times_dialogue():
    s = new_setup(usual=Usual("appreciation", "Sam"), sound_check=False)
    actions = through_names(s)
    assert said(actions)[-1].endswith("Or say: the usual.")
    actions = s.receive(spoken("The usual, please."))
    assert said(actions)[0] == ("The usual, then: the appreciation dialogue, with Maya sharing "
                                "first.")
    assert begun(actions).dialogue == "appreciation"


def test_the_usual_before_there_is_one_is_said_kindly():
    s = new_setup(sound_check=False)
    through_names(s)
    actions = s.receive(spoken("The usual."))
    assert said(actions)[0].startswith("There's no usual yet, as this is your first time here.")
    assert s.step == "dialogue"


def test_who_shares_first_is_asked_when_the_names_come_from_the_settings_file():
    s = new_setup(names=("Maya", "Tom"), names_from="file", sound_check=False)
    s.start()
    actions = s.receive(spoken("The full dialogue."))
    assert said(actions)[-1] == "Who would like to share first today: Maya or Tom?"
    actions = s.receive(spoken("Tom will."))
    assert said(actions)[0] == "Tom first, then."
    assert begun(actions).names == ("Tom", "Maya")


def test_an_unclear_choice_is_asked_once_more_then_never_blocks():
    s = new_setup(names=("Maya", "Tom"), names_from="command line", sound_check=False)
    s.start()
    actions = s.receive(spoken("Hmm, I don't know."))
    assert said(actions) == ["Sorry, which one would you like: the full dialogue, or the short "
                             "appreciation?"]
    actions = s.receive(spoken("Whatever you think."))
    assert said(actions)[0] == "Let's do the full dialogue, then."
    assert begun(actions).dialogue == "intentional"


# ================================================================ a returning couple


@pytest.mark.parametrize("days, greeting", [
    (None, "Welcome back, Tom and Maya."),
    (0, "Welcome back, Tom and Maya. Your last dialogue was earlier today."),
    (1, "Welcome back, Tom and Maya. Your last dialogue was yesterday, a lovely habit."),
    (4, "Welcome back, Tom and Maya. Your last dialogue was 4 days ago. Lovely to keep it "
        "going."),
    (10, "Welcome back, Tom and Maya. It's been 10 days since your last dialogue. It's good to "
         "have you back."),
    # From two weeks the dialogue's opening says how long and offers the short dialogue.
    (30, "Welcome back, Tom and Maya."),
])
def test_a_returning_couple_is_greeted_by_name_and_goes_straight_to_the_dialogue(days,
                                                                                greeting):
    s = new_setup(names=("Maya", "Tom"), names_from="file", usual=Usual("intentional", "Tom"),
                  days_since_last=days)
    actions = s.start()
    assert said(actions) == [greeting]
    # No question at all, not even the sound check: last time's choices, Tom first.
    assert begun(actions) == Begin(("Tom", "Maya"), "intentional", welcome=False,
                                   learned_names=False, returning=True, days_since_last=days)


def test_after_a_long_gap_a_returning_couple_hears_one_welcome_then_the_offer():
    # The setup greets them; the dialogue (told the gap, as the runner tells it) does not
    # welcome them again, but says how long it has been and offers the short dialogue.
    s = new_setup(names=("Maya", "Tom"), names_from="file", usual=Usual("intentional", "Tom"),
                  days_since_last=22)
    actions = s.start()
    begin = begun(actions)
    dialogue = Dialogue(begin.names, dialogue=begin.dialogue, gap=gap_words(22))
    spoken_lines = said(actions) + said(dialogue.start(welcome=begin.welcome))
    assert spoken_lines[0] == "Welcome back, Tom and Maya."
    assert spoken_lines[2] == (
        "It has been three weeks since your last dialogue. If you'd like a gentler start "
        "tonight, the short appreciation dialogue is a lovely way back in: say stop, and start "
        "that one instead.")
    assert sum("welcome" in line.casefold() for line in spoken_lines) == 1
    # Before the short dialogue itself there is nothing to offer: the habit's line stays.
    s = new_setup(names=("Maya", "Tom"), names_from="file", usual=Usual("appreciation", "Tom"),
                  days_since_last=22)
    assert said(s.start()) == ["Welcome back, Tom and Maya. It's been 22 days since your last "
                               "dialogue. It's good to have you back."]


def test_the_command_line_still_wins_for_a_returning_couple():
    s = new_setup(names=("Maya", "Tom"), names_from="command line", dialogue="appreciation",
                  usual=Usual("intentional", "Tom"))
    begin = begun(s.start())
    assert begin.names == ("Maya", "Tom") and begin.dialogue == "appreciation"


# ========================================================== commands, silence, safety


def test_voice_commands_work_during_the_setup():
    s = new_setup()
    first = s.start()
    actions = s.receive(spoken("Sorry, can you say that again?"))
    assert said(actions) == [" ".join(said(first))] and CommandDone("repeat") in actions
    actions = s.receive(spoken("What do I do now?"))
    assert said(actions) == ["Just say your first name, like: Maya. Or say skip, and I'll use "
                             "Partner A and Partner B."]
    actions = s.receive(spoken("Slower, please."))
    assert AdjustVoice(rate_step=-1) in actions and s.step == "name_first"
    actions = s.receive(spoken("Hold on."))
    assert listened(actions).partner is None and s.paused
    actions = s.receive(spoken("Maya."))
    assert said(actions) == ["We're paused. Say resume to go on, or stop to end here."]
    actions = s.receive(spoken("Let's continue."))
    assert said(actions)[-1].startswith("Whoever would like to share first") and not s.paused
    s.receive(spoken("Maya."))
    s.receive(spoken("Yes."))
    actions = s.receive(spoken("Go back."))
    assert said(actions)[-1] == "Did I get your name right: Maya?"
    actions = s.receive(spoken("Stop."))
    assert actions[-1] == End("stopped") and s.ended


def test_silence_offers_the_question_again_gently():
    s = new_setup()
    s.start()
    actions = s.receive(Silence())
    assert said(actions) == ["Take your time. Whoever would like to share first today: "
                             "what's your first name?"]


def test_silence_in_the_sound_check_asks_the_same_partner_again_by_name():
    s = new_setup()
    actions = through_names(s)
    assert s.step == "level" and "Maya, please say a short sentence" in said(actions)[-1]
    actions = s.receive(Silence())
    assert said(actions) == ["Take your time. Maya, please say a short sentence, like: "
                             "We're ready to talk."]


def test_a_safety_concern_in_the_setup_pauses_it():
    s = new_setup()
    s.start()
    actions = s.receive(spoken("Sometimes when he drinks he hits me and I'm scared."))
    [coach] = [a for a in actions if isinstance(a, Coach)]
    assert (coach.kind, coach.why) == ("safety", "violence") and s.paused
    assert said(actions)[0].startswith("I'm going to pause our exercise here.")


# ===================================================== every sentence, every field

_POOL = {
    "name": ["Maya.", "I'm Tom.", "Alex", "skip", "Hmm.", "Dan", "My name is Lena."],
    "confirm": ["Yes.", "No.", "No, Daniel.", "M-A-Y-A", "Hmm, well.", "Maia."],
    "level": ["We're ready to talk."],
    "voice": ["Yes.", "No.", "slower", "too quiet", "a bit loud", "Hmm, whatever."],
    "dialogue": ["the usual", "the short one", "the full dialogue", "Hmm.", "I don't know."],
    "first": ["Tom", "Maya", "me", "the usual", "either", "Hmm."],
}


def test_every_setup_sentence_is_filled_with_every_field_declared_for_it(tmp_path):
    from tests.test_prompts import BUNDLED, _every_field_file

    prompts = _every_field_file(tmp_path)
    rng = random.Random(18)
    for _walk in range(400):
        known = Known(
            names=rng.choice([None, ("Maya", "Tom")]),
            names_from=rng.choice(["file", "command line"]),
            dialogue=rng.choice([None, None, "intentional"]),
            usual=rng.choice([None, Usual("appreciation", "Tom"), Usual("intentional", "Sam")]),
            days_since_last=rng.choice([None, 0, 1, 3, 20]),
            sound_check=rng.random() < 0.8, microphone=rng.random() < 0.8,
            speaks=rng.random() < 0.8, typed=rng.choice([(), ("Tom",)]))
        if known.names is None:
            known = Known(**{**vars(known), "names_from": None})
        s = Setup(known, prompts=prompts, silence_timeout=30.0)
        actions = s.start()
        helped: set[str] = set()
        for _ in range(40):
            for action in actions:
                assert "{" not in getattr(action, "text", ""), action
            if s.done or s.ended:
                if s.done and rng.random() < 0.3:
                    actions = s.check_sound()
                    continue
                break
            roll = rng.random()
            if s.step not in helped and not s.paused:
                helped.add(s.step)  # "what do I do now?" once at every question reached
                event = Command("help")
            elif roll < 0.08:
                event = Silence()
            elif roll < 0.14:
                event = Command(rng.choice(["repeat", "help", "skip", "back", "pause",
                                            "resume", "slower"]))
            elif roll < 0.18:
                event = spoken("Check the sound, please.")
            else:
                text = rng.choice(_POOL[STEPS[s.step].reads]) if s.step else "Hmm."
                levels = rng.choice([CLEAR, CLEAR, QUIET, NOISY, LOUD, None])
                event = spoken(text, levels) if rng.random() < 0.8 else Utterance(text)
            actions = s.receive(event)
    setup_keys = {f"setup.{name}" for name in BUNDLED["setup"]}
    assert setup_keys - prompts.said == set()


# ====================================================================== the readers


@pytest.mark.parametrize("text, name", [
    ("Maya.", "Maya"), ("I'm Maya.", "Maya"), ("My name is Tom, and I'm ready.", "Tom"),
    ("No, it's Mia.", "Mia"), ("Not quite, Mia.", "Mia"), ("Hi, I'm Daniel.", "Daniel"),
    ("Daniel here.", "Daniel"), ("Call me Dan.", "Dan"), ("Not Dan, Daniel.", "Daniel"),
    ("anne-marie", "Anne-Marie"), ("mary ann", "Mary Ann"), ("o'brien", "O'Brien"),
    ("Maya. Maya.", "Maya"), ("Maya, M A Y A.", "Maya"), ("M-A-Y-A", "Maya"),
    ("M. A. Y. A.", "Maya"), ("Will.", "Will"), ("Yes, Maya.", "Maya"),
    ("Yes.", None), ("No.", None), ("Yes, that's right.", None), ("It is fine.", None),
    ("I'd rather not say.", None), ("I, I, I don't know.", None),
    ("I think it is a nice day today.", None), ("", None),
])
def test_a_name_is_found_in_the_ways_people_say_it(text, name):
    reading = read_name(text)
    assert (reading.name if reading else None) == name


def test_names_that_sound_the_same_are_one_name():
    assert same_name("Maya", "Maia") and same_name("Jon", "John") and same_name("Lena", "Lina")
    assert not same_name("Dan", "Daniel") and not same_name("Maya", "Tom")


@pytest.mark.parametrize("text, choice", [
    ("The appreciation, please.", "appreciation"), ("the short daily one", "appreciation"),
    ("The full one.", "intentional"), ("Intentional dialogue.", "intentional"),
    ("The usual.", "usual"), ("Same as last time.", "usual"),
    ("Not the full one, the short one.", "appreciation"), ("Hmm.", None),
    ("The full one or the short one, I don't know.", None),
])
def test_which_dialogue(text, choice):
    assert read_dialogue_choice(text) == choice


@pytest.mark.parametrize("text, first", [
    ("Maya.", 0), ("Tom will.", 1), ("Not Maya, Tom.", 1), ("me", "me"), ("I will.", "me"),
    ("Either of us.", "anyone"), ("The usual.", "usual"), ("Tom and Maya.", None),
])
def test_who_shares_first(text, first):
    assert read_first(text, ("Maya", "Tom")) == first


@pytest.mark.parametrize("text, asks", [
    ("Check the sound.", True), ("Can you check the sound, please?", True),
    ("Sound check.", True), ("Can you hear us?", True), ("Check the sounds.", True),
    ("I wish you would check the sound system at work.", False),
    ("The sound of the kids upstairs keeps me up.", False), ("Check.", False),
])
def test_check_the_sound_is_a_whole_request_not_a_word_in_sharing(text, asks):
    assert asks_for_sound_check(text) is asks


@pytest.mark.parametrize("text, change", [
    ("A bit slower, please.", AdjustVoice(rate_step=-1)),
    ("Too quiet.", AdjustVoice(volume_step=1)),
    ("I can't hear you.", AdjustVoice(volume_step=1)),
    ("No, a bit louder.", AdjustVoice(volume_step=1)),
    ("It's too fast for me.", AdjustVoice(rate_step=-1)),
    ("It's fine.", None), ("Yes, carry on.", None),
])
def test_how_the_voice_should_change_is_read_by_the_voice_commands(text, change):
    s = new_setup(names=("Maya", "Tom"), names_from="command line", microphone=False)
    s.start()
    assert s.step == "voice"
    actions = s.receive(spoken(text))
    assert [a for a in actions if isinstance(a, AdjustVoice)] == ([change] if change else [])
    assert (s.step == "voice") is (change is not None)


# ======================================================================= in the loop


class Room:
    """Turns heard in a room: each line with timing and levels, as the listener gives them."""

    def __init__(self, lines: list[str | tuple[str, Levels]]):
        self.lines = list(lines)
        self.listens: list[Listen] = []

    def next_turn(self, listen: Listen):
        from facilitator.audio import SourceExhausted

        self.listens.append(listen)
        if not self.lines:
            raise SourceExhausted("done")
        line = self.lines.pop(0)
        text, levels = line if isinstance(line, tuple) else (line, CLEAR)
        return spoken(text, levels)


def run_in_loop(known: Known, lines: list, *, names=None) -> tuple[list[dict], dict, Room]:
    setup = Setup(known, silence_timeout=None)
    room = Room(lines)
    recorder = SessionRecorder(None, names=list(PLACEHOLDERS), dialogue="intentional",
                               save=False)
    events: list[dict] = []

    def begin(b: Begin) -> Dialogue:
        return Dialogue(b.names, dialogue=b.dialogue, silence_timeout=None)

    run_dialogue(None, room, NoSpeech(), [events.append, recorder.on_event], lambda: 0.0,
                 setup=setup, begin=begin)
    return events, recorder.close("done"), room


def test_the_loop_runs_the_setup_then_the_dialogue_and_the_record_keeps_the_names():
    events, summary, _ = run_in_loop(Known(speaks=False), [
        "Maya.", "Yes.", "Tom.", "Yes.", ("We're ready.", QUIET), ("Me too.", CLEAR),
        ("Better?", CLEAR), "The full dialogue.",
        "I'd like to talk about our weekends. Is now a good time?"])
    kinds = [e["event"] for e in events]
    assert kinds.index("setup") < kinds.index("stage")
    steps = [e["step"] for e in events if e["event"] == "setup"]
    assert steps == ["name", "name", "name", "name", "sound", "sound", "sound", "choice",
                     "begin"]
    begin = next(e for e in events if e["event"] == "setup" and e["step"] == "begin")
    assert begin == {"t": 0.0, "event": "setup", "step": "begin", "names": ["Maya", "Tom"],
                     "dialogue": "intentional", "first": "Maya", "returning": False,
                     "days_since_last": None}
    sounds = [e for e in events if e["event"] == "setup" and e["step"] == "sound"]
    assert [s["verdict"] for s in sounds] == ["quiet", "clear", "clear"]
    # The dialogue opens without a second welcome, with Maya naming the topic.
    dialogue_says = [e["text"] for e in events[kinds.index("stage") - 1:] if e["event"] == "say"]
    assert dialogue_says[0].startswith("Let's set the stage.")
    assert summary["partners"] == ["Maya", "Tom"] and summary["first_sender"] == "Maya"
    # The setup's answers are not the dialogue's words.
    assert summary["topic_text"].startswith("I'd like to talk about our weekends")
    assert set(summary["words"]) == {"Maya"} and summary["words"]["Maya"] == 12
    # --plain shows every setup event as one line, for those who cannot hear the check.
    lines = [plain_line(e) for e in events if e["event"] == "setup"]
    assert all(lines), lines
    assert lines[0] == "Setup: Partner 1's name heard as Maya, to confirm."
    assert lines[4] == "Sound check: Maya, speech -52.0 dBFS, room noise -75.0 dBFS: quiet."
    assert lines[-1] == "Setup done: Maya and Tom, the full dialogue, Maya shares first."


def test_check_the_sound_mid_dialogue_then_the_dialogue_goes_on_where_it_was():
    events, summary, room = run_in_loop(
        Known(names=("Maya", "Tom"), names_from="command line", dialogue="intentional",
              sound_check=False, speaks=False),
        ["I'd like to talk about our weekends. Is now a good time?", "Check the sound.",
         ("Ready.", CLEAR), ("Ready.", CLEAR), "Yes, I'm ready."])
    says = [e["text"] for e in events if e["event"] == "say"]
    consent = "Tom, is now a good time to listen? You can say yes, I'm ready, or not now."
    assert says.count(consent) == 2  # asked again after the check
    assert says.index("I can hear you both clearly.") < len(says) - 1
    assert [e["name"] for e in events if e["event"] == "command"] == ["check the sound"]
    assert {"event": "setup", "step": "resume", "t": 0.0} in events
    assert [(listen.partner, listen.stage) for listen in room.listens] == [
        ("Maya", "appointment"), ("Tom", "appointment"), ("Maya", "setup"), ("Tom", "setup"),
        ("Tom", "appointment"), ("Maya", "send")]
    assert summary["topic_text"].startswith("I'd like to talk about our weekends")
    assert summary["commands"] == [{"t": 0.0, "stage": "appointment", "name": "check the sound",
                                    "partner": "Tom"}]


def test_one_partner_types_while_the_other_speaks_through_the_setup():
    """--typed Ben with no names yet: Ana says hers and it is read back; Ben types his. Only
    Ana's sound is checked, and in the dialogue Ben's turns come from the keyboard."""
    import queue
    import time

    from facilitator.runner import LiveStart

    args = parse_args(["session", "--typed", "Ben", "--mute", "--no-save",
                       "--dialogue", "intentional", "--no-timeouts"])
    keyboard: queue.Queue = queue.Queue()

    class Voice:
        """Ana speaks: each line is for a listening point ("either" or a partner). Ben types
        once both may answer and Ana has said her name."""

        script = [("either", "Ana."), ("either", "Yes."), ("either", "TYPE"),
                  ("Ana", "We're ready to talk."),
                  ("Ana", "I'd like to talk about the garden. Is now a good time?"),
                  ("Ana", "Let's stop here.")]

        def next_turn(self, listen):
            who, text = self.script[0]
            if (listen.partner or "either") != who:
                time.sleep(0.02)  # nobody speaks: the keyboard is being waited for
                return Silence()
            if text == "TYPE":
                self.script.pop(0)
                for line in ("Ben", "Yes, I'm ready."):
                    keyboard.put(line)
                return Silence()
            self.script.pop(0)
            return spoken(text, CLEAR)

    # The keyboard is read in the background and waits, like a person not typing.
    turns = MixedTurns({"ben"}, TypedTurns(lambda prompt: keyboard.get()), Voice(), names=())
    start = LiveStart(args, None)
    start.turns = turns
    events: list[dict] = []
    run_dialogue(None, turns, NoSpeech(), [events.append], lambda: 0.0,
                 setup=start.setup(microphone=True, speaks=False), begin=start.begin)
    name_notes = [e for e in events if e["event"] == "setup" and e["step"] == "name"]
    assert name_notes[-1] == {"t": 0.0, "event": "setup", "step": "name", "partner": 2,
                              "name": "Ben", "typed": True}
    assert [e["partner"] for e in events if e["event"] == "setup" and e["step"] == "sound"] == [
        "Ana"]
    says = [e["text"] for e in events if e["event"] == "say"]
    assert "I can hear you clearly, Ana." in says
    heard = [(e["partner"], e["text"]) for e in events if e["event"] == "heard"]
    assert heard[-2:] == [("Ben", "Yes, I'm ready."), ("Ana", "Let's stop here.")]
    assert events[-1] == {"t": 0.0, "event": "end", "reason": "stopped"}


# ============================================================ text mode, end to end

APPRECIATION_TURNS = [
    "One thing I appreciate about you is your warmth.",
    "If I got that, you appreciate my warmth. Did I get it?",
    "The reason I appreciate this is that it calms me.",
    "If I got it, the reason is that it calms you. Did I get it?",
    "One thing I appreciate about you is your patience.",
    "If I got that, you appreciate my patience. Did I get it?",
    "The reason I appreciate this is that I feel safe with you.",
    "If I got it, the reason is that you feel safe with me. Did I get it?",
]


def text_session(tmp_path: Path, lines: list[str], *extra: str,
                 events: str = "events.jsonl") -> tuple[subprocess.CompletedProcess, list]:
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "session", "--text", "--mute",
         "--events", str(tmp_path / events), *extra],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=180,
        cwd=ROOT, env=cli_env(tmp_path))
    log = [json.loads(line) for line in (tmp_path / events).read_text().splitlines()]
    return proc, log


def test_in_text_mode_the_first_time_asks_and_the_next_time_greets_by_name(tmp_path):
    proc, log = text_session(tmp_path, ["Maya", "Tom", "the short appreciation",
                                        *APPRECIATION_TURNS])
    assert proc.returncode == 0, proc.stderr
    assert log[-1]["event"] == "end" and log[-1]["reason"] == "complete"
    assert [e["step"] for e in log if e["event"] == "setup"] == ["name", "name", "choice",
                                                                  "begin"]
    # Remembered for next time, privately.
    config = (tmp_path / "config.toml").read_text()
    assert 'usual_dialogue = "appreciation"' in config and 'usual_first = "Maya"' in config
    assert '"Maya"' in config and '"Tom"' in config
    assert oct(os.stat(tmp_path / "config.toml").st_mode & 0o777) == "0o600"
    [folder] = session_folders(tmp_path / "data")
    record = json.loads((folder / "session.json").read_text())
    assert record["partners"] == ["Maya", "Tom"] and record["dialogue"] == "appreciation"

    proc, log = text_session(tmp_path, APPRECIATION_TURNS, events="again.jsonl")
    assert proc.returncode == 0, proc.stderr
    says = [e["text"] for e in log if e["event"] == "say"]
    assert says[0] == "Welcome back, Maya and Tom. Your last dialogue was earlier today."
    assert says[1] == ("This is your appreciation dialogue. Face each other and take one easy "
                       "breath.")
    first_listen = next(e for e in log if e["event"] == "listen")
    assert first_listen == {**first_listen, "partner": "Maya", "stage": "send"}
    begin = next(e for e in log if e["event"] == "setup")
    assert begin["step"] == "begin" and begin["returning"] and begin["days_since_last"] == 0


def test_names_on_the_command_line_still_win_and_no_save_remembers_nothing(tmp_path):
    (tmp_path / "config.toml").write_text('names = ["Maya", "Tom"]\nusual_dialogue = '
                                          '"appreciation"\nusual_first = "Tom"\n')
    proc, log = text_session(tmp_path, ["stop"], "--names", "Ana", "Ben", "--dialogue",
                             "intentional", "--no-sound-check", "--no-save")
    assert proc.returncode == 0, proc.stderr
    says = [e["text"] for e in log if e["event"] == "say"]
    assert says[0].startswith("Welcome, Ana and Ben.")  # no question: all was settled
    assert (tmp_path / "config.toml").read_text() == (
        'names = ["Maya", "Tom"]\nusual_dialogue = "appreciation"\nusual_first = "Tom"\n')


def test_a_bad_remembered_choice_in_the_file_is_named_with_its_line(tmp_path):
    (tmp_path / "config.toml").write_text('# mine\nusual_dialogue = "long"\n')
    proc = subprocess.run([sys.executable, "-m", "facilitator", "session", "--text", "--mute"],
                          input="", capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env=cli_env(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"facilitator: {tmp_path / 'config.toml'}, line 2: usual-dialogue = \"long\": must be "
        "intentional or appreciation")
