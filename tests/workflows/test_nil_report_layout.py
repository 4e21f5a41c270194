"""The nil report in the reporting layer: a mapping-file option (data, not code) says whether a layout expects
one, its record is the layout's fields over the nil payload, and the intake's validation knows the kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotel_desk.reporting.mapping import MappingFileError, load_mapping
from hotel_desk.reporting.validation import validate_record


def nil_payload() -> dict[str, object]:
    return {"report_id": "0b7e5c1e-6c1b-4d8c-9a52-1d2f7c9a0e11", "kind": "nil", "registration_id": None,
            "corrects_report_id": None, "event_time": "2026-11-20T16:00:00.000000+00:00",
            "deadline_at": "2026-11-21T16:00:00.000000+00:00", "hotel_code": "310106A001",
            "substation_code": "JA-07", "report_date": "2026-11-20", "guest": None}


def test_the_option_is_per_layout() -> None:
    intake = load_mapping("intake-v1")
    assert intake.nil_report is not None and intake.nil_report.catch_up_days == 7
    assert load_mapping("vendor-flat-example").nil_report is None  # that layout has no nil report


def test_a_nil_record_in_intake_v1_is_valid_and_names_nobody() -> None:
    record = load_mapping("intake-v1").apply(nil_payload())
    assert record["report_kind"] == "nil" and record["report_date"] == "2026-11-20"
    assert record["surname_en"] is None and record["document_number"] is None and record["room"] is None
    assert validate_record(record, hotel_id="310106A001") == []
    no_day = {**record, "report_date": None}
    assert [(e.field, e.code) for e in validate_record(no_day)] == [("report_date", "required")]
    named = {**record, "surname_en": "SMITH"}
    assert [(e.field, e.code) for e in validate_record(named)] == [("surname_en", "unexpected")]


def test_a_check_in_record_carries_no_report_date() -> None:
    payload = {**nil_payload(), "kind": "check_in", "guest": {"surname_en": "SMITH"}}
    del payload["report_date"]
    assert load_mapping("intake-v1").apply(payload)["report_date"] is None


def test_a_bad_option_is_refused(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[2] / "hotel_desk" / "reporting" / "mappings" / "intake-v1.json"
    raw = json.loads(bundled.read_text(encoding="utf-8"))
    raw["nil_report"] = {"catch_up_days": 0}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(MappingFileError, match="catch_up_days"):
        load_mapping(str(path))
    raw["nil_report"] = "yes"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(MappingFileError, match="nil_report must be an object"):
        load_mapping(str(path))
