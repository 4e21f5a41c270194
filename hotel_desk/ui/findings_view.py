"""The findings beside the form's fields: which field a finding (or a correction candidate) belongs to, and
the widget that shows them, coloured by severity, with the candidates one click away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from hotel_desk.documents.model import CorrectionCandidate, Finding, MrzCheck, Severity
from hotel_desk.rules import record
from hotel_desk.ui import i18n, labels, theme
from hotel_desk.ui.widgets import clear_layout

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

#: "Fill this in" findings: shown only once Register was tried, and not when another finding already
#: speaks about the same field.
REQUIRED_CODES = {"manual.field_missing", "manual.reason_missing"}


def form_field_for(finding_field: str | None) -> str:
    if not finding_field:
        return "document"
    return FINDING_TO_FORM.get(finding_field, "document")


def candidates_by_field(check: MrzCheck | None) -> dict[str, list[tuple[str, CorrectionCandidate]]]:
    """The correction candidates of an MRZ check, by the form field whose reading they change, each with the
    text to show on its button (the field as the candidate reads it)."""
    result: dict[str, list[tuple[str, CorrectionCandidate]]] = {}
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
        only = spans.get(next(iter(fields))) if len(fields) == 1 else None
        if only is not None and only.line < len(candidate.lines):
            text = candidate.lines[only.line][only.start:only.end].rstrip("<") or "<"
        else:
            text = " / ".join(f"{c.old}→{c.new}" for c in candidate.changes)
        result.setdefault(target, []).append((text, candidate))
    return result


def worst_severity(findings: Sequence[Finding]) -> str | None:
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    if not findings:
        return None
    worst = min(findings, key=lambda f: order.get(f.severity, 3))
    return worst.severity.value if worst.severity is not Severity.INFO else None


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
        self._has_content = False
        #: The row that shows this list (the form's layout sets it): shown while any of its lists has something.
        self.holder: QWidget | None = None
        self._allowed = True  # a folded-away field's findings stay hidden (the fold opens for them)

    def set_allowed(self, allowed: bool) -> None:
        self._allowed = allowed
        self._show()

    def _show(self) -> None:
        self.setVisible(self._allowed and self._has_content)
        if self.holder is not None:
            lists = self.holder.findChildren(FindingList)
            self.holder.setVisible(any(f._allowed and f._has_content for f in lists))

    def show_findings(self, findings: Sequence[Finding],
                      candidates: Sequence[tuple[str, CorrectionCandidate]] = ()) -> None:
        clear_layout(self._layout)
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
        self._has_content = bool(findings) or bool(candidates)
        self._show()


class QLabelText:
    """Strings used by FindingList (a separate translation context keeps them findable in Linguist)."""

    @staticmethod
    def did_you_mean() -> str:
        return QCoreApplication.translate("RegistrationForm", "Did you mean:")

    @staticmethod
    def use_candidate() -> str:
        return QCoreApplication.translate(
            "RegistrationForm", "Use this reading: it passes every check digit. Check it against the page.")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
