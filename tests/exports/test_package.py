"""Exchange packages: a real store built by ingesting real files, exported for CBP, loaded back.

The source store holds demo documents of CBSA and RCMP plus two CBP may not see: an RCMP
AGENCY-ONLY note naming a unique company, person and phone, and a REL-TO:RCMP,CBSA summary.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from exports.package import export_package
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.readers import sha256_file
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore
from tests.graph_etl.store import neo4j_fixture

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "seed_data" / "demo" / "documents" / "CA-2024-0334"
CBP = Viewer.of("CBP")
SYSTEM = Viewer.system()
DATE = "2026-11-25"
SECRET = ("Surveillance note. Quillon Varga, director of Zorvathi Maritime Holdings Ltd, "
          "phoned +1 514 555 0199 and paid Ye Jiaxin.\n")
SECRET_WORDS = ("Zorvathi", "Quillon", "555 0199")
FILES = [
    ("recordation.txt", "CBSA", "UNCLASSIFIED"),
    ("bill_of_lading_01.txt", "CBSA", "LAW-ENFORCEMENT-SENSITIVE"),
    ("seizure_log.csv", "CBSA", "LAW-ENFORCEMENT-SENSITIVE"),
    ("registry_01.txt", "RCMP", "UNCLASSIFIED"),
    ("email_00.eml", "RCMP", "LAW-ENFORCEMENT-SENSITIVE"),
    ("press_release.txt", "RCMP", "UNCLASSIFIED"),
    ("financial_summary.txt", "RCMP", "REL-TO:RCMP,CBSA"),
    ("secret.txt", "RCMP", "AGENCY-ONLY"),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The sender: real files with a manifest.csv, ingested; press_release.txt then moved away."""
    root = tmp_path_factory.mktemp("sender")
    folder = root / "CA-TEST-0001"
    folder.mkdir()
    for name, _, _ in FILES:
        if name == "secret.txt":
            (folder / name).write_text(SECRET, "utf-8")
        else:
            shutil.copy(CASE / name, folder / name)
    lines = ["path,case,agency,releasability,language,doc_type,date"]
    lines += [f'{name},CA-TEST-0001,{agency},"{rel}",en,note,2024-05-01'
              for name, agency, rel in FILES]
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", "utf-8")
    store = SQLiteStore(root / "graph.db")
    ledger = Ledger(root / "graph.db.ledger")
    summary = ingest([folder], store, ledger, IngestOptions(), "test")
    assert summary.count("loaded") == len(FILES), summary.to_dict()
    ids = {Path(e.path).name: e.sha256 for e in ledger.entries("loaded")}
    (folder / "press_release.txt").rename(root / "moved.txt")
    yield store, ledger, ids
    store.close()
    ledger.close()


