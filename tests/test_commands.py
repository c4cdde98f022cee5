"""Voice commands said in natural words, and the same words inside sharing.

Each way a command may be said is paired with a sentence that uses the same words and must
stay content: what changes between them is what the reader has to notice.
"""

from __future__ import annotations

import importlib.util

import pytest

from facilitator.understanding import commands
from facilitator.understanding.commands import COMMANDS, CommandReader, fits, read_grammar
from facilitator.understanding.examples import load_examples
from facilitator.understanding.model import MeaningModel


@pytest.fixture(autouse=True)
def _read_afresh():
    """Every test reads its sentences afresh. The grammar keeps its readings per text (and
    per clause, and per mended word), so a reading left by an earlier test, or by the
    process a mutation run forks from, would answer in place of the code under test."""
    for cached in (commands._read, commands._match, commands.units, commands._mend):
        cached.cache_clear()


@pytest.fixture(scope="module")
def reader() -> CommandReader:
    return CommandReader(MeaningModel(), load_examples())


def read(reader: CommandReader, step: str, text: str) -> str | None:
    """As the turn reader calls it: with the sentence vector it already has."""
    return reader.read(step, text, reader.model.sentences([text])[0])


# (step, said, command) and (step, near miss): the near miss must stay content.
PAIRS = [
    # stop, with a reason or a feeling about tonight
    (("send", "Stop. I cannot do this anymore.", "stop"),
     ("send", "I need you to stop checking your phone")),
    (("mirror", "Let us just stop for tonight.", "stop"),
     ("appointment_consent", "yes, but can we stop by nine, I have an early shift")),
    (("validate", "I'm done, stop.", "stop"),
     ("more", "that's pretty much it. I'm done.")),
    (("more", "Okay, stop. This is turning into a fight again, let's stop for tonight.", "stop"),
     ("empathy_confirm", "no, stop guessing, I'm not upset about that")),
    (("send", "end it", "stop"),
     ("send", "I want to end it")),
    (("close_first", "shut it off", "stop"),
     ("appointment_consent", "sure, let me just turn the TV off")),
    # pause: offered for a moment, with what is going on at home
    (("validate", "Wait, pause.", "pause"),
     ("appointment_consent", "wait, who's talking first?")),
    (("send", "I need a break", "pause"),
     ("send", "I need a break from doing all the cooking")),
    (("send", "hang on a sec, the baby's crying", "pause"),
     ("appointment_consent", "sure, just let me pause the movie... okay, yes")),
    (("mirror", "hang on the doorbell", "pause"),
     ("empathize", "I imagine you might be feeling exhausted, like you just need a break")),
    (("validate", "can we stop for a minute, I need to get some tissues", "pause"),
     ("send", "I need a break, honestly, from everything")),
    (("confirm", "can we pause for a bit, I'm getting upset", "pause"),
     ("appointment_consent", "give me ten minutes to finish this email and then yes")),
    (("empathize", "wait, paws", "pause"),
     ("send", "I feel ignored when you say wait a minute and then never come back")),
    # repeat
    (("mirror", "sorry, I didn't catch that, can you say it again?", "repeat"),
     ("confirm", "can you repeat what I said back to me?")),
    (("confirm", "ree peat that", "repeat"),
     ("more", "no, that covers it, I don't want to repeat myself")),
    (("empathize", "what did it say? I imagine what?", "repeat"),
     ("more", "one more thing, I hate it when you repeat yourself")),
    (("send", "I missed it can you say it again", "repeat"),
     ("confirm", "sort of, can you say it back again?")),
    # slower and faster
    (("send", "you're going way too fast", "slower"),
     ("mirror", "so you'd like me to slow down when I drive")),
    (("more", "slow dawn please", "slower"),
     ("confirm", "mostly, but you went too fast, I said more than that")),
    (("more", "could you slow down, you're rushing me", "slower"),
     ("empathize", "I imagine you might feel anxious, like things are going too fast")),
    (("close_first", "faster please, it's late", "faster"),
     ("more", "um, I also feel scared when you drive faster when you're angry")),
    (("mirror", "you can talk faster, we're not kids", "faster"),
     ("send", "you never slow down, it's always go go go")),
    # louder and quieter
    (("appointment_consent", "I can't hear you", "louder"),
     ("send", "I can't hear you when you mumble from the other room and it frustrates me")),
    (("send", "louder, the dishwasher's on", "louder"),
     ("confirm", "kind of, you missed that I said you get louder and louder")),
    (("empathize", "quieter, the baby's sleeping", "quieter"),
     ("send", "I feel hurt when you say I'm too loud at parties")),
    (("more", "turn the volume down", "quieter"),
     ("send", "I feel lonely when you put your headphones on and turn the volume up")),
    # voice
    (("send", "that voice is kind of creepy, can you switch it", "voice"),
     ("send", "can you switch it")),
    (("empathy_confirm", "chains the voice", "voice"),
     ("mirror", "you don't like it when I use that voice, the cold one, is that right?")),
    # help
    (("send", "what am I meant to say here?", "help"),
     ("send", "Help. That's what I need. More help with the kids in the mornings.")),
    (("validate", "what am I supposed to say, that it makes sense?", "help"),
     ("send", "I need help, I'm drowning at work")),
    (("mirror", "I'm stuck, help me out", "help"),
     ("send", "I feel stuck when you won't talk about it")),
    # skip
    (("validate", "can we skip this part, I'm not good at it", "skip"),
     ("send", "you always skip the hard conversations and go watch TV")),
    (("more", "sk ip", "skip"),
     ("appointment_consent", "no, I want to skip it tonight, I'm too tired")),
    # back
    (("mirror", "No no, go back, undo that, I wasn't finished", "back"),
     ("confirm", "not quite, go back to the part about my mom")),
    (("mirror", "go beck", "back"),
     ("empathize", "I don't know. can we just go back to what you said about the kids?")),
    (("send", "Um, can we skip this step for now? I'll come back to it.", "skip"),
     ("send", "I want to go back to how we were before the baby, I miss us")),
    # resume: after a pause, not as consent or an answer
    (("appointment_consent", "we're back, you can carry on", "resume"),
     ("appointment_consent", "I guess, yeah, go on then")),
    (("empathy_confirm", "sorry, go ahead", "resume"),
     ("empathy_confirm", "yes, that's how I feel, you can go on")),
    (("paused", "okay, we're ready", "resume"),
     ("send", "okay, we're ready")),
    # indirect requests: the frame says nothing of which command, the rest says all
    (("send", "do you think you could slow down a little", "slower"),
     ("send", "do you think we could go away in June")),
    (("mirror", "would it be possible to go back a step", "back"),
     ("send", "would it be possible for you to help more on weekends")),
    (("confirm", "is there a way to skip this", "skip"),
     ("send", "is there a way we could go back to how we were")),
    (("send", "would you mind lowering the volume", "quieter"),
     ("send", "would you mind helping me with the garden")),
    (("more", "I was wondering if you could say that again", "repeat"),
     ("send", "I was wondering if we could visit my sister")),
    # questions and complaints about the facilitator, not about a partner or life
    (("send", "can it talk faster", "faster"),
     ("send", "you're so slow in the mornings and we're always late")),
    (("validate", "why is it so quiet", "louder"),
     ("send", "why are you so quiet lately?")),
    (("empathize", "does it have to be so loud?", "quieter"),
     ("send", "does it have to be so loud every time your friends come over")),
    (("send", "it's a bit rapid", "slower"),
     ("send", "everything is moving too fast for me")),
    (("send", "I'm not really sure what I'm meant to say here", "help"),
     ("send", "I don't know what to say when you get like that")),
    # reasons and apologies around the command; a partner's doings are not a reason
    (("send", "sorry to be a pain but could you slow down", "slower"),
     ("send", "sorry, I know I rushed you yesterday")),
    (("empathize", "undo, sorry, I said that the wrong way round", "back"),
     ("send", "I'm sorry I said it wrong last week")),
    (("confirm", "pick it up a bit, this is taking forever", "faster"),
     ("send", "he'd never lay a hand on me, he's just really loud")),
    (("validate", "pause for a bit, I need to calm down", "pause"),
     ("send", "give me a break, I'm trying my best")),
    (("send", "louder, we're over on the sofa", "louder"),
     ("send", "I can't hear myself think with the TV on all the time")),
    # "I" left out, or the partner named as the one who cannot hear
    (("send", "didn't catch that, sorry", "repeat"),
     ("send", "missed you at dinner again")),
    (("send", "my husband can't hear it", "louder"),
     ("send", "she can't hear you when you mumble from the hall")),
    # hesitations and restarts
    (("send", "can you, um, can you say the question again", "repeat"),
     ("send", "what's the, uh, what's the point of arguing about it")),
    # recognition slips and misspellings of the command words
    (("send", "lauder pleas", "louder"),
     ("send", "I feel like a ski trip would do us good")),
    (("empathize", "can we go to the necks step", "skip"),
     ("send", "the pauses between your texts make me anxious")),
    (("mirror", "can you change the vice", "voice"),
     ("send", "I'm tired of the vice president stuff at work")),
    (("send", "stopp", "stop"),
     ("send", "I want to end this cycle of fighting")),
    # how to say it again is part of asking for it
    (("send", "can you say that again but slower", "repeat"),
     ("more", "one more thing, can you speak up for me with your dad")),
]


