#!/usr/bin/env python3
"""Move the code to the layout of issue 19, by rules, on any checkout (stdlib only).

    python tools/relayout.py [ROOT] [--dry-run]

What it does, each step a no-op when already done (so a second run changes nothing):

1. ``git mv`` every tracked file whose path matches a move rule (:data:`RULES`): the CLI to
   ``cli/``, accounts/audit/alerts/sign-in/sessions to ``security/``, the benchmarks to
   ``bench/``, the records (``model.py``) and the private-SQLite helper (``localdb.py``) into the
   kernel ``fakefree/``, and the two backends of ``graph_etl/store/`` into ``sqlite/`` and
   ``neo4j/``. The rules are patterns (``graph_etl/store/neo4j_*``), so a module added since
   moves too.
2. Creates the ``__init__.py`` of the new packages and ``cli/__main__.py`` (``python -m cli``).
3. In every ``.py``: splits ``from PACKAGE import MODULE`` when the module moved to another
   package (``from graph_etl.store import localdb`` -> ``from fakefree import localdb``), keeping
   the local name with ``as``.
4. In every text file (code, docs, pyproject, Makefile, mypy baseline, CI): rewrites dotted
   module paths (imports, ``monkeypatch``/logger strings, ``-m fakefree.cli`` -> ``-m cli``) and
   slash paths (``fakefree/accounts.py`` -> ``security/accounts.py``) by the same rules.
5. ``pyproject.toml``: the new root packages (import-linter, setuptools) and the layers
   contract; ``Makefile``: the packages linted and doctested; README's ``### Layout``.
6. Reports what it could not do: an import statement sharing a line, a comment inside a split
   import, a move whose target exists, and every old module name still left in a tracked file.

The rules act on names, not on a diff, so the script runs on a tree that changed after it was
written (the lead runs it on main after merging the other branches).
"""

# ruff: noqa: E501  (the README table rows are one line each)
from __future__ import annotations

import argparse
import ast
import keyword
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: (old dotted module, new dotted module); ``_*``/``.*`` is one name part kept as it is.
#: Order matters: the first rule that matches a name wins.
RULES: tuple[tuple[str, str], ...] = (
    # the CLI face
    ("fakefree.commands", "cli.commands"),
    ("fakefree.cli_app", "cli.app"),
    ("fakefree.cli", "cli.main"),
    # accounts, audit, alerts, sign-in
    ("fakefree.accounts", "security.accounts"),
    ("fakefree.audit", "security.audit"),
    ("fakefree.alerts", "security.alerts"),
    ("fakefree.sessions", "security.sessions"),
    ("fakefree.security", "security.signin"),
    # benchmarks and the case-file evaluation (it ingests and runs queries: above queries)
    ("fakefree.bench_*", "bench.*"),
    ("fakefree.memory", "bench.memory"),
    ("fakefree.casefile_eval", "bench.casefile_eval"),
    ("graph_etl.store.bench_*", "bench.*"),
    ("graph_etl.store.naive_load", "bench.naive_load"),
    # the kernel gets the records and the private-SQLite helper
    ("graph_etl.store.model", "fakefree.model"),
    ("graph_etl.store.localdb", "fakefree.localdb"),
    # the backends (``import`` is a keyword: the bulk importer gets a name)
    ("graph_etl.store.neo4j_import", "graph_etl.store.neo4j.bulk_import"),
    ("graph_etl.store.neo4j_*", "graph_etl.store.neo4j.*"),
    ("graph_etl.store.sqlite_*", "graph_etl.store.sqlite.*"),
)

#: ``python -m fakefree.cli`` becomes ``python -m cli`` (``cli/__main__.py``), not ``cli.main``
MINUS_M = re.compile(r"""(-m\s+|"-m",\s*"|'-m',\s*')fakefree\.cli(?![\w.])""")
#: names relative to the folder of the module (a docstring's ``neo4j_server/Launcher.java``)
RELATIVE = ((re.compile(r"(?<![\w/.])neo4j_server/(?=Launcher\.java|pom\.xml)"), "server/"),)

