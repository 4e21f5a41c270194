"""Check-in: a page image in (opened, dropped or picked up from the scanner folder), the fields out, checked,
completed with the stay, and Register. A returning guest's form is filled from the last stay. In group mode
(Ctrl+G) each document read joins the group's list instead (hotel_desk.ui.group_panel)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from hotel_desk.clock import local_zone
from hotel_desk.desk.views import DocumentRead, GuestEntry, Registered
from hotel_desk.ui import labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.form_fields import parse_date
from hotel_desk.ui.group_panel import GroupPanel
from hotel_desk.ui.page_view import IMAGE_SUFFIXES, PageView
from hotel_desk.ui.registration_form import RegistrationForm
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
        self._reading = False
        self._queued: list[tuple[str | bytes, str]] = []  # group mode: pages waiting for the reader

        outer, self.message = page_frame(self, self.tr("Check-in"), self.tr(
            "Put the passport on the scanner, drop a page image here, or open one (Ctrl+O). "
            "Check the fields against the document, add the room and press Enter."))

        columns = QHBoxLayout()
        columns.setSpacing(16)
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
        left_card.setMinimumWidth(380)
        columns.addWidget(left_card, 5)

        # Right: the form, or the group's list in group mode.
        self.form = RegistrationForm(ctx.desk.today)
        self.form.register_requested.connect(self.register)
        self.form.register_refused.connect(ctx.access.record_refused_check_in)
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
        shortcut("Ctrl+G", self, self.group_button.toggle)
        self.update_scanner_label(None)

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
        self.message.clear_message()
        self.page_view.set_busy_text(self.tr("Reading %1…").replace("%1", name))
        self.read_info.setText("")
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
        self.page_view.set_image(read.image_bytes, read.region)
        self.last_read = read
        if not read.lines:
            self.mrz_label.setVisible(False)
            self.message.show_message("warning", self.tr(
                "No machine-readable zone found on this page. Scan it again flat and straight, or type the "
                "document in Manual entry (Ctrl+2)."), sticky=True)
            # The recognizer's own explanation (English, technical) is there for support, on hover.
            self.read_info.setText(self.tr("Nothing read"))
            self.read_info.setToolTip(read.message)
            return
        self.mrz_label.setText("\n".join(read.lines))
        self.mrz_label.setVisible(True)
        check = self._check(read.lines)
        if self.group_mode:
            self._join_group(check, read.image_bytes, "scanner")
            return
        # Opened, dropped or picked up from the scanner folder: a page image read by OCR.
        self.form.entry_method = "scanner"
        self.form.load_check(check, read.review_fields, read.image_bytes)
        self.read_info.setText(self.tr("Read in %1 s").replace("%1", f"{read.seconds:.1f}")
                               + (self.tr(" · %n field(s) to review", "", len(read.review_fields))
                                  if read.review_fields else ""))
        self.form.focus_first_field()
        self.document_read.emit(read)
        self.look_up_returning()

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

    # -- camera -----------------------------------------------------------------------------------------------
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
        self.message.clear_message()
        lines = tuple(event.lines)
        self.mrz_label.setText("\n".join(lines))
        self.mrz_label.setVisible(True)
        if image is not None:
            self.page_view.set_image(image)
        check = self._check(lines)
        source = event.source or self.tr("reader")
        self.read_info.setText(self.tr("Read by %1").replace("%1", source))
        if self.group_mode:
            self._join_group(check, image, entry_method)
            return
        review = set(event.failing_check_digits()) if hasattr(event, "failing_check_digits") else set()
        self.form.entry_method = entry_method
        self.form.load_check(check, review, image)
        self.form.focus_first_field()
        self.look_up_returning()

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

        def failed(_error: JobError) -> None:
            pass  # not knowing the guest came before never stops a check-in

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
        def registered(result: Registered) -> str:
            local = result.deadline_at.astimezone(local_zone(self.ctx.settings.timezone or None))
            return self.tr("Registered %1 in room %2. The police report is queued; deadline %3.").replace(
                "%1", result.guest_name).replace("%2", result.room).replace("%3", local.strftime("%Y-%m-%d %H:%M"))

        def then(result: Registered) -> None:
            self.last_registered = result
            self.clear(keep_message=True)
            self.registered.emit(result)

        self.ctx.run_action(
            lambda: self.ctx.desk.register(entry), message=self.message, done=registered, then=then,
            failed=self.tr("Not saved: %1. Nothing was lost: the form is still filled in."),
            busy=self.form.set_busy, label=self.tr("Saving the registration"), owner=self)

    def clear(self, keep_message: bool = False) -> None:
        self.form.clear()
        self.page_view.set_image(None)
        self.mrz_label.setVisible(False)
        self.read_info.setText("")
        self.last_read = None
        if not keep_message:
            self.message.clear_message()

    def update_scanner_label(self, folder: str | None) -> None:
        if folder:
            self.scanner_label.setText(self.tr("Watching the scanner folder %1: new pages open here by "
                                               "themselves.").replace("%1", folder))
        else:
            self.scanner_label.setText(self.tr("No scanner folder set (Settings)."))
