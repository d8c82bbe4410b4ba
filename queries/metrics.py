"""Evaluation measures for rankings against ground truth.

>>> roc_auc([0.9, 0.8, 0.3, 0.1], [True, False, True, False])
0.75
>>> top_k_hit(["a", "b", "c"], {"c"}, 3)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fakefree.errors import InputError

__all__ = ["roc_auc", "top_k_hit"]


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney U, ties count one half).

    Raises :class:`fakefree.errors.InputError` unless both classes are present.
    Complexity: O(n log n).
    """
    pairs = sorted(zip(scores, labels), key=lambda p: p[0])
    positives = sum(1 for _, y in pairs if y)
    negatives = len(pairs) - positives
    if not positives or not negatives:
        raise InputError("ROC AUC needs both positive and negative examples.")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid_rank = (i + 1 + j) / 2
        rank_sum += mid_rank * sum(1 for _, y in pairs[i:j] if y)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def top_k_hit(ranked: Sequence[str], wanted: Iterable[str], k: int) -> bool:
    """Whether any of ``wanted`` is among the first ``k`` of ``ranked``."""
    return bool(set(ranked[:k]) & set(wanted))
