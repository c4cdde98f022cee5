"""Microphones and speakers through sounddevice (PortAudio).

- ``list_devices()`` / ``format_devices()``: what ``facilitator devices`` shows.
- ``find_device(spec, kind)``: a device by index or by part of its name.
- ``MicrophoneSource``: the AudioSource of a live session. Opens the device at its own
  rate (many microphones only open at 44.1 or 48 kHz) and resamples to 16 kHz as audio
  arrives. ``skip()`` throws away what the microphone heard while the facilitator spoke.
- ``SpeakerSink``: the AudioSink of a live session. ``play()`` returns when the sound has
  been played, so the loop knows when to start listening again.

A device that stops working mid-session raises ``DeviceLost`` (a ``SessionInterrupted``),
which the session loop catches to save what was said so far.

PortAudio takes its device list when sounddevice is first imported; a device plugged in
later shows up after a restart of the program.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Literal

import numpy as np
import soxr

from facilitator.audio import ECHO_TAIL
from facilitator.errors import FacilitatorError, SessionInterrupted

Kind = Literal["input", "output"]

#: The pipeline's sample rate (see the AudioSource interface).
PIPELINE_RATE = 16000
#: Rates tried, after the device's own default, when a device refuses a rate.
COMMON_RATES = (48000, 44100, 32000, 22050, 16000)

NO_MICROPHONE = "no microphone found; try `make demo` or `facilitator session --text`"
NO_SPEAKER = "no speaker found; run with --mute (captions only) or `facilitator session --text`"
LIST_HINT = "`facilitator devices` lists them"


class DeviceLost(SessionInterrupted):
    """A microphone or speaker stopped working while a session was running."""


def _sounddevice():
    """Import sounddevice, turning a missing PortAudio library into a clear error."""
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises OSError when libportaudio is missing
        raise FacilitatorError(
            f"audio: the PortAudio library is missing ({exc}); install it with "
            "`apt-get install libportaudio2`, or try `make demo` / `facilitator session --text`"
        ) from None
    _quiet_alsa()
    return sounddevice


_alsa_handler = None  # kept alive for as long as ALSA may call it


def _quiet_alsa() -> None:
    """Stop ALSA printing "underrun occurred" and the like straight onto the terminal.

    The terminal carries captions and ``--plain`` lines for screen readers; ALSA's
    chatter there would be read aloud. PortAudio recovers from those conditions itself.
    """
    global _alsa_handler
    if _alsa_handler is not None:
        return
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("asound")
    if not name:
        return
    try:
        asound = ctypes.CDLL(name)
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    _alsa_handler = handler_type(lambda *args: None)
    asound.snd_lib_error_set_handler(_alsa_handler)


# ----------------------------------------------------------------------- devices


@dataclass(frozen=True)
class Device:
    """One PortAudio device, as ``facilitator devices`` shows it."""

    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: int
    default_input: bool = False
    default_output: bool = False

    def channels(self, kind: Kind) -> int:
        return self.max_input_channels if kind == "input" else self.max_output_channels

    def is_default(self, kind: Kind) -> bool:
        return self.default_input if kind == "input" else self.default_output

    @property
    def label(self) -> str:
        """How errors name a device: ``device 3 'USB Audio'``."""
        return f"device {self.index} '{self.name}'"


def list_devices() -> list[Device]:
    """Every device PortAudio sees, with which ones are the default input and output."""
    sd = _sounddevice()
    default_in, default_out = _default_indexes(sd)
    hostapis = [api["name"] for api in sd.query_hostapis()]
    devices = []
    for index, info in enumerate(sd.query_devices()):
        api = info.get("hostapi", 0)
        devices.append(
            Device(
                index=index,
                name=str(info["name"]),
                hostapi=hostapis[api] if 0 <= api < len(hostapis) else "?",
                max_input_channels=int(info["max_input_channels"]),
                max_output_channels=int(info["max_output_channels"]),
                default_samplerate=round(info["default_samplerate"]),
                default_input=index == default_in,
                default_output=index == default_out,
            )
        )
    return devices


def _default_indexes(sd) -> tuple[int, int]:
    pair = sd.default.device
    try:
        default_in, default_out = pair
    except TypeError:  # one value set for both directions
        default_in = default_out = pair
    return _as_index(default_in), _as_index(default_out)


def _as_index(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # unset, or given by name; PortAudio then picks, and so do we


def format_devices(devices: list[Device] | None = None) -> str:
    """A table for ``facilitator devices``; one line of advice when there are none."""
    devices = list_devices() if devices is None else devices
    if not devices:
        return "no audio devices found; try `make demo` or `facilitator session --text`"
    width = max(len("name"), *(len(d.name) for d in devices))
    lines = [f"{'#':>3}  {'name':<{width}}  {'in':>3}  {'out':>3}  {'rate':>6}  default"]
    for d in devices:
        marks = ", ".join(k for k, on in (("in", d.default_input), ("out", d.default_output)) if on)
        lines.append(
            f"{d.index:>3}  {d.name:<{width}}  {d.max_input_channels:>3}  "
            f"{d.max_output_channels:>3}  {d.default_samplerate:>6}  {marks}".rstrip()
        )
    lines.append("Choose with --input-device / --output-device: the number or part of the name.")
    return "\n".join(lines)


def find_device(spec: int | str | None, kind: Kind, devices: list[Device] | None = None) -> Device:
    """The device ``spec`` names for ``kind`` ("input" or "output").

    ``spec`` is None (the default device), an index (``3`` or ``"3"``) or part of a name,
    case-insensitive; an exact name wins over a part. Errors list the candidates.
    """
    devices = list_devices() if devices is None else devices
    capable = [d for d in devices if d.channels(kind) > 0]
    option = "--input-device" if kind == "input" else "--output-device"
    role = "microphone" if kind == "input" else "speaker"
    if not capable:
        raise FacilitatorError(NO_MICROPHONE if kind == "input" else NO_SPEAKER)
    choices = ", ".join(f"{d.index} '{d.name}'" for d in capable)
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        defaults = [d for d in capable if d.is_default(kind)]
        return defaults[0] if defaults else capable[0]
    if isinstance(spec, int) or spec.strip().isdigit():
        index = int(spec)
        match = [d for d in devices if d.index == index]
        if not match:
            raise FacilitatorError(f"{option} {spec}: no device {index}; {role}s: {choices}")
        if match[0].channels(kind) == 0:
            raise FacilitatorError(
                f"{option} {spec}: {match[0].label} has no {kind} channels; {role}s: {choices}"
            )
        return match[0]
    want = spec.strip().casefold()
    exact = [d for d in capable if d.name.casefold() == want]
    if len(exact) == 1:
        return exact[0]
    found = exact or [d for d in capable if want in d.name.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{d.index} '{d.name}'" for d in found)
        raise FacilitatorError(
            f"{option} {spec}: matches {len(found)} {role}s ({listed}); give the number"
        )
    raise FacilitatorError(f"{option} {spec}: no {role} has that name; {role}s: {choices}")


def _pick_settings(check, device: Device, kind: Kind, rates: list[int]) -> tuple[int, int, str]:
    """The first (rate, channels) the device accepts: mono if it can, else its own layout.

    ``check(samplerate=, channels=)`` is sounddevice's check_input/output_settings. Returns
    (rate, channels, "") or (0, 0, reason) when nothing fits.
    """
    channel_options = [1] if device.channels(kind) < 2 else [1, min(2, device.channels(kind))]
    reason = ""
    for rate in dict.fromkeys(rates):  # keep order, drop repeats
        for channels in channel_options:
            try:
                check(samplerate=rate, channels=channels)
                return rate, channels, ""
            except Exception as exc:  # noqa: BLE001  (PortAudio's errors vary by host API)
                reason = str(exc)
    return 0, 0, reason


# -------------------------------------------------------------------- microphone


class InputBuffer:
    """Audio chunks in at the device's rate (audio thread), 16 kHz samples out (the loop).

    The audio thread only appends (cheap, never blocks on the loop); resampling happens on
    the reading side, as a stream, so chunk edges leave no clicks. At most ``max_seconds``
    of unread input is kept; older input is dropped but still counted in ``position``, so
    the session clock keeps following the wall clock.
    """

    def __init__(self, in_rate: int, *, out_rate: int = PIPELINE_RATE, max_seconds: float = 120.0):
        self.in_rate, self.out_rate = in_rate, out_rate
        self._max_frames = int(max_seconds * in_rate)
        self._cond = threading.Condition()
        self._raw: deque[np.ndarray] = deque()
        self._raw_frames = 0
        self._dropped_in = 0  # input frames dropped by push(), guarded by _cond
        self._dropped_seen = 0  # of those, how many the reader has accounted for
        self._resampler = (
            soxr.ResampleStream(in_rate, out_rate, 1, dtype="float32", quality="HQ")
            if in_rate != out_rate
            else None
        )
        self._ready: deque[np.ndarray] = deque()
        self._ready_count = 0
        self._discard = 0  # samples still to throw away as they arrive (after skip)
        self._position = 0
        self.last_input: float | None = None  # monotonic time of the latest push

    # -- audio thread

    def push(self, chunk: np.ndarray) -> None:
        with self._cond:
            self._raw.append(chunk)
            self._raw_frames += len(chunk)
            while self._raw_frames > self._max_frames and len(self._raw) > 1:
                old = self._raw.popleft()
                self._raw_frames -= len(old)
                self._dropped_in += len(old)
            self.last_input = time.monotonic()
            self._cond.notify_all()

    # -- reading side

    @property
    def position(self) -> int:
        """16 kHz samples read + skipped (+ dropped) since the start: the session clock."""
        return self._position

    @property
    def available(self) -> int:
        self._convert()
        return self._ready_count

    def read(self, n: int, timeout: float | None = None) -> np.ndarray | None:
        """Exactly ``n`` samples, waiting up to ``timeout`` s for them; None if still short."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._convert()
            if self._ready_count >= n:
                self._position += n
                return self._take(n)
            with self._cond:
                if not self._raw:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        return None
                    self._cond.wait(left)

    def skip(self, n: int) -> None:
        """Advance ``n`` samples: drop what is buffered, then drop input yet to arrive."""
        self._convert()
        now = min(n, self._ready_count)
        self._take(now)
        self._discard += n - now
        self._position += n

    def skip_heard(self, future: int) -> None:
        """Drop everything heard so far, and the next ``future`` samples as they arrive.

        A pending discard is not added to but extended: what is still on its way from the
        last prompt is the same stretch of time as the tail after this one.
        """
        self._convert()
        heard = self._ready_count
        self._take(heard)
        extra = max(0, future - self._discard)
        self._discard += extra
        self._position += heard + extra

    def _convert(self) -> None:
        with self._cond:
            chunks = list(self._raw)
            self._raw.clear()
            self._raw_frames = 0
            dropped = self._dropped_in - self._dropped_seen
            self._dropped_seen = self._dropped_in
        if dropped:
            lost = round(dropped * self.out_rate / self.in_rate)
            covered = min(lost, self._discard)  # time that was being skipped anyway
            self._discard -= covered
            self._position += lost - covered
        for chunk in chunks:
            out = self._resampler.resample_chunk(chunk) if self._resampler else chunk
            out = np.asarray(out, dtype=np.float32)
            if self._discard:
                drop = min(self._discard, len(out))
                self._discard -= drop
                out = out[drop:]
            if len(out):
                self._ready.append(out)
                self._ready_count += len(out)

    def _take(self, n: int) -> np.ndarray:
        if n == 0:
            return np.zeros(0, np.float32)
        parts, need = [], n
        while need:
            head = self._ready[0]
            if len(head) <= need:
                parts.append(self._ready.popleft())
                need -= len(head)
            else:
                parts.append(head[:need])
                self._ready[0] = head[need:]
                need = 0
        self._ready_count -= n
        return np.concatenate(parts) if len(parts) != 1 else parts[0]


