"""The dialogue engine, driven with plain strings through every branch of the protocol."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from facilitator import dialogue as engine
from facilitator.dialogue import (
    STEPS,
    TRANSITIONS,
    AdjustVoice,
    Coach,
    Command,
    CommandDone,
    Dialogue,
    End,
    Listen,
    MirrorChecked,
    Say,
    Silence,
    Stage,
    Utterance,
)
from facilitator.prompts import load_prompts

NAMES = ("Maya", "Leo")

TOPIC = "I'd like to talk about our weekends and the phone. Is now a good time?"
CHUNK_1 = (
    "I feel lonely on Saturday mornings when you are on your phone during breakfast. "
    "I miss talking with you."
)
MIRROR_PARTIAL = "If I got that, you said you miss talking with me. Did I get that?"
MIRROR_FULL = (
    "If I got that, you feel lonely on Saturday mornings when I'm on my phone during "
    "breakfast, and you miss talking with me. Did I get that?"
)
CHUNK_2 = "I also feel hopeful when we cook dinner together on Sundays."
MIRROR_2 = "You also feel hopeful when we cook dinner together on Sundays. Did I get that?"
SUMMARY = (
    "Let me see if I got it all. You feel lonely on Saturday mornings when I'm on my phone "
    "at breakfast, you miss talking with me, and you feel hopeful when we cook dinner "
    "together on Sundays."
)
VALIDATION = "You make sense, and what makes sense is that you want time with me."
EMPATHY = "I imagine you might be feeling lonely and sad. Is that how you feel?"


class Script:
    """Feeds utterances to a Dialogue and keeps every action for assertions."""

    def __init__(self, d: Dialogue):
        self.d = d
        self.actions = list(d.start())

    def say(self, text: str) -> list:
        out = self.d.receive(Utterance(text))
        self.actions += out
        return out

    def send(self, event) -> list:
        out = self.d.receive(event)
        self.actions += out
        return out

    @property
    def listen(self) -> Listen:
        return [a for a in self.actions if isinstance(a, Listen)][-1]

    def stages(self) -> list[str]:
        return [a.name for a in self.actions if isinstance(a, Stage)]

    def of(self, kind) -> list:
        return [a for a in self.actions if isinstance(a, kind)]


def new(**kw) -> Script:
    return Script(Dialogue(NAMES, **kw))


def run_round(s: Script, sender: str, receiver: str) -> None:
    """One sender's round: partial then complete mirror, a second chunk, summary and so on."""
    assert s.listen.partner == sender and s.listen.stage == "send"
    s.say(CHUNK_1)
    assert (s.listen.partner, s.listen.role, s.listen.stage) == (receiver, "receiver", "mirror")
    s.say(MIRROR_PARTIAL)
    check = s.of(MirrorChecked)[-1].check
    assert check.verdict != "complete"
    assert s.listen.stage == "mirror" and s.listen.partner == receiver  # a second try
    s.say(MIRROR_FULL)
    assert s.listen.stage == "confirm" and s.listen.partner == sender
    s.say("Yes, you got it.")
    assert s.listen.stage == "more" and s.listen.partner == sender
    s.say(CHUNK_2)
    assert s.listen.stage == "mirror"
    s.say(MIRROR_2)
    assert s.listen.stage == "confirm"
    s.say("Yes.")
    s.say("No, that's all.")
    assert s.listen.stage == "summary" and s.listen.partner == receiver
    s.say(SUMMARY)
    assert s.listen.stage == "validate" and s.listen.partner == receiver
    s.say(VALIDATION)
    assert s.listen.stage == "empathize" and s.listen.partner == receiver
    s.say(EMPATHY)
    assert s.listen.stage == "empathize" and s.listen.partner == sender
    s.say("Yes, that's how I feel.")


def test_full_intentional_session_runs_both_roles_and_closes():
    s = new()
    assert isinstance(s.actions[0], Say) and "phones away" in s.actions[0].text
    assert s.listen.partner == "Maya" and s.listen.stage == "appointment"
    s.say(TOPIC)
    assert s.listen.partner == "Leo" and s.listen.expect == "answer"
    s.say("Yes, I'm ready.")
    run_round(s, "Maya", "Leo")
    switch = [a for a in s.of(Stage) if a.name == "switch"]
    assert switch == [Stage("switch", "Leo", "Maya")]
    run_round(s, "Leo", "Maya")
    assert s.listen.stage == "close" and s.listen.partner == "Maya"
    s.say("One thing I appreciate about you is how you make me laugh.")
    assert s.listen.stage == "close" and s.listen.partner == "Leo"
    s.say("One thing I appreciate about you is your patience.")
    assert s.of(End) == [End("complete")]
    assert s.d.ended and s.d.receive(Utterance("hello")) == []
    one_round = [
        "send",
        "mirror",
        "confirm",
        "more",
        "mirror",
        "confirm",
        "more",
        "summary",
        "validate",
        "empathize",
    ]
    expected = ["appointment", *one_round, "switch", *one_round, "close"]
    assert _dedupe(s.stages()) == expected
    assert s.d.topic == TOPIC


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if not out or out[-1] != n:
            out.append(n)
    return out


