"""The PDF exhibit: the diagram and its legend, then an evidence appendix, marked on every page.

Each line of the chart carries a number; appendix entry *n* gives its source, type and target,
the quoted evidence, and the name and full SHA-256 of each source document, so every line can
be traced to an exhibit. The creation date is the export's date: the same export gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io

import matplotlib
from fpdf import FPDF
from PIL import Image

from exports.diagram import (Drawing, chart_figure, drawing, facts_line, left_out_note,
                             legend_items, rc)
from exports.selection import ExportGraph
from exports.style import colour, font_paths, marking_colour

__all__ = ["render_pdf"]

FONT = "DejaVu"
BANNER_MM, CHART_DPI = 7.0, 200


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


class Exhibit(FPDF):
    """An FPDF whose every page carries the marking at top and bottom, and a page number."""

    def __init__(self, export: ExportGraph) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.meta = export.meta
        regular, bold, cjk = font_paths()
        self.add_font(FONT, "", regular)
        self.add_font(FONT, "B", bold)
        self.add_font("CJK", "", cjk)
        self.set_fallback_fonts(["CJK"], exact_match=False)
        self.set_auto_page_break(True, margin=BANNER_MM + 10)
        self.set_creation_date(dt.datetime.fromisoformat(self.meta.date).replace(
            tzinfo=dt.timezone.utc))
        self.set_title(self.meta.title)
        self.set_subject(f"{self.meta.marking} - case {self.meta.case or 'all cases'}")
        self.set_creator("fakefree")
        self.set_producer("fakefree")

    def _banner(self, y: float) -> None:
        self.set_fill_color(*_rgb(marking_colour(self.meta.marking)))
        self.set_text_color(255, 255, 255)
        self.set_font(FONT, "B", 10)
        self.set_xy(0, y)
        self.cell(self.w, BANNER_MM, self.meta.marking, align="C", fill=True)
        self.set_text_color(0, 0, 0)

    def header(self) -> None:
        self._banner(0)
        self.set_y(BANNER_MM + 4)

    def footer(self) -> None:
        self.set_font(FONT, "", 7)
        self.set_xy(self.l_margin, self.h - BANNER_MM - 6)
        self.cell(self.epw, 5, f"{self.meta.title} - {self.meta.date} - page {self.page_no()} "
                  f"of {{nb}}", align="C")
        self._banner(self.h - BANNER_MM)


def _chart_image(d: Drawing, focus: set[str]) -> Image.Image:
    out = io.BytesIO()
    with matplotlib.rc_context(rc()):
        chart_figure(d, focus).savefig(out, format="png", dpi=CHART_DPI, facecolor="#ffffff",
                                       metadata={"Software": None})
    return Image.open(out).convert("RGB")  # opaque: no soft mask in the PDF


def _first_page(pdf: Exhibit, export: ExportGraph, d: Drawing) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(0, 7, export.meta.title, new_x="LMARGIN")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 5, f"{facts_line(export)}   Marking: {export.meta.marking}",
                   new_x="LMARGIN")
    top = pdf.get_y() + 2
    legend_w = 62
    area_w, area_h = pdf.epw - legend_w - 4, pdf.h - top - BANNER_MM - 12
    width, height = d.size
    scale = min(area_w / (width * 25.4), area_h / (height * 25.4), 1.0)
    pdf.image(_chart_image(d, set(export.graph.graph.get("focus", ()))),
              x=pdf.l_margin, y=top, w=width * 25.4 * scale, h=height * 25.4 * scale)
    _legend(pdf, export, d, x=pdf.l_margin + area_w + 4, y=top, w=legend_w)


def _legend(pdf: Exhibit, export: ExportGraph, d: Drawing, *, x: float, y: float,
            w: float) -> None:
    labels, rel_types = legend_items(export, d)

    def line(text: str, style: str = "", size: float = 7.5, height: float = 4.4) -> None:
        pdf.set_x(x)
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(w, height, text, new_x="LEFT", new_y="NEXT", align="L")

    pdf.set_xy(x, y)
    line("Legend", "B", 9, 5)
    pdf.set_font(FONT, "", 7.5)
    for label in labels:
        pdf.set_fill_color(*_rgb(colour(label)))
        pdf.rect(x, pdf.get_y() + 0.8, 3, 3, style="DF")
        pdf.set_x(x + 4.5)
        pdf.cell(w - 4.5, 4.4, label, new_x="LEFT", new_y="NEXT")
    pdf.ln(1)
    line("Relationships (lines drawn)", "B")
    line(", ".join(rel_types), size=7, height=3.6)
    pdf.ln(1)
    line("A black frame marks the focus entity. Arrows run from subject to object; the number "
         "on a line is its entry in the evidence appendix.", size=7, height=3.6)
    note = left_out_note(d)
    if note:
        pdf.set_text_color(164, 22, 26)
        line(note, size=7, height=3.6)
        pdf.set_text_color(0, 0, 0)


def _appendix(pdf: Exhibit, export: ExportGraph, d: Drawing) -> None:
    names = {n: data["view"].name for n, data in export.graph.nodes(data=True)}
    pdf.add_page(orientation="P")
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 8, "Evidence appendix", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    pdf.multi_cell(0, 4, "One entry per line drawn on the diagram, numbered as on the chart: "
                   "the relationship, the sentence(s) it was read from, and the source document "
                   "with its SHA-256.", new_x="LMARGIN")
    pdf.ln(2)
    rels = sorted((r for r in export.rels() if r.id in d.numbers), key=lambda r: d.numbers[r.id])
    for rel in rels:
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(0, 4.6, f"{d.numbers[rel.id]}. {names[rel.source]} → {rel.type} → "
                       f"{names[rel.target]}", new_x="LMARGIN")
        pdf.set_font(FONT, "", 8)
        facts = ", ".join(f"{k}: {rel.props[k]}" for k in ("date", "amount", "currency")
                          if rel.props.get(k) not in (None, ""))
        if facts:
            pdf.multi_cell(0, 4, facts, new_x="LMARGIN")
        documents = {doc.id: doc for doc in export.cited(rel)}
        quoted = set()
        for evidence in rel.evidence:
            doc = documents.get(evidence.document_id)
            if doc is None:
                continue
            quoted.add(doc.id)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 4, f"“{evidence.text}”", new_x="LMARGIN")
            _document_line(pdf, doc)
        for doc_id, doc in documents.items():
            if doc_id not in quoted:
                _document_line(pdf, doc)
        pdf.ln(1.5)


def _document_line(pdf: Exhibit, doc) -> None:
    pdf.set_x(pdf.l_margin + 4)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(0, 4, f"Document: {doc.name} ({doc.agency}, {doc.releasability})\n"
                   f"SHA-256: {doc.id}", new_x="LMARGIN")
    pdf.set_text_color(0, 0, 0)


def render_pdf(export: ExportGraph) -> bytes:
    """The diagram page and the evidence appendix as one PDF, the marking on every page."""
    d = drawing(export)
    pdf = Exhibit(export)
    _first_page(pdf, export, d)
    _appendix(pdf, export, d)
    return bytes(pdf.output())
