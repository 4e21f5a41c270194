"""What the pages list: the guests in house (with each stay's newest report), the reports (as they were sent)
and the status bar's summary. Audited reads where they carry personal data (the store records them)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from hotel_desk.desk.views import InHouseGuest, QueueSummary, ReportRow, report_rows
from hotel_desk.rules.reports import (
    AWAITING_RECEIPT_STATES,
    OPEN_STATES,
    UNSENT_STATES,
    ReportState,
)
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk

#: How far back the Reports page looks for finished reports (open ones are always shown, however old).
RECENT_REPORTS = timedelta(hours=48)


def in_house(desk: Desk, query: str = "") -> list[InHouseGuest]:
    from hotel_desk import store

    desk.require(Permission.VIEW_PERSONAL_DATA)
    rows = store.guests_in_house(desk.db, actor=desk.actor, search=query or None, clock=desk.clock)
    latest = store.latest_reports(desk.db, [r.registration_id for r in rows])
    guests = []
    for r in rows:
        report = latest.get(r.registration_id)
        guests.append(InHouseGuest(
            r.registration_id, r.room, r.surname_en, r.given_names_en, r.chinese_name, r.nationality,
            r.document_number, r.arrival_at, r.planned_departure, report_kind=report.kind if report else "",
            report_state=report.state if report else "", report_deadline=report.deadline_at if report else None,
            group_id=r.group_id))
    return guests


def reports(desk: Desk) -> list[ReportRow]:
    """Every open report, however old, and every report of the last 48 hours, nearest deadline first, each
    with the name and room it SENT (its payload), not the registration as a later correction left it.

    Two audited listings from the store's report history: the open states (bounded by the queue's size)
    and the recent window (bounded by the (event_time, seq) index)."""
    from hotel_desk import store

    desk.require(Permission.VIEW_PERSONAL_DATA)
    found = store.report_history(desk.db, actor=desk.actor, states=[s.value for s in OPEN_STATES], limit=2000,
                                 clock=desk.clock)
    found += store.report_history(desk.db, actor=desk.actor, since=desk.now() - RECENT_REPORTS, limit=2000,
                                  clock=desk.clock)
    return report_rows(found, desk.now())


def summary(desk: Desk) -> QueueSummary:
    """The status bar: what still has to go out, what waits for a receipt or a correction, the nearest
    deadline still counting down, and whether reports get through (the last real exchange or probe)."""
    from hotel_desk import store

    data = store.outbox_summary(desk.db, clock=desk.clock)
    by_state = data["by_state"]
    link = desk.link.state
    return QueueSummary(
        pending=sum(int(by_state.get(s.value, 0)) for s in UNSENT_STATES),
        nearest_deadline=data["nearest_deadline"], online=link.online,
        needs_correction=int(by_state.get(ReportState.REJECTED.value, 0)), last_error=link.detail,
        awaiting_receipt=sum(int(by_state.get(s.value, 0)) for s in AWAITING_RECEIPT_STATES),
        link_problem=link.problem, link_at=link.at, overdue=int(data["overdue"]))
