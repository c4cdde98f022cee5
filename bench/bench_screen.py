"""Does the --screen page cost the conversation anything? Turn ends with and without it.

Whole live sessions in the sound room (tests/room.py, as bench_room): the fixtures' turns
are played into a private PulseAudio room while ``facilitator session`` listens with its
default devices. Each session runs, in turn, as

- *before*: the code of another commit (``--before REF``, e.g. the one this work started
  from), unpacked with ``git archive`` and run from there, the same models and devices;
- *screen off*: this code, without ``--screen``;
- *screen on*: this code with ``--screen``, its page open in headless Chromium (the URL
  handed over through $BROWSER, as a person's browser gets it) for the whole session.

For each: how long after a partner's last word the endpointer decided the turn was over
(event log: decided_at - speech_end) and how long until the first sound of the next prompt
(the room's recording, as bench_room). With the page open, also how long each event took
from the session to text on the screen (tests/helpers/screen_page.py).

    .venv/bin/python -m bench.bench_screen [--before REF] [--rounds N] [--sessions ...]
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_room import got_it_cue
from tests.helpers.browser import Browser, find_chromium
from tests.helpers.screen_page import WATCHER, latencies, screen_log
from tests.room import (
    FIXTURES,
    REPO,
    RoomUnavailable,
    drive_session,
    load_fixture,
    percentile,
    response_times,
    start_room,
)

#: appreciation: 8 turns, about 2.5 minutes live.
DEFAULT_SESSIONS = ("appreciation",)
TARGET_SHOW_MS = 100


class PageWatcher:
    """Open the page whose URL the session hands to $BROWSER; keep it open; read its log."""

    def __init__(self, browser: Browser, url_file: Path):
        self.browser, self.url_file = browser, url_file
        self.page = None
        self.error: str | None = None
        self._thread = threading.Thread(target=self._open, daemon=True)
        self._thread.start()

    def _open(self) -> None:
        deadline = time.monotonic() + 180
        while not self.url_file.exists() or not self.url_file.read_text().strip():
            if time.monotonic() > deadline:
                self.error = "the session never handed the page to the browser"
                return
            time.sleep(0.05)
        try:
            self.page = self.browser.new_page(self.url_file.read_text().strip(),
                                              before_load=WATCHER)
        except Exception as exc:  # noqa: BLE001 (reported with the figures)
            self.error = f"the page did not open: {exc}"

    def log(self) -> dict | None:
        self._thread.join(timeout=30)
        if self.page is None:
            return None
        log = screen_log(self.page)
        self.page.close()
        return log


def checkout(ref: str, folder: Path) -> Path:
    """The tree of ``ref``, unpacked into ``folder`` (its code is run from there)."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=REPO,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def run_one(room, name: str, condition: str, *, code: Path, browser: Browser | None):
    fixture = load_fixture(FIXTURES / name)
    with tempfile.TemporaryDirectory(prefix=f"bench-screen-{name}-") as work:
        workdir = Path(work)
        args = ["--dialogue", fixture.truth.get("dialogue", "intentional")]
        env = {}
        watcher = None
        if condition == "screen on":
            url_file = workdir / "url.txt"
            args.append("--screen")
            # What a person's browser gets: the URL, as its argument ($BROWSER names a
            # program, which here hands the URL to the Chromium the benchmark drives).
            opener = workdir / "browser"
            opener.write_text(f'#!/bin/sh\necho "$1" > "{url_file}"\n')
            opener.chmod(0o700)
            env["BROWSER"] = str(opener)
            watcher = PageWatcher(browser, url_file)
        result = drive_session(room, fixture, workdir, extra_args=tuple(args), timeout=900,
                               cwd=code, env=env)
        log = watcher.log() if watcher else None
    replies = response_times(result, fixture, cue=got_it_cue())
    decisions = [h["decided_at"] - h["speech_end"] for h in result.of("heard")
                 if "decided_at" in h]
    end = result.of("end")
    problems = list(result.problems)
    if watcher and watcher.error:
        problems.append(watcher.error)
    return {
        "session": name,
        "condition": condition,
        "played": len(result.plays),
        "turns": len(fixture.turns),
        "end": end[-1]["reason"] if end else "none",
        "problems": problems,
        "decisions": decisions,
        "to_word": [r.to_first_word for r in replies if r.to_first_word is not None],
        "to_sound": [r.to_first_sound for r in replies if r.to_first_sound is not None],
        "shown_ms": latencies(log) if log else [],
        "seconds": result.seconds,
    }


def stats(values: list[float], scale: float = 1.0, digits: int = 2) -> str:
    if not values:
        return "n/a | n/a"
    return (f"{percentile(values, 50) * scale:.{digits}f} | "
            f"{percentile(values, 95) * scale:.{digits}f}")


