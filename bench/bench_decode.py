"""Reading recordings: PyAV (what facilitator/decode.py uses) against soundfile (libsndfile).

    .venv/bin/python -m bench.bench_decode

Three questions decided the reader, and are measured again here on this machine:

- Formats covered: every recording in audio_fixtures/formats that should read (and the WAV
  encodings of the other fixtures), opened and decoded whole by each library.
- Speed: a 60-minute recording (the weekend-phones session.wav looped) in WAV, FLAC, Ogg
  Vorbis, Ogg Opus, MP3 and M4A, made with ffmpeg, decoded whole to float32 mono at its own
  rate, block by block, median of 3 runs. For PyAV also through ``RecordingSource`` as the
  listener meets it: decoded, resampled to 16 kHz, read 20 ms at a time.
- Memory while streaming: the same recordings at two hours, each streamed in a fresh process
  that samples its resident memory (VmRSS) every ten minutes of audio: PyAV through
  ``RecordingSource``, soundfile block by block. For scale, ``read_audio`` of the 60-minute WAV
  (the whole file at once) in a fresh process.

The long files are ffmpeg stream copies of the encoded session joined end to end, so making
them costs seconds, not minutes of encoding; FLAC and Opus, whose copies come out malformed,
are encoded whole from the looped WAV. Figures go to bench/RESULTS.md (section
"decode") and are printed.
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

import numpy as np

from bench._results import record_section

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
SESSION = FIXTURES / "weekend-phones" / "session.wav"
RUNS = 3
FFMPEG = ["ffmpeg", "-nostdin", "-v", "error", "-y"]
# (name, extension, ffmpeg encoding options): what testers' recorders and phones write.
ENCODINGS = [
    ("WAV, 16-bit", "wav", ["-c:a", "pcm_s16le"]),
    ("FLAC", "flac", ["-c:a", "flac"]),
    ("Ogg Vorbis", "ogg", ["-c:a", "libvorbis", "-q:a", "3"]),
    # Encoder complexity 0: a sixth of the encoding time; decoding costs the same.
    ("Ogg Opus", "opus", ["-c:a", "libopus", "-b:a", "32k", "-compression_level", "0"]),
    ("MP3", "mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
    ("M4A (AAC)", "m4a", ["-c:a", "aac", "-b:a", "64k"]),
]
CHECKPOINT = 600.0  # seconds of audio between memory samples


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


# --------------------------------------------------------------------------- the candidates


def pyav_blocks(path: Path):
    from facilitator.decode import audio_info, blocks

    info = audio_info(path)
    return info.rate, blocks(info)


def soundfile_blocks(path: Path):
    import soundfile

    f = soundfile.SoundFile(str(path))

    def generate():
        with f:
            for block in f.blocks(1 << 15, dtype="float32", always_2d=True):
                yield block.mean(axis=1, dtype=np.float32) if block.shape[1] > 1 else block[:, 0]

    return f.samplerate, generate()


READERS = {"PyAV": pyav_blocks, "soundfile": soundfile_blocks}


def decode_seconds(reader: str, path: Path) -> tuple[float, float]:
    """(wall seconds, audio seconds) to decode the whole file, block by block."""
    started = time.perf_counter()
    rate, blocks = READERS[reader](path)
    samples = sum(len(b) for b in blocks)
    return time.perf_counter() - started, samples / rate


def source_seconds(path: Path) -> tuple[float, float]:
    """The pipeline's reader: RecordingSource, 16 kHz, 20 ms a read, as the listener reads."""
    from facilitator.audio import RATE, RecordingSource, SourceExhausted

    started = time.perf_counter()
    source = RecordingSource(path)
    try:
        while True:
            source.read(RATE // 50)
    except SourceExhausted:
        pass
    source.close()
    return time.perf_counter() - started, source.position / RATE


def covers(reader: str, path: Path, expected: float) -> str:
    try:
        _, seconds = decode_seconds(reader, path)
    except Exception as e:  # noqa: BLE001 - what each library says is the finding
        return f"no ({type(e).__name__})"
    return "yes" if abs(seconds - expected) < 0.1 else f"wrong length ({seconds:.2f} s)"


# --------------------------------------------------------------------------- one process each


def stream(reader: str, path: str) -> dict:
    """Stream a file in this (fresh) process, sampling memory every CHECKPOINT seconds."""
    from facilitator.audio import RATE, RecordingSource, SourceExhausted, read_audio

    base = rss_mb()
    samples = []
    if reader == "read_audio":
        audio, _ = read_audio(path)
        seconds = len(audio) / RATE
    elif reader == "PyAV":  # as the pipeline streams it
        source = RecordingSource(path)
        next_mark = CHECKPOINT * RATE
        try:
            while True:
                source.read(RATE // 50)
                if source.position >= next_mark:
                    samples.append((source.position / RATE, rss_mb()))
                    next_mark += CHECKPOINT * RATE
        except SourceExhausted:
            pass
        source.close()
        seconds = source.position / RATE
    else:
        rate, blocks = READERS[reader](Path(path))
        done, next_mark = 0, CHECKPOINT * rate
        for block in blocks:
            done += len(block)
            if done >= next_mark:
                samples.append((done / rate, rss_mb()))
                next_mark += CHECKPOINT * rate
        seconds = done / rate
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"base": base, "samples": samples, "peak": peak, "seconds": seconds}


def stream_in_child(reader: str, path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_decode", "--stream", reader, str(path)],
        capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"bench_decode: streaming {path.name} with {reader} failed: "
                         f"{result.stderr.strip()}")
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the recordings


def ffmpeg(*args: str) -> None:
    try:
        subprocess.run([*FFMPEG, *args], check=True, capture_output=True)
    except FileNotFoundError as e:
        raise SystemExit("bench_decode needs ffmpeg: apt-get install ffmpeg (make does)") from e
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"ffmpeg {' '.join(args)}: {e.stderr.decode().strip()}") from e


