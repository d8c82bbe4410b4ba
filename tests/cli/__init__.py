"""Running the ``fakefree`` CLI inside the test process, as a user would from a shell."""

from __future__ import annotations

import sys

import pytest

from cli import app as cli_app


def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """Run ``fakefree ARGS``: its exit code, standard output and standard error."""
    monkeypatch.setattr(sys, "argv", ["fakefree", *args])
    code = cli_app.run(debug=False)
    out = capsys.readouterr()
    return code, out.out, out.err