@pytest.mark.parametrize("command, near_miss", PAIRS, ids=[p[0][1][:40] for p in PAIRS])
def test_a_command_in_natural_words_and_its_near_miss(reader, command, near_miss):
    step, said, expected = command
    assert read(reader, step, said) == expected, said
    step, said = near_miss
    assert read(reader, step, said) is None, said


def test_every_command_has_a_tolerant_example_above():
    assert {p[0][2] for p in PAIRS} == set(COMMANDS)


def test_the_command_names_are_the_dialogues():
    from facilitator.dialogue import COMMANDS as DIALOGUE_COMMANDS

    assert set(COMMANDS) == set(DIALOGUE_COMMANDS)


@pytest.mark.parametrize("text", [
    "can you repeat that I didn't hear the end",  # no comma between request and reason
    "please, please, please stop",
    "STOP!!!",
    "Sorry — could you say that one more time?",
])
def test_punctuation_case_and_repetition_do_not_matter(reader, text):
    assert read(reader, "send", text) is not None


def test_an_answer_to_the_step_outweighs_a_command_word(reader):
    # "yes" answers the empathy check; "go on" is said to the partner
    assert read(reader, "empathy_confirm", "yes, go on") is None
    assert read(reader, "send", "go on") == "resume"
    # "not now" answers the consent question; the break is the reason for later
    assert read(reader, "appointment_consent",
                "not now, I need a break first, maybe after dinner?") is None
    assert read(reader, "send", "I need a break first") == "pause"


