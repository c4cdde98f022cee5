"""The ridge reader the understanding layer learns its readings with, and its weights."""

from __future__ import annotations

import numpy as np
import pytest

from facilitator.understanding.classify import Ridge, balanced_weights


def closed_form(X, y, alpha, w=None):
    """Weighted ridge on +1/-1 targets with an unshrunk bias, solved in one piece."""
    labels = sorted(set(y))
    Y = np.array([[1.0 if label == t else -1.0 for t in labels] for label in y])
    Xb = np.hstack([X, np.ones((len(X), 1))])
    W = np.diag(np.ones(len(y)) if w is None else w)
    penalty = alpha * np.eye(Xb.shape[1])
    penalty[-1, -1] = 0.0
    return np.linalg.solve(Xb.T @ W @ Xb + penalty, Xb.T @ W @ Y)


def two_clusters(n_a: int, n_b: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(+1.0, 0.3, (n_a, 3)), rng.normal(-1.0, 0.3, (n_b, 3))])
    return X.astype(np.float32), ["yes"] * n_a + ["no"] * n_b


def test_the_reader_names_the_side_an_example_is_on_and_by_how_much():
    X, y = two_clusters(20, 20)
    reader = Ridge.fit(X, y)
    assert reader.labels == ["no", "yes"]
    label, margin = reader.predict(np.array([1.0, 1.0, 1.0]))
    assert label == "yes" and margin > 1.0
    label, margin = reader.predict(np.array([[-1.0, -1.0, -1.0]]))
    assert label == "no" and margin > 1.0
    # the margin is the best score less the next best
    s = reader.scores(np.array([0.2, 0.1, 0.3]))[0]
    assert reader.predict(np.array([0.2, 0.1, 0.3]))[1] == pytest.approx(abs(s[0] - s[1]))


def test_three_labels_the_margin_is_over_the_second_best():
    rng = np.random.default_rng(1)
    centres = {"a": (3, 0), "b": (0, 3), "c": (-3, -3)}
    X = np.vstack([rng.normal(c, 0.2, (10, 2)) for c in centres.values()])
    y = [label for label in centres for _ in range(10)]
    reader = Ridge.fit(X, y, alpha=0.1)
    assert reader.labels == ["a", "b", "c"]
    s = reader.scores(np.array([3.0, 0.0]))[0]
    label, margin = reader.predict(np.array([3.0, 0.0]))
    top, second = sorted(s, reverse=True)[:2]
    assert label == "a" and margin == pytest.approx(top - second)
    assert reader.predict(np.array([0.0, 3.0]))[0] == "b"
    assert reader.predict(np.array([-3.0, -3.0]))[0] == "c"


def test_a_reader_of_one_label_gives_its_score_as_the_margin():
    X = np.array([[0.0], [1.0]])
    reader = Ridge.fit(X, ["only", "only"])
    label, margin = reader.predict(np.array([0.5]))
    assert label == "only" and margin == pytest.approx(1.0)


@pytest.mark.parametrize("alpha", [0.01, 1.0, 25.0])
def test_the_fit_is_ridge_regression_in_closed_form(alpha):
    X, y = two_clusters(7, 5, seed=2)
    w = balanced_weights(y)
    reader = Ridge.fit(X, y, alpha=alpha, sample_weight=w)
    assert np.allclose(reader.weights, closed_form(X.astype(np.float64), y, alpha, w))
    unweighted = Ridge.fit(X, y, alpha=alpha)
    assert np.allclose(unweighted.weights, closed_form(X.astype(np.float64), y, alpha))


def test_the_default_pull_is_one():
    X, y = two_clusters(6, 4, seed=3)
    assert np.allclose(Ridge.fit(X, y).weights, closed_form(X.astype(np.float64), y, 1.0))


def test_many_examples_are_summed_block_by_block_to_the_same_fit():
    X, y = two_clusters(1300, 900, seed=4)
    w = balanced_weights(y)
    reader = Ridge.fit(X, y, alpha=2.0, sample_weight=w)
    assert np.allclose(reader.weights, closed_form(X.astype(np.float64), y, 2.0, w))


def test_the_bias_is_not_pulled_towards_zero():
    # with a pull so strong that the features say nothing, the reader still leans to the
    # label most examples have: the bias is the (weighted) mean target
    X, y = two_clusters(3, 1, seed=5)
    reader = Ridge.fit(X, y, alpha=1e9)
    assert np.allclose(reader.weights[:-1], 0.0, atol=1e-6)
    assert reader.weights[-1] == pytest.approx([-0.5, 0.5], abs=1e-6)  # no: -0.5, yes: +0.5
    assert reader.predict(np.zeros(3))[0] == "yes"


def test_balanced_weights_make_each_label_count_the_same_in_total():
    y = ["a", "a", "a", "b"]
    w = balanced_weights(y)
    assert w == pytest.approx([4 / 6, 4 / 6, 4 / 6, 2.0])
    assert sum(w[:3]) == pytest.approx(w[3])
    assert balanced_weights(["x", "y"]) == pytest.approx([1.0, 1.0])

