"""Recordings in, WAV files out, and the file-based audio sources and sinks.

Everything leaving this module is float32 mono at 16 kHz in [-1, 1]. The session clock of an
audio session is ``source.position / 16000``: samples read plus samples skipped.

Recordings are read by facilitator/decode.py in any format it knows (WAV, FLAC, Ogg, MP3,
M4A...); what the facilitator writes (``--record-audio``, ``--record-facilitator``) is always
16-bit PCM WAV, which every program opens.
"""

from __future__ import annotations

import time
import tomllib
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import soxr

from facilitator.decode import audio_info, blocks, recording_kind
from facilitator.errors import FacilitatorError

RATE = 16000
#: Input is ignored for this long after the facilitator stops speaking, so the room's
#: echo of its last word is never taken for a partner's first word.
ECHO_TAIL = 0.3


class SourceExhausted(Exception):
    """The audio source has nothing more to give (end of recording or end of script)."""


# --------------------------------------------------------------------------- files


def read_audio(path: str | Path, *, rate: int | None = RATE) -> tuple[np.ndarray, int]:
    """Read a recording as float32 mono, resampled to ``rate`` (None keeps the file's rate)."""
    info = audio_info(path)
    parts = list(blocks(info))
    samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    if rate is None or rate == info.rate:
        return samples, info.rate
    return resample(samples, info.rate, rate), rate


def resample(samples: np.ndarray, rate_in: int, rate_out: int = RATE) -> np.ndarray:
    if rate_in == rate_out:
        return samples.astype(np.float32, copy=False)
    return soxr.resample(samples.astype(np.float32, copy=False), rate_in, rate_out).astype(
        np.float32, copy=False)


def write_wav(path: str | Path, samples: np.ndarray, rate: int = RATE) -> None:
    """Write float samples in [-1, 1] as a 16-bit PCM mono WAV."""
    path = Path(path)
    try:
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(_to_int16(samples).tobytes())
    except OSError as e:
        raise FacilitatorError(f"{path}: cannot write the WAV file ({e.strerror or e})") from e


def _to_int16(samples: np.ndarray) -> np.ndarray:
    return (np.clip(np.asarray(samples, np.float32), -1.0, 1.0) * 32767.0).round().astype("<i2")


# --------------------------------------------------------------------------- interfaces


class AudioSource(Protocol):
    rate: int
    # Optional: False for a file read as fast as the machine goes. The listener reads it with
    # getattr(source, "realtime", True), so a wrapper should pass it through.
    realtime: bool

    def begin_turn(self) -> str | None: ...
    def read(self, n: int) -> np.ndarray: ...
    def skip(self, n: int) -> None: ...
    @property
    def position(self) -> int: ...
    def close(self) -> None: ...


class AudioSink(Protocol):
    def play(self, samples: np.ndarray, rate: int) -> None: ...
    def close(self) -> None: ...


class _Pacer:
    """Makes a file source behave like a microphone: audio is not handed out before its time.

    The anchor is the wall-clock moment of the first read. A consumer that falls behind gets
    the audio at once (as from a microphone's buffer); skipping never blocks, because while
    the facilitator spoke the wall clock already moved on.
    """

    def __init__(self, realtime: bool):
        self.realtime = realtime
        self._t0: float | None = None

    def wait_for(self, position: int) -> None:
        if not self.realtime:
            return
        now = time.monotonic()
        if self._t0 is None:
            self._t0 = now - position / RATE
        delay = self._t0 + position / RATE - now
        if delay > 0:
            time.sleep(delay)


# --------------------------------------------------------------------------- sources


class RecordingSource:
    """One continuous recording played as if it were the microphone.

    Decoded from disk as it is played (constant memory for a two-hour session) and
    resampled to 16 kHz. The file stays open until ``close()`` or the end of the recording.
    """

    rate = RATE

    def __init__(self, path: str | Path, *, realtime: bool = False):
        self.info = audio_info(path)
        self.realtime = realtime
        self._pacer = _Pacer(realtime)
        self._blocks = blocks(self.info)
        self._resampler = (None if self.info.rate == RATE
                           else soxr.ResampleStream(self.info.rate, RATE, 1, dtype="float32"))
        self._buffer = np.zeros(0, np.float32)
        self._position = 0
        self._ended = False

    @property
    def position(self) -> int:
        return self._position

    def begin_turn(self) -> str | None:
        return None

    def _fill(self, n: int) -> None:
        while len(self._buffer) < n and not self._ended:
            block = next(self._blocks, None)
            last = block is None
            if last:
                block = np.zeros(0, np.float32)
            if self._resampler is not None:
                block = self._resampler.resample_chunk(block, last=last)
            self._buffer = np.concatenate([self._buffer, block.astype(np.float32, copy=False)])
            self._ended = last

    def read(self, n: int) -> np.ndarray:
        self._fill(n)
        if len(self._buffer) == 0:
            raise SourceExhausted(f"{self.info.path}: end of recording")
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        self._position += len(out)
        self._pacer.wait_for(self._position)
        return out

    def skip(self, n: int) -> None:
        self._fill(n)
        self._buffer = self._buffer[n:]
        self._position += n

    def close(self) -> None:
        self._blocks.close()
        self._buffer = np.zeros(0, np.float32)
        self._ended = True


