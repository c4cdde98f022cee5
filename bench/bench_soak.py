"""Soak: one continuous hour-long spoken session through the real loop, watching memory.

    .venv/bin/python -m bench.bench_soak [--minutes 60] [--no-record]

The session is `facilitator replay --fast`, run in this process exactly as the command line
runs it (the listener and tiny.en, the pyttsx3 voice synthesised into a silent sink, the
mirror check, the session record and the event log in a temporary data folder). Its script is
the weekend-phones fixture with the second chunk (Tom shares more, Maya mirrors, Tom
confirms) repeated until the session clock passes the target; then it closes as scripted,
summary, role switch and appreciations included, so the hour ends "complete".

Warm-up: the plain weekend-phones session (7 minutes on its clock) runs first in the same
process, so every model is loaded and every kind of turn has run once: the first long turn
(Maya's 22-second summary) sets the speech model's buffers to their working size, a one-time
step of about 20 MB that would otherwise be mistaken for growth. That session's own figures
are reported too.

A sampler thread reads the process's resident memory (VmRSS) twice a second and the session
clock from the event log. Reported: memory once the hour's session clock passes WARM_UP and
at its end, the growth between them (target < 10 %), the peak, memory every ten minutes, and
decision latency (decided_at - speech_end of every turn heard).

Figures go to bench/RESULTS.md (section "soak") and are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import statistics
import tempfile
import threading
import time
import tomllib
from pathlib import Path

from bench._results import record_section

ROOT = Path(__file__).resolve().parent.parent
SESSION = ROOT / "audio_fixtures" / "weekend-phones"
#: Turns 8-10 of the manifest (1-based): a second chunk, its mirror, its confirmation.
ROUND = slice(7, 10)
#: Session-clock seconds of the unlooped session and of one extra round, measured on the
#: fixture (400 s and 46 s); only used to choose how many rounds make the target length.
BASE_SECONDS, ROUND_SECONDS = 400.0, 46.0
WARM_UP = 300.0  # session seconds before the "start" memory figure
TARGET_GROWTH = 10.0  # percent


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def looped_manifest(folder: Path, minutes: float) -> tuple[Path, int]:
    """The weekend-phones manifest with its second chunk repeated; returns (path, rounds)."""
    manifest = tomllib.loads((SESSION / "manifest.toml").read_text())
    turns = [str((SESSION / t["audio"]).resolve()) for t in manifest["turn"]]
    rounds = max(1, math.ceil((minutes * 60 - BASE_SECONDS) / ROUND_SECONDS) + 1)  # 1: as is
    script = turns[:ROUND.start] + turns[ROUND] * rounds + turns[ROUND.stop:]
    lines = [f"names = {json.dumps(manifest['names'])}", ""]
    for audio in script:
        lines += ["[[turn]]", f"audio = {json.dumps(audio)}", ""]
    path = folder / "soak.toml"
    path.write_text("\n".join(lines))
    return path, rounds


class Sampler:
    """Samples (wall seconds, session seconds, RSS MB) while the session runs."""

    def __init__(self, events: Path, every: float = 0.5):
        self.events, self.every = events, every
        self.samples: list[tuple[float, float, float]] = []
        self._stop = threading.Event()
        self._offset, self._session_t = 0, 0.0
        self._began = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def _read_clock(self) -> None:
        # Only whole new lines: the session writes and flushes one event at a time.
        if not self.events.exists():
            return
        with open(self.events, "rb") as f:
            f.seek(self._offset)
            chunk = f.read()
        whole = chunk[: chunk.rfind(b"\n") + 1]
        self._offset += len(whole)
        for line in whole.splitlines():
            self._session_t = max(self._session_t, json.loads(line)["t"])

    def sample(self) -> None:
        self._read_clock()
        self.samples.append((time.monotonic() - self._began, self._session_t, rss_mb()))


def run_session(minutes: float) -> dict:
    from facilitator.cli import main as facilitator

    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        folder = Path(tmp)
        manifest, rounds = looped_manifest(folder, minutes)
        events = folder / "events.jsonl"
        argv = ["replay", str(manifest), "--fast", "--events", str(events),
                "--data-dir", str(folder / "data")]
        shown = io.StringIO()  # the captions of an hour: kept out of the benchmark's output
        began = time.perf_counter()
        with Sampler(events) as sampler, contextlib.redirect_stdout(shown):
            code = facilitator(argv)
        wall = time.perf_counter() - began
        logged = [json.loads(line) for line in events.read_text().splitlines()]
    if code != 0:
        raise SystemExit(f"the soak session failed (exit {code}):\n{shown.getvalue()[-2000:]}")
    return {"rounds": rounds, "wall": wall, "events": logged, "samples": sampler.samples}


def summarise(run: dict, *, warm_up: float) -> dict:
    samples, events = run["samples"], run["events"]
    warm = next((s for s in samples if s[1] >= warm_up), samples[0])
    end = samples[-1]
    heard = [e for e in events if e["event"] == "heard" and "decided_at" in e]
    latency = [(e["decided_at"] - e["speech_end"], e) for e in heard]
    worst, worst_event = max(latency, key=lambda pair: pair[0])
    checkpoints = []
    for minute in range(0, int(events[-1]["t"] // 60) + 1, 10):
        at = next((s for s in samples if s[1] >= minute * 60), None)
        if at is not None:
            checkpoints.append((minute, at[2]))
    return {
        "session_minutes": events[-1]["t"] / 60,
        "end_reason": events[-1].get("reason"),
        "turns_heard": len(heard),
        "wall_minutes": run["wall"] / 60,
        "rss_start": warm[2],
        "rss_start_at": warm[1],
        "rss_end": end[2],
        "rss_peak": max(s[2] for s in samples),
        "growth": (end[2] - warm[2]) / warm[2] * 100,
        "latency_median": statistics.median(x for x, _ in latency),
        "latency_p95": sorted(x for x, _ in latency)[int(0.95 * (len(latency) - 1))],
        "latency_worst": worst,
        "worst_turn": f"{worst_event['partner']} at {worst_event['speech_end'] / 60:.1f} min",
        "checkpoints": checkpoints,
    }


def report(s: dict, rounds: int, warm: dict) -> str:
    verdict = "met" if s["growth"] < TARGET_GROWTH else "NOT met"
    trend = ", ".join(f"{m} min {mb:.0f} MB" for m, mb in s["checkpoints"])
    return "\n".join([
        "## Soak: one continuous hour (`python -m bench.bench_soak`)",
        "",
        f"`facilitator replay --fast` in-process on the weekend-phones script with its second "
        f"chunk repeated {rounds} times: a {s['session_minutes']:.1f}-minute session on its own "
        f"clock ({s['turns_heard']} turns heard, ended \"{s['end_reason']}\"), real listener, "
        f"tiny.en, pyttsx3 voice into a silent sink, record and event log written.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| wall time for the session | {s['wall_minutes']:.1f} min "
        f"({s['session_minutes'] / s['wall_minutes']:.1f}x real time) |",
        f"| memory (RSS) after warm-up, at {s['rss_start_at'] / 60:.1f} min | "
        f"{s['rss_start']:.0f} MB |",
        f"| memory at the end | {s['rss_end']:.0f} MB |",
        f"| growth | {s['growth']:+.1f} % (target < {TARGET_GROWTH:.0f} %: {verdict}) |",
        f"| peak | {s['rss_peak']:.0f} MB |",
        f"| decision latency median / p95 | {s['latency_median']:.2f} / "
        f"{s['latency_p95']:.2f} s |",
        f"| worst decision latency | {s['latency_worst']:.2f} s ({s['worst_turn']}) |",
        "",
        f"Memory through the hour: {trend}.",
        f"Warm-up session first ({warm['session_minutes']:.1f} min on its clock, "
        f"{warm['wall_minutes'] * 60:.0f} s): {warm['rss_start']:.0f} MB at "
        f"{warm['rss_start_at'] / 60:.1f} min, {warm['rss_end']:.0f} MB at its end, "
        f"{warm['rss_peak']:.0f} MB at its peak; worst decision latency "
        f"{warm['latency_worst']:.2f} s.",
        "Decision latency is decided_at - speech_end on the session clock, with transcription "
        "timed as a live background worker would deliver it.",
    ])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="session length (60)")
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args(argv)

    warm = summarise(run_session(0), warm_up=60.0)
    run = run_session(args.minutes)
    summary = summarise(run, warm_up=WARM_UP)
    markdown = report(summary, run["rounds"], warm)
    print(markdown)
    if not args.no_record:
        record_section("soak", markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
