"""A court diagram of the real demo graph: one case of the seed corpus, around its top source."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from exports import static
from exports.diagram import drawing
from exports.layout import overlaps
from exports.selection import select
from graph_etl.pipeline import IngestOptions, ingest
from graph_etl.store import Viewer
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore
from queries.source_orgs import rank_source_orgs

CASE = "MX-2024-0215"
DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo" / "documents" / CASE


@pytest.mark.slow
def test_demo_pdf_around_the_top_source_organization(tmp_path):
    store = SQLiteStore(tmp_path / "demo.db")
    ingest([DEMO], store, Ledger(tmp_path / "demo.ledger"), IngestOptions(), "test")
    viewer = Viewer.system()
    top = rank_source_orgs(store.subgraph(viewer), case=CASE, top=1).ranks[0].entity
    export = select(store, viewer, [top.id], hops=2, case=CASE, date="2025-01-31")
    d = drawing(export)
    assert d.graph.number_of_nodes() > 5 and not overlaps(d.boxes)
    with pdfplumber.open(io.BytesIO(static.render_pdf(export))) as pdf:
        pages = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    assert len(pages) >= 2
    assert all(text.count(export.meta.marking) >= 2 for text in pages)
    text = " ".join(pages)
    assert top.name in text and "Evidence appendix" in text
    for rel in (r for r in export.rels() if r.id in d.numbers):  # every line drawn
        assert all(doc.id in text for doc in export.cited(rel)), rel.type
