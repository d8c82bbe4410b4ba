"""Roles and relations from lexical cues within a sentence (English, French, Spanish).

The ``fakefree_relations`` component reads ``doc._.ff_mentions`` and writes roles onto them and
relations, each with its evidence span (the sentence or clause), into ``doc._.ff_relations``.
"""

from __future__ import annotations

from bisect import bisect_left

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components import RawMention, RawRelation
from nlp.cues import DEFENDANT_CUE, OFFICIAL_AFTER, OFFICIAL_BEFORE, RELATION_CUES, ROLE_CUES

__all__ = ["RelationComponent"]

_PARTY = ("PERSON", "ORG")
_IDENT_REL = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "IBAN": "HOLDS", "ACCOUNT": "HOLDS",
              "DOMAIN": "ASSOCIATED_WITH"}
_ROLE_WINDOW = 90


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
        text = doc.text
        for m in mentions:
            if m.type == "ORG" and m.subtype in ("AGENCY", "COURT"):
                m.roles.add("agency")
            elif m.type == "ORG" and m.subtype == "BRAND":
                m.roles.add("brand")
            elif m.type == "PERSON" and self._is_official(text, m):
                m.roles.add("official")
        ordered = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        for sent in self._sentences(doc):
            first = bisect_left(starts, sent.start_char)
            in_sent = ordered[first:bisect_left(starts, sent.end_char, first)]
            if in_sent:
                self._roles(text, sent, in_sent)
                relations.extend(self._relations(text, sent, in_sent))
        doc._.ff_relations = relations
        return doc

    def _sentences(self, doc: Doc) -> list[Span]:
        if doc.has_annotation("SENT_START"):
            return list(doc.sents)
        return [doc[:]]

    @staticmethod
    def _is_official(text: str, m: RawMention) -> bool:
        before = text[max(0, m.start - 45):m.start]
        after = text[m.end:m.end + 60]
        return bool(OFFICIAL_BEFORE.search(before) or OFFICIAL_AFTER.search(after))

    def _roles(self, text: str, sent: Span, in_sent: list[RawMention]) -> None:
        parties = [m for m in in_sent if _is_party(m) and "official" not in m.roles]
        if not parties:
            return
        clause = text[sent.start_char:sent.end_char]
        if DEFENDANT_CUE.search(clause):
            for m in parties:
                if m.type == "PERSON":
                    m.roles.add("defendant")
        for role, cue in ROLE_CUES.items():
            for hit in cue.finditer(clause):
                pos = sent.start_char + hit.start()
                near = [m for m in parties if len(clause) < 450 or abs(m.start - pos) < _ROLE_WINDOW * 2]
                if role == "leader":
                    near = sorted(near, key=lambda m: abs(m.start - pos))[:1]
                for m in near:
                    m.roles.add(role)

    def _relations(self, text: str, sent: Span, in_sent: list[RawMention]) -> list[RawRelation]:
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
            if _is_party(a) and b.type in _IDENT_REL and len(between) < 80:
                add(a, b, _IDENT_REL[b.type])
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
