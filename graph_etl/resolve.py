"""Entity resolution: decide which graph node an extracted entity is, and say why.

Identifiers (IBAN, account, container, bill of lading, phone, e-mail, IMO, domain) get
deterministic keys. Names are normalised with ``fingerprints`` (case, accents, punctuation,
transliteration, token order) after removing legal forms with ``rigour`` (Ltd, S.A. de C.V.,
GmbH, 有限公司...), blocked on name tokens and scored with ``rapidfuzz`` plus shared attributes
(phones, e-mails, accounts, addresses). Every decision carries its score and reasons, and an
analyst's same / not-same judgement always wins.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import fingerprints
import yaml
from rapidfuzz import fuzz

from fakefree.orgnames import (
    legal_form,
    legal_form_only,
    legal_forms_agree,
    org_evidence,
    same_org_word,
    strip_org_types,
)
from fakefree.schema import schema
from graph_etl.identifier_keys import KEY_ATTRS, identifier_key
from graph_etl.ledger import IndexedEntity, Ledger
from fakefree.model import stable_id

__all__ = ["Candidate", "Resolution", "Resolver", "name_key", "compact_key", "identifier_key",
           "IDENTIFIER_TYPES", "NAMED_TYPES", "PARTY_TYPES"]

log = logging.getLogger(__name__)

IDENTIFIER_TYPES = schema().labels_resolved_by("key")
"""Graph types whose identity is a normalised identifier, never a fuzzy name (``resolve: key``)."""
NAMED_TYPES = schema().labels_resolved_by("fuzzy")
"""Graph types resolved by fuzzy name matching with shared attributes (``resolve: fuzzy``)."""

PARTY_TYPES = ("Company", "Person", "City")
"""Types one name may be given by mistake in different documents, most specific first."""

FUZZY_ALONE = 94.0
"""Name similarity (0-100) enough to merge without any shared attribute."""
FUZZY_WITH_ATTRIBUTE = 82.0
"""Name similarity enough to merge when the two share a phone, e-mail, account or address."""


_PARENTHESES = re.compile(r"\([^()]*\)")
_OCR = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l"})
_CAPS_WITH_L = re.compile(r"\b(?=[A-Zl]*[A-Z]{2})[A-Z]+l[A-Zl]*\b")
_MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[0158|])[\w|]+\b")
_PREFIXES = {
    "Vessel": re.compile(r"^\s*(m\s*/\s*v|m\.\s*v\.|mv|m/t|mt|ms|buque|navire)\b\.?\s*", re.I),
    "Port": re.compile(r"^\s*(port of|port de|port d'|puerto de|aduana de|aduana)\s+", re.I),
}


def _ocr_fixed(text: str) -> str:
    """Undo OCR digit-for-letter errors inside words ('Montrea1', '8usan', 'S0LVANE') and a
    lower-case l read for an I inside a word in capitals ('BRlDGE')."""
    text = _CAPS_WITH_L.sub(lambda m: m.group(0).replace("l", "I"), text)
    return _MIXED.sub(lambda m: m.group(0) if m.group(0).isdigit() else
                      m.group(0).translate(_OCR), text)


@cache
def _gazetteer() -> dict[str, dict[str, str]]:
    raw = yaml.safe_load(resources.files("graph_etl").joinpath("data/gazetteer.yaml")
                         .read_text("utf-8"))
    out: dict[str, dict[str, str]] = {}
    for entity_type, groups in raw.items():
        table = out.setdefault(entity_type, {})
        for names in groups:
            for alias in names:
                table.setdefault(fingerprints.generate(str(alias)) or str(alias), str(names[0]))
    return out


def canonical_name(name: str, entity_type: str) -> str:
    """The gazetteer's name for a known agency or port, else ``name``.

    >>> canonical_name("GRC", "Agency"), canonical_name("CAMTR", "Port")
    ('Royal Canadian Mounted Police', 'Port of Montreal')
    """
    table = _gazetteer().get(entity_type)
    if not table:
        return name
    for text in (name, _PREFIXES.get(entity_type, re.compile("^$")).sub("", name)):
        hit = table.get(fingerprints.generate(_ocr_fixed(text)) or text)
        if hit:
            return hit
    return name


@lru_cache(maxsize=65536)
def name_key(name: str, entity_type: str) -> str:
    """The normalised key of a name: legal forms removed for companies, tokens sorted.

    >>> name_key("HAN TONG TECHNOLOGY CO., LTD.", "Company") == name_key("Han Tong Technology", "Company")
    True
    >>> name_key("Zhang Wei", "Person") == name_key("Wei ZHANG", "Person")
    True
    >>> name_key("Port of Montrea1", "Port") == name_key("CAMTR", "Port")
    True
    >>> name_key("Entrepôt Rive-Nord Inc.", "Company") == name_key("RIVE-NORD WAREHOUSE INC", "Company")
    True
    >>> name_key("HARBOUR BRlDGE TRDG LTD", "Company") == name_key("Harbour Bridge Trading Ltd", "Company")
    True
    """
    text = _ocr_fixed(canonical_name(name, entity_type))
    text = canonical_name(text, entity_type)
    prefix = _PREFIXES.get(entity_type)
    if prefix is not None:
        text = prefix.sub("", text) or text
    if entity_type in ("Company", "Brand", "Agency"):
        text = _PARENTHESES.sub(" ", text)
        stripped = strip_org_types(text).strip(" ,.")
        text = stripped or text
    key = fingerprints.generate(text) or ""
    if key and entity_type == "Company":
        key = " ".join(sorted(same_org_word(token) for token in key.split()))
    return key or re.sub(r"\W+", "", name.casefold())


@lru_cache(maxsize=65536)
def compact_key(name: str, entity_type: str) -> str:
    """The normalised name in its own word order with the spaces removed, so names split or
    joined differently compare equal.

    >>> compact_key("VISTA OCEAN DISTRIBUTION LLC", "Company") == compact_key("Vistaocean Distribution", "Company")
    True
    """
    text = _ocr_fixed(name)
    if entity_type in ("Company", "Brand", "Agency"):
        text = _PARENTHESES.sub(" ", text)
        text = strip_org_types(text).strip(" ,.") or text
    return (fingerprints.generate(text, keep_order=True) or "").replace(" ", "")


@dataclass(frozen=True)
class Candidate:
    """An entity to resolve: its graph type, name, other names and identifying attributes."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """``links``: ids of identifier nodes it is tied to (phones, accounts...); ``case``."""


@dataclass(frozen=True)
class Resolution:
    id: str
    score: float
    reasons: tuple[str, ...]
    matched: bool
    type: str = ""
    """The graph type the entity was resolved as (another than the candidate's when the
    evidence of other documents decided it)."""

    def to_props(self) -> dict[str, Any]:
        return {"match_score": round(self.score, 3), "match_reasons": list(self.reasons)}


def _blocks(key: str) -> list[str]:
    tokens = [t for t in key.split() if len(t) >= 2]
    return sorted({t[:4] for t in tokens})


@lru_cache(maxsize=65536)
def _weak(key: str, entity_type: str = "Person") -> bool:
    """A key that says little outside its own case: a person's initials ('w zhang'), a
    one-word brand or company ('solvane')."""
    if entity_type == "Person":
        return any(len(token) == 1 for token in key.split())
    return len(key.split()) < 2


def _initials_compatible(a: str, b: str) -> bool:
    """'w zhang' and 'wei zhang': same surname and matching initials."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    short, full = (ta, tb) if sum(map(len, ta)) < sum(map(len, tb)) else (tb, ta)
    singles = [t for t in short if len(t) == 1]
    if not singles:
        return False
    rest_short = sorted(t for t in short if len(t) > 1)
    for single in singles:
        match = next((t for t in full if t.startswith(single) and len(t) > 1
                      and t not in rest_short), None)
        if match is None:
            return False
    return all(t in full for t in rest_short)


