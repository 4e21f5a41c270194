"""Shared fixtures for the recognition tests: the real specimen folder (skipped cleanly when absent) and a
few generated documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_DIR = REPO_ROOT.parent / "shared" / "data" / "mrz-real"
TODAY = date(2026, 1, 15)


@pytest.fixture(scope="session")
def real_truth() -> dict[str, dict]:
    truth = REAL_DIR / "truth.json"
    if not truth.is_file():
        pytest.skip(f"real specimens not available in {REAL_DIR}")
    return json.loads(truth.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def synthetic():
    pytest.importorskip("benchmarks.synthetic")
    from benchmarks.synthetic import generate

    def make(condition: str, index: int = 0, seed: int = 11):
        return generate(condition, index + 1, seed=seed)[index]

    return make
