"""``fakefree dashboard`` runs Streamlit headless on the loopback with the chosen store."""

from __future__ import annotations

from typer.testing import CliRunner

import cli.main  # noqa: F401  (registers every command)
from cli.app import app
from cli.commands import dashboard_commands


def test_cli_dashboard_command_is_headless_on_loopback():
    cmd = dashboard_commands.streamlit_command(8600, "127.0.0.1")
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("dashboard/server.py")
    joined = " ".join(cmd)
    assert "--server.headless true" in joined
    assert "--server.address 127.0.0.1" in joined and "--server.port 8600" in joined
    assert "--browser.gatherUsageStats false" in joined


def test_cli_dashboard_passes_store_through_environment(monkeypatch, tmp_path):
    seen = {}

    def fake_call(cmd, env):
        seen.update(cmd=cmd, store=env.get("FAKEFREE_STORE"))
        return 0

    monkeypatch.setattr(dashboard_commands.subprocess, "call", fake_call)
    result = CliRunner().invoke(app, ["dashboard", "--store", str(tmp_path / "g.db"),
                                      "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert seen["store"] == str(tmp_path / "g.db")
    assert "8765" in seen["cmd"]


def test_cli_dashboard_help_has_example():
    result = CliRunner().invoke(app, ["dashboard", "--help"])
    assert result.exit_code == 0
    assert "Example: fakefree dashboard" in result.output
