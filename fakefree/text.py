"""Text folding shared by every layer: case and accents set aside, nothing else changed.

>>> fold("Société GÉNÉRALE à Montréal")
'societe generale a montreal'

Letters that Unicode does not decompose into a base letter and a mark (Turkish dotless ``ı``,
Nordic ``ø``, Polish ``ł``, Croatian ``đ``...) are folded to their base letter too, so a name
typed on a keyboard without them still matches:

>>> fold("Yıldırım Øster Łódź Đorđe") == fold("YILDIRIM Oster Lodz Dorde")
True
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]

# Lower-case letters with a stroke, bar or missing dot: NFKD leaves them whole.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h",
                               "ŧ": "t", "ƚ": "l", "ɨ": "i", "ʉ": "u", "ƀ": "b", "ȼ": "c",
                               "ɇ": "e", "ɉ": "j", "ɍ": "r", "ɏ": "y", "ƶ": "z"})


def fold(text: str) -> str:
    """``text`` in lower case without accents (spaces and punctuation kept)."""
    if text.isascii():  # nothing to decompose or translate
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_UNDECOMPOSED)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
