"""`hotel-desk selftest` on any day: the installer runs it, so it must pass whatever the date, and say so when
the computer's clock is wrong."""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime

import pytest

from hotel_desk.ui.selftest import EXPECTED, SAMPLE_DRAWN_ON, judge_clock, run


def _run(monkeypatch, now: datetime | None = None) -> str:  # type: ignore[no-untyped-def]
    for name in ("HOTEL_DESK_DATA_DIR", "HOTEL_DESK_CONFIG_DIR"):
        monkeypatch.setenv(name, os.environ[name])  # restored after the self-test points them elsewhere
    out = io.StringIO()
    code = run(out, timeout=60.0, now=now)
    return f"{code}\n{out.getvalue()}"


def test_selftest_passes_today(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On the real date (the point of this test: the installer runs it on whatever day it is)."""
    text = _run(monkeypatch)
    assert text.startswith("0\n"), text
    assert "receipt" in text and "TRN-" in text and text.rstrip().splitlines()[-1].startswith("PASS")


def test_selftest_passes_after_the_sample_has_expired(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = _run(monkeypatch, now=datetime(2034, 2, 1, 3, 0, tzinfo=UTC))
    assert text.startswith("0\n"), text
    assert f"checked as on {SAMPLE_DRAWN_ON.isoformat()}" in text and "TRN-" in text


def test_selftest_fails_on_a_clock_before_the_release(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = _run(monkeypatch, now=datetime(2001, 1, 1, 3, 0, tzinfo=UTC))
    assert text.startswith("1\n"), text
    assert "2001-01-01" in text and "set the right date" in text and "FAIL" in text


@pytest.mark.parametrize(("today", "shifted"), [
    (date(2027, 3, 1), False),
    (date(2033, 4, 1), False),     # two months and more before the expiry: the real day
    (date(2033, 5, 15), True),     # too close to the expiry for a stay: the sample's own day
    (date(2040, 1, 1), True),
])
def test_clock_judgement(today: date, shifted: bool) -> None:
    start, note, ok = judge_clock(datetime.combine(today, datetime.min.time(), tzinfo=UTC).replace(hour=4))
    assert ok
    assert (start is not None) is shifted
    if start is not None:
        assert start.date() == SAMPLE_DRAWN_ON
        assert EXPECTED["document_expiry"] in note
