"""Relations and key roles learnt from annotated real prose (the ``fakefree_pairs`` component).

Two small linear models (:mod:`nlp.linear`), trained by :mod:`nlp.training.pairs` on the real
corpus train split and shipped in ``nlp/models/pairs.json``:

* a relation classifier over every pair of named parties and places of one sentence: the types
  and sub-types of both ends, the words between them and around them, how many mentions lie
  between, the lexical cues of :mod:`nlp.cues` met in the sentence and between the two, and the
  roles and relations the rule component (:mod:`nlp.relations`) already gave them. Its answer is a
  relation type of DESIGN.md or ``NONE``; at most one relation per pair of names;
* one classifier per key role (importer, distributor...) over each mention of a party: the words
  around it, the cues of the sentence and near it, the rule roles. An entity takes a role when one
  of its mentions is above the threshold.

The learnt relations are added to the rule relations (a pair the rules already link keeps its rule
relation); a rule relation is dropped only if the classifier's probability that the pair is
unrelated exceeds ``veto_threshold`` (1.0 by default: never, since vetoing lost relations the
rules find on ``../shared/real_dev`` in cross-validation choices). Rule relations to money or
identifiers are left alone. Thresholds were chosen by 5-fold cross-validation on the train split.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import RawMention, RawRelation, Sentence, doc_sentences, doc_text
from nlp.cues import RELATION_CUES, ROLE_CUES, clause_cues
from nlp.linear import LinearModel

__all__ = ["PairModels", "PAIRS_PATH", "apply_pairs", "pair_features", "role_features",
           "candidate_pairs", "orient", "NAMED", "PairsComponent"]

log = logging.getLogger(__name__)
PAIRS_PATH = Path(__file__).resolve().parent / "models" / "pairs.json"
NAMED = ("PERSON", "ORG", "LOCATION")
_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
_MAX_BETWEEN = 6  # mentions between the two ends of a candidate pair


@dataclass
class PairModels:
    """The relation model, the key-role models and their thresholds."""

    relation: LinearModel
    roles: dict[str, LinearModel]
    relation_threshold: float = 0.25
    role_threshold: float = 0.5
    veto_threshold: float = 1.0

    def to_dict(self) -> dict:
        """A JSON-ready form."""
        return {"relation": self.relation.to_dict(),
                "roles": {r: m.to_dict() for r, m in sorted(self.roles.items())},
                "relation_threshold": self.relation_threshold,
                "role_threshold": self.role_threshold, "veto_threshold": self.veto_threshold}

    @classmethod
    def from_dict(cls, data: dict) -> "PairModels":
        """The models of :meth:`to_dict`."""
        return cls(LinearModel.from_dict(data["relation"]),
                   {r: LinearModel.from_dict(m) for r, m in data["roles"].items()},
                   data["relation_threshold"], data["role_threshold"], data["veto_threshold"])


@lru_cache(maxsize=2)
def load_models(path: str = str(PAIRS_PATH)) -> PairModels:
    """The shipped models (cached)."""
    import json

    return PairModels.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _kind(m: RawMention) -> str:
    return f"{m.type}:{m.subtype}" if m.subtype else m.type


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10"),
                        (20, "11-20")):
        if n <= limit:
            return name
    return ">20"


def candidate_pairs(in_sent: list[RawMention]) -> list[tuple[RawMention, RawMention, int]]:
    """Pairs (a, b, mentions between) of named mentions of one sentence, in text order."""
    named = [m for m in in_sent if m.type in NAMED]
    out = []
    for i, a in enumerate(named):
        for j in range(i + 1, min(len(named), i + 2 + _MAX_BETWEEN)):
            b = named[j]
            if b.start >= a.end and a.text != b.text:
                out.append((a, b, j - i - 1))
    return out


def sentence_cues(clause: str) -> list[str]:
    """The role and defendant cues met in one sentence (features shared by its pairs)."""
    roles, defendant = clause_cues(clause)
    feats = [f"sc={role}" for role in ROLE_CUES if role in roles]
    return feats + (["sc=defendant"] if defendant else [])


@lru_cache(maxsize=4096)
def _between(between: str) -> tuple[list[str], list[str]]:
    """The words of the text between a pair and its relation-cue features (the same short
    stretches, ", " or " and ", recur)."""
    return _words(between), [f"bc={name}" for name, cue in RELATION_CUES.items()
                             if cue.search(between)]


@lru_cache(maxsize=256)
def _clause_words(clause: str) -> list[str]:
    return [f"w={w}" for w in dict.fromkeys(_words(clause)) if len(w) > 3][:60]


def pair_features(text: str, sent: tuple[int, int], a: RawMention, b: RawMention, n_between: int,
                  rule_types: set[str], cues: list[str] | None = None) -> list[str]:
    """The features of the candidate pair (a, b), ``a`` first in the text (``cues``: the
    :func:`sentence_cues` of the sentence, computed here if not given)."""
    tt = f"{a.type}|{b.type}"
    words, between_cues = _between(text[a.end:b.start])
    before = _words(text[max(sent[0], a.start - 40):a.start])[-2:]
    after = _words(text[b.end:min(sent[1], b.end + 40)])[:2]
    feats = [f"t={_kind(a)}|{_kind(b)}", f"tt={tt}", f"d={_bucket(len(words))}",
             f"tt={tt}|d={_bucket(len(words))}", f"nb={min(n_between, 3)}",
             f"tt={tt}|nb={min(n_between, 3)}"]
    if len(words) <= 4:
        feats += [f"bs={' '.join(words)}", f"tt={tt}|bs={' '.join(words)}"]
    if words:
        feats += [f"bf={words[0]}", f"bl={words[-1]}", f"tt={tt}|bf={words[0]}",
                  f"tt={tt}|bl={words[-1]}"]
    feats += [f"bw={w}" for w in words[:12] + words[-12:]]
    feats += [f"a-{i}={w}" for i, w in enumerate(reversed(before), 1)]
    feats += [f"b+{i}={w}" for i, w in enumerate(after, 1)]
    feats += [f"ra={r}" for r in a.roles] + [f"rb={r}" for r in b.roles]
    feats += [f"tt={tt}|rule={r}" for r in rule_types] + [f"rule={r}" for r in rule_types]
    feats += between_cues
    return feats + (cues if cues is not None else sentence_cues(text[sent[0]:sent[1]]))


def role_features(text: str, sent: tuple[int, int], m: RawMention, n_parties: int,
                  cues: list[str] | None = None) -> list[str]:
    """The features of one party mention for the key-role classifiers."""
    before = _words(text[max(sent[0], m.start - 80):m.start])[-8:]
    after = _words(text[m.end:min(sent[1], m.end + 80)])[:8]
    near_start, near_end = max(sent[0], m.start - 70), min(sent[1], m.end + 70)
    near = text[near_start:near_end]
    clause = text[sent[0]:sent[1]]
    feats = [f"t={_kind(m)}", f"np={min(n_parties, 4)}"]
    feats += [f"p={w}" for w in before] + [f"n={w}" for w in after]
    feats += [f"p-{i}={w}" for i, w in enumerate(reversed(before[-2:]), 1)]
    feats += [f"n+{i}={w}" for i, w in enumerate(after[:2], 1)]
    feats += _clause_words(clause)
    feats += [f"r={r}" for r in m.roles]
    # a cue found near the mention is found in its sentence, unless the stretch cuts a word
    # (``\b`` then holds at the cut): the other cues are not looked for
    in_clause = clause_cues(clause)[0]
    whole = _whole_words(text, near_start, sent[0]) and _whole_words(text, near_end, sent[1])
    feats += [f"nc={role}" for role, cue in ROLE_CUES.items()
              if (not whole or role in in_clause) and cue.search(near)]
    return feats + (cues if cues is not None else sentence_cues(clause))


def _is_word(ch: str) -> bool:
    r"""Whether ``re`` takes ``ch`` for a word character (``\w``)."""
    return ch.isalnum() or ch == "_"


def _whole_words(text: str, cut: int, edge: int) -> bool:
    """Whether cutting ``text`` at ``cut`` (or at the sentence edge ``edge``) splits no word.

    >>> _whole_words("an importer", 3, 0), _whole_words("an importer", 4, 0)
    (True, False)
    """
    return cut == edge or not (_is_word(text[cut - 1]) and _is_word(text[cut]))


def orient(type_: str, a: RawMention, b: RawMention) -> tuple[RawMention, RawMention]:
    """Source and target of a relation of ``type_`` between ``a`` and ``b`` (text order)."""
    if type_ in ("EMPLOYED_BY", "OWNS", "DIRECTS") and b.type == "PERSON" != a.type:
        return b, a
    if type_ in ("INVESTIGATED", "CHARGED") and b.type == "ORG" and (
            a.type != "ORG" or b.subtype in ("AGENCY", "COURT")):
        return b, a
    if type_ in ("LOCATED_IN", "IMPORTED", "SHIPPED", "HAS_ADDRESS") and \
            a.type == "LOCATION" != b.type:
        return b, a
    return a, b


def _relation(model: LinearModel, feats: list[str]) -> tuple[str, float]:
    """The most probable relation type and the probability that the pair is related at all."""
    probs = dict(zip(model.labels, model.scores(feats)))
    none = probs.pop("NONE", 0.0)
    label = max(sorted(probs), key=probs.__getitem__) if probs else "NONE"
    return label, 1.0 - none


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` (the whole doc if it has none)."""
    return doc_sentences(doc)


