"""Numbers read from the text properties of the graph (amounts, declared values)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_amount"]


def parse_amount(value: Any) -> float | None:
    """A number from ``9500``, ``"9,500.00"`` or ``"USD 9 500"``; ``None`` if there is none.

    >>> parse_amount("USD 9,500.50"), parse_amount(None)
    (9500.5, None)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str):
        return None
    digits = re.sub(r"[^\d.]", "", value.replace(",", ""))
    try:
        return float(digits) if digits else None
    except ValueError:
        return None
