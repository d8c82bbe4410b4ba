"""Span clean-up by the shape of a person's name, for a model trained on real prose.

A model that has read real releases (more organisations than people, many titles) types some
people as organisations or places and glues words to names. Each function fixes one class on the
mentions of one doc (offsets into its text), from the shape of the span and general word
knowledge (given names, word frequencies, places, organisation words), never from a list of
failing strings:

* :func:`strip_function_words` - a sentence's first function word glued to a name ("When CBP",
  "With OLAF", "A Maryland");
* :func:`strip_common_before_known` - words of running text glued before a known brand
  ("Counterfeit Nike");
* :func:`take_name_before_legal_form` - a legal form alone ("CV") takes the name before it;
* :func:`cut_words_before_name` - words before a given name in a person span ("Area Port
  Director Eugene Matho", "Field Operations Hector Mancha");
* :func:`person_by_shape` - an "organisation" or "place" shaped like a person's name: a given name
  then capitalised rare words ("Jean-Marc Dupuis"), a title then such words ("Deputy District
  Attorney Lorna Vasik"), or any name followed by an age ("Saiyin Hou, 25,", "J.M.E.C, de 35
  años");
* :func:`split_surnames` - surnames of people named in full joined by a conjunction or comma
  ("Ahmed and Hareem", "Matei, Maculevics"), or alone and typed as a place;
* :func:`drop_common_persons` - a one-word "person" that is a common word and no given name or
  surname of the text ("Newsroom", "Principal");
* :func:`drop_final_stops` - a name written with and without a final full stop keeps one
  spelling ("Halden Export Ltd." and "Halden Export Ltd");
* :func:`take_legal_tail` - a name followed by a legal form is an organisation with it ("Harlow
  Outlet" + " LLC").

>>> from nlp.model import RawMention
>>> text = "With OLAF, agents seized cigarettes."
>>> [(m.type, m.text) for m in strip_function_words([RawMention(0, 9, text[:9], "PERSON")], text)]
[('ORG', 'OLAF')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from fakefree.orgnames import is_org_name
from nlp.model import RawMention
from nlp.names import is_given_name
from nlp.org_types import _LEGAL_TAIL, known_orgs, org_subtype
from nlp.span_cleanup import _ACRONYM, _opens_sentence, _with, is_common_word, max_zipf, title_words
from nlp.places import known_place

__all__ = ["strip_function_words", "strip_common_before_known", "take_name_before_legal_form",
           "cut_words_before_name", "person_by_shape", "split_surnames", "drop_common_persons",
           "take_legal_tail", "drop_final_stops", "clean_name_shapes"]

_NAME_TYPES = ("PERSON", "ORG", "LOCATION")
_FUNCTION_ZIPF = 5.0  # a stop word this frequent is a function word, not a rare name ("Hou")
_NAME_ARTICLES = frozenset({"el", "la", "los", "las", "le", "les", "the", "de", "del", "du",
                            "des", "da", "di", "do", "dos", "das", "van", "von", "san", "santa"})
_AGE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:(?:âgée?|agée?)\s+de\s+|de\s+)?\d{1,2}(?:\s+(?:ans|años|years?\s+old))?"
    r"\s*[,;)]|\(\s*\d{1,2}\s*\))")
_CONJ_SPLIT = re.compile(r"\s*,\s*(?:(?:and|et|y|e)\s+)?|\s+(?:and|et|y|e|&)\s+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(EN | FR | ES) - _NAME_ARTICLES


@lru_cache(maxsize=4096)
def is_function_word(word: str) -> bool:
    """A very frequent stop word of English, French or Spanish that is no given name.

    >>> is_function_word("When"), is_function_word("Hou"), is_function_word("Los")
    (True, False, False)
    """
    low = word.lower()
    if low not in _stop_words() or is_given_name(word):
        return False
    return max_zipf(low) >= _FUNCTION_ZIPF


def _known(surface: str) -> bool:

    return known_place(surface) or surface in known_orgs()


def _org_like(surface: str) -> bool:
    from nlp.cleanup import has_org_head  # cleanup imports this module

    return has_org_head(surface) or is_org_name(surface)


def strip_function_words(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Take a sentence's first function word off a name; a "person" left as an acronym is an ORG.
    A capitalised function word inside a sentence is part of the name ("to Han Tong
    Technology", "han" being Spanish for "have")."""
    out = []
    for m in mentions:
        tokens = list(re.finditer(r"\S+", m.text)) if m.type in _NAME_TYPES else []
        if m.source != "ner" or len(tokens) < 2 or not is_function_word(tokens[0].group()) or \
                not tokens[1].group()[:1].isupper() or _known(m.text) or \
                not _opens_sentence(text, m.start):
            out.append(m)
            continue
        cut = _with(m, text, m.start + tokens[1].start(), m.end)
        if cut.type == "PERSON" and _ACRONYM.match(cut.text):
            cut.type, cut.subtype = "ORG", org_subtype(cut.text, "", "")
        out.append(cut)
    return out


