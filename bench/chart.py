"""The chart of ``fakefree bench all``: load rate and query latency against corpus size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["write_chart"]

_STYLE = {"embedded": "-", "neo4j": "--", "neo4j-import": ":"}


def write_chart(results: dict[str, Any], path: Path) -> Path:
    """Draw the 1k / 10k / 100k curves of ``results`` into a PNG at ``path``.

    The same results give the same bytes (Agg backend, no timestamp or software metadata).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    fig, (load_ax, query_ax) = plt.subplots(1, 2, figsize=(12, 4.8), dpi=100)
    for backend, style in _STYLE.items():
        rows = sorted((r for r in results["load"]
                       if r["backend"] == backend and "error" not in r),
                      key=lambda r: r["documents"])
        if rows:
            load_ax.plot([r["documents"] for r in rows], [r["per_second"] for r in rows],
                         style, marker="o", label=f"fakefree {backend}")
        for naive in (r for r in results["naive"] if r["backend"] == backend):
            load_ax.scatter([naive["documents"]], [naive["per_second"]], marker="x", s=60,
                            label=f"naive one-row-per-statement {backend}")
    load_ax.set(xscale="log", yscale="log", xlabel="documents in the store",
                ylabel="nodes + relationships per second", title="Bulk load")
    load_ax.legend(fontsize=8)
    queries = sorted({r["query"] for r in results["queries"]})
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, query in enumerate(queries):
        for backend, style in _STYLE.items():
            rows = sorted((r for r in results["queries"]
                           if r["query"] == query and r["backend"] == backend),
                          key=lambda r: r["documents"])
            if rows:
                query_ax.plot([r["documents"] for r in rows], [r["median_ms"] for r in rows],
                              style, marker="o", color=colours[i % len(colours)],
                              label=f"{query} ({backend})")
    query_ax.set(xscale="log", yscale="log", xlabel="documents in the store",
                 ylabel="median latency (ms)", title="Query latency")
    query_ax.legend(fontsize=7, ncol=2)
    sizes = sorted({r["documents"] for r in results["load"] + results["queries"]})
    for ax in (load_ax, query_ax):
        ax.set_xticks(sizes, [_short(n) for n in sizes])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None})
    plt.close(fig)
    return path


def _short(n: int) -> str:
    """``1000`` -> ``1k``, ``100000`` -> ``100k``."""
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)
