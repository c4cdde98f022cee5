"""Reading recordings: WAV, FLAC, Ogg (Vorbis, Opus), MP3, M4A/AAC and the rest FFmpeg knows.

Decoding is PyAV's (FFmpeg's decoders, installed with faster-whisper); it was chosen over
soundfile because soundfile cannot read M4A/AAC, the format of phone voice memos (the measured
comparison is in bench/RESULTS.md, "Reading recordings"). This module turns what FFmpeg
reports into one-line errors a person can act on, and hands out float32 mono blocks in
[-1, 1] at the file's own rate, decoded as they are needed, so a two-hour recording takes no
more memory than a two-minute one.

FFmpeg plays whatever part of a file it can: a file cut short just ends early. So that a cut
recording is named rather than half replayed, ``audio_info`` decodes the last seconds of
every file whose container says how long it is (WAV, FLAC, MP4/M4A, MP3 with a Xing, Info
or VBRI header), checks that an Ogg file ends with its end-of-stream page, and compares a
WAV's declared data size with the file's. These few bytes are read by hand because FFmpeg
does not report them; the decoding is all FFmpeg's.
"""

from __future__ import annotations

import os
import struct
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from facilitator.errors import FacilitatorError

#: The formats people have, named in the message for a file that is none of them.
FORMATS = "WAV, FLAC, Ogg, Opus, MP3 and M4A"
_CONVERT = "convert it with `ffmpeg -i IN -ac 1 -ar 16000 OUT.wav`"
_MIN_RATE, _MAX_RATE = 8000, 192000
_SHORT = 30.0  # a file up to this long is decoded whole when checked
_TAIL = 10.0  # of a longer one, the last seconds are decoded
_BLOCK = 1 << 15  # samples handed out at a time when streaming
_SLACK = 0.1  # lossy codecs end a few ms off their declared length; a cut file is off by more

# FFmpeg's container names, as a person knows them.
_KINDS = {
    "wav": "WAV", "w64": "WAV", "flac": "FLAC", "ogg": "Ogg", "mp3": "MP3",
    "mov,mp4,m4a,3gp,3g2,mj2": "MP4/M4A", "matroska,webm": "Matroska/WebM", "aiff": "AIFF",
    "aac": "AAC", "caf": "CAF", "asf": "WMA", "amr": "AMR", "codec2": "Codec 2",
}
# Containers whose header says how long the audio is; the others are only as long as they are.
_DECLARED = {"wav", "w64", "aiff", "flac", "mov,mp4,m4a,3gp,3g2,mj2"}


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    kind: str  # the container, for messages: "WAV", "MP3", "MP4/M4A"...
    codec: str  # FFmpeg's decoder: pcm_s16le, pcm_mulaw, flac, vorbis, opus, mp3float, aac...
    rate: int
    channels: int
    duration: float | None  # seconds, as the file declares or FFmpeg estimates


def audio_info(path: str | Path) -> AudioInfo:
    """Open and check a recording; raise FacilitatorError naming the file if it is unusable.

    Checked: that it is there and holds something, that FFmpeg recognises it, that it has an
    audio track in a codec that decodes, at a usable rate, and that it is not cut short.
    """
    path = Path(path)
    _check_file(path)
    container = _open(path)
    try:
        stream = _audio_stream(path, container)
        info = _info(path, container, stream)
        _check_decodes(info, container, stream)
        _check_whole(info, container, stream)
        return info
    finally:
        container.close()


