"""Uploaded files written safely: bare names only, in a private temporary folder."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

__all__ = ["safe_name", "write_uploads"]

_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_name(name: str, fallback: str = "upload") -> str:
    """The last part of an uploaded file's name, without folders, leading dots or odd characters.

    >>> safe_name("../../etc/passwd"), safe_name("C:\\\\case\\\\..\\\\a b.pdf"), safe_name("..")
    ('passwd', 'a b.pdf', 'upload')
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).lstrip(".").strip()
    return base[:200] or fallback


def write_uploads(files: Iterable[tuple[str, bytes]], folder: Path) -> list[Path]:
    """Write each ``(name, content)`` under ``folder`` by its safe name (``-2``, ``-3``... on a
    clash); return the paths written."""
    written: list[Path] = []
    for name, content in files:
        clean = safe_name(name)
        target = folder / clean
        number = 2
        while target.exists():
            stem, dot, suffix = clean.rpartition(".")
            target = folder / (f"{stem}-{number}.{suffix}" if dot and stem else f"{clean}-{number}")
            number += 1
        target.write_bytes(content)
        written.append(target)
    return written
