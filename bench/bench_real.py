"""Real voices and far-field rooms: word error, turn ends, phantom words, speech models.

    .venv/bin/python -m bench.bench_real            # from the repository root
    FACILITATOR_REAL_SPEECH=out/real .venv/bin/python -m bench.bench_real   # + larger set

Sets (see bench/real_speech.py): the real recordings in audio_fixtures/real/ (read clips
and readings with their transcripts, and AMI meeting excerpts with who speaks when) and, when
``FACILITATOR_REAL_SPEECH`` names a folder built by scripts/get_real_speech.py, a longer
reading and a telephone conversation; the same audio in simulated rooms (pyroomacoustics)
with hum, a television, a kitchen and children at 20, 10 and 5 dB SNR, and a quiet speaker.

1. Turn ends: the live listener on each turn (a scripted source, transcription timed as a
   live worker would deliver it), as in bench_turns: cut-ins at mid-turn pauses, decision
   latency after the turn's last word, word error of the turn's transcript.
1b. Conversation: the listener over each real conversation as one continuous recording;
   a change of speaker is a turn end: ends found, latency, turns merged and cut.
2. Phantom words: the listener over two minutes of each background alone, in the room.
3. Smart Turn v3.2: its probability at every mid-turn pause and every turn end.
4. Speech models: word error, time and memory of each model on every clip, dry and in four
   rooms, each model in a fresh process.
5. Hints: word error with and without the partners' names and the stage's words as a prompt.

Figures go to bench/RESULTS.md (section "real") and are printed.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

from bench._results import record_section
from bench.real_speech import (
    Condition,
    apply_condition,
    arrange_turns,
    background,
    far_field_conditions,
    load_clips,
    load_conversations,
    load_readings,
    real_folders,
    real_minutes,
    reverberate,
)
from facilitator.audio import RATE, RecordingSource, SourceExhausted, read_audio, write_wav
from facilitator.listener import listen_for_turn

TOLERANCE = 0.05
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _say_number(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + _say_number(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("mr.", "mister").replace("-", " ")
    text = re.sub(r"\d+", lambda m: " " + _say_number(int(m.group())) + " ", text)
    return re.sub(r"[^a-z' ]", " ", text).split()


def errors(reference: str, hypothesis: str) -> tuple[int, int]:
    ref = words(reference)
    return Levenshtein.distance(ref, words(hypothesis)), len(ref)


def wer_of(pairs) -> float:
    e = sum(p[0] for p in pairs)
    n = sum(p[1] for p in pairs)
    return e / max(1, n)


def pct(values, q) -> float:
    values = [v for v in values if not np.isnan(v)]
    return float(np.percentile(values, q)) if values else float("nan")


# --------------------------------------------------------------------------- turn ends


def listen_turn(audio: np.ndarray, transcriber, expect: str, tmp: Path, **kw):
    from bench.bench_turns import listen_whole_turn

    path = tmp / "turn.wav"
    write_wav(path, audio)
    return listen_whole_turn(path, transcriber=transcriber, expect=expect, silence_only=None,
                             **kw)


def run_turns(transcriber, turns, conditions, voices, tmp: Path, expect="share", **kw):
    rows = []
    for cond in conditions:
        cuts = cut_pauses = n_pauses = 0
        latencies, errs = [], []
        for i, turn in enumerate(turns):
            audio = apply_condition(turn.audio, cond, seed=i, voices=voices)
            heard = listen_turn(audio, transcriber, expect, tmp, **kw)
            short = [(a, b) for a, b in turn.pauses if b - a <= 1.2]
            n_pauses += len(short)
            early = [h for h in heard if h.decided_at < turn.speech_end - TOLERANCE]
            cuts += bool(early)
            # A pause is cut when a decision falls inside it (the voice activity detector may
            # have lost the sentence's last syllable into the room's noise before it).
            cut_pauses += sum(any(a <= h.decided_at <= b + 0.05 for h in early)
                              for a, b in short)
            closing = next((h for h in heard if h.decided_at >= turn.speech_end - TOLERANCE),
                           None)
            latencies.append(closing.decided_at - turn.speech_end if closing else float("nan"))
            errs.append(errors(turn.text, " ".join(h.text for h in heard)))
        rows.append({"condition": cond.name, "turns": len(turns), "pauses": n_pauses,
                     "cut_turns": cuts, "cut_pauses": cut_pauses,
                     "p50": pct(latencies, 50), "p95": pct(latencies, 95),
                     "wer": wer_of(errs)})
        print(rows[-1], flush=True)
    return rows


# --------------------------------------------------------------------------- conversation


def speaker_turns(segments: list[dict]) -> list[tuple[float, float, str]]:
    """Who speaks when as turns: consecutive segments of one speaker joined, so each turn
    ends where another speaker takes over (overlapping speech included, as it comes)."""
    turns: list[list] = []
    for seg in sorted(segments, key=lambda s: s["start"]):
        if turns and turns[-1][2] == seg["speaker"]:
            turns[-1][1] = max(turns[-1][1], seg["end"])
        else:
            turns.append([seg["start"], seg["end"], seg["speaker"]])
    return [tuple(t) for t in turns]


# Seconds of recording a conversation turn needs after it to count (see run_conversations).
END_ROOM = 1.5


def run_conversations(transcriber, conversations, conditions, voices, tmp: Path) -> list[dict]:
    """The listener over each conversation as one recording (not split into turns): for each
    turn, whether a decision closes it (a heard span ending at its end, before the next
    speaker speaks) and how long after its end; a heard span over two speakers' turns is a
    merge (a missed turn end), a turn heard in more than one span is cut."""
    rows = []
    for cond in conditions:
        n_turns = ends = merges = cuts = 0
        latencies, seconds = [], 0.0
        for i, conv in enumerate(conversations):
            audio, _ = read_audio(conv["path"])
            seconds += len(audio) / RATE
            path = tmp / "conversation.wav"
            write_wav(path, apply_condition(audio, cond, seed=i, voices=voices))
            source = RecordingSource(path, realtime=False)
            heard = []
            try:
                while True:
                    h = listen_for_turn(source, transcriber=transcriber, expect="share")
                    if h is not None:
                        heard.append(h)
            except SourceExhausted:
                pass
            finally:
                source.close()
            turns = speaker_turns(conv["segments"])
            # A turn that ends with the excerpt has no silence after it to be decided on: the
            # recording's end closes it at once, which is no measure of the endpointer.
            total = len(audio) / RATE
            judged = [k for k, (_, b, _) in enumerate(turns) if total - b >= END_ROOM]
            n_turns += len(judged)
            for h in heard:
                covered = {who for a, b, who in turns if h.speech_start < b and h.speech_end > a}
                merges += len(covered) > 1
            for k in judged:
                a, b, _ = turns[k]
                parts = [h for h in heard if h.speech_start < b and h.speech_end > a]
                cuts += len(parts) > 1
                # Found: a heard turn whose speech ends at this turn's end, before the next
                # speaker's words (one that ran on into them is a merge, decided after them).
                after = max(b, turns[k + 1][0]) if k + 1 < len(turns) else float("inf")
                closing = [h for h in parts if b - 0.3 <= h.speech_end <= after + 0.3]
                if closing:
                    ends += 1
                    latencies.append(closing[0].decided_at - b)
        rows.append({"condition": cond.name, "conversations": len(conversations),
                     "minutes": seconds / 60, "turns": n_turns, "ends": ends,
                     "merges": merges, "cuts": cuts,
                     "p50": pct(latencies, 50), "p95": pct(latencies, 95)})
        print(rows[-1], flush=True)
    return rows


# --------------------------------------------------------------------------- phantom words


PHANTOM_KINDS = ["hum", "music", "kitchen", "tv", "children"]


def phantom_words(transcriber, voices, tmp: Path, seconds: float = 90.0) -> list[dict]:
    """Words the listener hears in backgrounds alone: loud (as 10 dB under a speaker at
    -26 dBFS) and from across a room with RT60 0.5 s.

    The television and the children are real voices saying real sentences, so a word heard
    there may be one they said (background speech heard as a turn) or one no one said (an
    invented word, as Whisper writes on noise): a heard word counts as said when the
    background's voices say it anywhere in their transcripts."""
    said_by_voices = {w for clip in voices for w in words(clip.text)}
    rows = []
    for kind in PHANTOM_KINDS:
        noise = background(kind, int(seconds * RATE), seed=5, voices=voices)
        noise = reverberate(noise, 0.5, 2.5, angle=100.0, height=1.0)
        noise = noise / (np.sqrt(np.mean(noise ** 2)) + 1e-12) * 10 ** (-36 / 20)
        path = tmp / f"{kind}.wav"
        write_wav(path, np.clip(noise, -1, 1).astype(np.float32))
        source = RecordingSource(path, realtime=False)
        heard = []
        try:
            while True:
                h = listen_for_turn(source, transcriber=transcriber, expect="share")
                if h is not None and h.text:
                    heard.append(h.text)
        except SourceExhausted:
            pass
        finally:
            source.close()
        heard_words = [w for t in heard for w in words(t)]
        n = len(heard_words)
        spoken = said_by_voices if kind in ("tv", "children") else set()
        invented = [w for w in heard_words if w not in spoken]
        rows.append({"kind": kind, "seconds": seconds, "words": n,
                     "per_hour": n * 3600 / seconds, "invented": len(invented),
                     "invented_per_hour": len(invented) * 3600 / seconds,
                     "invented_words": invented[:12], "texts": heard[:4]})
        print(rows[-1], flush=True)
    return rows


