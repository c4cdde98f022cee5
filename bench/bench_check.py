"""``replay --check`` on 100 fixtures: one worker against one per core, and memory per worker.

The 100 fixtures are the bundled ones repeated (each a folder with its manifest, audio paths
pointing at the committed WAVs, and its truth). ``facilitator replay DIR --check --jobs N``
runs in a fresh process, as a tester runs it, and its wall time from start to exit is
measured (workers starting and loading the model included), alternating one worker and one
per core so that a busy spell on the machine falls on both. Memory: each bundled session is
first replayed alone in a fresh worker (one replay's memory: the sessions differ, and the
heaviest is the mark); each worker's peak and resident set (from the JSON report) after its
last fixture are held against it. Each round is recorded as it completes.
Run as ``python -m bench.bench_check [--runs N] [--count N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

from bench._results import record_section
from facilitator.workbench import usable_cores

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
COUNT = 100
RUNS = 3


def bundled() -> list[str]:
    return sorted(p.parent.name for p in FIXTURES.glob("*/manifest.toml"))


def copy_fixture(session: str, target: Path) -> None:
    """A bundled fixture in another folder: its manifest, audio paths made absolute, and truth."""
    target.mkdir(parents=True)
    manifest = tomllib.loads((FIXTURES / session / "manifest.toml").read_text())
    for turn in manifest["turn"]:
        if "audio" in turn:
            turn["audio"] = str((FIXTURES / session / turn["audio"]).resolve())
    (target / "manifest.toml").write_text(tomli_w.dumps(manifest))
    (target / "truth.toml").write_text((FIXTURES / session / "truth.toml").read_text())


def make_fixtures(folder: Path, count: int) -> dict[str, str]:
    """``count`` fixture folders, the bundled ones in turn; returns folder -> session."""
    sessions = bundled()
    made = {}
    for k in range(count):
        session = sessions[k % len(sessions)]
        copy_fixture(session, folder / f"{k + 1:03d}-{session}")
        made[f"{k + 1:03d}-{session}"] = session
    return made


def check(folder: Path, jobs: int, work: Path) -> dict:
    report = work / f"report-{jobs}.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "replay", str(folder), "--check", "--jobs",
         str(jobs), "--report", str(report)],
        capture_output=True, text=True, cwd=ROOT,
        env=dict(os.environ, FACILITATOR_CONFIG=str(work / "config.toml")),
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The command, its workers and their speech engines: every process it waited for.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not report.exists():
        raise SystemExit(f"bench_check: --jobs {jobs} wrote no report: {proc.stderr.strip()}")
    data = json.loads(report.read_text())
    # Each worker's fixtures in the order it replayed them: its memory after each.
    workers: dict[int, list[dict]] = {}
    for f in data["fixtures"]:
        workers.setdefault(f["worker"]["pid"], []).append(f["worker"])
    for done in workers.values():
        done.sort(key=lambda w: w["fixtures"])
    return {
        "wall": wall,
        "cpu": cpu,
        "code": proc.returncode,
        "summary": proc.stdout.strip().splitlines()[-1],
        "passed": data["summary"]["passed"],
        "fixtures": data["fixtures"],
        "workers": list(workers.values()),
        "worker_peaks": sorted(done[-1]["peak_mb"] for done in workers.values()),
        "fixtures_per_worker": [len(done) for done in workers.values()],
    }


def alone(folder: Path, made: dict[str, str], work: Path) -> dict[str, dict]:
    """Each session replayed alone in a fresh worker: {session: its worker's memory}."""
    first = {}
    for name, session in made.items():
        first.setdefault(session, name)
    memory = {}
    for session, name in first.items():
        result = check(folder / name, 1, work)
        memory[session] = result["workers"][0][-1]
    return memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_check")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    parser.add_argument("--count", type=int, default=COUNT, help=f"fixtures (default {COUNT})")
    options = parser.parse_args(argv or [])
    cores = usable_cores()
    modes = [1, cores] if cores > 1 else [1]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = make_fixtures(work / "fixtures", options.count)
        one = alone(work / "fixtures", made, work)
        print("one replay alone: " + ", ".join(f"{s} {m['peak_mb']:.0f} MB"
                                               for s, m in one.items()), flush=True)
        runs: dict[int, list[dict]] = {jobs: [] for jobs in modes}
        for k in range(options.runs):
            for jobs in modes:
                result = check(work / "fixtures", jobs, work)
                runs[jobs].append(result)
                print(f"run {k + 1}, --jobs {jobs}: {result['wall']:.1f} s; "
                      f"{result['summary']}", flush=True)
            # Every round is recorded as it completes: a long run cut short keeps its figures,
            # and the section says how many runs they are the median of.
            md = section(options.count, len(set(made.values())), runs, cores, load_before,
                         os.getloadavg(), one)
            record_section("check", md)
    print(md)
    return 0


def section(count: int, sessions: int, runs: dict[int, list[dict]], cores: int,
            load_before: tuple, load_after: tuple, one: dict[str, dict]) -> str:
    modes = list(runs)
    done = min(len(rs) for rs in runs.values())
    wall = {jobs: statistics.median(r["wall"] for r in runs[jobs]) for jobs in modes}
    md = [
        f"## Checking {count} fixtures (`python -m bench.bench_check`)",
        "",
        f"`facilitator replay DIR --check --jobs N --report out.json` in a fresh process on "
        f"{count} fixtures: the {sessions} bundled ones repeated, each "
        "with its truth, replayed through the real pipeline and compared. Wall time from start "
        "to exit (workers starting and loading the model included); "
        f"median of {done} run{'s' if done != 1 else ''} of each, alternated. Per-fixture "
        "replay time is the median over all fixtures of all runs; peak memory is each worker "
        "process's maximum resident set after its last fixture. Processor time is that of the "
        "command and every process under it (workers, speech engines); cores kept busy = "
        "processor time / wall time.",
        "",
        "| workers | wall time (median) | runs | passed | processor time (median) | "
        "cores kept busy | per-fixture replay (median) | per-fixture processor time | "
        "fixtures per worker | peak memory per worker |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for jobs in modes:
        rs = runs[jobs]
        per_fixture = statistics.median(f["timings"]["replay_seconds"]
                                        for r in rs for f in r["fixtures"])
        per_fixture_cpu = statistics.median(f["timings"]["cpu_seconds"]
                                            for r in rs for f in r["fixtures"]
                                            if f["timings"]["cpu_seconds"] is not None)
        cpu = statistics.median(r["cpu"] for r in rs)
        busy = statistics.median(r["cpu"] / r["wall"] for r in rs)
        peaks = [p for r in rs for p in r["worker_peaks"]]
        shares = [n for r in rs for n in r["fixtures_per_worker"]]
        walls = ", ".join(f"{r['wall']:.0f}" for r in rs)
        md.append(
            f"| {jobs} | {wall[jobs]:.0f} s | {walls} s | "
            f"{min(r['passed'] for r in rs)}/{count} | {cpu:.0f} s | {busy:.2f} | "
            f"{per_fixture:.2f} s | {per_fixture_cpu:.2f} s | "
            f"{_span(shares, '{:.0f}')} | {_span(peaks, '{:.0f}')} MB |")
    md.append("")
    if len(modes) > 1:
        ratio = wall[cores] / wall[1]
        md.append(f"- {cores} workers take **{ratio:.2f}** of the one-worker time "
                  f"({wall[cores]:.0f} s against {wall[1]:.0f} s; target about 0.5 on 2 cores).")
        kept_busy = {jobs: statistics.median(r["cpu"] / r["wall"] for r in runs[jobs])
                     for jobs in modes}
        if kept_busy[cores] < 0.8 * cores:
            md.append(f"- Not a measure of the workers: {cores} workers kept only "
                      f"{kept_busy[cores]:.2f} cores busy (one worker {kept_busy[1]:.2f}); "
                      "other work held the machine, so the times above are its share of a "
                      "shared machine. "
                      "Measure again on a quiet one.")
    # One replay's memory is that of the heaviest session replayed alone in a fresh worker
    # (a worker's first fixture is the one with the most audio, not the heaviest to replay);
    # a worker's memory after its last fixture must not go beyond it.
    workers = [done for jobs in modes for r in runs[jobs] for done in r["workers"]]
    heaviest = max(one, key=lambda s: one[s]["peak_mb"])
    mark = one[heaviest]
    last_peak = [done[-1]["peak_mb"] for done in workers]
    last_rss = [done[-1]["rss_mb"] for done in workers]
    growth = max(100 * (peak / mark["peak_mb"] - 1) for peak in last_peak)
    md.append(
        f"- Memory per worker: one replay alone in a fresh worker (the model loaded) peaks at "
        f"{_span([m['peak_mb'] for m in one.values()], '{:.0f}')} MB and holds "
        f"{_span([m['rss_mb'] for m in one.values()], '{:.0f}')} MB over the {len(one)} "
        f"sessions (the heaviest, {heaviest}: {mark['peak_mb']:.0f} MB peak, "
        f"{mark['rss_mb']:.0f} MB held); a worker after its last fixture "
        f"({_span([len(d) for d in workers], '{:.0f}')} fixtures) peaks at "
        f"{_span(last_peak, '{:.0f}')} MB and holds {_span(last_rss, '{:.0f}')} MB: "
        f"{growth:+.0f} % at most over the heaviest replay alone.")
    md.append(f"- Load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}"
              f"; after: {', '.join(f'{x:.2f}' for x in load_after)} (the machine is shared; "
              "runs alternate so that other work falls on both).")
    failed = [r["summary"] for jobs in modes for r in runs[jobs] if r["code"] != 0]
    if failed:
        md.append(f"- Not every run passed: {'; '.join(failed)}")
    return "\n".join(md)


def _span(values: list[float], form: str) -> str:
    low, high = form.format(min(values)), form.format(max(values))
    return low if low == high else f"{low}-{high}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