@dataclass(frozen=True)
class Turn:
    """One scripted turn: what the microphone hears the next time the facilitator listens."""

    audio: Path | None = None
    text: str | None = None
    partner: str | None = None


class ScriptedSource:
    """The turns of a replay manifest, one per listen, with silence in between.

    ``begin_turn()`` queues the next turn after ``lead_in`` seconds of silence. Once a turn's
    audio has been read the source yields silence, so the endpointer can decide; after
    ``max_silence`` seconds of that with nobody calling ``begin_turn()`` it raises
    SourceExhausted, so a replay whose listener has no timeout cannot wait forever.
    """

    rate = RATE

    def __init__(self, turns: Manifest | Sequence[Turn], *, lead_in: float = 0.5,
                 realtime: bool = False, max_silence: float = 120.0):
        self.turns = list(turns.turns if isinstance(turns, Manifest) else turns)
        self.lead_in = lead_in
        self.realtime = realtime
        self.max_silence = max_silence
        self._pacer = _Pacer(realtime)
        self._next = 0
        self._queue = np.zeros(0, np.float32)
        self._position = 0
        self._idle = 0  # samples of silence handed out since the queue ran dry

    @property
    def position(self) -> int:
        return self._position

    @property
    def turns_left(self) -> int:
        return len(self.turns) - self._next

    def begin_turn(self) -> str | None:
        if self._next >= len(self.turns):
            raise SourceExhausted("the script has no more turns")
        turn = self.turns[self._next]
        self._next += 1
        # Whatever is left of the previous turn is dropped, so that one cut-in cannot shift
        # every later turn: each listen hears exactly one scripted turn.
        self._queue = np.zeros(0, np.float32)
        self._idle = 0
        if turn.text is not None:
            return turn.text
        speech, _ = read_audio(turn.audio)
        lead = np.zeros(round(self.lead_in * RATE), np.float32)
        self._queue = np.concatenate([lead, speech])
        return None

    def read(self, n: int) -> np.ndarray:
        if len(self._queue) >= n:
            out, self._queue = self._queue[:n], self._queue[n:]
        else:
            if self._idle >= self.max_silence * RATE:
                raise SourceExhausted("the script gave no audio for this listen")
            # Like a microphone, the end of a turn runs straight on into silence.
            quiet = n - len(self._queue)
            out = np.concatenate([self._queue, np.zeros(quiet, np.float32)])
            self._queue = self._queue[:0]
            self._idle += quiet
        self._position += len(out)
        self._pacer.wait_for(self._position)
        return out

    def skip(self, n: int) -> None:
        taken = min(n, len(self._queue))
        self._queue = self._queue[taken:]
        self._position += n

    def close(self) -> None:
        self._queue = np.zeros(0, np.float32)


# --------------------------------------------------------------------------- sinks


class SilentSink:
    def play(self, samples: np.ndarray, rate: int) -> None:
        pass

    def close(self) -> None:
        pass


