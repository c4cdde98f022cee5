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


# ------------------------------------------------ every branch, with a scripted reader
#
# The understanding layer is replaced by a reader that reads each text as the test says:
# what is checked is the engine's own part, events in and actions out.

from facilitator.feedback import mirror_feedback  # noqa: E402
from facilitator.understanding import MirrorCheck, Turn, rules  # noqa: E402

P = load_prompts()


def line(key: str, variant: int = 0, **extra) -> str:
    """A prompt as said to Maya (sender) and Leo (receiver)."""
    fields = {"sender": "Maya", "receiver": "Leo", "first": "Maya", "second": "Leo",
              "topic": "", **extra}
    return P.text(key, variant=variant, **fields)


def missed(point: str) -> MirrorCheck:
    return MirrorCheck(0.0, "missed", [point], [], [point])


class Reader:
    """A stand-in understanding layer: ``turns`` maps a text to how it is read (Turn
    fields), ``checks`` a mirror or summary to its MirrorCheck; anything else is plain
    content, and a mirror not listed is missed. Every question asked is kept."""

    def __init__(self, turns=None, checks=None):
        self.turns = turns or {}
        self.checks = checks or {}
        self.asked = []

    def turn(self, step, text, *, commands=True):
        self.asked.append(("turn", step, text))
        return Turn(step or "paused", **self.turns.get(text, {"outcome": None}))

    def mirror(self, sender, mirror, earlier=()):
        self.asked.append(("mirror", sender, mirror, list(earlier)))
        return self.checks.get(mirror) or missed(sender)

    def summary(self, chunks, summary, earlier=()):
        self.asked.append(("summary", list(chunks), summary, list(earlier)))
        return self.checks.get(summary) or missed(chunks[0])


COMPLETE = MirrorCheck(1.0, "complete", ["p"], ["p"], [])
UNSURE = MirrorCheck(0.5, "unsure", ["p"], ["p"], [], confident=False)
READINGS = {
    "yes": {"outcome": "yes"}, "no": {"outcome": "no"}, "done": {"outcome": "done"},
    "partly": {"outcome": "partly"}, "valid": {"outcome": "valid"},
    "feeling": {"outcome": "feeling"}, "later": {"outcome": "later"},
    "after dinner": {"outcome": "later", "when": "after dinner"},
    "blame": {"outcome": "blame", "why": "absolute"},
    "You never listen to me.": {"outcome": "blame", "why": "absolute"},
    "scared": {"outcome": None, "safety": "violence"},
    **{name: {"outcome": None, "command": name} for name in engine.COMMANDS},
}


def scripted(*, turns=None, checks=None, **kw) -> Script:
    reader = Reader({**READINGS, **(turns or {})}, {"good mirror": COMPLETE, "unsure": UNSURE,
                                                    **(checks or {})})
    return Script(Dialogue(NAMES, understanding=reader, **kw))


def listen(partner, role, stage, expect, timeout=45.0) -> Listen:
    return Listen(partner, role, stage, expect, timeout)


def at_send(**kw) -> Script:
    s = scripted(**kw)
    s.say("the weekends")
    s.say("yes")
    return s


def at_confirm(chunk: str = "I feel lonely at breakfast.", **kw) -> Script:
    s = at_send(**kw)
    s.say(chunk)
    s.say("good mirror")
    return s


def at_validate(**kw) -> Script:
    s = at_confirm(**kw)
    s.say("yes")
    s.say("done")
    return s


def test_every_action_is_well_formed_and_coaching_is_said_aloud():
    # Whatever path a session takes, a Say has words, a Coach's line is the next thing
    # said, a Stage names a stage and both partners, a Listen is for a stage of the table.
    stages = {spec.stage for spec in STEPS.values()} | {"switch"}
    s = at_validate(turns={"meh": {"outcome": None, "why": "dismissal"}})
    for text in ("meh", "meh", "nope", "feeling", "partly", "feeling", "yes"):
        s.say(text)
    s.send(Silence())
    for n, action in enumerate(s.actions):
        if isinstance(action, Say):
            assert isinstance(action.text, str) and action.text.strip(), n
        elif isinstance(action, Coach):
            assert action.kind and action.text, n
            assert isinstance(s.actions[n + 1], Say), n
            assert s.actions[n + 1].text.startswith(action.text), n
        elif isinstance(action, Stage):
            assert action.name in stages and {action.sender, action.receiver} == set(NAMES)
        elif isinstance(action, Listen):
            assert action.stage in stages
        else:
            assert action is not None


