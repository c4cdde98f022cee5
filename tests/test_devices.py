"""Devices: lookup and its errors, streaming resampling, the microphone and speaker wrappers.

Everything here runs without a sound server: PortAudio's device list and streams are
replaced by stand-ins that behave like sounddevice's (callbacks on their own thread). The
last test uses the virtual room (PulseAudio) only when one is already running.
"""

from __future__ import annotations

import threading
import time
from typing import ClassVar

import numpy as np
import pytest
import sounddevice as sd

from facilitator import devices
from facilitator.devices import (
    DeviceLost,
    InputBuffer,
    MicrophoneSource,
    SpeakerSink,
    find_device,
    format_devices,
    list_devices,
)
from facilitator.errors import FacilitatorError, SessionInterrupted


def device(name, ins, outs, rate=48000.0):
    return {
        "name": name,
        "hostapi": 0,
        "max_input_channels": ins,
        "max_output_channels": outs,
        "default_samplerate": rate,
    }


LAPTOP = [
    device("HDA Intel PCH: ALC3246 Analog (hw:0,0)", 2, 2),
    device("USB PnP Sound Device: Audio (hw:1,0)", 1, 0, 44100.0),
    device("HDA Intel PCH: HDMI 0 (hw:0,3)", 0, 8),
    device("pulse", 32, 32, 44100.0),
    device("default", 32, 32, 44100.0),
]


@pytest.fixture
def machine(monkeypatch):
    """Install a fake device table: ``machine(table, default=(in, out))``."""

    def install(table, default=(4, 4)):
        monkeypatch.setattr(sd, "query_devices", lambda: [dict(d) for d in table])
        monkeypatch.setattr(sd, "query_hostapis", lambda: ({"name": "ALSA"},))
        monkeypatch.setattr(sd.default, "device", default)

    install(LAPTOP)
    return install


def tone(hz, seconds, rate, amplitude=0.5):
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def dominant_hz(samples, rate):
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


def rms(samples):
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))


# ------------------------------------------------------------------ device lookup


def test_list_devices_reads_portaudio_and_marks_defaults(machine):
    found = list_devices()
    assert [d.index for d in found] == [0, 1, 2, 3, 4]
    usb = found[1]
    assert (usb.max_input_channels, usb.max_output_channels, usb.default_samplerate) == (
        1,
        0,
        44100,
    )
    assert usb.hostapi == "ALSA"
    assert [d.index for d in found if d.default_input] == [4]
    assert [d.index for d in found if d.default_output] == [4]


def test_format_devices_is_a_table_with_defaults(machine):
    text = format_devices()
    lines = text.splitlines()
    assert lines[0].split() == ["#", "name", "in", "out", "rate", "default"]
    assert "USB PnP Sound Device: Audio (hw:1,0)" in lines[2]
    assert lines[5].split()[-2:] == ["in,", "out"]
    assert "--input-device" in lines[-1]
    assert "make demo" in format_devices([])


@pytest.mark.parametrize(
    "spec, kind, index",
    [
        (None, "input", 4),
        ("", "output", 4),
        (1, "input", 1),
        ("1", "input", 1),
        (" usb ", "input", 1),
        ("HDMI", "output", 2),
        ("pulse", "input", 3),
        ("default", "output", 4),  # exact name, although "default" is part of no other
        ("alc3246", "input", 0),
    ],
)
def test_find_device_by_default_index_or_part_of_name(machine, spec, kind, index):
    assert find_device(spec, kind).index == index


@pytest.mark.parametrize(
    "spec, kind, expected",
    [
        ("hw:", "input", r"--input-device hw:: matches 2 microphones \(0 'HDA.*1 'USB.*give the"),
        ("hdmi", "input", r"--input-device hdmi: no microphone has that name; microphones: 0 "),
        ("2", "input", r"--input-device 2: device 2 'HDA Intel PCH: HDMI 0 \(hw:0,3\)' has no "),
        (99, "output", r"--output-device 99: no device 99; speakers: 0 'HDA"),
        ("usb", "output", r"--output-device usb: no speaker has that name"),
    ],
)
def test_find_device_errors_name_the_option_and_list_candidates(machine, spec, kind, expected):
    with pytest.raises(FacilitatorError, match=expected) as caught:
        find_device(spec, kind)
    assert "\n" not in str(caught.value)


