"""The workflows through the window (offscreen, real store and training intake): a group checked in from a
stack of reads with a child on a parent's passport and checked out together at a typed time; the suspected-error
worklist answered both ways; the overdue banner and the morning reminder; a returning guest's form filled from
the last stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from hotel_desk.devices.reads import ReaderEvent, ReadOutcome
from hotel_desk.documents import format_td3
from tests.ui.conftest import SLOW_MS


def _lines(n: int) -> tuple[str, str]:
    return format_td3(document_code="P<", issuing_state="CAN", surname=f"ROSS{chr(65 + n)}", given_names="KIM",
                      document_number=f"CA{n:07d}", nationality="CAN", birth=f"{75 + n:02d}0101", sex="F",
                      expiry="331231")


def test_group_check_in_from_a_stack_of_reads(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    window = desk_app.window
    page = window.check_in
    qtbot.keyClick(page.form.editors["room"], Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert page.group_mode and page.right.currentWidget() is page.group
    group = page.group
    dropper(page.page_view, sample_passport)  # a scanned page: joins the list, does not fill the form
    qtbot.waitUntil(lambda: len(group.model.members) == 1, timeout=SLOW_MS)
    for n in range(3):  # a reader delivers the rest of the stack
        desk_app.readers.read.emit(ReaderEvent(ReadOutcome.ACCEPTED, _lines(n), "ok", source="serial"))
    qtbot.waitUntil(lambda: len(group.model.members) == 4, timeout=SLOW_MS)
    assert page.form.text("surname_en") == "" and group.arrival.text()  # arrival: when the first page was read
    assert not group.register_button.isEnabled() and "without a room" in group.blocker.text()
    group.model.set_room(0, "1501")
    group.table.selectRow(1)
    qtbot.keyClick(group.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # same room as previous
    assert group.model.members[1].entry.room == "1501"
    group.model.set_room(2, "1502")
    group.model.set_room(3, "1503")
    # A child in the third guest's passport.
    group.table.selectRow(2)
    group.ask_child()
    assert group.child_card.isVisible() and group.child_surname.text() == "ROSSB"
    qtbot.keyClicks(group.child_given, "LEO")
    group.child_birth.setText((desk_app.desk.today() - timedelta(days=5 * 365)).isoformat())
    group.child_sex.setCurrentIndex(group.child_sex.findData("M"))
    group.add_child()
    assert len(group.model.members) == 5 and group.model.members[4].parent == 2
    assert group.model.members[4].entry.room == "1502"
    group.name.setText("Maple Tours")
    group.visa_number.setText("gv-77")
    group.refresh_review()
    qtbot.waitUntil(lambda: group.accept_warnings.isVisible(), timeout=SLOW_MS)  # the child is a minor
    group.accept_warnings.setChecked(True)
    assert group.register_button.isEnabled(), group.blocker.text()
    assert group.register_button.text().endswith("(5)")
    qtbot.keyClick(group.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # (English plural forms may be installed: "5 guests", or the source's "5 guest(s)".)
    qtbot.waitUntil(lambda: "Registered 5 guest" in page.message.text() and "Maple Tours" in page.message.text(),
                    timeout=SLOW_MS)
    assert group.model.members == []
    in_house = desk_app.desk.in_house()
    assert len(in_house) == 5 and len({g.group_id for g in in_house}) == 1

    # The whole group leaves together, an hour ago.
    window.show_page("in_house")
    house = window.in_house
    qtbot.waitUntil(lambda: house.model.rowCount() == 5, timeout=SLOW_MS)
    house.select_row(0)
    qtbot.keyClick(house.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert len(house.selected_guests()) == 5
    house.ask_check_out()
    assert "5 guest" in house.confirm_text.text()
    house.checkout_time.setText("2099-01-01 10:00")
    house._check_time()
    assert not house.confirm_button.isEnabled() and "future" in house.time_problem.text()
    house.checkout_time.reset()
    house._check_time()
    assert house.confirm_button.isEnabled()
    qtbot.keyClick(house.confirm_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "checked out" in house.message.text() and "5 guest" in house.message.text(),
                    timeout=SLOW_MS)
    kinds = [r.kind for r in desk_app.desk.reports()]
    assert kinds.count("check_out") == 5 and kinds.count("check_in") == 5


def test_the_worklist_answers_an_item_both_ways(qtbot, desk_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.workflows.test_desk_workflows import scanned

    desk = desk_app.desk
    first = desk.register(scanned(desk, _lines(0), "0701", planned_departure=desk.today() + timedelta(days=1)))
    desk.register(scanned(desk, _lines(1), "0702", planned_departure=desk.today() + timedelta(days=1)))
    path = tmp_path / "police.csv"
    path.write_text("document_number,nationality,surname,field,problem\n"
                    "CA0000000,CAN,ROSSA,room,Room not in the hotel's list\n"
                    "CA0000001,CAN,ROSSB,birth_date,Checked: no problem expected\n", encoding="utf-8")
    window = desk_app.window
    window.show_page("worklist")
    page = window.worklist
    page.import_list(str(path))
    qtbot.waitUntil(lambda: "Imported 2 item(s)" in page.message.text(), timeout=SLOW_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=SLOW_MS)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.correct_button.isEnabled(), timeout=SLOW_MS)
    assert "Room" in page.police_says.text() and "document number and nationality" in page.match_info.text()
    page.open_correction()
    assert page.body.currentIndex() == 1 and page.form.text("room") == "0701"
    page.form.set_value("room", "0711")
    page.form.request_register()
    qtbot.waitUntil(lambda: "correction report is queued" in page.message.text(), timeout=SLOW_MS)
    corrected = [r for r in desk.reports() if r.kind == "correction"]
    assert len(corrected) == 1 and corrected[0].registration_id == first.registration_id
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SLOW_MS)  # open items only
    page.table.selectRow(0)
    page.ask_note()
    page.save_verified()
    assert "needs a note" in page.message.text()
    qtbot.keyClicks(page.note, "Compared with the passport: the date is right")
    qtbot.keyClick(page.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "verified correct" in page.message.text(), timeout=SLOW_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=SLOW_MS)
    assert desk.suspected.counts() == {"open": 0, "corrected": 1, "verified": 1, "total": 2, "overdue": 0}


def test_overdue_guests_are_shown_in_the_morning_and_in_house(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from tests.workflows.test_desk_workflows import scanned

    desk_app = make_desk_app(checkout_time="09:00")  # the test day starts at 10:00 in Shanghai
    desk = desk_app.desk
    desk.register(scanned(desk, _lines(2), "0303", planned_departure=desk.today()))
    desk_app.ctx.closure.check()
    window = desk_app.window
    qtbot.waitUntil(lambda: "past the planned departure" in window.check_in.message.text(), timeout=SLOW_MS)
    window.show_page("in_house")
    house = window.in_house
    qtbot.waitUntil(lambda: house.overdue_banner.isVisible() and house.model.rowCount() == 1, timeout=SLOW_MS)
    assert "1 guest" in house.overdue_banner.text.text()
    index = house.proxy.index(0, 5)
    assert house.proxy.data(index, Qt.ItemDataRole.ToolTipRole)  # the departure cell says it is past
    house.overdue_banner.button.setChecked(True)  # show only them
    qtbot.waitUntil(lambda: not house._loading and house.model.rowCount() == 1, timeout=SLOW_MS)


def test_a_returning_guest_is_filled_in_from_the_last_stay(qtbot, desk_app, dropper, sample_passport) -> None:  # type: ignore[no-untyped-def]
    from tests.workflows.test_desk_workflows import scanned

    desk = desk_app.desk
    earlier = scanned(desk, format_td3(document_code="P<", issuing_state="NZL", surname="HARTLEY",
                                       given_names="EMMA JANE", document_number="LM4027715", nationality="NZL",
                                       birth="880314", sex="F", expiry="330630"), "0404")
    first = desk.register(replace(earlier, came_from="Auckland", reason="Business"))
    desk.check_out(first.registration_id)
    page = desk_app.window.check_in
    dropper(page.page_view, sample_passport)
    qtbot.waitUntil(lambda: page.form.text("came_from") == "Auckland", timeout=SLOW_MS)
    assert page.form.text("room") == "" and page.form.returning_of == first.registration_id
    assert "Returning guest" in page.read_info.text()
    assert any(f.code == "returning.filled" for f in page.form.all_findings())
    page.form.set_value("room", "0505")
    page.form.request_register()
    qtbot.waitUntil(lambda: page.last_registered is not None, timeout=SLOW_MS)
    history = desk.returning.history(page.last_registered.registration_id)
    assert [h.room for h in history] == ["0505", "0404"]


def test_the_liaison_reads_the_worklist_and_answers_nothing(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from hotel_desk.rules.roles import Role

    desk_app = make_desk_app(user=("li", Role.LIAISON))
    window = desk_app.window
    window.show_page("worklist")
    page = window.worklist
    assert not page.import_button.isVisible() and not page.correct_button.isVisible()
    assert not page.verified_button.isVisible()
    qtbot.waitUntil(lambda: not page._loading and page.empty_label.isVisible(), timeout=SLOW_MS)
