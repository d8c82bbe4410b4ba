"""The generator: determinism, the committed demo, layout and check digits."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from stdnum import iban, imo, iso6346

from seed_data.generate import MANIFEST_COLUMNS


def _content(path: Path) -> bytes:
    """A file's bytes; for a PDF its metadata and the text of each page, since the embedded
    font subset's bytes change with the fonttools release installed, not with the document."""
    if path.suffix != ".pdf":
        return path.read_bytes()
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PdfStreamError

    try:
        reader = PdfReader(path)
        parts = [repr(sorted((reader.metadata or {}).items()))]
        parts += [page.extract_text() for page in reader.pages]
    except (PdfReadError, PdfStreamError):  # the deliberately broken files of the demo
        return path.read_bytes()
    return "\f".join(parts).encode("utf-8")


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(_content(p)).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_generate_committed_demo_equals_fresh_generation(fresh_demo, demo):
    fresh, committed = _hashes(fresh_demo), _hashes(demo)
    assert sorted(fresh) == sorted(committed)
    differing = [name for name in fresh if fresh[name] != committed[name]]
    assert differing == [], "regenerate with: fakefree seed generate --cases 12 --seed 7 -o seed_data/demo --force"


def test_generate_manifest_lists_every_document(demo):
    docs = demo / "documents"
    with open(docs / "manifest.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == MANIFEST_COLUMNS
        rows = list(reader)
    listed = {r["path"] for r in rows}
    on_disk = {str(p.relative_to(docs)) for p in docs.rglob("*") if p.is_file() and p.name != "manifest.csv"}
    assert listed == on_disk
    assert all(r["path"].startswith(r["case"] + "/") for r in rows)
    assert len(rows) >= 250
    releasability = Counter(r["releasability"].split(":")[0] for r in rows)
    assert {"UNCLASSIFIED", "LAW-ENFORCEMENT-SENSITIVE", "AGENCY-ONLY", "REL-TO"} <= set(releasability)
    assert {r["language"] for r in rows} == {"en", "fr", "es"}
    assert {Path(r["path"]).suffix for r in rows} == {".txt", ".csv", ".xlsx", ".pdf", ".docx", ".eml"}


def test_generate_truth_never_inside_documents(demo):
    assert not list((demo / "documents").rglob("*.json"))
    assert (demo / "truth" / "entities.json").exists()


def test_generate_identifiers_have_valid_check_digits(demo):
    entities = json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))
    by_type = Counter(e["type"] for e in entities)
    assert by_type["CONTAINER"] > 20 and by_type["IMO"] > 3 and by_type["IBAN"] > 2
    for e in entities:
        if e["type"] == "CONTAINER":
            assert iso6346.is_valid(e["name"]), e["name"]
        elif e["type"] == "IMO":
            assert imo.is_valid(e["name"].split()[-1]), e["name"]
        elif e["type"] == "IBAN":
            assert iban.is_valid(e["name"]), e["name"]


def test_generate_manifest_csv_containers_valid(demo):
    for path in (demo / "documents").rglob("vessel_manifest.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                assert iso6346.is_valid(row["container"].replace(" ", "").replace("-", "")), row["container"]


def test_generate_cases_share_hidden_actors(demo):
    cases = json.loads((demo / "truth" / "cases.json").read_text(encoding="utf-8"))
    entities = {e["id"]: e for e in json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))}
    assert len(cases) == 12
    shared = [e for e in entities.values() if len(e["cases"]) > 1 and e["type"] in ("PERSON", "ORG")
              and "Agency" not in e["labels"] and not e["props"].get("bank")]
    assert len(shared) >= 3
    for case in cases:
        assert case["source_organization"]
        assert any(s["counterfeit"] for s in case["shipments"])
        assert any(not s["counterfeit"] for s in case["shipments"])
        flags = {f for chain in case["money_chains"] for t in chain for f in t["flags"]}
        assert {"structuring", "layering"} <= flags
        structuring = [t for chain in case["money_chains"] for t in chain if "structuring" in t["flags"]]
        assert all(t["amount"] < 10_000 for t in structuring)


def test_generate_plants_lookalikes_and_namesakes(demo):
    entities = json.loads((demo / "truth" / "entities.json").read_text(encoding="utf-8"))
    people = Counter(e["name"] for e in entities if e["type"] == "PERSON")
    assert any(n > 1 for n in people.values()), "two different people with the same name"
    legit = [e for e in entities if e["props"].get("legitimate") and "Importer" in e["labels"]]
    fronts = [e for e in entities if "FrontCompany" in e["labels"]]
    assert any(lg["props"]["core"] == f["props"]["core"] for lg in legit for f in fronts)
