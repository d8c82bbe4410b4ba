"""E-mail messages (.eml): headers into meta, the body as text, attachments read recursively."""

from __future__ import annotations

import base64
import logging
import mimetypes
import quopri
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from graph_etl.readers.base import Context, ReadResult, Source, Unreadable
from graph_etl.readers.encoding import decode_text, normalise_text
from graph_etl.readers.web import html_to_text

__all__ = ["read_eml"]

log = logging.getLogger(__name__)

_ADDRESS_HEADERS = ("from", "to", "cc", "bcc", "reply-to")


def _header(msg: EmailMessage, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001
        # the stdlib's header parser fails on malformed input with many exception types
        # (IndexError, OverflowError, AttributeError... all found by fuzzing); raw_items()
        # gives the header as written, without the parsing that just failed
        value = next((raw for key, raw in msg.raw_items() if key.lower() == name), None)
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def _meta(msg: EmailMessage) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in _ADDRESS_HEADERS:
        value = _header(msg, name)
        if value:
            meta[name.replace("-", "_")] = value
    subject = _header(msg, "subject")
    if subject:
        meta["subject"] = subject
        meta["title"] = subject
    message_id = _header(msg, "message-id")
    if message_id:
        meta["message_id"] = message_id
    date = _header(msg, "date")
    if date:
        try:
            meta["date"] = parsedate_to_datetime(date).isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            meta["date"] = date
        meta["created"] = meta["date"]
    if "from" in meta:
        meta["author"] = meta["from"]
    return meta


def _leaves(part: Message) -> Iterator[Message]:
    """Every non-multipart part, not descending into attached messages."""
    if part.get_content_type() == "message/rfc822" or not part.is_multipart():
        yield part
        return
    for sub in part.get_payload():
        if isinstance(sub, Message):
            yield from _leaves(sub)


def _safe_name(name: str | None, part: Message, index: int, taken: set[str]) -> str:
    if name:
        name = PureWindowsPath(PurePosixPath(name).name).name.strip() or None
    if not name:
        ext = mimetypes.guess_extension(part.get_content_type()) or ".bin"
        if part.get_content_type() == "message/rfc822":
            ext = ".eml"
        name = f"attachment-{index}{ext}"
    base, n = name, 2
    while name in taken:
        stem, dot, ext = base.rpartition(".")
        name = f"{stem} ({n}).{ext}" if dot else f"{base} ({n})"
        n += 1
    taken.add(name)
    return name


def _payload(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        message = inner[0] if isinstance(inner, list) else inner
        raw = message.as_bytes(policy=policy.default) if isinstance(message, Message) else b""
        # Some mailers base64-encode attached messages, which RFC 2046 forbids.
        encoding = str(part.get("content-transfer-encoding", "")).lower()
        if encoding == "base64":
            return base64.b64decode(b"".join(raw.split()) + b"==", validate=False)
        if encoding == "quoted-printable":
            return quopri.decodestring(raw)
        return raw
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _body_text(body: EmailMessage, source: Source) -> str:
    """The body decoded by its declared charset, or by detection when that is missing or wrong."""
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset name
        content = None
    if content is None or "\ufffd" in content or (
            body.get_content_charset() is None and not content.isascii()):
        raw = body.get_payload(decode=True) or b""
        try:
            content = decode_text(raw, source)[0]
        except Unreadable:
            content = raw.decode("utf-8", "replace")
    return content


def _body(msg: EmailMessage, source: Source) -> tuple[str, EmailMessage | None]:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", None
    content = _body_text(body, source)
    if body.get_content_subtype() == "html":
        return html_to_text(content)[0], body
    return normalise_text(content).strip(), body


def read_eml(source: Source, ctx: Context) -> list[ReadResult]:
    """Read the message, then each attachment through :func:`~graph_etl.readers.read`.

    An attachment fakefree cannot read (a photo, a password-protected file) is skipped, reported
    to ``ctx.on_skip`` and listed in the message's ``meta['skipped']``; a bomb or an unsafe
    archive refuses the whole message.
    """
    from graph_etl.readers.dispatch import read_source

    if ctx.depth >= ctx.max_depth:
        raise source.refuse("bomb", f"nests messages or archives more than {ctx.max_depth} "
                                    f"levels deep.")
    msg = BytesParser(policy=policy.default).parsebytes(source.read_bytes())
    if not msg.keys():
        raise source.refuse("corrupt", "is not an e-mail message: it has no headers.")
    meta = _meta(msg)
    text, body = _body(msg, source)
    language = _header(msg, "content-language")
    results: list[ReadResult] = []
    attachments: list[str] = []
    skipped: list[dict[str, str]] = []
    taken: set[str] = set()
    inner = ctx.nested()
    for index, part in enumerate(_leaves(msg), start=1):
        if part is body:
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        is_message = part.get_content_type() == "message/rfc822"
        if not (filename or disposition == "attachment" or is_message):
            continue  # the other alternative of the body, or an unnamed inline image
        name = _safe_name(filename, part, index, taken)
        attachments.append(name)
        data = _payload(part)
        child = Source(path=f"{source.path}#attachment/{name}",
                       label=f"{source.label}#attachment/{name}", filename=name, data=data)
        if len(data) > ctx.max_bytes or not ctx.budget.spend(len(data)):
            raise child.refuse("bomb", "takes the attachments of its message past the size "
                                       "limit.")
        try:
            results.extend(read_source(child, inner))
        except Unreadable as exc:
            if exc.reason in {"bomb", "unsafe"}:
                raise
            ctx.skipped(exc)
            skipped.append({"path": exc.path, "reason": exc.reason, "message": str(exc)})
    meta["attachments"] = attachments
    if skipped:
        meta["skipped"] = skipped
    message = source.result(reader="eml", media_type="message/rfc822", text=text,
                            language_hint=language, meta=meta)
    return [message, *results]
