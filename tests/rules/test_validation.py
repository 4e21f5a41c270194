"""The one record validation (issue 12, phase 2): lengths from the record's table, character sets, plausible
dates against an injected today, the page image by its content; every finding names its field, in English
and Chinese, with a stable code and the intake protocol's error code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import Severity
from hotel_desk.rules import gate, record
from hotel_desk.rules.validation import (
    CATALOGUE,
    INTAKE_CODES,
    MAX_PAGE_IMAGE_BYTES,
    VISA_TYPES,
    check_record,
    latest_day,
)

TODAY = date(2031, 5, 14)  # any day: nothing here reads the real date
GOOD = {
    "surname_en": "O'NEIL-SMITH", "given_names_en": "ANNA MARIA", "chinese_name": "约翰·史密斯", "sex": "F",
    "birth_date": date(1985, 1, 1), "nationality": "D<<", "document_type": "passport", "document_number": "C01X00T47",
    "document_expiry": TODAY + timedelta(days=900), "visa_type": "L", "visa_number": "E12345678",
    "stay_until": TODAY + timedelta(days=30), "entry_date": TODAY - timedelta(days=2), "port_of_entry": "PVG",
    "room": "1208", "planned_departure": TODAY + timedelta(days=3), "came_from": "Beijing", "going_to": "Xi'an",
    "reason": "tourism", "issuing_state": "D<<",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _codes(values: dict[str, object], **kw: object) -> list[tuple[str | None, str]]:
    return [(f.field, f.code) for f in check_record({**GOOD, **values}, arrival=TODAY, today=TODAY, **kw)]


def test_a_good_record_passes_and_so_do_its_edges() -> None:
    assert check_record(GOOD, arrival=TODAY, today=TODAY, page_image=PNG) == []
    # Arrival on the day of entry, a newborn, departure the same day, a lower-case name as typed at the form.
    edges = {"entry_date": TODAY, "birth_date": TODAY, "planned_departure": TODAY, "stay_until": TODAY,
             "surname_en": "müller".replace("ü", "u")}
    assert _codes(edges) == []
    assert check_record({"room": "", "surname_en": None}) == []  # blanks are the gate's "required" rule


@pytest.mark.parametrize(("key", "value", "code"), [
    ("room", "1" * 11, "record.too_long"),  # the record's limit (10), not the column's (20)
    ("surname_en", "A" * 61, "record.too_long"),
    ("reason", "x" * 101, "record.too_long"),
    ("room", "08\n15", "record.control_characters"),
    ("reason", "tourism\x00", "record.control_characters"),
    ("came_from", "Beijing\u202e", "record.control_characters"),  # a bidi override
    ("surname_en", "MÜLLER", "record.latin_letters"),
    ("given_names_en", "SARAH2", "record.latin_letters"),
    ("chinese_name", "ZHANG", "record.han_characters"),
    ("chinese_name", "张Wei", "record.han_characters"),
    ("sex", "Q", "record.code"),
    ("visa_type", "PERMIT", "record.code"),  # what the form used to offer; the intake never accepted it
    ("document_type", "PASSPORT", "record.code"),
    ("nationality", "GERMANY", "record.too_long"),
    ("nationality", "D1<", "record.format"),
    ("document_number", "AB 1234", "record.format"),
    ("surname_en", 42, "record.not_text"),
])
def test_lengths_characters_and_codes_name_the_field(key: str, value: object, code: str) -> None:
    assert _codes({key: value}) == [(key, code)]


@pytest.mark.parametrize(("values", "expected"), [
    ({"birth_date": date(1850, 1, 1)}, ("birth_date", "record.date_range")),
    ({"document_expiry": date(9999, 12, 31)}, ("document_expiry", "record.date_range")),
    ({"birth_date": TODAY + timedelta(days=1), "entry_date": None}, ("birth_date", "record.born_after_arrival")),
    ({"entry_date": date(1980, 1, 1)}, ("entry_date", "record.entry_before_birth")),
    ({"entry_date": TODAY + timedelta(days=1)}, ("entry_date", "record.entry_after_arrival")),
    ({"document_expiry": TODAY - timedelta(days=1)}, ("document_expiry", "record.expired")),
    ({"planned_departure": TODAY - timedelta(days=1)}, ("planned_departure", "record.departure_before_arrival")),
    ({"stay_until": TODAY - timedelta(days=3)}, ("stay_until", "record.stay_before_entry")),
])
def test_dates_are_plausible_against_each_other_and_the_arrival(values: dict[str, object],
                                                                expected: tuple[str, str]) -> None:
    assert _codes(values) == [expected]


def test_entry_is_not_in_the_future_of_an_injected_today() -> None:
    later = TODAY + timedelta(days=3)
    # A correction judged without an arrival: only `today` says the entry date is in the future.
    found = check_record({"entry_date": later}, today=TODAY)
    assert [(f.field, f.code) for f in found] == [("entry_date", "record.entry_in_future")]
    assert check_record({"entry_date": later}, today=later) == []
    assert check_record({"entry_date": later}) == []  # no today given: nothing to say


def test_a_utc_check_in_time_is_met_with_a_days_slack() -> None:
    # 23:30 UTC on the 13th is the 14th in Shanghai: an entry on the 14th is not "after the check-in".
    check_in = datetime(2031, 5, 13, 23, 30, tzinfo=UTC)
    assert check_record({"entry_date": TODAY, "check_in_time": check_in}) == []
    found = check_record({"entry_date": TODAY + timedelta(days=2), "check_in_time": check_in})
    assert [f.code for f in found] == ["record.entry_after_arrival"]
    out = check_record({"check_in_time": check_in, "check_out_time": check_in - timedelta(minutes=1)})
    assert [f.code for f in out] == ["record.check_out_before_check_in"]


def test_latest_day_is_the_furthest_local_date_anywhere() -> None:
    assert latest_day(datetime(2031, 5, 13, 9, 59, tzinfo=UTC)) == date(2031, 5, 13)
    assert latest_day(datetime(2031, 5, 13, 10, 0, tzinfo=UTC)) == date(2031, 5, 14)  # 00:00 at UTC+14
    assert latest_day(datetime(2031, 5, 14, 2, 0, tzinfo=timezone(timedelta(hours=8)))) == date(2031, 5, 14)


def test_the_page_image_is_judged_by_its_content() -> None:
    assert _codes({}, page_image=b"root:x:0:0:root:/root:/bin/bash\n") == [("page_image", "page_image.not_image")]
    big = b"\xff\xd8\xff" + b"\x00" * MAX_PAGE_IMAGE_BYTES
    assert _codes({}, page_image=big) == [("page_image", "page_image.too_large")]
    assert _codes({}, page_image=PNG) == [] and _codes({}, page_image=None) == []


def test_findings_say_the_field_in_both_languages_and_carry_the_intakes_code() -> None:
    [finding] = check_record({"room": "1" * 11})
    assert finding.severity is Severity.ERROR and finding.field == "room"
    assert finding.message_en == "The room number is longer than 10 characters."
    assert finding.message_zh == "房间号超过 10 个字符。"
    assert INTAKE_CODES[finding.code] == "too_long"
    assert set(INTAKE_CODES.values()) <= {"invalid_format", "too_long", "unknown_code", "out_of_range", "expired"}
    for code, (_wire, en, zh) in CATALOGUE.items():
        assert en and zh, code


def test_the_lengths_are_the_record_tables() -> None:
    """One place for a field's size: a value one character over `record.limit` is too long, whatever field."""
    for spec in record.FIELDS:
        longest = record.limit(spec.key)
        if spec.type in (record.FieldType.TEXT, record.FieldType.DIGEST) and longest is not None:
            assert [f.code for f in check_record({spec.key: "A" * (longest + 1)})] == ["record.too_long"], spec.key


