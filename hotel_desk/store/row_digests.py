"""Row coverage: the content hash of every row that holds a registration, a guest, a document or a report's
state, as the audit event that created or changed the row records it.

An audit event covering rows carries `details["rows"] = {"<table>:<id>": [digest, prev_seq], ...}`: the
SHA-256 of the row's canonical content after the change, and the seq of the event that covered the row
before (0 when this event created it). The row keeps `row_seq`, the seq of that latest event. `audit verify`
(hotel_desk.store.coverage_check) recomputes each row's digest and compares it with the chain, so an edit
made behind the application's back (a surname, a room, a report set to acknowledged with a made-up receipt)
shows even though the chain itself is intact.

What a digest covers is listed here once per table (`COVERED_COLUMNS`). `row_seq` is not in it (it points
at the event, which cannot hold its own seq's hash), and neither are a report's working columns (attempts,
lease, retry time, last error): the uploader changes those many times a minute and none of them is a fact
the police rely on. A report's state is covered as its *settled* state: queued, sending and
failed_retrying are all "unsent", so claims and retries need no coverage, while every move to rejected,
handed over, acknowledged or confirmed does. The version tag "v" lets a later release change the list
without making old events unverifiable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from hotel_desk.rules.canonical import canonical_json
from hotel_desk.rules.reports import UNSENT_STATES
from hotel_desk.store.audit import iso_utc

#: details key of the covered rows in an audit event.
ROWS = "rows"
VERSION = 1

REGISTRATION, GUEST, DOCUMENT, REPORT = "registration", "guest", "document", "report"
#: The covered tables, by the name used in item keys, with their database table.
TABLES = {REGISTRATION: "registrations", GUEST: "guests", DOCUMENT: "documents", REPORT: "reports"}

COVERED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    REGISTRATION: (
        "id", "property_id", "guest_id", "document_id", "room", "arrival_at", "planned_departure",
        "checked_out_at", "visa_type", "visa_number", "stay_until", "entry_date", "port_of_entry", "came_from",
        "going_to", "reason", "status", "created_by", "created_at", "updated_at",
    ),
    GUEST: ("id", "surname_en", "given_names_en", "chinese_name", "sex", "birth_date", "nationality", "created_at"),
    # The page image itself is covered by its SHA-256 (of the plain image: encryption at rest does not change
    # it) and by whether it is still kept; AES-GCM ties the stored ciphertext to its document id.
    DOCUMENT: (
        "id", "guest_id", "format", "kind", "document_code", "document_number", "issuing_state", "nationality",
        "expiry_date", "mrz", "page_image_sha256", "entry_method", "manual_reason", "page_image_purged_at",
        "created_at",
    ),
    REPORT: (
        "id", "state", "channel", "receipt_id", "raw_answer", "field_errors", "handed_over_at", "handed_over_by",
        "confirmed_at",
    ),
}
#: Columns a digest needs that are not in its canonical content as such.
EXTRA_COLUMNS: Mapping[str, tuple[str, ...]] = {DOCUMENT: ("page_image",)}
UNSENT = "unsent"
_UNSENT = frozenset(s.value for s in UNSENT_STATES)


def _get(row: Any, name: str) -> Any:
    return row[name] if isinstance(row, Mapping) else getattr(row, name)


_AS_IS = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    """Values as canonical JSON holds them: times in UTC with microseconds, dates ISO, the rest as they are."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def content(table: str, row: Any) -> dict[str, Any]:
    """The canonical content of a row of `table` (a model object, or a mapping of its column values)."""
    # One type test per row, not per column: this runs for every row written and every row verified.
    if isinstance(row, dict):
        values = {name: _plain(row[name]) for name in COVERED_COLUMNS[table]}
    else:
        values = {name: _plain(_get(row, name)) for name in COVERED_COLUMNS[table]}
    if table == DOCUMENT:
        values["page_image_kept"] = _get(row, "page_image") is not None
    elif table == REPORT:
        state = values["state"]
        if state in _UNSENT:
            # Unsent: claims and retries move these freely; none has left the building.
            values.update(state=UNSENT, channel=None)
        raw = values.pop("raw_answer")
        values["raw_answer_sha256"] = hashlib.sha256(raw.encode("utf-8")).hexdigest() if raw is not None else None
    return {"v": VERSION, "table": table, "columns": values}


def digest(table: str, row: Any) -> str:
    return hashlib.sha256(canonical_json(content(table, row)).encode("utf-8")).hexdigest()


def key(table: str, row_id: str) -> str:
    return f"{table}:{row_id}"


def split_key(item_key: str) -> tuple[str, str]:
    table, _, row_id = item_key.partition(":")
    return table, row_id


def item(table: str, row: Any, prev_seq: int | None) -> tuple[str, list[Any]]:
    """One covered row for an event's `rows`: its key and [digest, the event that covered it before (0: new)]."""
    return key(table, str(_get(row, "id"))), [digest(table, row), int(prev_seq or 0)]


def registration_items(registration: Any, guest: Any, document: Any, *, new: bool) -> dict[str, list[Any]]:
    """The three rows of one stay, as an event that wrote them covers them (`new`: they were just created)."""
    return dict(
        item(table, row, None if new else _get(row, "row_seq"))
        for table, row in ((REGISTRATION, registration), (GUEST, guest), (DOCUMENT, document))
    )
