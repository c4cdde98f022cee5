"""A stand-in for the ``sounddevice`` module, so tests can make audio devices misbehave.

A test puts this folder first on PYTHONPATH of a ``facilitator`` subprocess; the product then
imports this module instead of the real one and runs its own device code against it. Only
what facilitator/devices.py uses is here. The environment sets the scene:

- ``FAKE_SD_INPUTS`` / ``FAKE_SD_OUTPUTS``: how many microphones / speakers exist (default 1).
- ``FAKE_SD_MIC_WAV``: a 16-bit mono WAV the microphone hears, after which it hears silence.
- ``FAKE_SD_MIC_STOP_AFTER``: seconds after the microphone opens when it is unplugged: its
  stream stops delivering and reports itself finished, as PortAudio does.
- ``FAKE_SD_SPEAKER_FAIL_AFTER``: after this many sounds the speaker is gone: opening a
  stream on it fails, as PortAudio does for a device that was unplugged.

The microphone runs on the wall clock, like a real one.
"""

from __future__ import annotations

import os
import threading
import time
import wave

import numpy as np

__version__ = "0.0-fake"
RATE = 16000


class PortAudioError(Exception):
    pass


class CallbackStop(Exception):
    pass


class CallbackAbort(Exception):
    pass


class CallbackFlags:
    input_overflow = False
    input_underflow = False
    output_overflow = False
    output_underflow = False
    priming_output = False


def _count(name: str) -> int:
    return int(os.environ.get(name, "1"))


def _device_table() -> list[dict]:
    table = []
    for i in range(_count("FAKE_SD_INPUTS")):
        table.append({"name": f"Fake Microphone {i}", "hostapi": 0, "max_input_channels": 1,
                      "max_output_channels": 0, "default_samplerate": float(RATE)})
    for i in range(_count("FAKE_SD_OUTPUTS")):
        table.append({"name": f"Fake Speaker {i}", "hostapi": 0, "max_input_channels": 0,
                      "max_output_channels": 2, "default_samplerate": float(RATE)})
    return table


class _Default:
    @property
    def device(self) -> list[int]:
        table = _device_table()
        inputs = [i for i, d in enumerate(table) if d["max_input_channels"]]
        outputs = [i for i, d in enumerate(table) if d["max_output_channels"]]
        return [inputs[0] if inputs else -1, outputs[0] if outputs else -1]


default = _Default()


def query_hostapis():
    table = _device_table()
    ins, outs = default.device
    return ({"name": "Fake", "devices": list(range(len(table))),
             "default_input_device": ins, "default_output_device": outs},)


def query_devices(device=None, kind=None):
    table = _device_table()
    return table if device is None else table[device]


def _check(device, channels, key: str) -> None:
    table = _device_table()
    if device is None or not 0 <= device < len(table):
        raise PortAudioError(f"Invalid device [PaErrorCode -9996]: {device}")
    if channels > table[device][key]:
        raise PortAudioError("Invalid number of channels [PaErrorCode -9998]")


def check_input_settings(device=None, channels=None, dtype=None, samplerate=None, **_):
    _check(device, channels or 1, "max_input_channels")


def check_output_settings(device=None, channels=None, dtype=None, samplerate=None, **_):
    _check(device, channels or 1, "max_output_channels")


def _mic_audio() -> np.ndarray:
    path = os.environ.get("FAKE_SD_MIC_WAV")
    if not path:
        return np.zeros(0, np.float32)
    with wave.open(path, "rb") as w:
        if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise PortAudioError(f"{path}: the fake microphone plays 16 kHz mono 16-bit only")
        raw = w.readframes(w.getnframes())
    return np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0


class InputStream:
    def __init__(self, device=None, samplerate=None, channels=1, dtype="float32",
                 blocksize=None, callback=None, finished_callback=None, latency=None, **_):
        check_input_settings(device=device, channels=channels)
        self.samplerate = int(samplerate or RATE)
        if self.samplerate != RATE:
            raise PortAudioError("Invalid sample rate [PaErrorCode -9997]")
        self.channels = channels
        self.blocksize = int(blocksize or 320)
        self.latency = 0.05
        self._callback = callback
        self._finished = finished_callback
        self._audio = _mic_audio()
        stop = os.environ.get("FAKE_SD_MIC_STOP_AFTER")
        self._stop_after = float(stop) if stop else None
        self._stopped = threading.Event()
        self.active = False

    def start(self) -> None:
        self.active = True
        threading.Thread(target=self._run, name="fake-microphone", daemon=True).start()

    def _run(self) -> None:
        started = time.monotonic()
        sent = 0
        while not self._stopped.is_set():
            if self._stop_after is not None and sent >= self._stop_after * RATE:
                break  # unplugged: no more audio, and the stream reports itself finished
            block = self._audio[sent:sent + self.blocksize]
            block = np.pad(block, (0, self.blocksize - len(block)))
            indata = np.repeat(block[:, None], self.channels, axis=1).astype(np.float32)
            self._callback(indata, self.blocksize, None, CallbackFlags())
            sent += self.blocksize
            delay = started + sent / RATE - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self.active = False
        if self._finished is not None:
            self._finished()

    def stop(self) -> None:
        self._stopped.set()

    abort = stop

    def close(self, ignore_errors: bool = True) -> None:
        self._stopped.set()


_plays = 0


class OutputStream:
    """Plays at once (no real waiting): tests need the product's logic, not the sound."""

    def __init__(self, device=None, samplerate=None, channels=1, dtype="float32",
                 callback=None, finished_callback=None, latency=None, **_):
        global _plays
        check_output_settings(device=device, channels=channels)
        fail_after = os.environ.get("FAKE_SD_SPEAKER_FAIL_AFTER")
        if fail_after is not None and _plays >= int(fail_after):
            raise PortAudioError("Device unavailable [PaErrorCode -9985]")
        _plays += 1
        self.channels = channels
        self.latency = 0.05
        self._callback = callback
        self._finished = finished_callback
        self.active = False

    def start(self) -> None:
        self.active = True
        threading.Thread(target=self._run, name="fake-speaker", daemon=True).start()

    def _run(self) -> None:
        outdata = np.zeros((1024, self.channels), np.float32)
        try:
            while True:
                self._callback(outdata, len(outdata), None, CallbackFlags())
        except CallbackStop:
            pass
        self.active = False
        if self._finished is not None:
            self._finished()

    def abort(self) -> None:
        self.active = False

    def close(self, ignore_errors: bool = True) -> None:
        pass
