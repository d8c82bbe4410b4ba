"""``fakefree seed generate``: the synthetic corpus and its ground truth."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.app import emit, groups, json_option
from fakefree.errors import InputError

__all__ = ["generate"]


@groups["seed"].command("generate")
def generate(
    cases: int = typer.Option(12, "--cases", min=1, help="Number of cases (about 27 documents each)."),
    seed: int = typer.Option(7, "--seed", help="Random seed: the same seed gives byte-identical files."),
    out: Path = typer.Option(..., "-o", "--out", help="Output directory (documents/, truth/, broken/)."),
    binary: bool = typer.Option(True, "--binary/--text-only",
                                help="Write PDF and DOCX files (--text-only writes them as TXT, faster)."),
    docbin: bool = typer.Option(True, "--docbin/--no-docbin", help="Write spaCy DocBin training files."),
    broken: bool = typer.Option(True, "--broken/--no-broken", help="Write the broken-input samples."),
    force: bool = typer.Option(False, "--force", help="Write into a non-empty directory."),
    as_json: bool = json_option,
) -> None:
    """Generate the synthetic corpus: documents, manifest, ground truth and broken inputs.

    Example: fakefree seed generate --cases 12 --seed 7 -o seed_data/demo --force
    (about 27 documents per case; --cases 370 --text-only --no-docbin gives ~10k documents).
    """
    from seed_data.generate import generate as run

    if out.exists() and not out.is_dir():
        raise InputError(f"Output {out} exists and is not a directory.")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise InputError(f"Output directory {out} is not empty; pass --force to overwrite it.")
    if force and out.is_dir():
        import shutil

        for sub in ("documents", "truth", "broken"):
            shutil.rmtree(out / sub, ignore_errors=True)
    summary = run(out, cases=cases, seed=seed, docbin=docbin, broken=broken, binary=binary)
    text = (f"Wrote {summary.documents} documents for {summary.cases} cases to {out} in "
            f"{summary.seconds:.1f} s\n  by type: {summary.by_type}\n  by language: {summary.by_language}\n"
            f"  by format: {summary.by_format}")
    emit(summary.to_dict(), as_json, text)
