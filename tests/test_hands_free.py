"""Hands-free control and access: every voice command, captions, plain lines, mixed input, cues.

Three layers. The engine alone (plain strings, no audio): each voice command works at every
step where the facilitator listens, and every step can be explained. The commands fixture
through the real pipeline (webrtcvad, the endpointer, tiny.en): each command is heard as a
command at its turn and does what it says, and a sentence with a command word in it stays
sharing. The ways of following a session without hearing or without speaking: ``--plain``
line by line, ``--captions``, a partner who types while the other speaks, and the listening
cues in the facilitator's recorded voice.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import os
import queue
import re
import subprocess
import sys
import tomllib
import wave
from pathlib import Path

import numpy as np
import pytest
import tomli_w

from facilitator import config, speech
from facilitator.audio import ScriptedSource, Turn, resample
from facilitator.cli import build_parser
from facilitator.dialogue import (
    COMMANDS,
    DIALOGUES,
    FINISH,
    NOT_NOW,
    ROUND_END,
    STEPS,
    TRANSITIONS,
    AdjustVoice,
    CommandDone,
    Dialogue,
    End,
    Listen,
    Say,
    Stage,
    Utterance,
)
from facilitator.prompts import load_prompts
from facilitator.runner import run_replay
from facilitator.session import (
    Clock,
    MixedTurns,
    NoSpeech,
    TypedTurns,
    VoiceTurns,
    run_dialogue,
)
from facilitator.speech import cue_sound
from facilitator.truth import Check, compare
from facilitator.workbench import turn_offset
from tests.test_dialogue import (
    CHUNK_1,
    CHUNK_2,
    EMPATHY,
    MIRROR_2,
    MIRROR_FULL,
    SUMMARY,
    TOPIC,
    VALIDATION,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
NAMES = ("Maya", "Leo")

# One way a partner might say each command, as in the commands fixture.
SPOKEN = {
    "repeat": "Sorry, can you say that again?",
    "slower": "Could you speak slower, please?",
    "faster": "A bit faster, please.",
    "louder": "Could you speak up, please?",
    "quieter": "That's a bit too loud.",
    "voice": "Can you try a different voice?",
    "pause": "Can we pause for a moment?",
    "resume": "Okay, let's continue.",
    "help": "What do I do now?",
    "skip": "Can we skip this part?",
    "back": "Go back, please.",
    "stop": "Let's stop here for today.",
}


def load_toml(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


# ============================================== the engine: every command at every step

ADDITION = "I also said that I miss our walks on Sundays."
MIRROR_ADDITION = "You also said you miss our walks on Sundays. Did I get that?"
APPRECIATION = "One thing I appreciate about you is your laugh at dinner."
REASON = "The reason I appreciate this is that it relaxes me after work."
RESTATED = "I feel lonely when the evenings go by without us talking."
MIRROR_RESTATED = "You feel lonely when the evenings go by without us talking. Did I get that?"


def good_turn(d: Dialogue, visits: dict[str, int]) -> str:
    """What a partner who follows the protocol says at the engine's current step. The first
    confirm says "not quite" (to reach the correction step), the first of the second round
    "no" (to reach the restatement), and the first "is there more?" adds a chunk (to reach
    the summary)."""
    step = d.step
    first_time = visits.get(step, 0) == 1 and d.round_number == 1
    first_of_second = d.step == "confirm" and d.round_number == 2 and not d.round.attempts[:-1]
    mirrors = {CHUNK_1: MIRROR_FULL, CHUNK_2: MIRROR_2, ADDITION: MIRROR_ADDITION,
               RESTATED: MIRROR_RESTATED,
               APPRECIATION: "You appreciate my laugh at dinner.",
               REASON: "The reason is it relaxes you after work."}
    return {
        "appointment_topic": TOPIC,
        "appointment_consent": "Not now. Can we do it some other time?" if visits.get("_later")
        else "Yes, I'm ready.",
        "reschedule": "After dinner tomorrow.",
        "send": CHUNK_1,
        "mirror": mirrors.get(d.round.target, ""),
        "confirm": "Not quite." if first_time else "No." if first_of_second and not any(
            c.endswith(RESTATED) for c in d.round.chunks) else "Yes.",
        "correct": ADDITION,
        "restate": RESTATED,
        "more": CHUNK_2 if first_time else "No, that's all.",
        "summary": SUMMARY,
        "validate": VALIDATION,
        "empathize": EMPATHY,
        "empathy_confirm": "Yes, that's how I feel.",
        "close_first": "One thing I appreciate about you is your warmth.",
        "close_second": "One thing I appreciate about you is your patience.",
        "appreciate": APPRECIATION,
        "appreciate_mirror": mirrors.get(d.round.target, ""),
        "reason": REASON,
        "reason_mirror": mirrors.get(d.round.target, ""),
    }[step]


@functools.cache
def listening_points() -> dict[str, dict]:
    """Each step, the first time a session reaches it: the engine there (to copy), what it
    said and how it listened on arriving, and the step and listen it came from."""
    points: dict[str, dict] = {}
    # Both dialogues, and a couple who would rather talk later (the reschedule step).
    for kind, later in [*((k, False) for k in DIALOGUES), ("intentional", True)]:
        d = Dialogue(NAMES, dialogue=kind)
        # The welcome sets the stage once; "repeat" at the first step says its prompt.
        actions = d.start()[1:]
        trail = [(d.step, actions[-1])]
        visits = {d.step: 1, "_later": later}
        for _ in range(80):
            if d.ended:
                break
            if d.step not in points:
                points[d.step] = {
                    "engine": copy.deepcopy(d),
                    "said": [a.text for a in actions if isinstance(a, Say)],
                    "listen": actions[-1],
                    "came_from": trail[-2] if len(trail) > 1 else None,
                }
            actions = d.receive(Utterance(good_turn(d, visits)))
            if not d.ended and d.step != trail[-1][0]:
                trail.append((d.step, actions[-1]))
                visits[d.step] = visits.get(d.step, 0) + 1
    return points


def at(step: str) -> tuple[Dialogue, dict]:
    point = listening_points()[step]
    return copy.deepcopy(point["engine"]), point


def test_a_session_driven_with_plain_strings_reaches_every_step():
    assert set(listening_points()) == set(STEPS)
    for step, point in listening_points().items():
        assert isinstance(point["listen"], Listen), step
        assert point["listen"].partner in NAMES


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("command", COMMANDS)
def test_every_voice_command_works_at_every_listening_point(step, command):
    d, point = at(step)
    before: Listen = point["listen"]
    actions = d.receive(Utterance(SPOKEN[command]))
    said = [a.text for a in actions if isinstance(a, Say)]
    if command == "resume" and (STEPS[step].expect == "answer" or step == "more"):
        # Not paused, "okay, let's continue" to a yes-or-no question is the answer; to "is
        # there more?" it says there is, and the sender goes on.
        assert not [a for a in actions if isinstance(a, CommandDone)]
        assert d.ended or d.step != step
        return
    assert actions[0] == CommandDone(command), actions
    if command == "stop":
        assert actions[-1] == End("stopped") and d.ended
        assert said == [d.prompts.text("command.stop")]
        return
    if command == "skip":
        assert said[0] == d.prompts.text("command.skip")
        assert_skipped(step, d, actions)
        return
    assert isinstance(actions[-1], Listen), actions
    after: Listen = actions[-1]
    if command == "repeat":
        assert said == [" ".join(point["said"])] and after == before and d.step == step
    elif command in ("slower", "faster"):
        assert AdjustVoice(-1 if command == "slower" else 1) in actions
        assert after == before and d.step == step
        # The acknowledgement is not what "repeat" says next: the prompt is.
        again = d.receive(Utterance(SPOKEN["repeat"]))
        assert [a.text for a in again if isinstance(a, Say)] == [" ".join(point["said"])]
    elif command == "voice":
        assert AdjustVoice(next_voice=True) in actions
        assert after == before and d.step == step
    elif command in ("louder", "quieter"):
        assert AdjustVoice(volume_step=-1 if command == "quieter" else 1) in actions
        assert after == before and d.step == step
    elif command == "pause":
        assert (after.partner, after.role, after.timeout) == (None, "either", None)
        assert d.paused and d.listening_to is None
        back = d.receive(Utterance(SPOKEN["resume"]))
        assert back[-1] == before and d.step == step and not d.paused
        assert Stage(before.stage, d.sender, d.receiver) in back
    elif command == "resume":
        # Not paused: said so kindly, and the step goes on.
        assert after == before and d.step == step
    elif command == "help":
        assert said == [help_text(step, d)] and after == before and d.step == step
    elif command == "back":
        if point["came_from"] is None:  # the very first step: nowhere to go back to
            assert said == [d.prompts.text("command.back_none")] and after == before
        else:
            previous_step, previous_listen = point["came_from"]
            assert d.step == previous_step and after == previous_listen


def assert_skipped(step: str, d: Dialogue, actions: list) -> None:
    target = TRANSITIONS[(step, "skip")]
    kind = d.dialogue
    if target == ROUND_END and step not in ("close_first", "close_second"):
        # Every step before the close is reached in the first round: on to the switch.
        assert Stage("switch", NAMES[1], NAMES[0]) in actions
        target = DIALOGUES[kind]["round"]
    if target == FINISH:
        assert actions[-1] == End("complete") and d.ended
        return
    if target == NOT_NOW:
        assert actions[-1] == End("not now") and d.ended
        return
    assert d.step == target and actions[-1].stage == STEPS[target].stage


def help_text(step: str, d: Dialogue) -> str:
    return load_prompts().text(
        f"help.{step}", sender=d.sender, receiver=d.receiver, first=NAMES[0],
        second=NAMES[1], topic=d.topic)


@pytest.mark.parametrize("step", list(STEPS))
def test_help_explains_every_step_in_one_or_two_sentences_naming_who_speaks(step):
    d, point = at(step)
    text = help_text(step, d)
    # Sentence ends: a full stop or question mark before a space or the end of the text.
    sentences = re.findall(r"[.?!](?:\s|$)", text)
    assert 1 <= len(sentences) <= 2, text
    assert point["listen"].partner in text, text
    assert "{" not in text


@pytest.mark.parametrize("command", COMMANDS)
def test_while_paused_only_resume_and_stop_move_on(command):
    d, point = at("mirror")
    d.receive(Utterance(SPOKEN["pause"]))
    actions = d.receive(Utterance(SPOKEN[command]))
    assert actions[0] == CommandDone(command)
    if command == "stop":
        assert actions[-1] == End("stopped")
    elif command == "resume":
        assert actions[-1] == point["listen"] and not d.paused
    else:
        # Still paused, still listening to either partner, and told how to go on.
        assert actions[-1].partner is None and d.paused and d.step == "mirror"
        assert "resume" in " ".join(a.text for a in actions if isinstance(a, Say)).lower()


def test_back_across_the_role_switch_returns_to_the_first_round():
    d, _ = at("send")
    # Walk one chunk through the first round to the switch, then step back over it.
    visits: dict[str, int] = {"confirm": 2, "more": 2}
    for _ in range(20):
        if d.round_number == 2:
            break
        d.receive(Utterance(good_turn(d, visits)))
    assert (d.step, d.sender) == ("send", NAMES[1])
    actions = d.receive(Utterance(SPOKEN["back"]))
    assert (d.step, d.sender, d.round_number) == ("empathy_confirm", NAMES[0], 1)
    assert actions[-1].partner == NAMES[0]
    # Answered again, the first round ends as before and the second one still comes.
    actions = d.receive(Utterance("Yes, that's how I feel."))
    assert Stage("switch", NAMES[1], NAMES[0]) in actions
    assert (d.step, d.sender, d.round_number) == ("send", NAMES[1], 2)


# ===================================== the commands fixture through the real pipeline

COMMANDS_SESSION = FIXTURES / "commands"
APPRECIATION_STEPS = {"appreciate", "appreciate_mirror", "reason", "reason_mirror"}


@pytest.fixture(scope="module")
def commands_replay(tmp_path_factory):
    """The commands fixture replayed once, recording every rate the voice spoke at and every
    setting saved. Settings go to a private file, as a tester's own must stay untouched."""
    work = tmp_path_factory.mktemp("commands")
    spoken_at: list[tuple[str, int]] = []
    saved: list[tuple[str, object]] = []
    synthesize, save_setting = speech.Voice.synthesize, config.save_setting

    def spy_synthesize(self, text):
        spoken_at.append((text, self.rate))
        return synthesize(self, text)

    def spy_save(key, value, **kw):
        saved.append((key, value))
        return save_setting(key, value, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACILITATOR_CONFIG", str(work / "config.toml"))
        mp.setattr(speech.Voice, "synthesize", spy_synthesize)
        mp.setattr(config, "save_setting", spy_save)
        args = build_parser().parse_args([
            "replay", str(COMMANDS_SESSION / "manifest.toml"), "--fast", "--plain",
            "--events", str(work / "events.jsonl"), "--data-dir", str(work / "data")])
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = run_replay(args)
    events = [json.loads(line) for line in (work / "events.jsonl").read_text().splitlines()]
    return {
        "code": code, "events": events, "out": out.getvalue(), "work": work,
        "spoken_at": spoken_at, "saved": saved,
        "truth": load_toml(COMMANDS_SESSION / "truth.toml"),
    }


def commands_check(replay: dict) -> Check:
    """The replay held against the fixture's truth, as ``replay --check`` holds it."""
    return compare(replay["truth"], replay["events"], turn_offset=turn_offset(cues=True))


def heard_turns(events: list[dict]) -> list[tuple[dict, dict, list[dict], list[dict]]]:
    """(listen, heard, events after it up to the next listen, events before the listen back
    to the previous heard) for each heard turn."""
    turns = []
    last_heard = -1
    listen_at = None
    for k, e in enumerate(events):
        if e["event"] == "listen":
            listen_at = k
        elif e["event"] == "heard":
            after = []
            for later in events[k + 1:]:
                if later["event"] == "listen":
                    break
                after.append(later)
            turns.append((events[listen_at], e, after, events[last_heard + 1:listen_at]))
            last_heard = k
    return turns


def says(events: list[dict]) -> list[str]:
    return [e["text"] for e in events if e["event"] == "say"]


@pytest.mark.audio
def test_the_commands_session_is_heard_turn_by_turn_where_the_script_says(commands_replay):
    check = commands_check(commands_replay)
    assert not check.of("listening", "stages", "end"), "\n".join(map(str, check.differences))
    assert check.ended == "stopped"
    assert commands_replay["code"] == 0


@pytest.mark.audio
def test_each_command_is_logged_as_a_command_right_after_its_turn(commands_replay):
    truth, events = commands_replay["truth"], commands_replay["events"]
    check = commands_check(commands_replay)
    assert not check.of("command"), "\n".join(map(str, check.of("command")))
    for turn, (_, heard, after, _) in zip(truth["turn"], heard_turns(events), strict=True):
        if "command" in turn:
            assert after[0]["event"] == "command", after  # before anything is said
    # The recorded session gives every command but the volume ones, which the engine test
    # above exercises at every step and test_louder_and_quieter_change_the_voice below.
    assert {t["command"] for t in truth["turn"] if "command" in t} == set(COMMANDS) - {
        "louder", "quieter", "voice"}


def turn_with(truth: dict, events: list[dict], command: str):
    index = next(k for k, t in enumerate(truth["turn"]) if t.get("command") == command)
    turns = heard_turns(events)
    return index, turns[index], turns


@pytest.mark.audio
def test_repeat_says_again_what_was_said_before_the_turn(commands_replay):
    k, (listen, _, after, before), turns = turn_with(
        commands_replay["truth"], commands_replay["events"], "repeat")
    # Everything said since the facilitator last listened, once more.
    assert " ".join(says(after)) == " ".join(says(before)) and says(before)
    assert turns[k + 1][0]["partner"] == listen["partner"]


@pytest.mark.audio
def test_pause_listens_to_either_partner_until_resume(commands_replay):
    truth, events = commands_replay["truth"], commands_replay["events"]
    k, (listen, _, after, _), turns = turn_with(truth, events, "pause")
    paused_listen = turns[k + 1][0]
    assert (paused_listen["partner"], paused_listen["role"]) == (None, "either")
    assert says(after) == [load_prompts().text("command.pause")]
    r, (_, heard, after_resume, _), _ = turn_with(truth, events, "resume")
    assert r == k + 1 and heard["partner"] is None
    # Back where the pause came: the stage and its prompt again, the same partner listened to.
    assert [e["name"] for e in after_resume if e["event"] == "stage"] == [listen["stage"]]
    resumed = turns[r + 1][0]
    assert (resumed["partner"], resumed["stage"]) == (listen["partner"], listen["stage"])


@pytest.mark.audio
def test_help_explains_the_current_step(commands_replay):
    truth, events = commands_replay["truth"], commands_replay["events"]
    k, (listen, _, after, _), turns = turn_with(truth, events, "help")
    sender, receiver = truth["names"]
    steps = [name for name, spec in STEPS.items()
             if spec.stage == listen["stage"] and name not in APPRECIATION_STEPS]
    explanations = [load_prompts().text(f"help.{step}", sender=sender, receiver=receiver,
                                        first=sender, second=receiver, topic="")
                    for step in steps]
    assert len(says(after)) == 1 and says(after)[0] in explanations
    assert turns[k + 1][0]["partner"] == listen["partner"]


@pytest.mark.audio
def test_slower_and_faster_change_the_voice_and_are_remembered(commands_replay):
    rates = commands_replay["spoken_at"]
    slower = load_prompts().text("command.slower")
    faster = load_prompts().text("command.faster")
    at_slower = next(k for k, (text, _) in enumerate(rates) if text == slower)
    at_faster = next(k for k, (text, _) in enumerate(rates) if text == faster)
    normal = rates[0][1]
    step = speech.RATE_STEP
    assert {rate for _, rate in rates[:at_slower]} == {normal}
    assert {rate for _, rate in rates[at_slower:at_faster]} == {normal - step}
    assert {rate for _, rate in rates[at_faster:]} == {normal}
    # Each change is saved as it happens, so it lasts to the next session.
    assert commands_replay["saved"] == [("rate", normal - step), ("rate", normal)]
    saved_file = config.load_config(commands_replay["work"] / "config.toml")
    assert saved_file == {"rate": normal}


@pytest.mark.audio
def test_a_command_word_inside_sharing_is_content(commands_replay):
    truth, events = commands_replay["truth"], commands_replay["events"]
    turns = heard_turns(events)
    content = [k for k, t in enumerate(truth["turn"])
               if "content_command_word" in t and t["stage"] == "send"]
    assert content
    for k in content:
        _, heard, after, _ = turns[k]
        word = truth["turn"][k]["content_command_word"]
        assert word in heard["text"].lower()
        assert not [e for e in after if e["event"] == "command"]
        # It was taken as the chunk to mirror: the next mirror is checked against it.
        check = next(e for _, _, later, _ in turns[k + 1:] for e in later
                     if e["event"] == "mirror_check")
        assert any(word in phrase.lower() for phrase in check["key_phrases"]), check


@pytest.mark.audio
def test_skip_and_back_move_between_steps(commands_replay):
    truth, events = commands_replay["truth"], commands_replay["events"]
    s, (skipped_at, _, after_skip, _), turns = turn_with(truth, events, "skip")
    assert [e["name"] for e in after_skip if e["event"] == "stage"] == ["empathize"]
    assert turns[s + 1][0]["stage"] == "empathize"
    b, (_, _, after_back, _), _ = turn_with(truth, events, "back")
    assert [e["name"] for e in after_back if e["event"] == "stage"] == [skipped_at["stage"]]
    assert turns[b + 1][0]["stage"] == skipped_at["stage"]


@pytest.mark.audio
def test_stop_ends_kindly_and_the_session_is_saved(commands_replay):
    events, work = commands_replay["events"], commands_replay["work"]
    assert events[-1] == {**events[-1], "event": "end", "reason": "stopped"}
    assert events[-2] == {**events[-2], "event": "say",
                          "text": load_prompts().text("command.stop")}
    [folder] = (work / "data" / "sessions").iterdir()
    record = json.loads((folder / "session.json").read_text())
    assert record["end_reason"] == "stopped"
    assert [c["name"] for c in record["commands"]] == [
        t["command"] for t in commands_replay["truth"]["turn"] if "command" in t]
    assert (folder / "transcript.md").exists()
    assert commands_replay["out"].splitlines()[-1] == "Session ended: stopped."


# ================================================= --plain and --captions, line by line


def run_text_session(tmp_path: Path, lines: list[str], *options: str):
    env = dict(os.environ, FACILITATOR_CONFIG=str(tmp_path / "config.toml"))
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "session", "--text", "--mute", "--no-save",
         "--names", *NAMES, "--dialogue", "intentional",
         "--events", str(tmp_path / "events.jsonl"), *options],
        input="\n".join(lines) + "\n", capture_output=True, text=True, env=env, timeout=120,
        cwd=ROOT,
    )


