"""``fakefree bench users``: concurrent dashboard users while an ingest writes to the same store."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import typer

from cli.app import emit, groups, json_option
from fakefree.errors import InputError

DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo" / "documents"
AGENCIES = ("CBSA", "RCMP", "CBP", "HSI")


def _cases(folder: Path) -> list[Path]:
    cases = sorted(p for p in folder.iterdir() if p.is_dir())
    if not cases:
        raise InputError(f"{folder} holds no case folders to load.")
    return cases


def measure(store: str, preload: list[Path], ingest_paths: list[Path], users: int, rounds: int,
            workdir: Path) -> dict:
    """Load ``preload``, then run ``users`` sessions for ``rounds`` rounds while ``ingest_paths``
    are ingested into the same ``store``; accounts live in a fresh security DB in ``workdir``."""
    from dashboard.load_bench import run_users
    from security.signin import open_security
    from graph_etl.pipeline import IngestOptions, ingest
    from graph_etl.store import NEO4J_SCHEMES
    from graph_etl.workspace import open_workspace

    if store.startswith(NEO4J_SCHEMES):  # read before FAKEFREE_HOME moves to the work folder
        from graph_etl.store.neo4j.connect import credentials

        user, password = credentials()
        os.environ.update(NEO4J_USERNAME=user, NEO4J_PASSWORD=password)
    os.environ.update(FAKEFREE_STORE=store, FAKEFREE_HOME=str(workdir / "home"),
                      FAKEFREE_SECURITY_DB=str(workdir / "security.db"))
    accounts, audit = open_security()
    accounts.add("benchadmin", secrets.token_urlsafe(16), role="admin", agencies=[AGENCIES[0]])
    logins = []
    for number in range(users):
        name, password = f"bench{number + 1}", secrets.token_urlsafe(16)
        accounts.add(name, password, role="analyst", agencies=[AGENCIES[number % len(AGENCIES)]])
        logins.append((name, password))
    with open_workspace(store) as (graph, ledger):
        if preload:
            ingest(preload, graph, ledger, IngestOptions.from_settings(workers=1), "bench")

        def writer() -> dict:
            summary = ingest(ingest_paths, graph, ledger, IngestOptions.from_settings(workers=1),
                             "bench")
            return {k: v for k, v in summary.to_dict().items() if k != "files"}

        result = run_users(logins, rounds, writer if ingest_paths else None)
    return {"store": store, **result.to_dict()}


@groups["bench"].command("users")
def users_command(
    users: int = typer.Option(8, "--users", min=1, help="Concurrent dashboard sessions."),
    rounds: int = typer.Option(3, "--rounds", min=1,
                               help="Rounds of overview, search+profile, network, cross-case."),
    store: str = typer.Option(
        "", "--store", help="Store to use (a Neo4j URI writes the seed cases into it); "
                            "default: a new embedded store in a temporary folder."),
    corpus: Path = typer.Option(DEMO, "--corpus", help="Folder of case folders."),
    concurrent_cases: int = typer.Option(
        2, "--ingest-cases", min=0, help="Last cases of the corpus, ingested during the run."),
    as_json: bool = json_option,
) -> None:
    """Sign in N users and drive the dashboard pages concurrently while an ingest runs.

    Reports errors (should be 0), page-load latency percentiles and peak memory (RSS).

    Example: fakefree bench users --users 8 --rounds 3
    """
    cases = _cases(corpus)
    split = len(cases) - min(concurrent_cases, len(cases))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        result = measure(store or str(workdir / "bench.db"), cases[:split], cases[split:],
                         users, rounds, workdir)
    text = (f"{result['users']} users x {result['rounds']} rounds on {result['store']}: "
            f"{result['page_loads']} page loads, {result['errors']} errors, "
            f"p50 {result['p50_s']} s, p90 {result['p90_s']} s, p99 {result['p99_s']} s, "
            f"max {result['max_s']} s; ingest during the run: "
            f"{result['ingest'].get('loaded', 0)} files in {result['ingest'].get('seconds', 0)} s;"
            f" peak RSS {result['peak_rss_mb']} MiB (ingest), {result['user_peak_rss_mb']} MiB (largest"
            f" user process, {result['users_rss_sum_mb']} MiB all users); "
            f"{result['seconds']} s in all")
    for error in result["first_errors"]:
        text += f"\n  error: {error}"
    emit(result, as_json, text)
