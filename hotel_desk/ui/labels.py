"""Words shown in several places (field names, report states, visa categories), translated in one context so
that the same thing is called the same everywhere in both languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hotel_desk.rules.reports import ReportKind, ReportState
from hotel_desk.ui.access_texts import problem_text as access_problem


def field_label(key: str) -> str:
    labels = {
        "document_type": QCoreApplication.translate("Labels", "Document type"),
        "document_number": QCoreApplication.translate("Labels", "Document number"),
        "issuing_state": QCoreApplication.translate("Labels", "Issued by"),
        "surname_en": QCoreApplication.translate("Labels", "Surname"),
        "given_names_en": QCoreApplication.translate("Labels", "Given names"),
        "chinese_name": QCoreApplication.translate("Labels", "Chinese name"),
        "sex": QCoreApplication.translate("Labels", "Sex"),
        "birth_date": QCoreApplication.translate("Labels", "Date of birth"),
        "nationality": QCoreApplication.translate("Labels", "Nationality"),
        "document_expiry": QCoreApplication.translate("Labels", "Valid until"),
        "visa_type": QCoreApplication.translate("Labels", "Visa / permit type"),
        "visa_number": QCoreApplication.translate("Labels", "Visa / permit number"),
        "stay_until": QCoreApplication.translate("Labels", "Stay allowed until"),
        "entry_date": QCoreApplication.translate("Labels", "Entry date"),
        "port_of_entry": QCoreApplication.translate("Labels", "Port of entry"),
        "room": QCoreApplication.translate("Labels", "Room"),
        "planned_departure": QCoreApplication.translate("Labels", "Planned departure"),
        "came_from": QCoreApplication.translate("Labels", "Coming from"),
        "going_to": QCoreApplication.translate("Labels", "Going to"),
        "reason": QCoreApplication.translate("Labels", "Reason for stay"),
        "document": QCoreApplication.translate("Labels", "Document"),
        "manual_reason": QCoreApplication.translate("Labels", "Why typed by hand"),
    }
    return labels.get(key, key)


def document_kinds() -> list[tuple[str, str]]:
    """(value stored in the record, label) in the order a receptionist meets them."""
    return [
        ("passport", QCoreApplication.translate("Labels", "Passport")),
        ("hk_macao_permit", QCoreApplication.translate("Labels", "Travel permit, Hong Kong / Macao residents")),
        ("taiwan_permit", QCoreApplication.translate("Labels", "Travel permit, Taiwan residents")),
        ("foreign_permanent_resident_id", QCoreApplication.translate("Labels", "Foreign permanent resident ID")),
        ("residence_permit", QCoreApplication.translate("Labels", "Residence permit")),
        ("id_card", QCoreApplication.translate("Labels", "Identity card")),
        ("travel_document", QCoreApplication.translate("Labels", "Other travel document")),
        ("visa", QCoreApplication.translate("Labels", "Visa")),
        ("other", QCoreApplication.translate("Labels", "Other")),
    ]


def visa_types() -> list[tuple[str, str]]:
    """Visa categories of the 2013 regulations plus the other grounds for a stay: codes of the record
    validation's list (hotel_desk.rules.validation.VISA_TYPES), which the intake accepts."""
    items = [("", QCoreApplication.translate("Labels", "(not recorded)"))]
    letters = {
        "C": QCoreApplication.translate("Labels", "C – crew"),
        "D": QCoreApplication.translate("Labels", "D – permanent residence"),
        "F": QCoreApplication.translate("Labels", "F – exchange, visit"),
        "G": QCoreApplication.translate("Labels", "G – transit"),
        "J1": QCoreApplication.translate("Labels", "J1 – resident journalist"),
        "J2": QCoreApplication.translate("Labels", "J2 – journalist, short visit"),
        "L": QCoreApplication.translate("Labels", "L – tourism"),
        "M": QCoreApplication.translate("Labels", "M – business, trade"),
        "Q1": QCoreApplication.translate("Labels", "Q1 – family reunion, long stay"),
        "Q2": QCoreApplication.translate("Labels", "Q2 – family visit, short stay"),
        "R": QCoreApplication.translate("Labels", "R – high-level talent"),
        "S1": QCoreApplication.translate("Labels", "S1 – family of foreign resident, long stay"),
        "S2": QCoreApplication.translate("Labels", "S2 – family of foreign resident, short stay"),
        "X1": QCoreApplication.translate("Labels", "X1 – study, long term"),
        "X2": QCoreApplication.translate("Labels", "X2 – study, short term"),
        "Z": QCoreApplication.translate("Labels", "Z – work"),
    }
    items += list(letters.items())
    items += [
        ("DIPLOMATIC", QCoreApplication.translate("Labels", "Diplomatic visa")),
        ("COURTESY", QCoreApplication.translate("Labels", "Courtesy visa")),
        ("SERVICE", QCoreApplication.translate("Labels", "Service visa")),
        ("RESIDENCE_PERMIT", QCoreApplication.translate("Labels", "Residence permit")),
        ("VISA_FREE", QCoreApplication.translate("Labels", "Visa-free entry")),
        ("HK_MACAO_PERMIT", QCoreApplication.translate("Labels", "Travel permit, Hong Kong / Macao residents")),
        ("TAIWAN_PERMIT", QCoreApplication.translate("Labels", "Travel permit, Taiwan residents")),
    ]
    return items


