"""Roles and relations from lexical cues within a sentence (English, French, Spanish).

The ``fakefree_relations`` component reads ``doc._.ff_mentions`` and writes roles onto them and
relations, each with its evidence span (the sentence or clause), into ``doc._.ff_relations``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import RawMention, RawRelation, Sentence, doc_sentences, doc_text, known_orgs
from nlp.contacts import contact_links
from nlp.span_cleanup import official_title_before
from nlp.cues import (GROUP_CUE, OFFICIAL_AFTER, OFFICIAL_BEFORE, RELATION_CUES, clause_cues,
                      ROLE_CUES, TO_ACCOUNT)

__all__ = ["RelationComponent"]

_PARTY = ("PERSON", "ORG")
_IDENT_REL = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "IBAN": "HOLDS", "ACCOUNT": "HOLDS",
              "DOMAIN": "ASSOCIATED_WITH"}
_ROLE_WINDOW = 90
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _is_platform(m: RawMention) -> bool:
    """An online platform ("WhatsApp +91 ...") names the channel, not the holder of a number."""
    return known_orgs().get(m.text) == "COMPANY"


def _is_party(m: RawMention) -> bool:
    return m.type == "PERSON" or (m.type == "ORG" and m.subtype == "COMPANY")


@Language.factory("fakefree_relations", default_config={"max_sentence_chars": 600})
def make_relations(nlp: Language, name: str, max_sentence_chars: int) -> "RelationComponent":
    """Roles and relations from cue words in each sentence."""
    return RelationComponent(max_sentence_chars)


class RelationComponent:
    """Assign roles to mentions and find relations between mentions of one sentence."""

    def __init__(self, max_sentence_chars: int) -> None:
        self.max_sentence_chars = max_sentence_chars

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[RawMention] = list(doc._.ff_mentions or [])
        relations: list[RawRelation] = []
        text = doc_text(doc)
        for m in mentions:
            if m.type == "ORG" and m.subtype in ("AGENCY", "COURT"):
                m.roles.add("agency")
            elif m.type == "ORG" and m.subtype == "BRAND":
                m.roles.add("brand")
            elif m.type == "PERSON" and self._is_official(text, m):
                m.roles.add("official")
        ordered = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        carried: set[str] = set()
        for sent in self._sentences(doc):
            first = bisect_left(starts, sent.start_char)
            in_sent = ordered[first:bisect_left(starts, sent.end_char, first)]
            carried = self._roles(text, sent, in_sent, carried)
            linkable = [m for m in in_sent if m.source != "dateline"]  # where it was filed
            if linkable:
                relations.extend(self._relations(text, sent, linkable))
        added, links = contact_links(text, mentions)
        doc._.ff_mentions = sorted(mentions + added, key=lambda m: m.start)
        known = {(id(r.source), id(r.target)) for r in relations}
        relations += [RawRelation(a, b, type_, s, e) for a, b, type_, s, e in links
                      if (id(a), id(b)) not in known]
        doc._.ff_relations = relations
        return doc

    def _sentences(self, doc: Doc) -> list[Sentence]:
        return doc_sentences(doc)

    @staticmethod
    def _is_official(text: str, m: RawMention) -> bool:
        before = text[max(0, m.start - 45):m.start]
        after = text[m.end:m.end + 60]
        return bool(OFFICIAL_BEFORE.search(before) or OFFICIAL_AFTER.search(after)
                    or official_title_before(text, m.start))

    def _roles(self, text: str, sent: Sentence, in_sent: list[RawMention],
                carried: set[str]) -> set[str]:
        """Roles of the parties of one sentence. A sentence about an unnamed group ("the three
        ringleaders were arrested for money laundering") passes its roles on to the persons
        listed in the next sentence; the roles to pass on are returned."""
        parties = [m for m in in_sent if _is_party(m) and "official" not in m.roles]
        clause = text[sent.start_char:sent.end_char]
        if not parties:
            if not GROUP_CUE.search(clause):
                return set()
            roles, defendant = clause_cues(clause)
            return set(roles) | ({"defendant"} if defendant else set())
        persons = [m for m in parties if m.type == "PERSON"]
        if carried and len(persons) >= 2:
            for m in persons:
                m.roles |= carried
        roles, defendant = clause_cues(clause)
        if defendant:
            for m in parties:
                if m.type == "PERSON":
                    m.roles.add("defendant")
        for role, cue in ROLE_CUES.items():
            if role not in roles:
                continue  # no hit
            for hit in cue.finditer(clause):
                pos = sent.start_char + hit.start()
                near = [m for m in parties if len(clause) < 450 or abs(m.start - pos) < _ROLE_WINDOW * 2]
                if role == "leader":
                    near = sorted(near, key=lambda m: abs(m.start - pos))[:1]
                for m in near:
                    m.roles.add(role)
        return set()

    def _relations(self, text: str, sent: Sentence, in_sent: list[RawMention]) -> list[RawRelation]:
        out: list[RawRelation] = []
        s0, s1 = sent.start_char, sent.end_char
        if s1 - s0 > self.max_sentence_chars:
            return out
        evidence = (s0, s1)
        parties = [m for m in in_sent if _is_party(m) and "official" not in m.roles]

        def add(src: RawMention, dst: RawMention, type_: str, **props: object) -> None:
            if src is not dst and src.text != dst.text:
                out.append(RawRelation(src, dst, type_, *evidence, props=dict(props)))

        for a, b in zip(in_sent, in_sent[1:]):
            between = text[a.end:b.start]
            if _BLANK_LINE.search(between):
                continue  # a title and the paragraph under it state nothing together
            if a.type == "PERSON" and b.type == "ORG" and b.subtype == "COMPANY":
                if RELATION_CUES["OWNS"].search(between) and len(between) < 40:
                    add(a, b, "OWNS")
                elif RELATION_CUES["DIRECTS"].search(between) and len(between) < 40:
                    add(a, b, "DIRECTS")
                elif RELATION_CUES["EMPLOYED_BY"].search(between) and len(between) < 40:
                    add(a, b, "EMPLOYED_BY")
            if a.type == "ORG" and b.type == "PERSON" and len(between) < 30 and \
                    re.search(r"(['’]s\b.*|,\s*)$", between):
                if RELATION_CUES["DIRECTS"].search(between) or RELATION_CUES["OWNS"].search(between):
                    add(b, a, "OWNS" if RELATION_CUES["OWNS"].search(between) else "DIRECTS")
            if a.type == "ORG" and b.type == "LOCATION" and a.subtype == "COMPANY" and \
                    len(between) < 45 and RELATION_CUES["LOCATED_IN"].search(between):
                add(a, b, "HAS_ADDRESS" if b.subtype == "ADDRESS" else "LOCATED_IN")
            if a.type == "LOCATION" and b.type == "LOCATION" and re.fullmatch(r",\s*|\s*\(", between):
                add(a, b, "LOCATED_IN")
            if _is_party(a) and b.type in _IDENT_REL and len(between) < 80 and \
                    not _is_platform(a) and not TO_ACCOUNT.search(between):
                add(a, b, _IDENT_REL[b.type])  # "X to account A": A is the payee's
        _stated_links(text, in_sent, parties, add)
        for m in in_sent:
            if m.type == "MONEY" and parties:
                payer = [p for p in parties if p.end <= m.start]
                payee = [p for p in parties if p.start >= m.end]
                cue = text[payer[-1].end:m.start] if payer else ""
                if payer and (RELATION_CUES["PAID"].search(cue) or
                              RELATION_CUES["TRANSFERRED"].search(cue)):
                    type_ = "TRANSFERRED" if RELATION_CUES["TRANSFERRED"].search(cue) else "PAID"
                    target = payee[0] if payee else m
                    add(payer[-1], target, type_, amount=m.attrs.get("amount"),
                        currency=m.attrs.get("currency"))
        for src in parties:
            after = text[src.end:s1]
            for m in in_sent:  # "src bought ... from m": m supplied src
                if m is not src and _is_party(m) and 0 < m.start - src.end < 80 and \
                        RELATION_CUES["PURCHASED_FROM"].search(text[src.end:m.start]):
                    add(m, src, "SUPPLIED")
                    m.roles.add("supplier")
                    break
            for type_ in ("FINANCED", "IMPORTED", "EXPORTED", "MANUFACTURED", "SHIPPED",
                          "SUPPLIED"):
                hit = RELATION_CUES[type_].search(after[:120])
                if not hit:
                    continue
                cue_end = src.end + hit.end()
                targets = [m for m in in_sent if m.start >= cue_end and m.type in
                           ("ORG", "LOCATION", "PERSON") and m is not src]
                if targets and targets[0].start - cue_end < 80:
                    add(src, targets[0], type_)
        for m in in_sent:
            if m.type == "ORG" and m.subtype == "AGENCY":
                after = text[m.end:s1]
                hit = RELATION_CUES["SEIZED"].search(after[:80])
                if hit:
                    cue_end = m.end + hit.end()
                    targets = [t for t in in_sent if t.start >= cue_end and
                               (t.subtype == "BRAND" or t.type in ("CONTAINER", "MONEY", "VESSEL"))]
                    if targets:
                        add(m, targets[0], "SEIZED")
        return out


_APPOSITIVE_TITLE = re.compile(
    r"^,\s+(?:the\s+|la\s+|el\s+|le\s+)?(?:[\w.'’-]+\s+){0,6}?(?:of|for|at|with|de|del|"
    r"de la|du|des)\s+(?:the\s+|la\s+|el\s+|l['’])?$", re.IGNORECASE)
_RESIDENCE = re.compile(
    r"^,\s*(?:(?:also\s+)?(?:aged\s+)?\d{1,3}(?:\s+(?:years old|ans|años))?,\s*)?"
    r"(?:of|from|de|originaire de|vecino de|residente en|domicilié à)\s+$", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|de|desde|en provenance d[eu]|procedentes? de|provenant d[eu]|"
                   r"originaires? d[eu]|made in)\s+(?:the\s+|la\s+|el\s+|l['’])?$",
                   re.IGNORECASE)
_TO = re.compile(r"\b(?:to|into|destined for|bound for|à destination d[eu]|vers|con destino a|"
                 r"hacia|rumbo a)\s+(?:the\s+|la\s+|el\s+|l['’])?$", re.IGNORECASE)
_MOVES = re.compile(r"\b(?:import\w*|export\w*|smuggl\w*|ship\w*|sent|traffick\w*|"
                    r"brought|transport\w*|introdu\w+|distribu\w+|envi\w+|expédi\w+|"
                    r"contrebande|contrabando|exporta\w*|importa\w*)\b", re.IGNORECASE)


def _stated_links(text: str, in_sent: list[RawMention], parties: list[RawMention],
                  add: Callable[..., None]) -> None:
    """Links the prose states in fixed shapes (English, French, Spanish):

    * "<person>, <title> of <organisation>" - EMPLOYED_BY (officials included);
    * "<person>, 38, of <place>" - LOCATED_IN, or HAS_ADDRESS for a street;
    * defendants named together in one sentence about charges - ASSOCIATED_WITH;
    * a party moving goods "from <place>" - IMPORTED (origin), "to/into <place>" - SHIPPED
      (destination).
    """
    for i, a in enumerate(in_sent):
        if a.type != "PERSON":
            continue
        for b in in_sent[i + 1:i + 3]:
            between = text[a.end:b.start]
            if b.type == "ORG" and len(between) < 70 and _APPOSITIVE_TITLE.match(between) and \
                    (OFFICIAL_BEFORE.search(between.rstrip(" ,ofthedlaus'’")) or
                     re.search(r"(?i)\b(agent|attorney|commissioner|director|chief|inspector|"
                               r"officer|spokes\w+|manager|employee|president|head|"
                               r"portavoz|porte-parole|gerente|directeur|titular)\b", between)):
                add(a, b, "EMPLOYED_BY")
                break
            if b.type == "LOCATION" and _RESIDENCE.match(between):
                add(a, b, "HAS_ADDRESS" if b.subtype == "ADDRESS" else "LOCATED_IN")
                break
    accused = [p for p in parties if p.type == "PERSON" and "defendant" in p.roles]
    if 2 <= len(accused) <= 8:
        for i, a in enumerate(accused):
            for b in accused[i + 1:]:
                add(a, b, "ASSOCIATED_WITH")
    movers = [p for p in parties if p.roles & {"importer", "exporter", "distributor", "shipper",
                                                 "defendant", "supplier"}]
    if movers:
        for m in in_sent:
            if m.type != "LOCATION" or m.subtype == "ADDRESS":
                continue
            before = text[max(0, m.start - 30):m.start]
            if not _MOVES.search(text[movers[0].end:m.start]):
                continue
            type_ = ("IMPORTED" if _FROM.search(before) else
                     "SHIPPED" if _TO.search(before) else None)
            if type_:
                for p in movers:
                    if p.end <= m.start:
                        add(p, m, type_, direction="origin" if type_ == "IMPORTED" else
                            "destination")
