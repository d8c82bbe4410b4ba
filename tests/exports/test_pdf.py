"""The PDF exhibit: marked on every page, legend, each line's evidence traced to its document."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pdfplumber
import pytest
from PIL import Image

from exports import static
from exports.diagram import drawing
from tests.exports.conftest import MANIFEST, RCMP_NOTES, SECRET, SEIZURE, SENTENCES


@pytest.fixture(scope="module")
def rcmp_pdf(rcmp_export) -> bytes:
    return static.render_pdf(rcmp_export)


def _pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_every_page_marked_and_legend_on_the_first(rcmp_pdf):
    pages = _pages(rcmp_pdf)
    assert len(pages) >= 2
    for text in pages:
        assert text.count("AGENCY-ONLY (RCMP)") >= 2, "marking missing top or bottom"
    first = _flat(pages[0])
    for expected in ("Han Tong network — exhibit A", "CA-2024-0001", "2024-06-30",
                     "analyst-rcmp", "Legend", "Financier", "Shipment", "Vessel", "FINANCED"):
        assert expected in first, expected


def test_pdf_appendix_quotes_each_line_with_document_and_sha256(rcmp_export, rcmp_pdf):
    text = _flat(" ".join(_pages(rcmp_pdf)))
    d = drawing(rcmp_export)
    assert len(d.numbers) == rcmp_export.graph.number_of_edges() == 8
    for sentence in SENTENCES.values():
        assert _flat(sentence) in text, sentence
    for doc in (SEIZURE, MANIFEST, RCMP_NOTES):
        assert doc.name in text and doc.id in text
    names = {n: data["view"].name for n, data in rcmp_export.graph.nodes(data=True)}
    for rel in rcmp_export.rels():
        entry = f"{d.numbers[rel.id]}. {names[rel.source]} → {rel.type} → {names[rel.target]}"
        assert _flat(entry) in text, entry
    assert "张伟" in text and "José Ángel García" in text


def test_pdf_viewer_of_another_agency_gets_no_secret(cbsa_export):
    pages = _pages(static.render_pdf(cbsa_export))
    assert all(p.count("LAW-ENFORCEMENT-SENSITIVE") >= 2 for p in pages)
    text = " ".join(pages)
    assert SECRET not in text and RCMP_NOTES.id not in text and "FINANCED" not in text


@pytest.mark.skipif(not shutil.which("pdftoppm") and os.environ.get("CI") != "true",
                    reason="pdftoppm is not installed (apt-get install poppler-utils)")
def test_pdf_pages_render_and_are_not_blank(rcmp_pdf, tmp_path):
    (tmp_path / "x.pdf").write_bytes(rcmp_pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "x.pdf"),
                    str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == len(_pages((tmp_path / "x.pdf").read_bytes()))
    for path in images:
        image = Image.open(path).convert("L")
        width, height = image.size
        body = image.crop((0, height // 10, width, height * 9 // 10))  # without the banners
        dark = sum(1 for value in body.get_flattened_data() if value < 160)
        assert dark > 0.005 * body.width * body.height, f"{path.name} is blank"
