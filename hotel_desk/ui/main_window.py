"""The main window: navigation on the left, one page at a time, a status bar that always answers "are the
reports getting through, and what is due next" (and who is signed in), and a TRAINING banner that cannot be
missed. Until someone signs in, and while the desk is locked, the sign-in / lock screen covers the pages; each
role sees only the pages its permissions allow (PAGE_PERMISSIONS)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import DeadlineAlert, QueueSummary
from hotel_desk.rules.reports import NOTIFY_LEVELS
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import labels, theme
from hotel_desk.ui.access_screen import FIRST_MANAGER, LOCKED, SIGN_IN, STARTING, AccessScreen
from hotel_desk.ui.access_texts import role_name
from hotel_desk.ui.checkin_page import CheckInPage
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.inhouse_page import InHousePage
from hotel_desk.ui.inspection_page import InspectionPage
from hotel_desk.ui.manual_page import ManualEntryPage
from hotel_desk.ui.reports_page import ReportsPage
from hotel_desk.ui.settings_page import SettingsPage
from hotel_desk.ui.status import DeadlineBanner, Pill, SummaryView
from hotel_desk.ui.users_page import UsersPage
from hotel_desk.ui.worklist_page import WorklistPage

PAGES = ("check_in", "manual", "in_house", "reports", "worklist", "inspection", "settings", "users")
#: What a role needs to see each page (the buttons on a page check their own permissions).
PAGE_PERMISSIONS: dict[str, Permission] = {
    "check_in": Permission.REGISTER,
    "manual": Permission.REGISTER,
    "in_house": Permission.VIEW_PERSONAL_DATA,
    "reports": Permission.VIEW_PERSONAL_DATA,
    # The police's lists: the liaison sees the items and the answers; answering needs "correct".
    "worklist": Permission.VIEW_PERSONAL_DATA,
    "inspection": Permission.INSPECT,  # the liaison's (and the manager's) read-only view
    "settings": Permission.CHANGE_SETTINGS,
    "users": Permission.MANAGE_USERS,
}
PageT = TypeVar("PageT", bound=QWidget)


def app_icon() -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(theme.ACCENT))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(4, 4, 56, 56, 12, 12)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(30)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "HD")
    painter.end()
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._notified: set[str] = set()
        training = ctx.desk.training
        title = self.tr("Hotel Desk – guest registration")
        if ctx.settings.hotel_name:
            title = f"{ctx.settings.hotel_name} · {title}"
        if training:
            training_tag = self.tr("TRAINING")
            title = f"[{training_tag}] {title}"
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.resize(1360, 860)

        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.training_banner = QLabel(self.tr(
            "TRAINING – reports go to the practice intake on this computer, never to the police."))
        self.training_banner.setObjectName("TrainingBanner")
        self.training_banner.setVisible(training)
        root.addWidget(self.training_banner)
        # A report close to its deadline and unsent: the warning with "Print the form now".
        self.deadline_banner = DeadlineBanner()
        self.deadline_banner.print_requested.connect(self.print_form_now)
        root.addWidget(self.deadline_banner)
        # The pages, and in front of them (until someone signs in, and while locked) the access screen.
        self.gate = QStackedWidget()
        root.addWidget(self.gate, 1)
        self.desk_area = QWidget()
        body = QHBoxLayout(self.desk_area)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.gate.addWidget(self.desk_area)
        self.access_screen = AccessScreen(ctx)
        self.access_screen.language_change_requested.connect(self.language_change_requested)
        self.access_screen.sign_out_requested.connect(self.sign_out_requested)
        self.gate.addWidget(self.access_screen)

        side = QWidget()
        side.setStyleSheet("background: #1f2d3d;")
        side.setFixedWidth(210)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        brand = QLabel(ctx.settings.hotel_name or self.tr("Hotel Desk"))
        brand.setObjectName("Brand")
        brand.setWordWrap(True)
        side_layout.addWidget(brand)
        sub = QLabel(self.tr("Guest registration"))
        sub.setObjectName("BrandSub")
        side_layout.addWidget(sub)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setIconSize(QSize(0, 0))
        side_layout.addWidget(self.nav, 1)
        self.mode_tag = QLabel()
        self.mode_tag.setStyleSheet("background: #1f2d3d; color: #9fb0c3; padding: 10px 18px;")
        side_layout.addWidget(self.mode_tag)
        body.addWidget(side)

        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Only Check-in is built before the window shows; the other pages are built the first time they are
        # needed (a keystroke away), which keeps start-up well under the 1.5 s target on a slow desk PC.
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        names = {
            "check_in": self.tr("Check-in"),
            "manual": self.tr("Manual entry"),
            "in_house": self.tr("In house"),
            "reports": self.tr("Reports"),
            "worklist": self.tr("Suspected errors"),
            "inspection": self.tr("Inspection"),
            "settings": self.tr("Settings"),
            "users": self.tr("Staff"),
        }
        self._page_actions: dict[str, QAction] = {}
        for number, key in enumerate(PAGES, start=1):
            item = QListWidgetItem(f"{names[key]}")
            item.setToolTip(f"Ctrl+{number}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            placeholder = QWidget()
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)
            self._page_actions[key] = action
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setCurrentRow(0)
        quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.ctx.access.lock("by_hand"))
        self.addAction(self.lock_action)

        self._build_status_bar()
        ctx.summary_changed.connect(self.show_summary)
        ctx.tasks.busy_changed.connect(self._busy)
        # A bound method, not a lambda: Qt drops the connection when the label goes with a rebuilt window.
        ctx.tasks.job_progress.connect(self.busy_label.setText)
        ctx.notice.connect(self._notice)
        ctx.navigate.connect(self._navigate)
        ctx.deadline_alert.connect(self.notify_deadline)
        ctx.access.changed.connect(self.apply_access)
        ctx.closure.morning.connect(self.remind_overdue)
        ctx.closure.night_audit.connect(self.warn_night_audit)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(title)
            self.tray.show()
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(30_000)
        self._clock_timer.timeout.connect(lambda: self.show_summary(self.ctx.summary))
        self._clock_timer.start()
        self.show_summary(ctx.summary)
        self.apply_access()

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use and put in its place in the stack."""
        existing = self._pages.get(key)
        if existing is not None:
            return existing
        factory = {"check_in": CheckInPage, "manual": ManualEntryPage, "in_house": InHousePage,
                   "reports": ReportsPage, "worklist": WorklistPage, "inspection": InspectionPage,
                   "settings": SettingsPage, "users": UsersPage}[key]
        page = factory(self.ctx)
        self._pages[key] = page
        index = PAGES.index(key)
        placeholder = self._placeholders.pop(key)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        if isinstance(page, SettingsPage):
            page.language_changed.connect(self.language_change_requested)
        apply_access = getattr(page, "apply_access", None)
        if callable(apply_access):
            apply_access()
        return page

    def _page_of(self, key: str, kind: type[PageT]) -> PageT:
        page = self.page(key)
        assert isinstance(page, kind)
        return page

    @property
    def check_in(self) -> CheckInPage:
        return self._page_of("check_in", CheckInPage)

    @property
    def manual(self) -> ManualEntryPage:
        return self._page_of("manual", ManualEntryPage)

    @property
    def in_house(self) -> InHousePage:
        return self._page_of("in_house", InHousePage)

    @property
    def reports(self) -> ReportsPage:
        return self._page_of("reports", ReportsPage)

    @property
    def worklist(self) -> WorklistPage:
        return self._page_of("worklist", WorklistPage)

    @property
    def inspection(self) -> InspectionPage:
        return self._page_of("inspection", InspectionPage)

    @property
    def settings_page(self) -> SettingsPage:
        return self._page_of("settings", SettingsPage)

    @property
    def users(self) -> UsersPage:
        return self._page_of("users", UsersPage)

    def pages(self) -> list[QWidget]:
        return [self.page(key) for key in PAGES]

    # -- navigation ---------------------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        """Go to the page `key`, if the signed-in role may see it."""
        if self.ctx.access.role_can(PAGE_PERMISSIONS[key]):
            self.nav.setCurrentRow(PAGES.index(key))

    def allowed_pages(self) -> list[str]:
        return [key for key in PAGES if self.ctx.access.role_can(PAGE_PERMISSIONS[key])]

    # -- who is at the desk --------------------------------------------------------------------------------------
    def apply_access(self) -> None:
        """Show what the desk's state allows: the access screen (first manager, sign-in, lock) or the pages the
        signed-in role may see, and who is signed in."""
        access = self.ctx.access
        session = access.session
        if access.has_accounts is None:
            mode = STARTING
        elif not access.has_accounts:
            mode = FIRST_MANAGER
        elif session is None:
            mode = SIGN_IN
        else:
            mode = LOCKED
        allowed = self.allowed_pages()
        for row, key in enumerate(PAGES):
            self.nav.item(row).setHidden(key not in allowed)
            self._page_actions[key].setEnabled(access.open and key in allowed)
        for page in self._pages.values():
            apply_page = getattr(page, "apply_access", None)
            if callable(apply_page):
                apply_page()
        self.lock_action.setEnabled(access.open)
        self.who_label.setText(f"{session.label} · {role_name(session.role)}" if session is not None else "")
        self.switch_button.setVisible(session is not None)
        self.lock_button.setVisible(session is not None)
        if access.open:
            self.gate.setCurrentWidget(self.desk_area)
            if allowed and self.current_page() not in allowed:
                self.show_page(allowed[0])
            else:
                self._nav_changed(self.nav.currentRow())  # the page shows what is there now
        else:
            self.access_screen.show_mode(mode)
            self.gate.setCurrentWidget(self.access_screen)

    def switch_user(self) -> None:
        """'Switch user' in the status bar: lock, and let the next person type their name at once."""
        self.ctx.access.lock("switch_user")
        self.access_screen.prepare_switch()

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(PAGES[row])
        self.stack.setCurrentIndex(row)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        if isinstance(page, CheckInPage):
            page.form.focus_first_field()
        elif isinstance(page, ManualEntryPage):
            page.mrz_input.setFocus()
        elif isinstance(page, InHousePage):
            page.search.setFocus()
        elif isinstance(page, ReportsPage | WorklistPage):
            page.table.setFocus()
        elif isinstance(page, InspectionPage):
            page.timeline.setFocus()

    def _navigate(self, key: str, argument: object) -> None:
        self.show_page(key)
        if key == "in_house" and isinstance(argument, tuple):
            registration_id, reason = argument
            self.in_house.open_correction(str(registration_id), str(reason or ""))

    # -- status bar ----------------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.summary_view = SummaryView(self)
        self.online_pill = self.summary_view.online_pill
        self.mode_pill = Pill()
        self.pending_label = self.summary_view.pending_label
        self.deadline_label = self.summary_view.deadline_label
        self.busy_label = QLabel()
        self.busy_label.setObjectName("Muted")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(120)
        self.busy_bar.setFixedHeight(10)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        self.who_label = QLabel()
        self.who_label.setObjectName("who")
        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setFlat(True)
        self.switch_button.setToolTip(self.tr("Lock the desk and let someone else sign in; unfinished work stays"))
        self.switch_button.clicked.connect(self.switch_user)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setFlat(True)
        self.lock_button.setToolTip("Ctrl+L")
        self.lock_button.clicked.connect(lambda: self.ctx.access.lock("by_hand"))
        bar.addWidget(self.online_pill)
        bar.addWidget(self.mode_pill)
        bar.addWidget(self.pending_label)
        bar.addWidget(self.deadline_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.who_label)
        bar.addPermanentWidget(self.switch_button)
        bar.addPermanentWidget(self.lock_button)
        if self.ctx.desk.training:
            self.mode_pill.set_state(self.tr("TRAINING"), "white", theme.TRAINING)
            self.mode_tag.setText(self.tr("Mode: TRAINING"))
        else:
            self.mode_pill.set_state(self.tr("LIVE"), "white", theme.LIVE)
            self.mode_tag.setText(self.tr("Mode: LIVE"))

    def show_summary(self, summary: QueueSummary) -> None:
        self.summary_view.show_summary(summary, self.ctx.desk.now(), local_zone(self.ctx.settings.timezone or None))

    def notify_deadline(self, alert: DeadlineAlert) -> None:
        """The uploader found a report still unsent close to its deadline (it raises each level once): a desktop
        notification and a line in the window, once per report, when it comes under 2 hours or is found late."""
        if alert.level not in NOTIFY_LEVELS or alert.report_id in self._notified:
            return
        self._notified.add(alert.report_id)
        left = (alert.deadline_at - self.ctx.desk.now()).total_seconds()
        local = alert.deadline_at.astimezone(local_zone(self.ctx.settings.timezone or None))
        text = self.tr("A police report is due at %1 (%2) and has not been accepted yet.").replace(
            "%1", local.strftime("%H:%M")).replace("%2", labels.countdown(left))
        if self.tray is not None:
            self.tray.showMessage(self.tr("Report deadline"), text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        # Also inside the window: the tray may be hidden or missing (offscreen, some desktops); with the one
        # hand-over that needs no network at hand.
        self.last_deadline_warning = text
        can_print = self.ctx.access.role_can(Permission.HAND_OVER)
        self.deadline_banner.print_button.setVisible(can_print)
        self.deadline_banner.show_alert(alert, text + (" " + self.tr(
            "If it cannot go out in time, print the registration form and hand it to the police sub-station.")
            if can_print else ""))

    def print_form_now(self, report_id: str) -> None:
        """"Print the form now" in the deadline banner: the report on the Reports page, its form to the printer."""
        self.show_page("reports")
        if self.current_page() != "reports":
            return
        reports = self.reports
        self.deadline_banner.setVisible(False)

        def chosen() -> None:
            if reports.select_report(report_id):
                reports.print_form()

        if not reports.select_report(report_id):
            reports.refresh_then(chosen)
        else:
            reports.print_form()

    def remind_overdue(self, count: int) -> None:
        """The first reminder of the day (the morning, or the first start of the day): guests still open past
        their planned departure, where the receptionist looks, and on the desktop."""
        text = self.tr("%n guest(s) past the planned departure and not checked out: see In house (Ctrl+3).", "",
                       count)
        if self.current_page() != "in_house":  # there, the page's own banner says it
            self._tell("warning", text)

    def warn_night_audit(self, count: int, audit: object) -> None:
        """An hour before the night audit (Settings), guests still open past their planned departure."""
        at = audit.strftime("%H:%M") if hasattr(audit, "strftime") else ""
        text = self.tr("Night audit at %1: %n guest(s) are still open past their planned departure. Check them "
                       "out or correct their departure date.", "", count).replace("%1", at)
        if self.tray is not None:
            self.tray.showMessage(self.tr("Night audit"), text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        self._tell("warning", text)

    def _tell(self, kind: str, text: str) -> None:
        self.last_closure_notice = text
        message = getattr(self.stack.currentWidget(), "message", None)
        if message is not None:
            message.show_message(kind, text, sticky=True)

    def _busy(self, busy: bool, label: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(label if busy else "")

    def _notice(self, kind: str, text: str) -> None:
        page = self.stack.currentWidget()
        message = getattr(page, "message", None)
        if message is not None:
            message.show_message(kind, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        check_in = self._pages.get("check_in")
        camera = getattr(check_in, "camera", None)
        if camera is not None:
            camera.stop()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)


