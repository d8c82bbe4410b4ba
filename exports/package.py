"""Exchange packages: what a partner agency is cleared to see, ready to load on its side.

:func:`export_package` reads the store as the receiving agency (``Viewer.of(agency)``), so a
document that agency may not see, and everything only such documents assert, never leaves the
store. The zip holds the visible subgraph (``graph.json``), each visible document's record and
extraction (``documents/<id>.json``, loaded on the other side by ``fakefree ingest``), the
original files that are still where the ledger says and unchanged (``files/<id>/<name>``) and
``manifest.json`` with the SHA-256 and size of every other member. The bytes depend only on the
graph, the ledger and the stated date: the same inputs give the same zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import networkx as nx

from exports.records import zip_entry
from fakefree.errors import InputError
from graph_etl.exchange import FORMAT, MANIFEST_NAME, VERSION, package_json
from graph_etl.readers import sha256_file
from graph_etl.store.base import GraphStore
from graph_etl.ledger import Ledger
from fakefree.model import DocumentRecord, Evidence, Viewer

__all__ = ["PackageSummary", "export_package"]

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PackageSummary:
    """What went into a package; ``document_ids`` are what the CLI writes to the audit log."""

    path: Path
    agency: str
    case: str
    date: str
    document_ids: tuple[str, ...]
    nodes: int
    relationships: int
    files_included: int
    files_withheld: int
    documents_withheld: int = 0

    def __str__(self) -> str:
        scope = f"case {self.case}, " if self.case else ""
        withheld = (f"; {self.documents_withheld} documents withheld"
                    if self.documents_withheld else "")
        return (f"Package for {self.agency} ({scope}{self.date}): {len(self.document_ids)} "
                f"documents, {self.nodes} nodes, {self.relationships} relationships; "
                f"{self.files_included} source files included, {self.files_withheld} "
                f"withheld{withheld} -> {self.path}")


def _stated_date(date: str) -> str:
    if not date:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError as exc:
        raise InputError(f"Date {date!r} is not an ISO date such as 2024-06-28.") from exc


def _load_order(ledger: Ledger) -> tuple[dict[str, int], dict[str, str]]:
    """Each document's position in the order the ledger loaded them (resolution depends on
    it), and the extractor version that read it."""
    order: dict[str, int] = {}
    versions: dict[str, str] = {}
    for entry in ledger.entries("loaded"):
        for doc_id in entry.documents:
            order.setdefault(doc_id, len(order))
            versions[doc_id] = entry.extractor_version
    return order, versions


def _source_file(doc: DocumentRecord, home: Path) -> tuple[Path | None, str]:
    """The original file of a document, or why it cannot be sent.

    A relative path (as given to ``fakefree ingest``) is looked up from the current folder,
    then from ``home``, the folder of the store's ledger.
    """
    recorded = str(doc.props.get("path") or "")
    if not recorded:
        return None, "no path of its source file is recorded"
    path = Path(recorded)
    if not path.is_absolute() and not path.is_file():
        path = home / path
    if path.is_file():
        if sha256_file(path) != doc.id:
            return None, f"its source file {recorded} has changed since it was loaded"
        return path, ""
    container = recorded.partition("#")[0]
    if "#" in recorded and (Path(container).is_file() or (home / container).is_file()):
        return None, f"it was read from inside {container}, which is not sent whole"
    return None, f"its source file {recorded} is no longer there"


def _member_name(doc: DocumentRecord, path: Path) -> str:
    name = _SAFE.sub("_", PurePosixPath(path.name).name).strip("._") or "source"
    return f"files/{doc.id}/{name}"


def _restricted(items: list[Evidence], keep: set[str]) -> list[Evidence]:
    return [e for e in items if e.document_id in keep]


def _graph_json(graph: nx.MultiDiGraph, keep: set[str]) -> dict[str, Any]:
    """Node and relationship views asserted by the packaged documents, citing only them."""
    nodes, rels = [], []
    for _, data in sorted(graph.nodes(data=True), key=lambda n: n[0]):
        view = data["view"]
        if set(view.documents) & keep:
            view.mentions = _restricted(view.mentions, keep)
            view.documents = sorted(set(view.documents) & keep)
            nodes.append(view.to_dict())
    shown = {n["id"] for n in nodes}
    for _, _, data in sorted(graph.edges(data=True), key=lambda e: e[2]["view"].id):
        view = data["view"]
        if set(view.documents) & keep and view.source in shown and view.target in shown:
            view.evidence = _restricted(view.evidence, keep)
            view.documents = sorted(set(view.documents) & keep)
            rels.append(view.to_dict())
    return {"nodes": nodes, "relationships": rels}


def _copy_checked(path: Path, sha256: str, target: Any) -> None:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            target.write(chunk)
    if digest.hexdigest() != sha256:
        raise InputError(f"{path} changed while the package was being written; export again.")


def _write_zip(out: Path, members: dict[str, bytes | Path], files: dict[str, Any]) -> None:
    """Sorted members, fixed timestamps and modes: the same members give the same bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        _write_members(partial, members, files)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, out)