def test_plain_output_is_exactly_one_plain_line_per_event(tmp_path):
    p = load_prompts()
    names = {"sender": "Maya", "receiver": "Leo", "first": "Maya", "second": "Leo"}
    chunk = "I feel lonely when we eat in silence."
    mirror = "If I got that, you feel lonely when we eat in silence. Did I get that?"
    proc = run_text_session(
        tmp_path, [TOPIC, "Yes, I'm ready.", chunk, mirror, "Yes.", "What do I do now?", "stop"],
        "--plain")
    assert proc.returncode == 0, proc.stderr

    def says_(key: str, **extra) -> str:
        return "Facilitator says: " + p.text(key, **names, topic=TOPIC, **extra)

    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    k = next(k for k, e in enumerate(events) if e["event"] == "mirror_check")
    check, feedback = events[k], events[k + 1]["text"]  # the kind words after a mirror
    expected = [
        # Names and dialogue were given: the setup asks nothing and says how it begins.
        "Setup done: Maya and Leo, the full dialogue, Maya shares first.",
        says_("intentional.welcome"),
        "Stage: Appointment. Sender Maya, receiver Leo.",
        says_("stage.appointment_topic"),
        "Listening to Maya.",
        f"Maya said: {TOPIC}",
        says_("stage.appointment_consent"),
        "Listening to Leo.",
        "Leo said: Yes, I'm ready.",
        "Stage: Sharing. Sender Maya, receiver Leo.",
        says_("stage.send"),
        "Listening to Maya.",
        f"Maya said: {chunk}",
        "Stage: Mirroring. Sender Maya, receiver Leo.",
        says_("stage.mirror"),
        "Listening to Leo.",
        f"Leo said: {mirror}",
        "Mirror check: complete. Caught: "
        f"{', '.join(check['matched'])}. May have missed: nothing.",
        f"Facilitator says: {feedback}",
        "Stage: Checking the mirror. Sender Maya, receiver Leo.",
        says_("stage.confirm"),
        "Listening to Maya.",
        "Maya said: Yes.",
        "Stage: Is there more? Sender Maya, receiver Leo.",
        says_("stage.more"),
        "Listening to Maya.",
        "Maya said: What do I do now?",
        "Command: help.",
        says_("help.more"),
        "Listening to Maya.",
        "Maya said: stop",
        "Command: stop.",
        says_("command.stop"),
        "Session ended: stopped.",
    ]
    assert proc.stdout.splitlines() == expected
    assert "\033" not in proc.stdout and "\r" not in proc.stdout
    # One line per event: every event but the coaching (which is also a `say`) has its line.
    assert len(expected) == len([e for e in events if e["event"] != "coach"])
    assert proc.stderr.strip() == "Nothing was saved (--no-save)."