class WavFileSink:
    """Records what the facilitator says, placed at its session-clock position.

    Give it ``clock`` (e.g. ``lambda: source.position``) or call ``set_position()`` before
    each ``play()``; the gaps become silence, so the file lines up with the session and with
    the event log. Without either, clips are written back to back. Written as it goes, so a
    long session needs no memory and an interrupted one leaves a readable file.
    """

    def __init__(self, path: str | Path, *, clock: Callable[[], int] | None = None):
        self.path = Path(path)
        self.clock = clock
        self._next_position: int | None = None
        self._written = 0
        try:
            # Kept open for the whole session (written as it goes); close() closes it.
            self._file = open(self.path, "wb")  # noqa: SIM115
        except OSError as e:
            raise FacilitatorError(
                f"{self.path}: cannot write the recording ({e.strerror or e}); "
                "choose a writable path") from e
        self._wav = wave.open(self._file, "wb")  # noqa: SIM115 (closed in close())
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(RATE)

    def set_position(self, position: int) -> None:
        """Place the next clip at this source position (samples on the session clock)."""
        self._next_position = position

    def _pad_to(self, position: int) -> None:
        while self._written < position:
            n = min(position - self._written, RATE * 10)
            self._wav.writeframes(bytes(2 * n))
            self._written += n

    def play(self, samples: np.ndarray, rate: int) -> None:
        if self._next_position is not None:
            target = self._next_position
            self._next_position = None
        elif self.clock is not None:
            target = self.clock()
        else:
            target = self._written
        # A clip can only start after the previous one ended: overlapping prompts follow on.
        self._pad_to(target)
        clip = _to_int16(resample(np.asarray(samples, np.float32), rate, RATE))
        self._wav.writeframes(clip.tobytes())
        self._written += len(clip)

    def close(self) -> None:
        if self._wav is None:
            return
        if self.clock is not None:
            self._pad_to(self.clock())
        self._wav.close()
        self._file.close()
        self._wav = None


# --------------------------------------------------------------------------- manifests


@dataclass(frozen=True)
class Manifest:
    path: Path
    names: tuple[str, str]
    turns: list[Turn]
    dialogue: str | None = None


_MANIFEST_KEYS = {"names", "turn", "dialogue", "title", "description"}
_TURN_KEYS = {"audio", "text", "partner", "stage", "expect", "note"}


def load_manifest(path: str | Path) -> Manifest:
    """Load a replay manifest: ``names`` (two partners, sender first) and ``[[turn]]`` tables
    each with ``audio`` (a recording's path relative to the manifest) or ``text``.
    """
    path = Path(path)
    if not path.is_file():
        raise FacilitatorError(f"{path}: no such manifest file; check the path")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        if kind := recording_kind(path):
            raise FacilitatorError(
                f"{path}: this is a recording ({kind}), not a manifest; replay takes a "
                f"manifest (TOML) and turns takes a recording: facilitator turns {path}") from e
        if isinstance(e, UnicodeDecodeError):
            raise FacilitatorError(f"{path}: cannot read the manifest ({e})") from e
        raise FacilitatorError(f"{path}: TOML syntax error: {e}; fix that line") from e
    except OSError as e:
        raise FacilitatorError(f"{path}: cannot read the manifest ({e.strerror or e})") from e

    unknown = sorted(set(data) - _MANIFEST_KEYS)
    if unknown:
        raise FacilitatorError(
            f"{path}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_MANIFEST_KEYS))}")
    names = data.get("names")
    if (not isinstance(names, list) or len(names) != 2
            or not all(isinstance(n, str) and n.strip() for n in names)):
        raise FacilitatorError(
            f'{path}: `names` must list two partners, sender first, e.g. names = ["Ana", "Ben"]')
    raw_turns = data.get("turn")
    if not isinstance(raw_turns, list) or not raw_turns:
        raise FacilitatorError(
            f"{path}: no [[turn]] tables; add one per listen, each with `audio` or `text`")
    dialogue = data.get("dialogue")
    if dialogue is not None and not isinstance(dialogue, str):
        raise FacilitatorError(f"{path}: `dialogue` must be a string")

    turns = []
    for number, raw in enumerate(raw_turns, start=1):
        where = f"{path}: turn {number}"
        unknown = sorted(set(raw) - _TURN_KEYS)
        if unknown:
            raise FacilitatorError(
                f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_TURN_KEYS))}")
        has_audio, has_text = "audio" in raw, "text" in raw
        if has_audio == has_text:
            raise FacilitatorError(f"{where}: give exactly one of `audio` or `text`")
        partner = raw.get("partner")
        if has_text:
            if not isinstance(raw["text"], str):
                raise FacilitatorError(f"{where}: `text` must be a string")
            turns.append(Turn(text=raw["text"], partner=partner))
            continue
        if not isinstance(raw["audio"], str):
            raise FacilitatorError(f"{where}: `audio` must be a path string")
        audio = (path.parent / raw["audio"]).resolve()
        if not audio.is_file():
            raise FacilitatorError(
                f"{where}: audio file {raw['audio']!r} not found (looked for {audio}; "
                "paths are relative to the manifest)")
        audio_info(audio)  # a broken file is reported now, not half-way through the session
        turns.append(Turn(audio=audio, partner=partner))
    return Manifest(path=path, names=(names[0], names[1]), turns=turns, dialogue=dialogue)
