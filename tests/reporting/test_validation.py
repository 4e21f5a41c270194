"""One validation of a record (issue 12, case 5): what the intake refuses is refused by the same function at
the desk, naming the field; dates are checked against each other, never against today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.protocol import RecordStatus
from hotel_desk.reporting.validation import validate_payload, validate_record
from hotel_desk.rules.validation import page_image_finding, page_image_format
from tests.reporting.conftest import HOTEL_ID, http_transport, outgoing, sample_payload


def _guest(**changes: Any) -> dict[str, Any]:
    payload = sample_payload()
    payload["guest"] = {**payload["guest"], **changes}
    return payload


# What a careful tester typed at `register` (the list), each with the field the desk must name.
REFUSED = {
    "a 5000-character room": (_guest(room="1" * 5000), "room", "too_long"),
    "a control character in the room": (_guest(room="08\n15"), "room", "invalid_format"),
    "a NUL in the reason": (_guest(reason="tourism\x00"), "reason", "invalid_format"),
    "a bidi override in where from": (_guest(came_from="Beijing\u202e"), "came_from", "invalid_format"),
    "a 500-letter surname": (_guest(surname_en="A" * 500), "surname_en", "too_long"),
    "Latin letters as the Chinese name": (_guest(chinese_name="ZHANG"), "chinese_name", "invalid_format"),
    "born in 1850": (_guest(birth_date="1850-01-01"), "birth_date", "out_of_range"),
    "born after the check-in": (_guest(birth_date="2027-01-01"), "birth_date", "out_of_range"),
    "arrival in 1900, before birth": (_guest(check_in_time="1900-01-02T12:00:00+08:00"), "birth_date", "out_of_range"),
    "entry in 1800": (_guest(entry_date="1800-01-01"), "entry_date", "out_of_range"),
    "entry after the check-in (2030)": (_guest(entry_date="2030-01-01"), "entry_date", "out_of_range"),
    "entry before birth": (_guest(entry_date="1980-01-01"), "entry_date", "out_of_range"),
    "a document expiring in 9999": (_guest(document_expiry="9999-12-31"), "document_expiry", "out_of_range"),
    "departure before the check-in": (_guest(planned_departure="2026-11-01"), "planned_departure", "out_of_range"),
    "a stay limit before the entry": (_guest(stay_until="2026-11-01"), "stay_until", "out_of_range"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_at_the_desk_with_the_field_named(case: str) -> None:
    payload, field, code = REFUSED[case]
    errors = validate_payload(payload, hotel_id=HOTEL_ID)
    assert (field, code) in [(e.field, e.code) for e in errors], errors


def test_a_good_registration_passes_and_edges_are_allowed() -> None:
    assert validate_payload(sample_payload(), hotel_id=HOTEL_ID) == []
    # A transliterated foreign name in Chinese; arrival on the day of entry; a newborn; departure same day.
    fine = _guest(chinese_name="约翰·史密斯", entry_date="2026-11-22", birth_date="2026-11-22",
                  planned_departure="2026-11-22", stay_until="2026-11-22")
    assert validate_payload(fine, hotel_id=HOTEL_ID) == []


def test_the_intake_refuses_the_same_records(intake: IntakeServer) -> None:
    """Same function, same verdict: what the desk refuses, the training intake refuses, field for field."""
    cases = list(REFUSED.values())
    reports = [outgoing(payload) for payload, _, _ in cases]
    with http_transport(intake.url) as t:
        outcome = t.submit(reports, check_only=True)
    for (payload, field, code), result in zip(cases, outcome.results, strict=True):
        assert result.status is RecordStatus.REJECTED
        assert (field, code) in [(e.field, e.code) for e in result.errors]
        assert [e.to_dict() for e in result.errors] == [e.to_dict() for e in validate_payload(payload, hotel_id=HOTEL_ID)]


def test_a_value_the_layout_cannot_hold_is_named() -> None:
    errors = validate_payload(_guest(birth_date="12/08/1984"), hotel_id=HOTEL_ID)
    assert errors and errors[0].field == "birth_date"


def test_hotel_code_must_be_this_hotels() -> None:
    record = {**outgoing(sample_payload()).record, "hotel_code": "SOMEONE-ELSE"}
    assert [(e.field, e.code) for e in validate_record(record, hotel_id=HOTEL_ID)] == [("hotel_code", "mismatch")]


def test_the_page_image_must_be_an_image(tmp_path: Path) -> None:
    """`document_photo: "/etc/passwd"` was stored as the page image: the content decides, not the name."""
    passwd = b"root:x:0:0:root:/root:/bin/bash\n"
    error = page_image_finding(passwd)
    assert error is not None and error.field == "page_image" and error.code == "page_image.not_image"
    assert page_image_finding(None) is None and page_image_finding(b"") is None
    big = page_image_finding(b"\xff\xd8\xff" + b"\x00" * (21 * 1024 * 1024))
    assert big is not None and big.code == "page_image.too_large"
    from PIL import Image

    for fmt in ("PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP"):
        path = tmp_path / f"page.{fmt.lower()}"
        Image.new("RGB", (8, 8)).save(path, format=fmt)
        data = path.read_bytes()
        assert page_image_format(data) == fmt and page_image_finding(data) is None
