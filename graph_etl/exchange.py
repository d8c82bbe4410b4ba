"""Exchange packages between partner agencies: recognise, verify and load one.

A package (written by :func:`exports.package.export_package`) is a zip holding ``manifest.json``
(format, version, who it is for, the SHA-256 and size of every other member), ``graph.json``
(the subgraph the receiving agency may see, for reading), one ``documents/<id>.json`` per
document (its record and its extraction: entities with their mentions, relations with their
evidence) and the original source files the partner may see under ``files/<id>/``.

Loading keeps each document's id, agency, releasability and cases, and puts its extraction
through the receiver's own entity resolution, the way an ingest of the original file would.
Nothing is loaded unless every member matches the manifest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import stat
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fakefree.errors import FakefreeError, InputError
from graph_etl.claims import extraction_batch
from graph_etl.readers.archive import is_unsafe_name
from graph_etl.readers.base import Source, Unreadable
from graph_etl.readers.ziputil import check_members, open_zip
from graph_etl.resolve import Resolver
from graph_etl.store.base import GraphStore
from graph_etl.ledger import Ledger
from fakefree.model import DocumentRecord, Viewer

__all__ = ["FORMAT", "VERSION", "MANIFEST_NAME", "PackageDocument", "Package", "Loaded",
           "is_package", "read_package", "load_package", "package_json"]

log = logging.getLogger(__name__)

FORMAT = "fakefree-exchange-package"
"""The ``format`` a package's ``manifest.json`` names."""
VERSION = 1
"""The version of the package layout this fakefree writes and reads."""
MANIFEST_NAME = "manifest.json"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20
_MAX_MANIFEST = 64 << 20


