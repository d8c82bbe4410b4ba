"""``fakefree bench load`` and ``fakefree bench all`` (the suite of :mod:`bench.suite`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from rich.console import Console

from cli.app import emit, groups, json_option
from fakefree.errors import FakefreeError, InputError, NotFound
from graph_etl.store import open_store
from bench.load import generate_batches, load_rate
from graph_etl.store.sqlite.store import SQLiteStore

TARGETS = {"embedded": 50_000, "neo4j": 20_000, "neo4j-import": 20_000}
"""Nodes+relationships per second we aim for on 2 cores (a benchmark, never a test)."""


@groups["bench"].command("load")
def load(
    nodes: int = typer.Option(100_000, "--nodes", min=100),
    rels: int = typer.Option(200_000, "--rels", min=0),
    neo4j_uri: str = typer.Option(
        "bolt://127.0.0.1:7687", "--neo4j",
        help="Neo4j to measure (its bench documents are retracted afterwards); '' to skip it "
             "and the neo4j-admin import into a second local server."),
    seed: int = typer.Option(7, "--seed"),
    as_json: bool = json_option,
) -> None:
    """Load one generated graph into each backend and print the rates side by side.

    Example: fakefree bench load --nodes 100000 --rels 200000
    """
    from bench.suite import QUICK, bench_import
    from graph_etl.store.neo4j.bulk_import import scratch_server

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        results.append({"backend": "embedded", **load_rate(store, generate_batches(
            nodes, rels, seed))})
        store.close()
        if neo4j_uri:
            with scratch_server(Path(tmp)) as server:
                row = bench_import(Path(tmp) / "bench.db", results[0], server, QUICK,
                                   queries=False)[0]
            row.pop("kind")
            results.append(row)
    if neo4j_uri:
        try:
            graph = open_store(neo4j_uri)
        except FakefreeError as exc:
            results.append({"backend": "neo4j", "error": str(exc)})
        else:
            batches = list(generate_batches(nodes, rels, seed))
            results.append({"backend": "neo4j", **load_rate(graph, batches)})
            for batch in batches:
                for doc in batch.documents:
                    try:
                        graph.retract(doc.id)
                    except NotFound:
                        pass
            graph.close()
    lines = [f"{'backend':<13} {'nodes':>8} {'rels':>8} {'seconds':>8} {'per second':>11} "
             f"{'target':>8}"]
    for row in results:
        if "error" in row:
            lines.append(f"{row['backend']:<13} not measured: {row['error']}")
            continue
        lines.append(f"{row['backend']:<13} {row['nodes']:>8} {row['rels']:>8} "
                     f"{row['seconds']:>8} {row['per_second']:>11,} "
                     f"{TARGETS[row['backend']]:>8,}")
    emit(results, as_json, "\n".join(lines))


def _numbers(text: str, option: str, minimum: int) -> tuple[int, ...]:
    try:
        numbers = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise InputError(f"{option} {text!r} is not a comma-separated list of numbers.") from None
    if not numbers or min(numbers) < minimum:
        raise InputError(f"{option} {text!r} needs numbers of at least {minimum}.")
    return numbers


@groups["bench"].command("all")
def bench_all(
    out: Path = typer.Option(Path("bench-results.json"), "-o", "--out",
                             help="JSON results; the chart goes next to it as .png."),
    quick: bool = typer.Option(False, "--quick",
                               help="Tiny sizes (200 and 1000 documents, 1 seed case): a smoke test."),
    sizes: str = typer.Option(None, "--sizes", help="World sizes in documents, e.g. 1000,10000,100000."),
    ingest_cases: str = typer.Option(None, "--ingest-cases",
                                     help="Seed cases to ingest end to end (about 27 documents each), e.g. 37."),
    neo4j_uri: str = typer.Option(
        "bolt://127.0.0.1:7687", "--neo4j",
        help="Neo4j to load through Cypher (only ids starting with qb- are written, and purged "
             "after); '' to skip it and the neo4j-admin import into a second local server, "
             "on which the Neo4j queries are timed at every size."),
    neo4j_sizes: str = typer.Option(None, "--neo4j-sizes",
                                    help="World sizes of the Cypher load into Neo4j (default: "
                                         "the smallest of --sizes), e.g. 1000,10000."),
    reference: str = typer.Option("blank:en", "--reference",
                                  help="Stock spaCy pipeline for extraction: blank:en or an installed one."),
    as_json: bool = json_option,
) -> None:
    """Run the whole benchmark suite; each figure next to a reference measured in the same run.

    Example: fakefree bench all --sizes 1000,10000,100000 --ingest-cases 37 -o bench/results.json
    """
    import json
    from dataclasses import replace

    from bench.chart import write_chart
    from bench.suite import QUICK, SuiteOptions, run_suite

    options = QUICK if quick else SuiteOptions()
    options = replace(options, neo4j_uri=neo4j_uri, reference=reference)
    if sizes:
        options = replace(options, sizes=_numbers(sizes, "--sizes", 30))
    if neo4j_sizes:
        options = replace(options, neo4j_sizes=_numbers(neo4j_sizes, "--neo4j-sizes", 30))
    if ingest_cases:
        options = replace(options, ingest_cases=_numbers(ingest_cases, "--ingest-cases", 1))
    console = Console(stderr=True)
    results = run_suite(options, lambda stage: console.print(f"bench: {stage}", markup=False,
                                                             highlight=False))
    results["command"] = "fakefree bench all" + (" --quick" if quick else "")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    chart = write_chart(results, out.with_suffix(".png"))
    emit(results, as_json, format_results(results) + f"\n\nwrote {out} and {chart}")


def format_results(results: dict) -> str:
    """The suite's figures as a plain table, ours next to the reference."""
    ex = results["extraction"]
    lines = ["figure                                   ours         reference",
             f"extraction words/s                  {ex['ours_words_per_s']:>9,.0f}   "
             f"{ex['reference_words_per_s']:>9,.0f} ({ex['reference']})"]
    for row in results["ingest"]:
        lines.append(f"ingest {row['documents']} docs: docs/s             {row['documents_per_s']:>9}")
        lines.append(f"  store claims/s (vs naive loader)    {row['claims_per_s']:>9,}   "
                     f"{row['naive_claims_per_s']:>9,}")
    naive = {(r["backend"], r["documents"]): r["per_second"] for r in results["naive"]}
    for row in results["load"]:
        if "error" in row:
            lines.append(f"load {row['documents']:>7} docs {row['backend']} not measured: "
                         f"{row['error']}")
            continue
        ref = naive.get((row["backend"], row["documents"]))
        lines.append(f"load {row['documents']:>7} docs {row['backend']:<8} n+r/s  "
                     f"{row['per_second']:>9,}   " + (f"{ref:>9,} (naive)" if ref else
                                                      f"{TARGETS[row['backend']]:>9,} (target)"))
    for row in results["queries"]:
        target = f"{row['target_ms']:>9} ms (target)" if row.get("target_ms") else ""
        lines.append(f"{row['query']:<15} {row['documents']:>7} {row['backend']:<8} "
                     f"median {row['median_ms']:>8.1f} ms p95 {row['p95_ms']:>8.1f} {target}")
    if results.get("neo4j_error"):
        lines.append(f"neo4j not measured: {results['neo4j_error']}")
    lines.append("peak RSS MiB: " + ", ".join(f"{k} {v:.0f}"
                                              for k, v in results["memory_mib"].items()))
    return "\n".join(lines)
