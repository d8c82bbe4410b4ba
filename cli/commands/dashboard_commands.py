"""The ``dashboard`` command: run the Streamlit investigation workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources

import typer

from cli.app import app, store_option

__all__ = ["dashboard", "streamlit_command"]


def streamlit_command(port: int, address: str) -> list[str]:
    """The ``streamlit run`` command line of the dashboard, headless and without telemetry.

    It runs :mod:`dashboard.server`, the app plus the routes that set the session cookie."""
    script = resources.files("dashboard").joinpath("server.py")
    return [sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.address", address,
            "--server.port", str(port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--global.developmentMode", "false",
            "--client.toolbarMode", "viewer"]


@app.command()
def dashboard(
    port: int = typer.Option(8501, "--port", min=1, max=65535, help="Port to listen on."),
    address: str = typer.Option("127.0.0.1", "--address",
                                help="Address to listen on (local only by default)."),
    store: str = store_option,
) -> None:
    """Run the investigation dashboard in the browser (sign in with a local account).

    Example: fakefree dashboard --store ./fakefree.db --port 8501
    """
    env = dict(os.environ)
    if store:
        env["FAKEFREE_STORE"] = store
    typer.echo(f"fakefree dashboard on http://{address}:{port} (Ctrl+C to stop)", err=True)
    try:
        code = subprocess.call(streamlit_command(port, address), env=env)
    except KeyboardInterrupt:
        code = 0
    raise typer.Exit(code)
