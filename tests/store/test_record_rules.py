"""The store applies the one record validation and refuses repeats of open registrations (issue 12, phase 2):
refused input names its field, nothing is half-saved, and both hold the same on SQLite and PostgreSQL (every
test here runs on both)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hotel_desk import store
from hotel_desk.rules.duplicates import DUPLICATE
from hotel_desk.store.models import AuditEvent, Registration, Report
from tests.support.guests import guest_registration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _counts(db: store.Database) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one() for t in (Registration, Report, AuditEvent))


def _with_room(registration: store.GuestRegistration, room: str) -> store.GuestRegistration:
    return replace(registration, stay=replace(registration.stay, room=room))


def test_an_import_with_one_invalid_record_saves_nothing(db, clock) -> None:
    before = _counts(db)
    good = guest_registration(clock, room="301")
    bad = _with_room(guest_registration(clock, room="302"), "3" * 11)
    with pytest.raises(store.InvalidRegistration) as refused, db.write() as session:
        store.register_many(session, [good, bad], actor="alice", now=clock.now())
    assert refused.value.index == 1 and [(f.field, f.code) for f in refused.value.findings] == [("room", "record.too_long")]
    assert "registration #2: room: The room number is longer than 10 characters" in str(refused.value)
    assert _counts(db) == before


def test_the_page_image_must_be_an_image(db, clock) -> None:
    passwd = replace(guest_registration(clock), page_image=b"root:x:0:0:root:/root:/bin/bash\n")
    with pytest.raises(store.InvalidRegistration) as refused:
        store.register_guest(db, passwd, actor="alice", clock=clock)
    assert [f.code for f in refused.value.findings] == ["page_image.not_image"]
    ref = store.register_guest(db, replace(guest_registration(clock), page_image=PNG), actor="alice", clock=clock)
    assert store.document_page_image(db, ref.registration_id, actor="alice", clock=clock) == PNG


def test_a_correction_passes_the_record_validation(db, clock) -> None:
    ref = store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    with pytest.raises(store.InvalidRegistration) as refused:
        store.correct_registration(db, ref.registration_id, {"surname_en": "MÜLLER"}, actor="alice", clock=clock)
    assert [(f.field, f.code) for f in refused.value.findings] == [("surname_en", "record.latin_letters")]
    later = clock.now().date() + timedelta(days=3)
    with pytest.raises(store.InvalidRegistration, match="entry_date"):
        store.correct_registration(db, ref.registration_id, {"entry_date": later}, actor="alice", clock=clock)
    store.correct_registration(db, ref.registration_id, {"surname_en": "MUELLER"}, actor="alice", clock=clock)


def test_a_repeat_of_an_open_registration_is_refused_unless_confirmed(db, clock) -> None:
    first = store.register_guest(db, guest_registration(clock, room="301"), actor="alice", clock=clock)
    again = guest_registration(clock, room="302", number="ZE000509")  # the same passport, another room
    before = _counts(db)
    with pytest.raises(store.DuplicateRegistration) as refused:
        store.register_guest(db, again, actor="alice", clock=clock)
    assert [s.registration_id for s in refused.value.repeats[0]] == [first.registration_id]
    assert [f.code for f in refused.value.findings] == [DUPLICATE] and "room 301" in str(refused.value)
    assert _counts(db) == before
    # A blanket acceptance of warnings is not a confirmation; the code is.
    confirmed = replace(again, accepted_warnings=("stay.limit_before_departure", DUPLICATE))
    second = store.register_guest(db, confirmed, actor="alice", clock=clock)
    [event] = store.audit_events(db, entity_id=second.registration_id, action_prefix="registration.check_in")
    assert DUPLICATE in event.details["accepted_warnings"] and event.details["repeats"] == [first.registration_id]


def test_a_confirmation_without_a_repeat_is_not_recorded(db, clock) -> None:
    confirmed = replace(guest_registration(clock), accepted_warnings=(DUPLICATE,))
    ref = store.register_guest(db, confirmed, actor="alice", clock=clock)
    [event] = store.audit_events(db, entity_id=ref.registration_id, action_prefix="registration.check_in")
    assert event.details["accepted_warnings"] == [] and "repeats" not in event.details


def test_what_is_not_a_repeat(db, clock) -> None:
    first = store.register_guest(db, guest_registration(clock, room="301"), actor="alice", clock=clock)
    # The same number from another country is another document.
    other = guest_registration(clock, room="302", number="ZE000509")
    other = replace(other, document=replace(other.document, nationality="AUS", issuing_state="AUS"))
    store.register_guest(db, other, actor="alice", clock=clock)
    # A stay that ended before the open one began does not overlap it (a late-registered earlier visit).
    earlier = guest_registration(clock, room="303", number="ZE000509")
    start = clock.now() - timedelta(days=3)
    earlier = replace(earlier, stay=replace(earlier.stay, arrival=start, planned_departure=start.date() + timedelta(days=1),
                                            entry_date=start.date() - timedelta(days=1)))
    visit = store.register_guest(db, earlier, actor="alice", clock=clock)
    # Once the guest checked out, coming back is a new stay; a stay never checked out stays open, however
    # long ago it was planned to end (so it still counts, until it is checked out).
    store.check_out(db, first.registration_id, actor="alice", clock=clock)
    with pytest.raises(store.DuplicateRegistration):
        store.register_guest(db, guest_registration(clock, room="304", number="ZE000509"), actor="alice", clock=clock)
    store.check_out(db, visit.registration_id, actor="alice", clock=clock)
    store.register_guest(db, guest_registration(clock, room="304", number="ZE000509"), actor="alice", clock=clock)


def test_a_repeat_inside_one_import_is_refused_too(db, clock) -> None:
    twice = [guest_registration(clock, room="301"), guest_registration(clock, room="302", number="ZE000509")]
    with pytest.raises(store.DuplicateRegistration) as refused, db.write() as session:
        store.register_many(session, twice, actor="alice", now=clock.now())
    assert list(refused.value.repeats) == [1] and refused.value.repeats[1][0].registration_id == ""
    assert "registration #2" in str(refused.value)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Registration)).scalar_one() == 0


def test_two_desks_registering_the_same_passport_at_once_register_it_once(db, clock) -> None:
    """The repeat is looked for after the audit chain's head is locked: the second desk sees the first's."""
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def desk(room: str) -> None:
        start.wait()
        try:
            store.register_guest(db, guest_registration(clock, room=room, number="ZE000509"), actor=f"desk{room}",
                                 clock=clock)
            outcomes.append("registered")
        except store.DuplicateRegistration:
            outcomes.append("repeat")

    threads = [threading.Thread(target=desk, args=(room,)) for room in ("301", "302")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["registered", "repeat"]