@pytest.fixture(scope="module")
def package(source, tmp_path_factory):
    store, ledger, _ = source
    out = tmp_path_factory.mktemp("package") / "for-cbp.zip"
    summary = export_package(store, ledger, "CBP", out, date=DATE)
    return out, summary


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rewrite(path: Path, out: Path, change: Callable[[dict[str, bytes]], None], *,
            resign: bool = False) -> Path:
    """A copy of a package with ``change`` applied; ``resign`` recomputes the manifest's hashes
    the way a forger would."""
    content = members(path)
    change(content)
    if resign:
        manifest = json.loads(content["manifest.json"])
        manifest["files"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                             for name, data in content.items() if name != "manifest.json"}
        content["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in content.items():
            zf.writestr(name, data)
    return out


def snapshot(store, viewer: Viewer) -> tuple[set, set, set]:
    """What a viewer sees: nodes (name, labels), relationships by names, all evidence."""
    graph = store.subgraph(viewer)
    names = {n: data["view"].name for n, data in graph.nodes(data=True)}
    nodes = {(data["view"].name, tuple(data["view"].labels)) for _, data in graph.nodes(data=True)}
    rels = {(names[a], data["type"], names[b]) for a, b, data in graph.edges(data=True)}
    evidence = {(e.document_id, e.start, e.end, e.text)
                for _, _, data in graph.edges(data=True) for e in data["view"].evidence}
    evidence |= {(e.document_id, e.start, e.end, e.text)
                 for _, data in graph.nodes(data=True) for e in data["view"].mentions}
    return nodes, rels, evidence


def receive(store, tmp_path: Path, *paths: Path, **options):
    ledger = Ledger(tmp_path / "receiver.ledger")
    return ledger, ingest(list(paths), store, ledger, IngestOptions(**options), "test")


def test_package_leaves_out_what_cbp_may_not_see(source, package):
    store, _, ids = source
    path, summary = package
    restricted = {ids["secret.txt"], ids["financial_summary.txt"]}
    assert store.search("Zorvathi", Viewer.of("RCMP")), "the secret is in the sender's store"
    assert not store.search("Zorvathi", CBP)
    content = members(path)
    assert not restricted & set(summary.document_ids)
    for name, data in content.items():
        for secret in (*SECRET_WORDS, *restricted, "financial_summary", "secret.txt"):
            assert secret.encode() not in data, (secret, name)
    visible = {d.id for d in store.documents(CBP)}
    assert set(summary.document_ids) == visible
    graph = json.loads(content["graph.json"])
    cited = {m["document_id"] for n in graph["nodes"] for m in n["mentions"]}
    cited |= {e["document_id"] for r in graph["relationships"] for e in r["evidence"]}
    assert cited <= visible and cited


def test_package_manifest_lists_every_member_with_its_hash(source, package):
    _, _, ids = source
    path, summary = package
    content = members(path)
    manifest = json.loads(content.pop("manifest.json"))
    assert (manifest["format"], manifest["version"]) == ("fakefree-exchange-package", 1)
    assert (manifest["for"], manifest["date"], manifest["case"]) == ("CBP", DATE, None)
    assert manifest["viewer"]["agencies"] == ["CBP"]
    assert manifest["files"] == {name: {"sha256": hashlib.sha256(data).hexdigest(),
                                        "size": len(data)} for name, data in content.items()}
    [withheld] = manifest["withheld"]
    assert withheld["document"] == ids["press_release.txt"]
    assert "is no longer there" in withheld["reason"]
    for entry in manifest["documents"]:
        record = json.loads(content[entry["record"]])
        assert record["document"]["id"] == entry["id"]
        assert record["extraction"]["entities"]
        if entry["source"]:
            assert hashlib.sha256(content[entry["source"]]).hexdigest() == entry["id"]
    assert (summary.files_included, summary.files_withheld) == (len(summary.document_ids) - 1, 1)
    assert str(summary).startswith(f"Package for CBP ({DATE}): {len(summary.document_ids)} "
                                   f"documents, {summary.nodes} nodes")


def test_package_same_graph_and_date_give_the_same_bytes(source, package, tmp_path):
    store, ledger, _ = source
    path, _ = package
    again = export_package(store, ledger, "CBP", tmp_path / "again.zip", date=DATE)
    assert again.path.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.namelist() == sorted(zf.namelist())
    later = export_package(store, ledger, "CBP", tmp_path / "later.zip", date="2026-12-01")
    assert later.path.read_bytes() != path.read_bytes()


def test_package_for_one_case_and_a_bad_date(source, tmp_path):
    from fakefree.errors import InputError

    store, ledger, _ = source
    empty = export_package(store, ledger, "CBP", tmp_path / "none.zip", case="XX-0000", date=DATE)
    assert empty.document_ids == () and empty.nodes == 0
    with pytest.raises(InputError, match="not an ISO date"):
        export_package(store, ledger, "CBP", tmp_path / "bad.zip", date="25/11/2026")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_package_loaded_by_the_partner_shows_cbp_the_same_graph(source, package, tmp_path,
                                                                 backend):
    sender, sender_ledger, ids = source
    path, summary = package
    receiver = SQLiteStore(tmp_path / "receiver.db") if backend == "sqlite" else neo4j_fixture.neo4j_test_store()
    try:
        ledger, first = receive(receiver, tmp_path, path)
        [outcome] = first.files
        assert outcome.outcome == "loaded" and outcome.documents == len(summary.document_ids)
        assert snapshot(receiver, CBP) == snapshot(sender, CBP)
        for doc in sender.documents(CBP):
            assert receiver.get_document(doc.id, SYSTEM) == doc
        assert not receiver.search("Zorvathi", SYSTEM)
        stats = receiver.stats(SYSTEM)
        _, second = receive(receiver, tmp_path, path)
        assert [(f.outcome, f.reason) for f in second.files] == [("duplicate", "already loaded")]
        assert receiver.stats(SYSTEM) == stats
        # another package of the same documents, and an original file the package carried
        other = export_package(sender, sender_ledger, "CBP", tmp_path / "other.zip",
                               date="2027-01-01")
        shutil.copy(CASE / "recordation.txt", tmp_path / "recordation.txt")
        _, third = receive(receiver, tmp_path, other.path, tmp_path / "recordation.txt",
                           agency="CBP")
        assert [(f.outcome, f.reason) for f in third.files] == [
            ("duplicate", f"already loaded ({len(summary.document_ids)} documents)"),
            ("duplicate", "already loaded")]
        assert receiver.stats(SYSTEM) == stats
        assert ledger.loaded(ids["recordation.txt"]).agency == "CBSA"
    finally:
        receiver.close()


@pytest.mark.parametrize("change, problem", [
    (lambda c: c.update({next(n for n in c if n.startswith("files/")): b"forged"}),
     "whose SHA-256 or size does not match its manifest.json"),
    (lambda c: c.pop(next(n for n in c if n.startswith("documents/"))),
     "which its manifest.json lists"),
    (lambda c: c.update({"extra.txt": b"unlisted"}), "extra.txt, which its manifest.json does"),
], ids=["tampered", "missing", "unlisted"])
def test_package_altered_is_quarantined_and_nothing_loaded(package, tmp_path, change, problem):
    path, _ = package
    bad = rewrite(path, tmp_path / "bad.zip", change)
    receiver = SQLiteStore(tmp_path / "receiver.db")
    _, summary = receive(receiver, tmp_path, bad, quarantine_dir=tmp_path / "quarantine")
    [outcome] = summary.files
    assert outcome.outcome == "quarantined"
    assert outcome.reason.startswith("Exchange package bad.zip ") and problem in outcome.reason
    assert outcome.reason.count(".") >= 1 and outcome.reason.endswith(".")
    assert (tmp_path / "quarantine" / "bad.zip").exists()
    assert receiver.stats(SYSTEM)["documents"] == 0


def test_package_record_whose_id_is_not_its_file_hash_is_refused(package, tmp_path):
    path, _ = package

    def swap(content: dict[str, bytes]) -> None:
        first, second = sorted(n for n in content if n.startswith("files/"))[:2]
        content[first] = content[second]

    forged = rewrite(path, tmp_path / "forged.zip", swap, resign=True)
    receiver = SQLiteStore(tmp_path / "receiver.db")
    _, summary = receive(receiver, tmp_path, forged)
    [outcome] = summary.files
    assert outcome.outcome == "quarantined"
    assert "claims id" in outcome.reason and "so it was refused" in outcome.reason
    assert receiver.stats(SYSTEM)["documents"] == 0


def test_package_with_a_path_traversal_member_is_refused(package, tmp_path):
    path, _ = package
    hostile = rewrite(path, tmp_path / "hostile.zip",
                      lambda c: c.update({"../../evil.txt": b"owned"}), resign=True)
    receiver = SQLiteStore(tmp_path / "receiver.db")
    _, summary = receive(receiver, tmp_path, hostile)
    [outcome] = summary.files
    assert outcome.outcome == "quarantined"
    assert "unsafe member path '../../evil.txt'" in outcome.reason
    assert receiver.stats(SYSTEM)["documents"] == 0
    assert not (tmp_path.parent / "evil.txt").exists()


def test_package_that_expands_like_a_bomb_is_refused(package, tmp_path):
    path, _ = package
    bomb = rewrite(path, tmp_path / "bomb.zip",
                   lambda c: c.update({"files/zeros.bin": bytes(8 << 20)}), resign=True)
    receiver = SQLiteStore(tmp_path / "receiver.db")
    _, summary = receive(receiver, tmp_path, bomb)
    [outcome] = summary.files
    assert outcome.outcome == "quarantined" and "zip bomb" in outcome.reason
    assert receiver.stats(SYSTEM)["documents"] == 0


def test_ordinary_zip_of_case_files_still_loads_as_before(tmp_path):
    archive = tmp_path / "case.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(CASE / "recordation.txt", "recordation.txt")
        zf.writestr("manifest.json", json.dumps({"note": "not an exchange package"}))
    receiver = SQLiteStore(tmp_path / "receiver.db")
    _, summary = receive(receiver, tmp_path, archive, agency="CBP")
    [outcome] = summary.files
    assert outcome.outcome == "loaded" and outcome.documents == 1, outcome
    assert [d.name for d in receiver.documents(SYSTEM)] == ["case.zip#recordation.txt"]
    assert sha256_file(archive) == outcome.sha256


def test_package_does_not_repeat_a_merge_that_rests_on_a_withheld_document(tmp_path):
    """RCMP's AGENCY-ONLY interview says 'Phạm Quang Trang' is also called 'Tony Pham', which
    joins the press release's 'Tony Pham' to the news article's 'Phạm Quang Trang' in RCMP's
    store. CBP gets the two public documents and builds the graph their own files would give.
    (The alias shares only the family name: 'Trang Pham' would join on its own, its words all
    being in the full name within one case.)"""
    def extraction(name: str, aliases: list[str]) -> str:
        mention = {"start": 0, "end": len(name), "text": name}
        return json.dumps({"entities": [{"id": "e1", "name": name, "type": "PERSON",
                                         "aliases": aliases, "mentions": [mention]}],
                           "relations": []})

    rows = [("a_interview.json", "Phạm Quang Trang", ["Tony Pham"], "AGENCY-ONLY"),
            ("b_news.json", "Phạm Quang Trang", [], "UNCLASSIFIED"),
            ("c_press.json", "Tony Pham", [], "UNCLASSIFIED")]
    sender_dir, direct_dir = tmp_path / "rcmp", tmp_path / "direct"
    for folder, chosen in ((sender_dir, rows), (direct_dir, rows[1:])):
        folder.mkdir()
        lines = ["path,case,agency,releasability"]
        for file_name, name, aliases, rel in chosen:
            (folder / file_name).write_text(extraction(name, aliases), "utf-8")
            lines.append(f"{file_name},CA-2024-0334,RCMP,{rel}")
        (folder / "manifest.csv").write_text("\n".join(lines) + "\n", "utf-8")
    sender = SQLiteStore(tmp_path / "rcmp.db")
    sender_ledger = Ledger(tmp_path / "rcmp.db.ledger")
    ingest([sender_dir], sender, sender_ledger, IngestOptions(), "test")
    package = export_package(sender, sender_ledger, "CBP", tmp_path / "cbp.zip", date=DATE)
    received = SQLiteStore(tmp_path / "cbp.db")
    receive(received, tmp_path, package.path)
    direct = SQLiteStore(tmp_path / "direct.db")
    ingest([direct_dir], direct, Ledger(tmp_path / "direct.db.ledger"), IngestOptions(), "test")
    assert [(n.name, n.aliases) for n in sender.search("Pham", CBP)] == [
        ("Phạm Quang Trang", ["Tony Pham"])]
    assert sorted(n.name for n in received.search("Pham", CBP)) == [
        "Phạm Quang Trang", "Tony Pham"]
    assert snapshot(received, CBP) == snapshot(direct, CBP)


def test_package_says_why_a_document_or_its_file_is_withheld(tmp_path):
    from dataclasses import asdict

    from graph_etl.store import Batch, DocumentRecord

    changed = tmp_path / "changed.txt"
    changed.write_text("edited after loading", "utf-8")
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("inner.txt", "inside")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "kept.txt").write_text("kept.txt", "utf-8")
    docs = [DocumentRecord(hashlib.sha256(name.encode()).hexdigest(), name, "CBSA",
                           "UNCLASSIFIED", ["CA-1"], {"path": path})
            for name, path in (("changed.txt", str(changed)), ("inner.txt", f"{archive}#inner.txt"),
                               ("unknown.txt", str(changed)), ("kept.txt", "cases/kept.txt"))]
    store = SQLiteStore(tmp_path / "graph.db")
    ledger = Ledger(tmp_path / "graph.db.ledger")
    store.upsert(Batch(docs))
    for doc in (docs[0], docs[1], docs[3]):
        ledger.save_extraction(asdict(doc), {"entities": [], "relations": []})
    summary = export_package(store, ledger, "CBP", tmp_path / "p.zip", date=DATE)
    manifest = json.loads(members(summary.path)["manifest.json"])
    reasons = {w["name"]: (w["withheld"], w["reason"]) for w in manifest["withheld"]}
    assert reasons == {
        "changed.txt": ("source file", f"its source file {changed} has changed since it was "
                                       "loaded"),
        "inner.txt": ("source file", f"it was read from inside {archive}, which is not sent whole"),
        "unknown.txt": ("document", "the ledger holds no extraction of it, so its claims cannot "
                                    "be sent with their evidence")}
    assert (summary.files_included, summary.files_withheld, summary.documents_withheld) == (1, 2, 1)
    kept = {d["name"]: d["source"] for d in manifest["documents"]}
    assert kept.keys() == {"changed.txt", "inner.txt", "kept.txt"}
    assert members(summary.path)[kept["kept.txt"]] == b"kept.txt"
