"""The workflows through the desk layer, as the window and the commands use them, against a real store and the
real training intake (time from the suite's ManualClock): a group of 12 scans registered in one action with 12
reports, a child on a parent's passport, a returning guest, check-out at a time, the reminder's numbers, the
nil report through the protocol and the batch file, and a police list answered with a correction."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotel_desk import store
from hotel_desk.clock import ManualClock
from hotel_desk.desk import Desk, GuestEntry
from hotel_desk.desk.groups import CHILD_REASON, GroupMember, GroupRefused, GroupStay
from hotel_desk.documents import format_td3
from hotel_desk.rules.roles import Role
from hotel_desk.settings import Settings
from tests.support.staff import PASSWORD, sign_in

SAMPLE = Path(__file__).resolve().parents[2] / "hotel_desk" / "ui" / "resources" / "sample_passport.png"


@pytest.fixture
def desk(tmp_path: Path, clock: ManualClock) -> Iterator[Desk]:
    settings = Settings(hotel_name="Lakeside Inn", training=True,
                        database_url=f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}",
                        extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "intake.sqlite3")})
    with Desk(settings, clock=clock, uploader_interval=0.05) as opened:
        sign_in(opened, "alice", Role.MANAGER)
        opened.open()
        opened.pause_uploads()
        yield opened


def scanned(desk: Desk, lines: tuple[str, ...] | list[str], room: str = "", **changes: Any) -> GuestEntry:
    """What the Check-in page holds after a read: the document's fields from the checked MRZ."""
    check = desk.check_mrz(list(lines))
    doc = check.document
    assert doc is not None, check.findings
    entry = GuestEntry(surname_en=doc.surname, given_names_en=doc.given_names, sex=doc.sex,
                       birth_date=doc.birth_date, nationality=doc.nationality, document_type=doc.kind.value,
                       document_number=doc.document_number, document_expiry=doc.expiry_date,
                       issuing_state=doc.issuing_state, room=room, mrz_lines=tuple(doc.mrz_lines),
                       entry_method="scanner")
    return replace(entry, **changes)


def synthetic(desk: Desk, n: int) -> tuple[str, str]:
    expiry = (desk.today() + timedelta(days=4 * 365)).strftime("%y%m%d")
    return format_td3(document_code="P<", issuing_state="AUS", surname=f"TRAVELLER{chr(65 + n)}",
                      given_names="ALEX", document_number=f"PA{n:07d}", nationality="AUS",
                      birth=f"{70 + n:02d}0315", sex="M" if n % 2 else "F", expiry=expiry)


def stay(desk: Desk) -> GroupStay:
    return GroupStay(name="Blue Sky Tours", planned_departure=desk.today() + timedelta(days=2), visa_type="L",
                     group_visa_number="GV2026001", came_from="Beijing", going_to="Xi'an", reason="Tourism",
                     leader_name="ZHANG Wei")


def test_a_group_of_twelve_scans_registered_in_one_action_with_twelve_reports(desk: Desk) -> None:
    read = desk.read_document(SAMPLE)  # the bundled sample page, through the recognizer
    assert read.lines, read.message
    members = [GroupMember(scanned(desk, read.lines, "1201", page_image=read.image_bytes))]
    for n in range(11):  # the rest of the stack, as a reader delivers them
        previous_room = members[-1].entry.room
        room = previous_room if n % 2 else f"12{n + 2:02d}"  # every other guest: "same room as previous"
        members.append(GroupMember(scanned(desk, synthetic(desk, n), room, entry_method="reader")))
    review = desk.groups.review(stay(desk), members)
    assert len(review) == 12 and all(not v.verdict.blocked for v in review)
    done = desk.groups.register(stay(desk), members, accept_warnings=True)
    assert len(done.registration_ids) == 12 and len(set(done.report_ids)) == 12
    rows = [r for r in desk.reports() if r.report_id in done.report_ids]
    assert len(rows) == 12 and {r.kind for r in rows} == {"check_in"}
    assert desk.send_all_waiting() == 12
    acknowledged = [r for r in desk.reports() if r.report_id in done.report_ids and r.state == "acknowledged"]
    assert len(acknowledged) == 12
    payload = store.get_report(desk.db, done.report_ids[5]).payload["guest"]
    assert (payload["visa_number"], payload["going_to"]) == ("GV2026001", "Xi'an")
    assert len(desk.in_house()) == 12