def test_partial_mirror_feedback_names_what_was_missed_in_senders_words():
    s = new()
    s.say(TOPIC)
    s.say("Yes")
    s.say(CHUNK_1)
    out = s.say(MIRROR_PARTIAL)
    check = next(a for a in out if isinstance(a, MirrorChecked)).check
    assert check.missed
    coach = next(a for a in out if isinstance(a, Coach))
    spoken = " ".join(a.text for a in out if isinstance(a, Say))
    assert coach.kind == "mirror"
    assert any(word in spoken.lower() for word in ("lonely", "saturday", "phone", "breakfast"))
    assert not any(ch.isdigit() for ch in spoken)  # never a score aloud


def test_mirror_retries_are_bounded_then_move_on_kindly():
    s = new(max_mirror_tries=3)
    s.say(TOPIC)
    s.say("yes")
    s.say(CHUNK_1)
    for _ in range(3):
        assert s.listen.stage == "mirror"
        s.say("I think you are being unfair about the weekend.")
    assert s.listen.stage == "confirm"
    assert len(s.of(MirrorChecked)) == 3
    assert s.of(Coach)[-1].kind == "mirror"


def test_single_chunk_skips_the_summary():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    s.say(CHUNK_1)
    s.say(MIRROR_FULL)
    s.say("yes")
    s.say("No, that's all.")
    assert s.listen.stage == "validate"
    assert "summary" not in s.stages()


def test_confirm_with_an_addition_asks_for_a_mirror_of_that_part():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    s.say(CHUNK_1)
    s.say(MIRROR_FULL)
    s.say("Almost. I also said that I feel invisible at breakfast.")
    assert s.listen.stage == "mirror" and s.listen.partner == "Leo"
    out = s.say("You also feel invisible at breakfast. Did I get that?")
    assert next(a for a in out if isinstance(a, MirrorChecked)).check.verdict == "complete"
    assert s.listen.stage == "confirm"


def test_blame_is_coached_once_with_a_chance_to_rephrase():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    out = s.say("You never listen to me and you always pick your phone over me.")
    coach = [a for a in out if isinstance(a, Coach)]
    assert [c.kind for c in coach] == ["blame"]
    assert "I feel" in coach[0].text
    assert s.listen.stage == "send" and s.listen.partner == "Maya"
    s.say("I feel alone when you pick up your phone while I'm talking.")
    assert s.listen.stage == "mirror"
    # Blame in a later chunk of the same round is not coached a second time.
    s.say("You feel alone when I pick up my phone while you're talking. Did I get that?")
    s.say("yes")
    s.say("And you never put it away.")
    assert [c.kind for c in s.of(Coach)].count("blame") == 1
    assert s.listen.stage == "mirror"


def test_consent_refused_ends_kindly():
    s = new()
    s.say(TOPIC)
    out = s.say("Not now, I'm really tired.")
    assert out[-1] == End("not now")
    assert isinstance(out[-2], Say) and "fine" in out[-2].text


def test_silence_reoffers_the_prompt_and_never_ends():
    s = new(silence_timeout=30.0)
    assert s.listen.timeout == 30.0
    s.say(TOPIC)
    s.say("yes")
    for _ in range(4):
        out = s.send(Silence())
        assert isinstance(out[-1], Listen) and out[-1].stage == "send"
        assert any(isinstance(a, Say) and "I feel" in a.text for a in out)
    assert not s.of(End)
    # An empty transcript is a silence, not a turn.
    out = s.say("   ")
    assert isinstance(out[-1], Listen) and out[-1].stage == "send"


def test_timers_can_be_turned_off():
    s = new(silence_timeout=None)
    assert s.listen.timeout is None


def test_safety_concern_pauses_with_a_pointer_to_help():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    out = s.say("Sometimes when he drinks he hits me and I'm scared.")
    coach = [a for a in out if isinstance(a, Coach)]
    assert coach and coach[0].kind == "safety"
    assert "call your local emergency number" in coach[0].text
    assert "A counsellor or a crisis line can help." in coach[0].text
    assert s.listen.partner is None and s.listen.role == "either"
    # While paused, content does not move the dialogue on.
    s.say("I feel lonely on Saturdays.")
    assert s.listen.role == "either"
    s.say("resume")
    assert s.listen.stage == "send" and s.listen.partner == "Maya"


