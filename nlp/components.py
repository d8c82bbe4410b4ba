"""spaCy components of the fakefree pipeline.

``fakefree_identifiers`` finds validated identifiers, money and dates by rule;
``fakefree_mentions`` merges them with ``doc.ents`` into typed mentions (with sub-types);
``fakefree_relations`` (in :mod:`nlp.relations`) adds roles and relations from lexical cues.
Results live in ``doc._.ff_mentions`` and ``doc._.ff_relations`` as plain records.
"""

from __future__ import annotations

import re

from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from nlp.addresses import find_address_mentions
from nlp.cleanup import clean_mentions
from fakefree.orgnames import is_org_name
from nlp.dates import find_dates
from nlp.model import RawMention, RawRelation
from nlp.identifiers import find_identifiers, is_identifier_shaped
from nlp.money import find_money
from nlp.names import is_given_name
from nlp.org_types import (
    _AGENCY,
    _COMPANY,
    _COURT,
    _LEGAL_TAIL,
    known_orgs,
    org_subtype,
)
from nlp.non_names import org_heads
from nlp.places import country_names, known_place, location_subtype

__all__ = ["RawMention", "RawRelation", "DEFAULT_LABEL_MAP", "org_subtype", "Sentence",
           "doc_text", "doc_sentences", "split_at_line_ends", "TEXT_KEY"]

DEFAULT_LABEL_MAP = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION", "GPE": "LOCATION",
    "FAC": "LOCATION", "LOCATION": "LOCATION", "MONEY": "MONEY", "NORP": None, "MISC": None,
}
Doc.set_extension("ff_rules", default=None, force=True)
Doc.set_extension("ff_mentions", default=None, force=True)
Doc.set_extension("ff_relations", default=None, force=True)
TEXT_KEY, _SENTS_KEY = "ff_text", "ff_sentences"


