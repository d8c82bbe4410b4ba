"""Score extraction against gold annotations: P/R/F1 per type, key-role recall, relation P/R.

Two gold formats are read from a folder:

* the real-text dev format: ``NAME.txt`` (a ``SOURCE:`` line, a blank line, the text) with
  ``NAME.gold.json`` listing entities and relations by name; entity strings are matched after
  lower-casing and stripping articles and possessives, money by its numeric core;
* our extraction JSON (``NAME.gold.json`` with ``mentions``) beside ``NAME.txt``; entities are then
  matched by mention span and type.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nlp.cues import KEY_ROLES
from nlp.model import Extraction
from nlp.money import find_money

__all__ = ["GoldDoc", "Scores", "read_gold", "score", "evaluate_dir", "evaluate_dirs",
           "format_scores", "TYPES", "stock_extractor"]

log = logging.getLogger(__name__)
TYPES = ("PERSON", "ORG", "LOCATION", "MONEY")
_ARTICLES = re.compile(r"^(the|a|an|le|la|les|l'|el|los|las|un|une|una)\s+|^l'|^d'", re.I)


@dataclass
class GoldDoc:
    """One gold text: its name, text, language and gold extraction in a common form."""

    name: str
    text: str
    language: str | None
    entities: list[dict]
    relations: list[dict]
    by_span: bool = False


@dataclass
class Scores:
    """Counts and the figures derived from them."""

    tp: dict[str, int] = field(default_factory=dict)
    n_pred: dict[str, int] = field(default_factory=dict)
    n_gold: dict[str, int] = field(default_factory=dict)
    role_hits: dict[str, int] = field(default_factory=dict)
    role_gold: dict[str, int] = field(default_factory=dict)
    rel_tp: int = 0
    rel_typed_tp: int = 0
    rel_pred: int = 0
    rel_gold: int = 0
    docs: int = 0

    def prf(self, type_: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type."""
        tp, p, g = self.tp.get(type_, 0), self.n_pred.get(type_, 0), self.n_gold.get(type_, 0)
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1

    def key_role_recall(self) -> float:
        """Recall of the key functional roles stated in the gold."""
        gold = sum(self.role_gold.get(r, 0) for r in KEY_ROLES)
        return sum(self.role_hits.get(r, 0) for r in KEY_ROLES) / gold if gold else 0.0

    def to_dict(self) -> dict:
        """Plain figures for JSON."""
        rel_p = self.rel_tp / self.rel_pred if self.rel_pred else 0.0
        rel_r = self.rel_tp / self.rel_gold if self.rel_gold else 0.0
        return {
            "docs": self.docs,
            "types": {t: dict(zip(("precision", "recall", "f1"), self.prf(t)),
                              tp=self.tp.get(t, 0), predicted=self.n_pred.get(t, 0),
                              gold=self.n_gold.get(t, 0)) for t in TYPES},
            "key_role_recall": self.key_role_recall(),
            "roles": {r: {"hits": self.role_hits.get(r, 0), "gold": g}
                      for r, g in sorted(self.role_gold.items())},
            "relations": {"precision": rel_p, "recall": rel_r, "typed_tp": self.rel_typed_tp,
                          "tp": self.rel_tp, "predicted": self.rel_pred, "gold": self.rel_gold},
        }


