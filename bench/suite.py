"""The benchmark suite of ``fakefree bench all``: every figure next to a reference from the same run.

Stages: extraction (ours against a stock spaCy pipeline), end-to-end ingest of generated seed
documents (against a naive loader replaying the same claims), bulk load of a seed-like world of
claims at each size (:mod:`bench.world`; against the naive loader at the smallest
size) and query latency on that world, per backend. Peak memory (RSS high-water mark of this
process, reset before each stage where Linux allows it) is recorded per stage.
"""

from __future__ import annotations

import logging
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fakefree.errors import FakefreeError
from bench.memory import peak_rss_mb, reset_peak
from graph_etl.store import GraphStore, Viewer, open_store
from graph_etl.store.base import bulk_work
from bench.load import load_rate
from bench.world import DOCS_PER_CASE, PREFIX, case_cast, world_batches
from fakefree.model import Batch
from graph_etl.store.neo4j import server as neo4j_server
from bench.naive_load import naive_neo4j_rate, naive_sqlite_rate
from graph_etl.store.neo4j.bulk_import import bulk_import, scratch_server
from graph_etl.store.neo4j.server import ServerConfig
from graph_etl.store.neo4j.store import Neo4jStore
from graph_etl.store.sqlite.store import SQLiteStore

__all__ = ["SuiteOptions", "QUERY_TARGETS_MS", "run_suite", "QUERIES", "WARMUP_ROUNDS", "WARMUP_SECONDS"]

log = logging.getLogger(__name__)

QUERIES = ("search", "neighbors_2hop", "shortest_path", "source_orgs", "money_flows")
QUERY_TARGETS_MS = {"search": 50, "neighbors_2hop": 200}
"""Latency targets at 100k documents (a benchmark, never a test)."""


@dataclass(frozen=True)
class SuiteOptions:
    """What to run: world sizes, seed cases to ingest end to end, Neo4j URI ('' to skip)."""

    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    ingest_cases: tuple[int, ...] = (37,)
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_sizes: tuple[int, ...] | None = None  # of the Cypher load; default: the smallest
    texts: int = 200
    samples: int = 20
    reference: str = "blank:en"
    workers: int = 2
    seed: int = 7


QUICK = SuiteOptions(sizes=(200, 1_000), ingest_cases=(1,), texts=30, samples=5)


# -- memory ---------------------------------------------------------------------------------

@contextmanager
def _stage(memory: dict[str, float], name: str, progress: Callable[[str], None]) -> Iterator[None]:
    progress(name)
    reset_peak()
    started = time.perf_counter()
    yield
    memory[name] = peak_rss_mb()
    log.info("%s done in %.1f s, peak RSS %.0f MiB", name, time.perf_counter() - started,
             memory[name])


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM and load average of this machine."""
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in
                    Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                      .splitlines() if line.startswith("MemTotal:"))
    except (OSError, StopIteration):
        mem_kb = 0
    import os

    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(),
            "ram_gib": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


# -- stages ---------------------------------------------------------------------------------

def bench_extraction(options: SuiteOptions) -> dict[str, Any]:
    """Words/s of our extraction and of the stock pipeline on the same generated texts."""
    from nlp.bench import bench_extract, sample_texts

    return bench_extract(sample_texts(options.texts), reference=options.reference).to_dict()


class _TimedStore:
    """Times a store's ``upsert`` calls and keeps the batches, to replay them naively."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.seconds = 0.0
        self.batches: list[Batch] = []

    def upsert(self, batch: Batch) -> dict[str, int]:
        self.batches.append(batch)
        started = time.perf_counter()
        try:
            return self.store.upsert(batch)
        finally:
            self.seconds += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def bench_ingest(cases: int, options: SuiteOptions, work: Path) -> dict[str, Any]:
    """Generate ``cases`` seed cases and ingest them end to end into a new embedded store."""
    import nlp
    from graph_etl.pipeline import IngestOptions, ingest
    from graph_etl.ledger import Ledger
    from seed_data.generate import generate

    corpus = work / f"seed-{cases}"
    generate(corpus, cases=cases, seed=options.seed, docbin=False, broken=False, binary=True)
    store = _TimedStore(SQLiteStore(work / f"ingest-{cases}.db"))
    ledger = Ledger(work / f"ingest-{cases}.ledger.db")
    summary = ingest([corpus / "documents"], store, ledger,  # type: ignore[arg-type]
                     IngestOptions(workers=options.workers), nlp.EXTRACTOR_VERSION).to_dict()
    store.store.close()
    claims = summary["nodes"] + summary["rels"]
    naive = naive_sqlite_rate(work / f"naive-ingest-{cases}.db", store.batches)
    return {"backend": "embedded", "cases": cases, "documents": summary["loaded"],
            "quarantined": summary["quarantined"], "seconds": summary["seconds"],
            "documents_per_s": round(summary["loaded"] / summary["seconds"], 2),
            "claims": claims, "store_seconds": round(store.seconds, 2),
            "claims_per_s": round(claims / store.seconds) if store.seconds else 0,
            "naive_claims_per_s": naive["per_second"]}


