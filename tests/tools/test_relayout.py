"""tools/relayout.py on a small git tree shaped like the old layout: it moves, rewrites the
imports so that the moved code runs, and a second run changes nothing."""

from __future__ import annotations

import doctest
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "relayout.py"

OLD_TREE = {
    "fakefree/__init__.py": "",
    "fakefree/errors.py": "class FakefreeError(Exception):\n    pass\n",
    "fakefree/cli_app.py": "NAME = 'fakefree'\n",
    "fakefree/cli.py": (
        "from fakefree import cli_app\n"
        "from fakefree.commands import (  # noqa: F401  (registers the commands)\n"
        "    hello_commands,\n"
        ")\n\n\n"
        "def main() -> None:\n"
        "    print(cli_app.NAME, hello_commands.hello())\n\n\n"
        "if __name__ == '__main__':\n"
        "    main()\n"
    ),
    "fakefree/commands/__init__.py": "",
    "fakefree/commands/hello_commands.py": (
        "from graph_etl.store import GraphStore, localdb\n"
        "from graph_etl.store import neo4j_cypher as Q\n"
        "from graph_etl.store.sqlite_store import SQLiteStore\n\n\n"
        "def hello() -> str:\n"
        "    return f'{GraphStore.__name__} {localdb.KIND} {Q.MATCH} {SQLiteStore.KIND}'\n"
    ),
    "fakefree/accounts.py": "from graph_etl.store import localdb\n",
    "graph_etl/__init__.py": "",
    "graph_etl/store/__init__.py": (
        '"""The store: see graph_etl/store/sqlite_store.py."""\n'
        "from graph_etl.store.model import Viewer  # noqa: F401\n\n\n"
        "class GraphStore:\n    pass\n"
    ),
    "graph_etl/store/model.py": "class Viewer:\n    pass\n",
    "graph_etl/store/localdb.py": "KIND = 'sqlite-file'\n",
    "graph_etl/store/neo4j_cypher.py": "MATCH = 'MATCH (n)'\n",
    "graph_etl/store/neo4j_import.py": "from graph_etl.store import neo4j_server; x = 1\n",
    "graph_etl/store/neo4j_server.py": "SOURCES = 'neo4j_server/Launcher.java'\n",
    "graph_etl/store/neo4j_server/pom.xml": "<project/>\n",
    "graph_etl/store/sqlite_store.py": "import time\n\n\nclass SQLiteStore:\n    KIND = 'embedded'\n",
    "tests/graph_etl/store/neo4j_fixture.py": "import sys\n",
    "tests/test_cli.py": (
        "import sys\n\n"
        "CMD = [sys.executable, '-m', 'fakefree.cli']\n"
        "TARGET = 'graph_etl.store.sqlite_store.time'\n"
        "from tests.graph_etl.store import neo4j_fixture  # noqa: E402\n"
    ),
    "pyproject.toml": (
        '[project.scripts]\nfakefree = "fakefree.cli:main"\n\n'
        '[tool.setuptools.packages.find]\ninclude = ["fakefree*", "graph_etl*"]\n\n'
        '[tool.importlinter]\nroot_packages = ["fakefree", "graph_etl"]\n\n'
        '[[tool.importlinter.contracts]]\nname = "layers"\ntype = "layers"\nlayers = [\n'
        '    "fakefree.cli : fakefree.commands",\n    "graph_etl",\n    "fakefree.errors",\n]\n\n'
        '[tool.ruff.lint.per-file-ignores]\n"graph_etl/store/neo4j_retry.py" = ["E501"]\n'
    ),
    "Makefile": (
        "PACKAGES := fakefree graph_etl\n"
        "test:\n\tpytest tests fakefree graph_etl -q $(ARGS)\n"
    ),
    "README.md": (
        "# x\n\nRun `python -m fakefree.cli --help`; accounts: `fakefree/accounts.py`.\n\n"
        "### Layout\n\nold picture\n\n## After\n\nkept\n"
    ),
}


