"""Throughput of our pipeline against a stock spaCy pipeline on the same texts, in one run."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import spacy

from nlp.pipeline import extract_many, load_pipeline

__all__ = ["BenchResult", "bench_extract", "sample_texts"]


@dataclass
class BenchResult:
    """Words per second of ours and of the reference pipeline, and their ratio."""

    texts: int
    words: int
    ours_words_per_s: float
    reference: str
    reference_words_per_s: float
    ratio: float

    def to_dict(self) -> dict:
        """Plain figures for JSON."""
        return asdict(self)


def sample_texts(n: int = 200, seed: int = 7) -> list[str]:
    """Generated press-release style texts of the test split (no training text)."""
    from nlp.training.generate import generate

    return [s.text for s in generate(n, test=True, seed=seed)]


def bench_extract(texts: Sequence[str], *, reference: str = "blank:en", language: str = "en",
                  workers: int = 1, batch_size: int = 64) -> BenchResult:
    """Time our full extraction and ``reference`` (an installed pipeline or ``blank:en``).

    Each pipeline reads each text once. With one process the two take turns, one batch of
    ``batch_size`` texts each, so that a change in the machine's load in the middle of the run
    weighs on both (the batches are the ones a single pass makes); with ``workers`` processes
    each reads all the texts in one pass (its workers start once).
    """
    words = sum(len(t.split()) for t in texts)
    load_pipeline(language)
    list(extract_many(texts[:2], language=language))
    if reference.startswith("blank:"):
        ref = spacy.blank(reference.split(":", 1)[1])
        ref.add_pipe("sentencizer")
    else:
        ref = spacy.load(reference)
    list(ref.pipe(texts[:2]))
    step = batch_size if workers == 1 else max(len(texts), 1)
    ours = theirs = 0.0
    for at in range(0, len(texts), step):
        part = texts[at:at + step]
        started = time.perf_counter()
        for _ in extract_many(part, language=language, batch_size=batch_size, n_process=workers):
            pass
        ours += time.perf_counter() - started
        started = time.perf_counter()
        for _ in ref.pipe(part, batch_size=batch_size, n_process=workers):
            pass
        theirs += time.perf_counter() - started
    ours_rate = words / max(ours, 1e-9)
    theirs_rate = words / max(theirs, 1e-9)
    return BenchResult(len(texts), words, ours_rate, reference, theirs_rate,
                       ours_rate / theirs_rate)
