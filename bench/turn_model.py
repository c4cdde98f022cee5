"""Smart Turn v3.2: an audio end-of-turn model (8.7 MB ONNX, BSD-2-Clause, CPU).

It hears the last 8 s of a turn and gives the probability that the speaker has finished.
The file ships inside the pipecat-ai wheel; `scripts/get_turn_model.py` (run by
`make bench`) copies it to ``models/smart-turn/`` so nothing else of pipecat is installed.
Its input is Whisper's log-mel features of a zero-mean, unit-variance waveform; faster-whisper's
feature extractor computes the same features (within 5e-6 of pipecat's own code).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np

from facilitator.errors import FacilitatorError

RATE = 16000
WINDOW = 8 * RATE
MODEL_NAME = "smart-turn-v3.2-cpu.onnx"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "smart-turn" / MODEL_NAME


def model_path() -> Path:
    return Path(os.environ.get("FACILITATOR_TURN_MODEL") or DEFAULT_PATH)


def available() -> bool:
    return model_path().is_file()


@functools.lru_cache(maxsize=2)
def _session(path: str):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # the transcriber has the other core
    options.inter_op_num_threads = 1
    try:
        return ort.InferenceSession(path, sess_options=options,
                                    providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own Fail/InvalidGraph errors
        raise FacilitatorError(f"{path}: the end-of-turn model could not be loaded ({e}); "
                               "run scripts/get_turn_model.py again") from e


@functools.lru_cache(maxsize=1)
def _features():
    from faster_whisper.feature_extractor import FeatureExtractor

    return FeatureExtractor(feature_size=80, sampling_rate=RATE, hop_length=160,
                            chunk_length=8, n_fft=400)


class TurnModel:
    def __init__(self, path: str | Path | None = None):
        path = Path(path) if path else model_path()
        if not path.is_file():
            raise FacilitatorError(f"{path}: end-of-turn model missing; run "
                                   "scripts/get_turn_model.py (make install does)")
        self._session = _session(str(path))

    def probability(self, audio: np.ndarray) -> float:
        """P(the turn is over) from the audio of the turn so far (16 kHz float)."""
        audio = np.asarray(audio, np.float32)[-WINDOW:]
        if len(audio) < WINDOW:
            audio = np.pad(audio, (WINDOW - len(audio), 0))
        audio = (audio - audio.mean()) / np.sqrt(audio.var() + 1e-7)
        features = _features()(audio, padding=0)[None].astype(np.float32)
        out = self._session.run(None, {"input_features": features})[0]
        return float(np.asarray(out).ravel()[0])