WARMUP_ROUNDS = 10
"""Untimed rounds over the warm-up cases before a query is timed (see :func:`_timed`)..."""
WARMUP_SECONDS = 10.0
"""...and more rounds until the warm-up has lasted this long (at most :data:`WARMUP_MAX_ROUNDS`)."""
WARMUP_MAX_ROUNDS = 100


def _timed(samples: list[Callable[[], Any]],
           warmup: list[Callable[[], Any]] | None = None) -> dict[str, float]:
    """Median and p95 of the samples, after untimed rounds of ``warmup``: at least
    :data:`WARMUP_ROUNDS`, and at least :data:`WARMUP_SECONDS` (at most
    :data:`WARMUP_MAX_ROUNDS` rounds).

    The warm-up calls are the same query on other cases of the world (never a timed call
    repeated), so what they leave behind is what an application that runs the same queries all
    day has: compiled plans and a JIT-compiled server, no cached answer. A Neo4j server is timed
    right after it started on a new import; at 1k documents its JIT compilers still took more
    CPU than its queries after 200 calls. The median of the first warm-up round is kept as
    ``first_round_median_ms``.
    """
    warmup = warmup or samples[-1:]
    first: list[float] = []
    began = time.perf_counter()
    rounds = 0
    while rounds < WARMUP_ROUNDS or (time.perf_counter() - began < WARMUP_SECONDS
                                     and rounds < WARMUP_MAX_ROUNDS):
        for call in warmup:
            started = time.perf_counter()
            call()
            if rounds == 0:
                first.append((time.perf_counter() - started) * 1000)
        rounds += 1
    times = []
    for call in samples:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2),
            "samples": len(times), "first_round_median_ms": round(statistics.median(first), 2)}


def _spread(numbers: list[int], count: int) -> list[int]:
    """``count`` of ``numbers`` spread evenly from the first to the last (all when fewer).

    >>> _spread(list(range(10)), 3)
    [0, 4, 9]
    """
    if len(numbers) <= count:
        return numbers
    return _spaced(numbers, count)


def _spaced(numbers: list[int], count: int) -> list[int]:
    """``count`` picks evenly spaced along ``numbers`` (repeats when fewer)."""
    return [numbers[round(i * (len(numbers) - 1) / max(1, count - 1))] for i in range(count)]


