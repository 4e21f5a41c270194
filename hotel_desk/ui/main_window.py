"""The main window: navigation on the left, one page at a time, a status bar that always answers "are the
reports getting through, and what is due next", and a TRAINING banner that cannot be missed."""

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
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import DeadlineAlert, QueueSummary
from hotel_desk.rules.reports import NOTIFY_LEVELS
from hotel_desk.ui import labels, theme
from hotel_desk.ui.checkin_page import CheckInPage
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.inhouse_page import InHousePage
from hotel_desk.ui.manual_page import ManualEntryPage
from hotel_desk.ui.reports_page import ReportsPage
from hotel_desk.ui.settings_page import SettingsPage

PAGES = ("check_in", "manual", "in_house", "reports", "settings")
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


class Pill(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Pill")

    def set_state(self, text: str, fg: str, bg: str) -> None:
        self.setText(text)
        self.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 9px; padding: 2px 10px;"
                           " font-weight: 600;")


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)

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
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        root.addLayout(body, 1)

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
            "settings": self.tr("Settings"),
        }
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
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setCurrentRow(0)
        quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        self._build_status_bar()
        ctx.summary_changed.connect(self.show_summary)
        ctx.tasks.busy_changed.connect(self._busy)
        ctx.tasks.job_progress.connect(lambda text: self.busy_label.setText(text))
        ctx.notice.connect(self._notice)
        ctx.navigate.connect(self._navigate)
        ctx.deadline_alert.connect(self.notify_deadline)
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

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use and put in its place in the stack."""
        existing = self._pages.get(key)
        if existing is not None:
            return existing
        factory = {"check_in": CheckInPage, "manual": ManualEntryPage, "in_house": InHousePage,
                   "reports": ReportsPage, "settings": SettingsPage}[key]
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
            page.saved.connect(lambda s: self.check_in.update_scanner_label(s.scanner_folder or None))
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
    def settings_page(self) -> SettingsPage:
        return self._page_of("settings", SettingsPage)

    def pages(self) -> list[QWidget]:
        return [self.page(key) for key in PAGES]

    # -- navigation ---------------------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGES.index(key))

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
        elif isinstance(page, ReportsPage):
            page.table.setFocus()

    def _navigate(self, key: str, argument: object) -> None:
        self.show_page(key)
        if key == "in_house" and isinstance(argument, tuple):
            registration_id, reason = argument
            self.in_house.open_correction(str(registration_id), str(reason or ""))

    # -- status bar ----------------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.online_pill = Pill()
        self.mode_pill = Pill()
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending")
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadline")
        self.busy_label = QLabel()
        self.busy_label.setObjectName("Muted")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(120)
        self.busy_bar.setFixedHeight(10)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        bar.addWidget(self.online_pill)
        bar.addWidget(self.mode_pill)
        bar.addWidget(self.pending_label)
        bar.addWidget(self.deadline_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        if self.ctx.desk.training:
            self.mode_pill.set_state(self.tr("TRAINING"), "white", theme.TRAINING)
            self.mode_tag.setText(self.tr("Mode: TRAINING"))
        else:
            self.mode_pill.set_state(self.tr("LIVE"), "white", theme.LIVE)
            self.mode_tag.setText(self.tr("Mode: LIVE"))

    def show_summary(self, summary: QueueSummary) -> None:
        if summary.online is None:
            self.online_pill.set_state(self.tr("● Connecting…"), theme.MUTED, "#eef2f6")
        elif summary.online:
            self.online_pill.set_state(self.tr("● Online"), theme.OK, theme.OK_BG)
        else:
            self.online_pill.set_state(self.tr("● Offline"), theme.ERROR, theme.ERROR_BG)
            if summary.last_error:
                self.online_pill.setToolTip(summary.last_error)
        pending = self.tr("%n report(s) waiting", "", summary.pending) if summary.pending else \
            self.tr("All reports sent")
        if summary.needs_correction:
            pending += " · " + self.tr("%n need(s) correction", "", summary.needs_correction)
        self.pending_label.setText(pending)
        deadline = summary.nearest_deadline
        if deadline is None:
            self.deadline_label.setText("")
            self.deadline_label.setStyleSheet("")
            return
        left = (deadline - self.ctx.desk.now()).total_seconds()
        fg, _bg = theme.deadline_colour(left)
        local = deadline.astimezone(local_zone(self.ctx.settings.timezone or None))
        self.deadline_label.setText(self.tr("Next deadline %1 (%2)").replace("%1", local.strftime("%H:%M"))
                                    .replace("%2", labels.countdown(left)))
        self.deadline_label.setStyleSheet(f"color: {fg}; font-weight: 600;")

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
        # Also inside the window: the tray may be hidden or missing (offscreen, some desktops).
        self.last_deadline_warning = text
        target = self.stack.currentWidget()
        message = getattr(target, "message", None)
        if message is not None:
            message.show_message("warning", text, sticky=True)

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


