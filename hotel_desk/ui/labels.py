"""Words shown in several places (field names, report states, visa categories), translated in one context so
that the same thing is called the same everywhere in both languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def field_label(key: str) -> str:
    labels = {
        "document_type": _t("Document type"),
        "document_number": _t("Document number"),
        "issuing_state": _t("Issued by"),
        "surname_en": _t("Surname"),
        "given_names_en": _t("Given names"),
        "chinese_name": _t("Chinese name"),
        "sex": _t("Sex"),
        "birth_date": _t("Date of birth"),
        "nationality": _t("Nationality"),
        "document_expiry": _t("Valid until"),
        "visa_type": _t("Visa / permit type"),
        "visa_number": _t("Visa / permit number"),
        "stay_until": _t("Stay allowed until"),
        "entry_date": _t("Entry date"),
        "port_of_entry": _t("Port of entry"),
        "room": _t("Room"),
        "planned_departure": _t("Planned departure"),
        "came_from": _t("Coming from"),
        "going_to": _t("Going to"),
        "reason": _t("Reason for stay"),
        "document": _t("Document"),
        "manual_reason": _t("Why typed by hand"),
    }
    return labels.get(key, key)


def document_kinds() -> list[tuple[str, str]]:
    """(value stored in the record, label) in the order a receptionist meets them."""
    return [
        ("passport", _t("Passport")),
        ("hk_macao_permit", _t("Travel permit, Hong Kong / Macao residents")),
        ("taiwan_permit", _t("Travel permit, Taiwan residents")),
        ("foreign_permanent_resident_id", _t("Foreign permanent resident ID")),
        ("residence_permit", _t("Residence permit")),
        ("id_card", _t("Identity card")),
        ("travel_document", _t("Other travel document")),
        ("visa", _t("Visa")),
        ("other", _t("Other")),
    ]


def document_kind_label(value: str) -> str:
    return dict(document_kinds()).get(value, value)


def visa_types() -> list[tuple[str, str]]:
    """Visa categories of the 2013 regulations plus the other grounds for a stay."""
    items = [("", _t("(not recorded)"))]
    letters = {
        "C": _t("C – crew"),
        "D": _t("D – permanent residence"),
        "F": _t("F – exchange, visit"),
        "G": _t("G – transit"),
        "J1": _t("J1 – resident journalist"),
        "J2": _t("J2 – journalist, short visit"),
        "L": _t("L – tourism"),
        "M": _t("M – business, trade"),
        "Q1": _t("Q1 – family reunion, long stay"),
        "Q2": _t("Q2 – family visit, short stay"),
        "R": _t("R – high-level talent"),
        "S1": _t("S1 – family of foreign resident, long stay"),
        "S2": _t("S2 – family of foreign resident, short stay"),
        "X1": _t("X1 – study, long term"),
        "X2": _t("X2 – study, short term"),
        "Z": _t("Z – work"),
    }
    items += list(letters.items())
    items += [
        ("DIPLOMATIC", _t("Diplomatic visa")),
        ("COURTESY", _t("Courtesy visa")),
        ("SERVICE", _t("Service visa")),
        ("RESIDENCE", _t("Residence permit")),
        ("VISA_FREE", _t("Visa-free entry")),
        ("PERMIT", _t("Travel permit (HK / Macao / Taiwan)")),
    ]
    return items


def sexes() -> list[tuple[str, str]]:
    return [("M", _t("Male")), ("F", _t("Female")), ("X", _t("Unspecified"))]


def stay_reasons() -> list[str]:
    return [_t("Tourism"), _t("Business"), _t("Visiting family"), _t("Study"), _t("Work"), _t("Transit")]


def report_kind(kind: str) -> str:
    return {
        "check_in": _t("Check-in"),
        "check_out": _t("Check-out"),
        "correction": _t("Correction"),
        "cancellation": _t("Cancellation"),
    }.get(kind, kind)


def report_state(state: str) -> str:
    return {
        "pending": _t("Waiting to send"),
        "queued": _t("Waiting to send"),
        "sending": _t("Sending"),
        "retrying": _t("Will retry"),
        "accepted": _t("Accepted"),
        "acknowledged": _t("Accepted"),
        "sent": _t("Sent"),
        "rejected": _t("Needs correction"),
        "needs_correction": _t("Needs correction"),
        "superseded": _t("Corrected"),
        "failed": _t("Failed"),
        "cancelled": _t("Cancelled"),
    }.get(state, state)


def severity_label(severity: str) -> str:
    return {"error": _t("Must fix"), "warning": _t("Check"), "info": _t("Note")}.get(severity, severity)


def countdown(seconds: float) -> str:
    """'5 h 12 min left' or '1 h 03 min overdue': what the desk needs to act on a deadline."""
    overdue = seconds < 0
    minutes = int(abs(seconds) // 60)
    hours, minutes = divmod(minutes, 60)
    if hours >= 1:
        span = _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
    else:
        span = _t("%1 min").replace("%1", str(minutes))
    return (_t("%1 overdue") if overdue else _t("%1 left")).replace("%1", span)