def _is_title(word: str) -> bool:
    low = word.lower()
    return low in title_words() or low.rstrip(".") in title_words()


def _rare(word: str) -> bool:
    return not is_common_word(word) or is_given_name(word)


def cut_words_before_name(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A person span whose given name comes after a title word, or after common or place words
    only, keeps the name: "Rochester Port Director Ronald Menz" -> "Ronald Menz" (the name is
    two or three words)."""

    out = []
    for m in mentions:
        tokens = list(re.finditer(r"\S+", m.text)) if m.type == "PERSON" else []
        cut = 0
        for i in range(1, len(tokens) - 1):
            if is_given_name(tokens[i].group()) and 2 <= len(tokens) - i <= 3 and (
                    _is_title(tokens[i - 1].group()) or all(
                        is_common_word(t.group()) or known_place(t.group()) or
                        _ACRONYM.match(t.group()) for t in tokens[:i])) and \
                    not is_given_name(tokens[i - 1].group()):
                cut = i
                break
        out.append(_with(m, text, m.start + tokens[cut].start(), m.end) if cut else m)
    return out


def _person_shaped(words: list[str]) -> bool:
    """Two or three capitalised words, a given name first (or initials), the rest rare words."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    return is_given_name(words[0]) and all(_rare(w) for w in words[1:] if not re.fullmatch(
        r"[A-Z]\.", w))


def person_by_shape(mentions: list[RawMention], text: str) -> list[RawMention]:
    """An ORG or LOCATION from the model that is shaped like a person's name becomes a PERSON
    (title words before it dropped); so does any name followed by an age."""
    out = []
    for m in mentions:
        if m.source != "ner" or m.type not in ("ORG", "LOCATION") or _known(m.text) or \
                _org_like(m.text):
            out.append(m)
            continue
        tokens = list(re.finditer(r"\S+", m.text))
        cut = 0
        while cut < len(tokens) - 2 and (_is_title(tokens[cut].group()) or
                                         _ACRONYM.match(tokens[cut].group())):
            cut += 1
        rest = [t.group() for t in tokens[cut:]]
        titled = cut > 0 and 2 <= len(rest) <= 3 and all(
            w[:1].isupper() and _rare(w) and not _is_title(w) for w in rest)
        if titled or _person_shaped(rest) or _AGE_AFTER.match(text[m.end:m.end + 24]):
            m = _with(m, text, m.start + tokens[cut].start(), m.end, "PERSON")
        out.append(m)
    return out


