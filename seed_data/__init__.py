"""The synthetic corpus of fakefree: a deterministic generator of counterfeiting cases, their
documents (txt, eml, pdf, docx, csv, xlsx in English, French and Spanish) and ground truth.

``fakefree seed generate --cases 12 --seed 7 -o seed_data/demo`` regenerates the committed demo;
:func:`truth_batch` turns a generated corpus into the true graph for a store.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["generate", "truth_batch", "DEMO_DIR", "DEMO_CASES", "DEMO_SEED"]

DEMO_DIR = Path(__file__).parent / "demo"
DEMO_CASES = 12
DEMO_SEED = 7


def generate(*args, **kwargs):  # noqa: D103 - re-exported lazily (heavy imports)
    from seed_data.generate import generate as _generate

    return _generate(*args, **kwargs)


generate.__doc__ = "Generate a corpus; see :func:`seed_data.generate.generate`."


def truth_batch(out_dir: Path):
    """The TRUE graph of a generated corpus as a :class:`graph_etl.store.Batch`; see
    :func:`seed_data.truth_graph.truth_batch`."""
    from seed_data.truth_graph import truth_batch as _truth_batch

    return _truth_batch(out_dir)
