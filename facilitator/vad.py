"""Voice activity: webrtcvad on short frames, with a noise-floor guard.

webrtcvad happily calls steady fan hum or hiss "speech" at low aggressiveness. The guard
tracks the noise floor (the quietest recent frame) and only lets a frame count as speech when
it also stands clearly above that floor and above an absolute level, so a file of pure noise
yields no speech for the transcriber to turn into phantom words.

webrtcvad also has fixed energy thresholds, so a very quiet recording (speech at -50 dBFS)
came out as scattered frames and the start of the turn was lost. Frames are therefore raised
towards -30 dBFS (by at most 24 dB, judged on the loudest frame of the last few seconds)
before webrtcvad sees them; the guard works on the levels as recorded.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np
import webrtcvad

RATE = 16000
FRAME_MS_CHOICES = (10, 20, 30)


class Vad:
    def __init__(self, *, aggressiveness: int = 2, frame_ms: int = 30, rate: int = RATE,
                 noise_margin_db: float = 3.0, min_level_db: float = -65.0,
                 floor_window: float = 3.0, target_db: float = -30.0, max_gain_db: float = 24.0):
        if frame_ms not in FRAME_MS_CHOICES:
            raise ValueError(f"frame_ms must be one of {FRAME_MS_CHOICES}, not {frame_ms}")
        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError(f"aggressiveness must be 0-3, not {aggressiveness}")
        self.rate = rate
        self.frame_ms = frame_ms
        self.frame_samples = rate * frame_ms // 1000
        self.noise_margin_db = noise_margin_db
        self.min_level_db = min_level_db
        self._vad = webrtcvad.Vad(aggressiveness)
        self.target_db = target_db
        self.max_gain_db = max_gain_db
        self._levels: deque[float] = deque(maxlen=max(1, int(floor_window * 1000 / frame_ms)))
        self._peaks: deque[float] = deque(maxlen=max(1, int(5000 / frame_ms)))
        self._recent: deque[float] = deque(maxlen=3)
        self._warmup = max(1, 300 // frame_ms)

    @property
    def frame_seconds(self) -> float:
        return self.frame_ms / 1000

    def reset(self) -> None:
        self._levels.clear()
        self._recent.clear()
        self._peaks.clear()

    def level_db(self, frame: np.ndarray) -> float:
        rms = float(np.sqrt(np.mean(np.square(frame, dtype=np.float64))))
        return 20 * math.log10(rms + 1e-10)

    def is_speech(self, frame: np.ndarray) -> bool:
        """One frame of exactly ``frame_samples`` float32 samples -> speech or not."""
        if len(frame) != self.frame_samples:
            raise ValueError(f"expected {self.frame_samples} samples, got {len(frame)}")
        level = self.level_db(frame)
        # The floor is the minimum of a lightly smoothed level, so a single quiet frame inside
        # a word does not drag it down to digital silence.
        self._recent.append(level)
        self._levels.append(sum(self._recent) / len(self._recent))
        # Until a little history exists the floor is unknown: trust webrtcvad alone, so speech
        # at the very start of a recording is not lost.
        floor = min(self._levels) if len(self._levels) >= self._warmup else -math.inf
        self._peaks.append(level)
        if level < self.min_level_db or level < floor + self.noise_margin_db:
            return False
        gain_db = min(self.max_gain_db, max(0.0, self.target_db - max(self._peaks)))
        scaled = frame * (10 ** (gain_db / 20)) if gain_db else frame
        pcm = (np.clip(scaled, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        return self._vad.is_speech(pcm, self.rate)

    def flags(self, samples: np.ndarray) -> np.ndarray:
        """Speech flag for each whole frame of ``samples`` (a trailing partial frame is ignored)."""
        size = self.frame_samples
        frames = [samples[i * size:(i + 1) * size] for i in range(len(samples) // size)]
        return np.array([self.is_speech(f) for f in frames], dtype=bool)
