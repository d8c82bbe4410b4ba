"""``fakefree bench load``: nodes+relationships per second, embedded and Neo4j side by side."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from fakefree.cli_app import emit, groups, json_option
from fakefree.errors import FakefreeError, NotFound
from graph_etl.store import open_store
from graph_etl.store.bench_load import generate_batches, load_rate
from graph_etl.store.sqlite_store import SQLiteStore

TARGETS = {"embedded": 50_000, "neo4j": 20_000}
"""Nodes+relationships per second we aim for on 2 cores (a benchmark, never a test)."""


@groups["bench"].command("load")
def load(
    nodes: int = typer.Option(100_000, "--nodes", min=100),
    rels: int = typer.Option(200_000, "--rels", min=0),
    neo4j_uri: str = typer.Option(
        "bolt://127.0.0.1:7687", "--neo4j",
        help="Neo4j to measure (its bench documents are retracted afterwards); '' to skip."),
    seed: int = typer.Option(7, "--seed"),
    as_json: bool = json_option,
) -> None:
    """Load one generated graph into each backend and print the rates side by side.

    Example: fakefree bench load --nodes 100000 --rels 200000
    """
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        results.append({"backend": "embedded", **load_rate(store, generate_batches(
            nodes, rels, seed))})
        store.close()
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
    lines = [f"{'backend':<10} {'nodes':>8} {'rels':>8} {'seconds':>8} {'per second':>11} "
             f"{'target':>8}"]
    for row in results:
        if "error" in row:
            lines.append(f"{row['backend']:<10} not measured: {row['error']}")
            continue
        lines.append(f"{row['backend']:<10} {row['nodes']:>8} {row['rels']:>8} "
                     f"{row['seconds']:>8} {row['per_second']:>11,} "
                     f"{TARGETS[row['backend']]:>8,}")
    emit(results, as_json, "\n".join(lines))