# --------------------------------------------------------------------------- Smart Turn


EARLY = 0.75


def smart_turn(turns, conditions, voices) -> list[dict]:
    from bench.turn_model import TurnModel

    model = TurnModel()
    rows = []
    for cond in conditions:
        pauses, lengths, ends, times = [], [], [], []
        for i, turn in enumerate(turns):
            audio = apply_condition(turn.audio, cond, seed=i, voices=voices)
            s0 = int(turn.speech_start * RATE)
            for a, b in turn.pauses:
                if b - a <= 1.2:
                    pauses.append(model.probability(audio[s0:int((a + 0.2) * RATE)]))
                    lengths.append(b - a)
            t0 = time.perf_counter()
            ends.append(model.probability(audio[s0:int((turn.speech_end + 0.2) * RATE)]))
            times.append(time.perf_counter() - t0)
        p, e, lengths = np.array(pauses), np.array(ends), np.array(lengths)
        # What an endpointer would do that ends a complete sentence after EARLY s of silence
        # when the model says >= 0.97, and after the usual wait otherwise.
        from facilitator.endpoint import Waits

        sim = np.where(e >= 0.97, EARLY, Waits().complete)
        rows.append({"sim_p50": float(np.median(sim)),
                     "sim_cuts": int(np.sum((p >= 0.97) & (lengths > EARLY))),
                     "condition": cond.name, "pauses": len(p), "ends": len(e),
                     "auc": float(np.mean(e[:, None] > p[None, :])),
                     **{f"end_{t}": float(np.mean(e >= t)) for t in (0.5, 0.9, 0.97)},
                     **{f"pause_{t}": float(np.mean(p >= t)) for t in (0.5, 0.9, 0.97)},
                     "ms": 1000 * statistics.median(times)})
        print(rows[-1], flush=True)
    return rows