def make_long(folder: Path, ext: str, options: list[str], minutes: int) -> Path:
    """A recording of ``minutes`` made of the session joined end to end."""
    seconds = minutes * 60
    out = folder / f"{minutes}min.{ext}"
    if ext in ("flac", "opus"):
        # Stream copies of these come out wrong: FLAC keeps the first piece's length in its
        # header, and libsndfile finds the joins of Opus malformed. Encode them whole.
        ffmpeg("-i", str(make_long(folder, "wav", ["-c:a", "pcm_s16le"], minutes)), *options,
               str(out))
        return out
    piece = folder / f"piece.{ext}"
    if not piece.exists():
        ffmpeg("-i", str(SESSION), *options, str(piece))
    repeats = int(seconds // 400) + 2  # session.wav is 411 s long
    listing = folder / f"list-{ext}.txt"
    listing.write_text("".join(f"file '{piece}'\n" for _ in range(repeats)))
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", "-t", str(seconds),
           str(out))
    return out


def coverage_files() -> list[tuple[str, Path, float]]:
    """(label, file, seconds it holds) for every recording that should read."""
    files = []
    truth = tomllib.loads((FIXTURES / "formats" / "truth.toml").read_text())["file"]
    for facts in truth:
        if facts["expect"] == "speech":
            files.append((facts["format"], FIXTURES / "formats" / facts["path"],
                          facts["duration"]))
    for session, label in [("dishes-44k-stereo", "WAV, 24-bit extensible, 44.1 kHz stereo"),
                           ("appreciation-48k-stereo", "WAV, 32-bit float, 48 kHz stereo")]:
        turn = tomllib.loads((FIXTURES / session / "truth.toml").read_text())["turn"][0]
        files.append((label, FIXTURES / session / turn["audio"], turn["duration"]))
    edge = tomllib.loads((FIXTURES / "edge" / "truth.toml").read_text())["file"]
    mulaw = next(f for f in edge if f["path"] == "mulaw_8k.wav")
    files.append(("WAV, 8 kHz mu-law (the project's own writer)",
                  FIXTURES / "edge" / "mulaw_8k.wav", mulaw["duration"]))
    return files


# --------------------------------------------------------------------------- report


