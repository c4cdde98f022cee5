"""Stopping safely (issue 8, point 3): signals sent to a real facilitator process.

Ctrl-C (SIGINT) and SIGTERM in the middle of a session end it kindly: an ``end`` event with
reason "interrupted", the readable files written, exit status 130. SIGKILL gives the process
no say at all: the event log must still hold only whole JSON lines, ``history`` must list the
session as interrupted, and the next session started finishes its files.

The spoken sessions are replays in real time (not --fast), so the signal arrives while the
listener is reading audio as paced as a microphone's, with its transcription thread running.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from facilitator.records import read_session
from tests.helpers import WEEKEND, run_cli, session_folders, start_cli, wait_for_events

MANIFEST = WEEKEND / "manifest.toml"


def complete_lines(path: Path) -> list[dict]:
    """Every line of an event log, each of which must be whole JSON ending in a newline."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), raw[-200:]
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def start_replay(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    events = tmp_path / "events.jsonl"
    process = start_cli(tmp_path, "replay", MANIFEST, "--events", events)
    return process, events


def assert_ended_kindly(tmp_path: Path, process: subprocess.Popen, events: Path) -> None:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, (out, err)
    assert "Traceback" not in err, err
    assert "Session ended: interrupted." in out
    [folder] = session_folders(tmp_path / "data")
    assert f"Session saved in {folder}" in out
    for log in (events, folder / "events.jsonl"):
        lines = complete_lines(log)
        assert lines[-1]["event"] == "end" and lines[-1]["reason"] == "interrupted", lines[-3:]
        assert sum(e["event"] == "end" for e in lines) == 1
    summary = json.loads((folder / "session.json").read_text())
    assert summary["status"] == "interrupted" and summary["end_reason"] == "interrupted"
    transcript = (folder / "transcript.md").read_text()
    assert "weekend plans" in transcript  # what Tom said before the signal is kept
    assert "interrupted" in transcript
    assert (folder / "captions.vtt").read_text().startswith("WEBVTT")


@pytest.mark.audio
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_mid_session_ends_it_kindly_and_saves_it(tmp_path, signum):
    process, events = start_replay(tmp_path)
    # Tom has been heard and the facilitator is listening to Maya.
    wait_for_events(process, events, "heard", "say", "listen")
    time.sleep(0.7)
    process.send_signal(signum)
    assert_ended_kindly(tmp_path, process, events)


def test_sigterm_while_a_partner_is_typing_ends_a_text_session_kindly(tmp_path):
    events = tmp_path / "events.jsonl"
    process = start_cli(tmp_path, "session", "--text", "--mute", "--names", "Tom", "Maya",
                        "--dialogue", "intentional", "--events", events)
    process.stdin.write("I'd like to talk about our weekend plans. Is now a good time?\n")
    process.stdin.flush()  # and then Maya takes her time: stdin stays open
    wait_for_events(process, events, "heard", "listen")
    process.send_signal(signal.SIGTERM)
    assert_ended_kindly(tmp_path, process, events)


@pytest.mark.audio
def test_after_sigkill_the_log_is_whole_lines_and_history_says_interrupted(tmp_path):
    process, events = start_replay(tmp_path)
    wait_for_events(process, events, "heard", "say", "listen")
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    [folder] = session_folders(tmp_path / "data")
    logged = complete_lines(folder / "events.jsonl")
    assert [e["event"] for e in logged][:2] == ["say", "stage"]
    assert not any(e["event"] == "end" for e in logged)
    assert complete_lines(events) == logged  # --events and the record agree, line for line
    assert json.loads((folder / "session.json").read_text())["status"] == "in progress"

    history = run_cli(tmp_path, "history", "--json", timeout=60)
    assert history.returncode == 0, history.stderr
    [row] = json.loads(history.stdout)
    assert row["id"] == folder.name and row["status"] == "interrupted"
    assert "weekend plans" in (row.get("topic") or "")

    # The next session started finishes the cut-off one's files from its event log.
    run_cli(tmp_path, "session", "--text", "--mute", "--names", "Tom", "Maya", stdin="",
            timeout=60)
    assert "weekend plans" in (folder / "transcript.md").read_text()
    assert read_session(folder)["status"] == "interrupted"
