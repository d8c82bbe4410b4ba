"""Entity resolution measured against the committed seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_etl.evaluate import evaluate_resolution

DEMO = Path(__file__).resolve().parents[2] / "seed_data" / "demo"


@pytest.mark.slow
def test_evaluate_resolution_meets_the_targets_on_the_demo_corpus():
    report = evaluate_resolution(DEMO)
    assert report.overall.occurrences > 3000
    assert report.overall.precision >= 0.97
    assert report.overall.recall >= 0.90
    assert report.by_type["Person"].precision >= 0.95
