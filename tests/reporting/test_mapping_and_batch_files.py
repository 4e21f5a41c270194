"""Field mappings are data; batch files carry a manifest that catches any damage."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from hotel_desk.reporting.batch_file import BatchFileError, BatchFileTransport, read_manifest
from hotel_desk.reporting.mapping import (
    MappingError,
    MappingFileError,
    bundled_mappings,
    load_mapping,
)
from hotel_desk.reporting.protocol import RecordStatus
from hotel_desk.reporting.validation import RECORD_FIELDS, validate_record
from tests.reporting.conftest import HOTEL_ID, outgoing, sample_payload


def test_default_mapping_gives_a_valid_intake_record() -> None:
    mapping = load_mapping()
    assert mapping.layout == "intake-v1" and mapping.columns == list(RECORD_FIELDS)
    record = mapping.apply(sample_payload(), {"hotel_id": HOTEL_ID})
    assert validate_record(record, hotel_id=HOTEL_ID) == []
    assert record["event_time"].endswith("Z") and record["check_in_time"].endswith("Z")
    assert record["visa_number"] is None  # empty text is "not given", not an empty string
    assert record["nationality"] == "D<<"


def test_empty_hotel_code_falls_back_to_the_authenticated_hotel() -> None:
    payload = {**sample_payload(), "hotel_code": ""}
    assert load_mapping().apply(payload, {"hotel_id": "H1"})["hotel_code"] == "H1"


def test_vendor_layout_is_only_data() -> None:
    assert {"intake-v1", "vendor-flat-example"} <= set(bundled_mappings())
    vendor = load_mapping("vendor-flat-example")
    record = vendor.apply(sample_payload(), {"hotel_id": HOTEL_ID})
    assert record["XB"] == "2" and record["CSRQ"] == "19840812" and record["BGLX"] == "1"
    assert record["RZSJ"] == "20261122143000"  # 06:30 UTC is 14:30 in Shanghai
    with pytest.raises(MappingError) as err:
        vendor.apply({**sample_payload(), "kind": "mystery"})
    assert err.value.field == "BGLX"


def test_mapping_file_errors_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"format": "hotel_desk.field_mapping/1", "fields": [{"name": "a", "source": "x",
                                                                                    "transform": ["shout"]}]}))
    with pytest.raises(MappingFileError, match="unknown transform"):
        load_mapping(str(bad))
    with pytest.raises(MappingFileError, match="no field mapping"):
        load_mapping("no-such-city")
    with pytest.raises(MappingError) as err:
        load_mapping().apply({**sample_payload(), "event_time": "yesterday"})
    assert err.value.field == "event_time"


def test_validation_rules_by_kind() -> None:
    mapping = load_mapping()
    checkout = sample_payload(kind="check_out")
    checkout["guest"]["check_out_time"] = "2026-11-21T10:00:00+08:00"  # before the check-in
    errors = validate_record(mapping.apply(checkout), hotel_id=HOTEL_ID)
    assert [(e.field, e.code) for e in errors] == [("check_out_time", "out_of_range")]
    correction = sample_payload(kind="correction")
    assert [e.field for e in validate_record(mapping.apply(correction), hotel_id=HOTEL_ID)] == ["corrects_report_id"]
    other = validate_record(mapping.apply(sample_payload()), hotel_id="SOMEONE-ELSE")
    assert [(e.field, e.code) for e in other] == [("hotel_code", "mismatch")]
    assert validate_record({"report_kind": "check_in", "bogus": 1})[0].code == "unknown_field"


def test_batch_file_export_and_manifest(tmp_path: Path) -> None:
    reports = [outgoing(sample_payload(room=str(i), surname="ZHANG")) for i in range(3)]
    mapping = load_mapping()
    t = BatchFileTransport(tmp_path, columns=mapping.columns, hotel_id=HOTEL_ID, layout=mapping.layout, training=True)
    outcome = t.submit(reports)
    assert {r.status for r in outcome.results} == {RecordStatus.HANDED_OVER}
    export = t.exports[0]
    assert export.path.name.startswith("batch-") and not list(tmp_path.glob(".tmp-*"))
    # The SHA256SUMS file is the standard tool's format.
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=export.path, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = read_manifest(export.path)
    assert manifest["report_ids"] == [r.report_id for r in reports] and manifest["record_count"] == 3
    with open(export.path / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["room"] for r in rows] == ["0", "1", "2"] and rows[0]["idempotency_key"] == reports[0].idempotency_key
    body = json.loads((export.path / "reports.json").read_text(encoding="utf-8"))
    assert body["records"][2]["record"]["room"] == "2"
    assert hashlib.sha256((export.path / "reports.json").read_bytes()).hexdigest() == manifest["sha256"]["reports.json"]
    # Any change to a file is caught before anyone confirms the batch.
    with open(export.path / "reports.csv", "ab") as fh:
        fh.write(b"extra\r\n")
    with pytest.raises(BatchFileError, match=r"reports\.csv"):
        read_manifest(export.path)
    with pytest.raises(BatchFileError):
        read_manifest(tmp_path)
