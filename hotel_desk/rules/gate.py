"""The registration gate: whether a registration may be saved and reported, and what stops it.

One verdict for every way in: the registration form (live, as the receptionist types), `hotel-desk register`
(an import file), the desk layer and the store itself (which sees no findings, only the record, and refuses
what the gate says is missing). The rules:

- some fields are required of every registration, and a document typed from its page (no MRZ) also needs the
  dates an MRZ would have carried, and the reason it was typed;
- residents of Hong Kong, Macao and Taiwan are registered with their Chinese name (the rule is the document
  core's, hotel_desk.documents.chinese_name; the gate applies it to the name as confirmed);
- the record validation (hotel_desk.rules.validation: lengths, characters, codes, plausible dates against the
  arrival and `today`, the page image an image) applies to the record as confirmed, whoever asks; where the
  document core already refuses a field, its finding speaks for it;
- an error finding (a failed check digit, an expired document, ...) blocks;
- a warning finding (a stay beyond the visa, a minor, ...) needs an explicit acknowledgement ("I have checked
  the warnings against the document", `--accept-warnings`), recorded with the registration;
- one class of error may be overridden, with a reason and the approval of a staff member whose role allows
  `approve_override` (a manager): a check digit the document itself prints wrong (`printed_check_digit`).
  Nothing else: an expired document, a stay already over, a bad character or two failing digits block.
- a registration that repeats an open one (hotel_desk.rules.duplicates) waits for its own confirmation, the
  code `registration.duplicate`, which a blanket acknowledgement does not give.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from hotel_desk.documents.chinese_name import chinese_name_findings
from hotel_desk.documents.findings import make_finding
from hotel_desk.documents.model import CheckDigit, Finding, Severity
from hotel_desk.rules.duplicates import EXPLICIT_CODES, OpenStay, duplicate_finding
from hotel_desk.rules.record import BY_KEY, FIELDS, EntryMethod, Override
from hotel_desk.rules.validation import check_record

#: Every registration: what no police record can do without.
REQUIRED: tuple[str, ...] = ("surname_en", "document_number", "nationality", "sex", "room")
#: A document typed from its page: also the dates its MRZ would have carried.
REQUIRED_MANUAL: tuple[str, ...] = (*REQUIRED, "birth_date", "document_expiry")
#: The key under which a missing reason is reported (the form's field for it).
REASON = "manual_reason"
#: An override without its reason, or without whoever approved it.
OVERRIDE_REASON = "override_reason"
OVERRIDE_APPROVAL = "override_approval"
#: The check digits' own findings ("check_digit.document_number", ...).
CHECK_DIGIT_PREFIX = "check_digit."

#: What the store says when a required value is missing (the window translates these sentences).
MISSING_TEXT = {
    "surname_en": "the guest has no name",
    "document_number": "the document has no number",
    "room": "no room is given",
    "nationality": "the nationality is missing",
    "sex": "the sex is missing",
    "birth_date": "the date of birth is missing",
    "document_expiry": "the document's expiry date is missing",
    REASON: "the reason for typing the document by hand is missing",
    OVERRIDE_REASON: "the reason for registering the document as printed is missing",
    OVERRIDE_APPROVAL: "registering the document as printed needs a manager's approval",
}


def is_manual(entry_method: str | None) -> bool:
    return entry_method == EntryMethod.MANUAL


def required_fields(entry_method: str | None) -> tuple[str, ...]:
    """The record keys a registration must fill, for a document that came in by `entry_method`."""
    return REQUIRED_MANUAL if is_manual(entry_method) else REQUIRED


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def printed_check_digit_errors(findings: Iterable[Finding], check_digits: Sequence[CheckDigit]) -> tuple[Finding, ...]:
    """The errors that say the document PRINTS a wrong check digit rather than that it was misread: the one
    class of error a manager may override. It holds when exactly one check digit of the zone fails and

    - it is a field's digit and the composite digit passes: the composite covers that field AND its printed
      digit, so the issuer computed it over what it printed and the zone agrees with itself as printed. A
      single misread character (in the data or in the digit) changes both sums by a step that 7, 3 and 1 never
      turn into a multiple of 10, so it fails the composite too; or
    - it is the composite digit and every field's own digit passes: each reported value is confirmed by its
      own digit, only the digit over the whole line disagrees.

    Two failing digits, a zone without a composite digit (visas), a character outside the MRZ alphabet: a
    misreading until shown otherwise, to be retyped or corrected with a candidate, never overridden."""
    failing = [c for c in check_digits if not c.ok]
    if len(failing) != 1:
        return ()
    wrong = failing[0]
    composite = [c for c in check_digits if c.field == "composite"]
    if not composite or (wrong.field != "composite" and not composite[0].ok):
        return ()
    code = CHECK_DIGIT_PREFIX + wrong.field
    return tuple(f for f in findings if f.severity is Severity.ERROR and f.code == code)


#: The record key a finding's field names (the document core says "surname" where the record says "surname_en").
_RECORD_KEY = {f.finding_name: f.key for f in FIELDS}
#: Codes whose refusal reads best as the finding's own sentence (it names the field) rather than its code.
_SAID_IN_WORDS = ("record.", "page_image.", "registration.")


def record_key(finding_field: str | None) -> str:
    return _RECORD_KEY.get(finding_field or "", finding_field or "")


@dataclass(frozen=True)
class Verdict:
    """What stands between a registration and its report. `missing` and `errors` block; `unacknowledged`
    warnings wait for the receptionist's explicit acknowledgement."""

    missing: tuple[str, ...] = ()
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()
    unacknowledged: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = field(default=())
    #: The findings the gate itself raised from the record (the Chinese-name rule, the record validation, a
    #: repeated registration), to show beside the others.
    own: tuple[Finding, ...] = ()
    #: Errors an approved override may lift (printed_check_digit_errors): still in `errors` unless overridden.
    overridable: tuple[Finding, ...] = ()
    #: Errors lifted by the override the registration carries (no longer in `errors`).
    overridden: tuple[Finding, ...] = ()

    @property
    def blocked(self) -> bool:
        return bool(self.missing or self.errors)

    @property
    def needs_acknowledgement(self) -> bool:
        return bool(self.unacknowledged)

    @property
    def ok(self) -> bool:
        return not self.blocked and not self.needs_acknowledgement

    @property
    def errors_overridable(self) -> bool:
        """Every error is one an approved override lifts (values may still be missing)."""
        return bool(self.errors) and all(f in self.overridable for f in self.errors)

    @property
    def only_overridable(self) -> bool:
        """Blocked, but only by errors an approved override lifts: the form offers "Register as printed"."""
        return not self.missing and self.errors_overridable

    @property
    def overridden_codes(self) -> tuple[str, ...]:
        return tuple(sorted({f.code for f in self.overridden}))

    @property
    def accepted_warnings(self) -> tuple[str, ...]:
        """The codes of the warnings the receptionist accepted (recorded in the audit trail)."""
        if self.unacknowledged:
            return ()
        return tuple(sorted({f.code for f in self.warnings}))

    def missing_findings(self) -> list[Finding]:
        """The missing values as the document core's findings ("The surname is required."), each on the
        field the document core names (surname, expiry_date, room, ...; the reason on manual_reason), for the
        form and the command line to show beside the others."""
        found = []
        for key in self.missing:
            if key in (OVERRIDE_REASON, OVERRIDE_APPROVAL):
                continue  # asked for by the override's own dialog, not by a field of the form
            if key == REASON:
                found.append(make_finding("manual.reason_missing", REASON))
            else:
                name = BY_KEY[key].finding_name
                found.append(make_finding("manual.field_missing", name))
        return found

    def reasons(self, *, acknowledgement: bool = True) -> list[str]:
        """Why it cannot be saved, in plain sentences (the store's refusal; the window translates them);
        without `acknowledgement`, only what blocks whoever acknowledged what."""
        said = [MISSING_TEXT.get(key, f"{key} is missing") for key in self.missing]
        said += [_said(f) for f in self.errors]
        if acknowledgement:
            explicit = [f for f in self.unacknowledged if f.code in EXPLICIT_CODES]
            said += [f"{f.message_en} (confirm it with {f.code})" for f in explicit]
            rest = sorted({f.code for f in self.unacknowledged if f.code not in EXPLICIT_CODES})
            if rest:
                said.append("warnings not accepted: " + ", ".join(rest))
        return said

    @property
    def repeated(self) -> bool:
        """Waiting only for the confirmation that a repeated registration is intended."""
        return not self.blocked and bool(self.unacknowledged) and all(
            f.code in EXPLICIT_CODES for f in self.unacknowledged)


