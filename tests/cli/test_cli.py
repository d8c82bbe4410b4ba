"""The installed ``fakefree`` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = ["search", "show", "stats", "retract", "ingest", "merge", "split", "screen",
            "analyze", "eval", "bench", "neo4j", "seed", "user", "audit", "alerts"]


def run(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_cli_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", ["search", "ingest", "merge", "stats"])
def test_cli_each_help_has_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example:" in result.stdout


def test_cli_bad_store_uri_is_one_sentence_and_exit_1(tmp_path):
    result = run("stats", "--store", "bolt2://nowhere:1")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Error: Store URI bolt2://nowhere:1")
    assert "Traceback" not in result.stderr
    missing = run("stats", "--store", str(tmp_path / "no" / "such" / "dir.db"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_cli_newer_schema_is_refused_with_its_version(tmp_path):
    import sqlite3

    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run("stats", "--store", str(path))
    assert result.returncode == 1
    assert "schema version 99" in result.stderr
