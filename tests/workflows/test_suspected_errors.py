"""The police's suspected-error lists in the store, on SQLite and PostgreSQL: every item matched by the rules
(or listed with its candidates), kept due by a date, re-imports adding nothing, one transaction per import, and
each answer audited under a stable action name."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from hotel_desk import store
from hotel_desk.desk.police_lists import load_layout, parse_police_list
from hotel_desk.store.audit import AuditAction
from hotel_desk.store.models import AuditEvent, SuspectedErrorImport, SuspectedErrorItem
from tests.support.workflows import csv_bytes, register


def police_list(data: bytes, name: str = "list.csv") -> store.PoliceList:
    return parse_police_list(data, file_name=name, layout=load_layout())


def events(db: store.Database, action: str) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars())


def count(db: store.Database, model: type) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def stays(db, clock):
    """Stays the police may mean: one per number, two people sharing a number, one person's two stays and a
    cancelled registration."""
    one = register(db, clock, number="ZE111111", surname="MARTIN")
    lee = register(db, clock, number="ZE222222", surname="LEE", room="302")
    # Repeats of an open registration are refused unless confirmed as intended (issue 12): these are.
    park = register(db, clock, number="ZE222222", surname="PARK", room="303", intended=True)
    chen_1 = register(db, clock, number="ZE333333", surname="CHEN", room="304")
    chen_2 = register(db, clock, number="ZE333333", surname="CHEN", room="305", intended=True)
    gone = register(db, clock, number="ZE444444", surname="WRONG", room="306")
    store.cancel_registration(db, gone.registration_id, actor="alice", note="duplicate", clock=clock)
    return {"one": one, "lee": lee, "park": park, "chen_1": chen_1, "chen_2": chen_2, "gone": gone}


LIST = csv_bytes(
    "ze 111111,can,,birth_date,Date of birth differs from the entry record",
    "ZE222222,CAN,Park,given_names_en,Given names missing",
    "ZE333333,CAN,CHEN,document_expiry,Expiry date differs",
    "ZE999999,CAN,NOBODY,,No such person entered",
    "ZE444444,CAN,,room,",
)


def test_every_item_is_matched_by_the_rules_and_kept_due(db, clock, stays):
    result = store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    assert (result.added, result.matched, result.ambiguous, result.unmatched) == (5, 2, 1, 2)
    # Due three days after the import, on the property's calendar (16:00 in Shanghai on the test day).
    assert result.due_on == clock.now().date() + timedelta(days=3)
    items = {i.line: i for i in store.suspected_errors(db, actor="liaison", clock=clock)}
    assert items[2].registration_id == stays["one"].registration_id and items[2].match_rule == "document_nationality"
    assert items[2].document_number == "ZE111111" and items[2].field == "birth_date"
    assert items[3].registration_id == stays["park"].registration_id
    assert items[3].match_rule == "document_nationality_surname"
    assert items[4].registration_id is None and items[4].match_rule == "ambiguous"
    assert set(items[4].candidates) == {stays["chen_1"].registration_id, stays["chen_2"].registration_id}
    assert {c.room for c in items[4].candidate_stays} == {"304", "305"}
    assert items[5].match_rule == items[6].match_rule == "none"  # unknown, and a cancelled registration
    assert items[2].matched is not None and items[2].matched.room == "301"
    assert items[2].raw["problem"] == "Date of birth differs from the entry record"
    assert all(i.state == "open" and not i.overdue for i in items.values())
    # Audited: one event per item imported and per item matched, with ids and fields, never names.
    imported = events(db, AuditAction.SUSPECTED_ERROR_IMPORTED)
    assert len(imported) == 5 and len(events(db, AuditAction.SUSPECTED_ERROR_MATCHED)) == 2
    assert all("ZE" not in e.body and "PARK" not in e.body.upper() for e in imported)
    with db.read() as s:
        assert store.verify_chain(s).ok


def test_the_same_file_again_adds_nothing_and_open_items_are_not_listed_twice(db, clock, stays):
    first = store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    before = (count(db, SuspectedErrorItem), count(db, AuditEvent))
    again = store.import_suspected_errors(db, police_list(LIST, "renamed.csv"), due_days=3, actor="bob", clock=clock)
    assert again.already_imported and again.import_id == first.import_id and again.added == 0
    assert (count(db, SuspectedErrorItem), count(db, AuditEvent)) == before
    # A later list repeating an item still open adds only what is new.
    later = csv_bytes("ZE111111,CAN,,birth_date,Date of birth differs from the entry record",
                      "ZE222222,CAN,LEE,sex,Sex differs")
    result = store.import_suspected_errors(db, police_list(later, "week2.csv"), due_days=3, actor="alice",
                                           clock=clock)
    assert (result.added, result.repeated) == (1, 1)
    assert count(db, SuspectedErrorImport) == 2 and count(db, SuspectedErrorItem) == 6


def test_an_item_answered_and_raised_again_is_a_new_item(db, clock, stays):
    store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    [item] = [i for i in store.suspected_errors(db, actor="alice") if i.line == 2]
    store.answer_verified(db, item.item_id, "Checked against the passport: the date is right", actor="alice",
                          clock=clock)
    again = csv_bytes("ZE111111,CAN,,birth_date,Date of birth differs from the entry record")
    result = store.import_suspected_errors(db, police_list(again, "again.csv"), due_days=3, actor="alice",
                                           clock=clock)
    assert (result.added, result.repeated) == (1, 0)


def test_an_import_is_one_transaction(db, clock, stays, monkeypatch):
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")

    monkeypatch.setattr("hotel_desk.store.suspected._matched_event", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    assert count(db, SuspectedErrorImport) == 0 and count(db, SuspectedErrorItem) == 0
    assert events(db, AuditAction.SUSPECTED_ERROR_IMPORTED) == []


def test_verified_correct_needs_a_note_and_is_audited(db, clock, stays):
    store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    item = next(i for i in store.suspected_errors(db, actor="alice") if i.line == 5)
    with pytest.raises(store.StoreError, match="needs a note"):
        store.answer_verified(db, item.item_id, "  ", actor="alice", clock=clock)
    store.answer_verified(db, item.item_id, "No such guest stayed here", actor="bob", clock=clock)
    [done] = store.suspected_errors(db, actor="alice", states=["verified"])
    assert (done.state, done.answer_note, done.answered_by) == ("verified", "No such guest stayed here", "bob")
    [event] = events(db, AuditAction.SUSPECTED_ERROR_VERIFIED)
    assert event.entity_id == item.item_id and event.actor == "bob" and '"late":false' in event.body
    with pytest.raises(store.StateError, match="already answered"):
        store.answer_verified(db, item.item_id, "again", actor="bob", clock=clock)


def test_a_correction_answer_goes_through_the_correction_path(db, clock, stays):
    store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    item = next(i for i in store.suspected_errors(db, actor="alice") if i.line == 2)
    ref = store.answer_corrected(db, item.item_id, {"birth_date": date(1985, 1, 2)}, note="police list",
                                 actor="alice", clock=clock)
    report = store.get_report(db, ref.report_id)
    assert report.kind == "correction" and report.payload["guest"]["birth_date"] == "1985-01-02"
    assert report.corrects_report_id == stays["one"].report_id
    [done] = store.suspected_errors(db, actor="alice", states=["corrected"])
    assert done.correction_report_id == ref.report_id and done.answered_by == "alice"
    [event] = events(db, AuditAction.SUSPECTED_ERROR_CORRECTED)
    assert ref.report_id in event.body and "birth_date" in event.body
    [correction] = events(db, AuditAction.CORRECTION)
    assert item.item_id in correction.body  # the correction report's own event names the item it answers


def test_an_ambiguous_item_is_corrected_only_on_a_stay_the_desk_chose_among_its_candidates(db, clock, stays):
    store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    item = next(i for i in store.suspected_errors(db, actor="alice") if i.line == 4)
    change = {"document_expiry": clock.now().date() + timedelta(days=400)}
    with pytest.raises(store.StoreError, match="choose the stay"):
        store.answer_corrected(db, item.item_id, change, note="x", actor="alice", clock=clock)
    with pytest.raises(store.StoreError, match="not one of the item's candidates"):
        store.answer_corrected(db, item.item_id, change, note="x", actor="alice", clock=clock,
                               registration_id=stays["one"].registration_id)
    chosen = stays["chen_2"].registration_id
    store.answer_corrected(db, item.item_id, change, note="x", actor="alice", clock=clock, registration_id=chosen)
    [done] = store.suspected_errors(db, actor="alice", states=["corrected"])
    assert (done.registration_id, done.match_rule) == (chosen, "chosen_at_desk")
    matched = events(db, AuditAction.SUSPECTED_ERROR_MATCHED)
    assert any(item.item_id == e.entity_id and "chosen_at_desk" in e.body for e in matched)


def test_due_dates_and_the_liaisons_numbers_follow_the_injected_clock(db, clock, stays):
    store.import_suspected_errors(db, police_list(LIST), due_days=3, actor="alice", clock=clock)
    assert store.suspected_error_counts(db, clock=clock) == {
        "open": 5, "corrected": 0, "verified": 0, "total": 5, "overdue": 0}
    clock.advance(timedelta(days=3))  # the due day itself: not late yet
    assert store.suspected_error_counts(db, clock=clock)["overdue"] == 0
    clock.advance(timedelta(days=1))
    assert store.suspected_error_counts(db, clock=clock)["overdue"] == 5
    assert all(i.overdue for i in store.suspected_errors(db, actor="alice", clock=clock))
    item = store.suspected_errors(db, actor="alice", clock=clock)[0]
    store.answer_verified(db, item.item_id, "checked", actor="alice", clock=clock)
    assert '"late":true' in events(db, AuditAction.SUSPECTED_ERROR_VERIFIED)[0].body
    assert store.suspected_error_counts(db, clock=clock)["verified"] == 1
