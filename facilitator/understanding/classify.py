"""A small linear classifier learned from labelled examples: ridge regression on one-hot
targets, solved in closed form with numpy.

It is the right size for the task: a few hundred examples a reader, a 384-number meaning
vector plus a few dozen precise cues as input, and an answer in microseconds. Fitting takes
a few milliseconds, so the readers are fitted when the layer loads, from the data files,
and nothing learned is stored apart from the examples themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_BLOCK = 1024


@dataclass
class Ridge:
    """One-vs-rest ridge classifier. ``scores`` are in the units of the +1/-1 targets."""

    labels: list[str]
    weights: np.ndarray  # (features + 1, labels)

    @classmethod
    def fit(cls, X: np.ndarray, y: list[str], *, alpha: float = 1.0,
            sample_weight: np.ndarray | None = None) -> Ridge:
        labels = sorted(set(y))
        Y = -np.ones((len(y), len(labels)), dtype=np.float64)
        for i, label in enumerate(y):
            Y[i, labels.index(label)] = 1.0
        w = np.ones(len(y)) if sample_weight is None else sample_weight.astype(np.float64)
        d = X.shape[1] + 1
        A = np.zeros((d, d))
        B = np.zeros((d, len(labels)))
        # Summed over blocks of rows: the commands reader learns from every example (some
        # 7,000), whose widened copies at once held about 70 MB for a moment.
        for lo in range(0, len(y), _BLOCK):
            Xb = np.hstack([X[lo:lo + _BLOCK].astype(np.float64),
                            np.ones((len(X[lo:lo + _BLOCK]), 1))])
            wb = w[lo:lo + _BLOCK, None]
            A += Xb.T @ (Xb * wb)
            B += Xb.T @ (Y[lo:lo + _BLOCK] * wb)
        penalty = alpha * np.eye(d)
        penalty[-1, -1] = 0.0  # the bias is not shrunk
        return cls(labels, np.linalg.solve(A + penalty, B))

    def scores(self, X: np.ndarray) -> np.ndarray:
        X = np.atleast_2d(X).astype(np.float64)
        return np.hstack([X, np.ones((X.shape[0], 1))]) @ self.weights

    def predict(self, x: np.ndarray) -> tuple[str, float]:
        """The best label and its margin over the next best."""
        s = self.scores(x)[0]
        order = np.argsort(s)[::-1]
        margin = float(s[order[0]] - s[order[1]]) if len(order) > 1 else float(s[order[0]])
        return self.labels[int(order[0])], margin


def balanced_weights(y: list[str]) -> np.ndarray:
    """Per-example weights so that each label counts as much in total."""
    counts = {label: y.count(label) for label in set(y)}
    return np.array([len(y) / (len(counts) * counts[label]) for label in y])
