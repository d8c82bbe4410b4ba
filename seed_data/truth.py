"""Ground truth, written apart from the documents: per-document annotations (extraction JSON),
structured-row truth, the true entities, relations and cases, splits, and spaCy DocBins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seed_data.docspec import DocSpec
from seed_data.world import Case, World
from seed_data.writers import table_text

__all__ = ["TruthWriter", "ROLES", "SPACY_LABELS", "spacy_label"]

ROLES = {"importer", "exporter", "manufacturer", "supplier", "financier", "money_launderer", "shipper",
         "consignee", "distributor", "seller", "broker", "leader", "courier", "official", "agency",
         "brand", "defendant"}
SPACY_LABELS = ["PERSON", "ORG", "LOC", "MONEY", "DATE", "CONTAINER", "BILL_OF_LADING", "IBAN", "SWIFT",
                "ACCOUNT", "PHONE", "EMAIL", "DOMAIN", "HS_CODE", "VESSEL", "IMO"]


def spacy_label(entity_type: str) -> str:
    """The DocBin label of an extraction type (LOCATION becomes LOC)."""
    return "LOC" if entity_type == "LOCATION" else entity_type


def _dump(path: Path, data: Any, indent: int | None = 1) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


class TruthWriter:
    """Streams per-document truth to disk and writes the corpus truth at the end."""

    def __init__(self, root: Path, world: World, *, docbin: bool = True) -> None:
        self.root, self.w, self.docbin = root, world, docbin
        self.root.mkdir(parents=True, exist_ok=True)
        self.structured = open(root / "structured.json", "w", encoding="utf-8")
        self.structured.write("{")
        self.first_table = True
        self.entity_docs: dict[str, list[str]] = {}
        self.splits: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
        self.bins: dict[str, Any] = {}
        self.nlps: dict[str, Any] = {}

    def add(self, spec: DocSpec, split: str) -> None:
        self.splits[split].append(spec.path)
        if spec.table is not None:
            self._add_table(spec)
            return
        data = self.annotation(spec)
        _dump(self.root / "annotations" / f"{spec.path}.json", data, indent=None)
        for ent in data["entities"]:
            if not ent["id"].startswith("V-"):
                self.entity_docs.setdefault(ent["id"], []).append(spec.path)
        for rel in data["relations"]:
            docs = self.w.relations[rel["id"]].documents
            if not docs or docs[-1] != spec.path:
                docs.append(spec.path)
        if self.docbin:
            self._add_doc(spec, data, split)

    def annotation(self, spec: DocSpec) -> dict[str, Any]:
        """The extraction JSON of one narrative document."""
        t = spec.text
        entities = []
        for eid, mentions in t.mentions.items():
            mentions = [{"start": s, "end": e, "text": x} for s, e, x in mentions]
            surfaces = list(dict.fromkeys(m["text"] for m in mentions))
            if eid.startswith("V-"):
                val = t.values[eid]
                entities.append({"id": eid, "name": surfaces[0], "type": val.type, "subtype": "", "roles": [],
                                 "aliases": surfaces[1:], "mentions": mentions, **dict(val.props)})
                continue
            ent = self.w.get(eid)
            roles = sorted(ent.roles & ROLES)
            entities.append({"id": eid, "name": surfaces[0], "canonical": ent.name, "type": ent.type,
                             "subtype": ent.subtype, "labels": ent.labels, "roles": roles,
                             "aliases": surfaces[1:], "mentions": mentions})
        return {"path": spec.path, "case": spec.case, "language": spec.language, "doc_type": spec.doc_type,
                "format": spec.fmt, "text": t.text, "entities": entities, "relations": t.relations}

    def _add_table(self, spec: DocSpec) -> None:
        table = spec.table
        text, spans = table_text(list(table.columns), table.rows, spec.fmt)
        rows = []
        for i, (row, ents, rels) in enumerate(zip(table.rows, table.row_entities, table.row_relations), 1):
            start, end = spans[i - 1]
            rows.append({"row": i, "start": start, "end": end, "text": text[start:end], "cells": row,
                         "entities": ents, "relations": rels})
            for eid in ents.values():
                docs = self.entity_docs.setdefault(eid, [])
                if not docs or docs[-1] != spec.path:
                    docs.append(spec.path)
            for rid in rels:
                docs = self.w.relations[rid].documents
                if not docs or docs[-1] != spec.path:
                    docs.append(spec.path)
        entry = {"format": spec.fmt, "doc_type": spec.doc_type, "columns": table.columns,
                 "text_form": "CSV as written" if spec.fmt == "csv" else "header and rows joined by tabs, one line each",
                 "rows": rows}
        sep = "" if self.first_table else ","
        self.first_table = False
        self.structured.write(f"{sep}\n {json.dumps(spec.path)}: {json.dumps(entry, ensure_ascii=False)}")

    def _add_doc(self, spec: DocSpec, data: dict, split: str) -> None:
        import spacy
        from spacy.tokens import DocBin
        from spacy.util import filter_spans

        lang = spec.language
        if lang not in self.nlps:
            self.nlps[lang] = spacy.blank(lang)
        doc = self.nlps[lang].make_doc(data["text"])
        spans = []
        for ent in data["entities"]:
            for m in ent["mentions"]:
                span = doc.char_span(m["start"], m["end"], label=spacy_label(ent["type"]), alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.ents = filter_spans(spans)
        doc.user_data["path"] = spec.path
        self.bins.setdefault(split, DocBin(store_user_data=True)).add(doc)

    def finish(self, cases: list[Case]) -> None:
        self.structured.write("\n}\n")
        self.structured.close()
        entities = []
        for ent in self.w.entities.values():
            data = ent.to_json()
            data["documents"] = self.entity_docs.get(ent.id, [])
            entities.append(data)
        _dump(self.root / "entities.json", entities)
        _dump(self.root / "relations.json", [r.to_json() for r in self.w.relations.values()])
        _dump(self.root / "cases.json", [c.to_json() for c in cases])
        by_split = {s: [c.id for c in cases if c.split == s] for s in ("train", "dev", "test")}
        seen: dict[str, set[str]] = {s: set() for s in by_split}
        for c in cases:
            for ids in c.roles.values():
                seen[c.split].update(ids)
        _dump(self.root / "splits.json", {
            "cases": by_split, "documents": self.splits,
            "rule": "case i is dev if i % 6 == 4, test if i % 6 == 5, else train; test cases use held-out "
                    "sentence variants and names from the held-out name pool",
            "entities_shared_between_train_and_test": sorted(seen["train"] & seen["test"]),
        })
        if self.docbin:
            for split in ("train", "dev", "test"):
                from spacy.tokens import DocBin

                self.bins.get(split, DocBin(store_user_data=True)).to_disk(self.root / f"{split}.spacy")
