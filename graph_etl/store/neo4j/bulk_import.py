"""Initial bulk load of the local Neo4j server from an embedded store, with ``neo4j-admin import``.

The Cypher writer (:meth:`Neo4jStore.upsert`) merges claims into a live database, safe at any time
but bound by per-row ``MERGE`` work (about 5k nodes+relationships/s on 2 cores). For an initial
load, such as moving an embedded store that has grown large to Neo4j, this module writes the
store's claims as the CSV files of ``neo4j-admin database import full`` in exactly the layout the
Cypher writer produces (see :mod:`graph_etl.store.neo4j.cypher`), stops the local server, imports
the files offline, starts it again and lets :class:`Neo4jStore` build its constraint and indexes
and upgrade the claims to the readable model (merged typed properties and ``ASSERTS``, see
:mod:`graph_etl.store.neo4j.model`; the stage ``start_and_index_s``).
The target database must be empty unless ``overwrite`` is given. The files are written from
SQL cursors one node at a time, so memory does not grow with the store.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fakefree.errors import InputError, StoreUnavailable
from graph_etl.store.neo4j import server as neo4j_server
from graph_etl.store.neo4j.server import ServerConfig
from graph_etl.store.neo4j.store import Neo4jStore, checked_type
from graph_etl.store.sqlite.store import SQLiteStore

__all__ = ["ImportFiles", "write_import_files", "bulk_import", "scratch_server"]

log = logging.getLogger(__name__)

ARRAY = "\x1f"
"""Separates the items of a list in a CSV cell (JSON and search words never hold it)."""
DATABASE = "neo4j"

_CLAIMS = ("claim_docs:string[]", "claim_tags:string[]", "claim_data:string[]",
           "claim_labels:string[]", "claim_search:string[]", "search")
ENTITY_HEADER = ("id:ID", ":LABEL", *_CLAIMS)
DOCUMENT_HEADER = (*ENTITY_HEADER, "name", "agency", "releasability", "tag", "cases:string[]",
                   "props", "node_ids:string[]", "rel_sources:string[]", "rel_ids:string[]")
REL_HEADER = (":START_ID", ":END_ID", ":TYPE", "id", "claim_docs:string[]",
              "claim_tags:string[]", "claim_data:string[]")

# Each query streams one kind of row of the embedded store (graph_etl/store/sqlite/store.py)
# grouped by an index, with a node's claims already joined into lists by SQLite.
# char(31) separates list items, char(30) a relationship's source from its id.
_CLAIM_LISTS = (
    "group_concat(c.document_id, char(31)), group_concat(t.tag, char(31)), "
    "group_concat(c.data, char(31)), group_concat(c.labels, char(31)), "
    "group_concat(c.search_text, char(31)), group_concat(' ' || c.search_text, '')")
_DOCUMENT_ROWS = (
    f"SELECT d.id, {_CLAIM_LISTS}, d.name, d.agency, d.releasability, d.tag, d.cases, d.props, "
    "(SELECT group_concat(k.node_id, char(31)) FROM node_claims k WHERE k.document_id = d.id), "
    "(SELECT group_concat(r.source || char(30) || r.id, char(31)) FROM rel_claims a "
    " JOIN rels r ON r.id = a.rel_id WHERE a.document_id = d.id) "
    "FROM documents d JOIN node_claims c ON c.node_id = d.id "
    "JOIN documents t ON t.id = c.document_id GROUP BY d.id")
_ENTITY_ROWS = (
    f"SELECT c.node_id, {_CLAIM_LISTS} FROM node_claims c "
    "JOIN documents t ON t.id = c.document_id "
    "WHERE c.node_id NOT IN (SELECT id FROM documents) GROUP BY c.node_id")
_REL_ROWS = (
    "SELECT r.source, r.target, r.type, r.id, group_concat(c.document_id, char(31)), "
    "group_concat(t.tag, char(31)), group_concat(c.data, char(31)) FROM rels r "
    "JOIN rel_claims c ON c.rel_id = r.id JOIN documents t ON t.id = c.document_id GROUP BY r.id")
_COUNTS = ("SELECT (SELECT count(*) FROM node_claims), (SELECT count(*) FROM rel_claims)")
# Values written as text (JSON escapes control characters; a document's cases are decoded here)
# that hold the list separator, which cannot be imported, or a line break, which needs the
# importer's slower multi-line mode.
_ODD_VALUES = (
    "SELECT what, instr(text, char(31)) > 0, instr(text, char(10)) + instr(text, char(13)) > 0 "
    "FROM (SELECT 'Document ' || id AS what, id || tag || name || "
    "coalesce((SELECT group_concat(value, '') FROM json_each(cases)), '') AS text FROM documents "
    "UNION ALL SELECT 'Node ' || node_id, node_id || document_id || search_text FROM node_claims "
    "UNION ALL SELECT 'Relationship ' || id, id || source || target FROM rels) "
    "WHERE instr(text, char(31)) OR instr(text, char(10)) OR instr(text, char(13))")

# CSV cannot tell an empty list or an empty string from a missing value: the importer leaves
# those properties out, and these statements put them back as the Cypher writer has them.
_RESTORE_EMPTY = (
    "MATCH (d:Document) WHERE d.rel_ids IS NULL OR d.cases IS NULL OR d.node_ids IS NULL "
    "CALL (d) { SET d.rel_ids = coalesce(d.rel_ids, []), "
    "d.rel_sources = coalesce(d.rel_sources, []), d.cases = coalesce(d.cases, []), "
    "d.node_ids = coalesce(d.node_ids, []) } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n:Entity) WHERE n.claim_search IS NULL "
    "CALL (n) { SET n.claim_search = [''] } IN TRANSACTIONS OF 10000 ROWS",
)


@dataclass(frozen=True)
class ImportFiles:
    """The CSV files of one import and what they hold."""

    documents: Path
    entities: Path
    relationships: Path
    document_count: int
    entity_count: int
    relationship_count: int
    node_claims: int
    relationship_claims: int
    multiline: bool  # some value holds a line break: the importer must be told


@lru_cache(maxsize=4096)
def _labels(stored: str, document: bool) -> tuple[str, str]:
    r"""The node's labels, ``Entity`` first, and its claims' comma-joined labels.

    ``stored`` is the claims' JSON label lists joined by the list separator.

    >>> _labels('["Company","Importer"]\x1f["Company"]', False)
    ('Entity\x1fCompany\x1fImporter', 'Company,Importer\x1fCompany')
    """
    labels = ["Entity", *(["Document"] if document else [])]
    claims = [json.loads(item) for item in stored.split(ARRAY)]
    for claim in claims:
        labels += [label for label in claim if label not in labels]
    return ARRAY.join(labels), ARRAY.join(",".join(claim) for claim in claims)


def _entity_rows(rows: Iterable[tuple]) -> Iterator[tuple]:
    for node_id, docs, tags, data, labels, searches, search in rows:
        node_labels, claim_labels = _labels(labels, False)
        yield node_id, node_labels, docs, tags, data, claim_labels, searches, search


def _document_rows(rows: Iterable[tuple]) -> Iterator[tuple]:
    for row in rows:
        doc_id, docs, tags, data, labels, searches, search = row[:7]
        name, agency, releasability, tag, cases, props, node_ids, rels = row[7:]
        pairs = [pair.split("\x1e", 1) for pair in rels.split(ARRAY)] if rels else []
        node_labels, claim_labels = _labels(labels, True)
        yield (doc_id, node_labels, docs, tags, data, claim_labels, searches, search, name,
               agency, releasability, tag, ARRAY.join(json.loads(cases)), props, node_ids or "",
               ARRAY.join(p[0] for p in pairs), ARRAY.join(p[1] for p in pairs))


def _rel_rows(rows: Iterable[tuple]) -> Iterator[tuple]:
    for source, target, rel_type, *rest in rows:
        yield source, target, checked_type(rel_type), *rest


def _open_embedded(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InputError(f"The embedded store {path} does not exist.")
    SQLiteStore(path).close()  # refuses a file that is not a store; migrates an older one
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def write_import_files(source: Path, folder: Path) -> ImportFiles:
    """Write the embedded store at ``source`` as import CSV files into ``folder``.

    The three files are written side by side, one process each (up to the number of cores).
    """
    folder.mkdir(parents=True, exist_ok=True)
    db = _open_embedded(source)
    try:
        multiline = False
        for what, separator, line_break in db.execute(_ODD_VALUES):
            if separator:
                raise InputError(
                    f"{what} in {source} holds the control character U+001F, which the Neo4j "
                    "import uses between list items; it cannot be bulk-imported.")
            multiline = multiline or bool(line_break)
        node_claims, rel_claims = db.execute(_COUNTS).fetchone()
    finally:
        db.close()
    paths = {name: folder / f"{name}.csv" for name in _FILES}
    with ProcessPoolExecutor(min(len(_FILES), os.cpu_count() or 1)) as pool:
        jobs = {name: pool.submit(_write_file, name, source, paths[name]) for name in _FILES}
        written = {name: job.result() for name, job in jobs.items()}
    return ImportFiles(paths["documents"], paths["entities"], paths["relationships"],
                       written["documents"], written["entities"], written["relationships"],
                       node_claims, rel_claims, multiline)


_FILES = {"documents": (DOCUMENT_HEADER, _DOCUMENT_ROWS, _document_rows),
          "entities": (ENTITY_HEADER, _ENTITY_ROWS, _entity_rows),
          "relationships": (REL_HEADER, _REL_ROWS, _rel_rows)}


def _write_file(name: str, source: Path, path: Path) -> int:
    """Write one CSV file of the import; its row count."""
    header, query, shape = _FILES[name]
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    count = 0
    try:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(header)
            for row in shape(db.execute(query)):
                out.writerow(row)
                count += 1
    finally:
        db.close()
    return count


def _admin_import(cfg: ServerConfig, files: ImportFiles) -> None:
    """Run ``neo4j-admin database import full`` into the stopped server's database."""
    build_dir = neo4j_server.build(cfg)
    report = files.entities.parent / "import.report"
    command = [neo4j_server.java(), f"-Xmx{cfg.heap}", *neo4j_server.JVM_FLAGS,
               "-cp", f"{build_dir / 'lib'}/*", "org.neo4j.cli.AdminTool",
               "database", "import", "full", DATABASE, "--overwrite-destination=true",
               f"--array-delimiter=U+{ord(ARRAY):04X}", "--bad-tolerance=0", "--strict=true",
               f"--threads={max(2, os.cpu_count() or 2)}", f"--report-file={report}",
               f"--multiline-fields={'true' if files.multiline else 'false'}",
               f"--nodes={files.documents}", f"--nodes={files.entities}",
               f"--relationships={files.relationships}"]
    env = {**os.environ, "NEO4J_HOME": str(cfg.home), "NEO4J_CONF": str(cfg.conf_file.parent)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or "IMPORT DONE" not in result.stdout:
        detail = " ".join((result.stderr or result.stdout).split()[-40:])
        raise StoreUnavailable(
            f"neo4j-admin import into {cfg.home / 'data'} failed (exit {result.returncode}): "
            f"{detail}; see {report}.")


def _count(store: Neo4jStore, query: str) -> int:
    return int(store._run(query)[0]["c"])


def bulk_import(source: Path, cfg: ServerConfig | None = None, *,
                overwrite: bool = False) -> dict[str, Any]:
    """Load the embedded store ``source`` into the local Neo4j server's empty database.

    Stops the server for the import and leaves it running afterwards, with the same constraint
    and indexes as a store written through Cypher. Returns counts and the seconds of each stage.
    """
    cfg = cfg or ServerConfig.from_settings()
    _open_embedded(source).close()
    password = neo4j_server.password(cfg)
    neo4j_server.start(cfg)
    store = Neo4jStore(cfg.uri, user="neo4j", password=password, database=DATABASE)
    try:
        held = _count(store, "MATCH (n:Entity) RETURN count(n) AS c")
    finally:
        store.close()
    if held and not overwrite:
        raise InputError(
            f"The Neo4j database at {cfg.uri} already holds {held} nodes; a bulk import only "
            "loads an empty database (load into it with `fakefree ingest`, or pass --overwrite "
            "to replace everything).")
    folder = cfg.home / "import"
    stages: dict[str, float] = {}
    began = mark = time.perf_counter()
    files = write_import_files(source, folder)
    stages["write_csv_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    neo4j_server.stop(cfg)
    stages["stop_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    _admin_import(cfg, files)
    stages["import_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    neo4j_server.start(cfg)
    store = Neo4jStore(cfg.uri, user="neo4j", password=password, database=DATABASE)
    try:
        stages["start_and_index_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        for statement in _RESTORE_EMPTY:
            store.run_batched(statement)
        nodes = _count(store, "MATCH (n:Entity) RETURN count(n) AS c")
        rels = _count(store, "MATCH ()-[r]->() WHERE r.claim_docs IS NOT NULL RETURN count(r) AS c")
        stages["check_s"] = time.perf_counter() - mark
    finally:
        store.close()
    expected = (files.document_count + files.entity_count, files.relationship_count)
    if (nodes, rels) != expected:
        raise StoreUnavailable(
            f"The import into {cfg.uri} holds {nodes} nodes and {rels} relationships where "
            f"{expected[0]} and {expected[1]} were written; see {folder / 'import.report'}.")
    for path in (files.documents, files.entities, files.relationships):
        path.unlink()
    seconds = time.perf_counter() - began
    claims = files.node_claims + files.relationship_claims
    return {"uri": cfg.uri, "source": str(source), "documents": files.document_count,
            "nodes": nodes, "relationships": rels, "node_claims": files.node_claims,
            "relationship_claims": files.relationship_claims,
            "seconds": round(seconds, 2), "claims_per_second": round(claims / seconds),
            **{k: round(v, 2) for k, v in stages.items()}}


@contextmanager
def scratch_server(folder: Path, **config: str) -> Iterator[ServerConfig]:
    """A second local server for benchmarks and tests: its home is ``folder/neo4j``, it listens
    on a free port, and it reuses the jars of the configured server. Stopped on exit.

    ``config`` overrides :class:`ServerConfig` fields such as ``heap`` and ``pagecache``.
    """
    main = ServerConfig.from_settings()
    neo4j_server.build(main)
    home = folder / "neo4j"
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "build").exists():
        (home / "build").symlink_to(main.home / "build")
    ports = []
    for _ in range(2):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    cfg = replace(main, home=home, bolt=f"127.0.0.1:{ports[0]}", http=f"127.0.0.1:{ports[1]}",
                  **config)
    try:
        yield cfg
    finally:
        neo4j_server.stop(cfg)