def test_exact_name_wins_over_a_part(machine):
    machine([device("Mic", 1, 0), device("Mic (USB)", 1, 0)], default=(-1, -1))
    assert find_device("mic", "input").index == 0
    assert find_device("usb", "input").index == 1


def test_no_microphone_or_speaker_says_what_to_try(machine):
    machine([device("HDMI", 0, 2)], default=(-1, 0))
    with pytest.raises(FacilitatorError) as caught:
        find_device(None, "input")
    assert str(caught.value) == devices.NO_MICROPHONE
    assert "make demo" in devices.NO_MICROPHONE and "--text" in devices.NO_MICROPHONE
    with pytest.raises(FacilitatorError, match="no microphone found"):
        MicrophoneSource()
    machine([device("USB mic", 1, 0)], default=(0, -1))
    with pytest.raises(FacilitatorError, match="no speaker found.*--mute"):
        SpeakerSink()


def test_without_a_default_the_first_capable_device_is_used(machine):
    machine(LAPTOP, default=(-1, -1))
    assert find_device(None, "input").index == 0
    assert find_device(None, "output").index == 0


# ------------------------------------------------------------- streaming resampling


def test_input_buffer_resamples_48k_to_16k_as_a_stream():
    buffer = InputBuffer(48000)
    signal = tone(1000, 1.0, 48000)
    for start in range(0, len(signal), 480):  # 10 ms callbacks
        buffer.push(signal[start : start + 480])
    out = buffer.read(15000, timeout=0)
    assert out is not None and len(out) == 15000 and out.dtype == np.float32
    assert buffer.position == 15000
    steady = out[2000:14000]
    assert dominant_hz(steady, 16000) == pytest.approx(1000, abs=5)
    assert rms(steady) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
    # chunk edges leave no clicks: the steady part is a clean sine
    assert np.max(np.abs(steady)) < 0.52


def test_input_buffer_read_waits_for_audio_and_times_out_without_consuming():
    buffer = InputBuffer(16000)
    buffer.push(np.ones(100, np.float32))
    assert buffer.read(200, timeout=0.05) is None
    assert buffer.position == 0 and buffer.available == 100

    def feed():
        for _ in range(10):
            time.sleep(0.01)
            buffer.push(np.ones(160, np.float32))

    feeder = threading.Thread(target=feed)
    feeder.start()
    got = buffer.read(1000, timeout=5)
    feeder.join()
    assert got is not None and len(got) == 1000 and buffer.position == 1000


def test_skip_discards_what_is_buffered_and_what_is_still_to_come():
    buffer = InputBuffer(48000)
    buffer.push(tone(300, 0.5, 48000, amplitude=0.9))  # the facilitator heard itself
    buffer.skip(16000)  # 0.5 s buffered, 0.5 s still to come
    assert buffer.position == 16000 and buffer.available == 0
    buffer.push(tone(300, 0.5, 48000, amplitude=0.9))  # the rest of its own voice
    assert buffer.available == 0
    buffer.push(tone(2000, 1.0, 48000, amplitude=0.2))  # now a partner speaks
    heard = buffer.read(8000, timeout=0)
    assert dominant_hz(heard[200:], 16000) == pytest.approx(2000, abs=10)
    assert buffer.position == 24000


def test_skips_of_audio_yet_to_come_add_up():
    buffer = InputBuffer(16000)
    buffer.push(np.ones(1000, np.float32))
    buffer.skip(3000)  # 1000 buffered, 2000 still to come
    buffer.skip(500)  # and 500 more after those
    assert buffer.position == 3500
    buffer.push(np.ones(2400, np.float32))  # all of it discarded
    assert buffer.available == 0
    buffer.push(np.full(200, 0.5, np.float32))
    assert buffer.available == 100 and buffer.position == 3500


