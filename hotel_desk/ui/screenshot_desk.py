"""The screenshots of the desk's ways out of a trap (hotel_desk.ui.screenshots calls these): Check-in at a
larger screen too, a document that prints a wrong check digit with "Register as printed", a page read while a
guest is unfinished, Settings, and the LIVE switch's connection test. Dialogs are taken on their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hotel_desk.documents import check_digit

if TYPE_CHECKING:
    from hotel_desk.ui.app import DeskApp

LARGE = (1920, 1080)
Grab = Callable[[str], None]
Wait = Callable[[Callable[[], bool]], None]


def printed_wrong(lines: tuple[str, str]) -> tuple[str, str]:
    """A passport zone whose number's check digit is printed one too high, the composite computed over the
    line as printed (as some issuers do)."""
    line1, line2 = lines
    wrong = str((int(line2[9]) + 1) % 10)
    line2 = line2[:9] + wrong + line2[10:43]
    return line1, line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:43])


def large_check_in(desk_app: DeskApp, grab: Grab, size: tuple[int, int]) -> None:
    """The same check-in on a 1920 x 1080 screen."""
    window = desk_app.window
    window.resize(*LARGE)
    grab("checkin_1920")
    window.resize(*size)


def exceptions(desk_app: DeskApp, grab: Grab, grab_widget: Callable[[object, str], None], wait: Wait) -> None:
    """A document that prints a wrong check digit, then a page arriving for an unfinished guest."""
    from hotel_desk.devices.reads import ReaderEvent, ReadOutcome
    from hotel_desk.ui.demo import DEMO_GUESTS

    window = desk_app.window
    page = window.check_in
    readers = desk_app.readers
    assert readers is not None
    page.clear()
    lines = printed_wrong(DEMO_GUESTS[2].mrz())
    readers.read.emit(ReaderEvent(ReadOutcome.ACCEPTED, lines, "read_ok", source="reader"))
    wait(lambda: page.form.text("surname_en") == DEMO_GUESTS[2].surname)
    page.form.set_value("room", "1502")
    page.form.request_register()
    wait(lambda: page.override_dialog is not None and page.override_dialog.isVisible())
    dialog = page.override_dialog
    assert dialog is not None
    dialog.reason.setCurrentIndex(1)
    grab("printed_digit")
    grab_widget(dialog, "override")
    dialog.reject()

    # The next guest's passport on the reader while this one is unfinished: the page asks.
    readers.read.emit(ReaderEvent(ReadOutcome.ACCEPTED, DEMO_GUESTS[3].mrz(), "read_ok", source="reader"))
    wait(lambda: page.question.isVisible())
    grab("newpage")
    page.keep_editing()
    page.clear()
    page.waiting.take(0)


def settings_and_live(desk_app: DeskApp, grab: Grab, grab_widget: Callable[[object, str], None], wait: Wait) -> None:
    """Settings, then the LIVE switch's dialog with its connection test against the practice intake."""
    window = desk_app.window
    window.show_page("settings")
    settings = window.settings_page
    grab("settings")
    settings.training.setChecked(False)
    settings.intake_url.setText(desk_app.desk.intake_url)
    new = settings.collected()
    from hotel_desk.ui.live_switch import LiveSwitchDialog

    dialog = LiveSwitchDialog(desk_app.ctx, new, settings)
    dialog.show()
    wait(lambda: dialog.result_test is not None)
    grab_widget(dialog, "liveswitch")
    dialog.reject()
    settings.training.setChecked(True)
    settings.intake_url.setText(desk_app.ctx.settings.intake_url)
