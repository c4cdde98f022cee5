"""No network, ever (issue 8, point 4).

A whole spoken session is replayed in a subprocess in which every attempt to reach the
network is refused and written down (tests/helpers/no_network/sitecustomize.py: an audit
hook that sees every socket call Python makes). Where strace works, the process and its
children also run under it, so a connection made from native code (a model library's own
HTTP client, say) would be seen too. Local sockets (AF_UNIX: a sound server) do not count.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from facilitator.models import bundled_model
from tests.helpers import EDGE, NO_NETWORK, ROOT, WEEKEND, cli_env, one_line_error, read_events

# Offline switches a machine may have set would hide an attempt instead of showing it.
HUB_SWITCHES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")
_OUTSIDE = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")


@cache
def strace_prefix() -> tuple[str, ...]:
    """strace watching network calls of the process and its children, if it can run here."""
    strace = shutil.which("strace")
    if not strace:
        return ()
    for options in (("--seccomp-bpf",), ()):
        command = (strace, "-f", "-qq", *options, "-e", "trace=connect,sendto,sendmsg")
        probe = subprocess.run([*command, "-o", os.devnull, "true"], capture_output=True)
        if probe.returncode == 0:
            return command
    return ()  # ptrace not allowed here: the audit hook alone has to do


def offline(tmp_path: Path, *args: str, timeout: float = 240) -> tuple[subprocess.CompletedProcess,
                                                                       list[dict], list[str]]:
    """``facilitator ARGS`` with the network refused; returns the result, the Python-level
    attempts and the native ones strace saw (AF_INET/AF_INET6 only)."""
    attempts, trace = tmp_path / "attempts.jsonl", tmp_path / "strace.log"
    attempts.unlink(missing_ok=True)
    trace.unlink(missing_ok=True)
    env = cli_env(tmp_path, pythonpath=(NO_NETWORK,), NO_NETWORK_LOG=str(attempts))
    for switch in HUB_SWITCHES:
        env.pop(switch, None)
    prefix = strace_prefix()
    command = [*prefix, *(("-o", str(trace)) if prefix else ()),
               sys.executable, "-m", "facilitator", *map(str, args)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=timeout)
    python = read_events(attempts) if attempts.exists() else []
    native = [line for line in trace.read_text().splitlines() if _OUTSIDE.search(line)] \
        if trace.exists() else []
    return result, python, native


def test_the_guard_sees_and_refuses_what_python_tries(tmp_path):
    # Without this the session test below could pass with a guard that never ran.
    attempts = tmp_path / "attempts.jsonl"
    env = cli_env(tmp_path, pythonpath=(NO_NETWORK,), NO_NETWORK_LOG=str(attempts))
    script = (
        "import socket, urllib.request\n"
        "for attempt in (lambda: urllib.request.urlopen('https://huggingface.co', timeout=2),\n"
        "                lambda: socket.create_connection(('127.0.0.1', 9), timeout=2)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError as e:\n"
        "        print('refused')\n"
        "a, b = socket.socketpair()\n"  # local sockets still work
        "a.sendall(b'ok'); print(b.recv(2).decode())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.split() == ["refused", "refused", "ok"], result.stderr
    targets = [a["target"] for a in read_events(attempts)]
    assert targets == ["'huggingface.co'", "'127.0.0.1'"]


@pytest.mark.audio
def test_a_whole_replay_session_never_reaches_for_the_network(tmp_path):
    events = tmp_path / "events.jsonl"
    result, python, native = offline(
        tmp_path, "replay", WEEKEND / "manifest.toml", "--fast", "--events", events,
        "--record-facilitator", tmp_path / "facilitator.wav")
    assert result.returncode == 0, result.stderr
    assert python == [], json.dumps(python, indent=1)
    assert native == [], native
    logged = read_events(events)
    assert logged[-1] == {**logged[-1], "event": "end", "reason": "complete"}
    assert sum(e["event"] == "heard" for e in logged) >= 20  # the whole session ran

    # Looking back at it stays on the machine too.
    for args in (["history", "--json"], ["reflect", "--json", "--plot", tmp_path / "t.png"]):
        result, python, native = offline(tmp_path, *args, timeout=120)
        assert result.returncode == 0, result.stderr
        assert python == [] and native == [], (args, python, native)


def test_a_model_folder_without_its_tokenizer_does_not_fetch_one(tmp_path):
    # faster-whisper fetches tokenizer.json from the model hub when the folder lacks it; this
    # must be a clear error instead, with nothing attempted.
    _, source = bundled_model()
    folder = tmp_path / "no-tokenizer"
    folder.mkdir()
    (folder / "model.bin").symlink_to(source / "model.bin")
    for part in ("config.json", "vocabulary.txt"):
        shutil.copy(source / part, folder / part)
    result, python, native = offline(tmp_path, "turns", EDGE / "silence_10s.wav",
                                     "--model", folder, timeout=120)
    line = one_line_error(result)
    assert str(folder) in line and "tokenizer.json" in line
    assert python == [] and native == [], (python, native)