NEW_ROOTS = ("cli", "security", "bench")

NEW_FILES: dict[str, str] = {
    "cli/__init__.py": '"""The ``fakefree`` command: the Typer app (:mod:`cli.app`), one module per command group\n'
    '(:mod:`cli.commands`) and the entry point (:mod:`cli.main`); ``python -m cli`` runs it."""\n',
    "cli/__main__.py": '"""``python -m cli``: the ``fakefree`` command."""\n\nfrom cli.main import main\n\n'
    'if __name__ == "__main__":\n    main()\n',
    "security/__init__.py": '"""Accounts, sign-in and sessions, the tamper-evident audit log and the screening\n'
    'alerts queue: what the dashboard and the CLI share about who may do what."""\n',
    "bench/__init__.py": '"""Benchmarks (``fakefree bench``): generated worlds, load rates per backend, query\n'
    'latencies, peak memory, the charts, and the evaluation of the development case files."""\n',
    "graph_etl/store/sqlite/__init__.py": '"""The embedded backend: one SQLite file (:mod:`graph_etl.store.sqlite.store`)."""\n',
    "graph_etl/store/neo4j/__init__.py": '"""The Neo4j backend: the store, its Cypher, the readable model, the bulk importer and the\n'
    'local server launcher (``server.py`` and the Java sources in ``server/``)."""\n',
}

LAYERS = '''layers = [
    "cli",
    "dashboard",
    "exports : security : bench",
    "queries : seed_data",
    "graph_etl",
    "nlp",
    "fakefree",
]'''

LAYOUT = """### Layout

Data flows one way, and so do imports: a module imports only from its own layer or the layers
below it. The picture is the import-linter contract of `pyproject.toml` (`[tool.importlinter]`),
which `make lint` checks, so a wrong-way import fails the build:

```
  cli          cli/                 the `fakefree` command: app.py, main.py, commands/ (one
    |                               module per command group); `python -m cli`
  dashboard    dashboard/           Streamlit pages, no SQL or Cypher (load_bench.py drives them)
    |
  exports      exports/             GraphML, FtM, ANB, PDF, packages
  security     security/            accounts, signin, sessions, audit, alerts
  bench        bench/               suite, chart, memory, worlds and load rates, casefile_eval
    |
  queries      queries/             pure analyses over a networkx graph
  seed_data    seed_data/           the synthetic demo world
    |
  graph_etl    graph_etl/           readers -> mapping -> resolve -> claims -> pipeline
               graph_etl/ledger/    file records, resolution index, judgements, extractions
               graph_etl/workspace.py   open_workspace(uri): the store and its ledger
               graph_etl/store/     the contract (base.py, search_terms.py) and the backends:
                 sqlite/            store.py, the embedded default (one file)
                 neo4j/             store.py and its parts (connect, Cypher, model, reads,
                                    writes, retries), bulk_import.py, server.py + server/
                                    (the local server launcher)
    |
  nlp          nlp/                 spaCy pipeline -> extraction records (bench.py: its
    |                               throughput, which the model card prints)
  kernel       fakefree/            errors, schema (+ schema.yaml), settings, text, orgnames,
                                    model (records, Viewer), localdb; imports nothing of ours
```

Packages side by side in one layer never import each other (exports, security and bench;
queries and seed_data). Besides the layers: nlp never imports the store and the store never
imports nlp; queries never import the dashboard; the readers (`graph_etl/readers/`) never import
the store.

Which folder to open for which change:

| change | folder |
|---|---|
| a label, a relationship type, what is a party, a hub or money, how a label is resolved | `fakefree/schema.yaml` (asked through `fakefree.schema`, never copied into a module) |
| a setting | `fakefree/settings.py` |
| a record passed between the steps, what a viewer may see | `fakefree/model.py` |
| a file format | `graph_etl/readers/` |
| a table layout of an agency | `graph_etl/mappings/` |
| what the text extraction finds | `nlp/` |
| when two names are one entity | `graph_etl/resolve.py`, `graph_etl/identifier_keys.py` (its memory: `graph_etl/ledger/`) |
| how the graph is stored or read | `graph_etl/store/` (the contract in `base.py`, one test suite for both backends), `sqlite/` or `neo4j/` for one backend |
| an analysis | `queries/` |
| a page | `dashboard/views/` |
| an export format | `exports/` |
| a command | `cli/commands/` (shared options and helpers: `cli/app.py`) |
| sign-in, accounts, sessions, audit, alerts | `security/` |
| a benchmark, the case-file evaluation | `bench/` |

`tests/` mirrors the packages (the tests of `cli/`, `security/` and `bench/` are still in
`tests/fakefree/`).
"""

