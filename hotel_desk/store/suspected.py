"""The police's lists of "suspected error data": each item kept as a worklist entry, matched to a stay, due
by a date, and answered with a correction report or "verified correct" with a note.

- Importing a list is one transaction: every item or none. The same file (by SHA-256) imported again adds
  nothing; an item a later list repeats while the earlier one is still open is not listed twice.
- Matching is hotel_desk.rules.matching's: document number and nationality, the surname as tie-breaker, and an
  ambiguous item keeps its candidates (the receptionist chooses; nothing is guessed).
- Every step is an audit event with a stable action (hotel_desk.store.audit.AuditAction.SUSPECTED_ERROR_*), so
  the liaison's measures can count items, matches and answers. The events carry ids, lines and field names,
  never names or document numbers.

Parsing the police's file is the desk's (hotel_desk.desk.police_lists): the store takes the parsed items.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock, local_zone
from hotel_desk.rules.canonical import canonical_json
from hotel_desk.rules.matching import (
    Candidate,
    MatchRule,
    document_number_key,
    match_listed_item,
    name_key,
    nationality_key,
)
from hotel_desk.store.audit import AuditAction, append_event, sha256_hex
from hotel_desk.store.changes import correct_in_session
from hotel_desk.store.db import Database
from hotel_desk.store.errors import NotFound, StateError, StoreError, require_actor
from hotel_desk.store.models import (
    Guest,
    Registration,
    RegistrationStatus,
    SuspectedErrorImport,
    SuspectedErrorItem,
    SuspectedErrorState,
    TravelDocumentRecord,
    new_id,
)
from hotel_desk.store.property import property_row
from hotel_desk.store.queueing import ReportRef
from hotel_desk.store.reads import display_name, now_of

#: The longest note a "verified correct" answer keeps.
NOTE_MAX = 2000


@dataclass(frozen=True)
class ListedItem:
    """One item of a police list as parsed: its line in the file, the line's fields verbatim, and the values
    the match and the worklist use (`field`: a record key, or "" when the list names no field)."""

    line: int
    raw: Mapping[str, str]
    document_number: str
    nationality: str
    surname: str
    field: str
    problem: str


@dataclass(frozen=True)
class PoliceList:
    file_name: str
    file_sha256: str
    layout: str
    items: Sequence[ListedItem]


@dataclass(frozen=True)
class ImportResult:
    import_id: str
    already_imported: bool  # the same file was imported before: nothing was added
    added: int
    matched: int
    ambiguous: int
    unmatched: int
    repeated: int  # items still open from an earlier list: not listed twice
    due_on: date | None


def _item_key(item: ListedItem) -> str:
    return sha256_hex(canonical_json([document_number_key(item.document_number),
                                      nationality_key(item.nationality), name_key(item.surname), item.field,
                                      " ".join(item.problem.split())]))


def _local_today(session: Session, now: datetime) -> date:
    return now.astimezone(local_zone(property_row(session, None).timezone)).date()


def _candidates(session: Session, number: str) -> list[Candidate]:
    rows = session.execute(
        select(Registration.id, Guest.person_id, TravelDocumentRecord.document_number, Guest.nationality,
               Guest.surname_en, Guest.given_names_en, Guest.birth_date)
        .join(Guest, Guest.id == Registration.guest_id)
        .join(TravelDocumentRecord, TravelDocumentRecord.id == Registration.document_id)
        .where(TravelDocumentRecord.document_number == number,
               Registration.status != RegistrationStatus.CANCELLED.value)
        .order_by(Registration.arrival_at.desc())
    ).all()
    return [Candidate(*row) for row in rows]


def import_suspected_errors(
    db: Database, police_list: PoliceList, *, due_days: int, actor: str, clock: Clock | None = None
) -> ImportResult:
    """Keep every item of a police list as an open worklist entry due `due_days` after today (the property's
    date), matched to a stay where the rules find one. One transaction."""
    actor = require_actor(actor)
    if due_days < 1:
        raise StoreError("the answer to a suspected-error list must be due at least one day after the import")
    now = now_of(clock)
    with db.write() as session:
        prop = property_row(session, None)
        existing = session.execute(select(SuspectedErrorImport)
                                   .where(SuspectedErrorImport.file_sha256 == police_list.file_sha256)
                                   ).scalar_one_or_none()
        if existing is not None:
            return ImportResult(existing.id, True, 0, 0, 0, 0, 0, None)
        due_on = _local_today(session, now) + timedelta(days=due_days)
        batch = SuspectedErrorImport(id=new_id(), property_id=prop.id, file_name=police_list.file_name[:255],
                                     file_sha256=police_list.file_sha256, layout=police_list.layout,
                                     item_count=0, imported_by=actor, imported_at=now)
        session.add(batch)
        session.flush()
        open_keys = set(session.execute(select(SuspectedErrorItem.item_key)
                                        .where(SuspectedErrorItem.state == SuspectedErrorState.OPEN.value)).scalars())
        counts = {"added": 0, "matched": 0, "ambiguous": 0, "unmatched": 0, "repeated": 0}
        for item in police_list.items:
            key = _item_key(item)
            if key in open_keys:
                counts["repeated"] += 1
                continue
            open_keys.add(key)
            number = document_number_key(item.document_number)
            match = match_listed_item(number, item.nationality, item.surname, _candidates(session, number))
            row = SuspectedErrorItem(
                id=new_id(), import_id=batch.id, line=item.line, raw=canonical_json(dict(item.raw)), item_key=key,
                document_number=number, nationality=nationality_key(item.nationality),
                surname=name_key(item.surname), field=item.field, problem=item.problem.strip(),
                registration_id=match.registration_id, match_rule=match.rule.value,
                candidates=json.dumps(list(match.candidates)), due_on=due_on,
                state=SuspectedErrorState.OPEN.value, answer_note="", created_at=now,
            )
            session.add(row)
            session.flush()
            counts["added"] += 1
            counts[{MatchRule.NONE: "unmatched", MatchRule.AMBIGUOUS: "ambiguous"}.get(match.rule, "matched")] += 1
            append_event(session, actor=actor, action=AuditAction.SUSPECTED_ERROR_IMPORTED,
                         entity_type="suspected_error", entity_id=row.id, at=now,
                         details={"import_id": batch.id, "file_sha256": police_list.file_sha256,
                                  "layout": police_list.layout, "line": item.line, "field": item.field,
                                  "due_on": due_on.isoformat(), "match_rule": match.rule.value,
                                  "candidates": len(match.candidates)})
            if match.registration_id is not None:
                _matched_event(session, row, actor=actor, now=now)
        batch.item_count = counts["added"]
        return ImportResult(batch.id, False, counts["added"], counts["matched"], counts["ambiguous"],
                            counts["unmatched"], counts["repeated"], due_on)


def _matched_event(session: Session, row: SuspectedErrorItem, *, actor: str, now: datetime) -> None:
    append_event(session, actor=actor, action=AuditAction.SUSPECTED_ERROR_MATCHED, entity_type="suspected_error",
                 entity_id=row.id, at=now,
                 details={"registration_id": row.registration_id, "match_rule": row.match_rule})


# -- answers --------------------------------------------------------------------------------------------------

def _open_item(session: Session, item_id: str) -> SuspectedErrorItem:
    row = session.execute(select(SuspectedErrorItem).where(SuspectedErrorItem.id == item_id)
                          .with_for_update()).scalar_one_or_none()
    if row is None:
        raise NotFound(f"no suspected-error item {item_id}")
    if row.state != SuspectedErrorState.OPEN.value:
        raise StateError(f"the suspected-error item was already answered ({row.state})")
    return row


def answer_verified(db: Database, item_id: str, note: str, *, actor: str, clock: Clock | None = None) -> None:
    """"Verified correct": the receptionist checked the record against the document and it is right. The note
    (required) says what was checked; it is kept with the item and in the audit event."""
    actor = require_actor(actor)
    note = note.strip()
    if not note:
        raise StoreError("say what was checked: a \"verified correct\" answer needs a note")
    if len(note) > NOTE_MAX:
        raise StoreError(f"the note is longer than {NOTE_MAX} characters")
    now = now_of(clock)
    with db.write() as session:
        row = _open_item(session, item_id)
        row.state, row.answer_note, row.answered_by, row.answered_at = (
            SuspectedErrorState.VERIFIED.value, note, actor, now)
        append_event(session, actor=actor, action=AuditAction.SUSPECTED_ERROR_VERIFIED,
                     entity_type="suspected_error", entity_id=row.id, at=now,
                     details={"registration_id": row.registration_id, "note": note,
                              "due_on": row.due_on.isoformat(), "late": _local_today(session, now) > row.due_on})


def answer_corrected(
    db: Database,
    item_id: str,
    changes: Mapping[str, Any],
    *,
    note: str,
    actor: str,
    registration_id: str | None = None,
    clock: Clock | None = None,
) -> ReportRef:
    """Answer with a correction: the stay is corrected through the one correction path (a correction report,
    hotel_desk.store.changes) and the item closed, in one transaction. An item without a match (or an
    ambiguous one) needs the stay the receptionist chose (`registration_id`); an ambiguous item's choice must
    be one of its candidates."""
    actor = require_actor(actor)
    now = now_of(clock)
    with db.write() as session:
        row = _open_item(session, item_id)
        if row.registration_id is None:
            candidates = json.loads(row.candidates)
            if registration_id is None:
                raise StoreError("choose the stay this item is about first: the list did not name one stay")
            if candidates and registration_id not in candidates:
                raise StoreError("the chosen stay is not one of the item's candidates")
            if session.get(Registration, registration_id) is None:
                raise NotFound(f"no registration {registration_id}")
            row.registration_id, row.match_rule = registration_id, MatchRule.CHOSEN.value
            _matched_event(session, row, actor=actor, now=now)
        elif registration_id not in (None, row.registration_id):
            raise StoreError("the item is matched to another stay")
        assert row.registration_id is not None
        ref = correct_in_session(session, row.registration_id, changes, actor=actor, note=note, now=now,
                                 details={"suspected_error_id": row.id})
        row.state, row.answer_note, row.answered_by, row.answered_at = (
            SuspectedErrorState.CORRECTED.value, note.strip(), actor, now)
        row.correction_report_id = ref.report_id
        append_event(session, actor=actor, action=AuditAction.SUSPECTED_ERROR_CORRECTED,
                     entity_type="suspected_error", entity_id=row.id, at=now,
                     details={"registration_id": row.registration_id, "report_id": ref.report_id,
                              "changed_fields": sorted(changes), "due_on": row.due_on.isoformat(),
                              "late": _local_today(session, now) > row.due_on})
        return ref


# -- views ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MatchedStay:
    registration_id: str
    status: str
    room: str
    guest_name: str
    arrival_at: datetime
    checked_out_at: datetime | None


@dataclass(frozen=True)
class SuspectedErrorView:
    """One worklist item as the desk, the command line and the liaison's inspection see it."""

    item_id: str
    import_id: str
    file_name: str
    line: int
    document_number: str
    nationality: str
    surname: str
    field: str
    problem: str
    raw: dict[str, str]
    state: str
    due_on: date
    overdue: bool  # open after its due day (the property's date)
    match_rule: str
    registration_id: str | None
    candidates: tuple[str, ...]
    matched: MatchedStay | None
    answer_note: str
    answered_by: str | None
    answered_at: datetime | None
    correction_report_id: str | None
    imported_at: datetime
    candidate_stays: tuple[MatchedStay, ...] = ()