def test_captions_mark_who_speaks_and_when_the_facilitator_listens(tmp_path):
    proc = run_text_session(
        tmp_path, [TOPIC, "Can we pause for a moment?", "Okay, let's continue.", "Not now."],
        "--captions")
    assert proc.returncode == 0, proc.stderr
    assert "\033" not in proc.stdout  # not a terminal: no colour codes
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    # A caption: who speaks on its own line, then their words, indented and wrapped.
    shown: list[tuple[str, str]] = []
    speaking = False
    for line in proc.stdout.splitlines():
        if line.startswith(("▶ ", "🎤 ")):
            shown.append((line[2:], ""))
            speaking = line.startswith("▶ ")
        elif re.match(r"  \S", line) and speaking:  # notes under it are indented further
            who, words = shown[-1]
            shown[-1] = (who, f"{words} {line.strip()}".strip())
        elif line.strip():
            speaking = False
    expected = []
    for e in events:
        if e["event"] == "say":
            expected.append(("FACILITATOR", e["text"]))
        elif e["event"] == "heard":
            expected.append(((e["partner"] or "one of you").upper(), e["text"]))
        elif e["event"] == "listen":
            expected.append((f"LISTENING TO {(e['partner'] or 'either of you').upper()}…", ""))
    assert shown == expected
    # While paused either partner may speak, and the captions say so.
    assert ("LISTENING TO EITHER OF YOU…", "") in shown
    # Who answered is not known in text mode: "one of you", never a third "partner".
    assert ("ONE OF YOU", "Okay, let's continue.") in shown


