"""Turn the bytes of a text file into ``str``, whatever encoding it was saved in.

Order of evidence: a byte-order mark; the NUL pattern of UTF-16 without a mark; strict UTF-8;
Windows-1252 when the result reads like Western European text (charset-normalizer tends to
guess Central European or Mac code pages on short French or Spanish text); otherwise
charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

import charset_normalizer

from graph_etl.readers.base import Source

__all__ = ["decode_text", "looks_binary", "normalise_text", "utf16_without_bom"]

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 65536
# Characters a cp1252 decoding of French, Spanish or English text is made of besides ASCII.
_WESTERN = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ"
    "€–—‘’‚“”„…«»°·¿¡ºª©®™§¶•\u00a0£¥¢×÷±²³¹½¼¾µ†‡ƒˆ‰‹›˜"
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is mostly NUL, else None."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def looks_binary(sample: bytes) -> bool:
    """True when a sample without byte-order mark has too many NULs or control bytes for text."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return sample.count(0) / len(sample) > 0.01 or controls / len(sample) > 0.1


def _reads_as_western(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` look like accents in Latin-script words."""
    runs = _NON_ASCII_RUN.findall(text[: _SAMPLE * 4])
    if not runs:
        return True
    chars = "".join(runs)
    western = sum(ch in _WESTERN for ch in chars) / len(chars)
    long_runs = sum(len(run) > 2 for run in runs) / len(runs)
    return western > 0.95 and long_runs < 0.1


def normalise_text(text: str) -> str:
    """Unicode NFC with Unix line ends, so offsets downstream are stable."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def decode_text(data: bytes, source: Source) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text item.

    Raises :class:`~graph_etl.readers.Unreadable` ``corrupt`` for binary data and
    ``encoding`` when no encoding decodes it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise source.refuse(
                    "encoding", f"starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} text (byte {exc.start + len(bom)}).") from exc
    sample = data[:_SAMPLE]
    utf16 = utf16_without_bom(sample)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            log.debug("%s: NUL pattern of %s but does not decode as such", source.label, utf16)
    if looks_binary(sample):
        raise source.refuse("corrupt", "looks like binary data, not text.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_western(text):
        return text, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise source.refuse("encoding", "is not in any text encoding fakefree recognises.")
    log.debug("%s: charset-normalizer guessed %s", source.label, best.encoding)
    return str(best), best.encoding
