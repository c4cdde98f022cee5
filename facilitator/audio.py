"""WAV files in and out, and the file-based audio sources and sinks.

Everything leaving this module is float32 mono at 16 kHz in [-1, 1]. The session clock of an
audio session is ``source.position / 16000``: samples read plus samples skipped.

WAV parsing is done here rather than with the ``wave`` module because on Python 3.11 ``wave``
rejects IEEE float data and WAVE_FORMAT_EXTENSIBLE headers, which sox and most DAWs write for
24- and 32-bit files; one parser keeps the error messages and the truncation checks uniform.
"""

from __future__ import annotations

import struct
import time
import tomllib
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import soxr

from facilitator.errors import FacilitatorError

RATE = 16000
#: Input is ignored for this long after the facilitator stops speaking, so the room's
#: echo of its last word is never taken for a partner's first word.
ECHO_TAIL = 0.3

_PCM, _FLOAT, _EXTENSIBLE = 0x0001, 0x0003, 0xFFFE
_FORMAT_NAMES = {0x0002: "MS ADPCM", 0x0006: "A-law", 0x0007: "mu-law", 0x0011: "IMA ADPCM",
                 0x0055: "MP3"}
_CONVERT = "convert it with `sox IN.wav -b 16 -e signed-integer OUT.wav`"
_READ_BLOCK = 1 << 16  # frames per disk read when streaming a recording


class SourceExhausted(Exception):
    """The audio source has nothing more to give (end of recording or end of script)."""


# --------------------------------------------------------------------------- WAV reading


@dataclass(frozen=True)
class WavInfo:
    path: Path
    rate: int
    channels: int
    bits: int  # bits per stored sample (8, 16, 24, 32 or 64)
    is_float: bool
    data_offset: int  # byte offset of the first sample
    frames: int  # sample frames (one per channel group) in the data chunk

    @property
    def duration(self) -> float:
        return self.frames / self.rate


def wav_info(path: str | Path) -> WavInfo:
    """Parse and check a WAV header; raise FacilitatorError naming the file if it is unusable."""
    path = Path(path)
    if not path.exists():
        raise FacilitatorError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise FacilitatorError(f"{path}: is a folder, not a WAV file")
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(12)
            if size == 0:
                raise FacilitatorError(
                    f"{path}: the file is empty (0 bytes); record or export it again")
            if not _is_wav_header(head):
                if _is_manifest(path):
                    raise FacilitatorError(
                        f"{path}: this is a replay manifest, not a WAV; turns takes a WAV "
                        f"recording and replay takes a manifest: facilitator replay {path}")
                raise FacilitatorError(
                    f"{path}: not a WAV file (no RIFF/WAVE header); "
                    "convert it with `sox IN -r 16000 -c 1 -b 16 OUT.wav`")
            if head[:4] != b"RIFF":
                raise FacilitatorError(
                    f"{path}: {head[:4].decode()} WAV files are not supported; {_CONVERT}")
            return _parse_chunks(path, f, size)
    except OSError as e:
        raise FacilitatorError(f"{path}: cannot read the file ({e.strerror or e})") from e


def _is_wav_header(head: bytes) -> bool:
    return len(head) >= 12 and head[:4] in (b"RIFF", b"RIFX", b"RF64") and head[8:12] == b"WAVE"


