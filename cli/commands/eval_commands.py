"""``fakefree eval resolution``: entity-resolution quality against the seed corpus' truth."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.app import emit, groups, json_option
from fakefree.errors import InputError
from graph_etl.evaluate import evaluate_resolution
from fakefree.model import Viewer


@groups["eval"].command("resolution")
def resolution(
    corpus: Path = typer.Option(Path("seed_data/demo"), "--corpus",
                                help="A seed corpus folder with documents/ and truth/."),
    as_json: bool = json_option,
) -> None:
    """Pairwise precision, recall and F1 of entity resolution against the seed truth.

    Example: fakefree eval resolution --corpus seed_data/demo
    """
    if not (corpus / "truth" / "entities.json").is_file():
        raise InputError(f"{corpus} has no truth/entities.json; generate one with "
                         "`fakefree seed generate`.")
    report = evaluate_resolution(corpus)
    lines = [f"{'type':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'mentions':>9}"]
    for name, score in [("ALL", report.overall), *report.by_type.items()]:
        lines.append(f"{name:<12} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
                     f"{score.occurrences:>9}")
    lines.append("targets: precision >= 0.97, recall >= 0.90")
    emit(report.to_dict(), as_json, "\n".join(lines))


@groups["eval"].command("casefiles")
def casefiles(
    folder: Path = typer.Argument(..., help="A folder with docs/ and truth.json."),
    store: str = typer.Option(None, "--store",
                              help="Embedded store file or Neo4j URI to load into; it must be "
                                   "empty (default: a new file in a temporary folder)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64),
    as_json: bool = json_option,
) -> None:
    """Load a folder of independent case files, run every analysis, check them against truth.json.

    Each case group is ingested as its own case (DEV-A, DEV-B...) with its agency; then
    source-orgs, money-flows, shared-identifiers, cross-case and search answer the truth's items.

    Example: fakefree eval casefiles tests/data/case_files_dev
    """
    import tempfile

    import nlp
    from bench.casefile_eval import check_case_files, ingest_groups, load_truth
    from cli.app import open_store_for
    from graph_etl.ledger import Ledger, ledger_path_for

    truth = load_truth(folder)
    with tempfile.TemporaryDirectory(prefix="fakefree-eval-") as scratch:
        uri = store or str(Path(scratch) / "casefiles.db")
        graph = open_store_for(uri)
        ledger = Ledger(ledger_path_for(uri, Path(scratch)))
        try:
            if graph.stats(Viewer.system()).get("documents"):
                raise InputError(f"{uri} is not empty; give --store a new file or database.")
            outcomes = ingest_groups(folder, truth, graph, ledger, nlp.EXTRACTOR_VERSION,
                                     workers=workers)
            report = check_case_files(truth, graph, outcomes)
        finally:
            graph.close()
            ledger.close()
    lines = [f"{'check':<18} {'analysis':<28} ok  item"]
    for c in report.checks:
        mark = "yes" if c.passed else "NO "
        lines.append(f"{c.kind:<18} {c.analysis:<28} {mark} {c.item}"
                     + (f"  ({c.detail})" if c.detail and not c.passed else ""))
    lines.append(f"{report.passed} of {len(report.checks)} checks hold.")
    emit(report.to_dict(), as_json, "\n".join(lines))
