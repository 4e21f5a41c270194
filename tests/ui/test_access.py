"""The window's door: the first manager on a fresh installation, the sign-in, what each role sees and can do,
the idle lock on an injected clock, unlock, and the quick switch to another user that keeps an unfinished
check-in. The desk layer enforces the same rules again (tests/staff)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hotel_desk import store
from hotel_desk.rules.roles import Role
from tests.support.staff import FIRST_MANAGER, PASSWORD, ensure_account
from tests.ui.conftest import SLOW_MS


def _visible_pages(window: Any) -> list[str]:
    from hotel_desk.ui.main_window import PAGES

    return [key for row, key in enumerate(PAGES) if not window.nav.item(row).isHidden()]


def _sign_in(qtbot: Any, desk_app: Any, name: str, password: str = PASSWORD) -> None:
    screen = desk_app.window.access_screen
    screen.name.setEditText(name)
    screen.password.setText(password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not desk_app.ctx.access.busy, timeout=SLOW_MS)


def test_first_start_asks_for_the_first_manager(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=None)
    window, screen = desk_app.window, desk_app.window.access_screen
    assert window.gate.currentWidget() is screen and screen.mode == "first_manager"
    assert window.nav.isHidden() or not window.desk_area.isVisible()
    screen.name.setEditText("Wang Fang")
    screen.password.setText("lotus-pond-7")
    screen.password_again.setText("lotus-pond-8")
    screen.submit_form()
    assert screen.message.kind == "error" and screen.password.text() == ""  # typed twice, differently
    screen.password.setText("short")
    screen.password_again.setText("short")
    screen.submit_form()
    qtbot.waitUntil(lambda: screen.message.kind == "error" and "8" in screen.message.text(), timeout=SLOW_MS)
    screen.password.setText("lotus-pond-7")
    screen.password_again.setText("lotus-pond-7")
    screen.submit_form()
    qtbot.waitUntil(lambda: window.gate.currentWidget() is window.desk_area, timeout=SLOW_MS)
    assert desk_app.desk.actor == "Wang Fang" and "Manager" in window.who_label.text()
    assert _visible_pages(window) == ["check_in", "manual", "in_house", "reports", "worklist", "inspection", "settings",
                                      "users"]
    window.show_page("users")
    qtbot.waitUntil(lambda: len(window.users.accounts) == 1, timeout=SLOW_MS)


def test_a_receptionist_neither_edits_settings_nor_cancels(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=("wang", Role.RECEPTIONIST))
    window = desk_app.window
    assert _visible_pages(window) == ["check_in", "manual", "in_house", "reports", "worklist"]
    window.show_page("settings")  # Ctrl+5 too: no way there
    assert window.current_page() != "settings"
    window.show_page("in_house")
    page = window.in_house
    assert page.checkout_button.isVisible() and page.correct_button.isVisible()
    assert not page.cancel_button.isVisible()
    page.ask_cancel()  # Ctrl+Shift+X
    assert not page.confirm_bar.isVisible()
    assert "Receptionist" in window.who_label.text()


def test_a_liaison_reads_in_house_and_reports_and_cannot_register(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=("li", Role.LIAISON))
    window = desk_app.window
    assert _visible_pages(window) == ["in_house", "reports", "worklist", "inspection"]  # the police lists: read only
    assert window.current_page() == "in_house"
    page = window.in_house
    assert not page.checkout_button.isVisible() and not page.correct_button.isVisible()
    window.show_page("reports")
    reports = window.reports
    assert not reports.retry_button.isVisible() and not reports.form_button.isVisible()
    window.show_page("check_in")
    assert window.current_page() == "reports"
    # A passport read at the desk has nowhere to go for the liaison.
    desk_app._open_scanned_page("/nonexistent.png")
    assert window.current_page() == "reports"


def test_idle_lock_keeps_the_unfinished_check_in_and_a_switch_keeps_it_too(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=("wang", Role.RECEPTIONIST))
    ensure_account(desk_app.desk, "li", Role.RECEPTIONIST, "li's password 1")
    desk_app.ctx.access.load()
    window, access = desk_app.window, desk_app.ctx.access
    now = [1000.0]
    access.idle.monotonic = lambda: now[0]
    access.idle.arm()
    form = window.check_in.form
    form.set_value("surname_en", "KOWALSKA")
    form.set_value("room", "1208")
    now[0] += 9 * 60
    access.idle.check()
    assert window.gate.currentWidget() is window.desk_area  # 9 minutes: not yet
    now[0] += 61
    access.idle.check()  # the timer's slot, on the injected clock
    screen = window.access_screen
    assert window.gate.currentWidget() is screen and screen.mode == "locked"
    assert screen.name.currentText() == "wang" and not screen.language_row.isVisible()
    _sign_in(qtbot, desk_app, "wang", "not my password")
    assert screen.message.kind == "error" and window.gate.currentWidget() is screen
    _sign_in(qtbot, desk_app, "wang")
    assert window.gate.currentWidget() is window.desk_area
    assert form.text("surname_en") == "KOWALSKA" and form.text("room") == "1208"
    # The quick switch: someone else signs in at the locked desk; the form is still there for them.
    window.switch_user()
    assert window.gate.currentWidget() is screen and screen.name.currentText() == ""
    _sign_in(qtbot, desk_app, "li", "li's password 1")
    qtbot.waitUntil(lambda: window.gate.currentWidget() is window.desk_area, timeout=SLOW_MS)
    assert desk_app.desk.actor == "li" and form.text("surname_en") == "KOWALSKA"
    actions = [(e.actor, e.action) for e in reversed(store.audit_events(desk_app.desk.db, action_prefix="session."))]
    qtbot.waitUntil(lambda: ("wang", "session.locked") in [
        (e.actor, e.action) for e in store.audit_events(desk_app.desk.db, action_prefix="session.")], timeout=SLOW_MS)
    assert ("wang", "session.unlocked") in actions and ("li", "session.signed_in") in actions


def test_ctrl_l_locks_and_sign_out_leaves_nothing_behind(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=("wang", Role.RECEPTIONIST))
    window = desk_app.window
    window.check_in.form.set_value("room", "1208")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.gate.currentWidget() is window.access_screen and desk_app.desk.access.locked
    window.access_screen.sign_out_requested.emit()
    new = desk_app.window
    assert new is not window and desk_app.desk.session is None
    assert new.access_screen.mode == "sign_in" and new.access_screen.language_row.isVisible()
    assert new.check_in.form.text("room") == ""
    _sign_in(qtbot, desk_app, FIRST_MANAGER, "wrong")
    assert "wrong" in new.access_screen.message.text()
    assert new.access_screen.password.text() == ""


def test_the_sign_in_screen_switches_language_before_anyone_signs_in(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app(user=None)
    ensure_account(desk_app.desk, FIRST_MANAGER, Role.MANAGER)
    desk_app.ctx.access.load()
    qtbot.waitUntil(lambda: desk_app.window.access_screen.mode == "sign_in", timeout=SLOW_MS)
    desk_app.window.access_screen.language_change_requested.emit("zh_CN")
    screen = desk_app.window.access_screen
    assert screen.title.text() == "登录" and screen.mode == "sign_in"
    assert screen.name.findData(FIRST_MANAGER) >= 0  # the staff list, to pick from


def test_the_users_page_adds_and_disables_accounts(qtbot: Any, make_desk_app: Any) -> None:
    desk_app = make_desk_app()
    window = desk_app.window
    window.show_page("users")
    page = window.users
    qtbot.waitUntil(lambda: len(page.accounts) >= 1, timeout=SLOW_MS)
    page.new_name.setText("zhao")
    page.new_role.setCurrentIndex(page.new_role.findData("liaison"))
    page.new_password.setText("patrol-car-9")
    page.new_again.setText("patrol-car-9")
    page.add()
    qtbot.waitUntil(lambda: any(a.username == "zhao" for a in page.accounts), timeout=SLOW_MS)
    assert page.select("zhao")
    page.toggle_active()
    qtbot.waitUntil(lambda: not next(a for a in page.accounts if a.username == "zhao").active, timeout=SLOW_MS)
    events = store.audit_events(desk_app.desk.db, action_prefix="account.")
    assert [(e.actor, e.action) for e in events][:2] == [("alice", "account.disabled"), ("alice", "account.created")]
