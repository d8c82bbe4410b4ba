"""Safety checks for zip containers (plain archives and Office Open XML files).

Nothing is decompressed before the central directory has been checked: member count, declared
uncompressed sizes against the limit, compression ratios, and (for Office files) that no XML
part declares a DTD, the vehicle of entity-expansion ("billion laughs") attacks.
"""

from __future__ import annotations

import zipfile
import zlib
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from graph_etl.readers.base import Source, human_size

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "check_members", "check_xml_parts", "open_zip"]

#: More members than this in one archive is treated as a bomb.
MAX_MEMBERS = 10_000
#: A member expanding more than this many times its compressed size is treated as a bomb...
MAX_RATIO = 250
#: ...once it expands past this size (small, very repetitive members are harmless).
_RATIO_FLOOR = 1 << 20


def open_zip(source: Source, what: str) -> zipfile.ZipFile:
    """Open ``source`` as a zip archive, refusing it as ``corrupt`` if it is not a valid one."""
    fh = source.open()
    try:
        return zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        fh.close()
        raise source.refuse("corrupt", f"is a damaged {what} that cannot be opened.") from exc


def check_members(zf: zipfile.ZipFile, source: Source, limit: int) -> int:
    """Refuse the archive as a ``bomb`` if expanding it is unsafe; return its expanded size.

    ``limit`` is the most the members may expand to, all together.
    """
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise source.refuse("bomb", f"holds {len(infos)} members, more than the {MAX_MEMBERS} "
                                    f"fakefree accepts in one archive.")
    total = 0
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise source.refuse("bomb", f"has a member that expands {ratio} times "
                                        f"({info.filename}), which looks like a zip bomb.")
        total += info.file_size
    if total > limit:
        raise source.refuse("bomb", f"would expand to {human_size(total)}, over the "
                                    f"{human_size(limit)} limit, which looks like a zip bomb.")
    return total


def check_xml_parts(zf: zipfile.ZipFile, source: Source) -> None:
    """Refuse an Office file whose XML parts declare a DTD or entities (``bomb``).

    Only the prolog of each part is parsed: parsing stops at the root element.
    """
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with zf.open(info) as part:
                for _event, _elem in safe_et.iterparse(part, events=("start",), forbid_dtd=True):
                    break
        except DefusedXmlException as exc:
            raise source.refuse("bomb", f"declares XML entities in {info.filename}, the mark of "
                                        f"an entity-expansion bomb, so it was not parsed.") from exc
        except (ParseError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise source.refuse("corrupt", f"has a damaged part {info.filename} that cannot be "
                                           f"parsed.") from exc