def memory_cell(run: dict) -> str:
    marks = {round(t / 60): mb for t, mb in run["samples"]}
    start = marks.get(10)
    end = run["samples"][-1][1] if run["samples"] else run["peak"]
    growth = f"{end - start:+.1f} MB" if start is not None else "-"
    return f"{start:.0f} / {end:.0f} / {run['peak']:.0f} MB ({growth})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stream", nargs=2, metavar=("READER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream:
        print(json.dumps(stream(*args.stream)))
        return 0
    try:
        import soundfile
    except ImportError as e:
        raise SystemExit("bench_decode compares with soundfile: pip install -e '.[dev]'") from e

    import av

    began, load = time.monotonic(), os.getloadavg()[0]
    rows_cover = []
    for label, path, seconds in coverage_files():
        rows_cover.append((label, path.relative_to(FIXTURES).as_posix(),
                           covers("PyAV", path, seconds), covers("soundfile", path, seconds)))
        print(f"covers {label}: {rows_cover[-1][2]} / {rows_cover[-1][3]}", flush=True)

    rows_speed, rows_memory = [], []
    with tempfile.TemporaryDirectory(prefix="bench-decode-") as tmp:
        folder = Path(tmp)
        for name, ext, options in ENCODINGS:
            hour = make_long(folder, ext, options, 60)
            times = {}
            for reader in READERS:
                runs = []
                for _ in range(RUNS):
                    try:
                        wall, seconds = decode_seconds(reader, hour)
                    except Exception as e:  # noqa: BLE001 - soundfile does not read M4A
                        runs = [type(e).__name__]
                        break
                    runs.append(wall)
                    # AAC joins keep each piece's priming samples: a second or so more.
                    assert abs(seconds - 3600) < 5, (name, reader, seconds)
                times[reader] = statistics.median(runs) if isinstance(runs[0], float) else runs[0]
            pipeline = statistics.median(source_seconds(hour)[0] for _ in range(RUNS))
            rows_speed.append((name, hour.stat().st_size, times["PyAV"], times["soundfile"],
                               pipeline))
            print(f"speed {name}: {times} pipeline {pipeline:.2f} s", flush=True)

            two_hours = make_long(folder, ext, options, 120)
            memory = {"PyAV": stream_in_child("PyAV", two_hours)}
            try:
                soundfile.info(str(two_hours))
                memory["soundfile"] = stream_in_child("soundfile", two_hours)
            except soundfile.LibsndfileError:
                memory["soundfile"] = None
            assert abs(memory["PyAV"]["seconds"] - 7200) < 5, memory["PyAV"]["seconds"]
            rows_memory.append((name, memory))
            print(f"memory {name}: {memory_cell(memory['PyAV'])}", flush=True)
            for stale in folder.glob("120min.*"):
                stale.unlink()
        whole = stream_in_child("read_audio", folder / "60min.wav")

    def speed(value) -> str:
        if isinstance(value, str):
            return f"cannot ({value})"
        return f"{value:.2f} s ({3600 / value:.0f}x)"

    md = [
        "## Reading recordings (`python -m bench.bench_decode`)",
        "",
        f"PyAV {av.__version__} (libavcodec "
        f"{'.'.join(map(str, av.library_versions['libavcodec']))}; what `facilitator/decode.py`"
        f" uses) against soundfile {soundfile.__version__} (libsndfile "
        f"{soundfile.__libsndfile_version__}).",
        "",
        "Formats covered: each fixture recording decoded whole by each library (yes = its "
        "whole length came out).",
        "",
        "| recording | file | PyAV | soundfile |",
        "|---|---|---|---|",
    ]
    md += [f"| {label} | `{path}` | {a} | {b} |" for label, path, a, b in rows_cover]
    md += [
        "",
        f"Decode speed: a 60-minute recording (weekend-phones session.wav looped, 16 kHz "
        f"mono, encoded with ffmpeg), decoded whole to float32 mono at its own rate block by "
        f"block, median of {RUNS} runs (x = times faster than real time). Pipeline = PyAV "
        "through `RecordingSource`: decoded, resampled to 16 kHz and read 20 ms at a time, "
        "as the listener reads it.",
        "",
        "| format | size | PyAV | soundfile | PyAV / soundfile | pipeline (PyAV) |",
        "|---|---|---|---|---|---|",
    ]
    for name, size, pyav_s, sf_s, pipeline in rows_speed:
        ratio = f"{pyav_s / sf_s:.1f}" if isinstance(sf_s, float) else "-"
        md.append(f"| {name} | {size / 1e6:.0f} MB | {speed(pyav_s)} | {speed(sf_s)} | "
                  f"{ratio} | {speed(pipeline)} |")
    md += [
        "",
        "Memory while streaming a two-hour recording, each in a fresh process: resident "
        "memory (VmRSS) after 10 minutes of audio / at the end / peak, and the growth from "
        "10 minutes to the end. PyAV through `RecordingSource` (as `turns` and `--recording` "
        "read), soundfile block by block (32768 frames).",
        "",
        "| format | PyAV | soundfile |",
        "|---|---|---|",
    ]
    for name, memory in rows_memory:
        sf_cell = memory_cell(memory["soundfile"]) if memory["soundfile"] else "cannot read it"
        md.append(f"| {name} | {memory_cell(memory['PyAV'])} | {sf_cell} |")
    md += [
        "",
        f"For scale, `read_audio` of the 60-minute WAV (the whole file at once, 16 kHz float32) "
        f"peaks at {whole['peak']:.0f} MB in a fresh process; streaming keeps a two-hour "
        "file to the figures above.",
        "",
        f"Benchmark wall time: {time.monotonic() - began:.0f} s. Load average when it began: "
        f"{load:.1f} on {os.cpu_count()} cores (the machine is shared: decode times vary with "
        "it, the ratios of one run less).",
    ]
    record_section("decode", "\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
