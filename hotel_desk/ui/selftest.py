"""`hotel-desk selftest`: prove an installation works end to end, without a display and without touching the
desk's own data. The real window is built on Qt's offscreen platform with a temporary database and the
training intake; a temporary manager is set up through the first-start screen and signed in, then the bundled
sample passport is read, checked in, reported, and the receipt awaited.
Exit 0 when every step passed, 1 otherwise; each step prints one line, so an installer's log says which
part failed."""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from hotel_desk import RELEASED_ON
from hotel_desk.clock import Clock, ShiftedClock, local_zone

SAMPLE = Path(__file__).with_name("resources") / "sample_passport.png"
EXPECTED = {"surname_en": "HARTLEY", "given_names_en": "EMMA JANE", "document_number": "LM4027715",
            "nationality": "NZL", "birth_date": "1988-03-14", "document_expiry": "2033-06-30"}
#: The day the sample page was drawn: it is valid then, whatever the date is when the self-test runs.
SAMPLE_DRAWN_ON = date(2026, 11, 20)
#: A check-in needs the document valid for the stay; the self-test's stay is a few days.
SAMPLE_MARGIN = timedelta(days=60)


def judge_clock(now: datetime) -> tuple[datetime | None, str, bool]:
    """What the self-test makes of the computer's clock: (start of a shifted clock or None for the real one,
    what to print, whether the date is plausible). A clock before the release date is wrong (every deadline
    would be too); a date after the sample's validity is fine, and the sample is checked as on its own day."""
    released = date.fromisoformat(RELEASED_ON)
    today = now.astimezone(local_zone()).date()
    if today < released:
        return None, (f"the computer's clock says {today.isoformat()}, before this version was released "
                      f"({RELEASED_ON}): set the right date and time, or every 24-hour deadline is wrong"), False
    expiry = date.fromisoformat(EXPECTED["document_expiry"])
    if today + SAMPLE_MARGIN > expiry:
        start = datetime.combine(SAMPLE_DRAWN_ON, now.astimezone(local_zone()).time(), tzinfo=local_zone())
        return start, (f"today is {today.isoformat()}; the sample passport runs out on {expiry.isoformat()}, "
                       f"so it is checked as on {SAMPLE_DRAWN_ON.isoformat()}"), True
    return None, f"today is {today.isoformat()} ({local_zone()})", True


class StepFailed(Exception):
    pass


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise StepFailed(f"timed out after {timeout:.0f} s waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def run(out: TextIO = sys.stdout, *, timeout: float = 120.0, keep: bool = False,
        now: datetime | None = None) -> int:
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hotel_desk-selftest-"))
    # Nothing of the desk's real settings, database or training intake is read or written.
    os.environ["HOTEL_DESK_DATA_DIR"] = str(work / "data")
    os.environ["HOTEL_DESK_CONFIG_DIR"] = str(work / "config")
    os.environ.pop("HOTEL_DESK_DATABASE_URL", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    desk_app = None
    failed = False

    def step(name: str, detail: str) -> None:
        out.write(f"  {name:<18} ok   {detail}\n")
        out.flush()

    out.write("hotel-desk selftest\n")
    try:
        shifted_start, clock_note, clock_ok = judge_clock(now or datetime.now(UTC))
        if not clock_ok:
            raise StepFailed(clock_note)
        clock: Clock | None = ShiftedClock(shifted_start) if shifted_start is not None else None
        step("clock", clock_note)
        t0 = time.perf_counter()
        from hotel_desk.settings import Settings
        from hotel_desk.ui.app import build

        settings = Settings(hotel_name="Self-test", training=True, language="en",
                            extra={"training_intake_port": "0",
                                   "training_intake_db": str(work / "training-intake.sqlite3")})
        desk_app = build(settings, database_url=f"sqlite:///{(work / 'desk.sqlite3').as_posix()}", clock=clock)
        desk_app.start(show=True)
        window = desk_app.window
        step("window", f"{os.environ['QT_QPA_PLATFORM']} platform, {time.perf_counter() - t0:.2f} s")

        _wait(lambda: desk_app.ctx.ready, timeout, "the database and the training intake")
        desk = desk_app.desk
        step("store", f"temporary SQLite in {work}")
        step("training intake", desk.intake_url)

        # The first start asks for the installation's first manager: a throw-away one, in the throw-away store.
        screen = window.access_screen
        _wait(lambda: screen.mode == "first_manager", timeout, "the first manager's set-up screen")
        password = secrets.token_urlsafe(16)
        screen.name.setEditText("selftest")
        screen.password.setText(password)
        screen.password_again.setText(password)
        screen.submit_form()
        _wait(lambda: desk_app.ctx.access.open or screen.message.kind == "error", timeout, "the sign-in")
        if not desk_app.ctx.access.open:
            raise StepFailed(f"the first manager could not sign in: {screen.message.text()}")
        step("sign-in", "a temporary manager, set up on the first-start screen")

        if not SAMPLE.is_file():
            raise StepFailed(f"the bundled sample page is missing: {SAMPLE}")
        page = window.check_in
        t0 = time.perf_counter()
        page.read_file(str(SAMPLE))
        _wait(lambda: page.last_read is not None or page.message.kind == "error", timeout, "the page to be read")
        if page.message.kind == "error" or page.last_read is None or not page.last_read.lines:
            raise StepFailed(f"the sample page was not read: {page.message.text() or page.read_info.text()}")
        wrong = {k: page.form.text(k) for k, v in EXPECTED.items() if page.form.text(k) != v}
        if wrong:
            raise StepFailed(f"fields read wrongly: {wrong}")
        step("read sample page", f"{time.perf_counter() - t0:.2f} s, {page.last_read.lines[1]}")

        page.form.set_value("room", "0101")
        if not page.form.can_register():
            raise StepFailed(f"Register is blocked: {page.form.blocker.text()}")
        t0 = time.perf_counter()
        page.form.request_register()
        _wait(lambda: page.last_registered is not None or page.message.kind == "error", timeout,
              "the registration to be saved")
        if page.last_registered is None:
            raise StepFailed(page.message.text())
        registered = page.last_registered
        step("register", f"room 0101, report {registered.report_id}")

        def receipt() -> str:
            rows = [r for r in desk.reports() if r.report_id == registered.report_id]
            if rows and rows[0].state == "rejected":
                raise StepFailed(f"the training intake refused the report: {rows[0].error}")
            return rows[0].receipt if rows and rows[0].state == "acknowledged" else ""

        last_check = [0.0]

        def has_receipt() -> bool:
            # The store is asked at most every 100 ms; the UI keeps running meanwhile.
            if time.monotonic() - last_check[0] < 0.1:
                return False
            last_check[0] = time.monotonic()
            return bool(receipt())

        _wait(has_receipt, timeout, "the training intake's receipt")
        step("receipt", f"{receipt()} ({time.perf_counter() - t0:.2f} s after Register)")
        window.show_page("reports")
        _wait(lambda: window.reports.row_for(registered.report_id) is not None, timeout, "the Reports page")
        step("reports page", "shows the report with its receipt")
    except StepFailed as exc:
        failed = True
        out.write(f"  FAILED: {exc}\n")
    except Exception as exc:  # an installer needs the reason, not a crash
        failed = True
        out.write(f"  FAILED: {type(exc).__name__}: {exc}\n")
        traceback.print_exc(file=out)
    finally:
        if desk_app is not None:
            desk_app.shutdown()
            desk_app.window.close()
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    verdict = "FAIL" if failed else "PASS"
    out.write(f"{verdict} ({time.perf_counter() - started:.1f} s)\n")
    return 1 if failed else 0
