"""From `facilitator session` to the first prompt: how long a couple waits at the start.

Runs the live session with its default devices in a private PulseAudio room (tests/room.py)
and records the room, two ways, taking turns:

- names given: ``--names Maya Tom --dialogue appreciation --no-sound-check``, the start as
  it was before the setup (facilitator/setup.py): the dialogue's welcome is the first word;
- a returning couple: nothing on the command line; the settings file holds their names and
  last time's choices and a dialogue of yesterday is on record, so the setup greets them by
  name ("Welcome back...") and hands straight over to the dialogue.

Measured from the moment the process is started (the room's recording is placed on the same
clock): the first sound in the room (the first spoken word), the first sound of the
dialogue's own first sentence (after its ``say`` event appears in the event log; the one
before it has been played whole by then), and the first ``listen`` of the dialogue (the
couple can answer). The session is then ended as a person would (SIGTERM == Ctrl-C).

    .venv/bin/python -m bench.bench_start [--repeats 5] [--no-record]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tests.room import (
    RATE,
    REPO,
    RoomUnavailable,
    _EventTail,
    first_sound_after,
    start_room,
)

NAMES = ("Maya", "Tom")
GIVEN = ("--names", *NAMES, "--dialogue", "appreciation", "--no-sound-check")
WAYS = {"names given": GIVEN, "returning couple": ()}
#: The dialogue's first sentence for the appreciation dialogue, with and without the setup's
#: greeting before it (prompts.en.toml: appreciation.welcome and appreciation.begin).
OPENINGS = ("Welcome, Maya and Tom. This is your appreciation", "This is your appreciation")
TIMEOUT = 120.0


@dataclass
class Start:
    way: str
    first_word: float | None  # s from launch to the first sound in the room
    first_prompt: float | None  # ... to the first sound of the dialogue's first sentence
    listening: float | None  # ... to the dialogue's first listen (event seen)
    greeting: str  # what it said first


def returning_couple(workdir: Path) -> None:
    """Their names and last choices in the settings file, a dialogue yesterday on record."""
    from facilitator.records import SessionRecorder

    (workdir / "config.toml").write_text(
        f'names = ["{NAMES[0]}", "{NAMES[1]}"]\nusual_dialogue = "appreciation"\n'
        f'usual_first = "{NAMES[0]}"\n')
    yesterday = datetime.now() - timedelta(days=1)
    recorder = SessionRecorder(workdir / "data", names=list(NAMES), dialogue="appreciation",
                               save=True, started=yesterday)
    recorder.on_event({"t": 0.0, "event": "end", "reason": "complete"})
    recorder.close("complete")


def run_once(room, way: str, workdir: Path) -> Start:
    if way == "returning couple":
        returning_couple(workdir)
    events_path = workdir / "events.jsonl"
    events_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "facilitator", "session", *WAYS[way],
               "--events", str(events_path), "--data-dir", str(workdir / "data")]
    env = dict(room.env, FACILITATOR_DATA_DIR=str(workdir / "data"),
               FACILITATOR_CONFIG=str(workdir / "config.toml"), PYTHONUNBUFFERED="1")
    tail = _EventTail(events_path)
    events: list[tuple[float, dict]] = []  # (when it was seen, the event)
    with room.recorder() as recorder:
        launched = time.monotonic()
        process = subprocess.Popen(command, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            while time.monotonic() - launched < TIMEOUT:
                now = time.monotonic()
                events += [(now, e) for e in tail.read()]
                if any(e["event"] == "listen" and e.get("stage") != "setup" for _, e in events):
                    break
                if process.poll() is not None:
                    raise RuntimeError(f"{way}: the session ended early: "
                                       f"{process.stderr.read().decode()[-500:]}")
                time.sleep(0.005)
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        audio = recorder.audio()
        start_mark = recorder.mark_at(launched)
        opening_seen = next((seen for seen, e in events if e["event"] == "say"
                             and e["text"].startswith(OPENINGS)), None)
        opening_mark = None if opening_seen is None else recorder.mark_at(opening_seen)
    listen_seen = next((seen for seen, e in events
                        if e["event"] == "listen" and e.get("stage") != "setup"), None)

    def since_launch(mark: int | None) -> float | None:
        if mark is None:
            return None
        sound = first_sound_after(audio, mark)
        return None if sound is None else (sound - start_mark) / RATE

    says = [e["text"] for _, e in events if e["event"] == "say"]
    return Start(
        way,
        first_word=since_launch(start_mark),
        first_prompt=since_launch(opening_mark),
        listening=None if listen_seen is None else listen_seen - launched,
        greeting=says[0] if says else "",
    )


def median(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def report(starts: list[Start], repeats: int, load: tuple[float, float]) -> str:
    def cell(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    rows = []
    medians: dict[str, dict[str, float | None]] = {}
    for way in WAYS:
        mine = [s for s in starts if s.way == way]
        medians[way] = {
            "first_word": median([s.first_word for s in mine]),
            "first_prompt": median([s.first_prompt for s in mine]),
            "listening": median([s.listening for s in mine]),
        }
        m = medians[way]
        rows.append(f"| {way} | {len(mine)} | {cell(m['first_word'])} | "
                    f"{cell(m['first_prompt'])} | {cell(m['listening'])} |")
    given, back = medians["names given"], medians["returning couple"]
    ratio = ("n/a" if not (given["first_prompt"] and back["first_prompt"]) else
             f"{back['first_prompt'] / given['first_prompt']:.2f}")
    greeting = next((s.greeting for s in starts if s.way == "returning couple"), "")
    return "\n".join([
        "## From start to the first prompt",
        "",
        "`python -m bench.bench_start`: live `facilitator session` with default devices "
        "(espeak-ng via pyttsx3, tiny.en) in a private PulseAudio room, the room recorded; "
        f"{repeats} starts each way, taken in turns. Names given: `{' '.join(GIVEN)}`. "
        "Returning couple: no options; names and last time's choices in the settings file, a "
        "dialogue yesterday on record. Times are from starting the process; the first prompt "
        "is the first sound of the dialogue's first sentence (for names given, its welcome).",
        "",
        "| start | runs | first spoken word (s, median) | the dialogue's first prompt | "
        "listening |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Returning couple / names given, to the dialogue's first prompt: {ratio}. "
        f"The returning couple first hears: \"{greeting}\"",
        "",
        f"Load average (1 min) on the machine, which other work shares: {load[0]:.1f} at the "
        f"start, {load[1]:.1f} at the end.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bench_start",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="starts each way (default 5)")
    parser.add_argument("--no-record", action="store_true",
                        help="print the figures without writing bench/RESULTS.md")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        room = start_room()
    except RoomUnavailable as exc:
        print(f"bench_start: the sound room cannot run here: {exc}", file=sys.stderr)
        return 2
    starts: list[Start] = []
    load_before = os.getloadavg()[0]
    try:
        # One start that is not counted: the first import of the models warms the disk cache.
        with tempfile.TemporaryDirectory(prefix="bench-start-") as workdir:
            run_once(room, "names given", Path(workdir))
        for _ in range(args.repeats):
            for way in WAYS:
                with tempfile.TemporaryDirectory(prefix="bench-start-") as workdir:
                    os.chmod(workdir, 0o700)
                    start = run_once(room, way, Path(workdir))
                starts.append(start)
                print(f"{way}: {start}", file=sys.stderr)
    finally:
        room.stop()
    markdown = report(starts, args.repeats, (load_before, os.getloadavg()[0]))
    print(markdown)
    if not args.no_record:
        from bench._results import record_section

        record_section("start", markdown)
    missing = [s for s in starts if None in (s.first_word, s.first_prompt, s.listening)]
    return 1 if missing else 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
