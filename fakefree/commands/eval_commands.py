"""``fakefree eval resolution``: entity-resolution quality against the seed corpus' truth."""

from __future__ import annotations

from pathlib import Path

import typer

from fakefree.cli_app import emit, groups, json_option
from fakefree.errors import InputError
from graph_etl.evaluate import evaluate_resolution


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
