"""Suspected errors: the police's lists of "suspected error data" as a worklist. Import a list; for each item,
the page of the document is shown beside the data recorded for the stay, with the field the police question
marked; answer it with a correction (the correction form: a correction report, as anywhere) or "verified
correct" with a note. Every step is in the audit trail, and the police liaison sees the items and answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry
from hotel_desk.rules.roles import Permission
from hotel_desk.ui import labels, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.page_view import PageView
from hotel_desk.ui.registration_form import RegistrationForm
from hotel_desk.ui.tasks import JobError
from hotel_desk.ui.widgets import card, clear_layout, page_frame, shortcut
from hotel_desk.ui.worklist_model import WorklistModel

if TYPE_CHECKING:
    from hotel_desk.store import ImportResult, SuspectedErrorView

#: The recorded data shown beside the page, in the order of the paper form.
SHOWN = ("surname_en", "given_names_en", "chinese_name", "sex", "birth_date", "nationality", "document_type",
         "document_number", "document_expiry", "visa_type", "visa_number", "stay_until", "entry_date", "room",
         "planned_departure", "came_from", "going_to")


class WorklistPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._item: SuspectedErrorView | None = None
        self._entry: GuestEntry | None = None
        outer, self.message = page_frame(self, self.tr("Suspected errors"), self.tr(
            "Lists of suspected error data from the police. Compare each item with the document page and answer "
            "it: correct the record (a correction report goes to the police) or confirm it is right, with a note."))

        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import police list…"))
        self.import_button.clicked.connect(self.choose_list)
        bar.addWidget(self.import_button)
        self.layout_choice = QComboBox()
        self.layout_choice.setToolTip(self.tr("How the list's file is laid out"))
        for name in _layouts():
            self.layout_choice.addItem(name, name)
        bar.addWidget(self.layout_choice)
        self.show_choice = QComboBox()
        self.show_choice.addItem(self.tr("Open items"), "open")
        self.show_choice.addItem(self.tr("All items"), "")
        self.show_choice.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.show_choice)
        bar.addStretch(1)
        self.counts = QLabel()
        self.counts.setObjectName("Muted")
        bar.addWidget(self.counts)
        outer.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = WorklistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([170, 430])  # a few items in view, and the page beside the record
        self.table.setMinimumHeight(110)
        outer.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr("No suspected errors to answer."))
        self.empty_label.setObjectName("Muted")
        outer.addWidget(self.empty_label)
        shortcut("Ctrl+I", self, self.choose_list)
        ctx.registrations_changed.connect(self._refresh_if_shown)

    def _detail(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        page_card, page_layout = card(self.tr("Document page"))
        self.page_view = PageView()
        self.page_view.set_placeholder(self.tr("No page image was kept for this stay"))
        page_layout.addWidget(self.page_view, 1)
        row.addWidget(page_card, 4)

        data_card, data = card(self.tr("Recorded data"))
        self.police_says = QLabel()
        self.police_says.setWordWrap(True)
        self.police_says.setStyleSheet(f"color: {theme.WARNING}; background: {theme.WARNING_BG}; "
                                       "border-radius: 4px; padding: 4px 8px;")
        data.addWidget(self.police_says)
        self.match_info = QLabel()
        self.match_info.setObjectName("Muted")
        self.match_info.setWordWrap(True)
        data.addWidget(self.match_info)
        self.candidates = QComboBox()
        self.candidates.currentIndexChanged.connect(lambda _i: self._load_stay())
        data.addWidget(self.candidates)
        self.body = QStackedWidget()
        record_view = QFrame()
        self.record_grid = QGridLayout(record_view)
        self.record_grid.setContentsMargins(0, 4, 0, 4)
        self.record_grid.setHorizontalSpacing(14)
        self.record_grid.setVerticalSpacing(2)
        self.body.addWidget(record_view)
        self.form = RegistrationForm(ctx_today(self.ctx), correction=True)
        self.form.register_requested.connect(self.send_correction)
        self.body.addWidget(self.form)
        data.addWidget(self.body, 1)

        self.answered = QLabel()
        self.answered.setWordWrap(True)
        data.addWidget(self.answered)
        self.verify_bar = QWidget()
        verify = QHBoxLayout(self.verify_bar)
        verify.setContentsMargins(0, 0, 0, 0)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What did you check? (required)"))
        self.note.returnPressed.connect(self.save_verified)
        verify.addWidget(self.note, 1)
        save = QPushButton(self.tr("Save answer"))
        save.setObjectName("Primary")
        save.clicked.connect(self.save_verified)
        verify.addWidget(save)
        self.verify_bar.setVisible(False)
        data.addWidget(self.verify_bar)
        answers = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct the record…"))
        self.correct_button.setToolTip("Ctrl+E")
        self.correct_button.clicked.connect(self.open_correction)
        answers.addWidget(self.correct_button)
        self.verified_button = QPushButton(self.tr("Verified correct…"))
        self.verified_button.clicked.connect(self.ask_note)
        answers.addWidget(self.verified_button)
        answers.addStretch(1)
        self.back_button = QPushButton(self.tr("Back to the recorded data"))
        self.back_button.clicked.connect(lambda: self.body.setCurrentIndex(0))
        answers.addWidget(self.back_button)
        data.addLayout(answers)
        row.addWidget(data_card, 6)
        shortcut("Ctrl+E", self, self.open_correction)
        return holder

    def apply_access(self) -> None:
        """Answering is correction work; the police liaison reads the items and the answers."""
        may = self.ctx.access.role_can(Permission.CORRECT)
        for widget in (self.import_button, self.layout_choice, self.correct_button, self.verified_button):
            widget.setVisible(may)
        if not may:
            self.body.setCurrentIndex(0)
            self.verify_bar.setVisible(False)
        self._update_buttons()

    # -- the list ---------------------------------------------------------------------------------------------
    def _refresh_if_shown(self) -> None:
        if self.isVisible():  # the worklist names guests: read it only when someone looks at it
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        if not self.ctx.ready or self._loading:
            return
        self._loading = True
        wanted = self.show_choice.currentData()
        current = select or (self._item.item_id if self._item else None)

        def done(result: tuple[list[SuspectedErrorView], dict[str, int]]) -> None:
            self._loading = False
            items, counts = result
            self.model.set_items(items)
            self.counts.setText(self.tr("%1 open · %2 overdue · %3 answered").replace("%1", str(counts["open"]))
                                .replace("%2", str(counts["overdue"]))
                                .replace("%3", str(counts["corrected"] + counts["verified"])))
            self.empty_label.setVisible(not items)
            rows = [i for i, item in enumerate(items) if item.item_id == current]
            if items:
                self.table.selectRow(rows[0] if rows else 0)
            else:
                self._show_item(None)

        def failed(error: JobError) -> None:
            self._loading = False
            self.message.show_message("error", self.tr("The worklist could not be loaded: %1")
                                      .replace("%1", labels.problem_text(error)))

        desk = self.ctx.desk
        self.ctx.run(lambda: (desk.suspected.items([wanted] if wanted else None), desk.suspected.counts()),
                     done, failed, owner=self)

    def selected(self) -> SuspectedErrorView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _selected_changed(self) -> None:
        self._show_item(self.selected())

    def _show_item(self, item: SuspectedErrorView | None) -> None:
        self._item = item
        self.body.setCurrentIndex(0)
        self.verify_bar.setVisible(False)
        clear_layout(self.record_grid)
        self.page_view.set_image(None)
        self._entry = None
        if item is None:
            for widget in (self.police_says, self.match_info, self.candidates, self.answered):
                widget.setVisible(False)
            self._update_buttons()
            return
        field = labels.field_label(item.field) if item.field else self.tr("The whole record")
        self.police_says.setText(self.tr("%3 — the police say (%1, line %2): %4").replace("%1", item.file_name)
                                 .replace("%2", str(item.line)).replace("%3", field)
                                 .replace("%4", item.problem or "—"))
        self.police_says.setVisible(True)
        self.match_info.setText(self._match_text(item))
        self.match_info.setVisible(True)
        self.candidates.blockSignals(True)
        self.candidates.clear()
        for stay in item.candidate_stays:
            self.candidates.addItem(self.tr("Room %1 · %2 · arrived %3").replace("%1", stay.room)
                                    .replace("%2", stay.guest_name).replace("%3", f"{stay.arrival_at:%Y-%m-%d}"),
                                    stay.registration_id)
        self.candidates.blockSignals(False)
        self.candidates.setVisible(bool(item.candidate_stays) and item.registration_id is None)
        self.answered.setText(self._answer_text(item))
        self.answered.setVisible(item.state != "open")
        self._update_buttons()
        self._load_stay()

    def _match_text(self, item: SuspectedErrorView) -> str:
        rule = {
            "document_nationality": self.tr("Matched by document number and nationality."),
            "document_nationality_surname": self.tr("Matched by document number and nationality; the surname "
                                                    "told two stays apart."),
            "chosen_at_desk": self.tr("The stay was chosen at the desk."),
            "ambiguous": self.tr("Several stays have this document number: choose the one the police mean."),
        }.get(item.match_rule, self.tr("No stay has this document number and nationality. If you find the guest "
                                       "under another number, the number may be the error; otherwise answer "
                                       "\"verified correct\" with what you checked."))
        due = self.tr("Due %1.").replace("%1", item.due_on.isoformat() if isinstance(item.due_on, date) else "")
        return f"{rule} {due}"

    def _answer_text(self, item: SuspectedErrorView) -> str:
        when = f"{item.answered_at:%Y-%m-%d %H:%M}" if item.answered_at else ""
        if item.state == "corrected":
            return self.tr("Corrected by %1 at %2: a correction report was queued.").replace(
                "%1", item.answered_by or "").replace("%2", when)
        return self.tr("Verified correct by %1 at %2: %3").replace("%1", item.answered_by or "").replace(
            "%2", when).replace("%3", item.answer_note)

    def stay_id(self) -> str | None:
        item = self._item
        if item is None:
            return None
        return item.registration_id or (self.candidates.currentData() if self.candidates.count() else None)

    def _update_buttons(self) -> None:
        item = self._item
        open_ = item is not None and item.state == "open" and self.ctx.access.can(Permission.CORRECT)
        self.correct_button.setEnabled(open_ and self.stay_id() is not None and self._entry is not None)
        self.verified_button.setEnabled(open_)
        self.back_button.setVisible(self.body.currentIndex() == 1)

    def _load_stay(self) -> None:
        registration_id = self.stay_id()
        clear_layout(self.record_grid)
        self._entry = None
        self._update_buttons()
        if registration_id is None:
            return
        desk = self.ctx.desk

        def loaded(result: tuple[GuestEntry, bytes | None]) -> None:
            if self.stay_id() != registration_id:
                return  # another item was chosen meanwhile
            self._entry, image = result
            self.page_view.set_image(image)
            self._show_record(result[0])
            self._update_buttons()

        def failed(error: JobError) -> None:
            self.message.show_message("error", self.tr("The stay could not be loaded: %1")
                                      .replace("%1", labels.problem_text(error)))

        self.ctx.run(lambda: (desk.registration_entry(registration_id), desk.suspected.page_image(registration_id)),
                     loaded, failed, owner=self)

    def _show_record(self, entry: GuestEntry) -> None:
        flagged = self._item.field if self._item else ""
        for row, key in enumerate(SHOWN):
            text = _shown(key, getattr(entry, key, ""))
            name = QLabel(labels.field_label(key))
            name.setObjectName("FieldLabel")
            shown = QLabel(text)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == flagged:
                for label in (name, shown):
                    label.setStyleSheet(f"color: {theme.WARNING}; background: {theme.WARNING_BG}; font-weight: 600;")
            self.record_grid.addWidget(name, row % 9, 2 * (row // 9))
            self.record_grid.addWidget(shown, row % 9, 2 * (row // 9) + 1)

    # -- answers ----------------------------------------------------------------------------------------------
    def open_correction(self) -> None:
        if self._item is None or self._entry is None or not self.correct_button.isEnabled():
            return
        self.form.load_entry(self._entry)
        self.form.set_value("manual_reason", QCoreApplication.translate(
            "RegistrationForm", "The police marked the record as suspected error data"))
        self.body.setCurrentIndex(1)
        self._update_buttons()
        editor = self.form.editors.get(self._item.field)
        (editor or self.form.editors["surname_en"]).setFocus()

    def send_correction(self, entry: GuestEntry) -> None:
        item, registration_id = self._item, self.stay_id()
        if item is None or registration_id is None:
            return
        self.ctx.run_action(
            lambda: self.ctx.desk.suspected.correct(item.item_id, registration_id, entry, entry.manual_reason),
            message=self.message, done=lambda _report: self.tr("Corrected: the correction report is queued and the "
                                                               "item is answered."),
            then=lambda _report: self.refresh(), failed=self.tr("Correction not saved: %1"),
            busy=self.form.set_busy, label=self.tr("Saving the correction"), owner=self)

    def ask_note(self) -> None:
        if self._item is None or self._item.state != "open" or not self.ctx.access.can(Permission.CORRECT):
            return
        self.note.clear()
        self.verify_bar.setVisible(True)
        self.note.setFocus()

    def save_verified(self) -> None:
        item, note = self._item, self.note.text().strip()
        if item is None:
            return
        if not note:
            self.message.show_message("error", self.tr("Say what you checked: a \"verified correct\" answer needs "
                                                       "a note."))
            self.note.setFocus()
            return
        self.ctx.run_action(
            lambda: self.ctx.desk.suspected.verify(item.item_id, note), message=self.message,
            done=lambda _none: self.tr("Answered: verified correct."), then=lambda _none: self.refresh(),
            failed=self.tr("Answer not saved: %1"), label=self.tr("Saving the answer"), owner=self, send=False)

    def choose_list(self) -> None:
        if not self.ctx.access.can(Permission.CORRECT):
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a police list"), "",
                                              self.tr("Lists (*.csv *.txt);;All files (*)"))
        if path:
            self.import_list(path)

    def import_list(self, path: str) -> None:
        layout = str(self.layout_choice.currentData() or "") or None

        def done(result: ImportResult) -> str:
            if result.already_imported:
                return self.tr("This list was imported before: nothing added.")
            return self.tr("Imported %1 item(s) from %2: %3 matched to a stay, %4 to choose among several, %5 "
                           "without a match.").replace("%1", str(result.added)).replace("%2", Path(path).name).replace(
                "%3", str(result.matched)).replace("%4", str(result.ambiguous)).replace("%5", str(result.unmatched))

        self.ctx.run_action(
            lambda: self.ctx.desk.suspected.import_file(path, layout), message=self.message, done=done,
            then=lambda _r: self.refresh(), failed=self.tr("Nothing was imported: %1"),
            label=self.tr("Importing the police list"), owner=self, send=False)


def _shown(key: str, value: Any) -> str:
    """A recorded value as the desk reads it: dates as dates, codes by their names."""
    if isinstance(value, date):
        return value.isoformat()
    named = {"document_type": labels.document_kinds, "sex": labels.sexes, "visa_type": labels.visa_types}.get(key)
    if named is not None and value:
        return dict(named()).get(str(value), str(value))
    return str(value or "—")


def ctx_today(ctx: AppContext) -> Any:
    return ctx.desk.today


def _layouts() -> list[str]:
    from hotel_desk.desk.police_lists import bundled_layouts

    return bundled_layouts()
