"""The true graph of a generated corpus as a store :class:`~graph_etl.store.Batch`.

Every manifest row becomes a :class:`DocumentRecord` (id = SHA-256 of the file's bytes); each
document claims the true entities it mentions (as spelled there) and the true relations it
states, with evidence spans; structured rows claim theirs with the row text as evidence.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

from graph_etl.store import Batch, DocumentRecord, Evidence, NodeClaim, RelClaim

__all__ = ["truth_batch"]


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def truth_batch(out_dir: Path) -> Batch:
    """The true graph of the corpus generated into ``out_dir``.

    >>> from graph_etl.store import Batch
    >>> isinstance(truth_batch.__doc__, str)
    True
    """
    out_dir = Path(out_dir)
    docs_dir, truth = out_dir / "documents", out_dir / "truth"
    entities = {e["id"]: e for e in _load(truth / "entities.json")}
    relations = {r["id"]: r for r in _load(truth / "relations.json")}
    structured = _load(truth / "structured.json")
    case_entity = {c["id"]: c["entity"] for c in _load(truth / "cases.json")}
    batch = Batch()
    with open(docs_dir / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        path = row["path"]
        doc_id = hashlib.sha256((docs_dir / path).read_bytes()).hexdigest()
        batch.documents.append(DocumentRecord(
            id=doc_id, name=path, agency=row["agency"], releasability=row["releasability"],
            cases=[row["case"]], props={"date": row["date"], "language": row["language"],
                                        "doc_type": row["doc_type"], "format": path.rsplit(".", 1)[-1]}))
        claimed: set[str] = set()

        def claim(eid: str, name: str, mentions: list[Evidence]) -> None:
            ent = entities[eid]
            props = {k: v for k, v in ent["identifiers"].items()}
            if "Identifier" in ent["labels"]:  # its kind, as ingest states it (hs_code, swift...)
                props.setdefault(ent["type"].lower(), ent["name"])
            props.update({k: v for k, v in ent["props"].items() if isinstance(v, (str, int, float, bool))})
            batch.nodes.append(NodeClaim(id=eid, document_id=doc_id, labels=list(ent["labels"]), name=name,
                                         aliases=[], props=props, mentions=mentions))
            claimed.add(eid)

        def rel_claim(rid: str, evidence: Evidence) -> None:
            rel = relations[rid]
            for end in (rel["source"], rel["target"]):
                if end not in claimed:
                    claim(end, entities[end]["name"], [])
            props = {k: rel[k] for k in ("amount", "currency", "date", "share", "role") if k in rel}
            batch.rels.append(RelClaim(source=rel["source"], target=rel["target"], type=rel["type"],
                                       document_id=doc_id, key=rid, props=props, evidence=[evidence]))

        claim(case_entity[row["case"]], row["case"], [])
        if path in structured:
            for r in structured[path]["rows"]:
                ev = Evidence(doc_id, r["start"], r["end"], r["text"])
                for col, eid in r["entities"].items():
                    cell = r["cells"][list(structured[path]["columns"]).index(col)]
                    claim(eid, cell or entities[eid]["name"], [ev])
                for rid in r["relations"]:
                    rel_claim(rid, ev)
            continue
        ann = _load(truth / "annotations" / f"{path}.json")
        for ent in ann["entities"]:
            if ent["id"].startswith("V-"):
                continue
            mentions = [Evidence(doc_id, m["start"], m["end"], m["text"]) for m in ent["mentions"]]
            claim(ent["id"], ent["name"], mentions)
            batch.nodes[-1].aliases = list(ent["aliases"])
        for rel in ann["relations"]:
            ev = rel["evidence"]
            rel_claim(rel["id"], Evidence(doc_id, ev["start"], ev["end"], ev["text"]))
    return batch