class Resolver:
    """Map candidates to graph ids using the ledger's resolution index and judgements."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._absorb_later: list[tuple[str, str, str, str]] = []
        self._tentative: list[tuple[str, str, tuple[str, ...], str]] = []
        self._joined: IndexedEntity | None = None

    def new_id(self, entity_type: str, key: str) -> str:
        return f"{entity_type.lower()}-{stable_id(entity_type, key)}"

    def _fresh_id(self, entity_type: str, key: str) -> str:
        """A new id for a name; a second, different entity of the same name gets ``#2``."""
        candidate, number = self.new_id(entity_type, key), 1
        while self.ledger.entity(candidate) is not None:
            number += 1
            candidate = self.new_id(entity_type, f"{key}#{number}")
        return candidate

    def resolve(self, cand: Candidate) -> Resolution:
        """The graph id of ``cand``, after any analyst merge of the entity it matched."""
        self._joined = None
        cand, why = self._reconcile_type(cand)
        if self._joined is not None:
            resolution = Resolution(self._joined.id, 1.0, ("same normalised name",), True)
        else:
            resolution = self._resolve(cand)
        if why:
            resolution = replace(resolution, reasons=(why, *resolution.reasons))
        resolution = replace(resolution, type=cand.type)
        survivor = self.ledger.survivor(resolution.id)
        if survivor != resolution.id:
            reasons = (*resolution.reasons, f"a recorded merge of {resolution.id} into {survivor}")
            return Resolution(survivor, resolution.score, reasons, True, cand.type)
        return resolution

    def _reconcile_type(self, cand: Candidate) -> tuple[Candidate, str]:
        """One name, one type across documents, decided by the evidence.

        A legal form or an organisation word makes a company, and a name already known as a
        company with an organisation word is that company. Else each type's weight decides
        (:func:`type_weight`: documents naming it so, record columns counting double); a tie
        joins the node that exists. A name retyped as a company joins that company's node; a
        node of the losing type is queued for :meth:`absorb_pending`.
        """
        if cand.type not in PARTY_TYPES or any(c.isdigit() for c in cand.name) or \
                legal_form_only(cand.name):
            return cand, ""
        evidence = next((e for n in (cand.name, *cand.aliases) if (e := org_evidence(n))), None)
        names = {name_key(cand.name, t) for t in (cand.type, "Company")}
        case = cand.attrs.get("case")
        found = {t: [h for h in self.ledger.by_blocks(t, sorted("=" + k for k in names), limit=5)
                     if self.ledger.survivor(h.id) == h.id and (  # one word: same case only
                         all(len(k.split()) > 1 for k in names) or
                         (case and case in h.attrs.get("cases", [])))]
                 for t in PARTY_TYPES}
        if evidence or any(h.attrs.get("org") for h in found["Company"]):
            winner, why = "Company", (f"{evidence!r} makes it an organisation" if evidence else
                                      f"known as the organisation {found['Company'][0].name!r}")
        else:
            weight = {t: sum(int(h.attrs.get("weight", 1)) for h in found[t]) for t in PARTY_TYPES}
            mine = weight[cand.type] + type_weight(cand)
            best = max((t for t in PARTY_TYPES if t != cand.type), key=lambda t: weight[t])
            winner = best if weight[best] and weight[best] >= mine else cand.type
            why = (f"weight {weight[best]} as {best} against {mine} as {cand.type} "
                   "(documents and record columns)")
        if not evidence or _org_word(cand.name):  # "John Smith Ltd" does not absorb John Smith
            key = "=" + name_key(cand.name, winner)
            self._absorb_later += [(h.id, winner, key, f"typed {h.type} there; {why}")
                                   for t in PARTY_TYPES if t != winner for h in found[t]]
        if winner != cand.type:
            self._joined = max(found[winner], key=lambda h: (bool(h.attrs.get("org")),
                                                             int(h.attrs.get("weight", 1))),
                               default=None) if winner == "Company" else None
            return replace(cand, type=winner), f"typed {cand.type} here; {why}"
        return cand, ""

    def absorb_pending(self) -> list[tuple[str, str, str]]:
        """Merge the nodes that :meth:`_reconcile_type` found of the losing type into the
        winner's node of the same name: ``(absorbed id, survivor id, reason)`` for each, judged
        and redirected in the ledger; their documents must then be replayed."""
        done: list[tuple[str, str, str]] = []
        for absorbed, winner, key, why in self._absorb_later:
            if self.ledger.survivor(absorbed) != absorbed:
                continue
            hits = [h for h in self.ledger.by_blocks(winner, [key], limit=5)
                    if h.id != absorbed and self.ledger.survivor(h.id) == h.id and
                    self.ledger.judgement(absorbed, h.id) is not False]
            if not hits:
                continue
            reason = f"same name as the {winner} {hits[0].name!r}; {why}"
            self.ledger.judge(hits[0].id, absorbed, same=True, who="resolver", reason=reason)
            self.ledger.redirect(absorbed, hits[0].id)
            done.append((absorbed, hits[0].id, reason))
        self._absorb_later.clear()
        return done

    def _resolve(self, cand: Candidate) -> Resolution:
        if cand.type in IDENTIFIER_TYPES:
            kind = "ADDRESS" if cand.type == "Address" else cand.attrs.get("kind", cand.type)
            value = cand.attrs.get(KEY_ATTRS.get(kind, "")) or cand.name
            key = identifier_key(str(value), kind, country=cand.attrs.get("country"))
            why = "same address" if cand.type == "Address" else "same identifier"
            return Resolution(self.new_id(cand.type, key), 1.0, (why,), False)
        key = name_key(cand.name, cand.type)
        if cand.type not in NAMED_TYPES:
            own = self.new_id(cand.type, key)
            judged = self.ledger.judgements_of(own)
            for name in (cand.name, *cand.aliases):
                hits = self.ledger.by_blocks(cand.type, ["=" + name_key(name, cand.type)], limit=20)
                hits = [h for h in hits if h.id == own or judged.get(h.id) is not False]
                if hits:
                    hit = next((h for h in hits if h.id == own), hits[0])
                    why = "same normalised name" if name == cand.name else f"known name {name!r}"
                    return Resolution(hit.id, 1.0, (why,), True)
            return Resolution(self.new_id(cand.type, key), 1.0, ("new",), False)
        return self._resolve_named(cand, key)

    def _resolve_named(self, cand: Candidate, key: str) -> Resolution:
        links = set(cand.attrs.get("links", []))
        best: tuple[float, tuple[bool, bool], IndexedEntity, tuple[str, ...]] | None = None
        keys = {key} | {name_key(a, cand.type) for a in cand.aliases}
        judgements = self.ledger.judgements_of(self.new_id(cand.type, key))
        case = cand.attrs.get("case")
        for other in self._candidates(cand.type, keys):
            judged = judgements.get(other.id)
            if judged is False:
                continue
            score, reasons = self._score(cand, keys, links, other)
            if judged is True:
                score, reasons = 100.0, ("an analyst judged them the same",)
            near = _nearness(case, other.attrs)  # ties: the company of this case first
            if score and (best is None or (score, near) > best[:2]):
                best = (score, near, other, reasons)
        if best is not None:
            if cand.type == "Company" and best[1] == (False, False) and best[2].attrs.get("forms") \
                    and not _legal_forms(cand) and case:
                self._tentative.append((best[2].id, case, tuple(sorted(keys)),
                                        str(cand.attrs.get("document", ""))))
            return Resolution(best[2].id, best[0] / 100.0, best[3], True)
        return Resolution(self._fresh_id(cand.type, key), 1.0, ("new",), False)

    def rehome_pending(self) -> list[tuple[str, str, str]]:
        """Documents whose company name without a legal form joined another case's company
        because its own case's company was not known yet: ``(document id, joined id, own id)``
        for each whose case now has a company of that name, with a legal form the joined one
        does not have ("Golden Trading" in a bank row before the case's "Golden Trading Inc."
        shows up, when another case has "Golden Trading LLC"). Replaying them resolves the name
        to its own case's company."""
        out = []
        for joined, case, keys, document in self._tentative:
            other = self.ledger.entity(joined)
            hits = [h for h in self.ledger.by_blocks("Company", ["=" + k for k in keys], limit=20)
                    if h.id != joined and self.ledger.survivor(h.id) == h.id
                    and case in h.attrs.get("formed_cases", [])
                    and not _forms_agree(set(h.attrs.get("forms", [])), other.attrs if other else {})]
            if hits and document:
                out.append((document, joined, hits[0].id))
        self._tentative.clear()
        return out

    def _candidates(self, entity_type: str, keys: set[str]) -> list[IndexedEntity]:
        blocks = sorted({b for k in keys for b in _blocks(k)})
        return self.ledger.by_blocks(entity_type, blocks) if blocks else []

    def _score(self, cand: Candidate, keys: set[str], links: set[str],
               other: IndexedEntity) -> tuple[float, tuple[str, ...]]:
        """The merge score (0 = no merge) and its reasons."""
        other_keys = {other.key, *other.attrs.get("keys", [])}
        shared = sorted(links & set(other.attrs.get("links", [])))
        forms = _legal_forms(cand) if cand.type == "Company" else set()
        if _conflict(cand.attrs, other.attrs) or not _forms_agree(forms, other.attrs):
            return 0.0, ()
        reasons: list[str] = []
        case, other_cases = cand.attrs.get("case"), other.attrs.get("cases", [])
        same_case = case in other_cases if case and other_cases else not case and not other_cases
        common = keys & other_keys
        if cand.type == "Person" and not (same_case or shared):
            return 0.0, ()  # a namesake in another case is not enough for a court
        compacts = {c for n in (cand.name, *cand.aliases) if (c := compact_key(n, cand.type))}
        other_compacts = set(other.attrs.get("compact", []))
        if common and (same_case or not all(_weak(k, cand.type) for k in common)):
            reasons.append("same normalised name")
            score = 100.0
        elif cand.type != "Person" and any(
                c in other_compacts for c in compacts if len(c) >= 8) and (
                same_case or shared or not all(_weak(k, cand.type) for k in keys)):
            reasons.append("same name with the spaces removed")
            score = 98.0
        else:
            strong = [(a, b) for a in keys for b in other_keys
                      if not (_weak(a, cand.type) or _weak(b, cand.type))]
            score = max((fuzz.token_sort_ratio(a, b) for a, b in strong), default=0.0)
            reasons.append(f"name similarity {score:.0f}")
            if same_case and any(  # "Dung Duong" / "Duong Van Dung"; "Jade Supply" / "... HK"
                    min(len(a.split()), len(b.split())) >= 2 and fuzz.token_set_ratio(a, b) == 100
                    for a in keys for b in other_keys):
                score = max(score, FUZZY_ALONE)
                reasons.append("one name contains the other within the same case")
            if cand.type == "Person" and shared and any(
                    min(len(a.split()), len(b.split())) >= 2 and fuzz.token_set_ratio(a, b) == 100
                    for a in keys for b in other_keys):  # "Kaan Yildirim" of "Mehmet Kaan ..."
                score = max(score, FUZZY_ALONE)
                reasons.append("one name contains the other and they share an identifier")
            if cand.type == "Person" and any(_initials_compatible(a, b) for a in keys
                                             for b in other_keys):
                if same_case:
                    score = max(score, FUZZY_ALONE)
                    reasons.append("initials match within the same case")
        if shared:
            reasons.append("shares " + ", ".join(shared[:3]))
        if score >= FUZZY_ALONE or (shared and score >= FUZZY_WITH_ATTRIBUTE):
            return score, tuple(reasons)
        return 0.0, ()

    def remember(self, resolution: Resolution, cand: Candidate) -> None:
        """Add what was learnt about this entity to the index."""
        if resolution.type and resolution.type != cand.type:
            cand = replace(cand, type=resolution.type)
        names = (cand.name, *cand.aliases)
        keys = sorted({name_key(n, cand.type) for n in names})
        existing = self.ledger.entity(resolution.id)
        attrs: dict[str, Any] = dict(existing.attrs) if existing else {}
        if cand.type in PARTY_TYPES:
            attrs["weight"] = int(attrs.get("weight", 0)) + type_weight(cand)
            if cand.type == "Company" and any(_org_word(n) for n in names):
                attrs["org"] = True
        if cand.type == "Company" and (forms := _legal_forms(cand)):
            attrs["forms"] = sorted(set(attrs.get("forms", [])) | forms)
            if cand.attrs.get("case"):
                attrs["formed_cases"] = sorted(set(attrs.get("formed_cases", [])) |
                                               {cand.attrs["case"]})
        if cand.type in NAMED_TYPES:
            attrs["compact"] = sorted(set(attrs.get("compact", [])) |
                                      {c for n in names if (c := compact_key(n, cand.type))})
        attrs["keys"] = sorted(set(attrs.get("keys", [])) | set(keys))
        attrs["links"] = sorted(set(attrs.get("links", [])) | set(cand.attrs.get("links", [])))
        if cand.attrs.get("case"):
            attrs["cases"] = sorted(set(attrs.get("cases", [])) | {cand.attrs["case"]})
        for field_name in ("dob", "country"):
            if cand.attrs.get(field_name) and not attrs.get(field_name):
                attrs[field_name] = cand.attrs[field_name]
        key = existing.key if existing else name_key(cand.name, cand.type)
        entity = IndexedEntity(resolution.id, cand.type, existing.name if existing else cand.name,
                               key, attrs)
        blocks = {("=" + k, resolution.id) for k in keys}
        blocks |= {(b, resolution.id) for k in keys for b in _blocks(k)}
        self.ledger.index([entity], sorted(blocks))


