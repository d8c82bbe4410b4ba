"""The ``extract`` and ``eval extraction`` commands as a user runs them."""

import json
import subprocess
import sys
from pathlib import Path

from cli.commands import nlp_commands  # noqa: F401  (registers the commands)
from nlp import extract
from tests.cli import run_cli


def test_nlp_commands_extract_json(tmp_path: Path, monkeypatch, capsys):
    path = tmp_path / "case.txt"
    path.write_text("Kevin Lee, the owner of Orient Star Ltd., was charged in Houston.",
                    encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "extract", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {"Kevin Lee", "Orient Star Ltd.", "Houston"} <= {e["name"] for e in data["entities"]}


def test_nlp_commands_extract_missing_file_is_one_sentence(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "cli", "extract",
                           str(tmp_path / "nope.txt")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip() == f"Error: The file {tmp_path / 'nope.txt'} does not exist."


def test_nlp_commands_eval_extraction_on_both_gold_formats(tmp_path: Path, monkeypatch, capsys):
    # real-text format: SOURCE line, blank line, text; gold by name.
    (tmp_path / "a.txt").write_text(
        "SOURCE: https://example.org/a\n\nMaria Lopez, 40, of Dallas, pleaded guilty to money "
        "laundering and paid $20,000 to Nike.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({
        "language": "en",
        "entities": [
            {"name": "Maria Lopez", "aliases": [], "type": "PERSON",
             "roles": ["defendant", "money_launderer"]},
            {"name": "Dallas", "aliases": [], "type": "LOCATION", "roles": []},
            {"name": "$20,000", "aliases": [], "type": "MONEY", "roles": []},
            {"name": "Nike", "aliases": [], "type": "ORG", "roles": ["brand"]}],
        "relations": []}), encoding="utf-8")
    # our extraction JSON with spans.
    text = "Ana Ruiz was arrested in Toronto."
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(extract(text).to_json(), encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "eval", "extraction", "--gold", str(tmp_path),
                          "--json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["docs"] == 2
    assert scores["types"]["PERSON"]["recall"] == 1.0
    assert scores["types"]["MONEY"]["f1"] == 1.0
    assert scores["roles"]["money_launderer"] == {"hits": 1, "gold": 1}
