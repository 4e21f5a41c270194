"""The registration form shared by Check-in and Manual entry: the document fields as read (editable), the
findings beside the field they concern, correction candidates one click away, then the stay and the visa or
permit, and Register (Enter).

Errors block Register; warnings need an explicit "I have checked" so nothing doubtful slips through by habit;
fields the recognizer was unsure of are highlighted until someone edits or confirms them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import Finding, MrzCheck, Severity, TravelDocument
from hotel_desk.rules import gate, record
from hotel_desk.ui import labels
from hotel_desk.ui.findings_view import (
    FINDING_TO_FORM,
    REQUIRED_CODES,
    FindingList,
    candidates_by_field,
    form_field_for,
    worst_severity,
)
from hotel_desk.ui.form_fields import (
    DATE_FIELDS,
    DOCUMENT_FIELDS,
    IDENTITY_FIELDS,
    STAY_FIELDS,
    VISA_FIELDS,
    document_texts,
    form_values,
    make_editor,
    parse_date,
)


class RegistrationForm(QWidget):
    """Emits `register_requested(GuestEntry)`; the page runs the registration as a background job."""

    register_requested = Signal(object)
    #: Enter on a document the checks refuse: (GuestEntry, the codes of the errors), for the audit trail.
    register_refused = Signal(object, object)
    candidate_chosen = Signal(object)  # CorrectionCandidate: the page re-checks the MRZ with these lines
    stay_changed = Signal()

    def __init__(self, today: Callable[[], date], *, manual: bool = False, correction: bool = False,
                 entry_method: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        # How the document on the form came in (GuestEntry.entry_method): fixed for the manual-entry forms,
        # set by the Check-in page from the source of each read.
        self._default_entry_method = entry_method or ("manual" if manual and not correction else "")
        self.entry_method = self._default_entry_method
        # A correction also needs a reason (it goes into the correction report and the audit trail).
        self._manual = manual or correction
        self._correction = correction
        self._check: MrzCheck | None = None
        self._review: set[str] = set()
        self._busy = False
        self._external_findings: list[Finding] = []
        self._returning_findings: list[Finding] = []
        #: The earlier stay a returning guest was matched to (GuestEntry.returning_of); "" when none.
        self.returning_of = ""
        self._page_image: bytes | None = None
        self._attempted = False  # blank required fields are only marked red once Register was tried
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.finding_lists: dict[str, FindingList] = {}

        # Fields scroll; the Register row stays in view below them whatever the window height.
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)
        body = QWidget()
        body.setObjectName("FormBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 6, 0)
        outer.setSpacing(12)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        root.addWidget(self.scroll_area, 1)

        self.general_findings = FindingList()
        self.general_findings.candidate_chosen.connect(self.candidate_chosen)
        self.finding_lists["document"] = self.general_findings
        outer.addWidget(self.general_findings)

        outer.addWidget(self._section(self.tr("Guest and document"), DOCUMENT_FIELDS, columns=2))
        if correction:
            outer.addWidget(self._section(self.tr("Reason for the correction"), ("manual_reason",)))
        elif manual:
            outer.addWidget(self._section(self.tr("Why typed by hand"), ("manual_reason",)))
        stay_row = QHBoxLayout()
        stay_row.setSpacing(12)
        stay_row.addWidget(self._section(self.tr("Stay"), STAY_FIELDS), 1)
        stay_row.addWidget(self._section(self.tr("Visa or permit"), VISA_FIELDS), 1)
        outer.addLayout(stay_row)
        outer.addStretch(1)

        footer_frame = QFrame()
        footer_frame.setObjectName("Card")
        footer = QHBoxLayout(footer_frame)
        footer.setContentsMargins(14, 8, 10, 8)
        self.accept_warnings = QCheckBox(self.tr("I have checked the warnings against the document"))
        self.accept_warnings.setVisible(False)
        self.accept_warnings.toggled.connect(self._update_register_state)
        footer.addWidget(self.accept_warnings)
        self.blocker = QLabel()
        self.blocker.setObjectName("Muted")
        self.blocker.setWordWrap(True)
        footer.addWidget(self.blocker, 1)
        self.register_button = QPushButton(self.tr("Send correction") if correction else self.tr("Register  ⏎"))
        self.register_button.setObjectName("Primary")
        self.register_button.setToolTip(self.tr("Save the registration and queue its police report (Enter)"))
        self.register_button.clicked.connect(self.request_register)
        footer.addWidget(self.register_button)
        root.addWidget(footer_frame)

        # Enter registers from any text field. Not a QShortcut: shortcuts see a key before the keyboard-wedge
        # filter does, and a wedge reader ends every MRZ line with Enter.
        for editor in self.editors.values():
            line = editor if isinstance(editor, QLineEdit) else editor.lineEdit()
            if line is not None:
                line.returnPressed.connect(self.request_register)
        for key, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, k=key: self._field_edited(k))
            else:
                editor.currentIndexChanged.connect(lambda _i, k=key: self._field_edited(k))
        self.clear()

    # -- building -------------------------------------------------------------------------------------------------
    def _section(self, title: str, keys: Iterable[str], columns: int = 1) -> QFrame:
        """A card of fields, each a label above its editor with its findings right under it."""
        card = QFrame()
        card.setObjectName("Card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 12, 16, 14)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        heading = QLabel(title)
        heading.setObjectName("CardTitle")
        grid.addWidget(heading, 0, 0, 1, columns)
        for index, key in enumerate(keys):
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(3)
            label = QLabel(self.field_label(key))
            label.setObjectName("FieldLabel")
            editor = make_editor(key, correction=self._correction)
            editor.setObjectName(f"field_{key}")
            editor.setProperty("review", "false")
            editor.setProperty("severity", "")
            label.setBuddy(editor)
            self.editors[key] = editor
            findings = FindingList()
            findings.candidate_chosen.connect(self.candidate_chosen)
            findings.setVisible(False)
            self.finding_lists[key] = findings
            cell_layout.addWidget(label)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(findings)
            grid.addWidget(cell, 1 + index // columns, index % columns, Qt.AlignmentFlag.AlignTop)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        # Cards side by side share a height: spare space goes below the fields, not between them.
        grid.setRowStretch(grid.rowCount(), 1)
        return card

    def field_label(self, key: str) -> str:
        if key == "manual_reason" and self._correction:
            return self.tr("Reason for the correction")
        return labels.field_label(key)

    # -- filling ------------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.entry_method = self._default_entry_method
        self._check = None
        self._review = set()
        self._external_findings, self._returning_findings, self.returning_of = [], [], ""
        self._page_image = None
        self._attempted = False
        self._mrz_lines: tuple[str, ...] = ()
        for key, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                editor.clear()
            elif editor.isEditable():
                editor.setCurrentIndex(0)
                editor.setEditText("")
            else:
                editor.setCurrentIndex(0)
            self._set_review(key, False)
        self._set_text("planned_departure", (self._today() + timedelta(days=1)).isoformat())
        self.accept_warnings.setChecked(False)
        self._show_findings()

    def load_entry(self, entry: GuestEntry) -> None:
        """Fill every field from a stored registration (for a correction)."""
        self.clear()
        for key in (*DOCUMENT_FIELDS, *STAY_FIELDS, *VISA_FIELDS):
            value = getattr(entry, key, "")
            if isinstance(value, date):
                value = value.isoformat()
            self.set_value(key, "" if value is None else str(value))
        self._page_image = entry.page_image
        self._mrz_lines = tuple(entry.mrz_lines)
        self._show_findings()

    def load_check(self, check: MrzCheck, review_fields: Iterable[str] = (), page_image: bytes | None = None) -> None:
        """Fill the document fields from a checked MRZ (keeping the stay fields the receptionist typed)."""
        self._check = check
        if page_image is not None:
            self._page_image = page_image
        doc = check.document
        if doc is not None:
            self._fill_document(doc)
        self._review = {FINDING_TO_FORM.get(f, f) for f in review_fields}
        if "names" in review_fields or "name" in review_fields:
            self._review |= {"surname_en", "given_names_en"}  # the MRZ holds both in one field
        for key in self.editors:
            self._set_review(key, key in self._review)
        self.accept_warnings.setChecked(False)
        self._show_findings()

    def set_extra_findings(self, findings: Sequence[Finding]) -> None:
        """Findings computed outside the MRZ check (stay rules, the manual document's own validation)."""
        self._external_findings = list(findings)
        self._show_findings()

    def apply_returning(self, found: Any) -> None:
        """A returning guest (store.ReturningGuest): the last stay fills the empty fields (highlighted), the
        stays are linked where the rules allow, and the findings say so or what to check."""
        for key, value in found.prefill.items():
            if key in self.editors and value and not self.text(key):
                self._put(key, value)
                self._review.add(key)
                self._set_review(key, True)
        self.returning_of = (found.previous_registration_id or "") if found.linked else ""
        self._returning_findings = list(found.findings)
        self._show_findings()

    def set_mrz_check(self, check: MrzCheck | None) -> None:
        self._check = check
        self._show_findings()

    def _fill_document(self, doc: TravelDocument) -> None:
        for key, value in document_texts(doc).items():
            self._put(key, value)

    def _set_text(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        else:
            editor.setEditText(value)

    def _set_combo(self, key: str, value: str) -> None:
        editor = self.editors[key]
        assert isinstance(editor, QComboBox)
        index = editor.findData(value)
        if index >= 0:
            editor.setCurrentIndex(index)

    def _put(self, key: str, value: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox) and not editor.isEditable():
            self._set_combo(key, value)
        else:
            self._set_text(key, value)

    def set_value(self, key: str, value: str) -> None:
        """Set a field by its payload name (used by the page, the self-test and the screenshots)."""
        self._put(key, value)
        # setText emits no textEdited, so a value set by the program must refresh the findings itself.
        self._show_findings()

    def text(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        if editor.isEditable():
            return editor.currentText().strip()
        return str(editor.currentData() or "")

    # -- review highlighting and findings ----------------------------------------------------------------------
    def _set_review(self, key: str, on: bool) -> None:
        editor = self.editors[key]
        value = "true" if on else "false"
        if editor.property("review") == value:
            return  # re-polishing every editor on each clear is what made building the form slow
        editor.setProperty("review", value)
        editor.setToolTip(self.tr("The reader was unsure here: compare with the page") if on else "")
        editor.style().unpolish(editor)
        editor.style().polish(editor)

    def _field_edited(self, key: str) -> None:
        if key in IDENTITY_FIELDS:  # another document or person now: the earlier stay no longer speaks for it
            self.returning_of, self._returning_findings = "", []
        if key in self._review:
            self._review.discard(key)
            self._set_review(key, False)
        if key in STAY_FIELDS or key in VISA_FIELDS:
            self.stay_changed.emit()
        self._show_findings()

    def local_findings(self) -> list[Finding]:
        """What the form itself finds (dates that are not dates, a departure before today), from the catalogue
        of the document core; `field` is the form's key."""
        found: list[Finding] = []
        for key in sorted(DATE_FIELDS):
            text = self.text(key)
            if text and parse_date(text) is None:
                found.append(make_finding("date.invalid", key, raw=text,
                                          field_name_of=record.spec(key).finding_name))
        departure = parse_date(self.text("planned_departure"))
        today = self._today()
        if departure is not None and departure < today and not self._correction:
            # At the desk the guest arrives today.
            found.append(make_finding("stay.departure_before_arrival", "planned_departure",
                                      departure=departure.isoformat(), arrival=today.isoformat()))
        return found

    def _form_key(self, finding: Finding) -> str:
        return finding.field if finding.field in self.editors else form_field_for(finding.field)

    def _found(self) -> list[Finding]:
        """Every finding about the record: the MRZ check's, those computed outside (stay rules, the typed
        document's validity) and the form's own."""
        findings: list[Finding] = []
        if self._check is not None:
            findings += list(self._check.findings)
        findings += self._external_findings + self._returning_findings
        return findings + self.local_findings()

    def verdict(self) -> gate.Verdict:
        """The registration gate's verdict on what the form holds (hotel_desk.rules.gate)."""
        today = self._today()
        return gate.judge(
            {key: self.text(key) for key in self.editors}, entry_method=self.entry_method or None,
            manual_reason=self.text("manual_reason") if self._manual else "", findings=self._found(),
            acknowledged=self.accept_warnings.isChecked(), reason_required=self._manual,
            arrival=None if self._correction else today, today=today, page_image=self._page_image,
        )

    def _missing_findings(self, verdict: gate.Verdict) -> list[Finding]:
        found = verdict.missing_findings()
        if self._correction:
            # The reason a correction needs is the correction's own, not why a document was typed by hand.
            found = [make_finding("manual.field_missing", gate.REASON, field_name_of="correction_reason")
                     if f.field == gate.REASON else f for f in found]
        return found

    def all_findings(self) -> list[Finding]:
        """What the form shows: the findings, then what the gate finds missing. The document core may already
        say the same (e.g. the departure before the arrival): one finding per code and field, and no "fill this
        in" where another finding already speaks about the field."""
        findings: list[Finding] = []
        said: set[tuple[str, str]] = set()
        verdict = self.verdict()
        for f in [*self._found(), *verdict.own, *self._missing_findings(verdict)]:
            key = (f.code, self._form_key(f))
            if key in said or (f.code in REQUIRED_CODES and key[1] in {k for _, k in said}):
                continue
            said.add(key)
            findings.append(f)
        return findings

    def _show_findings(self) -> None:
        by_field: dict[str, list[Finding]] = {}
        for finding in self.all_findings():
            if finding.code in REQUIRED_CODES and not self._attempted:
                continue
            key = finding.field if finding.field in self.finding_lists else form_field_for(finding.field)
            by_field.setdefault(key, []).append(finding)
        candidates = candidates_by_field(self._check)
        for key, box in self.finding_lists.items():
            box.show_findings(by_field.get(key, []), candidates.get(key, []))
            editor = self.editors.get(key)
            if editor is not None:
                worst = worst_severity(by_field.get(key, [])) or ""
                if editor.property("severity") != worst:
                    editor.setProperty("severity", worst)
                    editor.style().unpolish(editor)
                    editor.style().polish(editor)
        self._update_register_state()

    def _update_register_state(self) -> None:
        findings = self.all_findings()
        errors = [f for f in findings if f.severity is Severity.ERROR]
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        self.accept_warnings.setVisible(bool(warnings) and not errors)
        if self._busy:
            self.blocker.setText(self.tr("Saving…"))
        elif errors:
            hidden = [f for f in errors if f.code in REQUIRED_CODES and not self._attempted]
            shown = [f for f in errors if f not in hidden]
            parts = []
            if shown:
                parts.append(self.tr("%n problem(s) to fix first", "", len(shown)))
            if hidden:
                missing = ", ".join(dict.fromkeys(self.field_label(form_field_for(f.field) if f.field not in
                                                                   self.editors else str(f.field)) for f in hidden))
                parts.append(self.tr("Still needed: %1").replace("%1", missing))
            self.blocker.setText(" · ".join(parts))
        elif warnings and not self.accept_warnings.isChecked():
            self.blocker.setText(self.tr("Confirm the warnings first"))
        else:
            self.blocker.setText("")
        self.register_button.setEnabled(self.can_register())

    def can_register(self) -> bool:
        return not self._busy and self.verdict().ok

    # -- registering -------------------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_register_state()

    def request_register(self) -> None:
        self._attempted = True
        self._show_findings()
        if not self.can_register():
            errors = self.verdict().errors
            if errors and not self._busy:
                self.register_refused.emit(self.entry(), tuple(sorted({f.code for f in errors})))
            return
        self.register_requested.emit(self.entry())

    def entry(self) -> GuestEntry:
        verdict = self.verdict()
        lines: tuple[str, ...] = self._mrz_lines
        if self._check is not None and self._check.document is not None:
            lines = tuple(self._check.document.mrz_lines)
        return GuestEntry(
            **form_values(self.text), mrz_lines=lines, manual_reason=self.text("manual_reason") if self._manual else "",
            entry_method=self.entry_method, page_image=self._page_image, accepted_warnings=verdict.accepted_warnings,
            returning_of=self.returning_of,
        )

    def focus_first_field(self) -> None:
        target = "room" if self._check is not None else ("surname_en" if self._manual else "room")
        self.editors[target].setFocus()
