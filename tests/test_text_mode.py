"""Text mode end to end: a real process, a scripted stdin, the event log checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    "mirror_check": {"score", "verdict", "key_phrases", "matched", "missed"},
    "coach": {"kind", "text"},
    "command": {"name"},
    "end": {"reason"},
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
        assert set(e) == {"t", "event"} | EVENT_FIELDS[e["event"]], e
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
    assert lines[0].startswith("Facilitator says: Welcome, Maya and Leo.")
    assert "Stage: Appointment. Sender Maya, receiver Leo." in lines
    assert lines[3] == "Listening to Maya."
    assert lines[-1] == "Session ended: not now."
    assert not (tmp_path / "data").exists()  # --no-save keeps nothing


def test_text_session_ends_cleanly_when_input_runs_out(tmp_path):
    proc = run_text_session(tmp_path, [TOPIC])
    assert proc.returncode == 0, proc.stderr
    assert read_events(tmp_path)[-1]["reason"] == "script exhausted"


def test_bad_option_is_one_line_without_traceback(tmp_path):
    proc = run_text_session(tmp_path, [], "--prompts", str(tmp_path / "nope.toml"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "nope.toml" in proc.stderr
