"""Check-in: a page image in (opened, dropped or picked up from the scanner folder), the fields out, checked,
completed with the stay, and Register. A page read while a guest is unfinished waits for the receptionist's
decision (hotel_desk.ui.checkin_queue); a document that prints a wrong check digit can be registered as
printed with a manager's approval (hotel_desk.ui.override_dialog). A returning guest's form is filled from the
last stay. In group mode (Ctrl+G) each document read joins the group's list instead (hotel_desk.ui.group_panel)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import DocumentRead, GuestEntry, Registered, latin_name
from hotel_desk.ui import labels, theme
from hotel_desk.ui.checkin_queue import NewDocument, NewPageBar, ParkedGuest, WaitingList
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.form_fields import parse_date
from hotel_desk.ui.group_panel import GroupPanel
from hotel_desk.ui.override_dialog import OverrideDialog
from hotel_desk.ui.page_view import IMAGE_SUFFIXES, PageView
from hotel_desk.ui.registration_form import RegistrationForm
from hotel_desk.ui.scanner_watch import ScannerState
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import FittedMonoLabel, card, page_frame, shortcut

log = logging.getLogger(__name__)


class CheckInPage(QWidget):
    document_read = Signal(object)  # DocumentRead, once the form is filled
    registered = Signal(object)  # Registered

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_read: DocumentRead | None = None
        self.last_registered: Registered | None = None
        self.override_dialog: OverrideDialog | None = None
        self._reading = False
        self._asking: NewDocument | None = None  # the new document the question bar is about
        self._last_stay: dict[str, str] = {}  # the last guest's stay, for "same stay"
        self._queued: list[tuple[str | bytes, str]] = []  # group mode: pages waiting for the reader

        outer, self.message = page_frame(self, self.tr("Check-in"), self.tr(
            "Put the passport on the scanner, drop a page image here, or open one (Ctrl+O). "
            "Check the fields against the document, add the room and press Enter."))
        self.question = NewPageBar()
        self.question.keep.connect(self.keep_editing)
        self.question.park.connect(lambda: self.open_new(park=True))
        self.question.discard.connect(lambda: self.open_new(park=False))
        outer.addWidget(self.question)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        outer.addLayout(columns, 1)

        # Left: the page and where it came from.
        left_card, left = card(self.tr("Document page"))
        self.page_view = PageView()
        self.page_view.set_placeholder(self.tr("Drop a scanned page here\nor press Ctrl+O to open an image"))
        self.page_view.file_dropped.connect(self.read_file)
        # The page image, or (on demand) the live camera; the camera stack loads only when first used.
        self.source_stack = QStackedWidget()
        self.source_stack.addWidget(self.page_view)
        self.camera: Any = None
        left.addWidget(self.source_stack, 1)
        self.mrz_label = FittedMonoLabel()
        self.mrz_label.setObjectName("MrzText")
        self.mrz_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mrz_label.setStyleSheet(f"background: #f6f8fa; border: 1px solid {theme.BORDER}; border-radius: 4px;"
                                     " padding: 6px 8px;")
        self.mrz_label.setVisible(False)
        left.addWidget(self.mrz_label)
        self.read_info = QLabel()
        self.read_info.setObjectName("Muted")
        left.addWidget(self.read_info)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip("Ctrl+O")
        self.open_button.clicked.connect(self.choose_file)
        buttons.addWidget(self.open_button)
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setCheckable(True)
        self.camera_button.setToolTip(self.tr("Read the document with a camera (Ctrl+K)"))
        self.camera_button.toggled.connect(self.show_camera)
        buttons.addWidget(self.camera_button)
        self.clear_button = QPushButton(self.tr("New guest"))
        self.clear_button.setToolTip(self.tr("Clear the form for the next guest (Ctrl+N)"))
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.same_stay = QCheckBox(self.tr("Same stay for the next guest"))
        self.same_stay.setToolTip(self.tr("Family or group in one room: the next guest starts with this stay "
                                          "(room, dates, visa) (Alt+S)"))
        left.addWidget(self.same_stay)
        self.waiting = WaitingList()
        self.waiting.open_requested.connect(self.open_waiting)
        left.addWidget(self.waiting)
        below = QHBoxLayout()
        self.group_button = QPushButton(self.tr("Group check-in"))
        self.group_button.setCheckable(True)
        self.group_button.setToolTip(self.tr("Group check-in: every document read joins one list (Ctrl+G)"))
        self.group_button.toggled.connect(self.set_group_mode)
        below.addWidget(self.group_button, 0, Qt.AlignmentFlag.AlignTop)
        self.scanner_label = QLabel()
        self.scanner_label.setObjectName("Muted")
        self.scanner_label.setWordWrap(True)
        below.addWidget(self.scanner_label, 1)
        left.addLayout(below)
        left_card.setMinimumWidth(330)
        columns.addWidget(left_card, 5)

        # Right: the form, or the group's list in group mode. Nothing read yet: whatever is typed on the form is
        # typed by hand ("manual", with its reason).
        self.form = RegistrationForm(ctx.desk.today, entry_method="manual")
        self.form.register_requested.connect(self.register)
        self.form.register_refused.connect(ctx.access.record_refused_check_in)
        self.form.override_requested.connect(self.ask_override)
        self.form.candidate_chosen.connect(self.apply_candidate)
        self.form.stay_changed.connect(self.recheck_stay)
        self.group = GroupPanel(ctx, self.message)
        self.right = QStackedWidget()
        self.right.addWidget(self.form)
        self.right.addWidget(self.group)
        columns.addWidget(self.right, 8)

        shortcut(QKeySequence.StandardKey.Open, self, self.choose_file)
        shortcut("Ctrl+N", self, self.clear)
        shortcut("Ctrl+K", self, self.camera_button.toggle)
        shortcut("Alt+S", self, self.same_stay.toggle)
        shortcut("Alt+W", self, lambda: self.open_waiting(0) if self.waiting.items else None)
        shortcut("Alt+P", self, lambda: self.open_new(park=True) if self._asking else None)
        shortcut("Alt+D", self, lambda: self.open_new(park=False) if self._asking else None)
        shortcut("Escape", self, lambda: self.keep_editing() if self._asking else None)
        ctx.scanner.changed.connect(self.show_scanner_state)
        self.show_scanner_state()
        shortcut("Ctrl+G", self, self.group_button.toggle)

    # -- reading ----------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))
        if self.group_mode:  # a whole stack of scans at once
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open scanned pages"), "",
                                                    self.tr("Images (%1)").replace("%1", patterns))
            for path in paths:
                self.read_file(path)
            return
        if self._reading:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a scanned page"), "",
                                              self.tr("Images (%1)").replace("%1", patterns))
        if path:
            self.read_file(path)

    def read_file(self, path: str) -> None:
        self.read_source(path, Path(path).name)

    def read_source(self, source: str | bytes, name: str) -> None:
        if self._reading:
            if self.group_mode:  # the scanner folder or a stack of files: each page in turn
                self._queued.append((source, name))
                self.read_info.setText(self.tr("%n page(s) waiting to be read", "", len(self._queued)))
                return
            self.message.show_message("info", self.tr("Still reading the previous page…"))
            return
        self._reading = True
        self.page_view.set_busy_text(self.tr("Reading %1…").replace("%1", name))
        self.ctx.run(lambda: self.ctx.desk.read_document(source, name), self._read_done, self._read_failed,
                     label=self.tr("Reading the document"), owner=self)

    def _next_queued(self) -> None:
        if self._queued and not self._reading:
            source, name = self._queued.pop(0)
            self.read_source(source, name)

    def _read_done(self, read: DocumentRead) -> None:
        self._reading = False
        QTimer.singleShot(0, self._next_queued)
        self.page_view.set_busy_text("")
        if not read.lines:
            if not self.form.is_started():
                self.page_view.set_image(read.image_bytes, read.region)
            self.message.show_message("warning", self.tr(
                "No machine-readable zone found on this page. Scan it again flat and straight, or type the "
                "document in Manual entry (Ctrl+2)."), sticky=True)
            # The recognizer's own explanation (English, technical) is there for support, on hover.
            self.read_info.setText(self.tr("Nothing read"))
            self.read_info.setToolTip(read.message)
            return
        check = self._check(read.lines)
        if self.group_mode:
            self._show_mrz("\n".join(read.lines))
            self._join_group(check, read.image_bytes, "scanner")
            return
        info = self.tr("Read in %1 s").replace("%1", f"{read.seconds:.1f}") + (
            self.tr(" · %n field(s) to review", "", len(read.review_fields)) if read.review_fields else "")
        # Opened, dropped or picked up from the scanner folder: a page image read by OCR.
        self.receive(NewDocument(read.lines, check, frozenset(read.review_fields),
                                 read.image_bytes, read.region, "scanner", info, read))

    def _read_failed(self, error: JobError) -> None:
        self._reading = False
        QTimer.singleShot(0, self._next_queued)
        self.page_view.set_busy_text("")
        if getattr(error.exception, "code", "") == "not_image":
            reason = self.tr("this file is not an image the reader can open. Scan the page again as PNG or JPEG.")
        else:
            reason = labels.problem_text(error)
        self.message.show_message("error", self.tr("The page could not be read: %1").replace("%1", reason))

    def _check(self, lines: tuple[str, ...] | list[str]) -> Any:
        form = self.form
        return self.ctx.desk.check_mrz(list(lines), departure=parse_date(form.text("planned_departure")),
                                       stay_until=parse_date(form.text("stay_until")),
                                       visa_type=form.text("visa_type"))

    # -- a new document, and the guest already on the form -----------------------------------------------------
    def receive(self, new: NewDocument) -> None:
        """A document was read: onto the form, unless a guest there is unfinished; then the page asks."""
        if not self.form.is_started() and self._asking is None:
            self._open(new)
            return
        if self._asking is not None:  # already asking about another page: this one waits its turn
            self.waiting.add(new)
            return
        self._asking = new
        self.question.ask(new.label, self._unfinished_label())

    def _unfinished_label(self) -> str:
        name = latin_name(self.form.text("surname_en"), self.form.text("given_names_en")) or self.tr("the guest")
        room = self.form.text("room")
        return self.tr("%1 (room %2)").replace("%1", name).replace("%2", room) if room else name

    def keep_editing(self) -> None:
        """The new document waits; it opens by itself once this guest is registered."""
        new, self._asking = self._asking, None
        self.question.setVisible(False)
        if new is not None:
            self.waiting.add(new)

    def open_new(self, *, park: bool) -> None:
        """Park (or discard) the unfinished guest and open the new document."""
        new, self._asking = self._asking, None
        self.question.setVisible(False)
        if new is None:
            return
        self._leave_current(park=park)
        self._open(new)

    def open_waiting(self, index: int) -> None:
        """Take up a waiting guest; the one on the form (if any) is parked, never lost."""
        if not 0 <= index < len(self.waiting.items):
            return
        item = self.waiting.take(index)
        if self.form.is_started():
            self._leave_current(park=True)
        if isinstance(item, ParkedGuest):
            self._clear_page()
            self.form.restore(item.snapshot)
            if self.same_stay.isChecked() and self._last_stay and not self.form.text("room"):
                self.form.set_stay_values(self._last_stay)  # parked before the stay was typed
            self.page_view.set_image(item.snapshot.page_image, item.region)
            self._show_mrz(item.mrz_text)
            self.read_info.setText(item.info)
            self.form.focus_first_field()
        else:
            self._open(item)

    def _leave_current(self, *, park: bool) -> None:
        if park and self.form.is_started():
            self.waiting.add(ParkedGuest(self.form.snapshot(), self.last_read.region if self.last_read else None,
                                         self.mrz_label.text() if self.mrz_label.isVisible() else "",
                                         self.read_info.text()))
        self._remember_stay()
        self.clear(keep_message=True)

    def _remember_stay(self) -> None:
        if self.form.text("room"):
            self._last_stay = self.form.stay_values()

    def _open(self, new: NewDocument) -> None:
        """`new` onto an empty form: its page, its fields, the stay empty (or the last one, for "same stay")."""
        self.message.clear_message()
        self.form.clear()
        if self.same_stay.isChecked() and self._last_stay:
            self.form.set_stay_values(self._last_stay)
        check = self._check(new.lines)  # again: the stay rules see this guest's stay
        self.form.entry_method = new.entry_method
        self.form.load_check(check, new.review, new.image)
        if new.image is not None:
            self.page_view.set_image(new.image, new.region)
        self._show_mrz("\n".join(new.lines))
        self.read_info.setText(new.info)
        self.read_info.setToolTip("")
        self.last_read = new.read
        self.form.focus_first_field()
        if new.read is not None:
            self.document_read.emit(new.read)
        self.look_up_returning()

    def _show_mrz(self, text: str) -> None:
        self.mrz_label.setText(text)
        self.mrz_label.setVisible(bool(text))

    # -- camera and readers -----------------------------------------------------------------------------------
    def show_camera(self, on: bool) -> None:
        if on:
            if self.camera is None:
                from hotel_desk.ui.camera import CameraReaderWidget  # QtMultimedia + OCR: only when asked for

                self.camera = CameraReaderWidget(today=self.ctx.desk.today,
                                                 camera_id=self.ctx.settings.camera_id)
                self.camera.mrzRead.connect(self._camera_read)
                self.camera.problem.connect(lambda text: self.read_info.setText(text))
                self.source_stack.addWidget(self.camera)
            self.source_stack.setCurrentWidget(self.camera)
            self.camera.start()
        else:
            if self.camera is not None:
                self.camera.stop()
            self.source_stack.setCurrentWidget(self.page_view)

    def _camera_read(self, read: Any) -> None:
        from PySide6.QtCore import QBuffer, QIODevice

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        read.image.save(buffer, "PNG")
        image = bytes(buffer.data().data())
        self.camera_button.setChecked(False)  # back to the page view, showing the frame that was read
        self.apply_reader_event(read.event, image, entry_method="camera")

    def apply_reader_event(self, event: Any, image: bytes | None = None, *, entry_method: str = "reader") -> None:
        """A judged read from a passport reader (serial or keyboard wedge: `entry_method` "reader") or the
        camera ("camera")."""
        from hotel_desk.ui import i18n

        if not event.lines or event.outcome.value == "reread":
            self.message.show_message("warning", self.tr("The reader did not get the whole zone: %1 "
                                                         "Pass the document through again.")
                                      .replace("%1", event.message(i18n.current_language())), sticky=True)
            return
        lines = tuple(event.lines)
        review = set(event.failing_check_digits()) if hasattr(event, "failing_check_digits") else set()
        source = labels.reader_source(event.source or entry_method)
        check = self._check(lines)
        if self.group_mode:
            self._show_mrz("\n".join(lines))
            if image is not None:
                self.page_view.set_image(image)
            self.read_info.setText(self.tr("Read by %1").replace("%1", source))
            self._join_group(check, image, entry_method)
            return
        self.receive(NewDocument(lines, check, frozenset(review), image, None, entry_method,
                                 self.tr("Read by %1").replace("%1", source)))

    # -- group mode and returning guests -----------------------------------------------------------------------
    @property
    def group_mode(self) -> bool:
        return self.group_button.isChecked()

    def set_group_mode(self, on: bool) -> None:
        self.right.setCurrentWidget(self.group if on else self.form)
        if on:
            self.message.show_message("info", self.tr(
                "Group check-in: scan or read every document of the group; each joins the list. Type the rooms "
                "in the list (Ctrl+D: same room as the previous guest), then Register all."))

    def _join_group(self, check: Any, image: bytes | None, entry_method: str) -> None:
        if self.group.add_read(check, image, entry_method):
            self.read_info.setText(self.tr("Added to the group: %n guest(s)", "", len(self.group.model.members)))
        else:
            self.message.show_message("warning", self.tr("The document could not be read; scan it again."))

    def look_up_returning(self) -> None:
        """Whether the guest on the form stayed before: fill in what the last stay knew (never its room or
        dates) and link the stays; a document number seen with other names is shown as a warning to check."""
        entry = self.form.entry()
        if not entry.document_number:
            return

        def found(result: Any) -> None:
            if result is None or self.form.text("document_number") != entry.document_number:
                return  # nobody came before, or another document is on the form by now
            self.form.apply_returning(result)
            if result.linked and result.last_arrival is not None:
                local = result.last_arrival.astimezone(local_zone(self.ctx.settings.timezone or None))
                self.read_info.setText(self.tr("Returning guest: last stay %1, room %2").replace(
                    "%1", local.strftime("%Y-%m-%d")).replace("%2", result.last_room))

        def failed(error: JobError) -> None:
            # Not knowing the guest came before never stops a check-in: the form stays as read (the job runner
            # logged the traceback).
            log.info("returning-guest lookup failed, the form stays as read: %s", error)

        self.ctx.run(lambda: self.ctx.desk.returning.lookup(entry), found, failed, owner=self)

    def apply_candidate(self, candidate: Any) -> None:
        check = self._check(candidate.lines)
        review = set(self.last_read.review_fields) if self.last_read else set()
        self.form.load_check(check, review)
        self.mrz_label.setText("\n".join(candidate.lines))
        self.message.show_message("info", self.tr("Correction applied. Compare the changed field with the page."))

    def recheck_stay(self) -> None:
        document = self.form._check.document if self.form._check is not None else None
        if document is not None:
            self.form.set_mrz_check(self._check(document.mrz_lines))

    # -- registering ----------------------------------------------------------------------------------------
    def register(self, entry: GuestEntry) -> None:
        self.ctx.run_action(
            lambda: self.ctx.desk.register(entry), message=self.message, done=self._registered_text,
            then=self._after_registered,
            failed=self.tr("Not saved: %1. Nothing was lost: the form is still filled in."),
            busy=self.form.set_busy, label=self.tr("Saving the registration"), owner=self)

    def ask_override(self, entry: GuestEntry) -> None:
        """Enter on a document that prints a wrong check digit: the reason and a manager's approval."""
        dialog = OverrideDialog(self.ctx, entry, list(self.form.verdict().overridable),
                                lambda e, approver: self.ctx.desk.register(e, approver=approver), self)
        dialog.registered.connect(self._registered_as_printed)
        self.override_dialog = dialog
        dialog.open()

    def _registered_as_printed(self, result: Registered) -> None:
        self.message.show_message("ok", self._registered_text(result) + " " + self.tr(
            "Registered as printed, with the approval on record."))
        self._after_registered(result)
        self.ctx.after_change()

    def _registered_text(self, result: Registered) -> str:
        local = result.deadline_at.astimezone(local_zone(self.ctx.settings.timezone or None))
        return self.tr("Registered %1 in room %2. The police report is queued; deadline %3.").replace(
            "%1", result.guest_name).replace("%2", result.room).replace("%3", local.strftime("%Y-%m-%d %H:%M"))

    def _after_registered(self, result: Registered) -> None:
        self.last_registered = result
        self._remember_stay()
        self.clear(keep_message=True)
        self.registered.emit(result)
        if self._asking is None and self.waiting.items:
            self.open_waiting(0)  # the next guest waiting (a page scanned meanwhile) comes up by itself

    def clear(self, keep_message: bool = False) -> None:
        self.form.clear()
        self._clear_page()
        if not keep_message:
            self.message.clear_message()

    def _clear_page(self) -> None:
        self.page_view.set_image(None)
        self.mrz_label.setVisible(False)
        self.read_info.setText("")
        self.last_read = None

    def show_scanner_state(self) -> None:
        """What the scanner folder is doing, truthfully (hotel_desk.ui.scanner_watch)."""
        scanner = self.ctx.scanner
        if scanner.state is ScannerState.WATCHING:
            text = self.tr("Watching the scanner folder %1: new pages open here by themselves.")
        elif scanner.state is ScannerState.PROBLEM:
            text = self.tr("The scanner folder %1 cannot be read, so no pages are picked up. Check that it exists "
                           "and is reachable, or choose another in Settings.")
        else:
            text = self.tr("No scanner folder set (Settings).")
        self.scanner_label.setText(text.replace("%1", scanner.folder))
        self.scanner_label.setToolTip(scanner.detail)
        colour = theme.ERROR if scanner.state is ScannerState.PROBLEM else theme.MUTED
        self.scanner_label.setStyleSheet(f"color: {colour};")