def test_plain_text_mode_does_not_run_the_typing_prompt_into_the_next_line(tmp_path):
    proc = run_text_session(tmp_path, [TOPIC, "Not now."], "--plain")
    assert proc.returncode == 0, proc.stderr
    assert f"Maya said: {TOPIC}" in proc.stdout.splitlines()
    assert "Maya>" not in proc.stdout


# ====================================================== mixed input: one types, one speaks


@pytest.mark.audio
def test_a_partner_who_types_and_a_partner_who_speaks_share_one_session():
    from facilitator.transcribe import Transcriber

    truth = load_toml(FIXTURES / "appreciation-typed" / "truth.toml")
    manifest = load_toml(FIXTURES / "appreciation-typed" / "manifest.toml")
    typist = truth["typed"]
    spoken = [Turn(audio=(FIXTURES / "appreciation-typed" / t["audio"]).resolve())
              for t in manifest["turn"] if "audio" in t]
    typed_lines = iter(t["text"] for t in manifest["turn"] if "text" in t)
    prompts_shown: list[str] = []

    def keyboard(prompt: str) -> str:
        prompts_shown.append(prompt)
        return next(typed_lines)

    source = ScriptedSource(spoken)
    voice = VoiceTurns(source, Transcriber())
    turns = MixedTurns({typist.upper()}, TypedTurns(keyboard), voice)
    events: list[dict] = []
    outcome = run_dialogue(Dialogue(truth["names"], dialogue=truth["dialogue"]), turns,
                           NoSpeech(), [events.append], Clock(source))
    assert outcome.reason == "complete"
    heard = [e for e in events if e["event"] == "heard"]
    assert [h["partner"] for h in heard] == [t["partner"] for t in truth["turn"]]
    for h, t in zip(heard, truth["turn"], strict=True):
        if t.get("typed"):
            assert h["text"] == t["text"] and "decided_at" not in h
        else:
            assert "decided_at" in h and h["text"]
    assert prompts_shown == [f"{typist}> "] * sum(1 for t in truth["turn"] if t.get("typed"))
    assert source.turns_left == 0
    assert [e["verdict"] for e in events if e["event"] == "mirror_check"] == ["complete"] * 4