def test_the_opening_with_and_without_a_welcome_and_after_a_long_gap():
    d = Dialogue(NAMES, understanding=Reader())
    assert d.listening_to is None  # nothing is listened to before the start
    assert d.start(welcome=False)[0] == Say(line("intentional.begin"))
    first = Script(Dialogue(NAMES, understanding=Reader(), gap="three weeks")).actions
    assert first[:2] == [Say(line("intentional.welcome")),
                         Say(line("intentional.welcome_back", gap="three weeks"))]
    after_setup = Dialogue(NAMES, understanding=Reader(), gap="three weeks").start(welcome=False)
    assert after_setup[:2] == [Say(line("intentional.begin")),
                               Say(line("intentional.gap_offer", gap="three weeks"))]
    assert Script(Dialogue(NAMES, understanding=Reader())).actions[0] == Say(
        line("intentional.welcome"))


def test_defaults_wait_45_seconds_and_allow_three_mirrors():
    s = at_send()
    assert s.listen.timeout == 45.0
    s.say("I feel lonely.")
    for _ in range(2):
        s.say("a miss")
        assert s.listen.stage == "mirror"
    s.say("a miss")
    assert s.listen.stage == "confirm"


def test_at_least_one_mirror_is_always_allowed_and_one_try_can_be_the_last():
    s = at_send(max_mirror_tries=1)
    s.say("I feel lonely.")
    out = s.say("a miss")
    assert out[1:3] == [Coach("mirror", line("coach.mirror_move_on")),
                        Say(line("coach.mirror_move_on"))]
    assert s.listen.stage == "confirm"
    s = at_send(max_mirror_tries=0)
    s.say("I feel lonely.")
    s.say("a miss")
    assert s.listen.stage == "confirm"


def test_wrong_setup_and_unknown_input_are_named_errors():
    with pytest.raises(ValueError, match=r"^unknown dialogue 'debate'; choose intentional, "
                                         r"appreciation$"):
        Dialogue(NAMES, dialogue="debate")
    with pytest.raises(ValueError, match="^a dialogue needs two partner names$"):
        Dialogue(("Maya",))
    s = at_send()
    with pytest.raises(ValueError, match="^unknown command 'dance'$"):
        s.send(Command("dance"))
    with pytest.raises(TypeError, match=r"^unknown event 'hello'$"):
        s.send("hello")


def test_silence_offers_the_step_again_with_a_new_gentle_word_each_time():
    s = at_send()
    prompt = line("stage.send")
    for variant in range(4):
        reoffer = line("silence.reoffer", variant=variant)
        assert s.send(Silence()) == [Coach("silence", reoffer), Say(reoffer + " " + prompt),
                                     listen("Maya", "sender", "send", "share")]


def test_while_paused_silence_and_talk_only_keep_listening_to_either():
    s = at_send()
    paused = listen(None, "either", "send", "answer", None)
    assert s.say("pause") == [CommandDone("pause"), Say(line("command.pause")), paused]
    assert s.send(Silence()) == [paused]
    assert s.say("I feel lonely.") == [Say(line("command.still_paused")), paused]
    assert ("turn", None, "I feel lonely.") in s.d.understand.asked  # read as paused
    assert s.say("louder") == [CommandDone("louder"), Say(line("command.still_paused")), paused]
    assert s.say("resume") == [CommandDone("resume"), Say(line("command.resume")),
                               Stage("send", "Maya", "Leo"), Say(line("stage.send")),
                               listen("Maya", "sender", "send", "share")]
    assert s.say("resume")[:2] == [CommandDone("resume"), Say(line("command.not_paused"))]


