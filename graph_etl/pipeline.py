"""The load pipeline: files -> readers -> extraction or mapping -> resolution -> store.

Reading and extraction run in worker processes (pure, no store access: a local process pool,
or the workers of a Dask cluster); resolution and writing run in the calling process, a group of
files at a time (one store write, then one ledger transaction), and the ledger records a file
only after its claims are written, so an interrupted run re-done completes the batch with
nothing lost and nothing duplicated.
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from fakefree import settings
from fakefree.errors import FakefreeError, InputError
from graph_etl.claims import extraction_batch
from graph_etl.corrections import replay
from graph_etl.exchange import is_package, load_package, read_package
from graph_etl.generic_records import generic_records
from graph_etl.mapping import NoMapping, map_records
from graph_etl.readers import ReadResult, Unreadable, read, sha256_file
from graph_etl.resolve import Resolver
from graph_etl.store.base import GraphStore
from graph_etl.ledger import Ledger, LedgerEntry
from fakefree.model import LES, Batch, DocumentRecord, Viewer, check_releasability

__all__ = ["IngestOptions", "FileOutcome", "IngestSummary", "discover", "ingest", "MANIFEST"]

log = logging.getLogger(__name__)

MANIFEST = "manifest.csv"
"""A folder may carry ``manifest.csv`` (path, case, agency, releasability, language, doc_type,
date) giving each file's metadata; command-line options override it."""


@dataclass(frozen=True)
class IngestOptions:
    case: str | None = None
    agency: str | None = None
    releasability: str | None = None
    workers: int = 1
    max_bytes: int = 200 * 1024 * 1024
    quarantine_dir: Path | None = None
    language: str | None = None
    model: str | None = None
    # How many folders above an ingested folder a manifest.csv is looked for (uploads: 0).
    manifest_levels: int = 3
    executor: str = "local"  # "local" (a process pool of ``workers``) or "dask://HOST:PORT"
    # Files written to the store and recorded in the ledger together (one transaction each).
    batch_files: int = 50
    batch_seconds: float = 2.0

    @classmethod
    def from_settings(cls, **overrides: Any) -> IngestOptions:
        """Options from the settings (``FAKEFREE_MAX_FILE_MB``, ``FAKEFREE_INGEST_BATCH_FILES``,
        ``FAKEFREE_INGEST_BATCH_SECONDS``), with the ``overrides`` that are not ``None`` on top.

        >>> IngestOptions.from_settings(case="CA-1", max_bytes=None).case
        'CA-1'
        """
        configured = cls(max_bytes=int(settings.get("FAKEFREE_MAX_FILE_MB")) * 1024 * 1024,
                         batch_files=int(settings.get("FAKEFREE_INGEST_BATCH_FILES")),
                         batch_seconds=float(settings.get("FAKEFREE_INGEST_BATCH_SECONDS")))
        return replace(configured, **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class FileMeta:
    path: Path
    name: str
    case: str
    agency: str
    releasability: str
    props: dict[str, str] = field(default_factory=dict)


@dataclass
class FileOutcome:
    path: str
    outcome: str  # loaded | duplicate | quarantined
    reason: str = ""
    sha256: str = ""
    documents: int = 0
    nodes: int = 0
    rels: int = 0


@dataclass
class IngestSummary:
    files: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, outcome: str) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    def to_dict(self) -> dict[str, Any]:
        return {"loaded": self.count("loaded"), "duplicates": self.count("duplicate"),
                "quarantined": self.count("quarantined"), "seconds": round(self.seconds, 2),
                "nodes": sum(f.nodes for f in self.files), "rels": sum(f.rels for f in self.files),
                "files": [asdict(f) for f in self.files]}


def _read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    with manifest.open(newline="", encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle) if row.get("path")}


def _manifest_home(folder: Path, levels: int) -> Path:
    """The nearest folder at or above ``folder`` (``levels`` above at most) with a manifest."""
    for candidate in [folder, *list(folder.resolve().parents)[:levels]]:
        if (candidate / MANIFEST).is_file():
            return candidate
    return folder


