"""Retake the screenshots in docs/screenshots/: `./dev shots` (= `python -m hotel_desk.ui.screenshots
docs/screenshots`). Runs the real app on Qt's offscreen platform with a temporary database, the training
intake and invented demo guests, in English and Simplified Chinese, at a fixed moment so the pictures only
change when the window does."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hotel_desk.desk import Desk
    from hotel_desk.desk.views import GuestEntry

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = Path(__file__).with_name("resources") / "sample_passport.png"
#: 14:30 in Beijing: the afternoon check-in rush, with yesterday's arrivals' deadlines coming up.
MOMENT = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)
SIZE = (1366, 768)
INSPECTION_SIZE = (1366, 768)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()


def settle(seconds: float = 0.3) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def take(language: str, out_dir: Path) -> list[Path]:
    from hotel_desk.clock import ManualClock
    from hotel_desk.settings import Settings
    from hotel_desk.ui import screenshot_access, screenshot_desk
    from hotel_desk.ui.app import build
    from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry
    from hotel_desk.ui.manual_page import ManualEntryPage

    work = Path(tempfile.mkdtemp(prefix="hotel_desk-shots-"))
    clock = ManualClock(MOMENT - timedelta(hours=23))
    settings = Settings(
        hotel_name="湖畔客栈" if language.startswith("zh") else "Lakeside Inn", hotel_code="3101060042",
        substation_code="310106-07", training=True, language=language,
        extra={"training_intake_port": "0", "training_intake_db": str(work / "intake.sqlite3")},
    )
    desk_app = build(settings, database_url=f"sqlite:///{(work / 'desk.sqlite3').as_posix()}", clock=clock)
    desk = desk_app.desk
    desk_app.window.resize(*SIZE)
    desk_app.start(show=True)
    wait_until(lambda: desk_app.ctx.ready)
    window = desk_app.window
    prefix = "zh" if language.startswith("zh") else "en"
    shots: list[Path] = []

    def grab(name: str) -> None:
        # The status bar shows the queue and the link as they are now, not as the last poll saw them.
        ctx = desk_app.ctx
        wait_until(lambda: not ctx._probing)
        ctx.probe_if_due(force=True)
        wait_until(lambda: not ctx._probing)
        polled = [False]
        ctx.summary_changed.connect(lambda _s: polled.__setitem__(0, True))
        ctx._polling = False
        ctx.refresh_summary()
        wait_until(lambda: polled[0])
        settle()
        path = out_dir / f"{name}_{prefix}.png"
        window.grab().save(str(path))
        shots.append(path)

    def grab_widget(widget: Any, name: str) -> None:
        settle()
        path = out_dir / f"{name}_{prefix}.png"
        widget.grab().save(str(path))
        shots.append(path)

    # A fresh installation asks for its first manager; the demo's staff are then set up and the manager works.
    screenshot_access.first_manager(desk_app, grab, wait_until, prefix == "zh")

    # Yesterday's and today's arrivals: most reports accepted, one refused by the intake, one failing
    # for a while (its deadline close: red), and the newest still waiting. Registered in this order so the
    # uploader's outcome for each is settled before the next: (guest, hours before MOMENT, intake behaviour).
    by_name = {g.surname: g for g in DEMO_GUESTS}
    plan = [("MUELLER", 26.0, ""), ("DUBOIS", 9.0, "transient=1"), ("KIM", 4.0, ""), ("SANTOS", 1.5, "reject=1"),
            ("TANAKA", 22.5, "transient=1"), ("OBRIEN", 0.4, None)]
    made = []
    for surname, hours_ago, faults in plan:
        clock.set(MOMENT - timedelta(hours=hours_ago))
        if faults is None:
            desk.pause_uploads()  # the newest one is still in the queue when the picture is taken
        else:
            desk.set_training_faults(faults or None)
        made.append(desk.register(demo_entry(desk, by_name[surname])))
        if faults is not None:
            desk.send_now()
            report_id = made[-1].report_id

            def settled(report_id: str = report_id) -> bool:
                return _state(desk, report_id) in ("acknowledged", "rejected", "failed_retrying")

            wait_until(settled)
            if surname == "DUBOIS":
                # A small inn's outage: the form went to an officer (the clock stopped), the receipt to come.
                clock.set(MOMENT - timedelta(hours=hours_ago - 0.5))
                desk.hand_over_in_person(report_id, "Officer Li" if prefix == "en" else "李警官")
    desk.set_training_faults(None)
    clock.set(MOMENT)

    # Check-in with the sample passport read.
    window.show_page("check_in")
    window.check_in.clear()  # the default departure follows the (demo) clock
    window.manual.clear()
    window.check_in.read_file(str(SAMPLE))
    wait_until(lambda: window.check_in.form.text("surname_en") != "")
    form = window.check_in.form
    form.set_value("room", "1210")
    form.set_value("came_from", "Auckland")
    form.set_value("going_to", "Hangzhou")
    form.set_value("visa_type", "L")
    form.editors["room"].setFocus()
    grab("checkin")
    screenshot_desk.large_check_in(desk_app, grab, SIZE)
    screenshot_desk.exceptions(desk_app, grab, grab_widget, wait_until)

    # Manual entry with a mistyped check digit on the document number.
    window.show_page("manual")
    page: ManualEntryPage = window.manual
    line1, line2 = DEMO_GUESTS[0].mrz()
    page.set_mrz_text(line1 + "\n" + line2[:9] + ("1" if line2[9] != "1" else "2") + line2[10:])
    page.mrz_form.set_value("room", "1208")
    grab("manual")

    # Reports: the queue with deadlines, receipts and a refusal.
    window.show_page("reports")
    wait_until(lambda: len(window.reports.model.rows) >= len(made))
    rejected = next(r for r in window.reports.model.rows if r.state == "rejected")
    window.reports.select_report(rejected.report_id)
    desk_app.ctx.refresh_summary()
    wait_until(lambda: desk_app.ctx.summary.pending > 0)
    grab("reports")

    window.show_page("in_house")
    wait_until(lambda: window.in_house.model.rowCount() >= len(made))
    window.in_house.table.selectRow(1)
    grab("inhouse")

    screenshot_desk.settings_and_live(desk_app, grab, grab_widget, wait_until)
    # The police's other workflows, at a front-desk PC's 1366×768.
    from hotel_desk.ui.screenshots_workflows import take_workflows

    take_workflows(desk_app, clock, MOMENT, SAMPLE, grab, wait_until)

    # Inspection (the police liaison's view) at a laptop's 1366 x 768: yesterday's and today's events with
    # names, the measures, a correction on its way, and the chain verified.
    desk.pause_uploads()
    desk.correct(made[1].registration_id, _with_room(desk, made[1].registration_id, "1722"), "room changed")
    desk.check_audit_trail()
    window.resize(*INSPECTION_SIZE)
    window.show_page("inspection")
    inspection = window.inspection
    inspection.first.setDate(inspection.last.date().addDays(-1))
    inspection.refresh()
    wait_until(lambda: inspection.data is not None and inspection.timeline_model.rowCount() > 0)
    inspection.tabs.setCurrentIndex(0)
    grab("inspection")
    window.resize(*SIZE)

    # Staff accounts, the lock screen and the sign-in.
    screenshot_access.door(desk_app, grab, wait_until)

    desk_app.shutdown()
    window.close()
    return shots


def _with_room(desk: Desk, registration_id: str, room: str) -> GuestEntry:
    from dataclasses import replace

    return replace(desk.registration_entry(registration_id), room=room)


def _state(desk: Desk, report_id: str) -> str:
    rows = desk.reports()
    return next((r.state for r in rows if r.report_id == report_id), "")


def main(argv: list[str]) -> int:
    from hotel_desk.ui.app import ensure_application

    out_dir = Path(argv[0]) if argv else Path("docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    ensure_application()
    languages = argv[1:] or ["en", "zh_CN"]
    for language in languages:
        for path in take(language, out_dir):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