class Sentence(NamedTuple):
    """Character offsets of one sentence."""

    start_char: int
    end_char: int


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy joins every token's text at each call).

    >>> from spacy.lang.en import English
    >>> doc_text(English()("Kevin Xu paid."))
    'Kevin Xu paid.'
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` (the whole doc if it has none), read once per doc.

    >>> from spacy.lang.en import English
    >>> pipe = English()
    >>> _ = pipe.add_pipe("sentencizer")
    >>> doc_sentences(pipe("Kevin Xu paid. He left."))
    [Sentence(start_char=0, end_char=14), Sentence(start_char=15, end_char=23)]
    """
    sents = doc.user_data.get(_SENTS_KEY)
    if sents is None:
        sents = [Sentence(s.start_char, s.end_char) for s in doc.sents] \
            if doc.has_annotation("SENT_START") else [Sentence(0, len(doc_text(doc)))]
        sents = split_at_line_ends(sents, doc_text(doc))
        doc.user_data[_SENTS_KEY] = sents
    return sents


# a line ending in one of these continues on the next line: a title before its name, an initial
_CONTINUES = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Mme|Mlle|Sr|Sra|Srta|Lic|Ing|St|Ste|No|Nos|"
                        r"Nº|[A-Z])\.$")
_LINE_END = re.compile(r"\.[ \t]*\n\s*(?=[A-ZÀ-ÖØ-Þ])|\n[ \t]*\n\s*(?=\S)")


def split_at_line_ends(sents: list[Sentence], text: str) -> list[Sentence]:
    r"""Sentences cut where a line ends in a full stop and the next line opens with a capital, or
    at a blank line. A sentencizer keeps "... S.A. de C.V.\nThe shipper ..." together because
    the stop belongs to the abbreviation; a line that ends in a title or an initial ("Mr.")
    still runs on.

    >>> t = "Consigned to Norte S.A. de C.V.\nThe shipper, Acme Ltd, sent it."
    >>> split_at_line_ends([Sentence(0, len(t))], t)
    [Sentence(start_char=0, end_char=31), Sentence(start_char=32, end_char=63)]
    >>> t = "Signed by Mr.\nKevin Xu."
    >>> split_at_line_ends([Sentence(0, len(t))], t)
    [Sentence(start_char=0, end_char=23)]
    """
    out: list[Sentence] = []
    for sent in sents:
        start = sent.start_char
        for cut in _LINE_END.finditer(text, sent.start_char, sent.end_char):
            line_end = cut.start() + (1 if text[cut.start()] == "." else 0)
            if text[cut.start()] == "." and _CONTINUES.search(text[start:line_end]):
                continue
            if text[start:line_end].strip():
                out.append(Sentence(start, line_end))
            start = cut.end()
        out.append(Sentence(start, sent.end_char))
    return out


@Language.factory("fakefree_identifiers", default_config={"language": "en"})
def make_identifiers(nlp: Language, name: str, language: str) -> "IdentifierComponent":
    """Find identifiers, money and dates by validated rules (``doc._.ff_rules``)."""
    return IdentifierComponent(language)


class IdentifierComponent:
    """Rule matches over ``doc.text``: identifiers, money and dates."""

    def __init__(self, language: str) -> None:
        self.language = language
        # build the rules' lazily compiled tables now, at load, rather than on the first texts
        find_identifiers("Tel. +33 1 23 45 67 89, 0161-2504417", language)
        find_money("US$ 10,000 and 5 million euros")
        find_dates("1 May 2020", language)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        money = find_money(text)
        # an amount with its currency is money, not a phone number ("1 145 937,44 CAD")
        found = [RawMention(m.start, m.end, m.text, m.type, attrs=dict(m.attrs), source="rule")
                 for m in find_identifiers(text, self.language)
                 if m.type != "PHONE" or not any(m.start < a.end and a.start < m.end
                                                 for a in money)]
        taken = [(m.start, m.end) for m in found]

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken)

        # an amount before an address: "937,44 CAD" is money, not a street number and name
        for m in money:
            if free(m.start, m.end):
                found.append(RawMention(m.start, m.end, m.text, "MONEY", source="rule",
                                        attrs={"amount": m.amount, "currency": m.currency}))
                taken.append((m.start, m.end))
        dates = find_dates(text, self.language)
        # a date with its year is no street number and name ("09 MAR 2025 PLACE ...")
        dated = [(d.start, d.end) for d in dates if re.search(r"\d{4}", d.text)]
        for address in find_address_mentions(text):
            a, b = address.start, address.end
            if free(a, b) and not any(a < e and s < b for s, e in dated):
                found.append(RawMention(a, b, address.text, "LOCATION", "ADDRESS",
                                        attrs=dict(address.attrs), source="rule"))
                taken.append((a, b))
        for d in dates:
            if free(d.start, d.end):
                found.append(RawMention(d.start, d.end, d.text, "DATE", attrs={"iso": d.iso},
                                        source="rule"))
        doc._.ff_rules = sorted(found, key=lambda m: m.start)
        return doc


@Language.factory("fakefree_mentions",
                  default_config={"label_map": DEFAULT_LABEL_MAP, "language": "en"})
def make_mentions(nlp: Language, name: str, label_map: dict[str, str | None],
                  language: str) -> "MentionComponent":
    """Merge ``doc.ents`` (NER and gazetteer) with rule matches into ``doc._.ff_mentions``."""
    return MentionComponent(label_map, language)


_IN_TITLE = re.compile(
    r"\s+(Attorney|District|Sentencing|Department|Customs|Immigration|Food|Postal|Secret|"
    r"Marshals?|Magistrate|Border|Coast Guard|Army|Navy|Embassy|Consulate|Police|Court)\b")
_STREET_END = re.compile(
    r"\b(Road|Street|St\.|Close|Avenue|Ave\.|Lane|Drive|Gardens|Boulevard|Blvd\.?|Way|Crescent|"
    r"Terrace|Place|Court Road|Highway|Parkway)$")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from nlp.money import _UNITS

    months = {"january", "february", "march", "april", "june", "july", "august", "september",
              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday"}
    return frozenset(EN | FR | ES | set(_UNITS) | months)


def _is_noise(surface: str) -> bool:
    """Single common words, numbers and bare punctuation are not names."""
    words = surface.split()
    return len(words) == 1 and (surface.lower().strip(".") in _stop_words() or
                                not any(ch.isalpha() for ch in surface))


_BULLET = re.compile(r"^[\s\-–—•·*>]+")
_TRAILING_LOWER = re.compile(r"(?:\s+[a-zà-ÿ][\w'-]*)+$")


def _clean_surface(surface: str, language: str = "en") -> str:
    """Cut at a line break, drop trailing lower-case words and punctuation.

    In French and Spanish a name's adjectives and complements follow its head noun ("Commission
    européenne", "Fiscalía federal", "Service de police"): there the lower-case tail stays when
    the name opens with an organisation's head noun (:func:`_keeps_lower_tail`).

    >>> _clean_surface("Commission européenne", "fr"), _clean_surface("Nike falsificadas", "es")
    ('Commission européenne', 'Nike')
    """
    surface = surface.split("\n", 1)[0]
    trimmed = _TRAILING_LOWER.sub("", surface)
    if trimmed.strip():
        surface = trimmed + surface[len(trimmed):][:_keeps_lower_tail(trimmed, surface, language)]
    return surface.rstrip(" ,;:'’-(<[")


_ROMANCE_LINKS = frozenset({"de", "del", "des", "du", "d", "la", "le", "les", "los", "las", "l",
                            "et", "y", "e", "en", "pour", "para", "contre", "contra"})
_ROMANCE_DETERMINERS = frozenset({"este", "esta", "estos", "estas", "ese", "esa", "ce", "cet",
                                  "cette", "ces", "son", "sa", "ses", "su", "sus", "un", "une",
                                  "una", "uno", "leur", "leurs", "nuestro", "notre"})
_ROMANCE_ADJECTIVE = re.compile(
    r"(?:al|ale|ales|aux|aire|aires|ien|ienne|éen|éenne|ain|aine|ais|aise|ois|oise|ique|iques|"
    r"ano|ana|anos|anas|ico|ica|icos|icas|és|esa|ense|eño|eña|ino|ina|ivo|iva|if|ive|ario|aria|"
    r"el|elle|il|ile|ar|or|ora|ado|ada|é|ée|ial|ional|ionale|eral|érale|ral|rale|nal|nale)$")


def _keeps_lower_tail(head: str, surface: str, language: str) -> int:
    """How many characters of the lower-case tail of a French or Spanish name stay: after a
    head noun of an organisation or a place ("Commission", "Fiscalía", "Service", "Région"),
    adjectives ("européenne", "federal") and a complement ("de police") are the name's; a verb
    or a determiner ends it (0: drop the whole tail)."""
    word = head.strip()
    if language not in ("fr", "es") or " " in word or word.lower() not in org_heads():
        return 0
    rest = surface[len(head):]
    kept = 0
    words = list(re.finditer(r"[^\W\d_]+", rest))
    for i, w in enumerate(words):
        low = w.group().lower()
        if low in _ROMANCE_LINKS:
            tail = [x.group().lower() for x in words[i:]]
            if any(t in _ROMANCE_DETERMINERS for t in tail) or tail[-1] in _ROMANCE_LINKS or \
                    len(tail) > 5:
                break
            return w.start() + len(rest[w.start():].rstrip())
        if not _ROMANCE_ADJECTIVE.search(low):
            break
        kept = w.end()
    return kept


def _retype(type_: str, surface: str, gazetteer_id: str) -> str:
    """Fix types that the gazetteers know better: brands, agencies, countries, given names."""
    if gazetteer_id or surface in known_orgs():
        return "ORG"
    if surface.lower() in country_names():
        return "LOCATION"
    words = surface.split()
    if type_ in ("ORG", "LOCATION") and 2 <= len(words) <= 4 and \
            all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) and \
            is_given_name(words[0]) and not _COMPANY.search(surface) and \
            not is_org_name(surface) and not _AGENCY.search(surface) and not _COURT.search(surface):
        return "PERSON"
    return type_


_QUOTE_MARKS = re.compile(r"[>|\s]+")
_TRIM_LEAD = re.compile(r"^(?:(?:the|la|le|les|el|los|las)\s+|[ld]['’])", re.IGNORECASE)


def _article_of_place(surface: str) -> bool:
    """An article that is part of a place's name: "Los Angeles", "El Paso", "La Jonquera".

    >>> _article_of_place("LOS ANGELES - Federal"), _article_of_place("la Commission")
    (True, False)
    """

    words = surface.split()
    return any(known_place(" ".join(words[:k])) for k in (2, 3) if len(words) >= k)


class MentionComponent:
    """Typed mentions: rule matches win over overlapping NER entities."""

    def __init__(self, label_map: dict[str, str | None], language: str = "en") -> None:
        self.label_map = label_map
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        rules: list[RawMention] = list(doc._.ff_rules or [])
        mentions = list(rules)
        text = doc_text(doc)
        for ent in doc.ents:
            type_ = self.label_map.get(ent.label_)
            if type_ is None:
                continue
            start, end = ent.start_char, ent.end_char
            if any(start < r.end and r.start < end for r in rules):
                continue
            quoted = _QUOTE_MARKS.match(text, start, end)   # "> For": a quoted e-mail's marker
            if quoted:
                start = quoted.end()
            surface = text[start:end]
            lead = _TRIM_LEAD.match(surface)
            if lead and type_ in ("ORG", "LOCATION") and ent.ent_id_ == "" and \
                    lead.end() < len(surface) and not _article_of_place(surface):
                start += lead.end()
                surface = text[start:end]
            bullet = _BULLET.match(surface)
            if bullet and bullet.end() < len(surface):
                start += bullet.end()
                surface = text[start:end]
            surface_stripped = _clean_surface(surface, self.language)
            end = start + len(surface_stripped)
            type_ = _retype(type_, surface_stripped, ent.ent_id_)
            if type_ == "ORG":
                suffix = _LEGAL_TAIL.match(text, end)
                if suffix:
                    end = suffix.end()
                    surface_stripped = text[start:end]
            if type_ == "MONEY" and not re.search(r"\d", surface_stripped):
                continue
            if not surface_stripped or not any(ch.isalnum() for ch in surface_stripped):
                continue
            if type_ == "LOCATION" and _IN_TITLE.match(text[end:end + 40]):
                continue
            if _is_noise(surface_stripped):
                continue
            if type_ in ("ORG", "PERSON", "LOCATION") and is_identifier_shaped(surface_stripped):
                # a code the model took for a name: typed as the rules type it elsewhere in
                # the document, else not a name at all
                compact = surface_stripped.replace(" ", "")
                same = next((r for r in rules if r.text.replace(" ", "") == compact), None)
                if same is not None:
                    mentions.append(RawMention(start, end, surface_stripped, same.type,
                                               attrs=dict(same.attrs), source="rule"))
                continue
            if type_ in ("ORG", "PERSON") and _STREET_END.search(surface_stripped):
                type_ = "LOCATION"
            subtype = None
            if type_ == "ORG":
                subtype = org_subtype(surface_stripped, ent.ent_id_, text[max(0, start - 60):start])
            elif type_ == "LOCATION":
                subtype = location_subtype(surface_stripped)
            mentions.append(RawMention(start, end, surface_stripped, type_, subtype,
                                       source="gazetteer" if ent.ent_id_ else "ner"))
        mentions = clean_mentions(sorted(mentions, key=lambda m: m.start), text)
        mentions = _drop_stray_capitals(mentions, text)
        _harmonise_lists(mentions, text)
        doc._.ff_mentions = mentions
        return doc


_SENT_START = re.compile(r"(?:^|[.!?»\"”:]\s+|\n\s*)$")
_PARTICLES = {"de", "del", "da", "dos", "das", "van", "von", "der", "den", "la", "le", "bin", "al",
              "el", "y", "du", "des", "di", "ibn", "ben"}
_LIST_SEP = re.compile(r"^(?:\s*,\s*|\s*,?\s+(?:and|y|e|et|or|o|ou|&)\s+)$")


def _drop_stray_capitals(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Drop one-word NER names that only look like names because they open a sentence, and
    "persons" with common lower-case words in them."""
    kept = []
    for m in mentions:
        if m.source == "ner" and " " not in m.text and m.type in ("PERSON", "ORG", "LOCATION"):
            at_start = bool(_SENT_START.search(text[max(0, m.start - 3):m.start]))
            follows = text[m.end:m.end + 2]
            if at_start and (follows[:1] in (",", ".", ":", ";") or
                             (follows[:1] == " " and follows[1:2].islower())) and \
                    text.count(m.text) == 1 and m.text not in known_orgs():
                continue
        if m.type == "PERSON" and m.source == "ner" and any(
                w[:1].islower() and w not in _PARTICLES for w in m.text.split()):
            continue
        kept.append(m)
    return kept


def _harmonise_lists(mentions: list[RawMention], text: str) -> None:
    """Names in one coordinated list ("Puma, Adidas, Kappa y Diesel") share the majority type;
    a brand in the list makes the list brands."""
    chains: list[list[RawMention]] = []
    for m in mentions:
        if m.type not in ("PERSON", "ORG", "LOCATION"):
            continue
        if chains and _LIST_SEP.match(text[chains[-1][-1].end:m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    for chain in chains:
        if len(chain) < 3:
            continue
        if any(m.subtype == "BRAND" for m in chain):
            target, subtype = "ORG", "BRAND"
        else:
            counts: dict[str, int] = {}
            for m in chain:
                if m.type != "PERSON":
                    counts[m.type] = counts.get(m.type, 0) + 1
            if not counts:
                continue
            target = max(counts, key=counts.get)
            if counts[target] * 2 <= sum(counts.values()) or counts[target] < 2:
                continue
            subtype = None
        for m in chain:
            if m.type == "PERSON" and (not subtype or is_given_name(m.text.split()[0])):
                continue
            if target != "ORG" and is_org_name(m.text):
                continue
            if m.source == "ner" and (m.type != target or subtype):
                m.type = target
                m.subtype = subtype if subtype else (
                    location_subtype(m.text) if target == "LOCATION" else
                    org_subtype(m.text, "", "") if target == "ORG" else None)