def package_json(value: Any) -> bytes:
    """The form of every JSON member of a package: key-sorted, indented, UTF-8."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


@dataclass
class PackageDocument:
    """One document of a package: its record, its extraction and where its source file is."""

    record: DocumentRecord
    extraction: dict[str, Any]
    member: str
    source: str | None = None
    extractor_version: str = ""


@dataclass
class Package:
    """A verified package: its manifest and its documents, in the order they were loaded."""

    path: Path
    manifest: dict[str, Any]
    documents: list[PackageDocument] = field(default_factory=list)


@dataclass
class Loaded:
    """What loading a package did: documents loaded, documents the store already had."""

    loaded: list[PackageDocument] = field(default_factory=list)
    already: list[PackageDocument] = field(default_factory=list)
    nodes: int = 0
    rels: int = 0


def _source(path: Path) -> Source:
    return Source(path=str(path), label=path.name, filename=path.name, file=path)


def is_package(path: Path, *, max_bytes: int) -> bool:
    """True when ``path`` is a zip whose root ``manifest.json`` names the package format.

    Only the manifest is read (when it is not oversized); anything else is False and left to
    the ordinary readers. :func:`read_package` checks the whole archive.
    """
    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST_NAME)
            if info.file_size > min(max_bytes, _MAX_MANIFEST):
                return False
            manifest = json.loads(zf.read(info))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT


def _refuse(path: Path, reason: str, problem: str) -> Unreadable:
    return Unreadable(f"Exchange package {path.name} {problem}", reason=reason, path=str(path))


def _check_names(zf: zipfile.ZipFile, path: Path) -> None:
    seen: set[str] = set()
    for info in zf.infolist():
        if is_unsafe_name(info.filename):
            raise _refuse(path, "unsafe", f"contains an unsafe member path '{info.filename}'.")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(path, "unsafe", f"contains a symbolic link '{info.filename}'.")
        if info.filename in seen:
            raise _refuse(path, "unsafe", f"holds two members named '{info.filename}'.")
        seen.add(info.filename)


def _digest(zf: zipfile.ZipFile, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with zf.open(name) as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _verify_files(zf: zipfile.ZipFile, path: Path, listed: dict[str, Any]) -> None:
    present = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST_NAME}
    missing, unlisted = sorted(set(listed) - present), sorted(present - set(listed))
    if missing:
        raise _refuse(path, "corrupt", f"lacks {missing[0]}, which its manifest.json lists.")
    if unlisted:
        raise _refuse(path, "corrupt", f"holds {unlisted[0]}, which its manifest.json does not "
                                       f"list.")
    for name in sorted(listed):
        want = listed[name]
        try:
            sha, size = _digest(zf, name)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise _refuse(path, "corrupt", f"has a damaged member {name}.") from exc
        if not isinstance(want, dict) or want.get("sha256") != sha or want.get("size") != size:
            raise _refuse(path, "corrupt", f"has a member {name} whose SHA-256 or size does not "
                                           f"match its manifest.json, so nothing was loaded.")


def _check_extraction(extraction: Any, where: str) -> dict[str, Any]:
    entities = extraction.get("entities", []) if isinstance(extraction, dict) else None
    relations = extraction.get("relations", []) if isinstance(extraction, dict) else None
    ok = isinstance(entities, list) and isinstance(relations, list)
    ok = ok and all(isinstance(e, dict) and isinstance(e.get("id"), str)
                    and isinstance(e.get("name"), str) and isinstance(e.get("type"), str)
                    and isinstance(e.get("mentions", []), list) for e in entities)
    ok = ok and all(isinstance(r, dict) and all(isinstance(r.get(k), str)
                                                for k in ("source", "target", "type"))
                    for r in relations)
    if not ok:
        raise InputError(f"{where} does not hold a valid extraction (entities and relations).")
    return extraction


def _document(zf: zipfile.ZipFile, path: Path, entry: Any,
              listed: dict[str, Any]) -> PackageDocument:
    if not isinstance(entry, dict) or entry.get("record") not in listed:
        raise _refuse(path, "corrupt", "lists a document whose record is not in the package.")
    member = entry["record"]
    where = f"{path.name}#{member}"
    try:
        data = json.loads(zf.read(member))
        record = DocumentRecord(**data["document"])
        extraction = _check_extraction(data["extraction"], where)
    except InputError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"{where} is not a valid document record.") from exc
    if not _SHA256.match(str(record.id)) or record.id != entry.get("id"):
        raise InputError(f"{where} has a document id that is not a SHA-256 or not the one "
                         f"manifest.json gives.")
    source = entry.get("source")
    if source is not None:
        if source not in listed:
            raise _refuse(path, "corrupt", f"lists a source file {source} it does not hold.")
        if listed[source]["sha256"] != record.id:
            raise InputError(f"{where} claims id {record.id[:12]}… but its source file {source} "
                             f"has SHA-256 {listed[source]['sha256'][:12]}…, so it was refused.")
    return PackageDocument(record, extraction, member, source,
                           str(data.get("extractor_version") or ""))


def read_package(path: Path, *, max_bytes: int) -> Package:
    """Open and verify a package; raise one sentence naming the file when it cannot be used.

    Every member is hashed and compared with ``manifest.json`` before anything is parsed, under
    the same size, ratio and name checks as any zip fakefree reads.
    """
    path = Path(path)
    source = _source(path)
    if source.size > max_bytes:
        raise _refuse(path, "too_large", "is larger than the limit for one file.")
    with open_zip(source, "zip archive") as zf:
        _check_names(zf, path)
        check_members(zf, source, max_bytes)
        try:
            manifest = json.loads(zf.read(MANIFEST_NAME))
        except (KeyError, ValueError) as exc:
            raise _refuse(path, "corrupt", "has no readable manifest.json.") from exc
        if manifest.get("version") != VERSION:
            raise _refuse(path, "unsupported", f"is version {manifest.get('version')!r} of the "
                                               f"format; this fakefree reads version {VERSION}.")
        listed = manifest.get("files")
        if not isinstance(listed, dict):
            raise _refuse(path, "corrupt", "has a manifest.json without its list of files.")
        _verify_files(zf, path, listed)
        entries = manifest.get("documents")
        if not isinstance(entries, list):
            raise _refuse(path, "corrupt", "has a manifest.json without its list of documents.")
        documents = [_document(zf, path, entry, listed) for entry in entries]
    return Package(path, manifest, documents)


def load_package(package: Package, store: GraphStore, ledger: Ledger,
                 resolver: Resolver) -> Loaded:
    """Load the documents the store does not have yet, each through ``resolver``.

    A document already in the store (same id) is left as it is. If one document cannot be
    loaded, those loaded before it are retracted and :class:`InputError` names it.
    """
    done = Loaded()
    for doc in package.documents:
        if store.get_document(doc.record.id, Viewer.system()) is not None:
            done.already.append(doc)
            continue
        try:
            batch = extraction_batch(doc.extraction, doc.record, resolver)
            store.upsert(batch)
        except (InputError, KeyError, TypeError, ValueError) as exc:
            for loaded in done.loaded:
                try:
                    store.retract(loaded.record.id)
                except FakefreeError:
                    log.info("document %s was already gone", loaded.record.id)
            raise InputError(f"{package.path.name}#{doc.member} cannot be loaded ({exc}), so "
                             f"nothing of the package was kept.") from exc
        ledger.save_extraction(asdict(doc.record), doc.extraction)
        done.loaded.append(doc)
        done.nodes += len(batch.nodes)
        done.rels += len(batch.rels)
    return done
