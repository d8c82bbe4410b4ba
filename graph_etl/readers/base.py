"""The records readers produce, the error they raise, and the item they read.

A reader receives a :class:`Source` (a file on disk or bytes taken out of a container) and a
:class:`Context` (the limits of the whole read) and returns :class:`ReadResult` objects.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from fakefree.errors import InputError

__all__ = [
    "REASONS",
    "Budget",
    "Context",
    "ReadResult",
    "Source",
    "Unreadable",
    "human_size",
    "sha256_file",
]

#: Every value :attr:`Unreadable.reason` can take.
REASONS: frozenset[str] = frozenset(
    {"empty", "too_large", "corrupt", "encrypted", "no_text", "unsupported", "bomb",
     "encoding", "unsafe"}
)

Kind = Literal["text", "records", "extraction", "ftm"]

_CHUNK = 1 << 20

log = logging.getLogger(__name__)


class Unreadable(InputError):
    """A file fakefree refuses to read; the message is one sentence naming the file.

    ``reason`` is one of :data:`REASONS`, ``path`` the name of the item that was refused.
    """

    def __init__(self, message: str, *, reason: str, path: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown Unreadable reason {reason!r}")
        super().__init__(message)
        self.reason = reason
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only arguments: without this, an Unreadable raised in a worker process
        # could not be sent back to the parent
        return (_rebuild_unreadable, (str(self), self.reason, self.path))


def _rebuild_unreadable(message: str, reason: str, path: str) -> Unreadable:
    return Unreadable(message, reason=reason, path=path)


@dataclass
class ReadResult:
    """One logical document read from a file (or from inside an archive or an e-mail).

    Narrative documents fill ``text``; tables fill ``records`` (one dict per row, empty cells
    ``None``), ``columns`` and the parallel lists ``row_texts`` (a readable one-line rendering of
    the row, quoted as evidence) and ``row_numbers`` (the row's number in its source counted
    from 1 with the header row included, as a spreadsheet shows it). ``data`` holds the parsed
    extraction JSON for ``kind == "extraction"``.
    """

    path: str
    sha256: str
    size: int
    reader: str
    media_type: str
    kind: Kind = "text"
    text: str | None = None
    records: list[dict[str, Any]] | None = None
    columns: list[str] | None = None
    row_texts: list[str] | None = None
    row_numbers: list[int] | None = None
    data: dict[str, Any] | None = None
    language_hint: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-serialisable data, without the fields left empty."""
        return {k: v for k, v in asdict(self).items() if v is not None}


class Budget:
    """How many more bytes may be expanded out of containers during one top-level read."""

    def __init__(self, remaining: int) -> None:
        self.remaining = remaining

    def spend(self, n: int) -> bool:
        """Take ``n`` bytes; False (and nothing taken) when there is not enough left."""
        if n > self.remaining:
            return False
        self.remaining -= n
        return True


@dataclass(frozen=True)
class Context:
    """Limits shared by everything read from one top-level file.

    ``max_bytes`` bounds any single item, ``budget`` the bytes expanded out of all containers
    (zip members, e-mail attachments) together, ``depth`` how many containers deep we are.
    ``on_skip`` hears of every item inside a container that was skipped as unreadable.
    """

    max_bytes: int
    budget: Budget
    depth: int = 0
    max_depth: int = 3
    on_skip: Callable[[Unreadable], None] | None = None

    def nested(self) -> Context:
        """A context one container level deeper, sharing this one's budget."""
        return Context(self.max_bytes, self.budget, self.depth + 1, self.max_depth, self.on_skip)

    def skipped(self, exc: Unreadable) -> None:
        """Report an item of a container that was left out because it cannot be read."""
        log.warning("skipped: %s", exc)
        if self.on_skip is not None:
            self.on_skip(exc)


class Source:
    """One item to read: a file on disk, or bytes extracted from a container.

    ``label`` is the name used in messages (``mail.eml#attachment/invoice.pdf``), ``path`` the
    full path recorded in results, ``filename`` the bare name whose extension is looked at.
    """

    def __init__(self, *, path: str, label: str, filename: str,
                 file: Path | None = None, data: bytes | None = None) -> None:
        if (file is None) == (data is None):
            raise ValueError("a Source needs exactly one of file or data")
        self.path = path
        self.label = label
        self.filename = filename
        self._file = file
        self._data = data
        self._sha256: str | None = None
        self.size = len(data) if data is not None else file.stat().st_size  # type: ignore[union-attr]

    @property
    def extension(self) -> str:
        """The lower-case extension of the item's name, without the dot ('' if none)."""
        suffix = Path(self.filename).suffix.lower()
        return suffix[1:] if suffix else ""

    def open(self) -> BinaryIO:
        """A binary file object positioned at the start of the item."""
        if self._data is not None:
            return io.BytesIO(self._data)
        assert self._file is not None
        return self._file.open("rb")

    def read_bytes(self) -> bytes:
        """The whole item; callers have checked its size against the limit first."""
        if self._data is not None:
            return self._data
        with self.open() as fh:
            return fh.read(self.size + 1)

    def head(self, n: int = 8192) -> bytes:
        """The first ``n`` bytes, for sniffing."""
        if self._data is not None:
            return self._data[:n]
        with self.open() as fh:
            return fh.read(n)

    @property
    def sha256(self) -> str:
        """SHA-256 of the item's bytes, computed once."""
        if self._sha256 is None:
            if self._data is not None:
                self._sha256 = hashlib.sha256(self._data).hexdigest()
            else:
                assert self._file is not None
                self._sha256 = sha256_file(self._file)
        return self._sha256

    def result(self, *, reader: str, media_type: str, **fields: Any) -> ReadResult:
        """A :class:`ReadResult` for this item with its path, hash and size filled in."""
        return ReadResult(path=self.path, sha256=self.sha256, size=self.size, reader=reader,
                          media_type=media_type, **fields)

    def refuse(self, reason: str, problem: str) -> Unreadable:
        """An :class:`Unreadable` whose message is '<label> <problem>'."""
        return Unreadable(f"{self.label} {problem}", reason=reason, path=self.path)


def sha256_file(path: Path | str) -> str:
    """SHA-256 hex digest of a file, read in 1 MiB chunks.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile(delete=False) as fh:
    ...     _ = fh.write(b"abc")
    >>> sha256_file(fh.name)[:16]
    'ba7816bf8f01cfea'
    >>> os.unlink(fh.name)
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def human_size(n: int) -> str:
    """A size for a sentence: '512 bytes', '3.2 KB', '200 MB'.

    >>> human_size(200 * 1024 * 1024), human_size(1536), human_size(12)
    ('200 MB', '1.5 KB', '12 bytes')
    """
    if n < 1024:
        return f"{n} bytes"
    value, unit = n / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}".replace(".0 ", " ")
