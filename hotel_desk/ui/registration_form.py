"""The registration form shared by Check-in and Manual entry: the document fields as read (editable), the
findings beside the field they concern, correction candidates one click away, then the stay and the visa or
permit, and Register (Enter).

Errors block Register; warnings need an explicit "I have checked" so nothing doubtful slips through by habit;
fields the recognizer was unsure of are highlighted until someone edits or confirms them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hotel_desk.desk.views import GuestEntry
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import CorrectionCandidate, Finding, MrzCheck, Severity, TravelDocument
from hotel_desk.rules import gate, record
from hotel_desk.ui import i18n, labels, theme

#: Where a finding about a field shows up in the form: the record's own names for its fields, and the names
#: the document core's findings use for the same fields (hotel_desk.rules.record: `core_name`).
FINDING_TO_FORM = {
    **{f.key: f.key for f in record.FIELDS},
    **{f.core_name: f.key for f in record.FIELDS if f.core_name},
    "names": "surname_en",
    "name": "surname_en",
    "permit_stay_until": "stay_until",
    "reason": "manual_reason",  # the document core's "reason" is why a document was typed by hand
    "manual_reason": "manual_reason",
    "mrz": "document",
}

#: The form's layout: its three cards (what each field is comes from hotel_desk.rules.record).
DOCUMENT_FIELDS = (
    "document_type", "document_number", "issuing_state", "surname_en", "given_names_en", "chinese_name", "sex",
    "birth_date", "nationality", "document_expiry",
)
STAY_FIELDS = ("room", "planned_departure", "came_from", "going_to", "reason")
VISA_FIELDS = ("visa_type", "visa_number", "stay_until", "entry_date", "port_of_entry")
DATE_FIELDS = record.DATE_KEYS & {*DOCUMENT_FIELDS, *STAY_FIELDS, *VISA_FIELDS}

#: "Fill this in" findings: shown only once Register was tried, and not when another finding already
#: speaks about the same field.
REQUIRED_CODES = {"manual.field_missing", "manual.reason_missing"}


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD (or YYYYMMDD, or with dots/slashes) as typed at the desk; None when blank or not a date."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 8:
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def form_field_for(finding_field: str | None) -> str:
    if not finding_field:
        return "document"
    return FINDING_TO_FORM.get(finding_field, "document")


class FindingList(QWidget):
    """The findings for one field, each coloured by severity, with its correction candidates as buttons."""

    candidate_chosen = Signal(object)  # CorrectionCandidate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.findings: list[Finding] = []

    def show_findings(self, findings: Sequence[Finding],
                      candidates: Sequence[tuple[str, CorrectionCandidate]] = ()) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.findings = list(findings)
        for finding in findings:
            fg, bg = theme.SEVERITY_COLOURS.get(str(finding.severity.value), (theme.MUTED, theme.CARD))
            label = QLabel(f"<b>{labels.severity_label(finding.severity.value)}</b> · "
                           f"{_escape(finding.message(i18n.current_language()))}")
            label.setObjectName("Finding")
            label.setProperty("code", finding.code)
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 4px; padding: 3px 8px;")
            self._layout.addWidget(label)
        if candidates:
            row = QHBoxLayout()
            row.setSpacing(6)
            hint = QLabel(QLabelText.did_you_mean())
            hint.setObjectName("Muted")
            row.addWidget(hint)
            for text, candidate in candidates[:3]:
                button = QPushButton(text)
                button.setObjectName("Candidate")
                button.setToolTip(QLabelText.use_candidate())
                button.clicked.connect(lambda _=False, c=candidate: self.candidate_chosen.emit(c))
                row.addWidget(button)
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self._layout.addWidget(holder)
        self.setVisible(bool(findings) or bool(candidates))


class QLabelText:
    """Strings used by FindingList (a separate translation context keeps them findable in Linguist)."""

    @staticmethod
    def did_you_mean() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("RegistrationForm", "Did you mean:")

    @staticmethod
    def use_candidate() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(
            "RegistrationForm", "Use this reading: it passes every check digit. Check it against the page.")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RegistrationForm(QWidget):
    """Emits `register_requested(GuestEntry)`; the page runs the registration as a background job."""

    register_requested = Signal(object)
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
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        root.addWidget(self.scroll, 1)

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
            editor = self._editor_for(key)
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

    def _editor_for(self, key: str) -> QLineEdit | QComboBox:
        if key in ("document_type", "sex", "visa_type"):
            combo = QComboBox()
            items = {"document_type": labels.document_kinds, "sex": labels.sexes, "visa_type": labels.visa_types}[key]()
            if key == "sex":
                # No default: a sex pre-set to one value would be registered unnoticed on a typed document.
                combo.addItem("—", "")
            for value, text in items:
                combo.addItem(text, value)
            # Long labels (permit names) must not widen the form: the list pops up as wide as it needs.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            return combo
        if key in ("reason", "manual_reason"):
            combo = QComboBox()
            combo.setEditable(True)
            if key == "reason":
                combo.addItems(["", *labels.stay_reasons()])
            elif self._correction:
                combo.addItems(["", self.tr("Wrong field value in the registration"),
                                self.tr("The police marked the record as suspected error data"),
                                self.tr("The guest changed room or departure date")])
            else:
                combo.addItems(["", self.tr("The document has no machine-readable zone"),
                                self.tr("The machine-readable zone is damaged or unreadable"),
                                self.tr("No scanner or reader available")])
            combo.lineEdit().setPlaceholderText(self.tr("Required") if key == "manual_reason" else "")
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            return combo
        edit = QLineEdit()
        longest = record.max_length(key) if key in record.BY_KEY else None
        if longest:
            edit.setMaxLength(longest)  # no more than the database keeps
        if key in DATE_FIELDS:
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaxLength(10)
        if key in ("nationality", "issuing_state"):
            edit.setPlaceholderText(self.tr("3 letters, e.g. GBR"))
        if key == "room":
            edit.setPlaceholderText(self.tr("e.g. 1208"))
        if key in ("surname_en", "given_names_en"):
            edit.setPlaceholderText(self.tr("As in the document (Latin letters)"))
        return edit

    # -- filling ------------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.entry_method = self._default_entry_method
        self._check = None
        self._review = set()
        self._external_findings = []
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

    def set_mrz_check(self, check: MrzCheck | None) -> None:
        self._check = check
        self._show_findings()

    def _fill_document(self, doc: TravelDocument) -> None:
        self._set_combo("document_type", doc.kind.value)
        self._set_text("document_number", doc.document_number)
        self._set_text("issuing_state", doc.issuing_state)
        self._set_text("surname_en", doc.surname)
        self._set_text("given_names_en", doc.given_names)
        if doc.chinese_name:
            self._set_text("chinese_name", doc.chinese_name)
        self._set_combo("sex", doc.sex if doc.sex in ("M", "F") else "X")
        self._set_text("birth_date", doc.birth_date.isoformat() if doc.birth_date else doc.birth_date_raw)
        self._set_text("nationality", doc.nationality)
        self._set_text("document_expiry", doc.expiry_date.isoformat() if doc.expiry_date else doc.expiry_date_raw)
        if doc.kind.value in ("hk_macao_permit", "taiwan_permit"):
            self._set_combo("visa_type", "PERMIT")

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

    def set_value(self, key: str, value: str) -> None:
        """Set a field by its payload name (used by the page, the self-test and the screenshots)."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox) and not editor.isEditable():
            self._set_combo(key, value)
        else:
            self._set_text(key, value)
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
        findings += self._external_findings
        return findings + self.local_findings()

    def verdict(self) -> gate.Verdict:
        """The registration gate's verdict on what the form holds (hotel_desk.rules.gate)."""
        return gate.judge(
            {key: self.text(key) for key in self.editors}, entry_method=self.entry_method or None,
            manual_reason=self.text("manual_reason") if self._manual else "", findings=self._found(),
            acknowledged=self.accept_warnings.isChecked(), reason_required=self._manual,
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
        for f in [*self._found(), *self._missing_findings(self.verdict())]:
            key = (f.code, self._form_key(f))
            if key in said or (f.code in REQUIRED_CODES and key[1] in {k for _, k in said}):
                continue
            said.add(key)
            findings.append(f)
        return findings

    def _candidates_by_field(self) -> dict[str, list[tuple[str, CorrectionCandidate]]]:
        result: dict[str, list[tuple[str, CorrectionCandidate]]] = {}
        check = self._check
        if check is None or check.document is None or not check.candidates:
            return result
        spans = check.document.spans
        for candidate in check.candidates:
            fields: set[str] = set()
            for change in candidate.changes:
                for name, span in spans.items():
                    if span.line == change.line and span.start <= change.column < span.end:
                        fields.add(name)
            target = form_field_for(next(iter(sorted(fields))) if len(fields) == 1 else None)
            span = spans.get(next(iter(fields))) if len(fields) == 1 else None
            if span is not None and span.line < len(candidate.lines):
                text = candidate.lines[span.line][span.start:span.end].rstrip("<") or "<"
            else:
                text = " / ".join(f"{c.old}→{c.new}" for c in candidate.changes)
            result.setdefault(target, []).append((text, candidate))
        return result

    def _show_findings(self) -> None:
        by_field: dict[str, list[Finding]] = {}
        for finding in self.all_findings():
            if finding.code in REQUIRED_CODES and not self._attempted:
                continue
            key = finding.field if finding.field in self.finding_lists else form_field_for(finding.field)
            by_field.setdefault(key, []).append(finding)
        candidates = self._candidates_by_field()
        for key, box in self.finding_lists.items():
            box.show_findings(by_field.get(key, []), candidates.get(key, []))
            editor = self.editors.get(key)
            if editor is not None:
                worst = _worst(by_field.get(key, [])) or ""
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
            return
        self.register_requested.emit(self.entry())

    def entry(self) -> GuestEntry:
        t = self.text
        verdict = self.verdict()
        lines: tuple[str, ...] = self._mrz_lines
        if self._check is not None and self._check.document is not None:
            lines = tuple(self._check.document.mrz_lines)
        return GuestEntry(
            surname_en=t("surname_en").upper(),
            given_names_en=t("given_names_en").upper(),
            chinese_name=t("chinese_name"),
            sex=t("sex") or "X",
            birth_date=parse_date(t("birth_date")),
            nationality=t("nationality").upper(),
            document_type=t("document_type"),
            document_number=t("document_number").upper(),
            document_expiry=parse_date(t("document_expiry")),
            issuing_state=t("issuing_state").upper(),
            visa_type=t("visa_type"),
            visa_number=t("visa_number"),
            stay_until=parse_date(t("stay_until")),
            entry_date=parse_date(t("entry_date")),
            port_of_entry=t("port_of_entry"),
            room=t("room"),
            planned_departure=parse_date(t("planned_departure")),
            came_from=t("came_from"),
            going_to=t("going_to"),
            reason=t("reason"),
            mrz_lines=lines,
            manual_reason=t("manual_reason") if self._manual else "",
            entry_method=self.entry_method,
            page_image=self._page_image,
            accepted_warnings=verdict.accepted_warnings,
        )

    def focus_first_field(self) -> None:
        target = "room" if self._check is not None else ("surname_en" if self._manual else "room")
        self.editors[target].setFocus()


def _worst(findings: Sequence[Finding]) -> str | None:
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    if not findings:
        return None
    worst = min(findings, key=lambda f: order.get(f.severity, 3))
    return worst.severity.value if worst.severity is not Severity.INFO else None
