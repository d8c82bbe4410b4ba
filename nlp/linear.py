"""A small multinomial logistic regression over sparse string features, stored as JSON.

Training (:func:`fit`) minimises the L2-regularised log loss with scipy's L-BFGS from a zero
start, so the same data always gives the same weights. Prediction sums the weights of the active
features per class (one numpy row per feature, added in the features' order) and passes the sums
through a softmax.

>>> model = fit([["w:owner"], ["w:owner"], ["w:in"], ["w:in"]], ["OWNS", "OWNS", "NONE", "NONE"])
>>> model.predict(["w:owner"])[0], model.predict(["w:in"])[0]
('OWNS', 'NONE')
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = ["LinearModel", "fit"]


@dataclass
class LinearModel:
    """Class labels, one bias per class and per-feature class weights."""

    labels: list[str]
    bias: list[float]
    weights: dict[str, list[float]]
    _table: tuple[tuple[int, int], dict[str, int], np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _rows(self) -> tuple[dict[str, int], np.ndarray]:
        """Each feature's row in one matrix whose row 0 is the bias (built once per weights)."""
        key = (id(self.weights), len(self.weights))
        if self._table is None or self._table[0] != key:
            index = {f: i for i, f in enumerate(self.weights, 1)}
            matrix = np.array([self.bias, *self.weights.values()], dtype=np.float64)
            self._table = (key, index, matrix.reshape(len(index) + 1, len(self.bias)))
        return self._table[1], self._table[2]

    def scores(self, features: Sequence[str]) -> list[float]:
        """Class probabilities for one instance (unknown features are ignored)."""
        index, matrix = self._rows()
        rows = [0, *filter(None, map(index.get, dict.fromkeys(features)))]
        # a running sum adds the rows one after the other, bias first: the same sums, to the
        # last bit, as adding them in a Python loop
        total = np.add.accumulate(matrix.take(rows, axis=0), axis=0)[-1].tolist() \
            if len(rows) > 1 else self.bias
        top = max(total)
        exp = [math.exp(t - top) for t in total]
        norm = sum(exp)
        return [e / norm for e in exp]

    def predict(self, features: Sequence[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        probs = self.scores(features)
        best = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[best], probs[best]

    def to_dict(self) -> dict:
        """A JSON-ready form, weights rounded to 5 decimals (tiny weights dropped)."""
        weights = {f: [round(w, 5) for w in row] for f, row in sorted(self.weights.items())
                   if max(abs(w) for w in row) >= 1e-4}
        return {"labels": self.labels, "bias": [round(b, 5) for b in self.bias],
                "weights": weights}

    @classmethod
    def from_dict(cls, data: dict) -> "LinearModel":
        """The model of :meth:`to_dict`."""
        return cls(list(data["labels"]), list(data["bias"]), dict(data["weights"]))

    def save(self, path: Path) -> None:
        """Write the model as JSON."""
        Path(path).write_text(json.dumps(self.to_dict(), separators=(",", ":"), sort_keys=True),
                              encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        """Read a model written by :meth:`save`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def fit(instances: Sequence[Sequence[str]], labels: Sequence[str], l2: float = 1.0,
        min_count: int = 1, class_weight: dict[str, float] | None = None) -> LinearModel:
    """Fit a multinomial logistic regression; features seen fewer than ``min_count`` times are
    dropped. ``class_weight`` scales the loss of the instances of a class (default 1)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts: dict[str, int] = {}
    for feats in instances:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    classes = sorted(set(labels))
    rows, cols = [], []
    for r, feats in enumerate(instances):
        for c in sorted({vocab[f] for f in feats if f in vocab}):
            rows.append(r)
            cols.append(c)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(instances), len(vocab)))
    y = np.zeros((len(instances), len(classes)))
    y[np.arange(len(instances)), [classes.index(label) for label in labels]] = 1.0
    sample_w = np.array([(class_weight or {}).get(label, 1.0) for label in labels])
    n_feat, n_cls = len(vocab), len(classes)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:n_feat * n_cls].reshape(n_feat, n_cls)
        b = theta[n_feat * n_cls:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(sample_w * (y * log_p).sum(axis=1)).sum() + 0.5 * l2 * (w * w).sum()
        diff = (np.exp(log_p) - y) * sample_w[:, None]
        grad_w = x.T @ diff + l2 * w
        return value, np.concatenate([np.asarray(grad_w).ravel(), diff.sum(axis=0)])

    result = minimize(loss, np.zeros(n_feat * n_cls + n_cls), jac=True, method="L-BFGS-B",
                      options={"maxiter": 500})
    w = result.x[:n_feat * n_cls].reshape(n_feat, n_cls)
    names = sorted(vocab, key=vocab.__getitem__)
    return LinearModel(classes, result.x[n_feat * n_cls:].tolist(),
                       {f: w[i].tolist() for i, f in enumerate(names)})
