"""End to end on a second case set written apart from the code (tests/data/case_files_blind):
a Belgian customs group with a Europol note, a Mexican FIU group with US input and a Quebec
police group; Turkish company names and legal forms, a person written four ways, look-alike
decoys, a two-sheet workbook, a semicolon CSV with decimal commas and a debit/credit statement.

Each group is ingested with its agency into a fresh embedded store; every truth item must hold
but the two named in ``KNOWN_MISSES`` (see README, "Independent case files"), which are
checked to fail still, so that fixing one shows here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import nlp
from bench.casefile_eval import CaseFilesReport, check_case_files, ingest_groups, load_truth
from graph_etl.ledger import Ledger
from graph_etl.store.sqlite.store import SQLiteStore

pytestmark = pytest.mark.slow

BLIND = Path(__file__).resolve().parents[1] / "data" / "case_files_blind"

KNOWN_MISSES = {
    # one holder in one case: the evaluator finds a single-holder value only across cases
    ("shared_identifier", "2875 boulevard Industriel"),
    # "Mehmet Kaan Yıldırım" in a C note shares no identifier with the A/B node (his birth date
    # is the link), and "Mehmet Kahan Yildirim" is read before the B node exists
    ("same_entity", "Mehmet Kaan Yıldırım"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> CaseFilesReport:
    folder = tmp_path_factory.mktemp("blind")
    truth = load_truth(BLIND)
    store = SQLiteStore(folder / "graph.db")
    ledger = Ledger(folder / "graph.ledger")
    outcomes = ingest_groups(BLIND, truth, store, ledger, nlp.EXTRACTOR_VERSION)
    result = check_case_files(truth, store, outcomes)
    ledger.close()
    store.close()
    return result


def _known(check) -> bool:
    return any(check.kind == kind and check.item.startswith(start) for kind, start in KNOWN_MISSES)


def test_case_files_blind_every_truth_item_holds(report):
    failed = [f"{c.kind}: {c.item} ({c.detail})" for c in report.checks
              if not c.passed and not _known(c)]
    assert not failed, "\n".join(failed)
    assert not report.quarantined
    kinds = {c.kind for c in report.checks}
    assert {"source_org", "source_org_case", "money_chain", "structuring", "shared_identifier",
            "same_entity", "different_entities", "cross_case", "decoy"} <= kinds


@pytest.mark.xfail(strict=True, reason="the two known misses of the blind set (KNOWN_MISSES)")
def test_case_files_blind_known_misses(report):
    assert all(c.passed for c in report.checks if _known(c))
