"""Shared fixtures: one loaded pipeline for the whole test run."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_32bff10e8c9dff9f.txt"


@pytest.fixture(scope="session")
def nlp():
    from claimex.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """``extract(text) -> Article`` with the shared pipeline."""
    from claimex.pipeline import to_record

    def run(text: str, source: str = "-"):
        return to_record(nlp(text), source)

    return run
