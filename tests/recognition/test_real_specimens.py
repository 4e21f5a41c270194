"""Correctness on a small fixed set of real specimens (../shared/data/mrz-real/, skipped when absent)."""

from __future__ import annotations

import pytest

from hotel_desk.recognition import read_mrz
from tests.recognition.conftest import REAL_DIR, TODAY

CASES = [
    "tests_passport-td3.png",  # ICAO TD3 specimen, 'UTO' printed with a zero-like O
    "testdata_100_id-che.jpg",  # small TD1 card, 282 px wide
    "testdata_0_pass-lva.jpg",  # MRZ running vertically (page turned 90 degrees)
    "testdata_62_pass-aus.png",  # phone photo, MRZ tilted about 20 degrees
    "testdata_100_visa-usa.jpg",  # MRV-A visa with a text line just above the MRZ
]


@pytest.mark.parametrize("name", CASES)
def test_real_specimen_reads_exactly(real_truth: dict, name: str) -> None:
    result = read_mrz(REAL_DIR / name, today=TODAY)
    assert result.error is None, result.message
    assert list(result.mrz_lines) == real_truth[name]["lines"]
    assert result.document is not None and result.document.check_digits_ok
    assert len(result.char_confidence) == len(result.mrz_lines)
    assert result.region is not None and len(result.region) == 4


def test_turned_page_reports_orientation(real_truth: dict) -> None:
    result = read_mrz(REAL_DIR / "testdata_0_pass-lva.jpg", today=TODAY)
    assert result.orientation in (90, 270)


def test_document_printing_a_wrong_check_digit_is_read_as_printed(real_truth: dict) -> None:
    """real_badcheck: the card prints a failing document-number check digit; the reader must not 'repair'
    it into some other valid MRZ but report the failing check."""
    name = "testdata_33_id-usa.jpg"
    assert real_truth[name]["level"] == "real_badcheck"
    result = read_mrz(REAL_DIR / name, today=TODAY)
    assert list(result.mrz_lines) == real_truth[name]["lines"]
    codes = {f.code for f in result.check.findings}
    assert "check_digit.document_number" in codes
    assert not result.valid
    assert not any(c["why"].startswith("check digit") for c in result.corrections)