def discover(paths: Iterable[Path], options: IngestOptions) -> list[FileMeta]:
    """Every file under ``paths`` (sorted), with its case, agency and releasability."""
    found: list[FileMeta] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise InputError(f"{root} does not exist.")
        base = _manifest_home(root if root.is_dir() else root.parent, options.manifest_levels)
        manifest = _read_manifest(base)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            rel = path.resolve().relative_to(base.resolve()).as_posix()
            if path.name == MANIFEST or any(part.startswith(".") for part in Path(rel).parts):
                continue
            row = manifest.get(rel, {})
            found.append(FileMeta(
                path=path, name=rel,
                case=options.case or row.get("case", ""),
                agency=options.agency or row.get("agency", ""),
                releasability=options.releasability or row.get("releasability") or LES,
                props={k: row[k] for k in ("language", "doc_type", "date") if row.get(k)}))
    return found


@dataclass
class Prepared:
    """What a worker hands back: the extraction of each part of a file, or why it failed."""

    meta: FileMeta
    sha256: str
    size: int
    reader: str = ""
    parts: list[tuple[ReadResult, dict[str, Any]]] = field(default_factory=list)
    error: str = ""


def nlp_extract(text: str, **options: Any) -> Any:
    """:func:`nlp.extract`, imported when first needed (spaCy loads slowly)."""
    import nlp

    return nlp.extract(text, **options)


def _extract_text(result: ReadResult, options: IngestOptions) -> dict[str, Any]:
    language = options.language or result.language_hint
    return nlp_extract(result.text or "", language=language, model=options.model).to_dict()


def _extraction_of(result: ReadResult, options: IngestOptions) -> dict[str, Any]:
    if result.kind == "text":
        return _extract_text(result, options)
    if result.kind == "records":
        meta = result.meta or {}
        path, _, part = result.path.partition("#")
        name = Path(path).name + (f"#{part}" if part else "")
        try:
            return map_records(result.records or [], result.columns or [], name,
                               result.row_texts, result.row_numbers, meta.get("preamble", ()))
        except NoMapping as exc:  # well-formed but unknown: each row read as text
            return generic_records(
                result.records or [], name,
                lambda text: nlp_extract(text, language=options.language or
                                         result.language_hint, model=options.model).to_dict(),
                reason=str(exc), row_texts=result.row_texts, row_numbers=result.row_numbers,
                short_rows=meta.get("short_rows", 0))
    if result.kind == "extraction":
        return result.data or {}
    raise InputError(f"{result.path} holds {result.kind} data, which ingest cannot load yet.")


def prepare(meta: FileMeta, sha256: str, options: IngestOptions) -> Prepared:
    """Read and extract one file (runs in a worker process)."""
    size = meta.path.stat().st_size
    prepared = Prepared(meta, sha256, size)
    if not meta.agency:
        prepared.error = (f"{meta.name} has no agency (pass --agency or list it in "
                          f"{MANIFEST}).")
        return prepared
    try:
        check_releasability(meta.releasability, meta.name)
        results = read(meta.path, max_bytes=options.max_bytes)
        prepared.reader = results[0].reader if results else ""
        for result in results:
            prepared.parts.append((result, _extraction_of(result, options)))
    except (Unreadable, InputError) as exc:
        prepared.error = str(exc)
    except Exception as exc:  # a reader or extractor bug must not stop the batch
        log.exception("unexpected failure on %s", meta.path)
        prepared.error = f"{meta.name} could not be processed ({type(exc).__name__}: {exc})."
    return prepared


