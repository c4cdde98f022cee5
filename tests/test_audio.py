"""Reading recordings in every supported format, clear errors, and the file sources and sinks."""

from __future__ import annotations

import struct
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest

from facilitator.audio import (
    RATE,
    RecordingSource,
    ScriptedSource,
    SourceExhausted,
    Turn,
    WavFileSink,
    load_manifest,
    read_audio,
    write_wav,
)
from facilitator.errors import FacilitatorError

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"


def tone(seconds: float, rate: int, freq: float = 440.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float64)


def riff(fmt_tag: int, channels: int, rate: int, bits: int, data: bytes, *,
         extensible_sub: int | None = None, data_size: int | None = None) -> bytes:
    block = channels * bits // 8
    if extensible_sub is None:
        fmt = struct.pack("<HHIIHH", fmt_tag, channels, rate, rate * block, block, bits)
    else:
        guid = struct.pack("<H", extensible_sub) + bytes.fromhex(
            "000000001000800000aa00389b71")
        fmt = struct.pack("<HHIIHHHHI", 0xFFFE, channels, rate, rate * block, block, bits, 22,
                          bits, 0) + guid
    size = len(data) if data_size is None else data_size
    body = (b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
            + b"LIST" + struct.pack("<I", 4) + b"INFO"  # an extra chunk to skip
            + b"data" + struct.pack("<I", size) + data)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def encode(x: np.ndarray, bits: int, is_float: bool) -> bytes:
    if is_float:
        return x.astype("<f4" if bits == 32 else "<f8").tobytes()
    if bits == 8:
        return (np.round(x * 127) + 128).astype(np.uint8).tobytes()
    if bits == 24:
        v = np.round(x * (2**23 - 1)).astype(np.int32)
        return np.stack([v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF], 1).astype(np.uint8).tobytes()
    dtype = {16: "<i2", 32: "<i4"}[bits]
    return np.round(x * (2 ** (bits - 1) - 1)).astype(dtype).tobytes()


FORMATS = [  # (rate, channels, bits, float, extensible)
    (16000, 1, 16, False, False),
    (8000, 1, 16, False, False),
    (44100, 2, 16, False, False),
    (48000, 2, 24, False, True),
    (22050, 1, 24, False, False),
    (32000, 1, 32, False, True),
    (48000, 1, 32, True, False),
    (44100, 2, 32, True, True),
    (16000, 1, 64, True, False),
    (11025, 1, 8, False, False),
]


@pytest.mark.parametrize("rate,channels,bits,is_float,extensible", FORMATS)
def test_every_wav_encoding_becomes_16k_mono(tmp_path, rate, channels, bits, is_float,
                                                extensible):
    x = tone(0.5, rate)
    frames = np.repeat(x[:, None], channels, axis=1).reshape(-1)
    tag = 3 if is_float else 1
    data = encode(frames, bits, is_float)
    path = tmp_path / "x.wav"
    path.write_bytes(riff(0xFFFE if extensible else tag, channels, rate, bits, data,
                          extensible_sub=tag if extensible else None))
    samples, out_rate = read_audio(path)
    assert out_rate == RATE
    assert samples.dtype == np.float32
    assert abs(len(samples) - 0.5 * RATE) <= 2
    rms = float(np.sqrt(np.mean(samples[800:-800] ** 2)))
    assert rms == pytest.approx(0.5 / np.sqrt(2), rel=0.03)
    native, native_rate = read_audio(path, rate=None)
    assert native_rate == rate and len(native) == len(x)


def test_stereo_channels_are_averaged(tmp_path):
    left, right = tone(0.2, RATE), np.zeros(int(0.2 * RATE))
    data = encode(np.stack([left, right], 1).reshape(-1), 16, False)
    path = tmp_path / "lr.wav"
    path.write_bytes(riff(1, 2, RATE, 16, data))
    samples, _ = read_audio(path)
    assert np.max(np.abs(samples)) == pytest.approx(0.25, abs=0.01)


def test_write_then_read_round_trip(tmp_path):
    x = tone(0.3, RATE, amp=0.8).astype(np.float32)
    write_wav(tmp_path / "r.wav", x)
    y, _ = read_audio(tmp_path / "r.wav")
    assert np.max(np.abs(x - y)) < 1e-3