def test_the_forms_visa_types_are_the_intakes() -> None:
    assert {"RESIDENCE_PERMIT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "VISA_FREE", "L", "Z"} <= set(VISA_TYPES)


# -- in the gate ----------------------------------------------------------------------------------------------
REQUIRED = {"surname_en": "MARTIN", "document_number": "ZE000509", "nationality": "CAN", "sex": "F", "room": "301"}


def test_the_gate_refuses_what_the_record_validation_refuses_with_the_field_named() -> None:
    verdict = gate.judge({**REQUIRED, "room": "1" * 11}, entry_method="scanner", arrival=TODAY, today=TODAY)
    assert verdict.blocked and [f.code for f in verdict.own] == ["record.too_long"]
    assert verdict.reasons() == ["room: The room number is longer than 10 characters."]
    image = gate.judge(REQUIRED, entry_method="scanner", page_image=b"#!/bin/sh\n")
    assert image.blocked and [f.field for f in image.errors] == ["page_image"]


def test_a_field_the_document_core_refuses_is_not_refused_twice() -> None:
    expired = make_finding("expiry.expired", "expiry_date", date="2031-05-01", arrival=TODAY.isoformat())
    values = {**REQUIRED, "document_expiry": date(2031, 5, 1)}
    verdict = gate.judge(values, entry_method="scanner", findings=[expired], arrival=TODAY, today=TODAY)
    assert [f.code for f in verdict.errors] == ["expiry.expired"]  # not also record.expired
    alone = gate.judge(values, entry_method="scanner", arrival=TODAY, today=TODAY)  # the store: no findings
    assert [f.code for f in alone.errors] == ["record.expired"]