def _document(meta: FileMeta, result: ReadResult, extraction: dict[str, Any]) -> DocumentRecord:
    props = {**meta.props, "path": result.path, "reader": result.reader,
             "media_type": result.media_type, "size": result.size}
    if extraction.get("language"):
        props["language"] = extraction["language"]
    if extraction.get("mapping"):
        props["mapping"] = extraction["mapping"]
    if extraction.get("warning"):
        props["warning"] = extraction["warning"]
    for key, value in (result.meta or {}).items():
        if isinstance(value, (str, int, float)) and key not in props:
            props[key] = value
    name = meta.name if result.path == str(meta.path) else result.path.replace(
        str(meta.path), meta.name)
    return DocumentRecord(id=result.sha256, name=name, agency=meta.agency,
                          releasability=meta.releasability,
                          cases=[meta.case] if meta.case else [], props=props)


def _quarantine(meta: FileMeta, reason: str, options: IngestOptions) -> None:
    log.warning("quarantined %s: %s", meta.name, reason)
    if options.quarantine_dir is not None:
        target = options.quarantine_dir / meta.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(meta.path, target)
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", "utf-8")


def exit_with_parent(parent: int, every: float = 0.5) -> None:
    """Pool initializer: the worker exits as soon as the ingest that started it is gone.

    A killed ingest (``kill -9``) cannot shut its pool down; without this its workers would go
    on extracting for nobody. A daemon thread compares the parent pid every ``every`` seconds
    (a parent-death signal would fire when the thread that forked the worker ends, not the
    process).
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _prepared_stream(todo: list[tuple[FileMeta, str]], options: IngestOptions) -> Iterator[Prepared]:
    """Each file read and extracted, in ``todo`` order, wherever ``options.executor`` says."""
    if options.executor.startswith("dask://"):
        from graph_etl.distributed import dask_prepared

        yield from dask_prepared(options.executor, prepare, todo, options)
        return
    if options.executor != "local":
        raise InputError(f"The executor {options.executor!r} is neither 'local' nor "
                         "dask://HOST:PORT.")
    if options.workers <= 1 or len(todo) < 2:
        for meta, sha in todo:
            yield prepare(meta, sha, options)
        return
    # Enough files in flight to keep the workers busy while a group is written, and no more, so
    # finished extractions never pile up in memory when writing is the slower side.
    ahead = 2 * options.batch_files + options.workers
    with ProcessPoolExecutor(max_workers=options.workers, initializer=exit_with_parent,
                             initargs=(os.getpid(),)) as pool:
        futures: deque[Future[Prepared]] = deque()
        for meta, sha in todo:
            futures.append(pool.submit(prepare, meta, sha, options))
            if len(futures) > ahead:
                yield futures.popleft().result()
        while futures:
            yield futures.popleft().result()


def ingest(paths: Iterable[Path], store: GraphStore, ledger: Ledger, options: IngestOptions,
           extractor_version: str, on_file: Callable[[FileOutcome], None] | None = None,
           ) -> IngestSummary:
    """Load files into ``store``; return what happened to each (loaded, duplicate, quarantined)."""
    started = time.perf_counter()
    summary = IngestSummary()
    resolver = Resolver(ledger)

    def done(outcome: FileOutcome) -> None:
        summary.files.append(outcome)
        if on_file:
            on_file(outcome)

    todo: list[tuple[FileMeta, str]] = []
    trust_ledger = _ledger_matches_store(store, ledger)
    for meta in discover(paths, options):
        sha = sha256_file(meta.path)
        if trust_ledger and ledger.loaded(sha) is not None:
            done(FileOutcome(meta.name, "duplicate", "already loaded", sha))
        elif is_package(meta.path, max_bytes=options.max_bytes):
            done(_load_package(meta, sha, store, ledger, resolver, options))
        else:
            todo.append((meta, sha))
    for outcome in _load_all(_prepared_stream(todo, options), store, ledger, resolver, options,
                             extractor_version):
        done(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _ledger_matches_store(store: GraphStore, ledger: Ledger) -> bool:
    """False when the ledger lists loaded files but the store holds no document (a new or
    wiped database behind the same address): the files are loaded again, not skipped."""
    last = ledger.last_loaded()
    system = Viewer.system()
    if last is None or any(store.get_document(d, system) for d in last.documents[:1]) or \
            store.stats(system)["documents"]:  # counting every document only when in doubt
        return True
    recorded = ledger.loaded_count()
    log.warning("The ledger lists %d loaded files but the store holds no document (a new or "
                "wiped database): loading them again.", recorded)
    return False


@dataclass
class _Staged:
    """A file resolved into claims and waiting for its group's write, or why it is quarantined."""

    prepared: Prepared
    outcome: FileOutcome
    parts: list[tuple[DocumentRecord, dict[str, Any]]] = field(default_factory=list)
    batch: Batch = field(default_factory=Batch)
    previous: LedgerEntry | None = None

    def quarantine(self, reason: str) -> None:
        self.outcome = FileOutcome(self.prepared.meta.name, "quarantined", reason,
                                   self.prepared.sha256)


