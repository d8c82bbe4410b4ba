"""Is this the name of an organisation? One vocabulary for NER typing, record mappers and
entity resolution.

A name is an organisation's when it carries a legal form (rigour's org types: Ltd, LLC,
S.A. de C.V., Pvt Ltd, Pte Ltd, GmbH...) or an organisation word of ``data/org_words.yaml``
(Logistics, Trading, Société, Entrepôt, Distribuidora...). A person or a place never does.

>>> org_evidence("Pearl Harbour Freight Ltd.")
'Ltd.'
>>> org_evidence("Entrepot du Nord"), org_evidence("Maria Lopez")
('Entrepot', None)
>>> is_org_name("Comercializadora del Golfo"), is_org_name("Juan Perez"), is_org_name("Li Sa")
(True, False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from fakefree.text import fold
from rigour.names import extract_org_types, remove_org_types
from rigour.text import ascii_text
from rigour.text.translit import maybe_ascii

__all__ = ["org_words", "org_evidence", "is_org_name", "legal_form_only", "legal_form",
           "legal_forms_agree", "same_org_word", "org_types", "strip_org_types",
           "distinctive_forms"]


@lru_cache(maxsize=1)
def _extra_table() -> dict[str, str]:
    return yaml.safe_load(resources.files("fakefree").joinpath("data/legal_forms.yaml")
                          .read_text("utf-8")) or {}


@lru_cache(maxsize=1)
def _extra_forms() -> re.Pattern[str] | None:
    table = _extra_table()
    if not table:
        return None
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"(?i)(?<!\w)(" + "|".join(r"\s+".join(map(re.escape, w.split()))
                                                for w in words) + r")\W*$")


def _extra_form(ascii_name: str) -> tuple[str, str] | None:
    """A written-out legal form of ``data/legal_forms.yaml`` ending ``ascii_name``."""
    pattern = _extra_forms()
    hit = pattern.search(ascii_name) if pattern else None
    if hit is None:
        return None
    return hit.group(1), _extra_table()[" ".join(hit.group(1).lower().split())]


_NOT_LATIN = re.compile("[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u20cf\u2c60-\u2c7f"
                        "\ua720-\ua7ff]")
"""A character outside the Latin script and the marks, punctuation and symbols of no script."""


@lru_cache(maxsize=65536)
def _word_ascii(word: str) -> str:
    return maybe_ascii(word)


def _ascii(name: str) -> str:
    """``rigour.text.ascii_text(name)``, read word by word (cached) when ``name`` is in the
    Latin script: rigour transliterates Latin text one character at a time, and a call costs
    about 0.2 ms, which a text's many overlapping candidate names add up to.

    >>> _ascii("Lodos Dış Ticaret Ltd. Şti.") == ascii_text("Lodos Dış Ticaret Ltd. Şti.")
    True
    """
    if name.isascii():
        return name
    if not _NOT_LATIN.search(name):
        out = " ".join(_word_ascii(word) for word in name.split(" "))
        if out.isascii():
            return out
    return ascii_text(name)


@lru_cache(maxsize=65536)
def org_types(name: str) -> list[tuple[str, str]]:
    """rigour's legal forms of ``name`` (text, compared form), also when they are written with
    their own letters: rigour knows "Ltd. Sti." and "A.S." but not "Ltd. Şti." or "A.Ş.", so a
    name that is not ASCII is read in ASCII too (the forms are then returned in ASCII).

    >>> org_types("Lodos Dış Ticaret Ltd. Şti."), org_types("Kaya Kozmetik A.Ş.")
    ([('Ltd. Sti.', 'ltd')], [('A.S.', 'as')])

    A legal form written out in full that rigour reads as two (``data/legal_forms.yaml``) is one:

    >>> org_types("KAYA KOZMETİK ANONİM ŞİRKETİ"), legal_form("Kaya Limited Şirketi")
    ([('ANONIM SIRKETI', 'as')], 'ltd')
    """
    forms = extract_org_types(name)
    ascii_name = _ascii(name)
    if not name.isascii():
        ascii_forms = extract_org_types(ascii_name)
        if len("".join(f for f, _ in ascii_forms)) > len("".join(f for f, _ in forms)):
            forms = ascii_forms
    extra = _extra_form(ascii_name)
    if extra is not None:  # "Anonim Sirketi" is one form, not an "Anonim" and a "Sirketi"
        words = set(fold(extra[0]).split())
        forms = [f for f in forms if not set(fold(f[0]).split()) <= words] + [extra]
    return forms


@lru_cache(maxsize=65536)
def strip_org_types(name: str) -> str:
    """``name`` without its legal forms, read in ASCII when its forms are (:func:`org_types`).

    >>> strip_org_types("Lodos Dış Ticaret Ltd. Şti.").strip()
    'Lodos Dis Ticaret'
    """
    ascii_name = _ascii(name)
    extra = _extra_form(ascii_name)
    if extra is not None:
        return remove_org_types(ascii_name[:ascii_name.lower().rindex(extra[0].lower())])
    if name.isascii() or org_types(name) == extract_org_types(name):
        return remove_org_types(name)
    return remove_org_types(ascii_name)


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return yaml.safe_load(resources.files("fakefree").joinpath("data/org_words.yaml")
                          .read_text("utf-8"))


@lru_cache(maxsize=1)
def org_words() -> tuple[str, ...]:
    """Every organisation word of every language, folded (a trailing ``*`` marks a stem)."""
    return tuple(sorted({fold(str(w)) for lang, words in _vocabulary().items() if lang != "same"
                         for w in words}))


@lru_cache(maxsize=1)
def _same() -> dict[str, str]:
    return {fold(str(w)): fold(str(group[0])) for group in _vocabulary().get("same", [])
            for w in group}


def same_org_word(word: str) -> str:
    """The word compared for an organisation word of any language (folded), else ``word``.

    >>> same_org_word("entrepot"), same_org_word("servicios"), same_org_word("rive")
    ('warehouse', 'services', 'rive')
    """
    return _same().get(word, word)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    parts = []
    for word in sorted(org_words(), key=len, reverse=True):
        stem = word.endswith("*")
        body = r"\s+".join(re.escape(w) for w in word.rstrip("*").split())
        parts.append(body + (r"\w*" if stem else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _distinctive(form: str, name: str) -> bool:
    """A short legal form ("SA", "AG", "AB") is also a syllable of people's names ("Li Sa"): it
    counts when dotted, or in capitals within a name that is not all capitals, or at the end of
    a name of three words or more."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) > 2 or "." in form:
        return True
    if not form.isupper():
        return False
    return not name.isupper() or len(name.split()) >= 3