def bench_queries(store: GraphStore, documents: int, options: SuiteOptions) -> dict[str, dict]:
    """Median and p95 latency of each query over cases spread across the world, after warm-up
    rounds on as many other cases (the timed ones again only in a world too small)."""
    from queries.money_flows import analyze_money
    from queries.source_orgs import rank_source_orgs

    viewer = Viewer.system()
    cases = max(1, -(-documents // DOCS_PER_CASE))
    timed = _spaced(list(range(cases)), options.samples)
    others = [n for n in range(cases) if n not in set(timed)] or timed
    picks = [case_cast(n, options.seed) for n in timed]
    warm = [case_cast(n, options.seed) for n in _spread(others, options.samples)]

    def analysis(run: Callable, case: str) -> Callable[[], Any]:
        return lambda: run(store.subgraph(viewer, cases=[case]), case=case)

    def plans(casts: list) -> dict[str, list[Callable[[], Any]]]:
        heavy = casts[:: max(1, len(casts) // 5)]
        return {
            "search": [lambda c=c: store.search(c.names[c.importer][1], viewer) for c in casts],
            "neighbors_2hop": [lambda c=c: store.neighbors(c.importer, viewer, hops=2)
                               for c in casts],
            "shortest_path": [lambda c=c: store.paths(c.owner, c.shipper, viewer, max_hops=4)
                              for c in casts],
            "source_orgs": [analysis(rank_source_orgs, c.case) for c in heavy],
            "money_flows": [analysis(analyze_money, c.case) for c in heavy],
        }

    timed_plans, warm_plans = plans(picks), plans(warm)
    return {name: _timed(timed_plans[name], warm_plans[name]) for name in QUERIES}


def _query_rows(store: GraphStore, backend: str, documents: int,
                options: SuiteOptions) -> list[dict[str, Any]]:
    return [{"kind": "query", "backend": backend, "documents": documents, "query": query,
             **figures, "target_ms": QUERY_TARGETS_MS.get(query)}
            for query, figures in bench_queries(store, documents, options).items()]


def bench_world_store(store: GraphStore, backend: str, documents: int,
                      options: SuiteOptions, *, queries: bool = True) -> list[dict[str, Any]]:
    """Load the world of ``documents`` documents into ``store``, then time the queries."""
    with bulk_work():
        load = load_rate(store, world_batches(documents, options.seed))
    load.pop("store")  # a temporary path or the server URI, already in the options
    rows = [{"kind": "load", "backend": backend, **load}]
    return rows + (_query_rows(store, backend, documents, options) if queries else [])


def bench_import(world: Path, load: dict[str, Any], server: ServerConfig,
                 options: SuiteOptions, *, queries: bool = True) -> list[dict[str, Any]]:
    """Bulk-import the embedded ``world`` into the second local Neo4j server ``server`` with
    neo4j-admin, then time the queries on it.

    The rate counts the same claims as the world's load row (``load``), over the whole import:
    writing the CSV files, stopping the server, importing, starting it, building the indexes.
    The imported graph is the one the Cypher writer makes (tests/graph_etl/store/
    test_neo4j_import.py), so its query figures are Neo4j's.
    """
    documents = load["documents"]
    try:
        info = bulk_import(world, server, overwrite=True)
    except FakefreeError as exc:
        return [{"kind": "load", "backend": "neo4j-import", "documents": documents,
                 "error": str(exc)}]
    stages = {k: v for k, v in info.items() if k.endswith("_s")}
    rows = [{"kind": "load", "backend": "neo4j-import", "documents": documents,
             "nodes": load["nodes"], "rels": load["rels"], "seconds": info["seconds"],
             "per_second": round((load["nodes"] + load["rels"]) / info["seconds"]), **stages}]
    if not queries:
        return rows
    store = Neo4jStore(server.uri, user="neo4j", password=neo4j_server.password(server))
    try:
        return rows + _query_rows(store, "neo4j", documents, options)
    finally:
        store.close()


# -- the suite ------------------------------------------------------------------------------

def run_suite(options: SuiteOptions, progress: Callable[[str], None] = log.info) -> dict[str, Any]:
    """Run every stage; a dict ready for JSON (see README, Benchmarks)."""
    memory: dict[str, float] = {}
    results: dict[str, Any] = {"machine": machine(), "options": {
        "sizes": list(options.sizes), "ingest_cases": list(options.ingest_cases),
        "neo4j": options.neo4j_uri,
        "neo4j_sizes": list(options.neo4j_sizes or (min(options.sizes),)),
        "texts": options.texts, "samples": options.samples,
        "reference": options.reference, "seed": options.seed},
        "ingest": [], "load": [], "naive": [], "queries": [], "memory_mib": memory}
    with _stage(memory, "extraction", progress):
        results["extraction"] = bench_extraction(options)
    with tempfile.TemporaryDirectory(prefix="fakefree-bench-") as tmp:
        work = Path(tmp)
        for cases in options.ingest_cases:
            with _stage(memory, f"ingest {cases} cases", progress):
                results["ingest"].append(bench_ingest(cases, options, work))
        smallest = min(options.sizes)
        with _stage(memory, f"naive load {smallest} docs embedded", progress):
            results["naive"].append({"backend": "embedded", "documents": smallest, **
                                     naive_sqlite_rate(work / "naive.db",
                                                       world_batches(smallest, options.seed))})
        with ExitStack() as stack:
            server = (stack.enter_context(scratch_server(work / "import"))
                      if options.neo4j_uri else None)
            for size in sorted(options.sizes):
                world = work / f"world-{size}.db"
                with _stage(memory, f"world {size} docs embedded", progress):
                    store = SQLiteStore(world)
                    rows = bench_world_store(store, "embedded", size, options)
                    store.close()
                if server:
                    with _stage(memory, f"neo4j-admin import {size} docs", progress):
                        rows += bench_import(world, rows[0], server, options)
                world.unlink()
                _file(results, rows)
        if options.neo4j_uri:
            _neo4j_stages(results, options, memory, progress)
    return results


def _file(results: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    for row in rows:
        kind = row.pop("kind")
        results["load" if kind == "load" else "queries"].append(row)


def _neo4j_stages(results: dict[str, Any], options: SuiteOptions, memory: dict[str, float],
                  progress: Callable[[str], None]) -> None:
    """Loading through Cypher into ``options.neo4j_uri`` (queries are timed on the imported
    graph, see :func:`bench_import`); every node written has the world's id prefix and is purged."""
    try:
        store = open_store(options.neo4j_uri)
    except FakefreeError as exc:
        results["neo4j_error"] = str(exc)
        return
    try:
        store.purge(PREFIX)  # type: ignore[attr-defined]
        sizes = options.neo4j_sizes or (min(options.sizes),)
        smallest = min(sizes)
        with _stage(memory, f"naive load {smallest} docs neo4j", progress):
            results["naive"].append({"backend": "neo4j", "documents": smallest, **
                                     naive_neo4j_rate(options.neo4j_uri,
                                                      world_batches(smallest, options.seed))})
        for size in sorted(sizes):
            with _stage(memory, f"world {size} docs neo4j", progress):
                try:
                    _file(results, bench_world_store(store, "neo4j", size, options,
                                                     queries=False))
                finally:
                    store.purge(PREFIX)  # type: ignore[attr-defined]
    finally:
        store.close()