#: text files rewritten (besides every ``.py``); data folders are left alone
TEXT_SUFFIXES = {".md", ".toml", ".cfg", ".ini", ".txt", ".java", ".xml", ".sh", ".yml", ".yaml"}
TEXT_NAMES = {"Makefile", "run", ".gitignore"}
DATA_PREFIXES = ("tests/data/", "seed_data/demo/", "nlp/models/", "nlp/corpus/", "nlp/data/",
                 "graph_etl/data/", "graph_etl/mappings/", "fakefree/data/", "docs/benchmarks/")
#: the script and its test name the old modules on purpose
SELF = ("tools/relayout.py", "tests/tools/test_relayout.py")

WORD = r"(\w+|\*)"


@dataclass
class Rule:
    old: str
    new: str
    dotted: re.Pattern[str] = field(init=False)
    path: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.dotted = self._compile(".")
        self.path = self._compile("/")

    def _compile(self, sep: str) -> re.Pattern[str]:
        old = self.old.replace(".", sep)
        wild = old.endswith("_*")
        body = re.escape(old[:-1]) + WORD if wild else re.escape(old)
        # not inside a longer name (x.fakefree.cli, fakefree.cli_app) nor a tests/ mirror path
        before = r"(?<![\w.])" + (r"(?<!tests/)" if sep == "/" else "")
        return re.compile(before + body + r"(?!\w)")

    def replacement(self, sep: str):
        new = self.new.replace(".", sep)

        def repl(match: re.Match[str]) -> str:
            return new.replace("*", match.group(1)) if new.endswith("*") else new
        return repl


COMPILED = [Rule(old, new) for old, new in RULES]


def rename_module(name: str) -> str:
    """The new dotted name of a module (or of anything under it); unchanged if no rule matches.

    >>> rename_module("graph_etl.store.neo4j_server")
    'graph_etl.store.neo4j.server'
    >>> rename_module("fakefree.commands.user_commands.cli_actor")
    'cli.commands.user_commands.cli_actor'
    >>> rename_module("fakefree.settings")
    'fakefree.settings'
    """
    for rule in COMPILED:
        match = rule.dotted.match(name)
        if match:
            return rule.replacement(".")(match) + name[match.end():]
    return name


def rename_path(path: str) -> str:
    """The new path of a tracked file (relative, with ``/``); unchanged if no rule matches.

    >>> rename_path("graph_etl/store/neo4j_server/pom.xml")
    'graph_etl/store/neo4j/server/pom.xml'
    >>> rename_path("fakefree/security.py")
    'security/signin.py'
    >>> rename_path("tests/graph_etl/store/neo4j_fixture.py")
    'tests/graph_etl/store/neo4j_fixture.py'
    """
    for rule in COMPILED:
        match = rule.path.match(path)
        if match:
            return rule.replacement("/")(match) + path[match.end():]
    return path


