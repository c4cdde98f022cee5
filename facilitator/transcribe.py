"""Speech to text on the device with faster-whisper, plus the guard against phantom text.

Decoding settings: CPU, int8, greedy (beam 1), English, no conditioning on earlier text.

Why the encoder input is cut short: faster-whisper always pads audio to Whisper's 30-second
window, and on two cores the tiny model's encoder then costs about 0.4-0.6 s per call whatever
the clip length. Feeding the encoder the clip plus 3 s of padding, and never less than 10 s,
costs 0.1-0.2 s for a sentence and, measured on Piper and espeak-ng voices here, transcribed
as accurately as the full window. Going below 10 s made the decoder loop ("Yes, I'm ready.
Yes, I'm ready. ..."), so 10 s is the floor, and a repetitive result is decoded again with
the full window.

Phantom text ("Thank you.", "Thanks for watching!") comes from silence and noise. The guard:
only voiced audio is transcribed (long pauses are shortened), clips with less than 0.3 s of
speech give no text, and a result is dropped when Whisper itself thinks it is not speech
(high no-speech probability with a low average log-probability) or when its log-probability
is very low. "Thank you" is never blacklisted: partners really say it in this dialogue.
"""

from __future__ import annotations

import functools
import re
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from facilitator.errors import FacilitatorError
from facilitator.models import resolve_model

RATE = 16000
_MIN_CONTEXT, _MAX_CONTEXT, _CONTEXT_PAD = 1000, 3000, 300  # mel frames, 10 ms each
MAX_CHUNK_SECONDS = 25.0  # longer voiced audio is split at pauses before decoding
_MAX_BOOST = 10 ** (30 / 20)


@dataclass(frozen=True)
class ChunkText:
    text: str  # "" when nothing trustworthy was heard
    speech_seconds: float
    no_speech_prob: float = 1.0
    avg_logprob: float = 0.0
    dropped: str = ""  # why the text was thrown away, for logs and tests


@functools.lru_cache(maxsize=4)
def _load_whisper(path_or_name: str, allow_download: bool, cpu_threads: int):
    from faster_whisper import WhisperModel

    if not allow_download and not (Path(path_or_name) / "tokenizer.json").is_file():
        # Without it faster-whisper quietly fetches one from the model hub: a network call.
        raise FacilitatorError(f"{path_or_name}: tokenizer.json is missing from the speech "
                               "model folder; copy it in beside model.bin (see models/README.md)")
    try:
        return WhisperModel(path_or_name, device="cpu", compute_type="int8",
                            cpu_threads=cpu_threads, local_files_only=not allow_download)
    except Exception as e:  # ctranslate2 raises RuntimeError/ValueError/OSError for bad folders
        first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise FacilitatorError(
            f"{path_or_name}: the speech model could not be loaded ({first_line}); "
            "copy or convert it again (see models/README.md) or use --model tiny.en") from e


