"""Train the relation and key-role classifiers of :mod:`nlp.pairs` on the real corpus.

``python -m nlp.training.pairs [--cv 5] [--dev DIR]`` runs the shipped pipeline (without the
learnt component) over the train split of ``nlp/corpus/real``, labels every candidate pair and
party mention from the gold annotation, fits the models (deterministic: L-BFGS from zero) and
writes ``nlp/models/pairs.json``. ``--cv K`` reports K-fold cross-validation on the train split
(folds by text) with the scorer of :mod:`nlp.evaluate`; ``--dev`` scores a gold folder. The eval
split is never read here.

Labels: a predicted mention stands for the gold entity of the same type whose name or alias it
matches (the scorer's matching); a pair is positive when the gold links the two entities and its
evidence overlaps the sentence. Gold relation names are mapped onto DESIGN.md types.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from nlp.assemble import assemble
from nlp.components import RawMention, RawRelation
from nlp.cues import KEY_ROLES
from nlp.evaluate import GoldDoc, Scores, _keys, format_scores, read_gold, score
from nlp.linear import fit
from nlp.pairs import (PAIRS_PATH, PairModels, _is_party, apply_pairs, candidate_pairs,
                       pair_features, role_features, sentences)

__all__ = ["GOLD_TYPES", "BaseDoc", "base_docs", "instances", "train_models", "cross_validate",
           "main"]

log = logging.getLogger(__name__)
REAL_TRAIN = Path(__file__).resolve().parent.parent / "corpus" / "real" / "train"
GOLD_TYPES = {"WORKS_FOR": "EMPLOYED_BY", "EMPLOYED_BY": "EMPLOYED_BY",
              "LOCATED_IN": "LOCATED_IN", "CO_CONSPIRATOR_OF": "ASSOCIATED_WITH",
              "IMPORTED_FROM": "IMPORTED", "SHIPPED_TO": "SHIPPED", "SHIPPED_VIA": "SHIPPED",
              "INVESTIGATED_BY": "INVESTIGATED", "PROSECUTED_BY": "CHARGED",
              "DIRECTS": "DIRECTS", "OWNS": "OWNS", "SUPPLIED": "SUPPLIED"}
MIN_ROLE_ENTITIES = 3
ROLE_WEIGHT = 20.0  # a stated role is rare among party mentions: its instances count this much


@dataclass
class BaseDoc:
    """A gold text and the pipeline's output on it before the learnt component."""

    gold: GoldDoc
    doc: Doc
    mentions: list[RawMention]
    relations: list[RawRelation]


def base_docs(folder: Path) -> list[BaseDoc]:
    """Run the pipeline (rules, no learnt component, no events) over every gold text."""
    from nlp.pipeline import load_pipeline

    out = []
    for gold in read_gold(folder):
        pipe = load_pipeline(gold.language or "en")
        with pipe.select_pipes(disable=[n for n in ("fakefree_pairs", "fakefree_events")
                                        if n in pipe.pipe_names]):
            doc = pipe(gold.text)
        out.append(BaseDoc(gold, doc, list(doc._.ff_mentions or []),
                           list(doc._.ff_relations or [])))
    return out


def _entity_of(gold: GoldDoc) -> dict[tuple[str, str], int]:
    index: dict[tuple[str, str], int] = {}
    for gi, g in enumerate(gold.entities):
        for key in _keys(g["type"], [g["name"], *g.get("aliases", [])]):
            index.setdefault((g["type"], key), gi)
    return index


def instances(base: BaseDoc) -> tuple[list[tuple[list[str], str]], dict[str, list[tuple[list[str], bool]]]]:
    """Labelled relation instances and per-role labelled mention instances of one text."""
    gold, text = base.gold, base.gold.text
    index = _entity_of(gold)

    def entity(m: RawMention) -> int | None:
        for key in _keys(m.type, [m.text]):
            if (m.type, key) in index:
                return index[(m.type, key)]
        return None

    by_name = {g["name"]: gi for gi, g in enumerate(gold.entities)}
    linked: dict[frozenset[int], list[tuple[str, int, int]]] = {}
    for r in gold.relations:
        a, b = by_name.get(r["source"]), by_name.get(r["target"])
        if a is None or b is None:
            continue
        ev = r.get("evidence") or ""
        start = text.find(ev) if ev else -1
        span = (start, start + len(ev)) if start >= 0 else (0, len(text))
        linked.setdefault(frozenset((a, b)), []).append(
            (GOLD_TYPES.get(r["type"], "ASSOCIATED_WITH"), *span))
    rule_of: dict[tuple[int, int], set[str]] = {}
    for rule in base.relations:
        rule_of.setdefault((id(rule.source), id(rule.target)), set()).add(rule.type)
        rule_of.setdefault((id(rule.target), id(rule.source)), set()).add(rule.type)
    mentions = sorted(base.mentions, key=lambda m: m.start)
    rel_out: list[tuple[list[str], str]] = []
    role_out: dict[str, list[tuple[list[str], bool]]] = {r: [] for r in KEY_ROLES}
    for sent in sentences(base.doc):
        span = (sent.start_char, sent.end_char)
        in_sent = [m for m in mentions if span[0] <= m.start < span[1]]
        parties = [m for m in in_sent if _is_party(m)]
        for m in parties:
            gi = entity(m)
            roles = set(gold.entities[gi].get("roles", [])) if gi is not None else set()
            feats = role_features(text, span, m, len(parties))
            for role in KEY_ROLES:
                role_out[role].append((feats, role in roles))
        for left, right, n_between in candidate_pairs(in_sent):
            ga, gb = entity(left), entity(right)
            label = "NONE"
            if ga is not None and gb is not None:
                for type_, s, e in linked.get(frozenset((ga, gb)), []):
                    if s < span[1] and e > span[0]:
                        label = type_
                        break
            feats = pair_features(text, span, left, right, n_between,
                                  rule_of.get((id(left), id(right)), set()))
            rel_out.append((feats, label))
    return rel_out, role_out


