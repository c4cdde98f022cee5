"""The labelled examples the understanding layer learns from, as kept on disk."""

from __future__ import annotations

import numpy as np

from facilitator.understanding.examples import VECTORS, load_examples, text_key


def test_every_labelled_example_has_its_vector_kept_on_disk():
    # A stale vectors.npz is not wrong, only slow: every process that loads the
    # understanding layer would encode the missing examples again (seconds each).
    with np.load(VECTORS) as data:
        kept = set(data["keys"].tolist())
    missing = sorted({e.text for e in load_examples() if text_key(e.text) not in kept})
    assert not missing, (f"{len(missing)} examples have no kept vector: run "
                         "python -m facilitator.understanding.examples")