def test_a_pause_before_anything_began_listens_to_either():
    d = Dialogue(NAMES, understanding=Reader())
    assert d.receive(Silence()) == [Listen(None, "either", "paused", "answer", None)]
    d.receive(Command("pause"))
    assert d.receive(Silence()) == [Listen(None, "either", "paused", "answer", None)]


def test_voice_commands_change_the_voice_and_keep_listening():
    s = at_send()
    here = listen("Maya", "sender", "send", "share")
    for name, change in (("louder", AdjustVoice(volume_step=1)),
                         ("quieter", AdjustVoice(volume_step=-1)),
                         ("slower", AdjustVoice(rate_step=-1)),
                         ("faster", AdjustVoice(rate_step=1)),
                         ("voice", AdjustVoice(next_voice=True))):
        assert s.say(name) == [CommandDone(name), change, Say(line(f"command.{name}")), here]
    assert s.say("help") == [CommandDone("help"), Say(line("help.send")), here]
    # none of those acknowledgements is what "repeat" says again: the step's prompt is
    assert s.say("repeat") == [CommandDone("repeat"), Say(line("help.send")), here]


def test_repeat_says_again_everything_since_the_last_listen_in_one_go():
    s = at_send()
    s.say("I feel lonely.")
    out = s.say("good mirror")
    said = [a.text for a in out if isinstance(a, Say)]
    assert len(said) == 2
    assert s.say("repeat") == [CommandDone("repeat"), Say(" ".join(said)),
                               listen("Maya", "sender", "confirm", "answer")]


def test_stop_and_skip_say_so():
    s = at_send()
    assert s.say("stop") == [CommandDone("stop"), Say(line("command.stop")), End("stopped")]
    assert s.d.ended and s.say("yes") == []
    s = at_confirm()
    assert s.say("skip") == [CommandDone("skip"), Say(line("command.skip")),
                             Stage("more", "Maya", "Leo"), Say(line("stage.more")),
                             listen("Maya", "sender", "more", "share")]


def test_back_at_the_very_beginning_says_there_is_nowhere_to_go():
    s = scripted()
    assert s.say("back") == [CommandDone("back"), Say(line("command.back_none")),
                             listen("Maya", "sender", "appointment", "topic")]


def test_back_returns_to_the_step_before_and_announces_it():
    s = at_confirm()
    assert s.say("back") == [CommandDone("back"), Say(line("command.back")),
                             Stage("mirror", "Maya", "Leo"), Say(line("stage.mirror")),
                             listen("Leo", "receiver", "mirror", "mirror")]


def test_back_across_the_switch_gives_back_the_first_round_and_its_roles():
    s = at_send()
    s.say("skip")  # Maya's round is skipped: Leo shares now
    assert s.listen.partner == "Leo"
    out = s.say("back")  # to Maya's turn to share, with the first round's roles
    assert out[2:] == [Stage("send", "Maya", "Leo"), Say(line("stage.send")),
                       listen("Maya", "sender", "send", "share")]
    out = s.say("skip")  # still the first round: the roles switch again
    assert Stage("switch", "Leo", "Maya") in out and s.listen.partner == "Leo"


def test_back_keeps_the_stage_so_a_step_of_the_same_stage_is_not_announced_again():
    s = at_confirm()
    s.say("partly")
    assert s.listen == listen("Maya", "sender", "confirm", "share")
    s.say("back")
    out = s.say("partly")
    assert not [a for a in out if isinstance(a, Stage)]
    assert out == [Say(line("stage.correct")), listen("Maya", "sender", "confirm", "share")]


