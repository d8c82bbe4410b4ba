"""The multilingual tokenizer: spaCy's ``xx`` rules plus French/Spanish/Italian elisions.

>>> nlp = blank_pipeline()
>>> [t.text for t in nlp("l'entreprise d'Adidas")]
['l', "'", 'entreprise', 'd', "'", 'Adidas']
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

__all__ = ["blank_pipeline"]

_ELISION = r"(?<=\b[dDlLjJnNsScCmMtT])['’](?=[A-Za-zÀ-ÿ])|(?<=\b[qQ]u)['’](?=[A-Za-zÀ-ÿ])"


def blank_pipeline() -> Language:
    """A blank multilingual pipeline whose tokenizer splits elided articles ("d'Adidas")."""
    nlp = spacy.blank("xx")
    infixes = [*nlp.Defaults.infixes, _ELISION]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
