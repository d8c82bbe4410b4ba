"""Zip archives: every member read recursively, within the size, ratio and depth limits.

Members are read from memory, never extracted to disk; even so a member whose name would
escape an extraction folder (``../``, an absolute path, a drive letter) or a symbolic link
refuses the whole archive as ``unsafe``, since such names mark a crafted archive.
"""

from __future__ import annotations

import logging
import re
import stat
import zipfile
import zlib
from pathlib import PurePosixPath

from graph_etl.readers.base import Context, ReadResult, Source, Unreadable
from graph_etl.readers.ziputil import check_members, open_zip

__all__ = ["is_unsafe_name", "read_zip"]

log = logging.getLogger(__name__)

_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")
_PROPAGATE = {"bomb", "unsafe"}


def is_unsafe_name(name: str) -> bool:
    """True for a member name that points outside the folder it would be extracted to.

    >>> [is_unsafe_name(n) for n in ("docs/a.pdf", "../../etc/passwd", "/etc/passwd",
    ...                              "C:\\\\x.txt", "a/../../b", "..\\\\evil.txt")]
    [False, True, True, True, True, True]
    """
    posix = name.replace("\\", "/")
    if "\x00" in name or posix.startswith("/") or re.match(r"^[A-Za-z]:", posix):
        return True
    return ".." in posix.split("/")


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def read_zip(source: Source, ctx: Context) -> list[ReadResult]:
    """Read each member through :func:`~graph_etl.readers.read`; paths are ``archive#member``.

    Members fakefree cannot read are skipped and reported to ``ctx.on_skip``; the archive is
    refused only when none is readable, or outright for a bomb or an unsafe member.
    """
    from graph_etl.readers.dispatch import read_source

    if ctx.depth >= ctx.max_depth:
        raise source.refuse("bomb", f"nests archives more than {ctx.max_depth} levels deep, "
                                    f"which looks like a zip bomb.")
    results: list[ReadResult] = []
    skipped: list[Unreadable] = []
    with open_zip(source, "zip archive") as zf:
        infos = [info for info in zf.infolist() if not info.is_dir()]
        for info in infos:
            if is_unsafe_name(info.filename):
                raise source.refuse("unsafe", f"contains an unsafe member path "
                                              f"'{info.filename}'.")
            if _is_symlink(info):
                raise source.refuse("unsafe", f"contains a symbolic link '{info.filename}'.")
        check_members(zf, source, ctx.budget.remaining)
        inner = ctx.nested()
        for info in infos:
            if _JUNK.search(info.filename):
                continue
            child = Source(path=f"{source.path}#{info.filename}",
                           label=f"{source.label}#{info.filename}",
                           filename=PurePosixPath(info.filename).name, data=b"")
            if info.flag_bits & 0x1:
                skipped.append(child.refuse("encrypted", "is a password-protected archive "
                                                         "member."))
                continue
            if not ctx.budget.spend(info.file_size):
                raise source.refuse("bomb", "expands past the size limit through its nested "
                                            "archives, which looks like a zip bomb.")
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError):
                log.debug("%s: cannot decompress", child.label, exc_info=True)
                skipped.append(child.refuse("corrupt", "is a damaged archive member."))
                continue
            child = Source(path=child.path, label=child.label, filename=child.filename, data=data)
            try:
                results.extend(read_source(child, inner))
            except Unreadable as exc:
                if exc.reason in _PROPAGATE:
                    raise
                skipped.append(exc)
    if results:
        for exc in skipped:
            ctx.skipped(exc)
        return results
    if not skipped:
        raise source.refuse("empty", "is an archive with no files in it.")
    reasons = {exc.reason for exc in skipped}
    reason = reasons.pop() if len(reasons) == 1 else "unsupported"
    raise source.refuse(reason, f"has no member fakefree can read (the first, "
                                f"{skipped[0].path.rpartition('#')[2]}, was refused as "
                                f"{skipped[0].reason.replace('_', ' ')}).")
