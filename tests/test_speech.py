"""Speech out: pyttsx3 in a worker process, Piper, rates, the cache, cue sounds."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import numpy as np
import pytest

from facilitator import speech
from facilitator.errors import FacilitatorError
from facilitator.speech import (
    MAX_RATE,
    MIN_RATE,
    RATE_STEP,
    SpeechTimeout,
    Voice,
    cue_sound,
)
from tests.helpers import unavailable

SHORT = "Is there more?"
SENTENCE = "Thank you. Now, please mirror back what you heard, as closely as you can."


def seconds(result) -> float:
    samples, rate = result
    return len(samples) / rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))


def dominant_hz(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


def ends_soon_after_speech(samples: np.ndarray, rate: int) -> bool:
    # The sink blocks until the last sample has played; trailing silence would make the
    # facilitator deaf to a quick answer.
    return bool(np.max(np.abs(samples[-int(0.1 * rate) :])) > speech.SILENCE_LEVEL)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture(scope="module")
def espeak():
    try:
        voice = Voice("pyttsx3")
    except FacilitatorError as exc:
        unavailable(f"pyttsx3/espeak-ng unavailable: {exc}")
    yield voice
    voice.close()


@pytest.fixture
def espeak_at(espeak):
    """The shared voice, with rate and volume put back after each test."""
    rate, volume, name = espeak.rate, espeak.volume, espeak.voice
    yield espeak
    espeak.set_rate(rate)
    espeak.set_volume(volume)
    espeak.voice = name


# ------------------------------------------------------------------ pyttsx3


def test_speech_is_float32_mono_plausible_length_and_audible(espeak_at):
    samples, rate = espeak_at.synthesize(SHORT)
    assert rate == 22050
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert 0.4 < len(samples) / rate < 2.5
    assert rms(samples) > 0.02
    assert np.max(np.abs(samples)) <= 1.0
    assert ends_soon_after_speech(samples, rate)
    long = espeak_at.synthesize(SENTENCE)
    assert seconds(long) > 2 * len(samples) / rate


def test_slower_rate_makes_longer_speech(espeak_at):
    espeak_at.set_rate(MIN_RATE)
    slow = seconds(espeak_at.synthesize(SENTENCE))
    espeak_at.set_rate(MAX_RATE)
    fast = seconds(espeak_at.synthesize(SENTENCE))
    assert slow > 1.5 * fast
    # and the same rate again gives the same length (the rate really is applied each time)
    espeak_at.set_rate(MIN_RATE)
    espeak_at._cache.clear()
    assert seconds(espeak_at.synthesize(SENTENCE)) == pytest.approx(slow, abs=0.05)


def test_cache_returns_the_same_samples_without_asking_the_engine(espeak_at, monkeypatch):
    first = espeak_at.synthesize("Take a slow breath together.")

    def no_engine(*args, **kwargs):
        raise AssertionError("a cached phrase went to the engine")

    monkeypatch.setattr(espeak_at._backend.worker, "request", no_engine)
    again = espeak_at.synthesize("Take  a slow breath together. ")
    assert again[0] is first[0] and again[1] == first[1]
    assert not again[0].flags.writeable  # shared between calls, so nobody may change it


def test_cache_keeps_rates_apart_and_forgets_the_oldest(espeak_at):
    espeak_at.set_rate(140)
    at_140 = espeak_at.synthesize(SHORT)
    espeak_at.set_rate(200)
    at_200 = espeak_at.synthesize(SHORT)
    assert at_140[0] is not at_200[0] and len(at_140[0]) > len(at_200[0])
    size = espeak_at.cache_size
    espeak_at.cache_size = 2
    try:
        espeak_at.synthesize("One.")
        espeak_at.synthesize("Two.")
        assert len(espeak_at._cache) == 2
        assert (SHORT, espeak_at.voice, 200, 1.0) not in espeak_at._cache
    finally:
        espeak_at.cache_size = size


def test_volume_scales_the_samples(espeak_at):
    espeak_at.set_volume(1.0)
    loud = espeak_at.synthesize(SENTENCE)[0]
    espeak_at.set_volume(0.25)
    quiet = espeak_at.synthesize(SENTENCE)[0]
    assert rms(quiet) < 0.5 * rms(loud)
    with pytest.raises(FacilitatorError, match="--volume"):
        espeak_at.set_volume(1.5)


def test_step_rate_moves_in_steps_and_stays_in_bounds(espeak_at):
    espeak_at.set_rate(160)
    assert espeak_at.step_rate(+1) == 160 + RATE_STEP
    assert espeak_at.step_rate(-2) == 160 - RATE_STEP
    espeak_at.set_rate(MAX_RATE - 5)
    assert espeak_at.step_rate(+1) == MAX_RATE
    assert espeak_at.step_rate(+1) == MAX_RATE
    assert espeak_at.set_rate(10) == MIN_RATE
    assert espeak_at.step_rate(-1) == MIN_RATE


def test_voice_by_id_or_part_of_name_and_variants(espeak_at):
    names = {v.id: v.name for v in espeak_at.list_voices()}
    assert names.get("gmw/en-us") == "English (America)"
    assert espeak_at.set_voice("en-us") == "gmw/en-us"
    assert espeak_at.set_voice("english (america)") == "gmw/en-us"
    plain = espeak_at.synthesize(SHORT)[0]
    assert espeak_at.set_voice("en-us+f3") == "gmw/en-us+f3"
    variant = espeak_at.synthesize(SHORT)[0]
    assert len(plain) != len(variant) or not np.array_equal(plain, variant)


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("America", "matches 3 pyttsx3 voices"),
        ("martian", "no pyttsx3 voice"),
        ("en-us+nosuch", "no variant 'nosuch'"),
    ],
)
def test_unknown_or_ambiguous_voice_is_a_clear_error(espeak_at, spec, expected):
    with pytest.raises(FacilitatorError, match=expected) as caught:
        espeak_at.set_voice(spec)
    assert f"--voice {spec}" in str(caught.value) and "\n" not in str(caught.value)


def test_empty_text_is_no_samples(espeak_at):
    samples, rate = espeak_at.synthesize("   ")
    assert len(samples) == 0 and rate == 22050


def test_out_of_range_rate_or_unknown_engine_is_refused():
    with pytest.raises(FacilitatorError, match="--rate 400"):
        Voice(rate=400)
    with pytest.raises(FacilitatorError, match="--voice-engine festival"):
        Voice("festival")


def test_hung_worker_is_killed_and_replaced(espeak):
    voice = Voice("pyttsx3", timeout=1.0)
    try:
        voice.synthesize(SHORT)
        hung = voice._backend.worker.pid
        os.kill(hung, signal.SIGSTOP)  # frozen mid-session, exactly like a hung espeak
        start = time.monotonic()
        samples, rate = voice.synthesize("Did I get that?")
        took = time.monotonic() - start
        assert 1.0 <= took < 15
        assert rms(samples) > 0.02 and 0.4 < len(samples) / rate < 2.5
        assert voice._backend.worker.pid != hung
        assert gone(hung)
    finally:
        voice.close()


def test_worker_that_died_between_phrases_is_restarted(espeak):
    voice = Voice("pyttsx3")
    try:
        voice.synthesize(SHORT)
        dead = voice._backend.worker.pid
        os.kill(dead, signal.SIGKILL)
        time.sleep(0.1)
        assert seconds(voice.synthesize("Is that how you feel?")) > 0.4
        assert voice._backend.worker.pid != dead
    finally:
        voice.close()


# A stand-in worker that starts fine and then never answers: both the first worker and its
# replacement hang, so the caller must get a SpeechTimeout rather than wait forever.
NEVER_ANSWERS = (
    "import json, sys, time; "
    "print(json.dumps({'ready': {'voices': [['gmw/en', 'English', ['en'], None]], "
    "'default_voice': 'gmw/en', 'variants': []}}), flush=True); "
    "sys.stdin.readline(); time.sleep(600)"
)


def test_engine_that_keeps_hanging_raises_speech_timeout(monkeypatch):
    monkeypatch.setattr(speech, "PYTTSX3_WORKER", NEVER_ANSWERS)
    voice = Voice("pyttsx3", timeout=0.5)
    try:
        start = time.monotonic()
        with pytest.raises(SpeechTimeout, match="--mute") as caught:
            voice.synthesize(SHORT)
        assert time.monotonic() - start < 10
        assert isinstance(caught.value, FacilitatorError) and "\n" not in str(caught.value)
        assert voice._backend.worker.starts == 2
        assert not voice._backend.worker.alive()
    finally:
        voice.close()


@pytest.mark.parametrize(
    "fake, kind",
    [
        ({"pyttsx3/__init__.py": "raise ImportError('No module named pyttsx3')"}, "pip"),
        (
            {
                "pyttsx3/__init__.py": "def init(name=None): pass\n",
                "pyttsx3/drivers/__init__.py": "raise RuntimeError('This means you probably "
                "do not have eSpeak or eSpeak-ng installed!')",
            },
            "espeak",
        ),
    ],
)
def test_missing_pyttsx3_or_espeak_says_what_to_install(tmp_path, monkeypatch, fake, kind):
    for name, code in fake.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(code)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # the worker finds the broken copy first
    with pytest.raises(FacilitatorError) as caught:
        Voice("pyttsx3")
    message = str(caught.value)
    assert "apt-get install espeak-ng libespeak-ng1" in message
    assert "--mute" in message and "\n" not in message
    if kind == "pip":
        assert "pip install pyttsx3" in message


def test_worker_answers_in_json_lines_and_keeps_stdout_clean(espeak, tmp_path):
    # pyttsx3 prints "Audio saved to ..." for every phrase; none of it may reach our pipe.
    worker = speech.SpeechWorker(speech.PYTTSX3_WORKER, log_path=str(tmp_path / "log"))
    try:
        worker.start()
        assert any(v[0] == "gmw/en-us" for v in worker.info["voices"])
        for n in range(3):
            path = str(tmp_path / f"{n}.wav")
            request = {"op": "synth", "text": SHORT, "voice": "gmw/en", "rate": 165}
            reply = worker.request({**request, "volume": 1.0, "path": path}, 5.0)
            assert reply == {"ok": path}
            assert os.path.getsize(path) > 10000
        bad = worker.request({"op": "dance"}, 5.0)
        assert bad["error"] == "bad-request"
        json.dumps(bad)
    finally:
        worker.stop()


# --------------------------------------------------------------------- piper


@pytest.fixture(scope="module")
def piper():
    try:
        voice = Voice("piper")
    except FacilitatorError as exc:  # `make install` installs the natural voice too
        unavailable(f"the Piper voice is unavailable: {exc}")
    yield voice
    voice.close()


def test_piper_speech_is_plausible_and_audible(piper):
    samples, rate = piper.synthesize(SHORT)
    assert rate == 22050 and samples.dtype == np.float32
    assert 0.4 < len(samples) / rate < 2.5
    assert rms(samples) > 0.03
    assert ends_soon_after_speech(samples, rate)
    assert seconds(piper.synthesize(SENTENCE)) > 2 * len(samples) / rate


def test_piper_rate_changes_duration(piper):
    rate = piper.rate
    try:
        piper.set_rate(MIN_RATE)
        slow = seconds(piper.synthesize(SENTENCE))
        piper.set_rate(MAX_RATE)
        fast = seconds(piper.synthesize(SENTENCE))
    finally:
        piper.set_rate(rate)
    assert slow > 1.4 * fast


def test_piper_voice_must_be_a_model_file(piper, tmp_path):
    assert [v.name for v in piper.list_voices()] == ["en_US-joe-medium"]
    with pytest.raises(FacilitatorError, match="not a Piper model"):
        piper.set_voice("nobody")
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"not a model")
    with pytest.raises(FacilitatorError, match="voice.onnx.json is missing"):
        piper.set_voice(str(model))


def test_piper_missing_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "piper", None)  # import piper -> ImportError
    with pytest.raises(FacilitatorError, match=r"pip install '\.\[natural-voice\]'"):
        Voice("piper")


# ---------------------------------------------------------------------- cues


def test_cues_are_short_gentle_deterministic_and_click_free():
    for name in ("listening", "got_it"):
        samples, rate = cue_sound(name)
        assert samples.dtype == np.float32
        assert 0.1 < len(samples) / rate < 0.6
        assert 0.1 < np.max(np.abs(samples)) <= 0.35  # audible, never startling
        assert abs(samples[0]) < 1e-3 and abs(samples[-1]) < 1e-3
        again, _ = cue_sound(name)
        assert np.array_equal(samples, again)


def test_listening_cue_rises_and_got_it_is_lower_and_falls():
    listening, rate = cue_sound("listening")
    half = len(listening) // 2
    first, second = dominant_hz(listening[:half], rate), dominant_hz(listening[half:], rate)
    assert second > first * 1.2  # two notes going up: "your turn"
    got_it, _ = cue_sound("got_it")
    start, end = got_it[: len(got_it) // 3], got_it[-len(got_it) // 3 :]
    assert dominant_hz(got_it, rate) < first
    assert dominant_hz(end, rate) <= dominant_hz(start, rate)
    assert len(got_it) < len(listening)


def test_cue_volume_and_rate_and_unknown_name():
    quiet, _ = cue_sound("listening", volume=0.5)
    assert np.allclose(quiet, cue_sound("listening")[0] * 0.5)
    at_16k, rate = cue_sound("got_it", rate=16000)
    assert rate == 16000 and len(at_16k) == int(0.2 * 16000)
    with pytest.raises(ValueError, match="unknown cue"):
        cue_sound("fanfare")
