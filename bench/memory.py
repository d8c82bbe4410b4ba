"""Peak memory of this process, for the benchmarks."""

from __future__ import annotations

import resource
from pathlib import Path

__all__ = ["reset_peak", "peak_rss_mb"]


def reset_peak() -> None:
    """Reset this process's RSS high-water mark (Linux ``clear_refs``); no-op elsewhere."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_rss_mb() -> float:
    """This process's RSS high-water mark in MiB since the last :func:`reset_peak`: ``VmHWM`` on
    Linux (reset by exec, unlike ``ru_maxrss``, which a spawned worker inherits from its parent),
    else ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
