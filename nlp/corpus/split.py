"""The fixed train/eval split of the real corpus: by text name, deterministic, about 70/30.

A text's split depends on its name only, so adding texts never moves an old one.

>>> split_of("cbp_portal_nd_coolers") in ("train", "eval")
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["EVAL_PERCENT", "split_of", "CORPUS", "SPLITS"]

EVAL_PERCENT = 30
CORPUS = Path(__file__).with_name("real")
SPLITS = ("train", "eval")


def split_of(name: str) -> str:
    """``"eval"`` for about 30% of names, ``"train"`` for the rest."""
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()
    return "eval" if int(digest[:8], 16) % 100 < EVAL_PERCENT else "train"
