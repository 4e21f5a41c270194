"""The desk layer without a window: what the Check-in, In house and Reports pages do, as plain calls, against
a real store and the real training intake, with time from the suite's ManualClock (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.clock import ManualClock
from hotel_desk.desk import Desk, DeskError, GuestEntry
from hotel_desk.documents import format_td3
from hotel_desk.rules.roles import Role
from hotel_desk.settings import Settings
from tests.support.staff import sign_in


@pytest.fixture
def desk(tmp_path: Path, clock: ManualClock) -> Iterator[Desk]:
    settings = Settings(hotel_name="Lakeside Inn", training=True,
                        database_url=f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}",
                        extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "intake.sqlite3")})
    with Desk(settings, clock=clock, uploader_interval=0.05) as opened:
        sign_in(opened, "alice", Role.MANAGER)
        opened.open()
        opened.pause_uploads()  # each test sends when it wants to
        yield opened


def entry(desk: Desk, *, room: str = "1208", **changes: Any) -> GuestEntry:
    """A Polish guest as the form confirms her after a scan, every date relative to the desk's today."""
    today = desk.today()
    expiry = (today + timedelta(days=5 * 365)).strftime("%y%m%d")
    lines = format_td3(document_code="P", issuing_state="POL", surname="KOWALSKA", given_names="ANNA",
                       document_number="EA1234567", nationality="POL", birth="840812", sex="F", expiry=expiry)
    check = desk.check_mrz(lines)
    doc = check.document
    assert doc is not None and not [f for f in check.findings if f.severity.value == "error"]
    base = GuestEntry(surname_en=doc.surname, given_names_en=doc.given_names, sex=doc.sex,
                      birth_date=doc.birth_date, nationality=doc.nationality, document_type=doc.kind.value,
                      document_number=doc.document_number, document_expiry=doc.expiry_date,
                      issuing_state=doc.issuing_state, room=room, planned_departure=today + timedelta(days=3),
                      visa_type="L", mrz_lines=tuple(lines), entry_method="scanner")
    return replace(base, **changes)


def test_check_in_out_correct_cancel_as_plain_calls(desk: Desk, clock: ManualClock) -> None:
    registered = desk.register(entry(desk))
    assert registered.guest_name == "KOWALSKA, ANNA" and registered.deadline_at == clock.now() + timedelta(hours=24)
    [guest] = desk.in_house("kowalska")
    assert guest.room == "1208" and desk.registration_entry(guest.registration_id).room == "1208"

    with pytest.raises(DeskError, match="nothing changed"):
        desk.correct(guest.registration_id, desk.registration_entry(guest.registration_id), "typo")
    desk.correct(guest.registration_id, replace(desk.registration_entry(guest.registration_id), room="1210"),
                 "moved")
    clock.advance(timedelta(hours=2))
    desk.check_out(guest.registration_id)
    assert desk.in_house() == []
    kinds = [r.kind for r in desk.reports() if r.registration_id == guest.registration_id]
    assert sorted(kinds) == ["check_in", "check_out", "correction"]
    assert desk.summary().pending == 3


def test_the_desk_asks_the_registration_gate_whoever_calls_it(desk: Desk) -> None:
    with pytest.raises(DeskError, match="no room is given"):
        desk.register(entry(desk, room=""))
    typed = entry(desk, mrz_lines=(), entry_method="manual", document_expiry=None)
    with pytest.raises(DeskError, match=r"expiry date is missing.*reason for typing"):
        desk.register(typed)
    late = entry(desk, stay_until=desk.today() + timedelta(days=1))  # the visa ends before the departure
    warnings = {f.code for f in desk.verdict(late).warnings}
    assert warnings, "expected a warning for a stay beyond the visa"
    with pytest.raises(DeskError, match="warnings not accepted"):
        desk.register(late)
    assert desk.register(replace(late, accepted_warnings=tuple(warnings))).room == "1208"


def test_reports_go_out_and_the_queue_is_checked_without_filing(desk: Desk) -> None:
    registered = desk.register(entry(desk))
    checked = desk.queue.check()
    assert checked.results is not None and len(checked.results) == 1 and not checked.rejected
    assert desk.summary().pending == 1  # a check files nothing
    assert desk.send_all_waiting() == 1
    [row] = [r for r in desk.reports() if r.report_id == registered.report_id]
    assert row.state == "acknowledged" and row.receipt.startswith("TRN-") and not row.open


def test_the_desk_layer_loads_no_qt() -> None:
    code = "import sys, hotel_desk.desk\nprint('PySide6' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_desk_refuses_what_the_intake_would_refuse_naming_the_field(desk: Desk) -> None:
    """Issue 12, phase 2: the form's path (through the desk) applies the one record validation."""
    for changes, field, code in [
        ({"room": "1" * 11}, "room", "record.too_long"),
        ({"came_from": "Beijing\x00"}, "came_from", "record.control_characters"),
        ({"chinese_name": "Anna"}, "chinese_name", "record.han_characters"),
        ({"entry_date": desk.today() + timedelta(days=2)}, "entry_date", "record.entry_after_arrival"),
        ({"page_image": b"root:x:0:0:root:/root:/bin/bash\n"}, "page_image", "page_image.not_image"),
    ]:
        with pytest.raises(DeskError) as refused:
            desk.register(entry(desk, **changes))
        assert refused.value.code == "refused" and field in str(refused.value), changes
        assert [(f.field, f.code) for f in refused.value.findings] == [(field, code)]
        assert refused.value.findings[0].message_zh  # the window can say it in Chinese
    assert desk.in_house() == []  # nothing half-saved


def test_a_repeat_of_an_open_registration_waits_for_its_confirmation(desk: Desk) -> None:
    first = desk.register(entry(desk))
    again = entry(desk, room="1210")
    verdict = desk.verdict(again)
    assert verdict.repeated and [f.code for f in verdict.unacknowledged] == ["registration.duplicate"]
    with pytest.raises(DeskError) as refused:
        desk.register(again)
    assert refused.value.code == "duplicate" and "room 1208" in str(refused.value)
    assert [f.code for f in refused.value.findings] == ["registration.duplicate"]
    second = desk.register(replace(again, accepted_warnings=("registration.duplicate",)))
    assert {g.room for g in desk.in_house()} == {"1208", "1210"} and second.report_id != first.report_id
    desk.check_out(desk.in_house("1208")[0].registration_id)
    desk.check_out(desk.in_house("1210")[0].registration_id)
    assert desk.register(entry(desk, room="1301")).room == "1301"  # after checking out, a new stay