def report(runs: list[dict], conditions: list[str], before: str | None, chromium: str) -> str:
    by = {c: [r for r in runs if r["condition"] == c] for c in conditions}

    def pooled(condition: str, key: str) -> list[float]:
        return [v for r in by[condition] for v in r[key]]

    lines = [
        "## The screen and turn-end latency",
        "",
        "`python -m bench.bench_screen`: live `facilitator session` in the sound room (as the "
        "room benchmark), the same fixture sessions run in turn "
        + (f"with the code of `{before}` (before the screen existed), " if before else "")
        + "without `--screen`, and with `--screen` and its page open in headless "
        f"{chromium} for the whole session, interleaved. Seconds from the partner's last "
        "word to: the endpointer's decision (event log), the first sound of the next prompt "
        "and the facilitator's first sound, e.g. the \"got it\" cue (the room's recording).",
        "",
        "| condition | turns | decision p50 | p95 | next prompt p50 | p95 | "
        "first sound p50 | p95 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in conditions:
        lines.append(f"| {c} | {len(pooled(c, 'decisions'))} | {stats(pooled(c, 'decisions'))}"
                     f" | {stats(pooled(c, 'to_word'))} | {stats(pooled(c, 'to_sound'))} |")
    base = "before" if "before" in by else "screen off"
    ratios = []
    for c in conditions:
        if c == base or not pooled(c, "to_word") or not pooled(base, "to_word"):
            continue
        for key, label in (("decisions", "decision"), ("to_word", "next prompt")):
            ratio = percentile(pooled(c, key), 50) / percentile(pooled(base, key), 50)
            ratios.append(f"{label} p50 {c} / {base}: {ratio:.2f}")
    if ratios:
        lines += ["", "Ratios in this run: " + "; ".join(ratios) + "."]
    shown = pooled("screen on", "shown_ms") if "screen on" in by else []
    if shown:
        verdict = "meets" if percentile(shown, 50) <= TARGET_SHOW_MS else "misses"
        lines += ["", f"Event to visible text on the page (ms, {len(shown)} events, sent by the "
                  f"session -> painted in Chromium): p50 | p95 = {stats(shown, 1, 1)}; target "
                  f"p50 <= {TARGET_SHOW_MS} ms: **{verdict}**."]
    lines += ["", "Each run, to show how much one run differs from the next on this shared "
              "machine:", "",
              "| session | condition | turns played / of | decision p50 | next prompt p50 | "
              "end | wall time |",
              "|---|---|---|---|---|---|---|"]
    for r in runs:
        problems = f" ({'; '.join(r['problems'])})" if r["problems"] else ""
        one = [f"{percentile(r[k], 50):.2f}" if r[k] else "n/a" for k in ("decisions",
                                                                          "to_word")]
        lines.append(f"| {r['session']} | {r['condition']} | {r['played']} / {r['turns']} | "
                     f"{one[0]} | {one[1]} | {r['end']}{problems} | {r['seconds']:.0f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bench_screen",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--before", metavar="REF",
                        help="also run the code of this commit (e.g. where this work began)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="how many times to run each session in each condition")
    parser.add_argument("--sessions", nargs="+", default=list(DEFAULT_SESSIONS))
    parser.add_argument("--no-record", action="store_true",
                        help="print the figures without writing bench/RESULTS.md")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("bench_screen: Chromium is not installed (make install)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        room = start_room()
    except RoomUnavailable as exc:
        print(f"bench_screen: the sound room cannot run here: {exc}", file=sys.stderr)
        return 2
    conditions = (["before"] if args.before else []) + ["screen off", "screen on"]
    runs: list[dict] = []
    before = args.before
    if before:  # named by its commit too: a branch name moves on
        commit = subprocess.run(["git", "rev-parse", "--short", before], cwd=REPO,
                                capture_output=True, text=True, check=True).stdout.strip()
        before = before if before == commit else f"{before}, {commit}"
    with tempfile.TemporaryDirectory(prefix="bench-screen-before-") as old, \
            Browser() as browser:
        code = {"screen off": REPO, "screen on": REPO}
        if args.before:
            code["before"] = checkout(args.before, Path(old))
        try:
            for _ in range(args.rounds):
                for name in args.sessions:
                    for condition in conditions:  # interleaved: drift hits all alike
                        run = run_one(room, name, condition, code=code[condition],
                                      browser=browser)
                        runs.append(run)
                        print(f"{name} / {condition}: {run['played']} turns, {run['end']}, "
                              f"{run['problems'] or 'ok'}", file=sys.stderr)
        finally:
            room.stop()
        markdown = report(runs, conditions, before, browser.version)
    print(markdown)
    if not args.no_record:
        from bench._results import record_section

        record_section("screen", markdown)
    broken = [r for r in runs if r["problems"] or r["end"] != "complete"]
    return 1 if broken else 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