def test_appreciation_dialogue_runs_both_partners():
    s = new(dialogue="appreciation")
    assert s.listen.stage == "send" and s.listen.expect == "appreciate"
    s.say("One thing I appreciate about you is how you make coffee for me every morning.")
    assert s.listen.stage == "mirror" and s.listen.partner == "Leo"
    s.say("If I got that, you appreciate how I make coffee for you every morning.")
    assert s.listen.stage == "send" and s.listen.partner == "Maya"
    s.say("The reason I appreciate this is that it makes me feel cared for.")
    s.say("The reason is that it makes you feel cared for.")
    assert s.of(Stage)[-1] == Stage("send", "Leo", "Maya")
    s.say("One thing I appreciate about you is your laugh at dinner.")
    s.say("You appreciate my laugh at dinner.")
    s.say("The reason I appreciate this is that it relaxes me after work.")
    s.say("The reason is it relaxes you after work.")
    assert s.of(End) == [End("complete")]
    assert all(c.check.verdict == "complete" for c in s.of(MirrorChecked))


def test_voice_commands_at_a_listening_point():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    before = [a.text for a in s.of(Say)][-1]
    out = s.say("Say that again, please.")
    assert CommandDone("repeat") in out and Say(before) in out
    out = s.say("slower please")
    assert AdjustVoice(-1) in out and isinstance(out[-1], Listen)
    out = s.say("faster")
    assert AdjustVoice(1) in out
    out = s.say("What do I do now?")
    assert CommandDone("help") in out and s.listen.stage == "send"
    out = s.say("pause")
    assert s.listen.role == "either"
    s.say("continue")
    assert s.listen.stage == "send" and s.listen.partner == "Maya"
    out = s.say("skip")
    # Maya's turn to share is skipped: the roles switch and Leo is asked to share
    assert CommandDone("skip") in out
    assert [a for a in out if isinstance(a, Stage)] == [Stage("switch", "Leo", "Maya"),
                                                      Stage("send", "Leo", "Maya")]
    assert s.listen.stage == "send" and s.listen.partner == "Leo"
    out = s.say("go back")
    assert CommandDone("back") in out
    out = s.say("stop")
    assert out[-1] == End("stopped") and CommandDone("stop") in out


def test_command_words_inside_sharing_are_content():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    s.say("I wish you would stop checking your phone at dinner.")
    assert s.listen.stage == "mirror"
    assert not s.of(CommandDone)


def test_skip_and_back_follow_the_table():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    s.say(CHUNK_1)
    assert s.listen.stage == "mirror"
    s.send(Command("skip"))
    assert s.listen.stage == "confirm"
    s.send(Command("back"))
    assert s.listen.stage == "mirror" and s.listen.partner == "Leo"


def test_every_step_has_prompts_help_and_a_skip_row():
    prompts = load_prompts()
    targets = set(STEPS) | {engine.ROUND_END, engine.SWITCH, engine.FINISH, engine.NOT_NOW,
                            engine.WRAP_UP}
    for (step, _), target in TRANSITIONS.items():
        assert step in STEPS and target in targets
    for name, spec in STEPS.items():
        assert (name, "skip") in TRANSITIONS, name
        assert prompts.has(spec.prompt), spec.prompt
        assert prompts.has(f"help.{name}"), name


def test_engine_does_no_io():
    tree = ast.parse(Path(engine.__file__).read_text())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not imported & {"time", "threading", "sounddevice", "numpy", "asyncio", "os", "sys"}
    assert "print(" not in Path(engine.__file__).read_text()


def test_same_events_give_same_actions():
    def run() -> list:
        s = new()
        for text in (TOPIC, "yes", CHUNK_1, MIRROR_PARTIAL, MIRROR_FULL, "yes", "that's all"):
            s.say(text)
        return s.actions

    assert run() == run()


def test_names_are_required():
    with pytest.raises(ValueError):
        Dialogue(("Maya", " "))
    with pytest.raises(ValueError):
        Dialogue(NAMES, dialogue="debate")


def test_continue_as_an_answer_is_not_a_command():
    s = new()
    s.say(TOPIC)
    s.say("yes")
    s.say(CHUNK_1)
    s.say(MIRROR_FULL)
    assert s.listen.stage == "confirm"
    s.say("Yes, please continue.")
    assert s.listen.stage == "more"
    assert not s.of(CommandDone)