def blocks(info: AudioInfo) -> Iterator[np.ndarray]:
    """The recording as float32 mono blocks at ``info.rate``, decoded as they are asked for.

    Close the generator (or read it to the end) to close the file. A packet that does not
    decode is skipped, as a player would: one bad frame must not end a session.
    """
    container = _open(info.path)
    try:
        stream = _audio_stream(info.path, container)
        packets = container.demux(stream)
        pending: list[np.ndarray] = []
        held = 0
        while True:
            try:
                packet = next(packets)
            except StopIteration:
                break
            except av.error.InvalidDataError:
                continue
            except OSError as e:
                raise FacilitatorError(
                    f"{info.path}: the recording can no longer be read "
                    f"({e.strerror or e}); was it moved or deleted?") from e
            for frame in _decode(packet):
                pending.append(_mono(frame))
                held += frame.samples
            # Frames are small (20 ms for Opus): the numpy work is done on larger blocks.
            if held >= _BLOCK:
                yield _clean(pending)
                pending, held = [], 0
        if pending:
            yield _clean(pending)
    finally:
        container.close()


def recording_kind(path: str | Path) -> str | None:
    """"MP3", "WAV"...: what kind of recording the file is, or None if it holds no audio.

    For messages about a recording given where something else was wanted; never raises.
    """
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if container.streams.audio:
                return _KINDS.get(container.format.name, container.format.long_name)
    except (av.error.FFmpegError, OSError):
        pass
    return None


# --------------------------------------------------------------------------- checks


def _check_file(path: Path) -> None:
    if not path.exists():
        raise FacilitatorError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise FacilitatorError(f"{path}: is a folder, not an audio file")
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as e:
        raise FacilitatorError(f"{path}: cannot read the file ({e.strerror or e})") from e
    if size == 0:
        raise FacilitatorError(f"{path}: the file is empty (0 bytes); record or export it again")


def _open(path: Path):
    try:
        return av.open(str(path), metadata_errors="ignore")
    except av.error.InvalidDataError as e:
        raise FacilitatorError(f"{path}: {_unrecognised(path)}") from e
    except OSError as e:  # FFmpeg's file errors are OSErrors too
        raise FacilitatorError(f"{path}: cannot read the file ({e.strerror or e})") from e
    except av.error.FFmpegError as e:
        raise FacilitatorError(f"{path}: cannot open it as audio ({e}); {_CONVERT}") from e


def _unrecognised(path: Path) -> str:
    """Why FFmpeg found no format: the first bytes tell a broken recording from a stray file."""
    with open(path, "rb") as f:
        head = f.read(12)
    if head[4:8] == b"ftyp":
        # An MP4's index (the moov box) is written last: a recorder that stopped never wrote it.
        return ("truncated MP4/M4A (its index, the moov box, is missing: the recording was cut "
                "short or never finished); export it again")
    if head[:4] in (b"RIFF", b"RIFX", b"RF64") and head[8:12] == b"WAVE":
        return "broken WAV header; export it again"
    if _is_manifest(path):
        return ("this is a replay manifest, not a recording; turns takes a recording and "
                f"replay takes a manifest: facilitator replay {path}")
    return (f"not an audio file (no audio format recognised in it); check that this is the "
            f"recording ({FORMATS} are read)")