def test_skipping_twice_extends_the_deaf_tail_instead_of_stacking_it():
    # A prompt, then at once the listening cue: both skips cover the same stretch of time
    # still to come, so the microphone is deaf for one tail, not two.
    buffer = InputBuffer(16000)
    buffer.push(tone(300, 0.5, 16000, amplitude=0.9))
    buffer.skip_heard(4800)
    assert buffer.position == 8000 + 4800
    buffer.skip_heard(4800)
    assert buffer.position == 8000 + 4800
    buffer.push(tone(300, 0.3, 16000, amplitude=0.9))  # the tail arrives: dropped
    buffer.push(tone(2000, 0.5, 16000, amplitude=0.2))  # the partner's first words: kept
    assert buffer.available == 8000


class CountingMicrophone:
    """A microphone stand-in that only counts: what was read and skipped."""

    def __init__(self):
        self.position = 0

    def skip(self, n):
        self.position += n


class RecordingSink:
    def __init__(self):
        self.played, self.positions = [], []

    def set_position(self, position):
        self.positions.append(position)

    def play(self, samples, rate):
        self.played.append((len(samples), rate))


class SecondOfSpeech:
    volume = 1.0

    def synthesize(self, text):
        return np.zeros(22050, np.float32), 22050  # 1 s at the voice's own rate


def test_while_it_speaks_and_for_a_short_echo_tail_the_facilitator_is_deaf():
    from facilitator.session import SpokenOutput

    source, sink = CountingMicrophone(), RecordingSink()
    source.position = 1000
    out = SpokenOutput(SecondOfSpeech(), sink, source=source)
    out.say("Maya, whenever you are ready.")
    # 1 s of speech and a 0.3 s tail at 16 kHz; the recording lines up where it started
    assert source.position == 1000 + 16000 + 4800
    assert sink.positions == [1000] and sink.played == [(22050, 22050)]
    out.say("Thank you.")
    assert source.position == 1000 + 2 * 20800 and sink.positions == [1000, 21800]


def test_without_a_microphone_speaking_skips_nothing():
    from facilitator.session import SpokenOutput

    sink = RecordingSink()
    SpokenOutput(SecondOfSpeech(), sink).say("Hello.")
    assert sink.played == [(22050, 22050)] and sink.positions == []


def test_overflow_drops_oldest_input_but_the_clock_keeps_counting():
    buffer = InputBuffer(16000, max_seconds=1.0)
    for _ in range(30):  # 3 s while nobody reads
        buffer.push(np.zeros(1600, np.float32))
    kept = buffer.available
    assert kept <= 16000
    buffer.read(kept, timeout=0)
    assert buffer.position == 48000


# ----------------------------------------------------------- stand-in PortAudio streams


class FakeInputStream:
    """Calls the callback from its own thread, like PortAudio, for ``seconds`` of audio."""

    seconds = 1.0
    signal = staticmethod(lambda n, rate: np.zeros(n, np.float32))
    then = "stall"  # after the audio: "stall" (stay active, silent) or "finish"
    opened: ClassVar[list] = []

    def __init__(self, *, device, samplerate, channels, dtype, blocksize, callback, **kw):
        self.rate, self.channels, self.blocksize = samplerate, channels, blocksize
        self.callback, self.finished_callback = callback, kw.get("finished_callback")
        self.latency = 0.05
        self.active = False
        FakeInputStream.opened.append(self)

    def start(self):
        self.active = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        total = int(self.seconds * self.rate)
        audio = self.signal(total, self.rate)
        status = sd.CallbackFlags()
        for start in range(0, total, self.blocksize):
            if not self.active:
                return
            block = audio[start : start + self.blocksize]
            frames = np.repeat(block[:, None], self.channels, axis=1)
            self.callback(frames, len(block), None, status)
            time.sleep(self.blocksize / self.rate / 8)  # faster than real time
        if self.then == "finish":
            self.active = False
            if self.finished_callback:
                self.finished_callback()

    def abort(self):
        self.active = False

    def close(self):
        self.active = False


