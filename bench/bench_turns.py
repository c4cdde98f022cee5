"""Turn-ending and streaming-transcription benchmark on the audio fixtures.

    .venv/bin/python -m bench.bench_turns            # from the repository root

For every fixture turn (each session's truth.toml) the listener runs on the turn's WAV as a
scripted source, with the `expect` hint the engine would give, exactly as in a --fast
replay: the transcription worker's compute time is measured and the endpointer only sees a
result once a live worker would have delivered it. The same turns run through silence-only
endpointing at 0.6, 1.0 and 1.5 s. Each session's continuous recording (session.wav) runs
through `detect_turns` to count merges and cut-ins without hints. Long turns (5, 20, 60 s)
are built by joining fixture speech with thinking pauses, to time the final transcript.

Figures go to bench/RESULTS.md (section "turns") and are printed.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench._results import record_section
from facilitator.audio import (
    RATE,
    RecordingSource,
    ScriptedSource,
    SourceExhausted,
    Turn,
    read_audio,
    write_wav,
)
from facilitator.endpoint import Waits
from facilitator.listener import Heard, listen_for_turn
from facilitator.transcribe import ChunkText, Transcriber
from facilitator.truth import Tolerances, wer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
POLICIES = {"endpointer": None, "silence 0.6 s": 0.6, "silence 1.0 s": 1.0,
            "silence 1.5 s": 1.5}
TOLERANCE = Tolerances().cut_in  # a decision this close before the true end is no cut-in


@dataclass
class TurnResult:
    session: str
    index: int
    closer: bool
    cut_in: bool
    latency: float  # end of true speech -> decision that closed the turn
    ready: float  # decision -> final transcript
    wer: float


class NoTranscript:
    """For the silence-only baselines, which decide on voice activity alone: no decoding, but
    the same 0.3 s minimum of speech below which a real transcript is empty."""

    min_speech = 0.3

    def transcribe_chunk(self, samples, *, speech_seconds=None) -> ChunkText:
        seconds = len(samples) / RATE if speech_seconds is None else speech_seconds
        return ChunkText("speech" if seconds >= self.min_speech else "", seconds)


def sessions() -> list[tuple[Path, dict]]:
    found = []
    for truth_path in sorted(FIXTURES.glob("*/truth.toml")):
        truth = tomllib.loads(truth_path.read_text())
        if any("audio" in t for t in truth.get("turn", [])):
            found.append((truth_path.parent, truth))
    return found


def listen_whole_turn(path: Path, *, transcriber, expect, silence_only) -> list[Heard]:
    """Every turn the listener detects in one turn WAV (more than one = the turn was split)."""
    source = ScriptedSource([Turn(audio=path)], lead_in=0.0, max_silence=30.0)
    source.begin_turn()
    heard = [listen_for_turn(source, transcriber=transcriber, expect=expect,
                             silence_timeout=10.0, silence_only=silence_only)]
    while heard[-1] is not None:  # listening again in the same audio finds the rest of a split
        try:
            heard.append(listen_for_turn(source, transcriber=transcriber, expect=expect,
                                         silence_timeout=2.5, silence_only=silence_only))
        except SourceExhausted:
            break
    return [h for h in heard if h is not None]


def run_fixture_turns(transcriber, silence_only, found) -> list[TurnResult]:
    results = []
    for folder, truth in found:
        for turn in truth["turn"]:
            if "audio" not in turn:
                continue
            heard = listen_whole_turn(folder / turn["audio"], transcriber=transcriber,
                                      expect=turn["expect"], silence_only=silence_only)
            end = turn["speech_end"]
            if not heard:
                results.append(TurnResult(folder.name, turn["index"], "closer" in turn, True,
                                          float("nan"), float("nan"), 1.0))
                continue
            cut = any(h.decided_at < end - TOLERANCE for h in heard)
            closing = next((h for h in heard if h.decided_at >= end - TOLERANCE), heard[-1])
            text = " ".join(h.text for h in heard)
            results.append(TurnResult(folder.name, turn["index"], "closer" in turn, cut,
                                      closing.decided_at - end,
                                      closing.text_ready_at - closing.decided_at,
                                      wer(turn["text"], text)))
    return results


def continuous(transcriber, silence_only, found) -> tuple[int, int, int, list[float]]:
    """(true turns, merges, cut-ins, latencies) over each session's continuous recording."""
    true_turns = merges = cut_ins = 0
    latencies = []
    for folder, truth in found:
        recording = folder / truth.get("recording", "session.wav")
        if not recording.exists():
            continue
        spans = [(t["start"], t["end"]) for t in truth["turn"] if "start" in t]
        source = RecordingSource(recording)
        detected = []
        try:
            while True:
                h = listen_for_turn(source, transcriber=transcriber, silence_only=silence_only)
                if h is not None:
                    detected.append(h)
        except SourceExhausted:
            pass
        finally:
            source.close()
        true_turns += len(spans)
        for h in detected:
            covered = [s for s in spans if h.speech_start < s[1] and h.speech_end > s[0]]
            merges += len(covered) > 1
        for start, end in spans:
            parts = [h for h in detected if h.speech_start < end and h.speech_end > start]
            cut_ins += len(parts) > 1
            closing = [h for h in parts if h.speech_end >= end - 0.3]
            if closing:
                latencies.append(closing[0].decided_at - end)
    return true_turns, merges, cut_ins, latencies