def sexes() -> list[tuple[str, str]]:
    return [("M", QCoreApplication.translate("Labels", "Male")), ("F", QCoreApplication.translate("Labels", "Female")), ("X", QCoreApplication.translate("Labels", "Unspecified"))]


def stay_reasons() -> list[str]:
    return [QCoreApplication.translate("Labels", "Tourism"), QCoreApplication.translate("Labels", "Business"), QCoreApplication.translate("Labels", "Visiting family"), QCoreApplication.translate("Labels", "Study"), QCoreApplication.translate("Labels", "Work"), QCoreApplication.translate("Labels", "Transit")]


def report_kind(kind: str) -> str:
    names: dict[str, str] = {
        ReportKind.CHECK_IN: QCoreApplication.translate("Labels", "Check-in"),
        ReportKind.CHECK_OUT: QCoreApplication.translate("Labels", "Check-out"),
        ReportKind.CORRECTION: QCoreApplication.translate("Labels", "Correction"),
        ReportKind.CANCELLATION: QCoreApplication.translate("Labels", "Cancellation"),
        ReportKind.NIL: QCoreApplication.translate("Labels", "No foreign guests (nil report)"),
    }
    return names.get(kind, kind)


def report_state(state: str) -> str:
    """Every state of hotel_desk.rules.reports.ReportState, in the desk's words."""
    names: dict[str, str] = {
        ReportState.QUEUED: QCoreApplication.translate("Labels", "Waiting to send"),
        ReportState.SENDING: QCoreApplication.translate("Labels", "Sending"),
        ReportState.FAILED_RETRYING: QCoreApplication.translate("Labels", "Will retry"),
        ReportState.HANDED_OVER: QCoreApplication.translate("Labels", "Handed over, receipt to enter"),
        ReportState.CONFIRMED: QCoreApplication.translate("Labels", "Filed (police receipt)"),
        ReportState.ACKNOWLEDGED: QCoreApplication.translate("Labels", "Filed"),
        ReportState.REJECTED: QCoreApplication.translate("Labels", "Needs correction"),
    }
    return names.get(state, state)


def severity_label(severity: str) -> str:
    return {"error": QCoreApplication.translate("Labels", "Must fix"), "warning": QCoreApplication.translate("Labels", "Check"), "info": QCoreApplication.translate("Labels", "Note")}.get(severity, severity)