def _is_manifest(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "turn" in data or "names" in data


def _parse_chunks(path: Path, f, size: int) -> WavInfo:
    fmt = None
    while True:
        header = f.read(8)
        if len(header) < 8:
            if fmt is None:
                raise FacilitatorError(f"{path}: truncated WAV (no format chunk); export it again")
            raise FacilitatorError(f"{path}: truncated WAV (no audio data chunk); export it again")
        chunk_id, chunk_size = header[:4], struct.unpack("<I", header[4:])[0]
        if chunk_id == b"fmt ":
            body = f.read(chunk_size)
            if len(body) < 16 or len(body) < chunk_size:
                raise FacilitatorError(f"{path}: truncated WAV (format chunk cut short)")
            fmt = _parse_fmt(path, body)
            f.seek(chunk_size & 1, 1)
        elif chunk_id == b"data":
            if fmt is None:
                raise FacilitatorError(f"{path}: broken WAV (audio data before the format chunk)")
            rate, channels, bits, is_float = fmt
            offset = f.tell()
            available = size - offset
            # Writers that stream to a pipe leave the size at 0 or 0xFFFFFFFF: use what is there.
            declared = available if chunk_size in (0, 0xFFFFFFFF) else chunk_size
            frame_bytes = channels * bits // 8
            if declared > available or (declared == available and available % frame_bytes):
                promised = declared / frame_bytes / rate
                held = available / frame_bytes / rate
                raise FacilitatorError(
                    f"{path}: truncated WAV (the header promises {promised:.2f} s of audio, "
                    f"the file holds {held:.2f} s); export it again")
            frames = declared // frame_bytes
            if frames == 0:
                raise FacilitatorError(f"{path}: the WAV holds no audio (0 samples)")
            return WavInfo(path, rate, channels, bits, is_float, offset, frames)
        else:
            f.seek(chunk_size + (chunk_size & 1), 1)


def _parse_fmt(path: Path, body: bytes) -> tuple[int, int, int, bool]:
    tag, channels, rate, _, block_align, bits = struct.unpack("<HHIIHH", body[:16])
    if tag == _EXTENSIBLE:
        if len(body) < 40:
            raise FacilitatorError(f"{path}: broken WAV (extensible format chunk too short)")
        tag = struct.unpack("<H", body[24:26])[0]  # first two bytes of the sub-format GUID
    if tag not in (_PCM, _FLOAT):
        name = _FORMAT_NAMES.get(tag, f"format code 0x{tag:04x}")
        raise FacilitatorError(f"{path}: unsupported WAV sample format ({name}); {_CONVERT}")
    is_float = tag == _FLOAT
    supported = (32, 64) if is_float else (8, 16, 24, 32)
    if bits not in supported or block_align != channels * bits // 8:
        kind = "float" if is_float else "integer"
        raise FacilitatorError(
            f"{path}: unsupported WAV sample format ({bits}-bit {kind}); {_CONVERT}")
    if channels < 1:
        raise FacilitatorError(f"{path}: broken WAV header (0 channels); export it again")
    if not 8000 <= rate <= 192000:
        raise FacilitatorError(
            f"{path}: unsupported sample rate {rate} Hz (8000-192000 Hz work); "
            "convert it with `sox IN.wav -r 16000 OUT.wav`")
    return rate, channels, bits, is_float


def _decode(raw: bytes, info: WavInfo) -> np.ndarray:
    """Bytes of whole frames -> float32 mono (channels averaged)."""
    if info.is_float:
        x = np.frombuffer(raw, "<f4" if info.bits == 32 else "<f8").astype(np.float32)
    elif info.bits == 8:
        x = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    elif info.bits == 16:
        x = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    elif info.bits == 24:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        x = v.astype(np.float32) / float(1 << 23)
    else:
        x = (np.frombuffer(raw, "<i4").astype(np.float64) / float(1 << 31)).astype(np.float32)
    if info.channels > 1:
        x = x.reshape(-1, info.channels).mean(axis=1, dtype=np.float32)
    # Float files may exceed full scale or hold NaN/inf (one NaN made a whole turn
    # vanish); everything downstream assumes finite samples in [-1, 1].
    return np.clip(np.nan_to_num(x, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0)


def read_wav(path: str | Path, *, rate: int | None = RATE) -> tuple[np.ndarray, int]:
    """Read a WAV file as float32 mono, resampled to ``rate`` (None keeps the file's rate)."""
    info = wav_info(path)
    with open(info.path, "rb") as f:
        f.seek(info.data_offset)
        raw = f.read(info.frames * info.channels * info.bits // 8)
    samples = _decode(raw, info)
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


class WavSource:
    """One continuous recording played as if it were the microphone.

    Streams from disk (constant memory for an hour-long session) and resamples to 16 kHz.
    """

    rate = RATE

    def __init__(self, path: str | Path, *, realtime: bool = False):
        self.info = wav_info(path)
        self.realtime = realtime
        self._pacer = _Pacer(realtime)
        self._offset = self.info.data_offset  # next byte to read from the file
        self._frames_left = self.info.frames
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
            count = min(_READ_BLOCK, self._frames_left)
            # Opened per block, so no file stays open however the session ends.
            try:
                with open(self.info.path, "rb") as f:
                    f.seek(self._offset)
                    raw = f.read(count * self.info.channels * self.info.bits // 8)
            except OSError as e:
                raise FacilitatorError(
                    f"{self.info.path}: the recording can no longer be read "
                    f"({e.strerror or e}); was it moved or deleted?") from e
            frame_bytes = self.info.channels * self.info.bits // 8
            raw = raw[: len(raw) - len(raw) % frame_bytes]  # a file cut short while we play it
            self._offset += len(raw)
            self._frames_left -= count
            last = self._frames_left <= 0 or not raw
            block = _decode(raw, self.info) if raw else np.zeros(0, np.float32)
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
        speech, _ = read_wav(turn.audio)
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
    each with ``audio`` (a WAV path relative to the manifest) or ``text``.
    """
    path = Path(path)
    if not path.is_file():
        raise FacilitatorError(f"{path}: no such manifest file; check the path")
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError as e:
        raise FacilitatorError(f"{path}: cannot read the manifest ({e.strerror or e})") from e
    if _is_wav_header(head):
        raise FacilitatorError(
            f"{path}: this is a WAV recording, not a manifest; replay takes a manifest "
            f"(TOML) and turns takes a WAV: facilitator turns {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise FacilitatorError(f"{path}: TOML syntax error: {e}; fix that line") from e
    except (OSError, UnicodeDecodeError) as e:
        raise FacilitatorError(f"{path}: cannot read the manifest ({e})") from e

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
        wav_info(audio)  # a broken WAV is reported now, not half-way through the session
        turns.append(Turn(audio=audio, partner=partner))
    return Manifest(path=path, names=(names[0], names[1]), turns=turns, dialogue=dialogue)
