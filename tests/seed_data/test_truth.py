"""Ground truth: spans, rendered texts, structured rows, DocBin, splits and the true graph."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
from pathlib import Path


from seed_data import truth_batch
from seed_data.names import in_split
from seed_data.truth import SPACY_LABELS


def _annotations(demo: Path):
    for path in sorted((demo / "truth" / "annotations").rglob("*.json")):
        yield path, json.loads(path.read_text(encoding="utf-8"))


def test_truth_every_span_equals_the_text_slice(demo):
    count = 0
    for _, ann in _annotations(demo):
        text = ann["text"]
        for ent in ann["entities"]:
            for m in ent["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
                count += 1
        for rel in ann["relations"]:
            ev = rel["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]
    assert count > 2000


def test_truth_relation_endpoints_are_mentioned_or_entities(demo):
    entities = {e["id"] for e in json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))}
    relations = {r["id"]: r for r in json.loads((demo / "truth" / "relations.json").read_text(encoding="utf-8"))}
    for _, ann in _annotations(demo):
        for rel in ann["relations"]:
            assert rel["source"] in entities and rel["target"] in entities
            true = relations[rel["id"]]
            assert (true["source"], true["type"], true["target"]) == (rel["source"], rel["type"], rel["target"])


def test_truth_txt_files_hold_the_annotated_text(demo):
    for path, ann in _annotations(demo):
        if ann["format"] == "txt":
            doc = demo / "documents" / ann["path"]
            assert doc.read_text(encoding="utf-8") == ann["text"]


def test_truth_docx_and_eml_hold_the_annotated_text(demo):
    import docx

    seen = set()
    for _, ann in _annotations(demo):
        doc = demo / "documents" / ann["path"]
        if ann["format"] == "docx":
            paragraphs = [p.text for p in docx.Document(str(doc)).paragraphs]
            assert "\n".join(paragraphs) == ann["text"]
            seen.add("docx")
        elif ann["format"] == "eml":
            msg = email.message_from_bytes(doc.read_bytes(), policy=email.policy.default)
            body = msg.get_body().get_content()
            assert ann["text"].endswith(body)
            assert ann["text"].startswith("From: ")
            seen.add("eml")
    assert seen == {"docx", "eml"}


def test_truth_pdf_text_matches_annotation(demo):
    import pdfplumber

    pdfs = [ann for _, ann in _annotations(demo) if ann["format"] == "pdf"]
    assert pdfs
    ann = pdfs[0]
    with pdfplumber.open(demo / "documents" / ann["path"]) as pdf:
        extracted = " ".join(page.extract_text() or "" for page in pdf.pages)
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert squash(ann["text"]) == squash(extracted)


def test_truth_structured_rows_point_into_the_file(demo):
    structured = json.loads((demo / "truth" / "structured.json").read_text(encoding="utf-8"))
    entities = {e["id"] for e in json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))}
    assert {e["format"] for e in structured.values()} == {"csv", "xlsx"}
    for path, entry in structured.items():
        if entry["format"] == "csv":
            text = (demo / "documents" / path).read_text(encoding="utf-8")
            rows = list(csv.reader(io.StringIO(text)))[1:]
            for r, truth in zip(rows, entry["rows"]):
                assert text[truth["start"]:truth["end"]] == truth["text"]
                assert r == truth["cells"]
        else:
            from openpyxl import load_workbook

            ws = load_workbook(demo / "documents" / path).active
            values = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(min_row=2, values_only=True)]
            assert values == [t["cells"] for t in entry["rows"]]
        for truth in entry["rows"]:
            assert set(truth["entities"].values()) <= entities
            assert set(truth["entities"]) <= set(entry["columns"])


def test_truth_docbin_has_entity_labels(demo):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    labels = set()
    n_docs = 0
    for split in ("train", "dev", "test"):
        docs = list(DocBin().from_disk(demo / "truth" / f"{split}.spacy").get_docs(nlp.vocab))
        assert docs, split
        n_docs += len(docs)
        labels |= {e.label_ for d in docs for e in d.ents}
    assert labels <= set(SPACY_LABELS)
    assert {"PERSON", "ORG", "LOC", "MONEY", "DATE", "CONTAINER", "BILL_OF_LADING", "IMO"} <= labels
    narrative = sum(1 for _ in _annotations(demo))
    assert n_docs == narrative


def test_truth_test_split_uses_held_out_names(demo):
    splits = json.loads((demo / "truth" / "splits.json").read_text(encoding="utf-8"))
    entities = json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))
    test_cases, train_cases = set(splits["cases"]["test"]), set(splits["cases"]["train"])
    assert test_cases and train_cases
    only_test = [e for e in entities if e["type"] == "PERSON" and set(e["cases"]) <= test_cases
                 and "namesake_of" not in e["props"]]
    assert only_test
    assert all(in_split(e["name"], "test") for e in only_test)
    only_train = [e for e in entities if e["type"] == "PERSON" and set(e["cases"]) <= train_cases]
    assert sum(in_split(e["name"], "test") for e in only_train) <= len(only_train) * 0.1


def test_truth_batch_loads_into_sqlite_with_source_organizations(demo, tmp_path):
    from graph_etl.store import Viewer
    from graph_etl.store.sqlite.store import SQLiteStore

    batch = truth_batch(demo)
    store = SQLiteStore(tmp_path / "g.db")
    store.upsert(batch)
    again = store.stats(Viewer.system())
    store.upsert(batch)
    assert store.stats(Viewer.system()) == again
    cases = json.loads((demo / "truth" / "cases.json").read_text(encoding="utf-8"))
    viewer = Viewer.system()
    for case in cases:
        for eid in case["source_organization"]:
            node = store.get(eid, viewer)
            assert node is not None, eid
            assert case["id"] in node.cases
            assert len(store.neighbors(eid, viewer, hops=1)) > 1
    assert again["documents"] == len(batch.documents)


def test_truth_transfer_relations_carry_the_stated_amount(demo):
    checked = 0
    for _, ann in _annotations(demo):
        money = [(m["start"], e["amount"], e["currency"]) for e in ann["entities"] if e["type"] == "MONEY"
                 for m in e["mentions"]]
        for rel in ann["relations"]:
            if rel["type"] != "TRANSFERRED":
                continue
            ev = rel["evidence"]
            stated = [(a, c) for s, a, c in money if ev["start"] <= s < ev["end"]]
            assert (rel["amount"], rel["currency"]) in stated, rel
            checked += 1
    assert checked > 20


def test_truth_cli_refuses_a_non_empty_output(tmp_path):
    import subprocess
    import sys

    (tmp_path / "keep.txt").write_text("x")
    proc = subprocess.run([sys.executable, "-m", "cli", "seed", "generate", "-o", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "not empty" in proc.stderr and "--force" in proc.stderr
    assert (tmp_path / "keep.txt").exists()