def _is_manifest(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "turn" in data or "names" in data


def _audio_stream(path: Path, container):
    # best() passes over a track whose header is unusable; _info names what is wrong with it.
    stream = container.streams.best("audio") or next(iter(container.streams.audio), None)
    if stream is not None:
        return stream
    name = container.format.name
    if name == "image2" or name.endswith("_pipe"):  # FFmpeg's readers for still pictures
        kind = f" ({name.removesuffix('_pipe').upper()})" if name != "image2" else ""
        raise FacilitatorError(
            f"{path}: is a picture{kind}, not audio; check that this is the recording")
    if container.streams.video:
        raise FacilitatorError(
            f"{path}: has video but no audio track; choose the file with the sound "
            "(a video's sound can be saved with `ffmpeg -i IN -vn -ac 1 OUT.wav`)")
    raise FacilitatorError(f"{path}: holds no audio track; check that this is the recording")


def _info(path: Path, container, stream) -> AudioInfo:
    kind = _KINDS.get(container.format.name, container.format.long_name)
    context = stream.codec_context
    if context is None:  # FFmpeg knows the container but has no decoder for what is in it
        raise FacilitatorError(
            f"{path}: unsupported audio codec in this {kind} file (no decoder for it); "
            f"{_CONVERT}")
    rate, channels = context.sample_rate, context.channels
    if not rate and not channels:
        raise FacilitatorError(
            f"{path}: not an audio file (it is named like {kind} but holds no audio); "
            "check that this is the recording")
    if not channels:
        raise FacilitatorError(f"{path}: broken {kind} header (0 channels); export it again")
    if not _MIN_RATE <= rate <= _MAX_RATE:
        raise FacilitatorError(
            f"{path}: unsupported sample rate {rate} Hz ({_MIN_RATE}-{_MAX_RATE} Hz work); "
            "convert it with `ffmpeg -i IN -ar 16000 OUT.wav`")
    if stream.duration is not None and stream.time_base:
        duration = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        duration = container.duration / av.time_base
    else:
        duration = None
    return AudioInfo(path, kind, context.name, rate, channels, duration)


def _check_decodes(info: AudioInfo, container, stream) -> None:
    """The first audio must decode: a codec that opens but cannot decode this file is named."""
    failures = 0
    try:
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                failures += 1
                if failures >= 50:
                    break
                continue
            if any(frame.samples for frame in frames):
                return
    except av.error.ArgumentError as e:  # the decoder refuses what the header says
        raise FacilitatorError(f"{info.path}: broken {info.kind} header ({e}); {_CONVERT}") from e
    except av.error.FFmpegError as e:
        raise FacilitatorError(
            f"{info.path}: damaged {info.kind} ({e}); export it again") from e
    if failures:
        raise FacilitatorError(
            f"{info.path}: damaged {info.kind} (its {info.codec} audio does not decode); "
            "export it again")
    raise FacilitatorError(f"{info.path}: the {info.kind} holds no audio (0 samples)")


def _check_whole(info: AudioInfo, container, stream) -> None:
    name = container.format.name
    if name == "ogg":
        if not _ogg_finished(info.path):
            raise FacilitatorError(
                f"{info.path}: truncated Ogg (it stops before its last page: the recording was "
                "cut short or never finished); export it again")
        return
    if name == "wav" and (cut := _wav_cut(info.path)):
        declared, held = cut
        raise FacilitatorError(
            f"{info.path}: truncated WAV (the header promises {declared:.2f} s of audio, "
            f"the file holds {held:.2f} s); export it again")
    declared = info.duration
    if declared is None or not (name in _DECLARED or (name == "mp3" and _mp3_declared(info.path))):
        return
    start = float(stream.start_time * stream.time_base) if stream.start_time else 0.0
    from_ = declared - _TAIL if declared > _SHORT else 0.0
    end = _decoded_end(container, stream, start, from_)
    if end is None or end >= declared - _SLACK:
        return
    held = end if end > from_ else _packets_end(container, stream, start)
    raise FacilitatorError(
        f"{info.path}: truncated {info.kind} (the header promises {declared:.2f} s of audio, "
        f"the file holds {held:.2f} s); export it again")


def _decoded_end(container, stream, start: float, from_: float) -> float | None:
    """Where the decodable audio ends, on the file's clock, decoding from ``from_`` seconds;
    None if the frames carry no times to tell."""
    end, counted, timed = 0.0, 0, False
    try:
        container.seek(round((from_ + start) / stream.time_base), stream=stream)
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue  # a frame cut in half: the end is where the whole ones stop
            for frame in frames:
                counted += frame.samples
                if frame.time is not None:
                    timed = True
                    end = max(end, frame.time - start + frame.samples / frame.sample_rate)
    except av.error.FFmpegError:
        pass  # a seek past the end of a cut file: nothing decodes there
    if timed or counted == 0:
        return end
    return counted / stream.codec_context.sample_rate if from_ == 0 else None


def _packets_end(container, stream, start: float) -> float:
    end = 0.0
    try:
        container.seek(0, stream=stream)
        for packet in container.demux(stream):
            if packet.pts is not None and packet.duration:
                end = max(end, float((packet.pts + packet.duration) * stream.time_base) - start)
    except av.error.FFmpegError:
        pass
    return end


def _wav_cut(path: Path) -> tuple[float, float] | None:
    """(declared, held) seconds of a WAV whose data chunk runs past the end of the file.

    FFmpeg plays such a file to its end without a word, and gives the length of what is
    there: only the header's own data size tells that the rest is missing.
    """
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if f.read(12)[:4] != b"RIFF":  # RF64 and RIFX keep their sizes elsewhere
            return None
        byte_rate = 0
        while len(header := f.read(8)) == 8:
            kind, length = header[:4], struct.unpack("<I", header[4:])[0]
            if kind == b"data":
                available = size - f.tell()
                # 0 and 0xFFFFFFFF: written to a pipe, the size was never filled in.
                if not byte_rate or length in (0, 0xFFFFFFFF) or length <= available:
                    return None
                return length / byte_rate, available / byte_rate
            if kind == b"fmt ":
                body = f.read(length)
                byte_rate = struct.unpack("<I", body[8:12])[0] if len(body) >= 12 else 0
                f.seek(length & 1, 1)
            else:
                f.seek(length + (length & 1), 1)
    return None


def _ogg_finished(path: Path) -> bool:
    """An Ogg stream's last page carries the end-of-stream flag; a cut file has none.

    FFmpeg takes an Ogg file's length from its last page, so a cut file looks whole to it.
    """
    with open(path, "rb") as f:
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 65536))  # a page is at most 65,307 bytes
        tail = f.read()
    at = tail.rfind(b"OggS")
    return at >= 0 and len(tail) > at + 5 and tail[at + 4] == 0 and bool(tail[at + 5] & 0x04)