# ======================================================================== listening cues


def typed_manifest(folder: Path, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "manifest.toml"
    path.write_text(tomli_w.dumps({"names": list(NAMES), "turn": [{"text": t} for t in lines]}))
    return path


def replay_typed(manifest: Path, folder: Path, *options: str) -> tuple[list[dict], np.ndarray]:
    """Replay a typed manifest with --record-facilitator: (events, the recording)."""
    folder.mkdir(parents=True, exist_ok=True)
    wav_path = folder / "facilitator.wav"
    args = build_parser().parse_args([
        "replay", str(manifest), "--fast", "--no-save", "--plain",
        "--events", str(folder / "events.jsonl"), "--record-facilitator", str(wav_path),
        *options])
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert run_replay(args) == 0
    events = [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines()]
    with wave.open(str(wav_path), "rb") as w:
        assert w.getframerate() == 16000
        samples = np.frombuffer(w.readframes(w.getnframes()), np.int16) / 32768.0
    return events, samples


def cue_at(recording: np.ndarray, t: float, cue: np.ndarray) -> float:
    """How closely the recording at ``t`` seconds matches ``cue`` (1.0 = exactly), allowing
    for the event times' millisecond rounding."""
    best = 0.0
    start = int(round(t * 16000))
    for shift in range(-24, 25):
        k = start + shift
        part = recording[max(k, 0):max(k, 0) + len(cue)]
        if len(part) < len(cue):
            continue
        denominator = np.linalg.norm(part) * np.linalg.norm(cue)
        if denominator > 0:
            best = max(best, float(np.dot(part, cue) / denominator))
    return best


def test_listening_cues_are_in_the_recorded_voice_and_no_cues_turns_them_off(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    manifest = typed_manifest(tmp_path, [TOPIC, "Yes, I'm ready.", CHUNK_1])
    with_cues, cued = replay_typed(manifest, tmp_path / "cues")
    without, plain = replay_typed(manifest, tmp_path / "no-cues", "--no-cues")

    listening = resample(*cue_sound("listening"), 16000)
    got_it = resample(*cue_sound("got_it"), 16000)
    listens = [e["t"] for e in with_cues if e["event"] == "listen"]
    heards = [e["t"] for e in with_cues if e["event"] == "heard"]
    assert len(listens) == 4 and len(heards) == 3  # the fourth listen finds the script over
    for t in listens:
        assert cue_at(cued, t, listening) > 0.98, t
    for t in heards:
        assert cue_at(cued, t, got_it) > 0.98, t
    for t in [e["t"] for e in without if e["event"] in ("listen", "heard")]:
        assert cue_at(plain, t, listening) < 0.5 and cue_at(plain, t, got_it) < 0.5, t
    # The cues take their time on the session clock too: each one and its echo tail.
    cue_time = (len(listens) * (len(listening) / 16000 + 0.3)
                + len(heards) * (len(got_it) / 16000 + 0.3))
    assert with_cues[-1]["t"] - without[-1]["t"] == pytest.approx(cue_time, abs=0.01)
    assert len(cued) / 16000 - len(plain) / 16000 == pytest.approx(cue_time, abs=0.01)
    # Everything else the facilitator said is the same.
    assert says(with_cues) == says(without)


def test_slower_said_in_a_replay_is_saved_in_the_settings_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    manifest = typed_manifest(tmp_path, [TOPIC, "Could you speak slower, please?"])
    events, _ = replay_typed(manifest, tmp_path)
    assert [e["name"] for e in events if e["event"] == "command"] == ["slower"]
    assert config.load_config(tmp_path / "config.toml") == {
        "rate": speech.DEFAULT_RATE - speech.RATE_STEP}


def test_while_paused_a_partner_who_types_can_resume():
    """Mixed input: paused, the microphone hears nothing, the typing partner types 'resume'."""
    import queue as queue_module

    from facilitator.dialogue import Listen, Silence

    lines: queue_module.Queue = queue_module.Queue()

    class QuietRoom:
        calls = 0

        def next_turn(self, listen):
            QuietRoom.calls += 1
            assert listen.timeout == MixedTurns.EITHER_POLL
            if QuietRoom.calls == 2:
                lines.put("resume")  # typed while the microphone was listening
            return Silence()

    turns = MixedTurns({"leo"}, TypedTurns(lambda prompt: lines.get()), QuietRoom())
    event = turns.next_turn(Listen(None, "either", "send", "answer", None))
    assert event.text == "resume"
    assert QuietRoom.calls >= 2


def test_while_paused_the_answer_is_named_when_only_one_partner_could_have_given_it():
    """Leo types and Maya speaks: a typed "resume" is Leo's, a spoken one Maya's, so the
    record names them rather than an unknown "partner"."""
    from facilitator.dialogue import Listen, Silence

    class Room:
        def __init__(self, heard):
            self.heard = heard

        def next_turn(self, listen):
            return Utterance(self.heard, 1.0, 2.0, 2.5) if self.heard else Silence()

    def keyboard(*lines: str):
        typed: queue.Queue = queue.Queue()
        for line in lines:
            typed.put(line)
        return TypedTurns(lambda prompt: typed.get())  # waits, like a person not typing

    either = Listen(None, "either", "send", "answer", None)
    turns = MixedTurns({"leo"}, keyboard("resume"), Room(None), names=("Maya", "Leo"))
    assert turns.next_turn(either).partner == "Leo"
    turns = MixedTurns({"leo"}, keyboard(), Room("resume"), names=("Maya", "Leo"))
    heard = turns.next_turn(either)
    assert (heard.text, heard.partner, heard.decided_at) == ("resume", "Maya", 2.5)

    events: list[dict] = []
    d = Dialogue(NAMES)
    script = iter([TOPIC, "pause"])

    class Speaker:
        def next_turn(self, listen):
            if listen.partner is None:
                return Utterance("stop", 1.0, 2.0, 2.5)
            return Utterance(next(script), 1.0, 2.0, 2.5)

    turns = MixedTurns({"nobody"}, keyboard(), Speaker(), names=NAMES)
    run_dialogue(d, turns, NoSpeech(), [events.append], lambda: 0.0)
    heard = [e for e in events if e["event"] == "heard"]
    assert heard[-1]["text"] == "stop" and heard[-1]["partner"] is None  # both speak


def test_louder_and_quieter_change_the_voice_and_are_remembered():
    from facilitator.session import SpokenOutput

    class FakeVoice:
        volume = 0.6

        def set_volume(self, volume):
            self.volume = volume
            return volume

    remembered = {}
    out = SpokenOutput(FakeVoice(), sink=None, on_setting=remembered.__setitem__)
    out.adjust_volume(+1)
    assert out.voice.volume == pytest.approx(0.8) and remembered == {"volume": 0.8}
    for _ in range(5):
        out.adjust_volume(+1)
    assert out.voice.volume == 1.0  # never past full scale
    for _ in range(10):
        out.adjust_volume(-1)
    assert out.voice.volume == pytest.approx(0.2)  # never so soft it is lost in the room


def test_change_voice_steps_through_a_few_different_voices():
    from facilitator.speech import Voice

    with Voice() as voice:
        seen = [voice.next_voice() for _ in range(5)]
        assert len(set(seen[:4])) == 4  # four clearly different voices
        assert seen[4] == seen[0]  # then round again
        samples, _ = voice.synthesize("Here is a different voice.")
        assert len(samples) > 0
