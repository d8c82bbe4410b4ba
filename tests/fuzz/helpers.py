"""Shared settings of the fuzz tests: a short deterministic run in CI, a longer one on demand.

``FAKEFREE_FUZZ_EXAMPLES=2000 pytest tests/fuzz`` runs that many random examples per test
(new ones each run, failures remembered in ``.hypothesis/``); without it each test runs its
small CI budget with ``derandomize=True``, so CI is deterministic.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

__all__ = ["fuzz_settings", "no_hang", "one_sentence"]

_LONG = int(os.environ.get("FAKEFREE_FUZZ_EXAMPLES", "0") or 0)


def fuzz_settings(ci_examples: int) -> settings:
    """``ci_examples`` deterministic examples, or ``FAKEFREE_FUZZ_EXAMPLES`` random ones."""
    return settings(max_examples=_LONG or ci_examples, deadline=None, derandomize=not _LONG,
                    database=None if not _LONG else settings.default.database,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture],
                    print_blob=True)


@contextmanager
def no_hang(seconds: int = 60) -> Iterator[None]:
    """Fail (``TimeoutError``) if the block runs longer than ``seconds``: a hang is a bug."""
    def expired(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def one_sentence(message: str) -> bool:
    """A message fit for a user: one line, not empty, ending like a sentence."""
    text = message.strip()
    return bool(text) and "\n" not in text and text[-1] in ".!?)»\"'"
