"""The labelled examples the turn readers learn from, and their meaning vectors.

Two sources, both data files in ``facilitator/data/understanding/``:

- the labelled sets (``turn_cases.jsonl``, ``command_cases.jsonl``, ``safety_cases.jsonl``),
  of which only the ``dev`` split is ever learned from: the ``test`` split is held out for
  the bench and never read here;
- ``examples/*.toml``: short lists of how people say each outcome, command and concern,
  kept by hand for wordings the labelled sets lack.

Encoding some 1,500 examples would take several seconds, so their vectors are kept in
``vectors.npz`` (rebuilt by ``python -m facilitator.understanding.examples``); an example
missing from it (an edited example file) is encoded at load time instead, slower but right.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from facilitator.errors import FacilitatorError

DATA = Path(__file__).resolve().parent.parent / "data" / "understanding"
LABELLED = ("turn_cases.jsonl", "command_cases.jsonl", "safety_cases.jsonl")
VECTORS = DATA / "vectors.npz"


@dataclass(frozen=True)
class Example:
    text: str
    step: str | None  # the dialogue step it was said at (None: any step)
    outcome: str | None
    command: str | None
    safety: str | None
    why: str | None
    source: str  # file and id, for reports


def labelled(name: str, split: str | None = None) -> list[dict]:
    """The rows of one labelled file (``split`` "dev" or "test" to keep only those)."""
    path = DATA / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FacilitatorError(f"{path}: cannot read the labelled examples ({exc.strerror}); "
                               "restore the file from the repository") from None
    rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def load_examples() -> list[Example]:
    """Every example the readers learn from: the dev split and the hand-kept lists."""
    out: list[Example] = []
    for name in LABELLED:
        for r in labelled(name, "dev"):
            out.append(Example(r["text"], r.get("step"), r.get("outcome"), r.get("command"),
                               r.get("safety"), r.get("why"), f"{name}:{r['id']}"))
    for path in sorted((DATA / "examples").glob("*.toml")):
        out.extend(_from_toml(path))
    return out


def _from_toml(path: Path) -> list[Example]:
    """A hand-kept list: [[group]] tables with step/outcome/command/safety/why and texts."""
    try:
        with open(path, "rb") as f:
            table = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FacilitatorError(f"{path}: cannot read the examples ({exc}); fix the file") from None
    out = []
    for n, group in enumerate(table.get("group", [])):
        for text in group.get("texts", []):
            out.append(Example(text, group.get("step"), group.get("outcome"),
                               group.get("command"), group.get("safety"), group.get("why"),
                               f"{path.name}:group {n + 1}"))
    return out


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def example_vectors(model, texts: list[str]) -> np.ndarray:
    """Sentence vectors for ``texts``: from vectors.npz where kept, else encoded now."""
    kept: dict[str, np.ndarray] = {}
    if VECTORS.is_file():
        with np.load(VECTORS) as data:
            kept = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    missing = []
    for k, text in enumerate(texts):
        vec = kept.get(text_key(text))
        if vec is None:
            missing.append(k)
        else:
            out[k] = vec
    if missing:
        out[missing] = model.sentences([texts[k] for k in missing])
    return out


def rebuild_vectors(model) -> int:
    """Write vectors.npz for every example text; returns how many."""
    texts = sorted({e.text for e in load_examples()})
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    for lo in range(0, len(texts), 32):
        vectors[lo:lo + 32] = model.sentences(texts[lo:lo + 32])
    keys = np.array([text_key(t) for t in texts])
    # written aside and moved into place, so a reader never sees half a file
    partial = VECTORS.with_suffix(".partial.npz")
    np.savez_compressed(partial, keys=keys, vectors=vectors.astype(np.float16))
    partial.replace(VECTORS)
    return len(texts)


if __name__ == "__main__":
    from facilitator.understanding.model import MeaningModel

    count = rebuild_vectors(MeaningModel())
    print(f"{VECTORS}: {count} example vectors")