class MicrophoneSource:
    """The live AudioSource: float32 mono 16 kHz from a microphone, in real time.

    ``device`` is an index, part of a name, or None for the default microphone.
    ``read(n)`` blocks until n samples have been heard. If audio stops arriving for
    ``stall_timeout`` seconds (``start_timeout`` for the first audio), or PortAudio stops
    the stream, it raises DeviceLost.
    """

    rate = PIPELINE_RATE

    def __init__(
        self,
        device: int | str | None = None,
        *,
        block_seconds: float = 0.02,
        max_buffer_seconds: float = 120.0,
        stall_timeout: float = 2.0,
        start_timeout: float = 6.0,
        echo_tail: float = ECHO_TAIL,
    ):
        sd = _sounddevice()
        self.echo_tail = echo_tail  # seconds still deaf after playback (the room's echo)
        self._sd = sd
        self.device = find_device(device, "input")
        self.stall_timeout = stall_timeout
        # PulseAudio can take 2 s to deliver a new stream's first audio on a busy machine.
        self.start_timeout = start_timeout
        self.overflows = 0  # input the audio thread lost because the machine was too busy
        rates = [self.device.default_samplerate, *COMMON_RATES]
        check = _bound_check(sd.check_input_settings, self.device.index)
        rate, channels, reason = _pick_settings(check, self.device, "input", rates)
        if not rate:
            raise FacilitatorError(
                f"--input-device: microphone {self.device.label} accepts none of the rates "
                f"{', '.join(map(str, dict.fromkeys(rates)))} Hz ({reason}); "
                f"try another microphone ({LIST_HINT})"
            )
        self.native_rate, self.channels = rate, channels
        self._buffer = InputBuffer(rate, max_seconds=max_buffer_seconds)
        self._finished = threading.Event()
        self._closed = False
        try:
            self._stream = sd.InputStream(
                device=self.device.index,
                samplerate=rate,
                channels=channels,
                dtype="float32",
                blocksize=max(1, int(rate * block_seconds)),
                callback=self._on_audio,
                finished_callback=self._finished.set,
                # "low" latency overruns on a busy 2-core machine behind PulseAudio; the loop
                # needs no fast input, only input that is not lost.
                latency="high",
            )
            self._stream.start()
            self._latency = float(self._stream.latency)
        except Exception as exc:  # noqa: BLE001  (PortAudioError, or ALSA's own errors)
            raise FacilitatorError(
                f"--input-device: cannot open microphone {self.device.label} at {rate} Hz, "
                f"{channels} channel(s) ({exc}); try another microphone ({LIST_HINT})"
            ) from None
        self._opened_at = time.monotonic()

    def _on_audio(self, indata, frames, time_info, status) -> None:
        # PortAudio's thread: copy (indata is reused) and hand over; nothing slow here.
        if status.input_overflow:
            self.overflows += 1
        mono = indata[:, 0].copy() if indata.shape[1] == 1 else indata.mean(axis=1)
        self._buffer.push(mono.astype(np.float32, copy=False))

    def begin_turn(self) -> None:
        return None

    def read(self, n: int) -> np.ndarray:
        while True:
            if self._closed:
                raise FacilitatorError(f"microphone {self.device.label}: read after close")
            samples = self._buffer.read(n, timeout=0.25)
            if samples is not None:
                return samples
            self._check_alive()

    def skip(self, n: int) -> None:
        """Discard ``n`` samples, or more: everything heard so far plus the input latency.

        Called right after the facilitator spoke. Everything buffered by then was heard
        before playback ended (the facilitator's own voice, or input the loop left unread
        while it was busy), so all of it goes; so does the part of the speech still on its
        way through the audio system. ``position`` advances by what was discarded.
        """
        # Playback blocked in real time, so everything up to now was heard while the
        # facilitator spoke. Of ``n`` only the tail after the end of playback is still to come.
        in_flight = round(self._latency * self.rate)
        self._buffer.skip_heard(round(self.echo_tail * self.rate) + in_flight)

    @property
    def position(self) -> int:
        return self._buffer.position

    def _check_alive(self) -> None:
        now, last = time.monotonic(), self._buffer.last_input
        if self._finished.is_set() or not self._stream.active:
            problem = "stopped"
        elif last is None and now - self._opened_at > self.start_timeout:
            problem = f"sent no audio in the {now - self._opened_at:.1f} s since it was opened"
        elif last is not None and now - last > self.stall_timeout:
            problem = f"sent no audio for {now - last:.1f} s"
        else:
            return
        raise DeviceLost(f"microphone {self.device.label} {problem} (unplugged or taken?)")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._stream.abort()
            self._stream.close()
        except Exception:  # noqa: BLE001, S110  (a vanished device may refuse to close)
            pass


