"""Scoring several gold folders: each one's figures and the pooled (micro) figures."""

import json
import subprocess
import sys
from pathlib import Path

from nlp import extract
from nlp.evaluate import evaluate_dir, evaluate_dirs


def _gold(folder: Path, name: str, text: str, entities: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(f"SOURCE: https://example.org/{name}\n\n{text}",
                                        encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(
        {"language": "en", "entities": entities, "relations": []}), encoding="utf-8")


def _ent(name: str, type_: str) -> dict:
    return {"name": name, "aliases": [], "type": type_, "roles": []}


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one", tmp_path / "two"
    _gold(one, "a", "Maria Lopez, 40, of Dallas, pleaded guilty and paid $20,000.",
          [_ent("Maria Lopez", "PERSON"), _ent("Dallas", "LOCATION"), _ent("$20,000", "MONEY")])
    _gold(two, "b", "Ana Ruiz was arrested in Toronto with Peter Grant.",
          [_ent("Ana Ruiz", "PERSON"), _ent("Toronto", "LOCATION"), _ent("Paul Lee", "PERSON")])
    return one, two


def _run(text: str, language: str | None):
    return extract(text, language=language)


def test_evaluate_pooled_is_the_micro_sum_of_the_folders(tmp_path: Path):
    one, two = _folders(tmp_path)
    each, pooled = evaluate_dirs([one, two], _run)
    alone = [evaluate_dir(one, _run), evaluate_dir(two, _run)]
    assert [s.to_dict() for s in each] == [s.to_dict() for s in alone]
    assert pooled.docs == 2
    for type_ in ("PERSON", "LOCATION", "MONEY"):
        assert pooled.n_gold[type_] == sum(s.n_gold[type_] for s in alone)
        assert pooled.tp[type_] == sum(s.tp[type_] for s in alone)
    # one unfound person of three: the pooled recall is micro (2/3), not the mean of 1 and 1/2.
    assert pooled.prf("PERSON")[1] == 2 / 3


def test_evaluate_command_pools_several_gold_folders(tmp_path: Path):
    one, two = _folders(tmp_path)
    done = subprocess.run([sys.executable, "-m", "nlp.evaluate", "--gold", str(one), "--gold",
                           str(two), "--json"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {str(one), str(two), "pooled"}
    assert data["pooled"]["types"]["PERSON"]["gold"] == 3