def test_a_child_on_a_parents_passport_is_registered_as_their_own_record(desk: Desk) -> None:
    parent = scanned(desk, synthetic(desk, 1), "0808")
    child = desk.groups.child_entry(parent, surname="traveller b", given_names="mia",
                                    birth_date=desk.today() - timedelta(days=6 * 365), sex="F")
    assert (child.document_number, child.nationality, child.manual_reason) == (
        parent.document_number, "AUS", CHILD_REASON)
    members = [GroupMember(parent), GroupMember(child, parent=0)]
    with pytest.raises(GroupRefused) as refused:  # a minor: a warning to check before registering
        desk.groups.register(stay(desk), members)
    assert [m.index for m in refused.value.refused] == [1]
    assert desk.in_house() == []
    done = desk.groups.register(stay(desk), members, accept_warnings=True)
    record = desk.registration_entry(done.registration_ids[1])
    assert (record.surname_en, record.given_names_en, record.document_number, record.room) == (
        "TRAVELLER B", "MIA", parent.document_number, "0808")
    document = store.registration_detail(desk.db, done.registration_ids[1], actor="alice").document
    assert (document["manual_reason"], document["entry_method"], document["mrz"]) == (CHILD_REASON, "manual", [])


def test_a_returning_guest_fills_the_form_and_is_linked(desk: Desk, clock: ManualClock) -> None:
    first = scanned(desk, synthetic(desk, 3), "0501", chinese_name="", came_from="Melbourne", reason="Business",
                    planned_departure=desk.today() + timedelta(days=1))
    registered = desk.register(first)
    clock.advance(timedelta(days=1, hours=2))
    desk.check_out(registered.registration_id, at=clock.now() - timedelta(hours=5))
    clock.advance(timedelta(days=40))
    again = scanned(desk, synthetic(desk, 3), "0702", planned_departure=desk.today() + timedelta(days=2))
    found = desk.returning.lookup(again)
    assert found is not None and found.linked and found.last_room == "0501"
    assert found.prefill == {"came_from": "Melbourne", "reason": "Business"}
    second = desk.register(replace(again, came_from=found.prefill["came_from"],
                                   returning_of=found.previous_registration_id or ""))
    history = desk.returning.history(second.registration_id)
    assert [h.room for h in history] == ["0702", "0501"] and history[1].status == "checked_out"
    assert desk.returning.lookup(scanned(desk, synthetic(desk, 4), "1")) is None


def test_the_reminder_counts_overdue_guests_and_warns_before_the_night_audit(desk: Desk, clock: ManualClock) -> None:
    # TEST_START is 16:00 in Shanghai; the guest's planned departure is today: already past noon.
    desk.register(scanned(desk, synthetic(desk, 5), "0303", planned_departure=desk.today()))
    status = desk.closure.status()
    assert (status.overdue, status.night_audit_at) == (1, None)
    clock.advance(timedelta(hours=6, minutes=30))  # 22:30: the night audit at 23:00 is half an hour away
    assert desk.closure.status().night_audit_at is not None
    [late] = desk.closure.overdue()
    with pytest.raises(Exception, match="in the future"):
        desk.closure.check_out([late.registration_id], clock.now() + timedelta(hours=2))
    desk.closure.check_out([late.registration_id], clock.now() - timedelta(hours=3))
    assert desk.closure.status().overdue == 0


def test_the_nil_report_goes_through_the_protocol_and_the_batch_file(desk: Desk, clock: ManualClock,
                                                                     tmp_path: Path) -> None:
    assert desk.closure.daily_pass() == []  # the property was set up today
    clock.advance(timedelta(days=1))  # the day the property was set up is over, nobody checked in
    [queued] = desk.closure.daily_pass()
    assert queued.day == desk.today() - timedelta(days=1)
    assert desk.closure.daily_pass() == []  # once a day
    [row] = [r for r in desk.reports() if r.kind == "nil"]
    assert (row.registration_id, row.room, row.state) == ("", "", "queued")
    checked = desk.queue.check()  # the training intake validates the nil record
    assert checked.results is not None and not checked.rejected and not checked.inexpressible
    exported = desk.queue.export_batch(tmp_path / "handover")
    [export] = exported.exports
    with open(Path(export.path) / "reports.csv", encoding="utf-8-sig", newline="") as f:
        [line] = list(csv.DictReader(f))
    assert (line["report_kind"], line["report_date"], line["surname_en"]) == ("nil", queued.day.isoformat(), "")
    record = json.loads((Path(export.path) / "reports.json").read_text(encoding="utf-8"))["records"][0]["record"]
    assert record["report_kind"] == "nil" and record["document_number"] is None