def test_a_long_turn_is_sharing_whatever_words_it_holds(reader):
    text = ("I feel lonely when you put your headphones on after dinner, and when I ask you to "
            "stop and talk you say wait, give me a minute, and then the whole evening is gone "
            "and I go to bed by myself again")
    assert read(reader, "send", text) is None


def test_an_empty_turn_is_no_command(reader):
    assert read(reader, "send", "") is None
    assert read(reader, "send", "   ") is None


def test_the_meaning_vector_finds_a_command_in_words_the_grammar_lacks(reader):
    text = "the narrator could sound nicer"
    assert read_grammar("send", text) is None
    assert read(reader, "send", text) == "voice"


def test_the_meaning_vector_never_overrules_a_command_the_grammar_read_as_content(reader):
    # "huh?" to the consent question is an unclear answer; the vector alone says "repeat"
    assert read(reader, "appointment_consent", "what? now?") is None
    assert read(reader, "send", "what?") == "repeat"


def test_a_story_with_a_command_in_it_is_sharing(reader):
    text = ("The idea of moving to Canada, honestly, it's like the ground going out from "
            "under me. I'm not against it, I just need it slower.")
    assert read(reader, "send", text) is None
    assert read(reader, "send", "I just need it slower, honestly") == "slower"


@pytest.mark.parametrize("step, text", [
    ("appointment_consent", "wait, me or her?"),
    ("appointment_consent", "hold on, about what?"),
    ("appointment_consent", "huh?"),
    ("more", "hold on, let me think"),
    ("more", "I'll stop there"),
])
def test_a_hesitation_before_an_answer_is_the_answer(reader, step, text):
    assert read(reader, step, text) is None


@pytest.mark.parametrize("step, text, expected", [
    ("send", "wait, I need to think", "pause"),
    ("send", "huh?", "repeat"),
    ("send", "sorry?", "repeat"),
    ("validate", "I'll stop there, we're exhausted", "stop"),
])
def test_the_same_words_are_a_command_where_nothing_is_asked(reader, step, text, expected):
    assert read(reader, step, text) == expected


