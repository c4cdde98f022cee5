"""Text mode end to end: a real process, a scripted stdin, the event log checked."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from facilitator.prompts import load_prompts
from tests.helpers import ROOT, cli_env, session_folders
from tests.test_dialogue import (
    CHUNK_1,
    CHUNK_2,
    EMPATHY,
    MIRROR_2,
    MIRROR_FULL,
    MIRROR_PARTIAL,
    SUMMARY,
    TOPIC,
    VALIDATION,
)

ROUND = [
    CHUNK_1,
    MIRROR_PARTIAL,
    MIRROR_FULL,
    "Yes.",
    CHUNK_2,
    MIRROR_2,
    "Yes.",
    "No, that's all.",
    SUMMARY,
    VALIDATION,
    EMPATHY,
    "Yes, that's how I feel.",
]
SCRIPT = [
    TOPIC,
    "Yes, I'm ready.",
    *ROUND,
    *ROUND,
    "One thing I appreciate about you is your warmth.",
    "One thing I appreciate about you is your patience.",
]

EVENT_FIELDS = {
    "stage": {"name", "sender", "receiver"},
    "say": {"text"},
    "listen": {"partner", "role", "stage"},
    "heard": {"partner", "text"},
    "mirror_check": {"score", "verdict", "key_phrases", "matched", "missed", "changed",
                     "confident", "points"},
    "coach": {"kind", "text"},  # and "why" when the reading says what went wrong
    "command": {"name"},
    "end": {"reason"},
    # Names and dialogue given: the setup asks nothing, and says how the dialogue began.
    "setup": {"step", "names", "dialogue", "first", "returning", "days_since_last"},
    # while listening (--screen shows them): speech started, the turn being decided, paused
    "state": {"state"},  # and "partner" where one is listened to
    "partial": {"partner", "text"},  # the transcript so far while a partner speaks
}


def run_text_session(tmp_path: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        FACILITATOR_DATA_DIR=str(tmp_path / "data"),
        FACILITATOR_CONFIG=str(tmp_path / "config.toml"),
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitator",
            "session",
            "--text",
            "--mute",
            "--names",
            "Maya",
            "Leo",
            "--dialogue",
            "intentional",
            "--events",
            str(tmp_path / "events.jsonl"),
            *extra,
        ],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def read_events(tmp_path: Path) -> list[dict]:
    return [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]


def test_text_session_runs_end_to_end_with_a_complete_event_log(tmp_path):
    proc = run_text_session(tmp_path, SCRIPT)
    assert proc.returncode == 0, proc.stderr
    events = read_events(tmp_path)
    for e in events:
        optional = {"coach": {"why"}, "state": {"partner"}}.get(e["event"], set())
        assert set(e) - optional == {"t", "event"} | EVENT_FIELDS[e["event"]], e
        assert isinstance(e["t"], float) and e["t"] >= 0
    assert [e["t"] for e in events] == sorted(e["t"] for e in events)
    assert events[-1] == {**events[-1], "event": "end", "reason": "complete"}
    stages = [e["name"] for e in events if e["event"] == "stage"]
    assert stages.count("switch") == 1 and stages[-1] == "close"
    verdicts = [e["verdict"] for e in events if e["event"] == "mirror_check"]
    assert verdicts[0] != "complete" and verdicts[1] == "complete"
    heard = [e for e in events if e["event"] == "heard"]
    assert [h["text"] for h in heard] == SCRIPT
    assert heard[0]["partner"] == "Maya" and heard[1]["partner"] == "Leo"
    # The person sees the conversation and where it was saved.
    assert "Maya>" in proc.stdout and "Facilitator:" in proc.stdout
    assert "Session saved in" in proc.stdout


def test_text_session_plain_output_is_one_line_per_event(tmp_path):
    proc = run_text_session(tmp_path, [TOPIC, "Not now."], "--plain", "--no-save")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert "\033" not in proc.stdout
    # All was settled on the command line: the setup only says how the dialogue begins.
    assert lines[0] == "Setup done: Maya and Leo, the full dialogue, Maya shares first."
    assert lines[1].startswith("Facilitator says: Welcome, Maya and Leo.")
    assert "Stage: Appointment. Sender Maya, receiver Leo." in lines
    assert lines[4] == "Listening to Maya."
    assert lines[-1] == "Session ended: not now."
    assert not (tmp_path / "data").exists()  # --no-save keeps nothing


def test_text_session_ends_kindly_when_input_runs_out(tmp_path):
    # The end of typed input (Ctrl-D) means the partners are done: the session ends as
    # "stop" ends it, not with "script exhausted", which is for replayed recordings.
    proc = run_text_session(tmp_path, [TOPIC])
    assert proc.returncode == 0, proc.stderr
    events = read_events(tmp_path)
    assert events[-1]["reason"] == "stopped"
    assert events[-2] == {**events[-2], "event": "say",
                          "text": "Okay, we'll stop here. Thank you both. Your session is saved."}
    assert "Session ended: stopped." in proc.stdout and "exhausted" not in proc.stdout


def test_bad_option_is_one_line_without_traceback(tmp_path):
    proc = run_text_session(tmp_path, [], "--prompts", str(tmp_path / "nope.toml"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "nope.toml" in proc.stderr


# ------------------------------------------------- at a real terminal (issue 16, point 3)


def _read_until(fd: int, seen: bytearray, marker: bytes, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while seen.count(marker) == 0:
        assert time.monotonic() < deadline, f"no {marker!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:  # the other end closed
                return


def test_at_a_terminal_typed_lines_show_once_and_ctrl_d_ends_kindly(tmp_path):
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "session", "--text", "--mute",
         "--names", "Maya", "Leo", "--dialogue", "intentional",
         "--events", str(tmp_path / "events.jsonl")],
        stdin=child, stdout=child, stderr=child, cwd=ROOT, env=cli_env(tmp_path),
        start_new_session=True,
    )
    os.close(child)
    seen = bytearray()
    try:
        _read_until(main, seen, b"Maya> ")
        os.write(main, TOPIC.encode() + b"\n")
        _read_until(main, seen, b"Leo> ")
        os.write(main, b"pause\n")
        _read_until(main, seen, b"Either of you> ")
        os.write(main, b"resume\n")
        _read_until(main, seen, b"Welcome back")
        _read_until(main, seen, b"Leo> ")
        os.write(main, b"\x04")  # Ctrl-D
        _read_until(main, seen, b"Session saved in")
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
        os.close(main)
    screen = bytes(seen).decode().replace("\r\n", "\n")
    # The terminal showed what Maya typed; the facilitator does not print it again.
    assert screen.count("talk about our weekends") == 1, screen
    assert "Maya: I'd like" not in screen
    assert "Either of you> resume\n" in screen and "Partner: resume" not in screen
    assert "Session ended: stopped." in screen and "exhausted" not in screen
    events = read_events(tmp_path)
    resumed = next(e for e in events if e["event"] == "heard" and e["text"] == "resume")
    assert resumed["partner"] is None  # either of them could have typed it
    assert events[-1] == {**events[-1], "event": "end", "reason": "stopped"}
    [folder] = session_folders(tmp_path / "data")
    transcript = (folder / "transcript.md").read_text(encoding="utf-8")
    assert "**One of you**" in transcript and "**Partner**" not in transcript


def test_an_answer_while_paused_is_from_one_of_you_not_a_third_partner(tmp_path):
    proc = run_text_session(tmp_path, [TOPIC, "pause", "resume", "Not now."])
    assert proc.returncode == 0, proc.stderr
    assert "One of you: resume" in proc.stdout
    assert "Partner:" not in proc.stdout
    plain = run_text_session(tmp_path, [TOPIC, "pause", "resume", "Not now."], "--plain")
    assert "One of you said: resume" in plain.stdout.splitlines()


def test_muted_slower_says_there_is_no_voice_to_change(tmp_path):
    # With --mute nothing is spoken: "I'll speak more slowly" would not be true.
    proc = run_text_session(tmp_path, [TOPIC, "slower", "louder", "change voice", "Not now."])
    assert proc.returncode == 0, proc.stderr
    said = [e["text"] for e in read_events(tmp_path) if e["event"] == "say"]
    muted = load_prompts().text("command.muted")
    assert said.count(muted) == 3
    for command in ("slower", "louder", "voice"):
        assert load_prompts().text(f"command.{command}") not in said
    # Nothing about the voice changed, so nothing about it is remembered (only the usual
    # choices are, setup.py).
    remembered = tomllib.loads((tmp_path / "config.toml").read_text())
    assert set(remembered) == {"usual_dialogue", "usual_first"}