def test_the_nil_report_is_accepted_by_the_intake(desk: Desk, clock: ManualClock) -> None:
    clock.advance(timedelta(days=1))
    desk.closure.daily_pass()
    assert desk.send_all_waiting() == 1
    [row] = [r for r in desk.reports() if r.kind == "nil"]
    assert row.state == "acknowledged" and row.receipt.startswith("TRN-")


def test_a_police_list_answered_with_a_correction(desk: Desk, tmp_path: Path) -> None:
    registered = desk.register(scanned(desk, synthetic(desk, 6), "1010", planned_departure=desk.today()))
    path = tmp_path / "police.csv"
    path.write_text("document_number,nationality,surname,field,problem\n"
                    "PA0000006,AUS,TRAVELLERG,room,Room number not in the hotel's list\n", encoding="utf-8")
    result = desk.suspected.import_file(path)
    assert (result.added, result.matched) == (1, 1)
    [item] = desk.suspected.items()
    assert item.registration_id == registered.registration_id and item.due_on == desk.today() + timedelta(days=3)
    entry = replace(desk.registration_entry(registered.registration_id), room="1011")
    report_id = desk.suspected.correct(item.item_id, registered.registration_id, entry, "police list")
    [row] = [r for r in desk.reports() if r.report_id == report_id]
    assert row.kind == "correction" and row.room == "1011"
    assert desk.suspected.counts()["corrected"] == 1
    assert desk.suspected.import_file(path).already_imported
    assert isinstance(desk.suspected.page_image(registered.registration_id), bytes | None)


def test_settings_decide_the_check_out_time_and_the_due_days(tmp_path: Path, clock: ManualClock) -> None:
    settings = Settings(training=True, database_url=f"sqlite:///{(tmp_path / 'd.sqlite3').as_posix()}",
                        checkout_time="17:00", suspected_error_due_days=7,
                        extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "i.sqlite3")})
    with Desk(settings, clock=clock) as desk:
        sign_in(desk, "alice", Role.RECEPTIONIST)
        desk.open()
        desk.pause_uploads()
        desk.register(scanned(desk, synthetic(desk, 7), "0101", planned_departure=desk.today()))
        assert desk.closure.status().overdue == 0  # 16:00: the property's check-out is at 17:00
        clock.advance(timedelta(hours=1))
        assert desk.closure.status().overdue == 1
        path = tmp_path / "l.csv"
        path.write_text("document_number,nationality,surname,field,problem\nPA0000007,AUS,,,x\n", encoding="utf-8")
        assert desk.suspected.import_file(path).due_on == date.fromordinal(desk.today().toordinal() + 7)


def test_who_may_do_what_and_the_reminder_while_nobody_is_signed_in(desk: Desk, clock: ManualClock,
                                                                    tmp_path: Path) -> None:
    from hotel_desk.desk import NotAllowed, NotSignedIn

    registered = desk.register(scanned(desk, synthetic(desk, 8), "0909", planned_departure=desk.today()))
    path = tmp_path / "police.csv"
    path.write_text("document_number,nationality,surname,field,problem\nPA0000008,AUS,,room,x\n", encoding="utf-8")
    desk.suspected.import_file(path)
    desk.staff.add("liaison", Role.LIAISON, PASSWORD)  # alice is the installation's manager
    desk.access.sign_out()
    # The liaison reads the worklist and a guest's history, and changes nothing.
    desk.access.sign_in("liaison", PASSWORD)
    [item] = desk.suspected.items()
    assert item.registration_id == registered.registration_id
    assert [h.room for h in desk.returning.history(registered.registration_id)] == ["0909"]
    for action in (lambda: desk.suspected.verify(item.item_id, "checked"), lambda: desk.suspected.import_file(path),
                   lambda: desk.closure.check_out([registered.registration_id]),
                   lambda: desk.groups.register(stay(desk), [])):
        with pytest.raises(NotAllowed):
            action()
    desk.access.sign_out()
    # Nobody signed in (a locked desk at night): the reminder still counts, and the day closes by itself.
    with pytest.raises(NotSignedIn):
        desk.closure.overdue()
    clock.advance(timedelta(days=2))
    status = desk.closure.status()
    assert status.overdue == 1 and status.nil_reports == (desk.today() - timedelta(days=1),)
    nil = [e for e in store.audit_events(desk.db, action_prefix="nil_report.")]
    assert [e.actor for e in nil] == ["(daily pass)"]