@pytest.mark.parametrize("text, expected", [
    # asking about the session is not asking to end or pause it
    ("why did it stop?", None), ("did it stop?", None), ("why'd it stop?", None),
    ("why did it pause?", None), ("how did it end", None),
    # a clause that ends in "it" after what was heard or done still ends there
    ("I did it, stop", "stop"), ("we did it stop", "stop"),
    ("I missed it can you say it again", "repeat"), ("I lost that say it again", "repeat"),
    ("I lost this say it again", "repeat"),
])
def test_a_question_about_the_session_is_not_its_command(text, expected):
    assert read_grammar("send", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("they didn't catch that", "repeat"), ("she can't hear you", "louder"),
    ("we didn't catch that", "repeat"),
    # said to the partner, "you" is not the one who cannot hear
    ("you didn't catch that", None), ("you can't hear me", None),
])
def test_the_one_who_cannot_hear_may_be_the_partner_but_not_you(text, expected):
    assert read_grammar("send", text) == expected


@pytest.mark.parametrize("step, text, expected", [
    # a command and what goes with it, said without a comma
    ("send", "enough stop", "stop"), ("send", "wait everyone", "pause"),
    ("send", "wait the baby's crying", "pause"),
    ("paused", "we're ready the baby's asleep", "resume"),
    ("send", "thanks I'll stop there", "stop"),
    # the same words as an answer, or the verb's own object
    ("more", "thanks I'll stop there", None),
    ("send", "we should stop our fighting", None), ("send", "we should stop", "stop"),
])
def test_a_command_is_found_inside_a_clause_said_without_a_comma(step, text, expected):
    assert read_grammar(step, text) == expected


@pytest.mark.parametrize("step, text, expected", [
    # asked "is now a good time?", minutes asked for say "later", not "pause"
    ("appointment_consent", "give me five minutes", None),
    ("appointment_consent", "stop for a few minutes", None),
    ("appointment_consent", "hang on a second", "pause"),
    ("send", "give me five minutes", "pause"),
])
def test_minutes_asked_for_at_the_consent_question_are_a_later(step, text, expected):
    assert read_grammar(step, text) == expected


@pytest.mark.parametrize("text", ["she is not able to hear it", "she's having trouble hearing"])
def test_the_partner_not_able_to_hear_asks_for_louder(text):
    assert read_grammar("send", text) == "louder"


def test_which_way_normal_speed_goes_is_said_by_the_reason(reader):
    assert read(reader, "more", "could you go at normal speed, this is like half speed") == (
        "faster")
    assert read(reader, "more", "go at normal speed please, it's all blurring together") == (
        "slower")
    assert read(reader, "send", "could you go at normal speed") is None


def test_a_request_said_for_another_yields_to_it(reader):
    # "go again" resumes after a pause, but beside "didn't hear" it asks for the prompt
    assert read(reader, "confirm", "didn't hear the prompt, go again?") == "repeat"
    assert read(reader, "send", "can we go again") == "resume"
    # the trouble is the reason for the request
    assert read(reader, "send", "can we just move on, I don't know how to do this") == "skip"


def test_every_hand_kept_example_is_read_as_labelled_by_the_grammar():
    """The wordings in examples/commands.toml are the grammar's own regression set: a
    command group is read as its command, a group said at a step is not a command."""
    import tomllib
    from pathlib import Path

    path = (Path(__file__).resolve().parent.parent / "facilitator" / "data" / "understanding"
            / "examples" / "commands.toml")
    with open(path, "rb") as f:
        groups = tomllib.load(f)["group"]
    wrong = [(g.get("command"), text) for g in groups for text in g["texts"]
             if read_grammar(g.get("step") or "send", text) != g.get("command")]
    # a few are left to the meaning vector, or said only while paused
    assert len(wrong) <= 10, wrong


def test_the_meaning_vector_never_overrules_what_the_grammar_rejected(reader):
    # the vector alone leans to "skip" and "pause"; the verb's object shows it is sharing
    assert read(reader, "send", "skip the excuses") is None
    assert read(reader, "send", "wait for me sometimes") is None


def test_the_reader_reads_without_a_vector_given(reader):
    assert reader.read("send", "Stop. I cannot do this anymore.") == "stop"
    # and encodes the turn itself where only the meaning vector can read it
    assert reader.read("send", "the narrator could sound nicer") == "voice"
    assert reader.read("send", None) is None


@pytest.mark.parametrize("text", ["go ahead", "okay, carry on"])
def test_go_ahead_to_the_consent_question_is_its_yes_not_a_return(text):
    assert read_grammar("appointment_consent", text) is None
    assert read_grammar("send", text) == "resume"