def _is_party(m: RawMention) -> bool:
    return m.type == "PERSON" or (m.type == "ORG" and m.subtype not in ("AGENCY", "COURT",
                                                                         "BRAND"))


def apply_pairs(doc: Doc, models: PairModels) -> None:
    """Add learnt key roles and relations to ``doc._.ff_mentions`` / ``doc._.ff_relations``."""
    text = doc_text(doc)
    mentions = sorted(doc._.ff_mentions or [], key=lambda m: m.start)
    relations: list[RawRelation] = list(doc._.ff_relations or [])
    starts = [m.start for m in mentions]
    rule_of: dict[tuple[int, int], list[RawRelation]] = {}
    for r in relations:
        rule_of.setdefault((id(r.source), id(r.target)), []).append(r)
        rule_of.setdefault((id(r.target), id(r.source)), []).append(r)
    best: dict[frozenset[str], tuple[float, RawRelation]] = {}
    vetoed: set[int] = set()
    role_hits: list[tuple[RawMention, str]] = []
    for sent in sentences(doc):
        span = (sent.start_char, sent.end_char)
        first = bisect_left(starts, span[0])
        in_sent = [m for m in mentions[first:bisect_left(starts, span[1], first)]
                   if m.source != "dateline"]  # the place a release was filed from
        parties = [m for m in in_sent if _is_party(m)]
        pairs = candidate_pairs(in_sent)
        cues = sentence_cues(text[span[0]:span[1]]) if parties or pairs else []
        for m in parties:
            feats = role_features(text, span, m, len(parties), cues)
            for role, model in models.roles.items():
                label, p = model.predict(feats)
                if label == role and p >= models.role_threshold:
                    role_hits.append((m, role))
        for a, b, n_between in pairs:
            rules = rule_of.get((id(a), id(b)), [])
            feats = pair_features(text, span, a, b, n_between, {r.type for r in rules}, cues)
            label, p = _relation(models.relation, feats)
            if 1.0 - p > models.veto_threshold:
                vetoed.update(id(r) for r in rules)
            if rules or p < models.relation_threshold:
                continue
            key = frozenset((a.text, b.text))
            if key not in best or p > best[key][0]:
                src, dst = orient(label, a, b)
                best[key] = (p, RawRelation(src, dst, label, *span, props={"confidence":
                                                                           round(p, 3)}))
    for m, role in role_hits:
        m.roles.add(role)
    linked = {frozenset((r.source.text, r.target.text)) for r in relations
              if id(r) not in vetoed}
    kept = [r for r in relations if id(r) not in vetoed]
    kept += [r for key, (_, r) in best.items() if key not in linked]
    doc._.ff_relations = kept


@Language.factory("fakefree_pairs", default_config={"path": ""})
def make_pairs(nlp: Language, name: str, path: str) -> "PairsComponent":
    """Learnt roles and relations (``path``: a models file; default the shipped one)."""
    return PairsComponent(path or str(PAIRS_PATH))


class PairsComponent:
    """Apply the learnt relation and key-role models to each doc."""

    def __init__(self, path: str) -> None:
        self.models = load_models(path) if Path(path).exists() else None
        if self.models is None:
            log.warning("No relation model at %s; only the rule relations are given.", path)

    def __call__(self, doc: Doc) -> Doc:
        if self.models is not None:
            apply_pairs(doc, self.models)
        return doc
