"""The registration form shared by Check-in and Manual entry: the document fields as read (editable), the
findings beside the field they concern, correction candidates one click away, then the stay and the visa or
permit, and Register (Enter).

Errors block Register; warnings need an explicit "I have checked" so nothing doubtful slips through by habit;
fields the recognizer was unsure of are highlighted until someone edits or confirms them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
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
from hotel_desk.documents.model import Finding, MrzCheck, Severity
from hotel_desk.rules import gate
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
    DOCUMENT_FIELDS,
    DOCUMENT_ROWS,
    IDENTITY_FIELDS,
    MORE_FIELDS,
    MORE_ROWS,
    STAY_FIELDS,
    STAY_ROWS,
    VISA_FIELDS,
    form_values,
    local_findings,
)
from hotel_desk.ui.form_layout import (
    FieldAccess,
    FieldCell,
    Fold,
    align_label_columns,
    card_grid,
    make_cell,
    place_rows,
)


@dataclass(frozen=True)
class FormSnapshot:
    texts: dict[str, str]
    check: MrzCheck | None
    review: frozenset[str]
    page_image: bytes | None
    mrz_lines: tuple[str, ...]
    entry_method: str
    warnings_accepted: bool
    external_findings: tuple[Finding, ...]


class RegistrationForm(FieldAccess, QWidget):
    """Emits `register_requested(GuestEntry)`; the page runs the registration as a background job."""

    register_requested = Signal(object)
    #: Enter on a document the checks refuse: (GuestEntry, the codes of the errors), for the audit trail.
    register_refused = Signal(object, object)
    #: Enter (or "Register as printed…") on a document blocked only by what a manager may approve as printed
    #: (hotel_desk.rules.gate): the page asks for the reason and the approval. Carries the GuestEntry.
    override_requested = Signal(object)
    candidate_chosen = Signal(object)  # CorrectionCandidate: the page re-checks the MRZ with these lines
    stay_changed = Signal()

    def __init__(self, today: Callable[[], date], *, manual: bool = False, correction: bool = False,
                 entry_method: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        # How the document on the form came in (GuestEntry.entry_method): fixed for the manual-entry forms, set
        # by the Check-in page from the source of each read, and "manual" there while nothing was read (fields
        # typed on Check-in are typed by hand and need their reason like on Manual entry).
        self._default_entry_method = entry_method or ("manual" if manual and not correction else "")
        self.entry_method = self._default_entry_method
        # The manual-entry form always asks why; a correction always asks for its reason.
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
        self.cells: dict[str, FieldCell] = {}

        # Fields scroll only on a screen smaller than 1366 x 768; the Register row stays in view below them.
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)
        body = QWidget()
        body.setObjectName("FormBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        root.addWidget(self.scroll_area, 1)

        self.general_findings = FindingList()
        self.general_findings.candidate_chosen.connect(self.candidate_chosen)
        self.finding_lists["document"] = self.general_findings
        outer.addWidget(self.general_findings)

        document_card, grid = card_grid(self.tr("Guest and document"))
        # Why the document was typed (or why the record is corrected): one field, its label says which.
        row = place_rows(grid, [[self._cell("manual_reason")]], 1)
        place_rows(grid, [[self._cell(k) for k in pair] for pair in DOCUMENT_ROWS], row)
        outer.addWidget(document_card)
        stay_card, grid = card_grid(self.tr("Stay, visa or permit"))
        row = place_rows(grid, [[self._cell(k) for k in pair] for pair in STAY_ROWS], 1)
        more = [[self._cell(k) for k in pair] for pair in MORE_ROWS]
        self.more = Fold(self.tr("More stay details (coming from, going to, entry)"),
                         [cell for pair in more for cell in pair])
        grid.addWidget(self.more, row, 0, 1, 4)
        place_rows(grid, more, row + 1)
        outer.addWidget(stay_card)
        align_label_columns(self.cells.values())
        outer.addStretch(1)

        footer_frame = QFrame()
        footer_frame.setObjectName("Card")
        footer = QHBoxLayout(footer_frame)
        footer.setContentsMargins(14, 6, 10, 6)
        self.accept_warnings = QCheckBox(self.tr("I have checked the warnings against the document"))
        self.accept_warnings.setVisible(False)
        self.accept_warnings.toggled.connect(self._update_register_state)
        footer.addWidget(self.accept_warnings)
        self.blocker = QLabel()
        self.blocker.setObjectName("Muted")
        self.blocker.setWordWrap(True)
        footer.addWidget(self.blocker, 1)
        self.override_button = QPushButton(self.tr("Register as printed…"))
        self.override_button.setToolTip(self.tr(
            "The document itself prints this check digit wrong: register it exactly as printed, with the reason "
            "and a manager's approval (Enter)"))
        self.override_button.clicked.connect(self.request_register)
        self.override_button.setVisible(False)
        footer.addWidget(self.override_button)
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
                if editor.isEditable():
                    editor.editTextChanged.connect(lambda _t, k=key: self._field_edited(k))
        self.clear()

    # -- building -------------------------------------------------------------------------------------------------
    def _cell(self, key: str) -> FieldCell:
        cell = make_cell(key, self.field_label(key), correction=self._correction)
        self.cells[key] = cell
        self.editors[key] = cell.editor
        self.finding_lists[key] = cell.findings
        cell.findings.candidate_chosen.connect(self.candidate_chosen)
        return cell

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
        for key in self.editors:
            self._put_blank(key)
            self._set_review(key, False)
        self._set_text("planned_departure", (self._today() + timedelta(days=1)).isoformat())
        self.accept_warnings.setChecked(False)
        self.more.setChecked(self._correction)  # a correction shows every field it may change
        self._show_findings()

    def clear_stay(self) -> None:
        """Empty the stay and the visa or permit: a new guest's stay is never the last guest's by accident
        (the page keeps it only when the receptionist chose "same stay")."""
        for key in (*STAY_FIELDS, *VISA_FIELDS):
            self._put_blank(key)
            self._set_review(key, False)
        self._set_text("planned_departure", (self._today() + timedelta(days=1)).isoformat())
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
        if any(self.text(key) for key in MORE_FIELDS):
            self.more.setChecked(True)
        self._show_findings()

    def snapshot(self) -> FormSnapshot:
        """Everything on the form, to park an unfinished guest and take them up again later."""
        return FormSnapshot({key: self.text(key) for key in self.editors}, self._check, frozenset(self._review),
                            self._page_image, self._mrz_lines, self.entry_method, self.accept_warnings.isChecked(),
                            tuple(self._external_findings))

    def restore(self, snap: FormSnapshot) -> None:
        """The form exactly as `snapshot` left it."""
        self.clear()
        self.entry_method = snap.entry_method
        self._check = snap.check
        self._page_image = snap.page_image
        self._mrz_lines = snap.mrz_lines
        self._external_findings = list(snap.external_findings)
        for key, value in snap.texts.items():
            self._put(key, value)
        self._review = set(snap.review)
        for key in self.editors:
            self._set_review(key, key in self._review)
        self.accept_warnings.setChecked(snap.warnings_accepted)
        if any(self.text(key) for key in MORE_FIELDS):
            self.more.setChecked(True)
        self._show_findings()

    def stay_values(self) -> dict[str, str]:
        """The stay and visa fields as typed (the page carries them to the next guest for "same stay")."""
        return {key: self.text(key) for key in (*STAY_FIELDS, *VISA_FIELDS)}

    def set_stay_values(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self._put(key, value)
        if any(values.get(key) for key in MORE_FIELDS):
            self.more.setChecked(True)
        self.stay_changed.emit()
        self._show_findings()

    def is_started(self) -> bool:
        """Whether anything of a guest is on the form: a document read, or a document field typed."""
        return self._check is not None or any(
            self.text(key) for key in DOCUMENT_FIELDS if isinstance(self.editors[key], QLineEdit))

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

    def set_value(self, key: str, value: str) -> None:
        """Set a field by its payload name (used by the page, the self-test and the screenshots)."""
        self._put(key, value)
        # setText emits no textEdited, so a value set by the program must refresh the findings itself.
        self._show_findings()

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

    def _form_key(self, finding: Finding) -> str:
        return finding.field if finding.field in self.editors else form_field_for(finding.field)

    def _found(self) -> list[Finding]:
        """Every finding about the record: the MRZ check's, those computed outside (stay rules, the typed
        document's validity) and the form's own."""
        findings: list[Finding] = []
        if self._check is not None:
            findings += list(self._check.findings)
        findings += self._external_findings + self._returning_findings
        return findings + local_findings(self.text, self._today(), correction=self._correction)

    def reason_asked(self) -> bool:
        """Whether the form asks why (a correction's reason; why a document is typed by hand): on Manual entry
        and for a correction always, on Check-in once fields are typed with nothing read."""
        return self._manual or (gate.is_manual(self.entry_method) and self.is_started())

    def verdict(self) -> gate.Verdict:
        """The registration gate's verdict on what the form holds (hotel_desk.rules.gate)."""
        digits = self._check.document.check_digits if self._check is not None and self._check.document else ()
        today = self._today()
        return gate.judge(
            {key: self.text(key) for key in self.editors}, entry_method=self.entry_method or None,
            manual_reason=self.text("manual_reason") if self.reason_asked() else "", findings=self._found(),
            acknowledged=self.accept_warnings.isChecked(),
            reason_required=self._manual or gate.is_manual(self.entry_method), check_digits=digits,
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
        asked = self.reason_asked()
        self.cells["manual_reason"].set_visible(asked)
        by_field: dict[str, list[Finding]] = {}
        for finding in self.all_findings():
            if finding.code in REQUIRED_CODES and not self._attempted:
                continue
            key = finding.field if finding.field in self.finding_lists else form_field_for(finding.field)
            by_field.setdefault(key, []).append(finding)
        if any(by_field.get(key) for key in MORE_FIELDS) and not self.more.isChecked():
            self.more.setChecked(True)  # a finding is never folded away
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
        as_printed = not self._correction and not self._busy and self.verdict().errors_overridable
        self.override_button.setVisible(as_printed)
        self.accept_warnings.setVisible(bool(warnings) and (not errors or as_printed))
        if self._busy:
            self.blocker.setText(self.tr("Saving…"))
        elif as_printed:
            self.blocker.setText(self.tr("The document prints a wrong check digit: compare the zone with the "
                                         "page, then register it as printed with a manager's approval."))
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
            verdict = self.verdict()
            if verdict.errors and not self._busy:
                self.register_refused.emit(self.entry(), tuple(sorted({f.code for f in verdict.errors})))
                if verdict.only_overridable and not self._correction and self._warnings_settled(verdict):
                    self.override_requested.emit(self.entry())
            return
        self.register_requested.emit(self.entry())

    def _warnings_settled(self, verdict: gate.Verdict) -> bool:
        """Warnings beside an overridable error still need their tick before the override is asked for."""
        return not verdict.warnings or self.accept_warnings.isChecked()

    def entry(self) -> GuestEntry:
        verdict = self.verdict()
        lines: tuple[str, ...] = self._mrz_lines
        if self._check is not None and self._check.document is not None:
            lines = tuple(self._check.document.mrz_lines)
        return GuestEntry(
            **form_values(self.text), mrz_lines=lines,
            manual_reason=self.text("manual_reason") if self.reason_asked() else "",
            entry_method=self.entry_method, page_image=self._page_image,
            accepted_warnings=verdict.accepted_warnings, returning_of=self.returning_of,
        )

    def focus_first_field(self) -> None:
        target = "room" if self._check is not None else ("surname_en" if self._manual else "room")
        self.editors[target].setFocus()
