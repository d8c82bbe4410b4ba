"""Render README's Cypher cookbook, run through the driver on a Neo4j store, as an image.

Neo4j Browser is not on Maven Central (see README), so the screenshot of "the graph in Neo4j" is
this page: each question, its Cypher and the first rows it answers, screenshotted with Debian's
chromium through Playwright (no browser is downloaded).

    python tools/cookbook_shot.py bolt://127.0.0.1:7687 docs/screenshots/cypher-cookbook.png
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ROWS = 3


def cookbook() -> list[tuple[str, str]]:
    """``(question, query)`` of README's "Cypher cookbook" section (as its test reads them)."""
    section = (ROOT / "README.md").read_text("utf-8").split("### Cypher cookbook", 1)[1]
    section = re.split(r"\n##+ ", section, maxsplit=1)[0]
    return re.findall(r"\*\*(\d+\..*?)\*\*\s*```cypher\n(.*?)```", section, re.S)


def _cell(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return html.escape(text if len(text) <= 90 else text[:87] + "...")


def page(answers: list[tuple[str, str, list[dict[str, Any]], int]], uri: str) -> str:
    """The HTML page: one block per question, its query and its first rows."""
    blocks = []
    for question, query, rows, total in answers:
        head = "".join(f"<th>{html.escape(k)}</th>" for k in (rows[0] if rows else {}))
        body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row.values()) + "</tr>"
                       for row in rows)
        blocks.append(f"<section><h2>{html.escape(question)}</h2>"
                      f"<pre>{html.escape(query.strip())}</pre>"
                      f"<table><tr>{head}</tr>{body}</table>"
                      f"<p class=n>{total} row(s), first {len(rows)} shown</p></section>")
    style = ("body{font:13px sans-serif;margin:16px;background:#fafafa;width:1500px}"
             "section{background:#fff;border:1px solid #ddd;margin:0 0 10px;padding:6px 10px}"
             "h2{font-size:14px;margin:2px 0}pre{background:#f1f3f7;padding:4px;margin:4px 0;"
             "font-size:11px;white-space:pre-wrap}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;font-size:12px}"
             "th{background:#e8eef8}.n{color:#666;margin:2px 0;font-size:11px}")
    title = f"fakefree Cypher cookbook, run through the Neo4j driver on the demo ({uri})"
    return (f"<html><head><meta charset=utf-8><style>{style}</style></head><body>"
            f"<h1 style='font-size:18px'>{html.escape(title)}</h1>{''.join(blocks)}</body></html>")


def main(uri: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from graph_etl.store import open_store

    store = open_store(uri)
    try:
        answers = []
        for question, query in cookbook():
            rows = store._run(query)  # type: ignore[attr-defined]
            answers.append((question, query, rows[:ROWS], len(rows)))
    finally:
        store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    html_file = out.resolve().with_suffix(".html")
    html_file.write_text(page(answers, uri), "utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page(viewport={"width": 1540, "height": 900})
        tab.goto(html_file.as_uri())
        tab.screenshot(path=str(out), full_page=True)
        browser.close()
    html_file.unlink()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