def type_weight(cand: Candidate) -> int:
    """How much one document's typing of a name counts: a typed record column counts two,
    prose one.

    >>> type_weight(Candidate("Company", "Acme", attrs={"record": True}))
    2
    """
    return 2 if cand.attrs.get("record") else 1


def _org_word(name: str) -> str | None:
    """An organisation word in ``name`` besides its legal form ("Jade Supply Ltd" has one,
    "John Smith Ltd" has none)."""
    return org_evidence(strip_org_types(name))


def _nearness(case: str | None, attrs: dict[str, Any]) -> tuple[bool, bool]:
    """How close an indexed entity is to a candidate of ``case``: named there with a legal form,
    then named there at all (a tie between two same-name companies goes to the nearer).

    >>> _nearness("C2", {"cases": ["C1", "C2"], "formed_cases": ["C1"]})
    (False, True)
    """
    if not case:
        return False, False
    return case in attrs.get("formed_cases", []), case in attrs.get("cases", [])


def _legal_forms(cand: Candidate) -> set[str]:
    """The legal forms the candidate's names end with (:func:`fakefree.orgnames.legal_form`)."""
    return {f for n in (cand.name, *cand.aliases) if (f := legal_form(n))}


def _forms_agree(forms: set[str], other: dict[str, Any]) -> bool:
    """Whether a company of ``forms`` may be the indexed one: either side names no legal form,
    or two of them agree ("Golden Trading Inc." is not "Golden Trading LLC").

    >>> _forms_agree({"inc"}, {"forms": ["llc"]}), _forms_agree({"ltd"}, {"forms": ["coltd"]})
    (False, True)
    >>> _forms_agree(set(), {"forms": ["llc"]})
    True
    """
    known = other.get("forms", [])
    return not forms or not known or any(legal_forms_agree(a, b) for a in forms for b in known)


def _conflict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two records that state different birth dates or countries are not the same entity."""
    for name in ("dob",):
        if a.get(name) and b.get(name) and a[name] != b[name]:
            return True
    return False
