"""Shared pytest fixtures. The sound room's workings live in tests/room.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def room():
    """A private PulseAudio server whose null sink is the room and whose monitor is the
    default microphone (tests/room.py). In CI (CI=true) a room that cannot start fails the
    run; elsewhere the tests that need it are skipped with the reason."""
    from tests.helpers import unavailable
    from tests.room import RoomUnavailable, start_room

    try:
        the_room = start_room()
    except RoomUnavailable as exc:
        unavailable(f"the sound room (PulseAudio) cannot run here: {exc}")
    try:
        yield the_room
    finally:
        the_room.stop()


@dataclass
class BundledCheck:
    code: int
    stdout: str
    stderr: str
    seconds: float
    report: dict  # the JSON report
    junit: Path  # the JUnit XML report
    config: Path  # the settings file it was given, which it must leave alone

    def fixture(self, session: str) -> dict:
        """One fixture's entry in the JSON report, by its folder name."""
        return next(f for f in self.report["fixtures"] if Path(f["name"]).name == session)


@pytest.fixture(scope="session")
def bundled_check(tmp_path_factory) -> BundledCheck:
    """``facilitator replay audio_fixtures --check`` on every bundled fixture, run once as a
    tester or CI runs it: its own process, the default number of workers, both reports.
    The replay tests read each fixture's event log from its JSON report."""
    work = tmp_path_factory.mktemp("bundled-check")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "replay", "audio_fixtures", "--check",
         "--report", str(work / "check.json"), "--report", str(work / "check.xml")],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
        env={**os.environ, "FACILITATOR_CONFIG": str(work / "config.toml")},
    )
    seconds = time.monotonic() - started
    if not (work / "check.json").exists():
        pytest.fail(f"replay --check wrote no report (exit {proc.returncode}):\n{proc.stderr}",
                    pytrace=False)
    report = json.loads((work / "check.json").read_text())
    return BundledCheck(proc.returncode, proc.stdout, proc.stderr, seconds, report,
                        work / "check.xml", work / "config.toml")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """`make test` spreads the suite over the cores with pytest-xdist (``--dist loadgroup``).
    Each file stays on one worker, so its module fixtures (models, a session replayed once)
    are built once; the files that read ``bundled_check`` share one worker too, because that
    fixture replays all the bundled fixtures (about a minute) and would otherwise run once per
    worker. Without xdist the mark does nothing."""
    def file_of(item):
        return item.nodeid.split("::", 1)[0]

    sharing = {file_of(item) for item in items
               if "bundled_check" in getattr(item, "fixturenames", ())}
    for item in items:
        group = "bundled-check" if file_of(item) in sharing else file_of(item)
        item.add_marker(pytest.mark.xdist_group(group))