# --- the turn reader: "resume" where nothing is paused -------------------------------------

@pytest.fixture(scope="module")
def understand():
    from facilitator.understanding import default

    return default()


@pytest.mark.parametrize("step, text", [
    ("confirm", "yes, please continue"),
    ("appointment_consent", "okay, go ahead"),
    ("empathy_confirm", "keep going"),
])
def test_resume_at_a_question_is_its_answer(understand, step, text):
    turn = understand.turn(step, text)
    assert turn.command is None
    assert turn.outcome is not None
    assert turn.as_dict() == understand.turn(step, text, commands=False).as_dict()


def test_resume_is_a_command_while_paused_and_between_questions(understand):
    assert understand.turn(None, "okay, we're back, carry on").command == "resume"
    assert understand.turn("send", "we're back, go ahead").command == "resume"
    # other commands at a question stay commands
    assert understand.turn("confirm", "sorry, can you say that again?").command == "repeat"


def test_commands_can_be_left_unread(understand):
    turn = understand.turn("send", "stop, please", commands=False)
    assert turn.command is None and turn.outcome == "shared"


# --- the grammar as a new process builds it -------------------------------------------------

def _built_afresh():
    """commands.py run anew, as a new session loads it: the grammar is built from its parts
    when the module is loaded, so what the parts make is seen only in a module built now."""
    spec = importlib.util.spec_from_file_location(commands.__name__, commands.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# How the speech is found wanting, each way the grammar takes it, and how asking for a
# manner of speaking is said for the evening or for a sentence said again.
BUILT = [
    ("it is way too fast for me to follow", "slower"),
    ("the voice sounds really slow", "faster"),
    ("you are talking really quietly", "louder"),
    ("you speak so softly", "louder"),
    ("way too loud", "quieter"),
    ("why is the voice so quiet", "louder"),
    ("does it have to be so loud", "quieter"),
    ("is the voice talking a bit slow", "faster"),
    ("can it be a bit faster today", "faster"),
    ("louder tonight", "louder"),
    ("slow down tonight please", "slower"), ("quieter tonight", "quieter"),
    ("a different voice tonight", "voice"),
    ("say that again but slower", "repeat"),
    ("stop for tonight", "stop"),
    ("can we pause for a bit", "pause"),
    ("why are you so quiet", None),
    ("the kids are way too loud", None),
    ("skip the slower part tonight", None),
    ("can you help me tonight", None),  # the evening is for the speech's manner only
]


def test_the_grammar_built_at_load_reads_the_speech_found_wanting():
    fresh = _built_afresh()
    assert fresh is not commands
    assert [fresh.read_grammar("send", text) for text, _ in BUILT] == [c for _, c in BUILT]


# --- when the meaning vector may name a command the grammar did not read -----------------

# (step, said, command it may be): each that fits beside a near miss that must not.
FITS = [
    # a word of the command's subject
    (("send", "the narrator could sound nicer", "voice"),
     ("send", "could it be nicer", "voice")),
    # said to the facilitator, not of life
    (("send", "the narrator is moving too fast for me", "slower"),
     ("send", "everything is moving too fast for me", "slower")),
    # a verb the grammar already read, and found its object is not the session
    (("send", "the app could skip that one", "skip"),
     ("send", "can you skip the excuses", "skip")),
    # a return to the session is no answer to a question
    (("send", "the app can carry on now", "resume"),
     ("confirm", "the app can carry on now", "resume")),
    # more than the words said beside a command
    (("send", "okay, we are ready now, the app can carry on", "resume"),
     ("send", "okay, we're ready", "resume")),
    (("send", "okay please, we're ready, the app can go on", "resume"),
     ("send", "okay please, we're ready", "resume")),
    # a reason that backs the command, and a question about the speech, are no sharing
    (("send", "the narrator is way too fast, you are rushing me", "slower"),
     ("send", "the narrator is way too fast, you are always late", "slower")),
    (("send", "is the narrator going way too fast", "slower"),
     ("send", "is everything going way too fast", "slower")),
    # an answer to the step's question
    (("confirm", "the narrator could sound nicer", "voice"),
     ("confirm", "yes, the narrator could sound nicer", "voice")),
    (("send", "yes, the narrator could sound nicer", "voice"),
     ("empathy_confirm", "yes, the narrator could sound nicer", "voice")),
    (("more", "the narrator could sound nicer", "voice"),
     ("more", "also the narrator could sound nicer", "voice")),
    (("appointment_consent", "the narrator could sound nicer", "voice"),
     ("appointment_consent", "the narrator could sound nicer later", "voice")),
    # a day named to the question "is now a good time?" is a time offered, not a repeat
    (("more", "can you ask us again on sunday", "repeat"),
     ("appointment_consent", "can you ask us again on sunday", "repeat")),
    # sharing beside it
    (("send", "the narrator could be nicer", "voice"),
     ("send", "the narrator could sound nicer when you shout", "voice")),
]


@pytest.mark.parametrize("fit, near_miss", FITS, ids=[p[1][1][:40] for p in FITS])
def test_a_turn_fits_a_command_only_when_nothing_in_it_is_sharing_or_an_answer(fit, near_miss):
    assert fits(*fit), fit
    assert not fits(*near_miss), near_miss


def test_an_empty_turn_fits_no_command():
    assert not any(fits("send", text, command) for text in ("", "...") for command in COMMANDS)


# --- words as the recogniser writes them --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a command word misspelt by a letter changed, added, dropped or two swapped
    ("stoq", "stop"), ("stopp", "stop"), ("stp", "stop"), ("sotp", "stop"),
    ("pasue", "pause"), ("rpeat", "repeat"), ("hlep", "help"),
    # a word that is the command word with an ending is another word, not a slip
    ("stopd", None), ("skiped", None),
    # a name no dictionary holds is a name, not a command word mended
    ("stop, Jaxon", "stop"), ("slower, xyzq", "slower"),
])
def test_a_command_word_misspelt_by_one_letter_is_still_the_command(text, expected):
    assert read_grammar("send", text) == expected


