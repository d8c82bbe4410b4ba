"""The case-file scorer: name matching and the ``fakefree eval casefiles`` report."""

from __future__ import annotations

from bench.casefile_eval import Check, CaseFilesReport, name_matches


def test_casefile_eval_name_matches_folds_accents_and_needs_every_word():
    assert name_matches("Services Monétaires Côte-Vertu", ["SERVICES MONETAIRES COTE-VERTU INC"])
    assert not name_matches("Panchnad Industries", ["Panchnad Agro Foods"])
    assert not name_matches("", ["anything"])


def test_casefile_eval_report_counts_passed_checks():
    report = CaseFilesReport([Check("a", "x", "search", True), Check("b", "y", "search", False)])
    assert report.to_dict()["passed"] == 1 and report.to_dict()["total"] == 2
