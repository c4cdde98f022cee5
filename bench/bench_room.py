"""Response latency in the sound room: from a partner's last word to the facilitator's reply.

Runs whole live sessions (``facilitator session`` with its default devices) in a private
PulseAudio room (tests/room.py), playing the fixtures' turns into it as the partners, and
records the room the whole time, like a second microphone on the table. For each turn:

- the partner's last word: where the played WAV sits in the room's recording (found by
  correlation) plus where its speech ends (the fixture's truth);
- the facilitator's first sound after it (the "got it" cue, when cues are on);
- the first sound of its next spoken prompt (after that cue).

Target (issue 5): p50 from last word to the next prompt at most 1.0 s.

    .venv/bin/python -m bench.bench_room [--sessions appreciation dishes] [--no-record]
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tests.room import (
    FIXTURES,
    RATE,
    RoomUnavailable,
    drive_session,
    load_fixture,
    percentile,
    response_times,
    start_room,
)

TARGET_P50 = 1.0
#: appreciation: 10 turns, about 2 minutes live; dishes: 23 turns of the intentional
#: dialogue (coaching, a partial mirror, a summary), about 5 minutes.
DEFAULT_SESSIONS = ("appreciation", "dishes")


def got_it_cue() -> np.ndarray:
    import soxr

    from facilitator.speech import cue_sound

    samples, rate = cue_sound("got_it")
    return soxr.resample(samples, rate, RATE).astype(np.float32)


def run_session(room, name: str, workdir: Path, extra_args: list[str]):
    fixture = load_fixture(FIXTURES / name)
    args = ("--dialogue", fixture.truth.get("dialogue", "intentional"), *extra_args)
    started = time.monotonic()
    result = drive_session(room, fixture, workdir, extra_args=args, timeout=900)
    replies = response_times(result, fixture, cue=None if "--no-cues" in args else got_it_cue())
    end = result.of("end")
    summary = {
        "session": name,
        "turns": len(fixture.turns),
        "played": len(result.plays),
        "heard": len(result.of("heard")),
        "end": end[-1]["reason"] if end else "none",
        "seconds": time.monotonic() - started,
        "problems": result.problems,
    }
    # How much of the reply time is the endpointer deciding the turn is over (session clock).
    decisions = [
        h["decided_at"] - h["speech_end"] for h in result.of("heard") if "decided_at" in h
    ]
    return summary, replies, decisions


def stats(values: list[float]) -> str:
    if not values:
        return "n/a | n/a | n/a"
    return f"{percentile(values, 50):.2f} | {percentile(values, 95):.2f} | {max(values):.2f}"


def report(summaries, replies, decisions, extra_args) -> str:
    to_word = [r.to_first_word for r in replies if r.to_first_word is not None]
    to_sound = [r.to_first_sound for r in replies if r.to_first_sound is not None]
    p50 = percentile(to_word, 50) if to_word else float("nan")
    verdict = "meets" if p50 <= TARGET_P50 else "misses"
    options = " ".join(extra_args) or "defaults (espeak-ng via pyttsx3, cues on, tiny.en)"
    intro = (
        "`python -m bench.bench_room`: live `facilitator session` with default devices in a "
        "private PulseAudio room (null sink; its monitor is the microphone); fixture turns "
        "played into the room with paplay when the facilitator listens; the room recorded "
        f"throughout. Options: {options}."
    )
    rows = [
        (f"the first sound of the next spoken prompt ({len(to_word)} turns)", to_word),
        (f"the facilitator's first sound, e.g. the \"got it\" cue ({len(to_sound)} turns)",
         to_sound),
        (f"of which the endpointer's decision (event log, {len(decisions)} turns)", decisions),
    ]
    lines = [
        "## Response latency in the sound room",
        "",
        intro,
        "",
        "| seconds from the partner's last word to ... | p50 | p95 | max |",
        "|---|---|---|---|",
        *(f"| {label} | {stats(values)} |" for label, values in rows),
        "",
        f"Target p50 <= {TARGET_P50:.1f} s to the next prompt: **{verdict}** ({p50:.2f} s).",
        "",
        "| session | turns played / heard | end | wall time |",
        "|---|---|---|---|",
    ]
    for s in summaries:
        problems = f" ({'; '.join(s['problems'])})" if s["problems"] else ""
        lines.append(
            f"| {s['session']} | {s['played']} of {s['turns']} / {s['heard']} | "
            f"{s['end']}{problems} | {s['seconds']:.0f} s |"
        )
    weak = [r for r in replies if r.aligned < 0.8]
    if weak:
        lines += ["", f"{len(weak)} turn(s) located in the recording with correlation < 0.8."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bench_room", description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", nargs="+", default=list(DEFAULT_SESSIONS),
                        help="fixture sessions under audio_fixtures/ (default: %(default)s)")
    parser.add_argument("--no-record", action="store_true",
                        help="print the figures without writing bench/RESULTS.md")
    parser.add_argument("facilitator_args", nargs=argparse.REMAINDER,
                        help="after --: extra options for `facilitator session`")
    args = parser.parse_args(argv)
    extra = [a for a in args.facilitator_args if a != "--"]
    # Stopped from outside (a CI timeout, kill): still stop the room and the session.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        room = start_room()
    except RoomUnavailable as exc:
        print(f"bench_room: the sound room cannot run here: {exc}", file=sys.stderr)
        return 2
    summaries, replies, decisions = [], [], []
    try:
        for name in args.sessions:
            with tempfile.TemporaryDirectory(prefix=f"bench-room-{name}-") as workdir:
                summary, session_replies, session_decisions = run_session(
                    room, name, Path(workdir), extra
                )
            summaries.append(summary)
            replies += session_replies
            decisions += session_decisions
            print(f"{name}: {summary}", file=sys.stderr)
    finally:
        room.stop()
    markdown = report(summaries, replies, decisions, extra)
    print(markdown)
    if not args.no_record:
        from bench._results import record_section

        record_section("room", markdown)
    # Figures from a session that broke off are recorded (with the reason) but not a pass.
    incomplete = [s["session"] for s in summaries if s["problems"] or s["end"] != "complete"]
    if incomplete:
        print(f"bench_room: {', '.join(incomplete)} did not complete in the room", file=sys.stderr)
    return 1 if incomplete else 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