def _load_all(stream: Iterator[Prepared], store: GraphStore, ledger: Ledger, resolver: Resolver,
              options: IngestOptions, extractor_version: str) -> Iterator[FileOutcome]:
    """Load the prepared files a group at a time; yield each file's outcome once it is saved."""
    while group := _next_group(stream, options):
        yield from _load_group(group, store, ledger, resolver, options, extractor_version)


def _next_group(stream: Iterator[Prepared], options: IngestOptions) -> list[Prepared]:
    """The next files of ``stream``: ``options.batch_files`` at most, or as many as arrive
    within ``options.batch_seconds``."""
    group: list[Prepared] = []
    deadline = time.monotonic() + options.batch_seconds
    for prepared in stream:
        group.append(prepared)
        if len(group) >= options.batch_files or time.monotonic() >= deadline:
            break
    return group


def _load_group(group: list[Prepared], store: GraphStore, ledger: Ledger, resolver: Resolver,
                options: IngestOptions, extractor_version: str) -> list[FileOutcome]:
    """Resolve a group of files, write their claims in one store write, then record them in one
    ledger transaction.

    The ledger commits after the store, so a crash at any point leaves no file recorded as
    loaded without its claims, and the ledger's resolution index in step with its records.
    """
    with ledger.batch():
        staged = [_stage(prepared, resolver) for prepared in group]
        _write(staged, store)
        for item in staged:
            _record(item, ledger, options, extractor_version)
    for item in staged:
        _retract_previous(item, store)
    _absorb_mistyped(store, ledger, resolver)
    return [item.outcome for item in staged]


def _absorb_mistyped(store: GraphStore, ledger: Ledger, resolver: Resolver) -> None:
    """Person or city nodes that later documents show to be a company are merged into it
    (judged and recorded by the resolver), and their documents replayed; so are documents whose
    company name without a legal form joined another case's company before its own case's
    company of that name was known (:meth:`Resolver.rehome_pending`)."""
    merged = resolver.absorb_pending()
    documents = set()
    for absorbed, survivor, why in merged:
        log.info("merged %s into %s: %s", absorbed, survivor, why)
        view = store.get(absorbed, Viewer.system())
        documents |= set(view.documents if view else [])
    for document, joined, own in resolver.rehome_pending():
        log.info("%s: a name without a legal form joined %s; its case has %s: replayed",
                 document, joined, own)
        documents.add(document)
    if documents:
        replay(store, ledger, sorted(documents))


def _stage(prepared: Prepared, resolver: Resolver) -> _Staged:
    """Resolve one prepared file's parts into one batch of claims."""
    item = _Staged(prepared, FileOutcome(prepared.meta.name, "loaded", "", prepared.sha256))
    if prepared.error:
        item.quarantine(prepared.error)
        return item
    batches = []
    try:
        for result, extraction in prepared.parts:
            document = _document(prepared.meta, result, extraction)
            batch = extraction_batch(extraction, document, resolver)
            item.parts.append((document, extraction))
            batches.append(batch)
            item.outcome.documents += 1
            item.outcome.nodes += len(batch.nodes)
            item.outcome.rels += len(batch.rels)
    except InputError as exc:
        item.quarantine(str(exc))
    item.batch = _joined(batches)
    return item


