"""``fakefree mappings suggest``: a draft record mapping for a table, with its evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.app import emit, groups, json_option
from fakefree.errors import InputError

__all__ = ["suggest_command"]


@groups["mappings"].command("suggest")
def suggest_command(
    file: Path = typer.Argument(..., help="A CSV, TSV or XLSX file."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the draft YAML here."),
    as_json: bool = json_option,
) -> None:
    """Draft a YAML mapping for FILE: for each column, the field it is taken as and why.

    Example: fakefree mappings suggest transfers.csv -o draft.yaml
    """
    from graph_etl.mapping_suggest import suggest, suggest_yaml
    from graph_etl.readers import Unreadable

    if not file.is_file():
        raise InputError(f"The file {file} does not exist.")
    try:
        drafts = suggest(file)
    except Unreadable as exc:
        raise InputError(str(exc)) from exc
    if not drafts:
        raise InputError(f"{file.name} holds no table to map.")
    text = suggest_yaml(drafts)
    if output is not None:
        output.write_text(text, "utf-8")
    emit(drafts, as_json, text if output is None else f"Wrote the draft mapping to {output}.")