def _said(f: Finding) -> str:
    if f.code.startswith(_SAID_IN_WORDS):
        return f"{f.field}: {f.message_en}" if f.field else f.message_en
    return f"{f.code} ({f.field})" if f.field else f.code


def judge(
    values: Mapping[str, object],
    *,
    entry_method: str | None,
    manual_reason: str = "",
    findings: Iterable[Finding] = (),
    acknowledged: bool | Collection[str] = False,
    reason_required: bool | None = None,
    check_digits: Sequence[CheckDigit] = (),
    override: Override | None = None,
    arrival: date | datetime | None = None,
    today: date | None = None,
    page_image: bytes | None = None,
    repeats: Sequence[OpenStay] = (),
) -> Verdict:
    """The verdict on one registration. `values` are record keys (hotel_desk.rules.record) as confirmed;
    `findings` what the document core found (none where nobody checked: the store); `acknowledged` True when
    every warning was accepted at once (the form's tick, --accept-warnings) or the codes accepted.
    `reason_required` overrides whether a reason must be given (a correction always needs one).
    `check_digits` are the zone's digits as read (what tells a printed digit from a misread one); `override`
    lifts the overridable errors, and needs its reason and approver.
    `arrival` (a desk arriving the guest now passes `today`) and `today` are what the record's dates are judged
    against (hotel_desk.rules.validation); `page_image` the document page kept with it; `repeats` the open
    registrations of the same document this one overlaps (hotel_desk.rules.duplicates)."""
    missing = [key for key in required_fields(entry_method) if _blank(values.get(key))]
    if (is_manual(entry_method) if reason_required is None else reason_required) and _blank(manual_reason):
        missing.append(REASON)
    if override is not None:
        if _blank(override.reason):
            missing.append(OVERRIDE_REASON)
        if _blank(override.approved_by):
            missing.append(OVERRIDE_APPROVAL)
    findings = list(findings)
    # One finding per refused field: where the document core already refuses it, the record validation does
    # not say it again (an expired document is "expiry.expired", not also "record.expired").
    refused = {record_key(f.field) for f in findings if f.severity is Severity.ERROR}
    checked = [f for f in check_record(values, arrival=arrival, today=today,
                                       page_image=page_image) if f.field not in refused]
    invalid = {f.field for f in checked}
    name_rule = [f for f in chinese_name_findings(
        str(values.get("chinese_name") or ""), kind=str(values.get("document_type") or ""),
        nationality=str(values.get("nationality") or ""), issuing_state=str(values.get("issuing_state") or ""),
        document_number=str(values.get("document_number") or ""),
    ) if f.severity is Severity.ERROR or f.field not in invalid]
    repeat = duplicate_finding(repeats)
    own = (*name_rule, *checked, *((repeat,) if repeat is not None else ()))
    found = [*findings, *own]
    overridable = printed_check_digit_errors(found, check_digits)
    overridden = overridable if override is not None else ()
    errors = tuple(f for f in found if f.severity is Severity.ERROR and f not in overridden)
    warnings = tuple(f for f in found if f.severity is Severity.WARNING)
    if acknowledged is True:
        unacknowledged: tuple[Finding, ...] = tuple(f for f in warnings if f.code in EXPLICIT_CODES)
    elif acknowledged is False:
        unacknowledged = warnings
    else:
        unacknowledged = tuple(f for f in warnings if f.code not in acknowledged)
    notes = tuple(f for f in found if f.severity is Severity.INFO)
    return Verdict(tuple(missing), errors, warnings, unacknowledged, notes, own, overridable, overridden)
