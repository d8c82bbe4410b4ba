"""Text folding shared by every layer: case and accents set aside, nothing else changed.

>>> fold("Société GÉNÉRALE à Montréal")
'societe generale a montreal'
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]


def fold(text: str) -> str:
    """``text`` in lower case without accents (spaces and punctuation kept)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