def _write_members(partial: Path, members: dict[str, bytes | Path], files: dict[str, Any]) -> None:
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(members):
            info = zip_entry(name)
            content = members[name]
            if isinstance(content, Path):
                info.file_size = files[name]["size"]
                with zf.open(info, "w") as target:
                    _copy_checked(content, files[name]["sha256"], target)
            else:
                zf.writestr(info, content)


def _documents(store: GraphStore, ledger: Ledger, viewer: Viewer, case: str,
               members: dict[str, bytes | Path], sizes: dict[str, dict[str, Any]],
               ) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Add each visible document's record and source file to ``members``; return the manifest's
    list of documents (in load order) and of what was withheld, with why."""
    order, versions = _load_order(ledger)
    visible = [d for d in store.documents(viewer) if not case or case in d.cases]
    visible.sort(key=lambda d: (order.get(d.id, len(order)), d.id))
    entries: list[dict[str, Any]] = []
    withheld: list[dict[str, str]] = []
    for doc in visible:
        saved = ledger.extraction(doc.id)
        if saved is None:
            withheld.append({"document": doc.id, "name": doc.name, "withheld": "document",
                             "reason": "the ledger holds no extraction of it, so its claims "
                                       "cannot be sent with their evidence"})
            continue
        record_name = f"documents/{doc.id}.json"
        members[record_name] = package_json({"document": asdict(doc), "extraction": saved[1],
                                             "extractor_version": versions.get(doc.id, "")})
        path, reason = _source_file(doc, Path(ledger.path).parent)
        source = None
        if path is None:
            withheld.append({"document": doc.id, "name": doc.name, "withheld": "source file",
                             "reason": reason})
        else:
            source = _member_name(doc, path)
            members[source] = path
            sizes[source] = {"sha256": doc.id, "size": path.stat().st_size}
        entries.append({"id": doc.id, "name": doc.name, "agency": doc.agency,
                        "releasability": doc.releasability, "cases": doc.cases,
                        "record": record_name, "source": source})
    return entries, withheld


def export_package(store: GraphStore, ledger: Ledger, agency: str, out: Path, *,
                   case: str = "", date: str = "", exporter: str = "") -> PackageSummary:
    """Write the exchange package for partner ``agency`` to ``out``.

    Parameters
    ----------
    store, ledger
        The graph and its ledger (the ledger holds each document's extraction and load order).
    agency
        The receiving agency: the store is read as ``Viewer.of(agency)``.
    case
        Only the documents of this case (default: every document the agency may see).
    date
        The one date the package states (ISO; default today). Nothing else time-dependent
        goes into the zip.
    exporter
        Who exports (an agency or account), written to the manifest.
    """
    if not agency.strip():
        raise InputError("Name the receiving agency of the package (--for AGENCY).")
    viewer = Viewer.of(agency)
    stated = _stated_date(date)
    members: dict[str, bytes | Path] = {}
    sizes: dict[str, dict[str, Any]] = {}
    entries, withheld = _documents(store, ledger, viewer, case, members, sizes)
    keep = {e["id"] for e in entries}
    graph = store.subgraph(viewer, cases=[case] if case else None)
    content = _graph_json(graph, keep)
    members["graph.json"] = package_json(content)
    for name, data in members.items():
        if isinstance(data, bytes):
            sizes[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    manifest = {
        "format": FORMAT, "version": VERSION, "date": stated, "for": agency,
        "viewer": {"name": viewer.name, "agencies": sorted(viewer.agencies),
                   "clearance": viewer.clearance},
        "exported_by": exporter, "case": case or None,
        "exporting_agencies": sorted({e["agency"] for e in entries}),
        "documents": entries, "withheld": withheld,
        "files": dict(sorted(sizes.items())),
    }
    members[MANIFEST_NAME] = package_json(manifest)
    _write_zip(Path(out), members, sizes)
    files_withheld = sum(1 for w in withheld if w["withheld"] == "source file")
    return PackageSummary(
        path=Path(out), agency=agency, case=case, date=stated,
        document_ids=tuple(e["id"] for e in entries), nodes=len(content["nodes"]),
        relationships=len(content["relationships"]),
        files_included=sum(1 for e in entries if e["source"]), files_withheld=files_withheld,
        documents_withheld=len(withheld) - files_withheld)