def _stays(session: Session, ids: set[str]) -> dict[str, MatchedStay]:
    if not ids:
        return {}
    rows = session.execute(select(Registration, Guest).join(Guest, Guest.id == Registration.guest_id)
                           .where(Registration.id.in_(sorted(ids)))).all()
    return {r.id: MatchedStay(r.id, r.status, r.room, display_name(g.surname_en, g.given_names_en, g.chinese_name),
                              r.arrival_at, r.checked_out_at) for r, g in rows}


def suspected_errors(
    db: Database,
    *,
    actor: str,
    states: Sequence[str] | None = None,
    item_id: str | None = None,
    clock: Clock | None = None,
    limit: int = 1000,
) -> list[SuspectedErrorView]:
    """The worklist: items (open first, by due date; then answered, newest first) with their matched stay or
    candidates. Names and document numbers, so audited as a personal-data listing under `actor`."""
    require_actor(actor, "listing suspected errors")
    now = now_of(clock)
    query = select(SuspectedErrorItem, SuspectedErrorImport).join(
        SuspectedErrorImport, SuspectedErrorImport.id == SuspectedErrorItem.import_id)
    if states:
        query = query.where(SuspectedErrorItem.state.in_(list(states)))
    if item_id:
        query = query.where(SuspectedErrorItem.id == item_id)
    with db.write() as session:
        today = _local_today(session, now)
        rows = session.execute(query.limit(limit)).all()
        ids = {i.registration_id for i, _ in rows if i.registration_id}
        ids |= {c for i, _ in rows for c in json.loads(i.candidates)}
        stays = _stays(session, ids)
        result = []
        for item, batch in rows:
            candidates = tuple(json.loads(item.candidates))
            result.append(SuspectedErrorView(
                item_id=item.id, import_id=item.import_id, file_name=batch.file_name, line=item.line,
                document_number=item.document_number, nationality=item.nationality, surname=item.surname,
                field=item.field, problem=item.problem, raw=json.loads(item.raw), state=item.state,
                due_on=item.due_on, overdue=item.state == SuspectedErrorState.OPEN.value and today > item.due_on,
                match_rule=item.match_rule, registration_id=item.registration_id, candidates=candidates,
                matched=stays.get(item.registration_id) if item.registration_id else None,
                answer_note=item.answer_note, answered_by=item.answered_by, answered_at=item.answered_at,
                correction_report_id=item.correction_report_id, imported_at=batch.imported_at,
                candidate_stays=tuple(stays[c] for c in candidates if c in stays),
            ))
        append_event(session, actor=actor, action=AuditAction.PERSONAL_DATA_LIST, entity_type="view",
                     entity_id="suspected_errors", at=now,
                     details={"states": list(states or ()), "item_id": item_id, "count": len(result)})
    opened = SuspectedErrorState.OPEN.value
    return sorted(result, key=lambda v: (v.state != opened, v.due_on if v.state == opened else date.max,
                                         -(v.answered_at or v.imported_at).timestamp(), v.line))


def suspected_error_counts(db: Database, *, clock: Clock | None = None) -> dict[str, int]:
    """The worklist in numbers, without personal data (not audited): items by state, and how many open ones are
    past their due day. For the status of the desk and the liaison's measures."""
    now = now_of(clock)
    with db.read() as session:
        by_state = dict(session.execute(select(SuspectedErrorItem.state, func.count())
                                        .group_by(SuspectedErrorItem.state)).all())
        today = _local_today(session, now) if by_state else now.date()
        overdue = session.execute(select(func.count()).select_from(SuspectedErrorItem).where(
            SuspectedErrorItem.state == SuspectedErrorState.OPEN.value, SuspectedErrorItem.due_on < today)
        ).scalar_one()
    counts = {state.value: int(by_state.get(state.value, 0)) for state in SuspectedErrorState}
    return {**counts, "total": sum(counts.values()), "overdue": int(overdue)}