def one_line_error(path) -> str:
    with pytest.raises(FacilitatorError) as info:
        read_audio(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_errors_name_the_file_and_the_problem(tmp_path):
    assert "no such file" in one_line_error(tmp_path / "missing.wav")
    (tmp_path / "empty.wav").write_bytes(b"")
    assert "empty" in one_line_error(tmp_path / "empty.wav")
    (tmp_path / "text.wav").write_text("hello, I am not audio")
    assert "not an audio file" in one_line_error(tmp_path / "text.wav")
    data = encode(tone(1.0, RATE), 16, False)
    (tmp_path / "cut.wav").write_bytes(riff(1, 1, RATE, 16, data)[: 44 + len(data) // 3])
    assert "truncated WAV" in one_line_error(tmp_path / "cut.wav")
    (tmp_path / "unknown.wav").write_bytes(riff(0x1234, 1, 8000, 8, bytes(800)))
    assert "unsupported audio codec" in one_line_error(tmp_path / "unknown.wav")
    (tmp_path / "slow.wav").write_bytes(riff(1, 1, 4000, 16, bytes(800)))
    assert "4000 Hz" in one_line_error(tmp_path / "slow.wav")
    (tmp_path / "nothing.wav").write_bytes(riff(1, 1, RATE, 16, b""))
    assert "no audio" in one_line_error(tmp_path / "nothing.wav")
    (tmp_path / "silent.wav").write_bytes(riff(1, 0, RATE, 16, bytes(30)))
    assert "0 channels" in one_line_error(tmp_path / "silent.wav")
    assert "folder" in one_line_error(tmp_path)


def test_g711_and_12_bit_wavs_are_read(tmp_path):
    # Telephone mu-law and A-law, and 12-bit samples stored in 16 (as some recorders do).
    x = tone(0.5, 8000, amp=0.5)
    mulaw = np.round(np.sign(x) * np.log1p(255 * np.abs(x)) / np.log1p(255) * 127)
    codes = ~(((mulaw < 0).astype(np.uint8) << 7) | np.abs(mulaw).astype(np.uint8))
    (tmp_path / "mulaw.wav").write_bytes(riff(7, 1, 8000, 8, codes.tobytes()))
    samples, _ = read_audio(tmp_path / "mulaw.wav", rate=None)
    assert float(np.sqrt(np.mean(samples**2))) == pytest.approx(0.5 / np.sqrt(2), rel=0.05)
    (tmp_path / "alaw.wav").write_bytes(riff(6, 1, 8000, 8, b"\xd5" * 4000))
    assert len(read_audio(tmp_path / "alaw.wav", rate=None)[0]) == 4000
    twelve = (np.round(x * 2047).astype("<i2") << 4).tobytes()  # left-justified in 16 bits
    header = riff(1, 1, 8000, 16, twelve)
    at = header.index(b"fmt ") + 8 + 14  # bits per sample
    (tmp_path / "twelve.wav").write_bytes(header[:at] + struct.pack("<H", 12) + header[at + 2:])
    samples, _ = read_audio(tmp_path / "twelve.wav", rate=None)
    assert np.max(np.abs(samples - x)) < 2e-3


def test_streamed_wav_with_unpatched_size_reads_to_the_end(tmp_path):
    data = encode(tone(0.25, RATE), 16, False)
    (tmp_path / "pipe.wav").write_bytes(riff(1, 1, RATE, 16, data, data_size=0xFFFFFFFF))
    assert len(read_audio(tmp_path / "pipe.wav")[0]) == len(data) // 2


def test_recording_source_streams_the_same_audio_and_counts_skips(tmp_path):
    x = tone(2.0, 44100, amp=0.3)
    data = encode(np.repeat(x[:, None], 2, 1).reshape(-1), 16, False)
    path = tmp_path / "s.wav"
    path.write_bytes(riff(1, 2, 44100, 16, data))
    whole, _ = read_audio(path)
    source = RecordingSource(path)
    parts = [source.read(480) for _ in range(20)]
    source.skip(1600)
    assert source.position == 20 * 480 + 1600
    rest = []
    with pytest.raises(SourceExhausted):
        while True:
            rest.append(source.read(4000))
    streamed = np.concatenate(parts + rest)
    assert abs(source.position - len(whole)) <= 64
    # The streaming resampler and the one-shot one agree away from the edges.
    assert np.max(np.abs(streamed[2000:9000] - whole[2000:9000])) < 0.01
    source.close()


def test_recording_source_realtime_paces_like_a_microphone(tmp_path):
    write_wav(tmp_path / "q.wav", np.zeros(RATE, np.float32))
    source = RecordingSource(tmp_path / "q.wav", realtime=True)
    began = time.monotonic()
    for _ in range(10):
        source.read(800)  # 0.5 s of audio
    assert time.monotonic() - began >= 0.45
    source.skip(8000)  # skipping never waits: the wall clock moved on while the facilitator spoke
    assert time.monotonic() - began < 0.7


def test_scripted_source_turns_lead_in_silence_and_exhaustion(tmp_path):
    write_wav(tmp_path / "a.wav", np.full(1600, 0.5, np.float32))
    source = ScriptedSource([Turn(audio=tmp_path / "a.wav"), Turn(text="Yes, I'm ready.")],
                            lead_in=0.5, max_silence=1.0)
    assert source.begin_turn() is None
    heard = np.concatenate([source.read(1000) for _ in range(20)])
    assert not heard[:8000].any()  # the lead-in
    assert np.allclose(heard[8000:9600], 0.5, atol=1e-3)
    assert not heard[9600:].any()  # after the turn: silence, never a hang
    assert source.position == 20000
    assert source.begin_turn() == "Yes, I'm ready."
    with pytest.raises(SourceExhausted):
        source.begin_turn()
    with pytest.raises(SourceExhausted):  # nobody asks for the next turn: silence runs out
        for _ in range(100):
            source.read(1600)


def test_scripted_source_skip_discards_the_turn_and_drops_leftovers(tmp_path):
    write_wav(tmp_path / "a.wav", np.full(RATE, 0.5, np.float32))
    source = ScriptedSource([Turn(audio=tmp_path / "a.wav")] * 2, lead_in=0.0)
    source.begin_turn()
    source.skip(RATE // 2)
    assert np.allclose(source.read(100), 0.5, atol=1e-3)
    source.begin_turn()  # the rest of the first turn is gone; the second starts fresh
    assert source.position == RATE // 2 + 100
    first = np.concatenate([source.read(RATE // 2) for _ in range(3)])
    assert np.count_nonzero(first) == RATE


def test_wav_file_sink_places_speech_on_the_session_clock(tmp_path):
    clock = {"position": 8000}
    sink = WavFileSink(tmp_path / "out.wav", clock=lambda: clock["position"])
    sink.play(np.full(4000, 0.5, np.float32), RATE)
    clock["position"] = 32000
    sink.play(np.full(2205, 0.5, np.float32), 22050)  # resampled to 1600 samples
    sink.set_position(40000)
    sink.play(np.full(800, 0.5, np.float32), RATE)
    clock["position"] = 48000
    sink.close()
    out, _ = read_audio(tmp_path / "out.wav")
    assert len(out) == 48000
    voiced = np.flatnonzero(np.abs(out) > 0.25)
    assert voiced[0] == 8000 and 11990 <= voiced[voiced < 20000][-1] <= 12000
    assert 32000 <= voiced[(voiced > 20000) & (voiced < 36000)][0] <= 32010
    assert 40000 <= voiced[voiced > 36000][0] <= 40010


def test_wav_file_sink_unwritable_path_is_a_clear_error(tmp_path):
    with pytest.raises(FacilitatorError, match="cannot write"):
        WavFileSink(tmp_path / "no" / "such" / "dir" / "out.wav")


def write_manifest(tmp_path, text: str) -> Path:
    path = tmp_path / "manifest.toml"
    path.write_text(text)
    return path


def test_load_manifest_resolves_audio_relative_to_the_manifest(tmp_path):
    (tmp_path / "turns").mkdir()
    write_wav(tmp_path / "turns" / "one.wav", np.zeros(1600, np.float32))
    manifest = load_manifest(write_manifest(tmp_path, """
names = ["Ana", "Ben"]
[[turn]]
audio = "turns/one.wav"
[[turn]]
text = "Yes, I'm ready."
"""))
    assert manifest.names == ("Ana", "Ben")
    assert manifest.turns[0].audio == (tmp_path / "turns" / "one.wav").resolve()
    assert manifest.turns[1] == Turn(text="Yes, I'm ready.")


@pytest.mark.parametrize("body,expected", [
    ('names = ["Ana", "Ben"\n[[turn]]\ntext = "x"\n', "line 2"),
    ('names = ["Ana", "Ben"]\ncolour = "red"\n[[turn]]\ntext = "x"\n', "unknown key 'colour'"),
    ('names = ["Ana", "Ben"]\n[[turn]]\ntxet = "x"\n', "turn 1: unknown key 'txet'"),
    ('names = ["Ana", "Ben"]\n[[turn]]\naudio = "gone.wav"\n', "relative to the manifest"),
    ('names = ["Ana"]\n[[turn]]\ntext = "x"\n', "two partners"),
    ('names = ["Ana", "Ben"]\n', "no [[turn]]"),
    ('names = ["Ana", "Ben"]\n[[turn]]\ntext = "x"\naudio = "a.wav"\n', "exactly one"),
])
def test_manifest_errors_are_one_line_and_name_the_problem(tmp_path, body, expected):
    path = write_manifest(tmp_path, body)
    with pytest.raises(FacilitatorError) as info:
        load_manifest(path)
    message = str(info.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_manifest_with_a_broken_wav_fails_at_load_time(tmp_path):
    (tmp_path / "bad.wav").write_text("not audio")
    path = write_manifest(tmp_path, 'names = ["Ana", "Ben"]\n[[turn]]\naudio = "bad.wav"\n')
    with pytest.raises(FacilitatorError, match="bad.wav: not an audio file"):
        load_manifest(path)


def test_every_fixture_manifest_loads():
    manifests = sorted(FIXTURES.glob("*/manifest.toml"))
    assert len(manifests) >= 3  # the fixtures are part of the repository
    for path in manifests:
        manifest = load_manifest(path)
        assert len(manifest.turns) >= 2 and all(t.audio or t.text for t in manifest.turns)


# --------------------------------------------------------------------------- other formats

FORMATS = FIXTURES / "formats"


def format_files(expect: str) -> list[dict]:
    files = tomllib.loads((FORMATS / "truth.toml").read_text())["file"]
    return [f for f in files if f["expect"] == expect]


def envelope_db(samples: np.ndarray) -> np.ndarray:
    frames = samples[: len(samples) // 160 * 160].reshape(-1, 160).astype(np.float64)
    return 20 * np.log10(np.sqrt(np.mean(frames**2, axis=1)) + 1e-5)


@pytest.mark.parametrize("facts", format_files("speech"), ids=lambda f: f["path"])
def test_every_format_reads_as_the_speech_it_was_made_from(facts):
    heard, rate = read_audio(FORMATS / facts["path"])
    said, _ = read_audio(FORMATS / facts["source"])
    assert rate == RATE and heard.dtype == np.float32
    # Lossy codecs pad to whole frames: a few tens of milliseconds at most.
    assert abs(len(heard) / RATE - facts["duration"]) < 0.05, len(heard) / RATE
    a, b = envelope_db(heard), envelope_db(said)
    n = min(len(a), len(b))
    # Loudness frame by frame (10 ms) follows the source; no shift, no gap, no level change.
    assert np.corrcoef(a[:n], b[:n])[0, 1] > 0.95
    speech = b[:n] > -40  # lossy codecs drop the faint room tone, not the voice
    assert abs(np.median(a[:n][speech] - b[:n][speech])) < 1.0


@pytest.mark.parametrize("facts", format_files("error"), ids=lambda f: f["path"])
def test_every_broken_format_is_one_line_naming_the_problem(facts):
    assert facts["says"] in one_line_error(FORMATS / facts["path"])


def test_a_phone_memo_streams_as_it_reads():
    path = FORMATS / "session.m4a"  # 48 kHz stereo AAC
    whole, _ = read_audio(path)
    source = RecordingSource(path)
    assert (source.info.kind, source.info.rate, source.info.channels) == ("MP4/M4A", 48000, 2)
    parts = []
    with pytest.raises(SourceExhausted):
        while True:
            parts.append(source.read(480))
    streamed = np.concatenate(parts)
    assert abs(len(streamed) - len(whole)) <= 64
    assert np.max(np.abs(streamed[RATE:-RATE] - whole[RATE:len(streamed) - RATE])) < 0.01
    source.close()


def test_a_manifest_can_mix_formats():
    manifest = load_manifest(FORMATS / "appreciation.toml")
    assert {t.audio.suffix for t in manifest.turns} == {".flac", ".ogg", ".opus", ".mp3",
                                                       ".m4a", ".wav"}
    source = ScriptedSource(manifest, lead_in=0.0)
    for turn in manifest.turns:
        source.begin_turn()
        assert np.abs(source.read(RATE * 3)).max() > 0.1, turn.audio.name