def span(seconds: float) -> str:
    """'5 h 12 min' or '12 min': a length of time as the desk reads it."""
    minutes = int(abs(seconds) // 60)
    hours, minutes = divmod(minutes, 60)
    if hours >= 1:
        return QCoreApplication.translate("Labels", "%1 h %2 min").replace("%1", str(hours)).replace(
            "%2", f"{minutes:02d}")
    return QCoreApplication.translate("Labels", "%1 min").replace("%1", str(minutes))


def countdown(seconds: float) -> str:
    """'5 h 12 min left' or '1 h 03 min overdue': what the desk needs to act on a deadline."""
    text = QCoreApplication.translate("Labels", "%1 overdue") if seconds < 0 else \
        QCoreApplication.translate("Labels", "%1 left")
    return text.replace("%1", span(seconds))


def reader_source(source: str) -> str:
    """Which device read a document ("serial:/dev/ttyUSB0", "wedge", "camera"), in the desk's words."""
    kind, _, port = source.partition(":")
    names = {
        "serial": QCoreApplication.translate("Labels", "the passport reader on %1"),
        "wedge": QCoreApplication.translate("Labels", "the keyboard passport reader"),
        "camera": QCoreApplication.translate("Labels", "the camera"),
    }
    if kind in names:
        return names[kind].replace("%1", port or "—")
    return QCoreApplication.translate("Labels", "the passport reader")


def fax_progress(text: str) -> str:
    """The fax sender's progress (hotel_desk.fax.modem says it in English) in the desk's language."""
    words = text.split()
    if text == "initialising the modem":
        return QCoreApplication.translate("Labels", "starting the fax modem")
    if words[:1] == ["dialling"]:
        return QCoreApplication.translate("Labels", "dialling %1").replace("%1", " ".join(words[1:]))
    if words[:2] == ["sending", "page"] and len(words) == 5:
        return QCoreApplication.translate("Labels", "sending page %1 of %2").replace("%1", words[2]).replace(
            "%2", words[4])
    if text == "sent":
        return QCoreApplication.translate("Labels", "sent, waiting for the other fax to confirm")
    return text


def fax_problem(error: object) -> str:
    """Why a fax did not go through (the modem's failure by its code), in the desk's language."""
    exc = getattr(error, "exception", error)
    code = str(getattr(exc, "code", "") or "")
    texts = {
        "modem_not_responding": QCoreApplication.translate(
            "Labels", "the fax modem does not answer (is it switched on and plugged in?)"),
        "modem_refused": QCoreApplication.translate(
            "Labels", "the modem refused a fax command (is it a Class 2.0 fax modem?)"),
        "no_dial_tone": QCoreApplication.translate("Labels", "no dial tone (is the telephone line plugged in?)"),
        "busy": QCoreApplication.translate("Labels", "the line is busy: try again in a few minutes"),
        "no_answer": QCoreApplication.translate("Labels", "the sub-station's fax did not answer"),
        "no_carrier": QCoreApplication.translate("Labels", "no connection with the other fax machine"),
        "remote_hung_up": QCoreApplication.translate("Labels", "the other fax machine hung up"),
        "page_not_confirmed": QCoreApplication.translate("Labels", "the other fax machine did not confirm the page"),
        "fax_failed": QCoreApplication.translate("Labels", "the fax failed"),
    }
    if code in texts:
        return texts[code]
    if type(exc).__name__ == "SerialException" or isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Labels", "the fax modem's port cannot be opened (check the fax modem in Settings)")
    return problem_text(error)


def link_problem(code: str) -> str:
    """Why reports do not get through to the police intake (hotel_desk.desk.link), as the desk says it."""
    texts = {
        "refused": QCoreApplication.translate("Labels", "Nothing answers at the police intake's address."),
        "timeout": QCoreApplication.translate("Labels", "The police intake does not answer in time."),
        "name": QCoreApplication.translate(
            "Labels", "The police intake's address cannot be found: check the internet connection."),
        "unreachable": QCoreApplication.translate(
            "Labels", "The network does not reach the police intake: check the internet connection."),
        "tls": QCoreApplication.translate("Labels", "The police intake's certificate is not trusted."),
        "auth": QCoreApplication.translate(
            "Labels", "The police intake refuses the hotel code or the authorisation code (Settings)."),
        "protocol": QCoreApplication.translate("Labels", "The police intake does not understand this desk: call support."),
        "trouble": QCoreApplication.translate("Labels", "The police intake answers with errors."),
    }
    return texts.get(code, QCoreApplication.translate("Labels", "The police intake cannot be reached."))


def problem_text(error: object) -> str:
    """A failed desk action in the desk's language. The store explains refusals in English sentences; the
    ones a receptionist can meet are translated here, anything else is shown as it came (never hidden)."""
    door = access_problem(error)  # not signed in, not allowed, ...: the desk's door (by code)
    if door is not None:
        return door
    text = str(error)
    known = {
        "the guest has no name": QCoreApplication.translate("Labels", "the guest has no name"),
        "the document has no number": QCoreApplication.translate("Labels", "the document has no number"),
        "no room is given": QCoreApplication.translate("Labels", "no room is given"),
        "the arrival time is in the future": QCoreApplication.translate(
            "Labels", "the arrival time is in the future (check the computer's clock)"),
        "the planned departure is before the arrival": QCoreApplication.translate(
            "Labels", "the planned departure is before the arrival"),
        "nothing to correct": QCoreApplication.translate(
            "Labels", "nothing to correct: every value is as recorded"),
        "nothing changed": QCoreApplication.translate("Labels", "nothing to correct: every value is as recorded"),
        "not in house": QCoreApplication.translate("Labels", "the guest is no longer in house"),
        "the room cannot be empty": QCoreApplication.translate("Labels", "no room is given"),
        "no property is set up": QCoreApplication.translate(
            "Labels", "the hotel's codes are not set up (Settings)"),
        "database is locked": QCoreApplication.translate(
            "Labels", "the database is busy; try again in a moment"),
        "disk is full": QCoreApplication.translate(
            "Labels", "the disk holding the database is full; free some space and try again"),
        "the check-out time is before the arrival": QCoreApplication.translate(
            "Labels", "the check-out time is before the arrival"),
        "the check-out time is in the future": QCoreApplication.translate(
            "Labels", "the check-out time is in the future"),
        "needs a note": QCoreApplication.translate(
            "Labels", "say what was checked: a \"verified correct\" answer needs a note"),
        "already answered": QCoreApplication.translate("Labels", "the item was already answered"),
        "does not match the earlier stay": QCoreApplication.translate(
            "Labels", "the document does not match the earlier stay (the returning guest was not linked)"),
    }
    parts = [known.get(next((k for k in known if k in part), ""), part.strip()) for part in text.split(";")]
    return "; ".join(p for p in parts if p)


def audit_action(action: str) -> str:
    """An audit event's action in words (the stable action string for kinds this version does not name)."""
    names = {
        "registration.check_in": QCoreApplication.translate("Labels", "Check-in registered"),
        "registration.check_out": QCoreApplication.translate("Labels", "Check-out"),
        "registration.correction": QCoreApplication.translate("Labels", "Correction"),
        "registration.cancellation": QCoreApplication.translate("Labels", "Cancellation"),
        "registration.check_in_blocked": QCoreApplication.translate("Labels", "Check-in blocked"),
        "report.claimed": QCoreApplication.translate("Labels", "Report picked up for sending"),
        "report.acknowledged": QCoreApplication.translate("Labels", "Report accepted by the police"),
        "report.rejected": QCoreApplication.translate("Labels", "Report refused by the intake"),
        "report.failed": QCoreApplication.translate("Labels", "Report not sent yet (retrying)"),
        "report.handed_over": QCoreApplication.translate("Labels", "Report handed over"),
        "report.confirmed": QCoreApplication.translate("Labels", "Hand-over confirmed"),
        "personal_data.read": QCoreApplication.translate("Labels", "Personal data viewed"),
        "personal_data.list": QCoreApplication.translate("Labels", "Guest list viewed"),
        "property.set": QCoreApplication.translate("Labels", "Hotel settings changed"),
        "desk_user.set": QCoreApplication.translate("Labels", "Desk user added"),
        "audit.exported": QCoreApplication.translate("Labels", "Audit trail exported"),
        "audit.receipts_exported": QCoreApplication.translate("Labels", "Receipts exported"),
        "audit.coverage_baseline": QCoreApplication.translate("Labels", "Records sealed into the chain (upgrade)"),
        "document.page_images_purged": QCoreApplication.translate("Labels", "Page images deleted after retention"),
        "document.page_images_sealed": QCoreApplication.translate("Labels", "Page images encrypted"),
        "data_key.created": QCoreApplication.translate("Labels", "Data key created"),
        "account.created": QCoreApplication.translate("Labels", "Staff account created"),
        "account.role_changed": QCoreApplication.translate("Labels", "Staff role changed"),
        "account.disabled": QCoreApplication.translate("Labels", "Staff account disabled"),
        "account.enabled": QCoreApplication.translate("Labels", "Staff account enabled"),
        "account.password_reset": QCoreApplication.translate("Labels", "Staff password reset"),
        "account.locked": QCoreApplication.translate("Labels", "Staff account locked (failed sign-ins)"),
        "session.signed_in": QCoreApplication.translate("Labels", "Signed in"),
        "session.sign_in_failed": QCoreApplication.translate("Labels", "Sign-in failed"),
        "session.signed_out": QCoreApplication.translate("Labels", "Signed out"),
        "session.locked": QCoreApplication.translate("Labels", "Desk locked"),
        "session.unlocked": QCoreApplication.translate("Labels", "Desk unlocked"),
        "access.refused": QCoreApplication.translate("Labels", "Action refused (role)"),
        "access.approved": QCoreApplication.translate("Labels", "Approved by a manager"),
        "settings.changed": QCoreApplication.translate("Labels", "Settings changed"),
        "nil_report.queued": QCoreApplication.translate("Labels", "Nil report queued (no foreign guests)"),
        "group.registered": QCoreApplication.translate("Labels", "Group checked in"),
        "suspected_error.imported": QCoreApplication.translate("Labels", "Suspected error received from the police"),
        "suspected_error.matched": QCoreApplication.translate("Labels", "Suspected error matched to a stay"),
        "suspected_error.corrected": QCoreApplication.translate("Labels", "Suspected error answered: corrected"),
        "suspected_error.verified": QCoreApplication.translate("Labels", "Suspected error answered: verified correct"),
    }
    return names.get(action, action)


def late_grade(grade: str) -> str:
    """The national platform's lateness grades."""
    return {
        "1-2d": QCoreApplication.translate("Labels", "Late 1–2 days"),
        "3-7d": QCoreApplication.translate("Labels", "Late 3–7 days"),
        "8-14d": QCoreApplication.translate("Labels", "Late 8–14 days"),
        ">=15d": QCoreApplication.translate("Labels", "Late 15+ days"),
    }.get(grade, grade)


def timeline_details(facts: tuple[tuple[str, str], ...]) -> str:
    """An audit event's details (hotel_desk.store.inspection_views.TimelineEntry.facts) in the reader's words:
    report kinds and field names translated, notes and receipts as written."""
    what = {
        "registration_detail": QCoreApplication.translate("Labels", "the registration"),
        "report_payload": QCoreApplication.translate("Labels", "a report as sent"),
        "document_page_image": QCoreApplication.translate("Labels", "the document's page image"),
        "guest_history": QCoreApplication.translate("Labels", "the guest's earlier stays"),
        "returning_guest_match": QCoreApplication.translate("Labels", "a returning guest's last stay"),
        "registration form": QCoreApplication.translate("Labels", "the registration form"),
    }
    purposes = {
        "correction": QCoreApplication.translate("Labels", "to correct it"),
        "suspected error": QCoreApplication.translate("Labels", "to answer a suspected error"),
    }
    parts: list[str] = []
    for key, value in facts:
        if key == "report_kind":
            parts.append(report_kind(value))
        elif key == "changed_fields":
            parts.append(QCoreApplication.translate("Labels", "changed: %1").replace(
                "%1", ", ".join(field_label(f.strip()) for f in value.split(","))))
        elif key == "receipt_number":
            parts.append(QCoreApplication.translate("Labels", "receipt %1").replace("%1", value))
        elif key == "what":
            parts.append(what.get(value, value))
        elif key == "purpose":
            parts.append(purposes.get(value, value))
        elif key == "count":
            parts.append(QCoreApplication.translate("Labels", "%1 rows").replace("%1", value))
        else:  # a note, report states: as written
            parts.append(value)
    return "; ".join(parts)