def norm(text: str) -> str:
    """Lower-cased, accent-free form without articles or possessives.

    >>> norm("The Port of New York's")
    'port of new york'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = text.replace("’", "'")
    text = _ARTICLES.sub("", text)
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def money_core(text: str) -> str:
    """The numeric core of an amount: its value if parsable, else its digits.

    >>> money_core("$130M") == money_core("$130 million")
    True
    """
    found = find_money(text)
    if found and found[0].amount is not None:
        return f"{found[0].amount:.0f}"
    return re.sub(r"\D", "", text)


def _keys(type_: str, names: Iterable[str]) -> set[str]:
    out = set()
    for name in names:
        key = money_core(name) if type_ == "MONEY" else norm(name)
        if key:
            out.add(key)
    return out


def read_gold(folder: Path) -> list[GoldDoc]:
    """Every gold document of ``folder`` (either format)."""
    from fakefree.errors import InputError

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"The gold folder {folder} does not exist.")
    docs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name[:-len(".gold.json")] + ".txt")
        if not text_path.exists():
            raise InputError(f"The gold file {gold_path} has no text file {text_path.name}.")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"The gold file {gold_path} is not valid JSON.") from exc
        text = text_path.read_text(encoding="utf-8")
        if text.startswith("SOURCE:"):
            head, _, rest = text.partition("\n\n")
            text = rest
        by_span = any("mentions" in e for e in gold.get("entities", []))
        docs.append(GoldDoc(gold_path.name, text, gold.get("language"),
                            gold.get("entities", []), gold.get("relations", []), by_span))
    if not docs:
        raise InputError(f"The gold folder {folder} holds no *.gold.json file.")
    return docs


def _score_doc(gold: GoldDoc, pred: Extraction, s: Scores) -> None:
    s.docs += 1
    pred_ents = [e for e in pred.entities if e.type in TYPES]
    matched: dict[int, int] = {}
    if gold.by_span:
        spans = {}
        for i, e in enumerate(pred_ents):
            for m in e.mentions:
                spans[(e.type, m.start, m.end)] = i
        for gi, g in enumerate(gold.entities):
            for m in g.get("mentions", []):
                pi = spans.get((g["type"], m["start"], m["end"]))
                if pi is not None and pi not in matched.values():
                    matched[gi] = pi
                    break
    else:
        pred_keys = [_keys(e.type, [e.name, *e.aliases]) for e in pred_ents]
        for gi, g in enumerate(gold.entities):
            gkeys = _keys(g["type"], [g["name"], *g.get("aliases", [])])
            for pi, e in enumerate(pred_ents):
                if e.type == g["type"] and pi not in matched.values() and gkeys & pred_keys[pi]:
                    matched[gi] = pi
                    break
    for type_ in TYPES:
        s.n_gold[type_] = s.n_gold.get(type_, 0) + sum(g["type"] == type_ for g in gold.entities)
        s.n_pred[type_] = s.n_pred.get(type_, 0) + sum(e.type == type_ for e in pred_ents)
        s.tp[type_] = s.tp.get(type_, 0) + sum(gold.entities[gi]["type"] == type_
                                               for gi in matched)
    for gi, g in enumerate(gold.entities):
        for role in g.get("roles", []):
            s.role_gold[role] = s.role_gold.get(role, 0) + 1
            if gi in matched and role in pred_ents[matched[gi]].roles:
                s.role_hits[role] = s.role_hits.get(role, 0) + 1
    _score_relations(gold, pred, pred_ents, matched, s)


def _score_relations(gold: GoldDoc, pred: Extraction, pred_ents: list, matched: dict[int, int],
                     s: Scores) -> None:
    name_to_gi: dict[str, int] = {}
    for gi, g in enumerate(gold.entities):
        name_to_gi.setdefault(g.get("id") or g["name"], gi)
        name_to_gi.setdefault(g["name"], gi)
    pid_to_pi = {e.id: pi for pi, e in enumerate(pred_ents)}
    pi_to_gi = {pi: gi for gi, pi in matched.items()}
    gold_pairs = []
    for r in gold.relations:
        a, b = name_to_gi.get(r["source"]), name_to_gi.get(r["target"])
        gold_pairs.append((frozenset((a, b)), r["type"]))
    s.rel_gold += len(gold_pairs)
    s.rel_pred += len(pred.relations)
    used: set[int] = set()
    for r in pred.relations:
        a, b = pid_to_pi.get(r.source), pid_to_pi.get(r.target)
        ga, gb = pi_to_gi.get(a) if a is not None else None, pi_to_gi.get(b) if b is not None else None
        if ga is None or gb is None:
            continue
        for k, (pair, type_) in enumerate(gold_pairs):
            if k not in used and pair == frozenset((ga, gb)):
                used.add(k)
                s.rel_tp += 1
                s.rel_typed_tp += type_ == r.type
                break


def score(pairs: Iterable[tuple[GoldDoc, Extraction]]) -> Scores:
    """Scores over (gold, prediction) pairs."""
    s = Scores()
    for gold, pred in pairs:
        _score_doc(gold, pred, s)
    return s


def evaluate_dir(folder: Path, extractor: Callable[[str, str | None], Extraction]) -> Scores:
    """Run ``extractor(text, language)`` on every gold text of ``folder`` and score it."""
    docs = read_gold(folder)
    return score((d, extractor(d.text, d.language)) for d in docs)


def evaluate_dirs(folders: Iterable[Path], extractor: Callable[[str, str | None], Extraction]
                  ) -> tuple[list[Scores], Scores]:
    """:func:`evaluate_dir` over several folders: the scores of each and the pooled scores (micro
    over every entity and relation of all the folders, so a big folder weighs more)."""
    each, pooled = [], Scores()
    for folder in folders:
        s = Scores()
        for d in read_gold(folder):
            pred = extractor(d.text, d.language)
            _score_doc(d, pred, s)
            _score_doc(d, pred, pooled)
        each.append(s)
    return each, pooled


def format_scores(s: Scores) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t in TYPES:
        p, r, f = s.prf(t)
        lines.append(f"{t:10} {p:6.3f} {r:6.3f} {f:6.3f} {s.n_gold.get(t, 0):6d} "
                     f"{s.n_pred.get(t, 0):6d}")
    d = s.to_dict()
    lines.append(f"key-role recall {d['key_role_recall']:.3f} "
                 "(" + ", ".join(f"{k} {v['hits']}/{v['gold']}" for k, v in d["roles"].items()) + ")")
    rel = d["relations"]
    lines.append(f"relations P {rel['precision']:.3f} R {rel['recall']:.3f} "
                 f"(typed matches {rel['typed_tp']}, pred {rel['predicted']}, gold {rel['gold']})")
    lines.append(f"documents {s.docs}")
    return "\n".join(lines)


_STOCK_TYPES = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "LOCATION",
                "LOC": "LOCATION", "FAC": "LOCATION", "MONEY": "MONEY"}


def stock_extractor(model: str) -> Callable[[str, str | None], Extraction]:
    """A bare installed spaCy pipeline as an extractor: its own entities, no roles, and the pairs
    of named parties and places in one sentence as relations (the baseline of the issue).

    Unlike ``--model`` of ``fakefree eval extraction``, none of our rules or clean-up run.
    """
    import spacy

    from nlp.model import Entity, Mention, Relation

    pipe = spacy.load(model)
    if not any(n in pipe.pipe_names for n in ("parser", "senter", "sentencizer")):
        pipe.add_pipe("sentencizer")

    def run(text: str, language: str | None) -> Extraction:
        doc = pipe(text)
        entities: dict[tuple[str, str], Entity] = {}
        by_sentence: dict[int, list[str]] = {}
        for ent in doc.ents:
            type_ = _STOCK_TYPES.get(ent.label_)
            if not type_:
                continue
            entity = entities.setdefault((type_, ent.text),
                                         Entity.make(type_, ent.text))
            entity.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
            if type_ != "MONEY":
                ids = by_sentence.setdefault(ent.sent.start, [])
                if entity.id not in ids:
                    ids.append(entity.id)
        relations = []
        for ids in by_sentence.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    relations.append(Relation(a, b, "ASSOCIATED_WITH", Mention(0, 0, "")))
        return Extraction(language=language or "en", entities=list(entities.values()),
                          relations=relations)

    return run


def main(argv: list[str] | None = None) -> int:
    """``python -m nlp.evaluate --gold DIR [--gold DIR2 ...] [--stock MODEL] [--json]``: the scores
    of each folder and, with several, the pooled scores."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, required=True, action="append",
                        help="a gold folder; repeat it to score several and pool them")
    parser.add_argument("--stock", help="score a bare installed spaCy pipeline (no rules)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.stock:
        extractor = stock_extractor(args.stock)
    else:
        from nlp.pipeline import extract

        def extractor(text: str, language: str | None) -> Extraction:
            return extract(text, language=language)
    each, pooled = evaluate_dirs(args.gold, extractor)
    if len(each) == 1:
        out = json.dumps(pooled.to_dict(), indent=1) if args.json else format_scores(pooled)
    elif args.json:
        out = json.dumps({**{str(f): s.to_dict() for f, s in zip(args.gold, each)},
                          "pooled": pooled.to_dict()}, indent=1)
    else:
        out = "\n\n".join([f"== {f}\n{format_scores(s)}" for f, s in zip(args.gold, each)]
                          + [f"== pooled\n{format_scores(pooled)}"])
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
