"""The corpus generator: builds the world case by case and streams documents and truth to disk.

>>> from pathlib import Path
>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> summary = generate(out, cases=1, seed=3, docbin=False, broken=False)
>>> (out / "documents" / "manifest.csv").exists() and summary.documents > 10
True
"""

from __future__ import annotations

import csv
import logging
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from seed_data import narratives as nar
from seed_data import records, trade_docs as trade
from seed_data.builder import Builder
from seed_data.docspec import Ctx, DocSpec
from seed_data.names import Names
from seed_data.truth import TruthWriter
from seed_data.world import Case, World
from seed_data.writers import render

__all__ = ["generate", "Summary", "MANIFEST_COLUMNS", "split_of"]

log = logging.getLogger(__name__)
MANIFEST_COLUMNS = ["path", "case", "agency", "releasability", "language", "doc_type", "date"]


@dataclass
class Summary:
    """What one generation produced."""

    out_dir: str
    cases: int
    documents: int
    seconds: float
    by_type: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    by_format: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def split_of(index: int) -> str:
    """Case ``index`` goes to train (4 in 6), dev (1 in 6) or test (1 in 6)."""
    return {4: "dev", 5: "test"}.get(index % 6, "train")


def case_documents(ctx: Ctx) -> list[DocSpec]:
    """Every document of one case, in a fixed order."""
    case, rng = ctx.case, ctx.rng
    docs = [trade.recordation(ctx), records.manifest(ctx)]
    counterfeit = [s for s in case.shipments if s.counterfeit]
    legit = [s for s in case.shipments if not s.counterfeit]
    for i, s in enumerate(counterfeit + legit[:1], 1):
        docs.append(trade.bill_of_lading(ctx, s, i))
    for i, s in enumerate([s for s in counterfeit if s.seized_by], 1):
        docs.append(trade.seizure_report(ctx, s, i))
    docs.append(records.seizure_log(ctx))
    companies = [ctx.e("holding"), ctx.e("factory"), ctx.e("exporter"), ctx.e("importer", 0), ctx.e("importer", 1),
                 ctx.e("shell")]
    if rng.random() < 0.5:
        companies.append(ctx.e("lookalike"))
    for i, company in enumerate(companies, 1):
        docs.append(trade.registry_extract(ctx, company, i))
    for i in range(rng.randrange(2, 4)):
        docs.append(trade.email(ctx, i))
    docs.append(trade.seller_email(ctx))
    docs.append(records.bank_records(ctx))
    docs.append(nar.financial_summary(ctx))
    docs.append(nar.interview_notes(ctx, "courier"))
    docs.append(nar.interview_notes(ctx, "broker_agent"))
    docs.append(nar.surveillance_notes(ctx))
    docs.append(nar.indictment(ctx))
    docs.append(nar.press_release(ctx))
    docs.append(nar.news_article(ctx))
    return docs


def generate(out_dir: Path, cases: int = 12, seed: int = 7, *, docbin: bool = True,
             broken: bool = True, binary: bool = True) -> Summary:
    """Generate ``cases`` cases into ``out_dir`` (documents/, truth/, broken/).

    ``binary=False`` writes every PDF/DOCX as TXT (faster scale runs); ``docbin=False`` skips
    the spaCy DocBin files.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    docs_dir = out_dir / "documents"
    docs_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    doc_rng = random.Random(seed * 7919 + 1)  # documents draw apart, so editing them keeps the world
    world = World(rng)
    builder = Builder(world, Names(rng, seed), rng)
    truth = TruthWriter(out_dir / "truth", world, docbin=docbin)
    summary = Summary(str(out_dir), cases, 0, 0.0)
    all_cases: list[Case] = []
    with open(docs_dir / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        manifest = csv.writer(fh, lineterminator="\n")
        manifest.writerow(MANIFEST_COLUMNS)
        for index in range(cases):
            case = builder.new_case(index, split_of(index))
            all_cases.append(case)
            ctx = Ctx(world, case, doc_rng)
            for spec in case_documents(ctx):
                if not binary and spec.fmt in ("pdf", "docx"):
                    spec.fmt = "txt"
                data = _render(spec)
                path = docs_dir / spec.path
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                manifest.writerow([spec.path, spec.case, spec.agency, spec.releasability, spec.language,
                                   spec.doc_type, spec.date])
                truth.add(spec, case.split)
                case.documents.append(spec.path)
                summary.documents += 1
                summary.by_type[spec.doc_type] = summary.by_type.get(spec.doc_type, 0) + 1
                summary.by_language[spec.language] = summary.by_language.get(spec.language, 0) + 1
                summary.by_format[spec.fmt] = summary.by_format.get(spec.fmt, 0) + 1
            log.info("case %s: %d documents", case.id, len(case.documents))
    truth.finish(all_cases)
    if broken:
        from seed_data.broken import write_broken

        write_broken(out_dir / "broken")
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _render(spec: DocSpec) -> bytes:
    if spec.table is not None:
        return render(spec.fmt, columns=list(spec.table.columns), rows=spec.table.rows, title=spec.doc_type)
    text = spec.text.text
    if spec.fmt == "eml":
        body = text.split("\n\n", 1)[1]
        return render("eml", text=body, headers=spec.headers, message_id=spec.path.replace("/", "."))
    return render(spec.fmt, text=text, title=f"{spec.case} {spec.doc_type}")
