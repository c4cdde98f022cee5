"""Helpers for the reliability tests: running the real command line in a subprocess.

``fake_sounddevice/`` and ``no_network/`` are folders a test puts first on the subprocess's
PYTHONPATH (a stand-in audio device layer, and a guard that refuses network use).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "audio_fixtures"
EDGE = FIXTURES / "edge"
WEEKEND = FIXTURES / "weekend-phones"
FAKE_SOUNDDEVICE = Path(__file__).resolve().parent / "fake_sounddevice"
NO_NETWORK = Path(__file__).resolve().parent / "no_network"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def unavailable(message: str) -> None:
    """Skip a test whose tool is missing on this machine; in CI (CI=true), where `make
    install` put everything in place, fail it instead, so nothing goes untested unseen."""
    import pytest

    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def cli_env(tmp_path: Path, *, pythonpath: tuple[Path, ...] = (), **extra: str) -> dict:
    """The environment of a facilitator subprocess: private config and data folders."""
    env = dict(os.environ)
    env.update(
        FACILITATOR_CONFIG=str(tmp_path / "config.toml"),
        FACILITATOR_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=os.pathsep.join([*map(str, pythonpath), str(ROOT)]),
    )
    env.update(extra)
    return env


def run_cli(tmp_path: Path, *args: str, timeout: float = 120, stdin: str | None = None,
            pythonpath: tuple[Path, ...] = (), **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *map(str, args)],
        cwd=ROOT, env=cli_env(tmp_path, pythonpath=pythonpath, **env), input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True, text=True, timeout=timeout,
    )


def start_cli(tmp_path: Path, *args: str, **env: str) -> subprocess.Popen:
    """A facilitator process to send signals to. Ctrl-C is made to work even when the test
    run itself was started in the background (where a shell ignores SIGINT for its jobs)."""
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", *map(str, args)],
        cwd=ROOT, env=cli_env(tmp_path, **env), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_for_events(process: subprocess.Popen, path: Path, *kinds: str,
                    timeout: float = 90) -> list[dict]:
    """Wait until the event log holds ``kinds`` in this order (others may come between)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if path.exists():
            seen = [json.loads(line)["event"] for line in path.read_text().splitlines()
                    if line.endswith("}")]
            wanted = list(kinds)
            for kind in seen:
                if wanted and kind == wanted[0]:
                    wanted.pop(0)
            if not wanted:
                return seen
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"no {kinds} within {timeout} s: {process.communicate()}")


def read_events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def session_folders(data: Path) -> list[Path]:
    sessions = data / "sessions"
    return sorted(p for p in sessions.iterdir() if p.is_dir()) if sessions.is_dir() else []


def one_line_error(result: subprocess.CompletedProcess, *, code: int = 2) -> str:
    """The single stderr line of a command that failed as a person should see it fail."""
    context = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == code, context
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, context
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, context
    assert lines[0].startswith("facilitator: "), context
    return lines[0]