# --------------------------------------------------------------------------- speech models


ASR_CONDITIONS = ["dry", "hum 10 dB", "kitchen 5 dB", "children 10 dB"]


def asr_conditions() -> list[Condition]:
    return [c for c in far_field_conditions()
            if any(c.name.startswith(p) for p in ASR_CONDITIONS)]


def asr_one_model(name: str, hints: str | None = None) -> dict:
    """Word error and time of one model on every clip in every ASR condition (in-process)."""
    clips = load_clips()
    voices = [c for c in clips if c.name.startswith("cmu")]
    readings = load_readings()
    items = [(c.name, c.text, c.audio) for c in clips] + \
            [(r.name, r.text, r.audio) for r in readings]
    t0 = time.perf_counter()
    if name == "moonshine-tiny":
        from moonshine_voice import ModelArch, Transcriber
        from moonshine_voice.utils import get_assets_path

        model = Transcriber(get_assets_path() / "tiny-en", ModelArch.TINY)

        def run(audio):
            result = model.transcribe_without_streaming(audio.astype(np.float32).tolist())
            return " ".join(line.text for line in result.lines)
    else:
        from facilitator.transcribe import Transcriber

        model = Transcriber(name)

        def run(audio):
            return model.transcribe(audio, prompt=hints) if hints else model.transcribe(audio)
    load_s = time.perf_counter() - t0
    out = {"model": name, "load_s": load_s, "conditions": {}}
    for cond in asr_conditions():
        errs, times, seconds, loops = [], [], 0.0, 0
        for i, (_, text, audio) in enumerate(items):
            heard_audio = apply_condition(audio, cond, seed=i, voices=voices)
            t = time.perf_counter()
            said = run(heard_audio)
            times.append(time.perf_counter() - t)
            seconds += len(audio) / RATE
            errs.append(errors(text, said))
            ws = words(said)
            loops += len(ws) >= 4 and len(set(ws)) <= len(ws) // 3
        out["conditions"][cond.name] = {"wer": wer_of(errs), "rtf": sum(times) / seconds,
                                        "median_s": statistics.median(times),
                                        "loops": loops, "clips": len(items)}
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def asr_in_fresh_process(name: str, hints: str | None = None) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_real", "--asr-model", name]
    if hints:
        cmd += ["--hints", hints]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _shown(folder: Path) -> str:
    root = Path(__file__).resolve().parent.parent
    return str(folder.resolve().relative_to(root)) if folder.resolve().is_relative_to(root) \
        else str(folder)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument("--asr-model", help=argparse.SUPPRESS)
    parser.add_argument("--hints", help=argparse.SUPPRESS)
    parser.add_argument("--models", default="tiny.en,moonshine-tiny,base",
                        help="speech models to compare (names in models/ or moonshine-tiny)")
    parser.add_argument("--only", default="turns,conversation,phantom,smart,asr,hints")
    args = parser.parse_args(argv)
    if args.asr_model:
        print(json.dumps(asr_one_model(args.asr_model, args.hints)))
        return 0
    from facilitator.transcribe import Transcriber

    began = time.perf_counter()
    only = set(args.only.split(","))
    clips = load_clips()
    voices = [c for c in clips if c.name.startswith("cmu")]  # the TV's voices
    turns = arrange_turns(clips) + load_readings()
    conditions = far_field_conditions()
    conversations = load_conversations()
    amount = real_minutes()
    transcriber = Transcriber()
    md = ["## Real voices and far-field rooms (`python -m bench.bench_real`)", "",
          (f"Real speech: {len(clips)} clips and {len(load_readings())} readings from "
           f"{', '.join(_shown(f) for f in real_folders())} "
           f"({amount['clips'] + amount['readings']:.1f} min of speech with its transcript) "
           f"and {len(conversations)} real conversations ({amount['conversation']:.1f} min, "
           f"who speaks when); {amount['total']:.1f} min of real recordings in all. "
           f"{len(turns)} turns built from the clips and readings "
           f"({sum(len(t.pauses) for t in turns)} mid-turn pauses, each after a complete "
           "sentence, line or clause where the reader paused). Rooms simulated with "
           "pyroomacoustics (4.5 x 5 x 2.7 m, laptop microphone on a table at 0.8 m, "
           "speaker's mouth at 1.2 m), backgrounds from across the room.")]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if "turns" in only:
            rows = run_turns(transcriber, turns, conditions, voices, tmp)
            md += ["", "Turn ends (the endpointer as shipped, `expect` = share; latency = "
                   "last word -> decision, s; cut = a decision inside the turn):", "",
                   "| condition | turns | cut turns | cut at pauses <= 1.2 s | latency p50 / p95 "
                   "| WER |", "|---|---|---|---|---|---|"]
            md += [f"| {r['condition']} | {r['turns']} | {r['cut_turns']} | {r['cut_pauses']} "
                   f"of {r['pauses']} | {r['p50']:.2f} / {r['p95']:.2f} | {r['wer']:.3f} |"
                   for r in rows]
        if "conversation" in only and conversations:
            rows = run_conversations(transcriber, conversations, asr_conditions(), voices, tmp)
            md += ["", "Real conversation (the listener over each recording from start to end; a "
                   "turn is one speaker's run of segments, so a turn end is a change of speaker; "
                   "found = a heard turn ending at the turn's end, before the next speaker; "
                   "latency = turn end -> decision, s; merged = a heard turn over two "
                   "speakers; cut = a turn heard in pieces):", "",
                   "| condition | conversations (min) | turns | ends found | merged | cut | "
                   "latency p50 / p95 |", "|---|---|---|---|---|---|---|"]
            md += [f"| {r['condition']} | {r['conversations']} ({r['minutes']:.1f}) | "
                   f"{r['turns']} | {r['ends']} | {r['merges']} | {r['cuts']} | "
                   f"{r['p50']:.2f} / {r['p95']:.2f} |" for r in rows]
        if "phantom" in only:
            rows = phantom_words(transcriber, voices, tmp)
            md += ["", "Phantom words: the listener over 90 s of each background alone "
                   "(-36 dBFS, from 2.5 m in a room with RT60 0.5 s):", "",
                   "| background | words heard | per hour | of them no one said | per hour | "
                   "examples |", "|---|---|---|---|---|---|"]
            md += [f"| {r['kind']} | {r['words']} | {r['per_hour']:.0f} | {r['invented']} "
                   f"({' '.join(r['invented_words']) or '-'}) | {r['invented_per_hour']:.0f} | "
                   f"{'; '.join(r['texts']) or '-'} |" for r in rows]
        if "smart" in only:
            rows = smart_turn(turns, conditions, voices)
            md += ["", "Smart Turn v3.2 on the same turns: P(turn over) 0.2 s into each pause "
                   "<= 1.2 s and 0.2 s after each turn's last word. AUC = how often an end "
                   "scores above a pause.", "",
                   "| condition | pauses / ends | AUC | ends >= 0.9 | pauses >= 0.9 | "
                   "ends >= 0.97 | pauses >= 0.97 | ms a call | if used: p50 | if used: cuts |",
                   "|---|---|---|---|---|---|---|---|---|---|"]
            md += [f"| {r['condition']} | {r['pauses']} / {r['ends']} | {r['auc']:.2f} | "
                   f"{r['end_0.9']:.0%} | {r['pause_0.9']:.0%} | {r['end_0.97']:.0%} | "
                   f"{r['pause_0.97']:.0%} | {r['ms']:.0f} | {r['sim_p50']:.2f} | "
                   f"{r['sim_cuts']} |" for r in rows]
            md += ["", f"'If used': an endpointer that ends a complete sentence after {EARLY} s "
                   "of silence when Smart Turn says >= 0.97 (else the usual wait): the latency "
                   "p50 it would reach and the mid-turn pauses longer than that it would cut."]
    if "asr" in only or "hints" in only:
        results = []
        if "asr" in only:
            results = [asr_in_fresh_process(m) for m in args.models.split(",")]
        if "hints" in only:
            results.append(asr_in_fresh_process("tiny.en", HINTS))
            results[-1]["model"] = "tiny.en + hints"
        conds = list(results[0]["conditions"])
        md += ["", "Speech models on every real clip (word error; RTF = compute s per audio s; "
               "loops = transcripts that repeat one or two words), each model in a fresh "
               "process:", "",
               "| model | load s | peak RSS MB | " + " | ".join(f"WER {c.split(',')[0]}"
                                                            for c in conds)
               + " | RTF dry | loops |", "|---|---|---|" + "---|" * len(conds) + "---|---|"]
        for r in results:
            cells = " | ".join(f"{r['conditions'][c]['wer']:.3f}" for c in conds)
            loops = sum(v["loops"] for v in r["conditions"].values())
            md.append(f"| {r['model']} | {r['load_s']:.1f} | {r['peak_mb']:.0f} | {cells} | "
                      f"{r['conditions']['dry']['rtf']:.3f} | {loops} |")
    md += ["", f"Benchmark wall time: {time.perf_counter() - began:.0f} s."]
    text = "\n".join(md)
    print(text)
    if not args.no_record:
        record_section("real", text)
    return 0


# Names and stage words a session would give the recogniser; none of them is said in the
# real clips, so any gain or loss here is the prompt's effect on unrelated speech.
HINTS = "Ana, Ben. Did I get that? Is there more? I feel. You make sense."


if __name__ == "__main__":
    raise SystemExit(main())