def _joined(batches: list[Batch]) -> Batch:
    return Batch([d for b in batches for d in b.documents], [n for b in batches for n in b.nodes],
                 [r for b in batches for r in b.rels])


def _write(staged: list[_Staged], store: GraphStore) -> None:
    """One store write for the whole group; if the store rejects it, one write per file, so a
    file that breaks a store rule is quarantined and the others load."""
    loading = [item for item in staged if item.outcome.outcome == "loaded"]
    if not loading:
        return
    try:
        store.upsert(_joined([item.batch for item in loading]))
    except InputError:
        for item in loading:
            try:
                store.upsert(item.batch)
            except InputError as exc:
                item.quarantine(str(exc))


def _record(item: _Staged, ledger: Ledger, options: IngestOptions,
            extractor_version: str) -> None:
    meta, prepared, outcome = item.prepared.meta, item.prepared, item.outcome
    entry = dict(sha256=prepared.sha256, path=meta.name, size=prepared.size,
                 reader=prepared.reader, extractor_version=extractor_version, case_id=meta.case,
                 agency=meta.agency, releasability=meta.releasability, at="")
    if outcome.outcome == "quarantined":
        _quarantine(meta, outcome.reason, options)
        ledger.record(LedgerEntry(**entry, outcome="quarantined", reason=outcome.reason,
                                  documents=[]))
        return
    for document, extraction in item.parts:
        ledger.save_extraction(asdict(document), extraction)
    item.previous = ledger.latest_for_path(meta.name)
    ledger.record(LedgerEntry(**entry, outcome="loaded", reason="",
                              documents=[document.id for document, _ in item.parts]))


def _retract_previous(item: _Staged, store: GraphStore) -> None:
    """Remove what the previous version of a file asserted that this version does not."""
    previous, outcome = item.previous, item.outcome
    if previous is None or previous.sha256 == outcome.sha256:
        return
    for doc_id in set(previous.documents) - {document.id for document, _ in item.parts}:
        try:
            store.retract(doc_id)
        except FakefreeError:
            log.info("previous version %s of %s was already gone", doc_id, outcome.path)
    outcome.reason = "replaced the previous version"


def _load_package(meta: FileMeta, sha: str, store: GraphStore, ledger: Ledger,
                  resolver: Resolver, options: IngestOptions) -> FileOutcome:
    """Load a partner's exchange package: its documents keep their own agency, marking, cases."""
    entry = dict(sha256=sha, path=meta.name, size=meta.path.stat().st_size,
                 reader="exchange-package", extractor_version="", case_id="", agency="",
                 releasability="", at="")
    try:
        package = read_package(meta.path, max_bytes=options.max_bytes)
        done = load_package(package, store, ledger, resolver)
    except (Unreadable, InputError) as exc:
        _quarantine(meta, str(exc), options)
        ledger.record(LedgerEntry(**entry, outcome="quarantined", reason=str(exc), documents=[]))
        return FileOutcome(meta.name, "quarantined", str(exc), sha)
    for doc in done.loaded:
        record = doc.record
        ledger.record(LedgerEntry(
            sha256=record.id, path=f"{meta.name}#{doc.source or doc.member}",
            size=int(record.props.get("size") or 0), reader="exchange-package",
            extractor_version=doc.extractor_version,
            case_id=record.cases[0] if record.cases else "", agency=record.agency,
            releasability=record.releasability, outcome="loaded", reason="",
            documents=[record.id], at=""))
    ids = [doc.record.id for doc in package.documents]
    ledger.record(LedgerEntry(**entry, outcome="loaded", reason="", documents=ids))
    if not done.loaded:
        return FileOutcome(meta.name, "duplicate",
                           f"already loaded ({len(done.already)} documents)", sha)
    return FileOutcome(meta.name, "loaded",
                       f"exchange package: {len(done.loaded)} documents loaded, "
                       f"{len(done.already)} already loaded", sha, documents=len(done.loaded),
                       nodes=done.nodes, rels=done.rels)
