"""Reading and extraction on the workers of a Dask distributed cluster (``--executor dask://``).

Only the pure step runs remotely: a worker gets a file's metadata, reads the file from the path
it shares with the client (a shared or network file system) and returns the extraction. The
client keeps resolution, the batched store writes and the ledger, and takes results in input
order, so a distributed ingest gives the same graph as a local one and stays idempotent.
At most ``window`` files are in flight, so memory stays bounded on both sides.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from fakefree.errors import StoreUnavailable

__all__ = ["dask_address", "dask_prepared"]

log = logging.getLogger(__name__)

T = TypeVar("T")


def dask_address(executor: str) -> str:
    """The scheduler address of a ``dask://HOST:PORT`` executor.

    >>> dask_address("dask://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    return "tcp://" + executor.removeprefix("dask://")


def dask_prepared(executor: str, prepare: Callable[..., T], todo: Sequence[tuple[Any, str]],
                  options: Any, *, window: int | None = None) -> Iterator[T]:
    """``prepare(meta, sha, options)`` for each of ``todo`` on the cluster, yielded in order."""
    from distributed import Client

    address = dask_address(executor)
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise StoreUnavailable(f"Cannot reach the Dask scheduler at {address}: {exc}.") from exc
    with client:
        threads = sum(client.nthreads().values()) or 1
        window = window or 4 * threads
        log.info("dask: %d worker threads at %s, %d files in flight", threads, address, window)
        pending: deque = deque()
        items = iter(todo)
        for meta, sha in items:
            pending.append(client.submit(prepare, meta, sha, options, pure=False))
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            result = future.result()
            future.release()
            nxt = next(items, None)
            if nxt is not None:
                pending.append(client.submit(prepare, nxt[0], nxt[1], options, pure=False))
            yield result
