"""The screenshots of the police's other workflows, at the 1366×768 of a front-desk PC: the suspected-error
worklist (a police list imported, one item beside its page image), a group check-in under review, and the In
house page with a guest past the planned departure. Taken by hotel_desk.ui.screenshots after the main screens,
on the same demo desk and clock."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from hotel_desk.documents import format_td3

if TYPE_CHECKING:
    from hotel_desk.clock import ManualClock
    from hotel_desk.ui.app import DeskApp

SIZE = (1366, 768)

POLICE_LIST = """document_number,nationality,surname,field,problem
LM4027715,NZL,HARTLEY,birth_date,Date of birth differs from the entry-exit record
19AV53821,FRA,DUBOIS,given_names_en,Given names incomplete (second given name missing)
M62019473,KOR,KIM,visa_type,Visa type differs from the entry record
X99312457,USA,JOHNSON,,No such guest in the hotel's records
"""
#: The same list as a police system exports it in Chinese (GBK, Chinese column and field names): the layout
#: police-gbk-example reads it.
POLICE_LIST_ZH = """序号,证件号码,国籍,英文姓,疑似错误项,问题描述
1,LM4027715,NZL,HARTLEY,出生日期,出生日期与出入境记录不一致
2,19AV53821,FRA,DUBOIS,英文名,英文名不完整（缺第二个名）
3,M62019473,KOR,KIM,签证种类,签证种类与入境记录不一致
4,X99312457,USA,JOHNSON,,本单位无此旅客登记记录
"""

#: A tour group from Australia on one group visa (invented people, MRZs composed by the document core).
GROUP = (("AUS", "WALKER", "OLIVIA", "PA4410231", "790512", "F", "1801"),
         ("AUS", "WALKER", "JAMES", "PA4410232", "770830", "M", ""),
         ("AUS", "NGUYEN", "THANH", "PA5528194", "850117", "M", "1802"),
         ("AUS", "MORRIS", "CHLOE", "PA6631027", "920224", "F", "1803"),
         ("AUS", "MORRIS", "ETHAN", "PA6631028", "900709", "M", "1803"),
         ("NZL", "PATEL", "ANIKA", "LN2207716", "880403", "F", "1805"))


def take_workflows(desk_app: DeskApp, clock: ManualClock, moment: datetime, sample: Path,
                   grab: Callable[[str], None], wait_until: Callable[[Callable[[], bool]], None]) -> None:
    """`grab(name)` saves the window as docs/screenshots/<name>_<lang>.png; `wait_until(condition)` lets the
    window work until the condition holds (both the main screenshot run's)."""
    from hotel_desk import store

    window = desk_app.window
    desk = desk_app.desk
    window.resize(*SIZE)

    # The worklist: the sample passport's guest registered with her page, then a police list about her and
    # three others.
    clock.set(moment - timedelta(hours=20))
    read = desk.read_document(sample)
    check = desk.check_mrz(list(read.lines))
    entry = desk.groups.entry_from_check(check, entry_method="scanner", page_image=read.image_bytes)
    assert entry is not None
    desk.register(replace(entry, room="1210", planned_departure=desk.today() + timedelta(days=3), visa_type="L",
                          came_from="Auckland", going_to="Hangzhou", reason="Tourism"))
    clock.set(moment)
    work = Path(tempfile.mkdtemp(prefix="hotel_desk-shots-list-"))
    police_list = work / "jingan-suspected-errors-2026-11-22.csv"
    window.show_page("worklist")
    page = window.worklist
    if desk_app.language.startswith("zh"):
        police_list.write_bytes(POLICE_LIST_ZH.encode("gbk"))
        page.layout_choice.setCurrentIndex(page.layout_choice.findData("police-gbk-example"))
    else:
        police_list.write_text(POLICE_LIST, encoding="utf-8")
    page.import_list(str(police_list))
    wait_until(lambda: page.model.rowCount() == 4)
    row = next(i for i, item in enumerate(page.model.items) if item.surname == "HARTLEY")
    page.table.selectRow(row)
    wait_until(lambda: page._entry is not None and page.page_view.has_image())
    page.message.clear_message()
    grab("worklist")

    # Group check-in under review: six passports read, rooms typed, a child on a parent's passport.
    window.show_page("check_in")
    check_in = window.check_in
    check_in.clear()  # the group's passports came through the reader: no page on show
    check_in.group_button.setChecked(True)
    group = check_in.group
    group.clear()
    expiry = (desk.today() + timedelta(days=5 * 365)).strftime("%y%m%d")
    for state, surname, given, number, birth, sex, room in GROUP:
        lines = format_td3(document_code="P<", issuing_state=state, surname=surname, given_names=given,
                           document_number=number, nationality=state, birth=birth, sex=sex, expiry=expiry)
        group.add_read(desk.check_mrz(list(lines)), None, "reader")
        row = len(group.model.members) - 1
        if room:
            group.model.set_room(row, room)
        else:
            group.table.selectRow(row)
            group.same_room_as_previous()
    group.name.setText("Blue Sky Tours BST-1122")
    group.name.setCursorPosition(0)
    group.leader.setText("ZHANG Wei")
    group.visa_number.setText("G22110458")
    group.visa_type.setCurrentIndex(max(group.visa_type.findData("L"), 0))
    group.came_from.setText("Beijing")
    group.going_to.setText("Xi'an")
    group.reason.setEditText(group.reason.itemText(1))
    group.table.selectRow(3)
    group.ask_child()
    group.child_given.setText("ISLA")
    group.child_birth.setText((desk.today() - timedelta(days=7 * 365 + 40)).isoformat())
    group.child_sex.setCurrentIndex(group.child_sex.findData("F"))
    group.add_child()
    group.arrival.setText((moment - timedelta(minutes=25)).astimezone(_zone(desk_app)).strftime("%H:%M"))
    group.departure.setText((desk.today() + timedelta(days=2)).isoformat())
    group.refresh_review()
    group.table.selectRow(len(group.model.members) - 1)
    check_in.message.clear_message()
    grab("group_checkin")
    check_in.group_button.setChecked(False)

    # In house: a guest who was due out yesterday and never checked out, and the check-out at a typed time.
    clock.set(moment - timedelta(hours=50))
    late = desk.check_mrz(list(format_td3(
        document_code="P<", issuing_state="GBR", surname="FLETCHER", given_names="TOM", document_number="553920417",
        nationality="GBR", birth="810926", sex="M", expiry=expiry)))
    guest = desk.groups.entry_from_check(late, entry_method="reader")
    assert guest is not None
    fletcher = desk.register(replace(guest, room="0612", planned_departure=desk.today() + timedelta(days=1),
                                     visa_type="F", came_from="London", going_to="Suzhou", reason="Business"))
    clock.set(moment)
    desk.send_now()  # his check-in was reported two days ago, as every report would have been
    wait_until(lambda: store.get_report(desk.db, fletcher.report_id).state == "acknowledged")
    window.show_page("in_house")
    house = window.in_house
    desk_app.ctx.closure.check()
    wait_until(lambda: house.overdue_banner.isVisible() and house.model.rowCount() >= 7)
    for row in range(house.proxy.rowCount()):
        if house.proxy.data(house.proxy.index(row, 0)) == "0612":
            house.select_row(row)
    house.ask_check_out()
    house.checkout_time.setText((moment - timedelta(hours=26, minutes=40)).astimezone(_zone(desk_app))
                                .strftime("%Y-%m-%d %H:%M"))
    house._check_time()
    grab("overdue")


def _zone(desk_app: DeskApp) -> tzinfo:
    from hotel_desk.clock import local_zone

    return local_zone(desk_app.settings.timezone or None)
