"""Broken inputs for the ETL quarantine: what a real drop folder also contains."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

__all__ = ["write_broken"]

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _nested_zip(depth: int = 6, size: int = 2_000_000) -> bytes:
    """A small zip that expands a lot: a zip of a zip ... of a file of zeros (about 2 MB each)."""
    payload = b"\0" * size
    name = "payload.bin"
    for level in range(depth):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for copy in range(4 if level else 1):
                info = zipfile.ZipInfo(f"{copy}_{name}", _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, payload)
        payload, name = buf.getvalue(), f"level{level}.zip"
    return payload


def write_broken(root: Path) -> None:
    """Write the broken files and ``expected.json`` describing what the ETL should do with each."""
    from seed_data.writers import pdf_bytes

    root.mkdir(parents=True, exist_ok=True)
    french = ("Rapport de saisie — Agence des services frontaliers du Canada. Le 3 mars 2024, "
              "des agents ont saisi 1 200 plaquettes de frein contrefaites au port de Montréal "
              "(importateur : Société Générale d'Importation Lévesque Ltée).\n")
    files = {
        "truncated.pdf": pdf_bytes("SEIZURE REPORT\nContainer OPLU1234565 seized at Port of Vancouver.",
                                   "truncated")[:700],
        "empty.txt": b"",
        "seizure_report_latin1.txt": french.replace("—", "-").encode("latin-1"),
        "seizure_report_cp1252.txt": french.replace("—", "\u2013").encode("cp1252"),
        "interview_utf16_nobom.txt": ("Interview notes: Subject Zhang Wei (张伟) stated that the importer "
                                      "of record was Harbor Trading Inc.\n").encode("utf-16-le"),
        "seizure_log_missing_columns.csv": ("seizure_no,date,port\nX-01,2024-03-01,Port of Vancouver\n"
                                            "X-02,2024-03-09\nX-03\n").encode("utf-8"),
        "injection_names.csv": ("originator,beneficiary,amount,currency\n"
                                "\"Robert'); MATCH (n) DETACH DELETE n;--\",\"O'Brien \"\"The Fence\"\" Ltd.\",9850.00,CAD\n"
                                "\"'; DROP TABLE documents; --\",\"Zhang \\\"Wei\\\" {name: 'x'}\",9900.00,USD\n"
                                "\"=HYPERLINK(\"\"http://evil.invalid\"\")\",\"<script>alert(1)</script>\",9700.00,USD\n"
                                ).encode("utf-8"),
        "nested.zip": _nested_zip(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    expected = {
        "truncated.pdf": {"action": "quarantine", "reason": "truncated PDF: no xref/trailer, cannot be parsed"},
        "empty.txt": {"action": "quarantine", "reason": "0-byte file"},
        "seizure_report_latin1.txt": {"action": "load", "encoding": "latin-1",
                                      "reason": "readable: decode with the detected encoding (latin-1), not UTF-8"},
        "seizure_report_cp1252.txt": {"action": "load", "encoding": "cp1252",
                                      "reason": "readable: cp1252 (en dash 0x96); decode with the detected encoding"},
        "interview_utf16_nobom.txt": {"action": "load", "encoding": "utf-16-le",
                                      "reason": "UTF-16 little-endian without BOM; load if detected, else quarantine as undecodable"},
        "seizure_log_missing_columns.csv": {"action": "quarantine",
                                            "reason": "CSV rows shorter than the header and required columns (container, goods) missing"},
        "injection_names.csv": {"action": "load",
                                "reason": "valid CSV; names contain quotes, Cypher/SQL and formula text that must be stored "
                                          "verbatim through parameterised queries and never executed"},
        "nested.zip": {"action": "quarantine",
                       "reason": "archive nested 6 levels that expands to several GB (zip-bomb-like); refuse to expand"},
    }
    (root / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
