"""HTML pages: visible text without scripts or styles, one blank line between blocks."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag
from bs4.element import PreformattedString

from graph_etl.readers.base import Context, ReadResult, Source
from graph_etl.readers.encoding import normalise_text

__all__ = ["html_to_text", "read_html"]

_DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BLOCKS = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "blockquote",
    "pre", "address", "figure", "figcaption", "form", "fieldset", "hr", "caption", "body",
    "thead", "tbody", "tfoot", "details", "summary",
}
_CELLS = {"td", "th"}
_BREAK = "\x00"  # paragraph marker while walking; no NUL survives decoding of real text


def _walk(root: Tag) -> str:
    """The text of ``root`` with block and cell markers; iterative, so any depth is fine."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        item, is_marker = stack.pop()
        if is_marker:
            out.append(str(item))
            continue
        if isinstance(item, NavigableString):
            if not isinstance(item, PreformattedString) or isinstance(item, CData):
                out.append(str(item))  # comments, doctype, processing instructions are dropped
            continue
        if not isinstance(item, Tag) or item.name in _DROP:
            continue
        if item.name == "br":
            out.append("\n")
            continue
        if item.name in _CELLS:
            out.append("\t")
        elif item.name in _BLOCKS:
            mark = "\n" if item.name in {"li", "tr"} else _BREAK
            out.append(mark)
            stack.append((mark, True))
        stack.extend((child, False) for child in reversed(item.contents))
    return "".join(out)


def _tidy(raw: str) -> str:
    paragraphs = []
    for block in raw.split(_BREAK):
        lines = []
        for line in block.split("\n"):
            cells = [" ".join(cell.split()) for cell in line.split("\t")]
            line = "\t".join(c for c in cells if c)
            if line:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def html_to_text(markup: str | bytes) -> tuple[str, dict[str, str], str | None]:
    """Return ``(text, meta, language)`` for an HTML document.

    >>> html_to_text("<p>Société <b>Générale</b></p><script>x()</script><p>José</p>")[0]
    'Société Générale\\n\\nJosé'
    """
    soup = BeautifulSoup(markup, "lxml")
    meta: dict[str, str] = {}
    if soup.title and soup.title.string and soup.title.string.strip():
        meta["title"] = soup.title.string.strip()
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or "").lower()
        if name in {"author", "description"} and tag.get("content"):
            meta[name] = str(tag["content"]).strip()
    html = soup.find("html")
    language = html.get("lang") if isinstance(html, Tag) else None
    text = re.sub(r"\n{3,}", "\n\n", _tidy(_walk(soup)))
    return normalise_text(text), meta, (str(language) if language else None)


def read_html(source: Source, ctx: Context) -> list[ReadResult]:
    """Read an HTML file; the declared charset is honoured, else it is detected."""
    text, meta, language = html_to_text(source.read_bytes())
    if not text.strip():
        raise source.refuse("no_text", "is an HTML page with no visible text.")
    return [source.result(reader="html", media_type="text/html", text=text,
                          language_hint=language, meta=meta)]
