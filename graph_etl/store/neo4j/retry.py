"""Retrying Neo4j work through transient failures: exponential backoff, bounded in attempts and
total time, then one clear :class:`StoreUnavailable` sentence.

Every statement the Neo4j store sends is safe to repeat (writes are idempotent upserts, reads and
schema statements change nothing), so a unit of work whose outcome is unknown (the connection
dropped during the commit) is simply sent again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from neo4j.exceptions import DriverError, IncompleteCommit, Neo4jError, ServiceUnavailable

from fakefree import settings
from fakefree.errors import StoreUnavailable

__all__ = ["RetryPolicy", "retrying", "is_transient"]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """At most ``attempts`` tries, waiting ``first_delay_s``, then twice as long each time, and
    never starting a try once ``max_total_s`` have passed since the first."""

    attempts: int = 6
    first_delay_s: float = 0.5
    max_total_s: float = 60.0

    @classmethod
    def from_settings(cls) -> RetryPolicy:
        return cls(attempts=max(1, int(settings.get("FAKEFREE_NEO4J_RETRY_ATTEMPTS"))),
                   first_delay_s=float(settings.get("FAKEFREE_NEO4J_RETRY_DELAY")),
                   max_total_s=float(settings.get("FAKEFREE_NEO4J_RETRY_MAX_SECONDS")))

    def delays(self) -> list[float]:
        """The waits between tries: ``[0.5, 1.0, 2.0, ...]`` for the defaults."""
        return [self.first_delay_s * 2 ** i for i in range(self.attempts - 1)]


def is_transient(exc: BaseException) -> bool:
    """True for a failure worth retrying: the server unreachable, restarting or busy."""
    if isinstance(exc, (ServiceUnavailable, IncompleteCommit, ConnectionError)):
        return True
    if isinstance(exc, (Neo4jError, DriverError)):
        return exc.is_retryable()
    return False


def retrying(work: Callable[[], T], policy: RetryPolicy, uri: str, *,
             sleep: Callable[[float], None] = time.sleep,
             clock: Callable[[], float] = time.monotonic) -> T:
    """``work()``, tried again after each transient failure as ``policy`` allows.

    Raises :class:`StoreUnavailable` naming ``uri``, the tries and the last cause once the policy
    is spent; any other error passes through unchanged.

    >>> calls = []
    >>> def flaky():
    ...     calls.append(1)
    ...     if len(calls) < 3:
    ...         raise ServiceUnavailable("connection refused")
    ...     return "done"
    >>> retrying(flaky, RetryPolicy(attempts=3, first_delay_s=0.01), "bolt://db:7687")
    'done'
    >>> def down():
    ...     raise ServiceUnavailable("connection refused")
    >>> retrying(down, RetryPolicy(attempts=2, first_delay_s=0.01), "bolt://db:7687")
    Traceback (most recent call last):
    ...
    fakefree.errors.StoreUnavailable: Neo4j at bolt://db:7687 stayed unreachable after 2 tries in 0 s (connection refused); what was written before is kept, so run the command again once the server is back.
    """
    started = clock()
    delays = policy.delays()
    tries = 0
    while True:
        tries += 1
        try:
            return work()
        except Exception as exc:  # noqa: BLE001  (sorted by is_transient below)
            if not is_transient(exc):
                raise
            elapsed = clock() - started
            if tries > len(delays) or elapsed + delays[tries - 1] > policy.max_total_s:
                cause = " ".join((getattr(exc, "message", None) or str(exc)
                                  or type(exc).__name__).split()).rstrip(".:")
                raise StoreUnavailable(
                    f"Neo4j at {uri} stayed unreachable after {tries} tries in {elapsed:.0f} s "
                    f"({cause}); what was written before is kept, so run the command again once "
                    "the server is back.") from exc
            log.warning("Neo4j at %s failed (%s); try %d of %d in %.1f s", uri,
                        type(exc).__name__, tries + 1, policy.attempts, delays[tries - 1])
            sleep(delays[tries - 1])