def long_turns(transcriber, found, lengths=(5, 20, 60), variants=4) -> dict[int, dict]:
    """Join sender speech with thinking pauses into turns of about 5, 20 and 60 s."""
    pieces = []
    for folder, truth in found:
        for t in truth["turn"]:
            # Turns that end on a closer would rightly end the joined turn early.
            if "audio" in t and t.get("expect") in ("share", "appreciate") \
                    and "closer" not in t and "command" not in t:
                audio, _ = read_audio(folder / t["audio"])
                a, b = int((t["speech_start"] - 0.05) * RATE), int((t["speech_end"] + 0.05) * RATE)
                pieces.append((audio[max(0, a):b], t["text"]))
    rng = np.random.default_rng(7)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for length in lengths:
            readies, wers, cuts = [], [], 0
            for v in range(variants):
                order = rng.permutation(len(pieces))
                audio, texts, total = [], [], 0.0
                for i in order:
                    clip, text = pieces[i]
                    if total and total + len(clip) / RATE > length * 1.15:
                        continue
                    # Pieces carry 0.05 s of quiet at each end: pauses of 0.6-1.1 s in all.
                    audio += [clip, np.zeros(int(rng.uniform(0.5, 1.0) * RATE), np.float32)]
                    texts.append(text)
                    total += len(clip) / RATE
                    if total >= length * 0.9:
                        break
                path = Path(tmp) / f"long_{length}_{v}.wav"
                write_wav(path, np.concatenate(audio[:-1] + [np.zeros(RATE, np.float32)]))
                heard = listen_whole_turn(path, transcriber=transcriber, expect="share",
                                          silence_only=None)
                cuts += len(heard) > 1
                readies.append(heard[-1].text_ready_at - heard[-1].decided_at)
                wers.append(wer(" ".join(texts), " ".join(h.text for h in heard)))
            out[length] = {"ready_p50": statistics.median(readies), "ready_max": max(readies),
                           "wer": statistics.mean(wers), "cut": cuts, "n": variants}
    return out


