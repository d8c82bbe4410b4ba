"""``fakefree extract``, ``fakefree eval extraction`` and ``fakefree bench extract``."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.app import app, emit, groups, json_option
from fakefree.errors import InputError

__all__ = ["extract_command", "eval_extraction", "bench_extract_command"]


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"The file {path} does not exist.")
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"The file {path} is not readable text.") from None
        return str(best)


@app.command("extract")
def extract_command(
    file: Path = typer.Argument(..., help="A .txt file."),
    as_json: bool = json_option,
    model: str = typer.Option(None, "--model", help="An installed spaCy pipeline to use instead."),
    language: str = typer.Option(None, "--language", help="en, fr or es (detected if omitted)."),
) -> None:
    """Extract entities, roles and relations from one text file.

    Example: fakefree extract case.txt --json
    """
    from nlp import extract
    from nlp.pipeline import SUPPORTED

    if language and language not in SUPPORTED:
        raise InputError(f"The language {language!r} is not one of {', '.join(SUPPORTED)}.")
    text = _read_text(file)
    result = extract(text, language=language, model=model)
    lines = [f"{file}: language {result.language}, {len(result.entities)} entities, "
             f"{len(result.relations)} relations"]
    lines += [f"  {e.type:8} {e.subtype or '':8} {e.name}"
              + (f"  [{', '.join(e.roles)}]" if e.roles else "")
              + (f"  aka {', '.join(e.aliases)}" if e.aliases else "") for e in result.entities]
    names = {e.id: e.name for e in result.entities}
    lines += [f"  {names[r.source]} -{r.type}-> {names[r.target]}" for r in result.relations]
    lines += [f"  note: {m}" for m in result.messages]
    emit(result.to_dict(), as_json, "\n".join(lines))


@groups["eval"].command("extraction")
def eval_extraction(
    gold: Path = typer.Option(..., "--gold", help="Folder of NAME.txt + NAME.gold.json files."),
    model: str = typer.Option(None, "--model", help="An installed spaCy pipeline to use instead."),
    as_json: bool = json_option,
) -> None:
    """Score extraction against gold files: P/R/F1 per type, key-role recall, relation P/R.

    Example: fakefree eval extraction --gold ../shared/real_dev
    """
    from nlp import extract
    from nlp.evaluate import evaluate_dir, format_scores

    scores = evaluate_dir(gold, lambda text, lang: extract(text, language=lang, model=model))
    emit(scores.to_dict(), as_json, format_scores(scores))


@groups["bench"].command("extract")
def bench_extract_command(
    texts: int = typer.Option(200, "--texts", help="Number of generated texts to process."),
    reference: str = typer.Option("blank:en", "--reference",
                                  help="Stock pipeline: blank:en or an installed one."),
    workers: int = typer.Option(1, "--workers", help="Processes for nlp.pipe."),
    as_json: bool = json_option,
) -> None:
    """Words/s of our extraction and of a stock spaCy pipeline on the same texts, and the ratio.

    Example: fakefree bench extract --reference en_core_web_sm --workers 2
    """
    from nlp.bench import bench_extract, sample_texts

    result = bench_extract(sample_texts(texts), reference=reference, workers=workers)
    emit(result.to_dict(), as_json,
         f"{result.texts} texts, {result.words} words\n"
         f"fakefree  {result.ours_words_per_s:10.0f} words/s\n"
         f"{result.reference:9} {result.reference_words_per_s:10.0f} words/s\n"
         f"ratio     {result.ratio:10.2f}")