def distinctive_forms(name: str) -> list[str]:
    """The legal forms of ``name`` that a person's name would not carry ("Ltd", "S.A.", not the
    "Sa" of "Li Sa").

    >>> distinctive_forms("Li Sa"), distinctive_forms("Acme Trading S.A.")
    ([], ['S.A.'])
    """
    return [form for form, _ in org_types(name) if _distinctive(form, name)]


@lru_cache(maxsize=65536)
def org_evidence(name: str) -> str | None:
    """The legal form or organisation word that makes ``name`` an organisation's, else ``None``."""
    forms = [form for form, _ in org_types(name) if _distinctive(form, name)]
    if forms:
        return forms[0]
    hit = _pattern().search(fold(name))
    if hit is None:
        return None
    return name[hit.start():hit.end()] if len(fold(name)) == len(name) else hit.group(0)


def is_org_name(name: str) -> bool:
    """True when ``name`` carries a legal form or an organisation word."""
    return org_evidence(name) is not None


def legal_form_only(text: str) -> bool:
    """True when ``text`` is nothing but legal forms ("Inc.", "S.A. de C.V.", "Co., Ltd.").

    >>> legal_form_only("S.A. de C.V."), legal_form_only("Jinhai Ltd")
    (True, False)
    """
    return bool(org_types(text)) and not strip_org_types(text).strip(" ,.&")


@lru_cache(maxsize=65536)
def legal_form(name: str) -> str | None:
    """The compared spelling of the legal form that ends ``name``, else ``None``.

    >>> legal_form("Golden Trading L.L.C."), legal_form("ACME CO LTD"), legal_form("Acme")
    ('llc', 'coltd', None)
    """
    forms = org_types(name)
    return forms[-1][1].replace(" ", "") if forms else None


def legal_forms_agree(a: str, b: str) -> bool:
    """Whether two legal forms (:func:`legal_form`) can name one company: equal, or one a part
    of the other ("Co., Ltd." and "Ltd", "S.A. de C.V." and "S.A."); an Inc. is not an LLC.

    >>> legal_forms_agree("coltd", "ltd"), legal_forms_agree("inc", "llc")
    (True, False)
    """
    return a in b or b in a
