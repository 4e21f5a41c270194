"""Shared fixtures for the recognition tests: the real specimen folder (skipped cleanly when absent) and
generated documents (benchmarks/synthetic), including pages with an MRZ chosen by the test."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_DIR = REPO_ROOT.parent / "shared" / "data" / "mrz-real"
TODAY = date(2026, 1, 15)
FORMAT_OF = {(3, 30): "td1", (2, 36): "td2", (2, 44): "td3"}


@pytest.fixture(scope="session")
def real_truth() -> dict[str, dict]:
    truth = REAL_DIR / "truth.json"
    if not truth.is_file():
        pytest.skip(f"real specimens not available in {REAL_DIR}")
    return json.loads(truth.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def synthetic() -> Callable[..., Any]:
    pytest.importorskip("benchmarks.synthetic")
    from benchmarks.synthetic import generate

    def make(condition: str, index: int = 0, seed: int = 11) -> Any:
        return generate(condition, index + 1, seed=seed)[index]

    return make


@pytest.fixture(scope="session")
def page_with() -> Callable[..., bytes]:
    """A generated document carrying exactly the MRZ `lines`, under a benchmark generator condition."""
    pytest.importorskip("benchmarks.synthetic")
    from benchmarks.synthetic.documents import apply_condition, render_document

    def make(lines: tuple[str, ...], condition: str = "scan_clean", seed: int = 5) -> bytes:
        rng = random.Random(f"test-{seed}-{condition}-{lines[0]}")
        fmt = FORMAT_OF[(len(lines), len(lines[0]))]
        if fmt == "td2" and lines[0].startswith("V"):
            fmt = "mrvb"
        if fmt == "td3" and lines[0].startswith("V"):
            fmt = "mrva"
        fields = {
            "surname": "TEST",
            "given": "CASE",
            "state": lines[0][2:5].replace("<", ""),
            "nationality": "UTO",
            "number": "X",
            "birth": "01 JAN 1990",
            "expiry": "01 JAN 2030",
            "sex": "F",
        }
        doc = render_document(fmt, lines, fields, rng, plain=condition == "plain")
        return apply_condition(doc, condition, rng)

    return make
