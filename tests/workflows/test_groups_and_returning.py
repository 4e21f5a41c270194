"""Groups and returning guests in the store, on SQLite and PostgreSQL: a group registered in one transaction
with its shared stay and group visa (a child on a parent's passport as its own record), refused whole when one
member cannot be registered; a returning guest found by the rules, linked to the same person, and the person's
history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from hotel_desk import store
from hotel_desk.store.audit import AuditAction
from hotel_desk.store.models import AuditEvent, Guest, GuestGroup, Registration
from tests.support.workflows import guest, register


def _details(clock, **changes):
    base = store.GroupDetails(name="Sunshine Tours 11/20", arrival=clock.now() - timedelta(minutes=20),
                              planned_departure=clock.now().date() + timedelta(days=2), visa_type="L",
                              group_visa_number="G0012345", came_from="Shanghai", going_to="Hangzhou",
                              reason="Tourism", leader_name="WANG Li")
    return replace(base, **changes)


def test_a_group_in_one_transaction_with_its_shared_stay_and_a_child(db, clock):
    parent = guest(clock, number="P1000001", surname="SILVA", given="ANA", room="501")
    other = guest(clock, number="P1000002", surname="COSTA", given="RUI", room="502")
    child_doc = replace(parent.document, given_names="LUCAS", birth_date=clock.now().date() - timedelta(days=3000),
                        sex="M")
    child = replace(parent, document=child_doc, manual_reason="Child listed in the parent's passport")
    done = store.register_group(db, _details(clock), [parent, other, child], parents=[None, None, 0],
                                actor="alice", clock=clock)
    assert len(done.refs) == 3 and len({r.report_id for r in done.refs}) == 3
    for ref in done.refs:
        g = store.get_report(db, ref.report_id).payload["guest"]
        assert (g["visa_number"], g["came_from"], g["going_to"], g["reason"]) == (
            "G0012345", "Shanghai", "Hangzhou", "Tourism")
        arrived = (clock.now() - timedelta(minutes=20)).astimezone(ZoneInfo("Asia/Shanghai"))
        assert g["check_in_time"] == arrived.isoformat(timespec="seconds")  # the group's arrival, for everyone
    child_payload = store.get_report(db, done.refs[2].report_id).payload["guest"]
    assert (child_payload["given_names_en"], child_payload["document_number"]) == ("LUCAS", "P1000001")
    with db.read() as s:
        rows = {r.id: r for r in s.execute(select(Registration)).scalars()}
        assert {r.group_id for r in rows.values()} == {done.group_id}
        assert rows[done.refs[2].registration_id].on_document_of == done.refs[0].registration_id
        group = s.get(GuestGroup, done.group_id)
        assert (group.leader_name, group.group_visa_number, group.created_by) == ("WANG Li", "G0012345", "alice")
        [event] = s.execute(select(AuditEvent).where(AuditEvent.action == AuditAction.GROUP_REGISTERED)).scalars()
        assert '"members":3' in event.body and '"children_on_parents_documents":1' in event.body
        check_ins = s.execute(select(AuditEvent).where(AuditEvent.action == AuditAction.CHECK_IN)).scalars().all()
        assert all(done.group_id in e.body for e in check_ins)
        assert store.verify_chain(s).ok
    assert set(store.group_members(db, done.group_id)) == {r.registration_id for r in done.refs}


def test_one_refused_member_registers_nobody(db, clock):
    good = guest(clock, number="P2000001", room="601")
    bad = replace(guest(clock, number="P2000002"), stay=replace(guest(clock, number="x").stay, room=""))
    with pytest.raises(store.InvalidRegistration, match="no room"):
        store.register_group(db, _details(clock), [good, bad], actor="alice", clock=clock)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Registration)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(GuestGroup)).scalar_one() == 0
    with pytest.raises(store.InvalidRegistration, match="parent must be an earlier member"):
        store.register_group(db, _details(clock), [good, good], parents=[1, None], actor="alice", clock=clock)


def test_a_whole_group_checks_out_together(db, clock):
    members = [guest(clock, number=f"P30000{n:02d}", room=f"70{n}") for n in range(4)]
    done = store.register_group(db, _details(clock), members, actor="alice", clock=clock)
    clock.advance(timedelta(days=2))
    ids = store.group_members(db, done.group_id)
    assert len(ids) == 4
    outs = store.check_out_many(db, ids, actor="bob", clock=clock, at=clock.now() - timedelta(hours=1))
    assert len(outs) == 4 and store.group_members(db, done.group_id) == []


def test_a_returning_guest_by_document_fills_from_the_last_stay_and_is_linked(db, clock):
    first = register(db, clock, number="R1000001", surname="KOWALSKA", given="ANNA", nationality="POL",
                     chinese_name="安娜", came_from="Warsaw", room="808")
    clock.advance(timedelta(days=3))
    store.check_out(db, first.registration_id, actor="alice", clock=clock)
    clock.advance(timedelta(days=27))
    found = store.returning_guest(db, document_number="r100 0001", nationality="pol", surname="Kowalska",
                                  given_names="Anna", birth_date=date(1985, 1, 1), actor="alice", clock=clock)
    assert found is not None and found.linked and found.rule == "document_nationality"
    assert found.previous_registration_id == first.registration_id and found.last_room == "808"
    assert found.prefill == {"chinese_name": "安娜", "came_from": "Warsaw"}  # never the room or the dates
    second = register(db, clock, number="R1000001", surname="KOWALSKA", given="ANNA", nationality="POL",
                      returning_of=found.previous_registration_id, room="212")
    with db.read() as s:
        persons = s.execute(select(Guest.person_id)).scalars().all()
        assert len(persons) == 2 and len(set(persons)) == 1  # two guest rows, one person
        event = s.execute(select(AuditEvent).where(AuditEvent.action == AuditAction.CHECK_IN)
                          .order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        assert first.registration_id in event.body and "document_nationality" in event.body
    history = store.guest_history(db, second.registration_id, actor="liaison", clock=clock)
    assert [h.room for h in history] == ["212", "808"]
    # The payload carries nothing of the link: a returning guest's report is an ordinary check-in.
    payload = store.get_report(db, second.report_id).payload_text
    assert '"808"' not in payload and first.registration_id not in payload  # not the old room, not the link


def test_a_new_passport_is_matched_by_name_birth_date_and_nationality(db, clock):
    register(db, clock, number="OLD00001", surname="NOWAK", given="JAN", nationality="POL")
    found = store.returning_guest(db, document_number="NEW00001", nationality="POL", surname="NOWAK",
                                  given_names="JAN", birth_date=date(1985, 1, 1), actor="alice", clock=clock)
    assert found is not None and found.linked and found.rule == "name_birth_date"
    other_country = store.returning_guest(db, document_number="NEW00001", nationality="CZE", surname="NOWAK",
                                          given_names="JAN", birth_date=date(1985, 1, 1), actor="alice",
                                          clock=clock)
    assert other_country is not None and not other_country.linked
    assert [f.code for f in other_country.findings] == ["returning.name_elsewhere"]
    assert store.returning_guest(db, document_number="NEW00001", nationality="POL", surname="NOWAK",
                                 given_names="JANA", birth_date=date(1985, 1, 1), actor="alice", clock=clock) is None


def test_a_document_match_with_another_name_is_a_check_finding_and_is_not_linked(db, clock):
    first = register(db, clock, number="D1000001", surname="SMITH", given="JOHN")
    found = store.returning_guest(db, document_number="D1000001", nationality="CAN", surname="SMYTH",
                                  given_names="JOHN", birth_date=date(1985, 1, 1), actor="alice", clock=clock)
    assert found is not None and not found.linked and found.prefill == {}
    assert found.differs == ("surname_en",) and found.findings[0].code == "returning.document_differs"
    with pytest.raises(store.InvalidRegistration, match="does not match the earlier stay"):
        register(db, clock, number="D1000001", surname="SMYTH", given="JOHN",
                 returning_of=first.registration_id)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Registration)).scalar_one() == 1


def test_a_cancelled_stay_is_not_an_earlier_stay(db, clock):
    ref = register(db, clock, number="X1000001")
    store.cancel_registration(db, ref.registration_id, actor="alice", note="duplicate", clock=clock)
    assert store.returning_guest(db, document_number="X1000001", nationality="CAN", surname="MARTIN",
                                 given_names="SARAH", birth_date=date(1985, 1, 1), actor="alice", clock=clock) is None
