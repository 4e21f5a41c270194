"""The guest record's field table agrees with the database columns, the payload and the desk's form values."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Date, String

from hotel_desk.rules import record
from hotel_desk.store.models import Guest, Registration, TravelDocumentRecord
from hotel_desk.store.types import UtcDateTime

TABLES = {record.Part.GUEST: Guest, record.Part.DOCUMENT: TravelDocumentRecord, record.Part.STAY: Registration}


def test_every_field_is_a_column_of_its_part_with_the_same_size() -> None:
    for spec in record.FIELDS:
        column = TABLES[spec.part].__table__.columns[spec.column]
        if spec.type in (record.FieldType.TEXT, record.FieldType.DIGEST):
            assert isinstance(column.type, String) and column.type.length == spec.max_length, spec.key
        elif spec.type is record.FieldType.DATE:
            assert isinstance(column.type, Date), spec.key
        else:
            assert isinstance(column.type, UtcDateTime), spec.key


def test_the_payload_keys_are_the_reported_fields_in_order() -> None:
    assert record.PAYLOAD_KEYS[:3] == ("surname_en", "given_names_en", "chinese_name")
    assert "issuing_state" not in record.PAYLOAD_KEYS and len(record.PAYLOAD_KEYS) == 22
    assert "document_photo_sha256" not in record.CORRECTABLE


def test_the_desks_entry_carries_every_field_the_receptionist_confirms() -> None:
    from hotel_desk.desk.views import GuestEntry

    names = {f.name for f in dataclasses.fields(GuestEntry)}
    typed = {f.key for f in record.FIELDS if f.type in (record.FieldType.TEXT, record.FieldType.DATE)}
    assert typed - {"document_photo_sha256"} <= names


def test_a_fields_limit_is_what_the_police_record_takes_within_its_column() -> None:
    assert record.limit("room") == 10 and record.limit("surname_en") == 60 and record.limit("sex") == 1
    for spec in record.FIELDS:
        if spec.longest is not None:
            assert spec.max_length is not None and spec.longest <= spec.max_length, spec.key
