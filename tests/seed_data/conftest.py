"""A fresh generation of the demo corpus, made once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_data import DEMO_CASES, DEMO_DIR, DEMO_SEED


@pytest.fixture(scope="session")
def fresh_demo(tmp_path_factory) -> Path:
    from seed_data.generate import generate

    out = tmp_path_factory.mktemp("demo")
    generate(out, cases=DEMO_CASES, seed=DEMO_SEED)
    return out


@pytest.fixture(scope="session")
def demo() -> Path:
    return DEMO_DIR