def test_what_was_shared_before_going_back_is_kept_as_it_was_then():
    s = at_confirm("I feel lonely.")
    s.say("partly")
    s.say("Lonely and tired.")  # the correction, then its mirror is asked for
    s.say("back")
    s.say("back")  # to the confirm step, before the correction was made
    assert s.listen == listen("Maya", "sender", "confirm", "answer")
    s.say("yes")
    s.say("I also feel tired.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    s.say("a summary")
    assert s.d.understand.asked[-1][:3] == ("summary", ["I feel lonely.", "I also feel tired."],
                                            "a summary")


def test_consent_later_with_a_time_ends_for_now_and_keeps_the_time():
    s = scripted()
    s.say("the weekends")
    out = s.say("after dinner")
    assert out == [Say(line("stage.not_now_later")), End("not now")]
    assert s.d.later == "after dinner"


def test_consent_later_without_a_time_asks_when_and_keeps_the_answer():
    s = scripted()
    s.say("the weekends")
    assert s.say("later") == [Say(line("stage.reschedule")),
                              listen("Leo", "receiver", "appointment", "answer")]
    assert s.say("Sunday morning") == [Say(line("stage.not_now_later")), End("not now")]
    assert s.d.later == "Sunday morning"


def test_consent_refused_without_a_time():
    s = scripted()
    s.say("the weekends")
    assert s.say("no") == [Say(line("stage.not_now")), End("not now")]


def test_an_unclear_consent_is_asked_once_more_then_taken_as_yes():
    s = scripted()
    s.say("the weekends")
    assert s.say("mm") == [Say(line("stage.consent_unclear")),
                           listen("Leo", "receiver", "appointment", "answer")]
    out = s.say("mm")
    assert out[0] == Stage("send", "Maya", "Leo") and s.listen.stage == "send"


def test_blame_is_coached_with_the_phrase_said_and_why_it_was_read_as_blame():
    s = at_send()
    out = s.say("You never listen to me.")
    coaching = line("coach.blame", phrase=rules.find_blame("You never listen to me.")[0])
    assert out == [Coach("blame", coaching, "absolute"), Say(coaching),
                   listen("Maya", "sender", "send", "share")]
    assert ("turn", "send", "You never listen to me.") in s.d.understand.asked


def test_blame_with_no_phrase_to_quote_gets_the_general_coaching():
    s = at_send()
    out = s.say("blame")
    assert out == [Coach("blame", line("coach.blame_general"), "absolute"),
                   Say(line("coach.blame_general")), listen("Maya", "sender", "send", "share")]


def test_blame_while_adding_more_goes_back_to_sharing_without_a_second_prompt():
    s = at_confirm()
    s.say("yes")
    out = s.say("blame")
    assert out == [Coach("blame", line("coach.blame_general"), "absolute"),
                   Say(line("coach.blame_general")), Stage("send", "Maya", "Leo"),
                   listen("Maya", "sender", "send", "share")]


def test_more_yes_asks_for_the_next_part():
    s = at_confirm()
    s.say("yes")
    assert s.say("yes") == [Stage("send", "Maya", "Leo"), Say(line("stage.send")),
                            listen("Maya", "sender", "send", "share")]


def test_each_part_shared_is_what_its_mirror_is_checked_against():
    s = at_send()
    s.say("I feel lonely.")
    s.say("a miss")
    s.say("another miss")
    asked = [q for q in s.d.understand.asked if q[0] == "mirror"]
    assert asked == [("mirror", "I feel lonely.", "a miss", []),
                     ("mirror", "I feel lonely.", "another miss", ["a miss"])]


def test_mirror_feedback_names_the_receiver_and_changes_wording_each_try():
    s = at_send()
    s.say("I feel lonely.")
    for attempt, said in enumerate(("a miss", "another miss")):
        out = s.say(said)
        check = missed("I feel lonely.")
        feedback = mirror_feedback(check, sender="Maya", receiver="Leo", prompts=P,
                                   attempt=attempt)
        assert out == [MirrorChecked(check, "mirror"), Coach("mirror", feedback),
                       Say(feedback), listen("Leo", "receiver", "mirror", "mirror")]


def test_an_unsure_mirror_is_left_to_the_sender_to_confirm():
    s = at_send()
    s.say("I feel lonely.")
    out = s.say("unsure")
    feedback = mirror_feedback(UNSURE, sender="Maya", receiver="Leo", prompts=P)
    assert out == [MirrorChecked(UNSURE, "mirror"), Say(feedback),
                   Stage("confirm", "Maya", "Leo"), Say(line("stage.confirm")),
                   listen("Maya", "sender", "confirm", "answer")]


def test_confirm_with_an_addition_mirrors_only_the_addition():
    s = at_confirm("I feel lonely.", turns={"and tired": {"outcome": "addition",
                                                          "addition": "I am tired too."}})
    out = s.say("and tired")
    assert out == [Say(line("stage.mirror_addition")), Stage("mirror", "Maya", "Leo"),
                   listen("Leo", "receiver", "mirror", "mirror")]
    s.say("a miss")
    assert s.d.understand.asked[-1] == ("mirror", "I am tired too.", "a miss", [])
    s.say("good mirror")
    s.say("yes")
    s.say("yes")
    s.say("Second part.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    s.say("sum")
    assert s.d.understand.asked[-1][1] == ["I feel lonely. I am tired too.", "Second part."]


def test_confirm_with_an_empty_addition_asks_for_the_correction():
    s = at_confirm(turns={"almost": {"outcome": "addition", "addition": "  "}})
    assert s.say("almost") == [Say(line("stage.correct")),
                               listen("Maya", "sender", "confirm", "share")]


def test_confirm_partly_asks_to_correct_and_no_to_say_it_again():
    s = at_confirm("I feel lonely.")
    assert s.say("partly") == [Say(line("stage.correct")),
                               listen("Maya", "sender", "confirm", "share")]
    assert s.say("Lonely and tired.") == [Stage("mirror", "Maya", "Leo"),
                                          Say(line("stage.mirror")),
                                          listen("Leo", "receiver", "mirror", "mirror")]
    s.say("a miss")
    assert s.d.understand.asked[-1] == ("mirror", "Lonely and tired.", "a miss", [])
    s = at_confirm("I feel lonely.")
    assert s.say("no") == [Say(line("stage.restate")),
                           listen("Maya", "sender", "confirm", "share")]
    s.say("In other words.")
    s.say("a miss")
    assert s.d.understand.asked[-1] == ("mirror", "In other words.", "a miss", [])


def test_confirm_read_as_anything_else_moves_on():
    s = at_confirm()
    assert s.say("hmm")[1:] == [Say(line("stage.more")), listen("Maya", "sender", "more", "share")]


def test_a_missed_summary_is_offered_once_more_then_moved_on_from():
    s = at_confirm("I feel lonely.")
    s.say("yes")
    s.say("Also tired.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    assert s.listen == listen("Leo", "receiver", "summary", "mirror")
    first = s.say("sum one")
    check = missed("I feel lonely.")
    feedback = mirror_feedback(check, sender="Maya", receiver="Leo", prompts=P, attempt=0)
    assert first == [MirrorChecked(check, "summary"), Coach("summary", feedback), Say(feedback),
                     listen("Leo", "receiver", "summary", "mirror")]
    second = s.say("sum two")
    assert second == [MirrorChecked(check, "summary"),
                      Coach("summary", line("coach.summary_move_on")),
                      Say(line("coach.summary_move_on")), Stage("validate", "Maya", "Leo"),
                      Say(line("stage.validate")), listen("Leo", "receiver", "validate", "reflect")]
    summaries = [q for q in s.d.understand.asked if q[0] == "summary"]
    # the first summary stands alone: the last part's mirror ("good mirror") is not one of
    # its tries; the second is judged with the first
    assert summaries == [("summary", ["I feel lonely.", "Also tired."], "sum one", []),
                         ("summary", ["I feel lonely.", "Also tired."], "sum two", ["sum one"])]


def test_an_unsure_summary_moves_on_to_validation():
    s = at_confirm()
    s.say("yes")
    s.say("Also tired.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    out = s.say("unsure")
    feedback = mirror_feedback(UNSURE, sender="Maya", receiver="Leo", prompts=P)
    assert out[:3] == [MirrorChecked(UNSURE, "summary"), Say(feedback),
                       Stage("validate", "Maya", "Leo")]


def test_validation_is_coached_once_for_what_was_read_then_moved_on_from():
    s = at_validate(chunk="I feel lonely and sad at breakfast.",
                    turns={"whatever": {"outcome": None, "why": "dismissal"}})
    out = s.say("whatever")
    coaching = line("coach.validation_dismissal", feeling="lonely")
    assert out == [Coach("validation", coaching, "dismissal"), Say(coaching),
                   listen("Leo", "receiver", "validate", "reflect")]
    out = s.say("whatever")
    assert out == [Stage("empathize", "Maya", "Leo"), Say(line("stage.empathize")),
                   listen("Leo", "receiver", "empathize", "reflect")]


def test_validation_coaching_without_a_reason_or_a_feeling_uses_the_general_line():
    s = at_validate(chunk="We argue about money.",
                    turns={"hm": {"outcome": None, "why": "nothing-known"}})
    out = s.say("hm")
    coaching = line("coach.validation", feeling=P.text("coach.default_feeling"))
    assert out[:2] == [Coach("validation", coaching, "nothing-known"), Say(coaching)]


def test_a_validation_heard_thanks_the_receiver():
    s = at_validate()
    assert s.say("valid") == [Say(line("stage.validation_heard")),
                              Stage("empathize", "Maya", "Leo"), Say(line("stage.empathize")),
                              listen("Leo", "receiver", "empathize", "reflect")]


def test_empathy_without_a_feeling_is_coached_once_then_the_sender_is_asked():
    s = at_validate(chunk="I feel hopeful.", turns={"you think": {"outcome": None,
                                                                  "why": "thought"}})
    s.say("valid")
    out = s.say("you think")
    coaching = line("coach.empathy_thought", feeling="hopeful")
    assert out == [Coach("empathy", coaching, "thought"), Say(coaching),
                   listen("Leo", "receiver", "empathize", "reflect")]
    assert s.say("you think") == [Say(line("stage.empathy_confirm")),
                                  listen("Maya", "sender", "empathize", "answer")]


def test_a_feeling_not_quite_right_gets_one_more_guess_then_the_round_ends():
    s = at_validate()
    s.say("valid")
    s.say("feeling")
    again = line("stage.empathy_again")
    assert s.say("partly") == [Coach("empathy", again, "corrected"), Say(again),
                               listen("Leo", "receiver", "empathize", "reflect")]
    s.say("feeling")
    out = s.say("no")
    assert out[:3] == [Say(line("stage.round_thanks")), Stage("switch", "Leo", "Maya"),
                       Say(line("intentional.switch", sender="Leo", receiver="Maya"))]
    assert s.listen == listen("Leo", "sender", "send", "share")


def test_a_no_to_the_first_guess_also_gets_one_more():
    s = at_validate()
    s.say("valid")
    s.say("feeling")
    out = s.say("no")
    assert out[0] == Coach("empathy", line("stage.empathy_again"), "corrected")
    assert s.listen.stage == "empathize" and s.listen.partner == "Leo"


def test_a_yes_to_the_feeling_ends_the_round_with_thanks():
    s = at_validate()
    s.say("valid")
    s.say("feeling")
    out = s.say("yes")
    assert out[:2] == [Say(line("stage.round_thanks")), Stage("switch", "Leo", "Maya")]


def test_closing_listens_to_each_partner_by_name():
    s = at_validate()
    s.say("valid")
    s.say("feeling")
    s.say("yes")
    s.say("skip")  # Leo's round
    assert s.listen == listen("Maya", "partner", "close", "appreciate")
    assert s.of(Say)[-1] == Say(line("stage.close_first"))
    s.say("Thank you for listening.")
    assert s.listen == listen("Leo", "partner", "close", "appreciate")
    assert s.of(Say)[-1] == Say(line("stage.close_second"))


def test_a_safety_concern_is_coached_with_what_was_heard():
    s = at_send()
    out = s.say("scared")
    assert out == [Coach("safety", line("safety.pause"), "violence"), Say(line("safety.pause")),
                   listen(None, "either", "send", "answer", None)]


def test_a_given_understanding_is_kept_when_asked_to_load():
    reader = Reader()
    d = Dialogue(NAMES, understanding=reader)
    d.load_understanding()
    assert d.understand is reader


def test_a_prompts_file_can_name_the_topic_once_it_is_said(tmp_path):
    custom = tmp_path / "prompts.toml"
    custom.write_text('[intentional]\nwelcome = "Welcome{topic}."\n'
                      '[stage]\nappointment_consent = ["{receiver}: {topic} Now?", "Later?"]\n',
                      encoding="utf-8")
    s = Script(Dialogue(NAMES, understanding=Reader(), prompts=load_prompts(custom)))
    assert s.actions[0] == Say("Welcome.")  # no topic yet: nothing is said for it
    # a prompt given as a list is said from its first sentence
    assert s.say("Our weekends.")[0] == Say("Leo: Our weekends. Now?")


def test_mirror_and_summary_feedback_come_from_the_session_prompts(tmp_path):
    custom = tmp_path / "prompts.toml"
    custom.write_text('[feedback]\nmissed = "{receiver}, again: {quote}."\n'
                      'missed_empty = "{receiver}, again."\n', encoding="utf-8")
    reader = Reader(READINGS, {"good mirror": COMPLETE})
    s = Script(Dialogue(NAMES, understanding=reader, prompts=load_prompts(custom)))
    s.say("the weekends")
    s.say("yes")
    s.say("I feel lonely.")
    assert s.say("a miss")[1].text.startswith("Leo, again: ")
    s.say("good mirror")
    s.say("yes")
    s.say("Also tired.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    assert s.say("sum")[1].text.startswith("Leo, again: ")


def test_a_summary_right_on_its_second_try_gets_the_second_kind_word():
    s = at_confirm()
    s.say("yes")
    s.say("Also tired.")
    s.say("good mirror")
    s.say("yes")
    s.say("done")
    s.say("sum one")
    out = s.say("good mirror")
    feedback = mirror_feedback(COMPLETE, sender="Maya", receiver="Leo", prompts=P, attempt=1)
    assert out[:2] == [MirrorChecked(COMPLETE, "summary"), Say(feedback)]
    assert s.listen.stage == "validate"


def test_blame_while_adding_more_is_coached_with_the_phrase_said():
    s = at_confirm()
    s.say("yes")
    out = s.say("You never listen to me.")
    coaching = line("coach.blame", phrase=rules.find_blame("You never listen to me.")[0])
    assert out[:2] == [Coach("blame", coaching, "absolute"), Say(coaching)]


def test_each_appreciation_and_its_reason_is_what_its_mirror_is_checked_against():
    reader = Reader(READINGS)
    s = Script(Dialogue(NAMES, dialogue="appreciation", understanding=reader))
    s.say("Your laugh.")
    s.say("a miss")
    assert reader.asked[-1] == ("mirror", "Your laugh.", "a miss", [])
    s.say("skip")
    s.say("It relaxes me.")
    s.say("a miss")
    assert reader.asked[-1] == ("mirror", "It relaxes me.", "a miss", [])


def test_loading_the_understanding_up_front_reports_a_broken_model_at_once(monkeypatch):
    # The runner loads the layer before the first prompt, so a broken model is said then,
    # not in the middle of the first answer; the readers learn now unless asked not to.
    asked = []

    def loader(*, background=False):
        asked.append(background)
        raise RuntimeError("the meaning model is broken")

    monkeypatch.setattr(engine, "default_understanding", loader)
    with pytest.raises(RuntimeError, match="broken"):
        Dialogue(NAMES).load_understanding()
    with pytest.raises(RuntimeError, match="broken"):
        Dialogue(NAMES).load_understanding(background=True)
    assert asked == [False, True]