def _load():
    spec = importlib.util.spec_from_file_location("relayout", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["relayout"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


relayout = _load()


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def old_tree(tmp_path: Path) -> Path:
    for rel, text in OLD_TREE.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "old")
    return tmp_path


def test_relayout_doctests() -> None:
    assert doctest.testmod(relayout).failed == 0


def test_relayout_moves_files_by_rule(old_tree: Path) -> None:
    report = relayout.run(old_tree)
    moved = dict(report.moved)
    assert moved["fakefree/cli.py"] == "cli/main.py"
    assert moved["fakefree/commands/hello_commands.py"] == "cli/commands/hello_commands.py"
    assert moved["graph_etl/store/neo4j_import.py"] == "graph_etl/store/neo4j/bulk_import.py"
    assert moved["graph_etl/store/neo4j_server/pom.xml"] == "graph_etl/store/neo4j/server/pom.xml"
    assert moved["graph_etl/store/model.py"] == "fakefree/model.py"
    assert "tests/graph_etl/store/neo4j_fixture.py" not in moved
    assert not (old_tree / "fakefree/commands").exists()
    assert not (old_tree / "graph_etl/store/neo4j_server").exists()
    for new in ("cli/__init__.py", "cli/__main__.py", "security/__init__.py",
                "graph_etl/store/neo4j/__init__.py", "graph_etl/store/sqlite/__init__.py"):
        assert (old_tree / new).is_file()


def test_relayout_rewrites_imports_so_the_moved_code_runs(old_tree: Path) -> None:
    relayout.run(old_tree)
    commands = (old_tree / "cli/commands/hello_commands.py").read_text()
    assert "from graph_etl.store import GraphStore\n" in commands
    assert "from fakefree import localdb\n" in commands
    assert "from graph_etl.store.neo4j import cypher as Q\n" in commands
    assert "from graph_etl.store.sqlite.store import SQLiteStore\n" in commands
    main = (old_tree / "cli/main.py").read_text()
    assert "from cli import app as cli_app\n" in main
    assert "from cli.commands import (  # noqa: F401  (registers the commands)\n" in main
    assert "from fakefree.model import Viewer" in (old_tree / "graph_etl/store/__init__.py").read_text()
    # python -m cli runs the moved command end to end
    done = subprocess.run([sys.executable, "-m", "cli"], cwd=old_tree, capture_output=True,
                          text=True, env={"PYTHONPATH": str(old_tree)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fakefree", "GraphStore", "sqlite-file", "MATCH", "(n)", "embedded"]


def test_relayout_rewrites_strings_paths_and_config(old_tree: Path) -> None:
    relayout.run(old_tree)
    tests = (old_tree / "tests/test_cli.py").read_text()
    assert "'-m', 'cli'" in tests and "'graph_etl.store.sqlite.store.time'" in tests
    assert "from tests.graph_etl.store import neo4j_fixture" in tests
    assert (old_tree / "graph_etl/store/neo4j/server.py").read_text() == \
        "SOURCES = 'server/Launcher.java'\n"
    pyproject = (old_tree / "pyproject.toml").read_text()
    assert 'fakefree = "cli.main:main"' in pyproject
    assert 'root_packages = ["fakefree", "graph_etl", "cli", "security", "bench"]' in pyproject
    assert '"cli*", "security*", "bench*"]' in pyproject
    assert '    "exports : security : bench",\n' in pyproject and "fakefree.commands" not in pyproject
    assert '"graph_etl/store/neo4j/retry.py" = ["E501"]' in pyproject
    makefile = (old_tree / "Makefile").read_text()
    assert "PACKAGES := fakefree graph_etl cli security bench\n" in makefile
    assert "pytest tests fakefree graph_etl cli security bench -q $(ARGS)" in makefile
    readme = (old_tree / "README.md").read_text()
    assert "`python -m cli --help`" in readme and "`security/accounts.py`" in readme
    assert "old picture" not in readme and "### Layout\n" in readme
    assert readme.endswith("\n## After\n\nkept\n")


def test_relayout_reports_what_it_cannot_split(old_tree: Path) -> None:
    report = relayout.run(old_tree)
    assert any(p.startswith("graph_etl/store/neo4j/bulk_import.py:1: import shares its line")
               for p in report.problems)


def test_relayout_second_run_changes_nothing(old_tree: Path) -> None:
    relayout.run(old_tree)
    before = _git(old_tree, "status", "--porcelain")
    files = {p: p.read_text() for p in old_tree.rglob("*") if p.is_file() and ".git" not in p.parts}
    report = relayout.run(old_tree)
    assert not report.changed
    assert _git(old_tree, "status", "--porcelain") == before
    assert {p: p.read_text() for p in files} == files


def test_relayout_moves_a_module_added_after_it_was_written(old_tree: Path) -> None:
    relayout.run(old_tree)
    _git(old_tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "moved")
    (old_tree / "graph_etl/store/neo4j_extra.py").write_text(
        "from graph_etl.store.neo4j_cypher import MATCH\n")
    _git(old_tree, "add", "-A")
    report = relayout.run(old_tree)
    assert report.moved == [("graph_etl/store/neo4j_extra.py", "graph_etl/store/neo4j/extra.py")]
    assert (old_tree / "graph_etl/store/neo4j/extra.py").read_text() == \
        "from graph_etl.store.neo4j.cypher import MATCH\n"


def test_relayout_names_an_untracked_file_it_does_not_move(old_tree: Path) -> None:
    (old_tree / "fakefree/commands/draft_commands.py").write_text("")
    report = relayout.run(old_tree)
    assert "fakefree/commands/draft_commands.py: untracked, not moved (git add it and run again)" \
        in report.problems
    assert (old_tree / "fakefree/commands/draft_commands.py").is_file()