class Transcriber:
    """A loaded Whisper model. Safe to share; calls are serialised by a lock."""

    def __init__(self, model: str | Path | None = None, *, allow_download: bool = False,
                 cpu_threads: int = 2, min_speech: float = 0.3,
                 no_speech_threshold: float = 0.6, logprob_threshold: float = -1.0,
                 floor_logprob: float = -1.5):
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self.model_path = resolve_model(model, allow_download=allow_download)
        self._whisper = _load_whisper(str(self.model_path), allow_download, cpu_threads)
        self.min_speech = min_speech
        self.no_speech_threshold = no_speech_threshold
        self.logprob_threshold = logprob_threshold
        self.floor_logprob = floor_logprob
        multilingual = self._whisper.model.is_multilingual
        self._tokenizer = Tokenizer(self._whisper.hf_tokenizer, multilingual,
                                    task="transcribe", language="en" if multilingual else None)
        self._prompt = list(self._tokenizer.sot_sequence) + [self._tokenizer.no_timestamps]
        self._suppress = list(get_suppressed_tokens(self._tokenizer, [-1]))
        self._lock = threading.Lock()

    def _prompt_for(self, hints: str | None) -> list[int]:
        """The decoder's start: Whisper's previous-text slot carries ``hints`` (names, the
        stage's words) when given."""
        if not hints or not hints.strip():
            return self._prompt
        tokens = self._tokenizer.encode(" " + hints.strip())[-200:]
        return [self._tokenizer.sot_prev, *tokens, *self._prompt]

    def transcribe_chunk(self, samples: np.ndarray, *, speech_seconds: float | None = None,
                         hints: str | None = None) -> ChunkText:
        """Transcribe one clip of at most 25 s of (mostly) voiced 16 kHz audio."""
        if speech_seconds is None:
            speech_seconds = len(samples) / RATE
        if speech_seconds < self.min_speech or len(samples) < RATE * 0.1:
            return ChunkText("", speech_seconds, dropped="too little speech")
        if len(samples) > MAX_CHUNK_SECONDS * RATE:
            raise ValueError("transcribe_chunk takes at most 25 s; use transcribe()")
        # The tiny model loops on very quiet speech ("I know it's a small thing I know it's a
        # small thing"): bring the peak to -6 dBFS, raising by at most 30 dB.
        peak = float(np.max(np.abs(samples)))
        if peak > 0:
            samples = samples * min(_MAX_BOOST, 0.5 / peak)
        prompt = self._prompt_for(hints)
        with self._lock:
            text, no_speech, logprob, ratio = self._decode(samples, prompt, full_window=False)
            if ratio > 2.4 or looping(text, speech_seconds):
                text, no_speech, logprob, ratio = self._decode(samples, prompt,
                                                               full_window=True)
        if looping(text, speech_seconds):
            text = collapse_repeats(text)
        if not text:
            return ChunkText("", speech_seconds, no_speech, logprob, "empty")
        if ratio > 2.4:
            return ChunkText("", speech_seconds, no_speech, logprob, "repetitive")
        if no_speech > self.no_speech_threshold and logprob < self.logprob_threshold:
            return ChunkText("", speech_seconds, no_speech, logprob, "not speech")
        if logprob < self.floor_logprob:
            return ChunkText("", speech_seconds, no_speech, logprob, "low confidence")
        return ChunkText(text, speech_seconds, no_speech, logprob)

    def _decode(self, samples: np.ndarray, prompt: list[int], *, full_window: bool):
        import ctranslate2

        features = self._whisper.feature_extractor(samples.astype(np.float32, copy=False))
        frames = features.shape[-1]
        width = _MAX_CONTEXT if full_window else min(
            _MAX_CONTEXT, max(_MIN_CONTEXT, frames + _CONTEXT_PAD))
        if frames < width:
            features = np.pad(features, ((0, 0), (0, width - frames)))
        features = np.ascontiguousarray(features[:, :width], dtype=np.float32)
        seconds = len(samples) / RATE
        # About 5 tokens a second for fast speech; the cap stops a decoder that loops.
        max_length = len(prompt) + min(440 - len(self._prompt), int(seconds * 8) + 16)
        result = self._whisper.model.generate(
            ctranslate2.StorageView.from_array(features[None]), [prompt],
            beam_size=1, max_length=max_length, return_scores=True, return_no_speech_prob=True,
            suppress_blank=True, suppress_tokens=self._suppress)[0]
        tokens = [t for t in result.sequences_ids[0] if t < self._tokenizer.eot]
        text = self._tokenizer.decode(tokens).strip()
        logprob = result.scores[0] * len(tokens) / (len(tokens) + 1) if tokens else -10.0
        ratio = (len(text.encode()) / len(zlib.compress(text.encode()))) if text else 0.0
        return text, float(result.no_speech_prob), float(logprob), ratio

    def transcribe(self, samples: np.ndarray, *, flags: np.ndarray | None = None,
                   frame_samples: int = 480, prompt: str | None = None) -> str:
        """Transcribe a whole clip of any length: voiced parts only, split at pauses."""
        if flags is None:
            from facilitator.vad import Vad

            vad = Vad(frame_ms=frame_samples * 1000 // RATE)
            flags = vad.flags(samples)
        texts = []
        for start, end in plan_chunks(flags, frame_samples=frame_samples):
            clip, voiced = compact_speech(samples[start * frame_samples:end * frame_samples],
                                          flags[start:end], frame_samples=frame_samples)
            texts.append(self.transcribe_chunk(clip, speech_seconds=voiced, hints=prompt).text)
        return join_texts(texts)


_TOKEN = re.compile(r"[\w']+")
MAX_WORDS_PER_SECOND = 4.5  # fast speech is about 3.5; more means the decoder is looping


def looping(text: str, speech_seconds: float) -> bool:
    """More words than anyone says in that time, made of one phrase said over and over
    ("5 5 5 5 5 5 5 5 5 5 5 5 5 5" from a two-word clip)."""
    ws = _TOKEN.findall(text.lower())
    if len(ws) <= MAX_WORDS_PER_SECOND * speech_seconds + 2:
        return False
    return _longest_repeat(ws)[1] >= 4


def _longest_repeat(ws: list[str]) -> tuple[int, int, int]:
    """(start, times, n) of the longest run of one 1-3 word phrase repeated back to back."""
    best = (0, 1, 1)
    for n in (1, 2, 3):
        for i in range(len(ws) - n):
            times = 1
            while ws[i + times * n:i + (times + 1) * n] == ws[i:i + n]:
                times += 1
            if times > best[1]:
                best = (i, times, n)
    return best


def collapse_repeats(text: str) -> str:
    """Keep a looping phrase twice ("five five" can be said), drop the rest of the run."""
    tokens = text.split()
    ws = [t.strip(".,!?;:").lower() for t in tokens]
    start, times, n = _longest_repeat(ws)
    if times < 4:
        return text
    kept = tokens[:start + 2 * n] + tokens[start + times * n:]
    return " ".join(kept).rstrip(",;") if kept else ""


def join_texts(texts) -> str:
    return " ".join(t.strip() for t in texts if t and t.strip())


def compact_speech(samples: np.ndarray, flags: np.ndarray, *, frame_samples: int = 480,
                   pad: float = 0.2, max_gap: float = 0.6) -> tuple[np.ndarray, float]:
    """Keep voiced frames (plus ``pad`` either side) and shorten longer gaps to ``max_gap``.

    Returns the audio to transcribe and the seconds of voiced frames in it. Cutting long
    silences keeps Whisper from filling them with invented words.
    """
    flags = np.asarray(flags, bool)[: len(samples) // frame_samples]
    voiced = float(flags.sum()) * frame_samples / RATE
    if not flags.any():
        return np.zeros(0, np.float32), 0.0
    pad_frames = max(1, round(pad * RATE / frame_samples))
    keep = np.convolve(flags.astype(int), np.ones(2 * pad_frames + 1, int), "same") > 0
    gap_frames = max(1, round(max_gap * RATE / frame_samples))
    pieces = []
    i = 0
    while i < len(keep):
        j = i
        while j < len(keep) and keep[j] == keep[i]:
            j += 1
        a, b = i * frame_samples, j * frame_samples
        if keep[i]:
            pieces.append(samples[a:b])
        elif 0 < i and j < len(keep):  # an inner gap: keep a short stretch of it
            half = gap_frames // 2 * frame_samples
            if b - a > 2 * half:
                pieces += [samples[a:a + half], samples[b - half:b]]
            else:
                pieces.append(samples[a:b])
        i = j
    return np.concatenate(pieces).astype(np.float32, copy=False), voiced


def plan_chunks(flags: np.ndarray, *, frame_samples: int = 480,
                max_seconds: float = 20.0) -> list[tuple[int, int]]:
    """Split a run of frames into pieces of at most ``max_seconds``, cutting in the longest
    pause of each piece's second half (or anywhere quiet if there is no pause)."""
    flags = np.asarray(flags, bool)
    limit = max(2, int(max_seconds * RATE / frame_samples))
    pieces, start = [], 0
    while len(flags) - start > limit:
        cut = best_cut(flags[start:start + limit]) + start
        pieces.append((start, cut))
        start = cut
    if len(flags) > start:
        pieces.append((start, len(flags)))
    return pieces


def best_cut(flags: np.ndarray) -> int:
    """Frame index at the middle of the longest pause in the second half of ``flags``."""
    half = len(flags) // 2
    best, best_len, i = len(flags), 0, half
    while i < len(flags):
        if flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and not flags[j]:
            j += 1
        if j - i > best_len:
            best, best_len = (i + j) // 2, j - i
        i = j
    return best