def rewrite_text(text: str) -> str:
    """Every dotted module path and slash path of a moved module, written anew.

    >>> rewrite_text('run `python -m fakefree.cli ingest`; see fakefree/accounts.py')
    'run `python -m cli ingest`; see security/accounts.py'
    >>> rewrite_text('monkeypatch.setattr("graph_etl.store.sqlite_store.time", t)')
    'monkeypatch.setattr("graph_etl.store.sqlite.store.time", t)'
    """
    text = MINUS_M.sub(lambda m: m.group(1) + "cli", text)
    for pattern, new in RELATIVE:
        text = pattern.sub(new, text)
    for rule in COMPILED:
        text = rule.dotted.sub(rule.replacement("."), text)
        text = rule.path.sub(rule.replacement("/"), text)
    return text


@dataclass
class Report:
    moved: list[tuple[str, str]] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.created or self.rewritten)


# -- 1. moves ------------------------------------------------------------------------------------

def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed in {root}: {done.stderr.strip()}")
    return done.stdout


def tracked(root: Path) -> list[str]:
    """The tracked files that are on disk (a deletion not yet committed is gone)."""
    return [p for p in git(root, "ls-files", "-z").split("\0") if p and (root / p).is_file()]


def move_files(root: Path, report: Report, dry_run: bool) -> None:
    for rel in git(root, "ls-files", "-z", "--others", "--exclude-standard").split("\0"):
        if rel and rename_path(rel) != rel:
            report.problems.append(f"{rel}: untracked, not moved (git add it and run again)")
    for old in tracked(root):
        new = rename_path(old)
        if new == old:
            continue
        if any(keyword.iskeyword(part) for part in Path(new).with_suffix("").parts):
            report.problems.append(f"{old}: not moved, {new} is not an importable name")
            continue
        if (root / new).exists():
            report.problems.append(f"{old}: not moved, {new} exists already (merge them by hand)")
            continue
        report.moved.append((old, new))
        if not dry_run:
            (root / new).parent.mkdir(parents=True, exist_ok=True)
            git(root, "mv", old, new)
    if dry_run:
        return
    for old, _ in report.moved:  # the folders left empty (but for caches)
        folder = (root / old).parent
        while folder != root and folder.is_dir():
            leftovers = [p for p in folder.rglob("*") if p.is_file()
                         and "__pycache__" not in p.parts and not p.name.endswith(".pyc")]
            if leftovers:
                break
            for cache in sorted(folder.rglob("*"), key=lambda p: -len(p.parts)):
                cache.unlink() if cache.is_file() else cache.rmdir()
            folder.rmdir()
            folder = folder.parent


def create_files(root: Path, report: Report, dry_run: bool) -> None:
    for rel, text in NEW_FILES.items():
        target = root / rel
        # a new package gets its __init__ once its folder holds moved code
        if target.exists() or not target.parent.is_dir():
            if not target.parent.is_dir() and not dry_run:
                report.problems.append(f"{rel}: not created, {target.parent.name}/ has no code")
            continue
        report.created.append(rel)
        if not dry_run:
            target.write_text(text, encoding="utf-8")
            git(root, "add", rel)


# -- 3. from PACKAGE import MODULE ---------------------------------------------------------------

def _module_exists(root: Path, dotted: str) -> bool:
    base = root.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _from_line(indent: str, module: str, names: list[str], comment: str) -> str:
    line = f"{indent}from {module} import {', '.join(names)}"
    if len(line) + len(comment) + 2 <= 100:
        return line + (f"  {comment}" if comment else "")
    inner = "".join(f"{indent}    {name},\n" for name in names)
    return f"{indent}from {module} import ({'  ' + comment if comment else ''}\n{inner}{indent})"