def _bound_check(check, index: int):
    def bound(*, samplerate: int, channels: int) -> None:
        check(device=index, samplerate=samplerate, channels=channels, dtype="float32")

    return bound


# ----------------------------------------------------------------------- speaker


class SpeakerSink:
    """The live AudioSink: plays through a speaker and returns when playback has ended.

    Samples at a rate the device refuses are resampled to one it accepts (its own
    default first). If playback does not finish within its length plus ``margin``
    seconds (the device hung or vanished), DeviceLost is raised.
    """

    def __init__(self, device: int | str | None = None, *, margin: float = 3.0):
        sd = _sounddevice()
        self._sd = sd
        self.device = find_device(device, "output")
        self.margin = margin
        self._settings: dict[int, tuple[int, int]] = {}  # requested rate -> (rate, channels)
        self._played = False  # after one success, a failure means the device went away
        self._lock = threading.Lock()

    def play(self, samples: np.ndarray, rate: int) -> None:
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        if not len(samples):
            return
        with self._lock:
            out_rate, channels = self._settings_for(rate)
            if out_rate != rate:
                samples = soxr.resample(samples, rate, out_rate, quality="HQ")
            # Resampling can overshoot a full-scale peak a little; clipping beats wrapping.
            data = np.clip(samples, -1.0, 1.0).astype(np.float32)[:, None]
            if channels > 1:
                data = np.repeat(data, channels, axis=1)
            self._play_blocking(data, out_rate)
            self._played = True

    def _settings_for(self, rate: int) -> tuple[int, int]:
        if rate not in self._settings:
            check = _bound_check(self._sd.check_output_settings, self.device.index)
            rates = [rate, self.device.default_samplerate, *COMMON_RATES]
            out_rate, channels, reason = _pick_settings(check, self.device, "output", rates)
            if not out_rate:
                if self._played:
                    raise DeviceLost(
                        f"speaker {self.device.label} stopped accepting audio ({reason})"
                    )
                raise FacilitatorError(
                    f"--output-device: speaker {self.device.label} accepts none of the rates "
                    f"{', '.join(map(str, dict.fromkeys(rates)))} Hz ({reason}); "
                    f"try another speaker ({LIST_HINT}) or --mute"
                )
            self._settings[rate] = (out_rate, channels)
        return self._settings[rate]

    def _play_blocking(self, data: np.ndarray, rate: int) -> None:
        sd = self._sd
        done = threading.Event()
        cursor = 0

        def fill(outdata, frames, time_info, status) -> None:
            nonlocal cursor
            chunk = data[cursor : cursor + frames]
            outdata[: len(chunk)] = chunk
            outdata[len(chunk) :] = 0
            cursor += frames
            if cursor >= len(data):
                raise sd.CallbackStop  # PortAudio plays what it has, then finishes

        stream = None
        try:
            stream = sd.OutputStream(
                device=self.device.index,
                samplerate=rate,
                channels=data.shape[1],
                dtype="float32",
                callback=fill,
                finished_callback=done.set,
                # Not "high": through ALSA's pulse plugin a high-latency callback stream
                # reported "finished" before the sound was out, cutting prompts short. An
                # explicit 0.1 s plays the whole sound and still does not stutter.
                latency=0.1,
            )
            # PortAudio's ALSA back end drops the last period or so when a callback stream
            # completes; trailing silence makes that cost nothing but silence.
            pad = np.zeros((round(max(0.05, stream.latency) * rate), data.shape[1]), np.float32)
            data = np.concatenate([data, pad])
            stream.start()
        except Exception as exc:  # noqa: BLE001  (PortAudioError, or ALSA's own errors)
            if stream is not None:
                stream.close(ignore_errors=True)
            if self._played:
                raise DeviceLost(f"speaker {self.device.label} went away ({exc})") from None
            raise FacilitatorError(
                f"--output-device: cannot play on speaker {self.device.label} at {rate} Hz "
                f"({exc}); try another speaker ({LIST_HINT}) or --mute"
            ) from None
        try:
            if not done.wait(len(data) / rate + self.margin):
                raise DeviceLost(f"speaker {self.device.label} stopped playing (unplugged?)")
        finally:
            # Interrupted (Ctrl-C) or hung: abort drops what is queued instead of waiting.
            try:
                if not done.is_set():
                    stream.abort()
                stream.close()
            except Exception:  # noqa: BLE001, S110  (a vanished device may refuse to close)
                pass

    def close(self) -> None:
        pass  # each play() opens and closes its own stream
