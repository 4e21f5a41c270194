"""The screenshots of the desk's door (hotel_desk.ui.screenshots calls these): the first manager's set-up on a
fresh installation, the staff page, the lock screen and the sign-in, at 1366×768 (a front-desk laptop)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from hotel_desk.rules.roles import Role

if TYPE_CHECKING:
    from hotel_desk.ui.app import DeskApp

ACCESS_SIZE = (1366, 768)
#: Invented staff of the demo inn: (name, shown as (EN, ZH), role).
STAFF = [("wang.fang", ("Wang Fang", "王芳"), Role.MANAGER), ("li.na", ("Li Na", "李娜"), Role.RECEPTIONIST),
         ("zhao.jun", ("Officer Zhao", "赵军（派出所）"), Role.LIAISON), ("chen.hao", ("Chen Hao", "陈浩"), Role.RECEPTIONIST)]
#: Only for the throw-away demo database the screenshots are taken from.
DEMO_PASSWORD = "demo-only-password"


def _shown(display: tuple[str, str], chinese: bool) -> str:
    return display[1] if chinese else display[0]


def first_manager(desk_app: DeskApp, grab: Callable[[str], None], wait: Callable[[Callable[[], bool]], None],
                  chinese: bool) -> None:
    """The fresh installation's first screen, filled in, then the demo staff signed in as the manager."""
    window = desk_app.window
    access = desk_app.ctx.access
    wait(lambda: access.has_accounts is not None)
    size = window.size()
    window.resize(*ACCESS_SIZE)
    screen = window.access_screen
    name, display, _role = STAFF[0]
    screen.name.setEditText(name)
    screen.display_name.setText(_shown(display, chinese))
    screen.password.setText(DEMO_PASSWORD)
    screen.password_again.setText(DEMO_PASSWORD)
    screen.name.setFocus()
    grab("firstmanager")
    desk = desk_app.desk
    desk.access.create_first_manager(name, DEMO_PASSWORD, display_name=_shown(display, chinese))
    for other, shown, role in STAFF[1:]:
        desk.staff.add(other, role, DEMO_PASSWORD, display_name=_shown(shown, chinese))
    desk.staff.set_active("chen.hao", False)
    access.idle.disarm()  # the demo's clock jumps about; nobody is idle in a screenshot
    access.load()
    wait(lambda: window.gate.currentWidget() is window.desk_area)
    window.resize(size)


def door(desk_app: DeskApp, grab: Callable[[str], None], wait: Callable[[Callable[[], bool]], None]) -> None:
    """The staff page, the lock screen with the manager signed in, and the sign-in screen."""
    window = desk_app.window
    access = desk_app.ctx.access
    window.resize(*ACCESS_SIZE)
    window.show_page("users")
    page = window.users
    wait(lambda: len(page.accounts) == len(STAFF))
    page.select("li.na")
    grab("users")
    access.lock("by_hand")
    wait(lambda: window.gate.currentWidget() is window.access_screen)
    window.access_screen.password.setFocus()
    grab("lock")
    access.sign_out()
    wait(lambda: window.access_screen.mode == "sign_in")
    window.access_screen.name.setEditText("li.na")
    window.access_screen.password.setFocus()
    grab("signin")
