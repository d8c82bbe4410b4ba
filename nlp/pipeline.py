"""Load the pipeline for a language and extract from one text.

>>> x = extract("Kevin Xu, the owner of Pacific Orient International Ltd., paid $10,000.")
>>> sorted((e.type, e.name) for e in x.entities if e.type in ("PERSON", "MONEY"))
[('MONEY', '$10,000'), ('PERSON', 'Kevin Xu')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import nlp.components  # noqa: F401  (registers the factories)
import nlp.gazetteer  # noqa: F401
import nlp.events  # noqa: F401
import nlp.relations  # noqa: F401
import nlp.pairs  # noqa: F401
import nlp.packing  # noqa: F401
from nlp.assemble import assemble
from nlp.components import TEXT_KEY, RawMention, RawRelation
from nlp.events import RawEvent
from nlp.language import detect_language
from nlp.model import Extraction
from nlp.packing import doc_records, mark_for_packing
from nlp.tokenizer import add_name_abbreviations

__all__ = ["extract", "extract_many", "load_pipeline", "MODEL_DIR", "chunks", "SUPPORTED"]

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "models" / "fakefree_xx"
SUPPORTED = ("en", "fr", "es")
CHUNK_CHARS = 20_000
_GARBAGE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
ROUNDS_PER_START = 8
"""With several processes, texts read per call of ``nlp.pipe``: this many batches per worker."""
MAX_TOKEN_CHARS = 256
"""Longer runs without white space (no name or identifier is that long) are blanked before
tokenizing: spaCy splits affixes such as ``$`` or ``(`` one at a time, so a run of thousands of
them took minutes (found by fuzzing)."""
_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def blank_long_tokens(text: str) -> str:
    """``text`` with every run of more than :data:`MAX_TOKEN_CHARS` non-space characters
    replaced by as many spaces, so every offset still points into ``text``.

    >>> blank_long_tokens("paid $" + "$" * 300 + " to ACME") == "paid " + " " * 301 + " to ACME"
    True
    """
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=8)
def load_pipeline(language: str = "en", model: str | None = None) -> Language:
    """The spaCy pipeline for ``language`` (cached): ours, or an installed one named ``model``.

    Rule components (gazetteer, identifiers, mentions, roles and relations) are added to either.
    """
    from fakefree.errors import InputError

    if model:
        try:
            pipe = spacy.load(model)
        except OSError as exc:
            raise InputError(f"The spaCy pipeline {model!r} is not installed.") from exc
    else:
        if not (MODEL_DIR / "meta.json").exists():
            raise InputError(f"The shipped model is missing from {MODEL_DIR}; run "
                             "`python -m nlp.training.train`.")
        pipe = spacy.load(MODEL_DIR)
        add_name_abbreviations(pipe)  # a model trained before they were added lacks them
    if "ner" in pipe.pipe_names and "fakefree_gazetteer" not in pipe.pipe_names:
        pipe.add_pipe("fakefree_gazetteer", after="ner")
    if not any(n in pipe.pipe_names for n in ("parser", "senter", "sentencizer")):
        pipe.add_pipe("sentencizer", first=True)
    pipe.add_pipe("fakefree_identifiers", config={"language": language})
    pipe.add_pipe("fakefree_mentions", config={"language": language})
    pipe.add_pipe("fakefree_relations")
    pipe.add_pipe("fakefree_pairs")
    pipe.add_pipe("fakefree_events", config={"language": language})
    pipe.add_pipe("fakefree_pack")
    return pipe


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most about ``size`` characters at line or sentence ends.

    >>> [(o, len(t)) for o, t in chunks("a. " * 10, size=12)]
    [(0, 11), (11, 9), (20, 10)]
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start + size // 2:end]
            cut = max(window.rfind("\n"), window.rfind(". "))
            if cut >= 0:
                end = start + size // 2 + cut + 1
        yield start, text[start:end]
        start = end


def _unreadable(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_GARBAGE.findall(sample)) > 0.1 * len(sample)


def extract(text: str, *, language: str | None = None, model: str | None = None) -> Extraction:
    """Entities and relations of one text (character offsets into ``text``)."""
    return next(iter(extract_many([text], language=language, model=model)))


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _empty_message(text: str) -> str | None:
    if not text or not text.strip():
        return "The text is empty; nothing to extract."
    if _unreadable(text):
        return "The text looks binary or garbled; nothing extracted."
    return None


def _make_doc(pipe: Language, text: str, pack: bool = False) -> Doc:
    """The tokenized ``text``, knowing its text (spaCy's ``doc.text`` joins every token's);
    ``pack``: its records are to cross a process boundary (:mod:`nlp.packing`)."""
    doc = pipe.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return mark_for_packing(doc) if pack else doc


def extract_many(texts: Iterable[str], *, language: str | None = None, model: str | None = None,
                 batch_size: int = 64, n_process: int = 1) -> Iterator[Extraction]:
    """:func:`extract` over many texts, streaming their chunks through ``nlp.pipe`` in batches.

    Memory stays bounded: texts are read ``batch_size`` at a time and cut into chunks. With
    ``n_process`` > 1, spaCy starts its worker processes at each call of ``nlp.pipe``, so texts
    are read :data:`ROUNDS_PER_START` times as many at a time.
    """
    per_round = batch_size if n_process <= 1 else batch_size * n_process * ROUNDS_PER_START
    for batch in _batches(texts, per_round):
        langs = [language or (detect_language(t) if not _empty_message(t) else "en")
                 for t in batch]
        found: list[tuple[list[RawMention], list[RawRelation], list[RawEvent]]] = [
            ([], [], []) for _ in batch]
        for lang in dict.fromkeys(langs):
            pipe = load_pipeline(lang, model)
            jobs = ((_make_doc(pipe, piece, n_process > 1), (i, offset)) for i, t in enumerate(batch)
                    if langs[i] == lang and not _empty_message(t)
                    for offset, piece in chunks(blank_long_tokens(t)))
            for doc, (i, offset) in pipe.pipe(jobs, as_tuples=True, batch_size=batch_size,
                                              n_process=n_process):
                records = doc_records(doc)
                for m in records.mentions:
                    m.start += offset
                    m.end += offset
                    found[i][0].append(m)
                for r in records.relations:
                    r.start += offset
                    r.end += offset
                    found[i][1].append(r)
                for ev in records.events:
                    ev.shift(offset)
                    found[i][2].append(ev)
        for text, lang, (mentions, relations, events) in zip(batch, langs, found):
            message = _empty_message(text)
            if message:
                yield Extraction(language=lang, messages=[message])
                continue
            result = assemble(lang, mentions, relations, text, events)
            if not result.entities:
                result.messages.append("No entity found in the text.")
            yield result