def split_imports(source: str, root: Path, rel: str, report: Report) -> str:
    """``from P import M`` where ``P.M`` is a moved module: ``from NEWP import NEWM as M``.

    Only statements that need it are rewritten; the module path of the others is left to
    :func:`rewrite_text`.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        report.problems.append(f"{rel}: not parsed ({exc.msg}, line {exc.lineno}); imports left as they are")
        return source
    lines = re.findall(r"[^\n]*\n|[^\n]+$", source)  # the lines ast counts (not \f, \u2028)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        keep: list[str] = []
        moved: list[str] = []
        for alias in node.names:
            full = f"{node.module}.{alias.name}"
            new = rename_module(full)
            if new == full or new == f"{rename_module(node.module)}.{alias.name}" \
                    or not _module_exists(root, new):
                keep.append(alias.name + (f" as {alias.asname}" if alias.asname else ""))
                continue
            parent, _, leaf = new.rpartition(".")
            local = alias.asname or alias.name
            moved.append(f"from {parent} import {leaf}" + (f" as {local}" if local != leaf else ""))
        if not moved:
            continue
        first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        head, tail = lines[first], lines[last]
        indent = head[: len(head) - len(head.lstrip())]
        end = len(tail.encode("utf-8")[: node.end_col_offset].decode("utf-8", "replace"))
        rest = tail[end:].strip()
        if head[: node.col_offset].strip() or (rest and not rest.startswith("#")):
            report.problems.append(f"{rel}:{node.lineno}: import shares its line with other code; "
                                   "not split (move it by hand)")
            continue
        comments = [ln.split("#", 1)[1].strip() for ln in lines[first:last + 1] if "#" in ln]
        comment = f"# {comments[0]}" if comments else ""
        if len(comments) > 1:
            report.problems.append(f"{rel}:{node.lineno}: comments inside a split import were "
                                   f"dropped but the first: {comments[1:]}")
        out = [_from_line(indent, node.module, keep, comment)] if keep else []
        out += [indent + stmt + (f"  {comment}" if comment and not keep and i == 0 else "")
                for i, stmt in enumerate(moved)]
        edits.append((first, last, "\n".join(out) + "\n"))
    for first, last, text in sorted(edits, reverse=True):
        lines[first:last + 1] = [text]
    return "".join(lines)


# -- 4./5. text ---------------------------------------------------------------------------------

def _add_to_list(text: str, key: str, items: list[str]) -> str:
    """Add the missing quoted ``items`` to the one-line TOML list ``key = [...]``."""
    pattern = re.compile(rf'^({re.escape(key)}\s*=\s*\[)([^\]\n]*)(\])', re.M)

    def repl(match: re.Match[str]) -> str:
        body = match.group(2)
        missing = [f'"{item}"' for item in items if f'"{item}"' not in body]
        return match.group(1) + ", ".join([body.rstrip(", ")] * bool(body.strip()) + missing) \
            + match.group(3)
    return pattern.sub(repl, text, count=1)


def pyproject(text: str) -> str:
    text = _add_to_list(text, "root_packages", list(NEW_ROOTS))
    text = _add_to_list(text, "include", [f"{name}*" for name in NEW_ROOTS])
    # the layers contract (the one with ``type = "layers"``): its list, written anew
    contract = re.search(r'type = "layers"\n(?:[^\[]*?\n)?layers = \[.*?\n\]', text, re.S)
    if contract:
        start = text.index("layers = [", contract.start())
        text = text[:start] + LAYERS + text[contract.end():]
    return text


def makefile(text: str) -> str:
    def add(match: re.Match[str]) -> str:
        words = match.group(2).split()
        return match.group(1) + " ".join(words + [w for w in NEW_ROOTS if w not in words])

    text = re.sub(r"^(PACKAGES\s*:=\s*)(.*)$", add, text, count=1, flags=re.M)
    # the doctest run of `make test`: `pytest tests <packages>` gets the new packages
    roots = {"fakefree", "graph_etl", "nlp", "queries", "exports", "dashboard", "seed_data",
             *NEW_ROOTS}

    def test_line(match: re.Match[str]) -> str:
        words = match.group(2).split()
        if not words or not set(words) <= roots:
            return match.group(0)
        return add(match)
    return re.sub(r"(pytest tests )((?:[a-z_]+ ?)+)(?= -|$)", test_line, text, flags=re.M)


def readme(text: str) -> str:
    match = re.search(r"^### Layout\n.*?(?=^#{1,3} |\Z)", text, re.S | re.M)
    if not match:
        return text
    tail = "" if match.end() == len(text) else "\n"
    return text[:match.start()] + LAYOUT + tail + text[match.end():]


def text_files(root: Path) -> list[str]:
    out = []
    for rel in tracked(root):
        path = Path(rel)
        if rel in SELF or rel.startswith("tests/data/"):
            continue
        if path.suffix == ".py" or ((path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES)
                                    and not rel.startswith(DATA_PREFIXES)):
            out.append(rel)
    return out


def rewrite_files(root: Path, report: Report, dry_run: bool) -> None:
    for rel in text_files(root):
        path = root / rel
        try:
            before = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        after = split_imports(before, root, rel, report) if rel.endswith(".py") else before
        if rel == "pyproject.toml":
            after = pyproject(after)
        elif rel == "Makefile":
            after = makefile(after)
        elif rel == "README.md":
            after = readme(after)
        after = rewrite_text(after)
        if after != before:
            report.rewritten.append(rel)
            if not dry_run:
                path.write_text(after, encoding="utf-8")


def leftovers(root: Path, report: Report) -> None:
    """Every old module path still in a tracked text file (a form no rule rewrites)."""
    for rel in text_files(root):
        try:
            text = (root / rel).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if rewrite_text(text) != text:
            report.problems.append(f"{rel}: still names a moved module")


#: what ``--format`` hands to ``ruff format`` (and adds to the Makefile's ``FORMATTED``)
MOVED_CODE = ("cli", "security", "bench", "graph_etl/store/sqlite", "graph_etl/store/neo4j",
              "fakefree/model.py", "fakefree/localdb.py")


def format_moved(root: Path, ruff: str, report: Report) -> None:
    """``ruff format`` the moved code and list it in ``FORMATTED`` (a separate commit is best:
    git follows a moved file only while most of its lines are unchanged)."""
    targets = [t for t in MOVED_CODE if (root / t).exists()]
    done = subprocess.run([ruff, "format", *targets], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        report.problems.append(f"ruff format failed: {done.stderr.strip()}")
        return
    makefile = root / "Makefile"
    text = makefile.read_text(encoding="utf-8")

    def add(match: re.Match[str]) -> str:
        words = match.group(2).split()
        return match.group(1) + " ".join(words + [t for t in targets if t not in words])
    new = re.sub(r"^(FORMATTED\s*:=\s*)(.*)$", add, text, count=1, flags=re.M)
    if new != text:
        makefile.write_text(new, encoding="utf-8")
    git(root, "add", "-u", "--", *targets, "Makefile")


def run(root: Path, dry_run: bool = False) -> Report:
    """Apply every step to the git work tree at ``root``; what was done and what was not."""
    report = Report()
    move_files(root, report, dry_run)
    create_files(root, report, dry_run)
    rewrite_files(root, report, dry_run)
    if not dry_run:
        if report.rewritten:
            git(root, "add", "--", *report.rewritten)
        leftovers(root, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=".", type=Path, help="the git work tree")
    parser.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    parser.add_argument("--format", metavar="RUFF", help="then run RUFF format on the moved code")
    args = parser.parse_args(argv)
    root = Path(git(args.root, "rev-parse", "--show-toplevel").strip())
    report = run(root, args.dry_run)
    if args.format and not args.dry_run:
        format_moved(root, args.format, report)
    verb = "would move" if args.dry_run else "moved"
    for old, new in report.moved:
        print(f"{verb} {old} -> {new}")
    for rel in report.created:
        print(f"{'would create' if args.dry_run else 'created'} {rel}")
    for rel in report.rewritten:
        print(f"{'would rewrite' if args.dry_run else 'rewrote'} {rel}")
    for problem in report.problems:
        print(f"NOT DONE: {problem}", file=sys.stderr)
    if not report.changed:
        print("nothing to do: the tree has the new layout")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