def _mp3_declared(path: Path) -> bool:
    """Only an MP3 with a Xing, Info or VBRI header states its length; without one FFmpeg
    guesses it from the first frame's bit rate, which for a VBR file can be far off."""
    with open(path, "rb") as f:
        head = f.read(10)
        skip = 0
        if head[:3] == b"ID3" and len(head) == 10:
            skip = 10 + (head[6] << 21 | head[7] << 14 | head[8] << 7 | head[9])
            skip += 10 if head[5] & 0x10 else 0  # a footer
        f.seek(skip)
        first_frame = f.read(200)
    return any(tag in first_frame for tag in (b"Xing", b"Info", b"VBRI"))


# --------------------------------------------------------------------------- samples


def _decode(packet) -> list:
    try:
        return packet.decode()
    except av.error.FFmpegError:  # a damaged frame: skipped, as a player does
        return []


def _mono(frame) -> np.ndarray:
    """A decoded frame as float32 mono (channels averaged), full scale at 1."""
    data = frame.to_ndarray()
    if data.dtype == np.uint8:
        x = (data.astype(np.float32) - 128.0) / 128.0
    elif data.dtype.kind == "i":
        x = data.astype(np.float32) / float(np.iinfo(data.dtype).max + 1)
    else:
        x = data.astype(np.float32, copy=False)
    channels = frame.layout.nb_channels
    if frame.format.is_planar:
        return x[0] if channels == 1 else x.mean(axis=0, dtype=np.float32)
    x = x.reshape(-1)
    return x.reshape(-1, channels).mean(axis=1, dtype=np.float32) if channels > 1 else x


def _clean(parts: list[np.ndarray]) -> np.ndarray:
    # Float files and decoders may exceed full scale or hold NaN/inf (one NaN made a whole
    # turn vanish); everything downstream assumes finite samples in [-1, 1].
    x = np.concatenate(parts) if len(parts) > 1 else np.array(parts[0], np.float32)
    np.clip(x, -1.0, 1.0, out=x)
    x[np.isnan(x)] = 0.0
    return x