def accept_only(rates=None, channels=None):
    """A stand-in for sounddevice's check_input/output_settings."""
    accepted_channels = channels

    def check(device=None, samplerate=None, channels=None, dtype=None):
        if rates is not None and samplerate not in rates:
            raise sd.PortAudioError(f"Invalid sample rate [{samplerate}]")
        if accepted_channels is not None and channels not in accepted_channels:
            raise sd.PortAudioError("Invalid number of channels")

    return check


@pytest.fixture
def fake_input(machine, monkeypatch):
    FakeInputStream.opened = []
    monkeypatch.setattr(FakeInputStream, "then", "stall")
    monkeypatch.setattr(sd, "InputStream", FakeInputStream)
    monkeypatch.setattr(sd, "check_input_settings", accept_only())
    return FakeInputStream


def test_microphone_opens_at_a_rate_the_device_accepts_and_delivers_16k(fake_input, monkeypatch):
    # The laptop microphone says 48 kHz but opens only at 44.1 kHz, and only in stereo.
    monkeypatch.setattr(sd, "check_input_settings", accept_only(rates={44100}, channels={2}))
    monkeypatch.setattr(
        fake_input, "signal", staticmethod(lambda n, rate: tone(440, n / rate, rate))
    )
    mic = MicrophoneSource("alc3246")
    try:
        assert (mic.native_rate, mic.channels) == (44100, 2)
        assert fake_input.opened[-1].rate == 44100
        assert mic.begin_turn() is None and mic.rate == 16000
        heard = mic.read(8000)
        assert len(heard) == 8000 and mic.position == 8000
        assert dominant_hz(heard[1000:], 16000) == pytest.approx(440, abs=5)
    finally:
        mic.close()


def settled(mic) -> int:
    """Wait until the stand-in stream has delivered all its audio; return what is buffered."""
    before = -1
    while mic._buffer.available != before:
        before = mic._buffer.available
        time.sleep(0.1)
    return before


def test_microphone_skip_drops_everything_heard_plus_what_is_in_flight(fake_input):
    mic = MicrophoneSource()
    try:
        buffered = settled(mic)  # audio piled up while the facilitator spoke
        assert buffered > 1600
        mic.skip(1600)  # the loop asks for less than was heard: all of it goes anyway
        in_flight = round(0.05 * 16000)
        assert mic.position == buffered + 4800 + in_flight  # a 0.3 s echo tail
        assert mic._buffer.available == 0
    finally:
        mic.close()


def test_microphone_that_stops_sending_audio_is_a_lost_device(fake_input, monkeypatch):
    monkeypatch.setattr(fake_input, "seconds", 0.2)
    mic = MicrophoneSource("pulse", stall_timeout=0.3)
    try:
        start = time.monotonic()
        with pytest.raises(DeviceLost, match=r"microphone device 3 'pulse' sent no audio") as lost:
            while True:
                mic.read(1600)
        assert time.monotonic() - start < 3
        assert isinstance(lost.value, SessionInterrupted)
    finally:
        mic.close()


def test_microphone_whose_stream_ends_is_a_lost_device(fake_input, monkeypatch):
    monkeypatch.setattr(fake_input, "seconds", 0.1)
    monkeypatch.setattr(fake_input, "then", "finish")
    mic = MicrophoneSource()
    try:
        with pytest.raises(DeviceLost, match="stopped"):
            while True:
                mic.read(1600)
    finally:
        mic.close()


def test_microphone_that_refuses_every_rate_says_which_device_and_rates(fake_input, monkeypatch):
    monkeypatch.setattr(sd, "check_input_settings", accept_only(rates={8000}))
    with pytest.raises(FacilitatorError, match=r"device 1 'USB.*44100, 48000.*Hz") as caught:
        MicrophoneSource(1)
    assert "facilitator devices" in str(caught.value)


