"""Manual entry, for when nothing can read the document: type the MRZ lines and see each check digit agree
(or not) as you type, or type the fields from the page when the document has no MRZ, saying why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry, Registered
from hotel_desk.documents import line_width, mrz_layout, pad_line
from hotel_desk.documents.mrz import guess_format
from hotel_desk.ui import i18n, theme
from hotel_desk.ui.context import AppContext
from hotel_desk.ui.form_fields import parse_date
from hotel_desk.ui.registration_form import RegistrationForm
from hotel_desk.ui.widgets import card, clear_layout, page_frame, shortcut

KEYPAD, SHIFT = Qt.KeyboardModifier.KeypadModifier, Qt.KeyboardModifier.ShiftModifier


class MrzInput(QPlainTextEdit):
    """MRZ lines as typed: upper case, '<' for fillers, spaces and lower case fixed as you type. Enter types a
    line's trailing fillers (up to its last check digit, which the receptionist types) and goes on to the next
    line; a passport's line goes on to the next by itself once full. The zero is drawn with a dot (O and 0 look
    different)."""

    left = Signal()  # the focus left the box: judge what is there, complete or not
    finished = Signal()  # Enter on the last line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(theme.mrz_font(12))  # 44 characters and the form beside them at 1366 wide
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        metrics = QFontMetrics(self.font())
        self.setMinimumWidth(metrics.horizontalAdvance("M" * 44) + 40)
        self.setFixedHeight(metrics.lineSpacing() * 3 + 26)
        self.textChanged.connect(self._normalise)
        self._fixing = False

    def _normalise(self) -> None:
        if self._fixing:
            return
        text = self.toPlainText()
        fixed = "\n".join(line.upper().replace(" ", "<") for line in text.split("\n"))
        if fixed != text:
            self._replace(fixed, self.textCursor().position())

    def _replace(self, text: str, position: int) -> None:
        self._fixing = True
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)
        self._fixing = False
        self.textChanged.emit()

    def raw_lines(self) -> list[str]:
        return self.toPlainText().split("\n")

    def lines(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().split("\n") if line.strip()]

    def complete(self) -> bool:
        """Every line typed to its full length: the zone can be judged."""
        lines = self.lines()
        fmt = guess_format(lines)
        if fmt is None:
            return False
        count, width = mrz_layout(fmt)
        width = line_width(lines, 1) or width
        return len(lines) == count and all(len(line) == width for line in lines)

    def judging(self) -> bool:
        """Judge the zone now: it is complete, or the receptionist left the box (a line still being typed is
        not wrong yet)."""
        return self.complete() or not self.hasFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        row = cursor.blockNumber()
        lines = self.raw_lines()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~KEYPAD:
            self._enter(lines, row)
            return
        text = event.text()
        width = line_width(lines, row)
        if (text and text.isprintable() and not event.modifiers() & ~(SHIFT | KEYPAD) and width is not None
                and len(lines[row]) >= width and cursor.atBlockEnd() and row + 1 < self._line_count(lines)):
            # A full line: what comes next belongs on the next line.
            if row + 1 >= len(lines):
                lines.append("")
            self._replace("\n".join(lines), sum(len(line) + 1 for line in lines[:row + 1]) + len(lines[row + 1]))
        super().keyPressEvent(event)

    def _line_count(self, lines: list[str]) -> int:
        fmt = guess_format([line for line in lines if line])
        return mrz_layout(fmt)[0] if fmt is not None else 3

    def _enter(self, lines: list[str], row: int) -> None:
        """Type the line's fillers, then on to the next line (or, on the last, the zone is finished)."""
        before = [line for line in lines[:row] if line]
        if lines[row]:
            after = [line for line in lines[row + 1:] if line]
            lines[row] = pad_line([*before, lines[row], *after], len(before))
        last = row + 1 >= self._line_count(lines)
        if not last and row + 1 >= len(lines):
            lines.append("")
        target = row if last else row + 1
        self._replace("\n".join(lines), sum(len(line) + 1 for line in lines[:target]) + len(lines[target]))
        if last and self.complete():
            self.finished.emit()  # (an unfinished last line waits for its composite digit)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class CheckDigitPanel(QWidget):
    """One row per check digit: the field, what is printed, what the data gives, and a tick or a cross."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)
        self.rows: dict[str, QLabel] = {}
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)

    def _names(self) -> dict[str, str]:
        return {
            "document_number": self.tr("Document number"),
            "birth_date": self.tr("Date of birth"),
            "expiry_date": self.tr("Valid until"),
            "optional_data": self.tr("Personal number"),
            "composite": self.tr("Whole zone (composite)"),
        }

    def show_lines(self, lines: list[str], check: Any, feedback: list[Any] | None = None) -> None:
        """Show each check digit's state: from the live typing feedback (also for lines still being typed)."""
        clear_layout(self._grid, keep=self.status)
        self.rows.clear()
        row = 0
        names = self._names()
        for item in feedback or []:
            name = QLabel(names.get(item.field, item.field))
            mark = QLabel()
            mark.setObjectName(f"check_{item.field}")
            if item.status == "ok":
                mark.setText(self.tr("✓ check digit %1 is right").replace("%1", item.printed))
                mark.setStyleSheet(f"color: {theme.OK}; font-weight: 600;")
            elif item.status == "fail":
                mark.setText(self.tr("✗ check digit printed %1, the data gives %2")
                             .replace("%1", item.printed or "?").replace("%2", item.computed))
                mark.setStyleSheet(f"color: {theme.ERROR}; font-weight: 600;")
            else:
                mark.setText(self.tr("… not typed yet"))
                mark.setStyleSheet(f"color: {theme.MUTED};")
            mark.setProperty("status", item.status)
            self.rows[item.field] = mark
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(mark, row, 1)
            row += 1
        self._grid.addWidget(self.status, row, 0, 1, 2)
        self._grid.setColumnStretch(1, 1)
        lengths = " · ".join(self.tr("line %1: %2 characters").replace("%1", str(i + 1))
                             .replace("%2", str(len(line))) for i, line in enumerate(lines))
        document = check.document if check is not None else None
        if not lines:
            self.status.setText(self.tr("Type the lines at the bottom of the page, one per line: 2 lines of 44 "
                                        "for a passport, 3 lines of 30 for an ID card."))
        elif document is None:
            problem = check.findings[0].message(i18n.current_language()) if check is not None and check.findings \
                else ""
            self.status.setText(f"{lengths}. {problem}".strip())
        else:
            self.status.setText(lengths)


class ManualEntryPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_registered: Registered | None = None
        outer, self.message = page_frame(self, self.tr("Manual entry"), self.tr(
            "When no reader can read the document: type its machine-readable lines, or, if it has none, "
            "type the fields from the page and say why."))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)

        # Tab 1: typed MRZ with live check digits.
        mrz_tab = QWidget()
        mrz_layout = QHBoxLayout(mrz_tab)
        mrz_layout.setContentsMargins(0, 10, 0, 0)
        mrz_layout.setSpacing(16)
        left_card, left = card(self.tr("Machine-readable lines"))
        self.mrz_input = MrzInput()
        self.mrz_input.setObjectName("mrz_input")
        left.addWidget(self.mrz_input)
        hint = QLabel(self.tr("A space types '<' (two between surname and given names). Enter types the rest of "
                              "the line's '<' and goes to the next line. Each check digit is checked as soon as "
                              "its field is typed; a line is judged once complete."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.check_digits = CheckDigitPanel()
        left.addWidget(self.check_digits)
        left.addStretch(1)
        tips = QLabel(self.tr(
            "<b>Where to look</b><br>The machine-readable zone is the two or three lines of capital letters, "
            "digits and &lt; at the bottom of the photo page (on the back of ID cards).<br><br>"
            "<b>O or 0? I or 1?</b><br>Type what you see. A wrong character shows as a failing check digit on "
            "its field, and a likely correction is offered beside it."))
        tips.setObjectName("Muted")
        tips.setWordWrap(True)
        tips.setStyleSheet(f"background: {theme.SURFACE}; border-radius: 6px; padding: 10px 12px;")
        left.addWidget(tips)
        mrz_layout.addWidget(left_card, 0)
        self.mrz_form = RegistrationForm(ctx.desk.today, entry_method="typed_mrz")
        self.mrz_form.register_requested.connect(self.register)
        self.mrz_form.register_refused.connect(ctx.access.record_refused_check_in)
        self.mrz_form.candidate_chosen.connect(self._apply_candidate)
        self.mrz_form.stay_changed.connect(self._recheck)
        mrz_layout.addWidget(self.mrz_form, 1)
        self.tabs.addTab(mrz_tab, self.tr("Type the MRZ"))

        # Tab 2: no MRZ at all.
        self.fields_form = RegistrationForm(ctx.desk.today, manual=True)
        self.fields_form.register_requested.connect(self.register)
        self.fields_form.register_refused.connect(ctx.access.record_refused_check_in)
        for key, editor in self.fields_form.editors.items():
            signal = editor.editingFinished if isinstance(editor, QLineEdit) else editor.currentIndexChanged
            signal.connect(lambda *_a, k=key: self._schedule_manual_check())
        self.tabs.addTab(self.fields_form, self.tr("No MRZ on the document"))

        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(150)
        self._typing_timer.timeout.connect(self._recheck)
        self.mrz_input.textChanged.connect(self._typing_timer.start)
        self.mrz_input.left.connect(self._recheck)
        self.mrz_input.finished.connect(self._zone_typed)
        self._manual_timer = QTimer(self)
        self._manual_timer.setSingleShot(True)
        self._manual_timer.setInterval(200)
        self._manual_timer.timeout.connect(self._manual_check)
        shortcut("Ctrl+N", self, self.clear)
        self.check_digits.show_lines([], None)

    # -- typed MRZ ----------------------------------------------------------------------------------------
    def set_mrz_text(self, text: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.mrz_input.setPlainText(text)
        self._typing_timer.stop()
        self._recheck()

    def _recheck(self) -> None:
        lines = self.mrz_input.lines()
        if not lines:
            self.check_digits.show_lines([], None)
            self.mrz_form.set_mrz_check(None)
            return
        form = self.mrz_form
        check = self.ctx.desk.check_mrz(lines, departure=parse_date(form.text("planned_departure")),
                                        stay_until=parse_date(form.text("stay_until")),
                                        visa_type=form.text("visa_type"), candidates=True)
        _fmt, feedback = self.ctx.desk.typing_feedback(lines)
        self.check_digits.show_lines(lines, check, feedback)
        if not self.mrz_input.judging():
            form.set_mrz_check(None)  # a line still being typed is not wrong yet: its digits show beside
        elif check.document is not None:
            form.load_check(check)
        else:
            form.set_mrz_check(check)

    def _zone_typed(self) -> None:
        """Enter on the last line: judge the zone and go on to the room."""
        self._typing_timer.stop()
        self.mrz_form.focus_first_field()
        self._recheck()

    def _apply_candidate(self, candidate: Any) -> None:
        self.set_mrz_text("\n".join(candidate.lines))

    # -- no MRZ --------------------------------------------------------------------------------------------
    def _schedule_manual_check(self) -> None:
        self._manual_timer.start()

    def _manual_check(self) -> None:
        entry = self.fields_form.entry()
        if not (entry.document_number and entry.surname_en):
            self.fields_form.set_extra_findings([])
            return
        self.fields_form.set_extra_findings(self.ctx.desk.check_manual(entry))

    # -- register ------------------------------------------------------------------------------------------
    def register(self, entry: GuestEntry) -> None:
        form = self.mrz_form if self.tabs.currentIndex() == 0 else self.fields_form

        def then(result: Registered) -> None:
            self.last_registered = result
            self.clear(keep_message=True)

        self.ctx.run_action(
            lambda: self.ctx.desk.register(entry), message=self.message, then=then,
            done=lambda result: self.tr("Registered %1 in room %2. The police report is queued.")
            .replace("%1", result.guest_name).replace("%2", result.room),
            failed=self.tr("Not saved: %1. The form is still filled in."), busy=form.set_busy,
            label=self.tr("Saving the registration"), owner=self)

    def clear(self, keep_message: bool = False) -> None:
        self.mrz_input.clear()
        self.mrz_form.clear()
        self.fields_form.clear()
        self.check_digits.show_lines([], None)
        if not keep_message:
            self.message.clear_message()