def split_surnames(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Surnames of people the text names in full, joined by "and" or commas, are one person each;
    so is such a surname alone that the model typed as a place or organisation ("Salih")."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and " " in m.text}
    out = []
    for m in mentions:
        if m.source == "rule" or m.type not in _NAME_TYPES or not surnames:
            out.append(m)
            continue
        parts, pos = [], 0
        for sep in _CONJ_SPLIT.finditer(m.text):
            parts.append((pos, sep.start()))
            pos = sep.end()
        parts.append((pos, len(m.text)))
        if not all(m.text[a:b] in surnames for a, b in parts) or (
                len(parts) == 1 and (m.type == "PERSON" or _known(m.text))):
            out.append(m)
            continue
        out.extend(_with(m, text, m.start + a, m.start + b, "PERSON") for a, b in parts)
    return out


def drop_common_persons(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop a one-word person from the model that is a word of running text (Zipf >= 3), no
    given name, and not the surname of a person the text names in full."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and " " in m.text}
    return [m for m in mentions if not (
        m.source == "ner" and m.type == "PERSON" and " " not in m.text.strip() and
        m.text not in surnames and not _ACRONYM.match(m.text) and _plain_word(m.text) and
        not _known(m.text))]


def take_legal_tail(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name the model ended just before a legal form ("Harlow Outlet" + " LLC") is an
    organisation and the legal form is part of it."""
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        tail = _LEGAL_TAIL.match(text, m.end) if m.source == "ner" and m.type in _NAME_TYPES \
            else None
        if tail and tail.end() > m.end and not any(m.end <= s < tail.end() for s in starts):
            m = _with(m, text, m.start, tail.end(), "ORG")
            m.subtype = "COMPANY"
        out.append(m)
    return out


_NAME_BEFORE = re.compile(r"(?:[A-ZÀ-Ý][\w'’&.-]*(?:\s+(?:de|del|&)?\s*)?)+$")


def take_name_before_legal_form(mentions: list[RawMention], text: str) -> list[RawMention]:
    """An organisation that is only a legal form ("CV", "Ltd.") takes the capitalised words
    just before it ("Cambios Norte SA de" + "CV"), when no other mention holds them."""
    from fakefree.orgnames import legal_form_only

    ends = sorted(m.end for m in mentions)
    out = []
    for m in mentions:
        if m.source == "ner" and m.type == "ORG" and legal_form_only(m.text):
            head = _NAME_BEFORE.search(text, max(0, m.start - 80), m.start)
            last_end = max([e for e in ends if e <= m.start], default=0)
            if head and head.start() >= last_end and \
                    not legal_form_only(text[head.start():m.end]):
                m = _with(m, text, head.start(), m.end, "ORG")
                m.subtype = "COMPANY"
        out.append(m)
    return out


_LEAD_ZIPF = 3.0  # "Counterfeit", "Fake": words of running text, not rare name words


@lru_cache(maxsize=4096)
def _plain_word(word: str) -> bool:
    return not is_given_name(word) and max_zipf(word.lower()) >= _LEAD_ZIPF


def strip_common_before_known(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Words of running text glued before a known brand or organisation ("Counterfeit Nike")
    are cut; the rest is that organisation."""
    orgs = known_orgs()
    out = []
    for m in mentions:
        tokens = list(re.finditer(r"\S+", m.text)) if m.source == "ner" and \
            m.type in _NAME_TYPES and not _known(m.text) else []
        for i in range(1, len(tokens)):
            rest = m.text[tokens[i].start():]
            if rest in orgs and all(_plain_word(t.group()) for t in tokens[:i]):
                m = _with(m, text, m.start + tokens[i].start(), m.end, "ORG")
                break
        out.append(m)
    return out


def drop_final_stops(mentions: list[RawMention], text: str) -> list[RawMention]:
    """A name ending with a full stop ("Halden Export Ltd.") loses it when the text also writes
    the name without it: one organisation, one spelling."""
    bare = {m.text for m in mentions if m.type in _NAME_TYPES}
    out = []
    for m in mentions:
        if m.source == "ner" and m.type in _NAME_TYPES and m.text.endswith(".") and \
                m.text[:-1] in bare:
            m = _with(m, text, m.start, m.end - 1)
        out.append(m)
    return out


def clean_name_shapes(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Every class above, in order."""
    mentions = strip_function_words(mentions, text)
    mentions = strip_common_before_known(mentions, text)
    mentions = take_name_before_legal_form(mentions, text)
    mentions = take_legal_tail(mentions, text)
    mentions = cut_words_before_name(mentions, text)
    mentions = person_by_shape(mentions, text)
    mentions = split_surnames(mentions, text)
    mentions = drop_final_stops(mentions, text)
    return drop_common_persons(mentions, text)