@pytest.mark.parametrize("text, expected", [
    # a command word the recogniser splits in two, anywhere in the clause
    ("can we sk ip this part", "skip"),
    ("say it again slow er", "repeat"),
    ("can you re peat the question", "repeat"), ("slow down slow down", "slower"),
    # a restart of two, three or four words is said once; a word said over and over too
    ("turn it turn it down", "quieter"), ("can we go can we go back", "back"),
    ("okay turn it turn it down", "quieter"),
    ("could we please could we please stop", "stop"),
    ("can you say it can you say it again", "repeat"),
    ("no no no go back", "back"), ("wait wait wait wait", "pause"),
    # a contraction of "did" after "what", and words whose apostrophe is only spelling
    ("what'd it say", "repeat"),
    ("stop, ma'am", "stop"), ("pause, y'all", "pause"),
])
def test_words_are_read_as_said_not_as_written(text, expected):
    assert read_grammar("send", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("would you mind lowering the volume", "quieter"),
    ("would you mind slowing down", "slower"),
    ("would you mind pausing", "pause"),          # "paus" + e
    ("would you mind stopping", "stop"),          # "stopp" less its doubled p
    ("would you mind skipping this part", "skip"),
    ("would you mind repeating that", "repeat"),
    ("would you mind speaking up", "louder"),
    ("would you mind lowering your voice at parties", None),
])
def test_would_you_mind_doing_asks_the_same_as_do(text, expected):
    assert read_grammar("send", text) == expected


@pytest.mark.parametrize("step, text, expected", [
    # hedges and degrees change nothing of which command
    ("send", "could you kind of slow down", "slower"),
    ("send", "can you sort of slow down", "slower"),
    ("send", "can you like I said slow down", "slower"),
    ("send", "ease up a little on the speed please", "slower"),
    ("send", "what exactly am I supposed to say", "help"),
    ("send", "okay like stop", "stop"), ("send", "we like need a break", "pause"),
    # but a hedge that answers the question is the answer
    ("empathy_confirm", "kind of, keep going", None),
    ("send", "keep going", "resume"),
])
def test_hedges_and_degrees_say_nothing_of_which_command(step, text, expected):
    assert read_grammar(step, text) == expected


@pytest.mark.parametrize("step, text, expected", [
    ("send", "pause, I'm heartbroken", "pause"),  # how one feels now: a reason
    # a feeling beside the command is sharing
    ("send", "pause, so ashamed", None), ("send", "pause, my heart is broken", None),
    ("send", "hang on, feeling so heartbroken", None),
    ("send", "wait, honestly the whole thing makes me furious", None),
])
def test_a_feeling_beside_a_command_makes_the_turn_sharing(step, text, expected):
    assert read_grammar(step, text) == expected