def pct(values, q) -> float:
    values = [v for v in values if not np.isnan(v)]
    return float(np.percentile(values, q)) if values else float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument("--quick", action="store_true", help="endpointer policy only")
    args = parser.parse_args(argv)

    found = sessions()
    if not found:
        print("no fixtures with truth.toml under audio_fixtures/; run `make fixtures`")
        return 1
    began = time.perf_counter()
    transcriber = Transcriber()
    audio_seconds = sum(t.get("duration", 0.0) for _, truth in found for t in truth["turn"])

    rows = []
    policies = {"endpointer": None} if args.quick else POLICIES
    per_turn = {}
    for name, silence_only in policies.items():
        t0 = time.perf_counter()
        results = run_fixture_turns(transcriber if silence_only is None else NoTranscript(),
                                    silence_only, found)
        rtf = (time.perf_counter() - t0) / audio_seconds
        per_turn[name] = results
        closer = [r.latency for r in results if r.closer]
        other = [r.latency for r in results if not r.closer]
        transcribed = silence_only is None
        rows.append(
            f"| {name} | {len(results)} | {sum(r.cut_in for r in results)} | "
            f"{pct(closer, 50):.2f} / {pct(closer, 95):.2f} | "
            f"{pct(other, 50):.2f} / {pct(other, 95):.2f} | "
            + (f"{pct([r.ready for r in results], 50):.2f} | "
               f"{statistics.mean(r.wer for r in results):.3f} | {rtf:.3f} |" if transcribed
               else "- | - | - |"))
        print(rows[-1], flush=True)

    cont_rows = []
    for name, silence_only in policies.items():
        n, merges, cuts, lat = continuous(
            transcriber if silence_only is None else NoTranscript(), silence_only, found)
        cont_rows.append(f"| {name} | {n} | {merges} | {cuts} | {pct(lat, 50):.2f} / "
                         f"{pct(lat, 95):.2f} |")
        print(cont_rows[-1], flush=True)

    long = long_turns(transcriber, found)
    long_rows = [f"| {k} s | {v['n']} | {v['ready_p50']:.3f} | {v['ready_max']:.3f} | "
                 f"{v['wer']:.3f} | {v['cut']} |" for k, v in long.items()]
    for row in long_rows:
        print(row)

    cut_turns = [f"{r.session}#{r.index}" for r in per_turn["endpointer"] if r.cut_in]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n_turns = len(per_turn["endpointer"])
    waits = Waits()
    md = "\n".join([
        "## Turn ends and streaming transcription (`python -m bench.bench_turns`)",
        "",
        (f"{n_turns} fixture turns from {len(found)} sessions "
        f"({', '.join(f.name for f, _ in found)}), each replayed as a scripted source with "
        "the engine's `expect` hint, at --fast speed with the transcription worker's compute "
        "time simulated as live. Latency = true end of speech -> decision (s), p50 / p95; "
        "closer = the turn ends with a protocol closer (truth `closer`). Cut-in = a true turn "
        "split in two. Ready = decision -> final transcript (s, p50). WER of the final "
        "transcript against the script. RTF = compute seconds per audio second. The "
        "silence-only rows decide on the same voice activity without transcribing. "
        f"Endpointer waits: closer {waits.closer} s, short answer where one is expected "
        f"{waits.answer} s, complete sentence {waits.complete} s, "
        f"no transcript yet {waits.unknown} s, open clause {waits.open} s, trailing word "
        f"{waits.trailing} s."),
        "",
        "| policy | turns | cut-ins | closer latency | other latency | ready | WER | RTF |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        ("Targets: no cut-in (no pause of 1.2 s or less ends a turn); closer p50 <= 0.6 s; "
         "other p50 <= 1.6 s."),
        f"Turns cut in by the endpointer: {', '.join(cut_turns) or 'none'}.",
        "",
        "Continuous recordings (session.wav, no `expect` hint, as `facilitator turns`):",
        "",
        "| policy | true turns | merges | cut-ins | latency p50 / p95 |",
        "|---|---|---|---|---|",
        *cont_rows,
        "",
        ("Long turns built from fixture speech joined by 0.6-1.1 s pauses (target: final "
         "transcript ready <= 0.3 s after the decision, median):"),
        "",
        "| length | turns | ready p50 | ready max | WER | split |",
        "|---|---|---|---|---|---|",
        *long_rows,
        "",
        (f"Peak memory (max RSS): {peak_mb:.0f} MB. Benchmark wall time: "
         f"{time.perf_counter() - began:.0f} s."),
    ])
    print()
    print(md)
    if not args.no_record:
        record_section("turns", md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
