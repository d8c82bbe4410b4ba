"""The multilingual tokenizer: spaCy's ``xx`` rules plus French/Spanish/Italian elisions.

>>> nlp = blank_pipeline()
>>> [t.text for t in nlp("l'entreprise d'Adidas")]
['l', "'", 'entreprise', 'd', "'", 'Adidas']
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

__all__ = ["blank_pipeline", "add_name_abbreviations", "name_abbreviations"]

_ELISION = r"(?<=\b[dDlLjJnNsScCmMtT])['’](?=[A-Za-zÀ-ÿ])|(?<=\b[qQ]u)['’](?=[A-Za-zÀ-ÿ])"


def blank_pipeline() -> Language:
    """A blank multilingual pipeline whose tokenizer splits elided articles ("d'Adidas")."""
    nlp = spacy.blank("xx")
    infixes = [*nlp.Defaults.infixes, _ELISION]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    add_name_abbreviations(nlp)
    return nlp


def name_abbreviations() -> list[str]:
    """Abbreviations that open or sit inside a name ("St. Louis", "Mt. Vernon", "Dr. Ruiz",
    "Sra. Gómez"): the one-word capitalised abbreviations of spaCy's English, French and Spanish
    tokenizer exceptions, without those that often end a sentence (month names, US state
    abbreviations, legal forms, "No.").

    >>> "St." in name_abbreviations(), "Va." in name_abbreviations()
    (True, False)
    """
    import re

    from spacy.lang.en import English
    from spacy.lang.es import Spanish
    from spacy.lang.fr import French

    from nlp.dates import _MONTHS

    # US state abbreviations of the English exceptions: they end a sentence ("Norfolk, Va.")
    states = {"Ak.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.",
              "Ia.", "Id.", "Ill.", "Ind.", "Kan.", "Kans.", "Ky.", "La.", "Mass.", "Md.", "Mich.",
              "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nebr.", "Nev.", "Okla.", "Ore.", "Pa.",
              "Tenn.", "Va.", "Wash.", "Wis."}
    out = []
    for lang in (English, French, Spanish):
        for key, pieces in lang.Defaults.tokenizer_exceptions.items():
            if len(pieces) != 1 or not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{0,4}\.", key):
                continue
            bare = key[:-1].lower()
            if key in states or any(m.startswith(bare) for m in _MONTHS) or \
                    bare in ("co", "corp", "inc", "ltd", "bros", "no", "vol", "cía", "ud", "vd",
                             "uds", "vds"):
                continue
            out.append(key)
    return sorted(set(out))


def add_name_abbreviations(nlp: Language) -> None:
    """Keep each of :func:`name_abbreviations` one token, so the sentencizer does not end a
    sentence inside a name ("St. Louis" cut to "St")."""
    from spacy.symbols import ORTH

    tokenizer = nlp.tokenizer
    for abbr in name_abbreviations():
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])  # type: ignore[union-attr]