class FakeOutputStream:
    """Pulls the callback from its own thread until CallbackStop, then reports finished."""

    played: ClassVar[list] = []
    hang = False
    fail_open = False

    def __init__(self, *, device, samplerate, channels, dtype, callback, finished_callback, **kw):
        if FakeOutputStream.fail_open:
            raise sd.PortAudioError("Error opening OutputStream: Device unavailable")
        self.rate, self.channels = samplerate, channels
        self.callback, self.finished_callback = callback, finished_callback
        self.latency = 0.02
        self.frames = []

    def start(self):
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        if FakeOutputStream.hang:
            return
        while True:
            out = np.zeros((256, self.channels), np.float32)
            try:
                self.callback(out, 256, None, sd.CallbackFlags())
            except sd.CallbackStop:
                self.frames.append(out)
                break
            self.frames.append(out)
            time.sleep(256 / self.rate)  # real time, so play() must really wait
        FakeOutputStream.played.append((self.rate, np.concatenate(self.frames)))
        self.finished_callback()

    def abort(self):
        pass

    def close(self, ignore_errors=True):
        pass


@pytest.fixture
def fake_output(machine, monkeypatch):
    FakeOutputStream.played = []
    monkeypatch.setattr(FakeOutputStream, "hang", False)
    monkeypatch.setattr(FakeOutputStream, "fail_open", False)
    monkeypatch.setattr(sd, "OutputStream", FakeOutputStream)
    monkeypatch.setattr(sd, "check_output_settings", accept_only())
    return FakeOutputStream


def test_speaker_resamples_when_the_device_refuses_the_rate_and_blocks_until_done(
    fake_output, monkeypatch
):
    monkeypatch.setattr(sd, "check_output_settings", accept_only(rates={48000}, channels={2}))
    sink = SpeakerSink("HDMI")
    start = time.monotonic()
    sink.play(tone(440, 0.3, 22050), 22050)
    took = time.monotonic() - start
    assert took >= 0.3
    rate, frames = fake_output.played[-1]
    assert rate == 48000 and frames.shape[1] == 2
    sound = frames[:, 0][np.abs(frames[:, 0]) > 0.01]
    assert len(sound) == pytest.approx(0.3 * 48000, rel=0.05)
    assert dominant_hz(frames[:14400, 0], 48000) == pytest.approx(440, abs=5)
    assert np.array_equal(frames[:, 0], frames[:, 1])
    sink.close()


def test_speaker_plays_at_the_given_rate_when_accepted(fake_output):
    sink = SpeakerSink()
    sink.play(tone(440, 0.1, 22050), 22050)
    sink.play(np.zeros(0, np.float32), 22050)  # nothing to say: no stream at all
    assert [rate for rate, _ in fake_output.played] == [22050]
    assert fake_output.played[0][1].shape[1] == 1


def test_speaker_that_stops_playing_is_a_lost_device(fake_output, monkeypatch):
    monkeypatch.setattr(fake_output, "hang", True)
    sink = SpeakerSink(0, margin=0.2)
    start = time.monotonic()
    with pytest.raises(DeviceLost, match=r"speaker device 0 'HDA.*stopped playing"):
        sink.play(tone(440, 0.1, 22050), 22050)
    assert time.monotonic() - start < 2


def test_speaker_open_failure_is_a_setup_error_first_then_a_lost_device(fake_output, monkeypatch):
    sink = SpeakerSink()
    monkeypatch.setattr(fake_output, "fail_open", True)
    with pytest.raises(FacilitatorError, match=r"cannot play on speaker device 4.*22050 Hz") as e:
        sink.play(tone(440, 0.1, 22050), 22050)
    assert not isinstance(e.value, DeviceLost) and "--mute" in str(e.value)
    monkeypatch.setattr(fake_output, "fail_open", False)
    sink.play(tone(440, 0.1, 22050), 22050)
    monkeypatch.setattr(fake_output, "fail_open", True)
    with pytest.raises(DeviceLost, match="went away"):
        sink.play(tone(440, 0.1, 22050), 22050)
