"""Whole-session replay speed and memory: the real pipeline, fixtures as the microphone.

Each bundled session is replayed with ``facilitator replay --fast`` in a fresh process
(model load, VAD, endpointer, transcription, engine, speech synthesis to a silent sink),
and the wall time is compared with the session's own clock: the real-time factor is
wall seconds per session second. Run as ``python -m bench.bench_replay``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._results import record_section

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ["weekend-phones", "dishes", "appreciation"]
RUNS = 3


def replay_once(session: str, workdir: Path) -> dict:
    events = workdir / f"{session}.jsonl"
    errors = workdir / f"{session}.stderr"
    started = time.monotonic()
    with open(errors, "w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "replay",
             str(ROOT / "audio_fixtures" / session / "manifest.toml"), "--fast", "--no-save",
             "--plain", "--events", str(events)],
            stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
            env=dict(os.environ, FACILITATOR_CONFIG=str(workdir / "config.toml")),
        )
        # wait4 gives this child's own peak memory, not the largest of every child so far.
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench_replay: {session} failed: {errors.read_text().strip()}")
    lines = [json.loads(line) for line in events.read_text().splitlines()]
    return {
        "wall": wall,
        "clock": lines[-1]["t"],
        "reason": lines[-1]["reason"],
        "peak_mb": usage.ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for session in SESSIONS:
            runs = [replay_once(session, Path(tmp)) for _ in range(RUNS)]
            wall = statistics.median(r["wall"] for r in runs)
            clock = runs[0]["clock"]
            rows.append((session, clock, wall, wall / clock, runs[0]["reason"],
                         max(r["peak_mb"] for r in runs)))
            print(f"{session}: session {clock:.0f} s replayed in {wall:.1f} s "
                  f"(RTF {wall / clock:.3f}), ended {runs[0]['reason']}", flush=True)
    md = [
        "## Whole-session replay (`python -m bench.bench_replay`)",
        "",
        f"`facilitator replay MANIFEST --fast` in a fresh process, median of {RUNS} runs: "
        "model load, VAD, endpointer, transcription, engine and speech synthesis included. "
        "RTF = wall seconds per second of session clock.",
        "",
        "| session | session length | replay wall time | RTF | ended | peak memory |",
        "|---|---|---|---|---|---|",
    ]
    for session, clock, wall, rtf, reason, peak in rows:
        md.append(f"| {session} | {clock:.0f} s | {wall:.1f} s | {rtf:.3f} | {reason} | "
                  f"{peak:.0f} MB |")
    record_section("replay", "\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
