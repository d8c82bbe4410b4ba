"""Language of a text among English, French and Spanish (lingua, only these three loaded).

>>> detect_language("Les douaniers ont saisi des contrefaçons au port de Marseille.")
'fr'
>>> detect_language("")
'en'
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["detect_language"]

_CODES = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.SPANISH: "es"}


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CODES).build()


def detect_language(text: str, default: str = "en") -> str:
    """``en``, ``fr`` or ``es`` for ``text`` (its first 3,000 characters); ``default`` if unsure."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < 3:
        return default
    found = _detector().detect_language_of(sample)
    return _CODES.get(found, default) if found is not None else default
