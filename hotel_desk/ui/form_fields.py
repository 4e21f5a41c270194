"""The registration form's fields: how the form lays them out, how a typed date is read, and the editor for
each (what each field is, its type and size, comes from hotel_desk.rules.record)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import Finding, TravelDocument
from hotel_desk.rules import record
from hotel_desk.ui import labels
from hotel_desk.ui.keyboard import CodeComboBox

#: The form's layout, two fields to a row with each label beside its field, so that a whole check-in fits a
#: 1366 x 768 screen: the guest and the document as the page reads them, then the stay with what every guest
#: needs first and the rest folded away (what each field is comes from hotel_desk.rules.record).
DOCUMENT_ROWS = (
    ("surname_en", "given_names_en"), ("chinese_name", "sex"), ("birth_date", "nationality"),
    ("document_type", "document_number"), ("issuing_state", "document_expiry"),
)
STAY_ROWS = (("room", "planned_departure"), ("visa_type", "stay_until"))
#: Less used: folded under "More stay details" until one of them holds a value or a finding.
MORE_ROWS = (("came_from", "going_to"), ("reason", "visa_number"), ("entry_date", "port_of_entry"))
MORE_FIELDS = tuple(key for row in MORE_ROWS for key in row)

DOCUMENT_FIELDS = tuple(key for row in DOCUMENT_ROWS for key in row)
#: The stay and the visa or permit (a change re-checks the stay rules).
STAY_FIELDS = ("room", "planned_departure", "came_from", "going_to", "reason")
VISA_FIELDS = ("visa_type", "visa_number", "stay_until", "entry_date", "port_of_entry")
DATE_FIELDS = record.DATE_KEYS & {*DOCUMENT_FIELDS, *STAY_FIELDS, *VISA_FIELDS}
#: Who the guest is: editing one of these drops a returning-guest link made from the old values.
IDENTITY_FIELDS = frozenset({"document_number", "nationality", "surname_en", "given_names_en", "birth_date"})

def parse_date(text: str) -> date | None:
    """YYYY-MM-DD (or YYYYMMDD, or with dots/slashes) as typed at the desk; None when blank or not a date."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 8:
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


#: Kept in capitals whatever is typed (as the MRZ and the police write them).
UPPER_CASE = frozenset({"surname_en", "given_names_en", "nationality", "document_number", "issuing_state"})


def form_values(text: Callable[[str], str]) -> dict[str, Any]:
    """The record's values from the form's texts (`text(key)`): dates parsed, names and codes in capitals, and
    an unchosen sex as X."""
    values: dict[str, Any] = {}
    for key in (*DOCUMENT_FIELDS, *STAY_FIELDS, *VISA_FIELDS):
        raw = text(key)
        values[key] = parse_date(raw) if key in DATE_FIELDS else raw.upper() if key in UPPER_CASE else raw
    values["sex"] = values["sex"] or "X"
    return values


def local_findings(text: Callable[[str], str], today: date, *, correction: bool = False) -> list[Finding]:
    """What the form itself finds in its texts (`text(key)`): dates that are not dates, a departure before
    today (at the desk the guest arrives today; a correction may concern an earlier stay). Findings from the
    catalogue of the document core; `field` is the form's key."""
    found: list[Finding] = []
    for key in sorted(DATE_FIELDS):
        typed = text(key)
        if typed and parse_date(typed) is None:
            found.append(make_finding("date.invalid", key, raw=typed, field_name_of=record.spec(key).finding_name))
    departure = parse_date(text("planned_departure"))
    if departure is not None and departure < today and not correction:
        found.append(make_finding("stay.departure_before_arrival", "planned_departure",
                                  departure=departure.isoformat(), arrival=today.isoformat()))
    return found


def document_texts(doc: TravelDocument) -> dict[str, str]:
    """What a read document puts into the form's fields (a date that did not parse as it was printed)."""
    texts = {
        "document_type": doc.kind.value, "document_number": doc.document_number,
        "issuing_state": doc.issuing_state, "surname_en": doc.surname, "given_names_en": doc.given_names,
        "sex": doc.sex if doc.sex in ("M", "F") else "X",
        "birth_date": doc.birth_date.isoformat() if doc.birth_date else doc.birth_date_raw,
        "nationality": doc.nationality,
        "document_expiry": doc.expiry_date.isoformat() if doc.expiry_date else doc.expiry_date_raw,
    }
    if doc.chinese_name:
        texts["chinese_name"] = doc.chinese_name
    if doc.kind.value in ("hk_macao_permit", "taiwan_permit"):
        texts["visa_type"] = doc.kind.value.upper()  # HK_MACAO_PERMIT, TAIWAN_PERMIT: the permit is the ground
    return texts


def make_editor(key: str, *, correction: bool = False) -> QLineEdit | QComboBox:
    """The editor for one field: a list to choose from, an editable list of usual reasons, or a line sized to
    what the database keeps (its strings are the form's, in the RegistrationForm translation context)."""
    if key in ("document_type", "sex", "visa_type"):
        combo = CodeComboBox()  # M/F/X, L/Z/Q1 ... pick by their code in Chinese as in English
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
        typed = QComboBox()
        typed.setEditable(True)
        return _reasons(typed, key, correction=correction)
    return _line(key)


def _reasons(combo: QComboBox, key: str, *, correction: bool) -> QComboBox:
    """An editable list of the usual reasons (the stay's, a correction's, or why a document was typed)."""
    if key == "reason":
        combo.addItems(["", *labels.stay_reasons()])
    elif correction:
        combo.addItems([
            "",
            QCoreApplication.translate("RegistrationForm", "Wrong field value in the registration"),
            QCoreApplication.translate("RegistrationForm", "The police marked the record as suspected error data"),
            QCoreApplication.translate("RegistrationForm", "The guest changed room or departure date"),
        ])
    else:
        combo.addItems([
            "",
            QCoreApplication.translate("RegistrationForm", "The document has no machine-readable zone"),
            QCoreApplication.translate("RegistrationForm", "The machine-readable zone is damaged or unreadable"),
            QCoreApplication.translate("RegistrationForm", "No scanner or reader available"),
        ])
    line = combo.lineEdit()
    if line is not None and key == "manual_reason":
        line.setPlaceholderText(QCoreApplication.translate("RegistrationForm", "Required: choose or type why"))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _line(key: str) -> QLineEdit:
    edit = QLineEdit()
    longest = record.limit(key) if key in record.BY_KEY else None
    if longest:
        edit.setMaxLength(longest)  # no more than the database keeps
    if key in DATE_FIELDS:
        edit.setPlaceholderText(QCoreApplication.translate("RegistrationForm", "YYYY-MM-DD"))
        edit.setMaxLength(10)
    if key in ("nationality", "issuing_state"):
        edit.setPlaceholderText(QCoreApplication.translate("RegistrationForm", "3 letters, e.g. GBR"))
    if key == "room":
        edit.setPlaceholderText(QCoreApplication.translate("RegistrationForm", "e.g. 1208"))
    if key in ("surname_en", "given_names_en"):
        edit.setPlaceholderText(
            QCoreApplication.translate("RegistrationForm", "As in the document (Latin letters)"))
    return edit