def train_models(bases: list[BaseDoc], l2: float = 1.0) -> PairModels:
    """Fit the relation model and the key-role models on the labelled texts."""
    rel: list[tuple[list[str], str]] = []
    roles: dict[str, list[tuple[list[str], bool]]] = {r: [] for r in KEY_ROLES}
    role_entities: dict[str, int] = {r: 0 for r in KEY_ROLES}
    for base in bases:
        r_inst, role_inst = instances(base)
        rel += r_inst
        for role, items in role_inst.items():
            roles[role] += items
        for g in base.gold.entities:
            for role in set(g.get("roles", [])) & set(KEY_ROLES):
                role_entities[role] += 1
    relation = fit([f for f, _ in rel], [label for _, label in rel], l2=l2, min_count=2)
    role_models = {}
    for role, items in roles.items():
        if role_entities[role] >= MIN_ROLE_ENTITIES and any(y for _, y in items):
            role_models[role] = fit([f for f, _ in items], [role if y else "NONE" for _, y in items],
                                    l2=l2, min_count=2, class_weight={role: ROLE_WEIGHT})
    return PairModels(relation, role_models)


def predict(base: BaseDoc, models: PairModels | None):
    """The extraction of one base text with the learnt component applied (on a copy)."""
    mentions, relations = copy.deepcopy((base.mentions, base.relations))
    base.doc._.ff_mentions, base.doc._.ff_relations = mentions, relations
    if models is not None:
        apply_pairs(base.doc, models)
    return assemble(base.gold.language or "en", base.doc._.ff_mentions, base.doc._.ff_relations,
                    base.gold.text)


def cross_validate(bases: list[BaseDoc], k: int = 5, l2: float = 1.0,
                   **thresholds: float) -> Scores:
    """K-fold scores over the texts (fold = position modulo ``k`` in name order)."""
    pairs = []
    for fold in range(k):
        train = [b for i, b in enumerate(bases) if i % k != fold]
        models = train_models(train, l2)
        for name, value in thresholds.items():
            setattr(models, name, value)
        pairs += [(b.gold, predict(b, models)) for i, b in enumerate(bases) if i % k == fold]
    return score(pairs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, default=REAL_TRAIN)
    parser.add_argument("--cv", type=int, default=0, help="report K-fold cross-validation")
    parser.add_argument("--dev", type=Path, action="append", default=[],
                        help="also score this gold folder (never trained on)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=PAIRS_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    bases = base_docs(args.train)
    if args.cv:
        log.info("rules only, train split:\n%s", format_scores(
            score((b.gold, predict(b, None)) for b in bases)))
        log.info("%d-fold cross-validation, train split:\n%s", args.cv,
                 format_scores(cross_validate(bases, args.cv, args.l2)))
    models = train_models(bases, args.l2)
    args.out.write_text(json.dumps(models.to_dict(), separators=(",", ":"), sort_keys=True),
                        encoding="utf-8")
    log.info("wrote %s (%d relation features, roles %s)", args.out,
             len(models.relation.weights), sorted(models.roles))
    from nlp.pairs import load_models
    from nlp.pipeline import load_pipeline

    load_models.cache_clear()  # pipelines loaded from now on use the new models
    load_pipeline.cache_clear()
    for folder in args.dev:
        dev = base_docs(folder)
        log.info("%s, rules only:\n%s", folder, format_scores(
            score((b.gold, predict(b, None)) for b in dev)))
        log.info("%s, learnt:\n%s", folder, format_scores(
            score((b.gold, predict(b, models)) for b in dev)))


if __name__ == "__main__":
    main()
