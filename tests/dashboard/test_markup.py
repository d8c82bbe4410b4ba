"""Names, quotes and document names from case files render as text in the dashboard: no link,
image, HTML or formatting an author could plant (the Markdown that Streamlit renders)."""

from __future__ import annotations

import html
import re

import markdown_it
import pytest

from dashboard.markup import md
from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim
from graph_etl.store.sqlite.store import SQLiteStore
from tests.dashboard.conftest import app_as

HOSTILE = [
    "![beacon](https://evil.example/b.png)",
    "[Click here](javascript:alert(1))",
    "<img src=x onerror=alert(1)><script>alert(2)</script>",
    "**Urgent** _call_ `rm -rf` ~~no~~ # Heading",
    ":red[Wanted] :material/warning: $x^2$ https://evil.example/x",
    "- one\n1. two\n> quote\n\n| a | b |\n|---|---|",
    "O'Brien & Sons, S.A. de C.V. \\ trailing backslash\\",
]


def rendered(markdown: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_md_renders_as_the_literal_text(text):
    out = rendered(md(text))
    tags = set(re.findall(r"<(\w+)", out))
    assert tags == {"p"}, out
    inner = re.fullmatch(r"<p>(.*)</p>\n", out, re.DOTALL).group(1)
    assert html.unescape(inner) == " ".join(text.split())


@pytest.fixture
def hostile_store(store_path):
    doc = DocumentRecord("doc-hostile", "<script>alert(1)</script> [x](https://evil.example).txt",
                         "CBSA", "UNCLASSIFIED", ["CA-2024-0001"], {"date": "2024-06-01"})
    name = "Beacon ![b](https://evil.example/b.png) Trading"
    store = SQLiteStore(store_path)
    store.upsert(Batch([doc], [NodeClaim("co-beacon", doc.id, ["Company"], name,
                                         ["[Click](https://evil.example)"], {},
                                         [Evidence(doc.id, 0, len(name), name)])]))
    store.close()
    return name


def test_markup_profile_of_a_hostile_entity_shows_its_name_as_text(hostile_store):
    at = app_as("CBSA", page="search.py")
    at.text_input(key="search_query").input("beacon trading").run()
    assert not at.exception
    shown = [e.value for kind in ("header", "markdown") for e in getattr(at, kind)]
    assert md(hostile_store) in shown
    for value in shown:
        out = rendered(value)
        assert not re.search(r"<(img|a|script)\b", out), value
