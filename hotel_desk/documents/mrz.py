"""Parsing ICAO 9303 machine-readable zones (TD1, TD2, TD3, MRV-A, MRV-B) into a TravelDocument.

Parsing keeps what is printed: a failing check digit or an impossible date does not stop the parse, it is
recorded (CheckDigit.ok, date None + raw text) so that validity.py can say precisely what is wrong and the
receptionist can correct it. Only a zone whose shape is unknown is refused (MrzFormatError).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hotel_desk.documents import permits
from hotel_desk.documents.checkdigit import check_digit
from hotel_desk.documents.conventions import variant_check_digit
from hotel_desk.documents.model import (
    CheckDigit,
    DocumentFormat,
    DocumentKind,
    FieldSpan,
    TravelDocument,
)
from hotel_desk.documents.zone import Check as _Check
from hotel_desk.documents.zone import parse_date, split_names
from hotel_desk.documents.zone import segment_text as _segment_text


class MrzFormatError(ValueError):
    """The text does not have the shape of any machine-readable zone this app knows."""


LAYOUTS: dict[DocumentFormat, tuple[int, int]] = {
    DocumentFormat.TD1: (3, 30),
    DocumentFormat.TD2: (2, 36),
    DocumentFormat.TD3: (2, 44),
    DocumentFormat.MRV_A: (2, 44),
    DocumentFormat.MRV_B: (2, 36),
    DocumentFormat.CN_PERMIT: (3, 30),
}


def mrz_layout(fmt: DocumentFormat) -> tuple[int, int]:
    """(line count, line length) of a format."""
    return LAYOUTS[fmt]


# Characters that OCR engines, fonts and keyboards produce for the filler.
_FILLER_LOOKALIKES = str.maketrans({"«": "<", "‹": "<", "＜": "<", "〈": "<", "≺": "<"})


def normalize_mrz_text(text: str | list[str] | tuple[str, ...]) -> list[str]:
    """Turn pasted or typed text into MRZ lines: one line per non-empty input line, upper case, spaces and
    tabs removed, look-alike filler characters mapped to '<'. Characters outside the MRZ alphabet are kept
    (as printed) so that the checks can point at them."""
    raw_lines = text.splitlines() if isinstance(text, str) else [str(line) for line in text]
    lines = []
    for raw in raw_lines:
        line = unicodedata.normalize("NFC", raw).translate(_FILLER_LOOKALIKES)
        line = re.sub(r"\s+", "", line).upper()
        if line:
            lines.append(line)
    return lines


def detect_format(lines: list[str] | tuple[str, ...]) -> DocumentFormat | None:
    """The format whose shape the lines have, or None. Visas are told from passports by the 'V' code."""
    shape = (len(lines), len(lines[0]) if lines else 0)
    if not lines or any(len(line) != shape[1] for line in lines):
        return None
    first = lines[0][:1]
    if shape == (2, 44):
        return DocumentFormat.MRV_A if first == "V" else DocumentFormat.TD3
    if shape == (2, 36):
        return DocumentFormat.MRV_B if first == "V" else DocumentFormat.TD2
    if shape == (3, 30):
        return DocumentFormat.CN_PERMIT if permits.looks_like_permit(lines) else DocumentFormat.TD1
    return None


def _spans(fmt: DocumentFormat) -> dict[str, FieldSpan]:
    if fmt in (DocumentFormat.TD3, DocumentFormat.MRV_A, DocumentFormat.TD2, DocumentFormat.MRV_B):
        width = LAYOUTS[fmt][1]
        spans = {
            "document_code": FieldSpan(0, 0, 2),
            "issuing_state": FieldSpan(0, 2, 5),
            "names": FieldSpan(0, 5, width),
            "document_number": FieldSpan(1, 0, 9),
            "nationality": FieldSpan(1, 10, 13),
            "birth_date": FieldSpan(1, 13, 19),
            "sex": FieldSpan(1, 20, 21),
            "expiry_date": FieldSpan(1, 21, 27),
        }
        if fmt is DocumentFormat.TD3:
            spans["optional_data"] = FieldSpan(1, 28, 42)
        elif fmt is DocumentFormat.TD2:
            spans["optional_data"] = FieldSpan(1, 28, 35)
        else:
            spans["optional_data"] = FieldSpan(1, 28, width)
        return spans
    return {
        "document_code": FieldSpan(0, 0, 2),
        "issuing_state": FieldSpan(0, 2, 5),
        "document_number": FieldSpan(0, 5, 14),
        "optional_data": FieldSpan(0, 15, 30),
        "birth_date": FieldSpan(1, 0, 6),
        "sex": FieldSpan(1, 7, 8),
        "expiry_date": FieldSpan(1, 8, 14),
        "nationality": FieldSpan(1, 15, 18),
        "optional_data_2": FieldSpan(1, 18, 29),
        "names": FieldSpan(2, 0, 30),
    }


def layout_checks(fmt: DocumentFormat, lines: list[str] | tuple[str, ...] | None = None) -> list[_Check]:
    """The check digits of a format and what each protects. For TD1/TD2 the long-document-number rule
    moves the number's check digit into the optional data, and China's permit cards differ by their code,
    so the lines are needed to place them."""
    if fmt in (DocumentFormat.TD3, DocumentFormat.TD2, DocumentFormat.MRV_A, DocumentFormat.MRV_B):
        number_check = _Check("document_number", (1, 9), ((1, 0, 9),))
        if fmt is DocumentFormat.TD2 and lines is not None:
            number_check = _long_number_check(lines, 1, 0, 9, 28, 35) or number_check
        checks = [
            number_check,
            _Check("birth_date", (1, 19), ((1, 13, 19),)),
            _Check("expiry_date", (1, 27), ((1, 21, 27),)),
        ]
        if fmt is DocumentFormat.TD3:
            checks.append(_Check("optional_data", (1, 42), ((1, 28, 42),)))
            checks.append(_Check("composite", (1, 43), ((1, 0, 10), (1, 13, 20), (1, 21, 43))))
        elif fmt is DocumentFormat.TD2:
            checks.append(_Check("composite", (1, 35), ((1, 0, 10), (1, 13, 20), (1, 21, 35))))
        return checks
    if fmt is DocumentFormat.TD1:
        number_check = _Check("document_number", (0, 14), ((0, 5, 14),))
        if lines is not None:
            number_check = _long_number_check(lines, 0, 5, 14, 15, 30) or number_check
        return [
            number_check,
            _Check("birth_date", (1, 6), ((1, 0, 6),)),
            _Check("expiry_date", (1, 14), ((1, 8, 14),)),
            _Check("composite", (1, 29), ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29))),
        ]
    if fmt is DocumentFormat.CN_PERMIT and lines:
        return permits.permit_checks(lines)
    return []


def _long_number_check(
    lines: list[str] | tuple[str, ...], line: int, start: int, end: int, opt_start: int, opt_end: int
) -> _Check | None:
    """ICAO long document numbers: when the number's check-digit place holds '<', the number goes on in
    the optional data, followed by its check digit and a filler."""
    text = lines[line]
    if len(text) < opt_end or text[end] != "<":
        return None
    optional = text[opt_start:opt_end]
    stop = optional.find("<")
    if stop <= 0:
        return None
    digit_col = opt_start + stop - 1
    return _Check("document_number", (line, digit_col), ((line, start, end), (line, opt_start, digit_col)))


def evaluate_check(lines: list[str] | tuple[str, ...], check: _Check) -> CheckDigit:
    """One check digit as printed and as the data gives it: ICAO's rule, or where that fails a national
    convention known for the document's issuer (conventions.py), recorded as the variant."""
    line, col = check.digit
    printed = lines[line][col]
    data = _segment_text(lines, check.covers)
    computed = check_digit(data)
    # An optional-data field left empty may carry '<' instead of 0 as its check digit (ICAO 9303-4 4.2.2).
    if check.field == "optional_data" and printed == "<" and set(data) <= {"<"}:
        computed = "<"
    if printed != computed:
        variant = variant_check_digit(lines, check)
        if variant is not None and variant[0] == printed:
            return CheckDigit(check.field, printed, printed, variant[1].country)
    return CheckDigit(check.field, printed, computed)


def evaluate_checks(fmt: DocumentFormat, lines: list[str] | tuple[str, ...]) -> tuple[CheckDigit, ...]:
    return tuple(evaluate_check(lines, check) for check in layout_checks(fmt, lines))


def _kind(fmt: DocumentFormat, code: str) -> DocumentKind:
    first = code[:1]
    if fmt in (DocumentFormat.MRV_A, DocumentFormat.MRV_B) or first == "V":
        return DocumentKind.VISA
    if first == "P":
        return DocumentKind.PASSPORT
    if code in ("IR", "AR", "CR", "RP", "RT", "IP"):
        return DocumentKind.RESIDENCE_PERMIT
    if code == "AC":
        return DocumentKind.TRAVEL_DOCUMENT
    if first in ("I", "A", "C"):
        return DocumentKind.ID_CARD
    return DocumentKind.OTHER


def _clean(field: str) -> str:
    return field.replace("<", " ").strip()


def parse_mrz(lines: list[str] | tuple[str, ...] | str, *, today: date) -> TravelDocument:
    """Parse MRZ lines (already split, or raw text) into a TravelDocument. Raises MrzFormatError when the
    text has no known MRZ shape; every other problem is left for the checks to report."""
    lines = normalize_mrz_text(lines) if isinstance(lines, str) else list(lines)
    fmt = detect_format(lines)
    if fmt is None:
        raise MrzFormatError(f"{len(lines)} line(s) of {sorted({len(x) for x in lines})} characters")
    if fmt is DocumentFormat.CN_PERMIT:
        return permits.parse_permit(lines, today=today)
    spans = _spans(fmt)
    checks = evaluate_checks(fmt, lines)

    def take(name: str) -> str:
        s = spans[name]
        return lines[s.line][s.start : s.end]

    number = take("document_number")
    number_check = next(c for c in layout_checks(fmt, lines) if c.field == "document_number")
    if len(number_check.covers) > 1:
        number = _segment_text(lines, number_check.covers)
        s = spans["document_number"]
        spans["document_number"] = FieldSpan(s.line, s.start, number_check.digit[1])
    surname, given, truncated = split_names(take("names"))
    birth_raw, expiry_raw = take("birth_date"), take("expiry_date")
    optional = take("optional_data")
    optional_2 = take("optional_data_2") if "optional_data_2" in spans else ""
    if len(number_check.covers) > 1:
        # The tail of a long number is not optional data.
        line, col = number_check.digit
        optional = lines[line][col + 2 : spans["optional_data"].end] if fmt is DocumentFormat.TD1 else ""
    sex = take("sex")
    code = take("document_code")
    return TravelDocument(
        format=fmt,
        kind=_kind(fmt, code),
        document_code=code,
        issuing_state=_clean(take("issuing_state")),
        surname=surname,
        given_names=given,
        document_number=number.replace("<", ""),
        nationality=_clean(take("nationality")),
        birth_date=parse_date(birth_raw, today=today, kind="birth"),
        sex="X" if sex == "<" else sex,
        expiry_date=parse_date(expiry_raw, today=today, kind="expiry"),
        optional_data=_clean(optional),
        optional_data_2=_clean(optional_2),
        birth_date_raw=birth_raw,
        expiry_date_raw=expiry_raw,
        names_truncated=truncated,
        mrz_lines=tuple(lines),
        check_digits=checks,
        spans=spans,
    )


def format_td3(
    *,
    document_code: str,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth: str,
    sex: str,
    expiry: str,
    optional_data: str = "",
) -> tuple[str, str]:
    """Compose a TD3 zone from field values (computing every check digit): for typed entry and tests."""
    names = (_to_mrz(surname) + "<<" + _to_mrz(given_names)).rstrip("<") if given_names else _to_mrz(surname)
    line1 = (document_code.ljust(2, "<") + issuing_state.ljust(3, "<") + names)[:44].ljust(44, "<")
    number = document_number.ljust(9, "<")[:9]
    opt = optional_data.ljust(14, "<")[:14]
    opt_check = "<" if set(opt) == {"<"} else check_digit(opt)
    body = (
        number
        + check_digit(number)
        + nationality.ljust(3, "<")
        + birth
        + check_digit(birth)
        + (sex or "<")
        + expiry
        + check_digit(expiry)
        + opt
        + opt_check
    )
    composite = check_digit(body[0:10] + body[13:20] + body[21:43])
    return line1, body + composite


def _to_mrz(name: str) -> str:
    return re.sub(r"[^A-Z<]", "<", name.upper().replace(" ", "<").replace("-", "<"))


@dataclass(frozen=True)
class FieldFeedback:
    """Live feedback on one check-digit-protected field while an MRZ is typed: 'ok', 'fail' or 'pending'
    (not all of its characters are typed yet)."""

    field: str
    status: str
    printed: str = ""
    computed: str = ""
    digit_at: tuple[int, int] = (0, 0)


def guess_format(lines: list[str] | tuple[str, ...]) -> DocumentFormat | None:
    """The format a partly typed MRZ is heading for, from its document code and what is typed so far."""
    if not lines or not lines[0]:
        return None
    if permits.typed_permit(lines):
        return DocumentFormat.CN_PERMIT
    first = lines[0][0]
    longest = max(len(line) for line in lines)
    if len(lines) >= 3 or (first in "IAC" and longest <= 30 and len(lines[0]) == 30 and len(lines) > 1):
        return DocumentFormat.TD1
    if first == "P":
        return DocumentFormat.TD3
    if first == "V":
        return DocumentFormat.MRV_A if longest > 36 else DocumentFormat.MRV_B
    if first in "IAC":
        return DocumentFormat.TD2 if longest > 30 else DocumentFormat.TD1
    return None


def typing_feedback(lines: list[str] | tuple[str, ...]) -> tuple[DocumentFormat | None, list[FieldFeedback]]:
    """Per-field check-digit feedback for an MRZ being typed, so a typo shows on its field at once instead
    of after the last character."""
    lines = list(lines)
    fmt = guess_format(lines)
    if fmt is None:
        return None, []
    count, width = LAYOUTS[fmt]
    padded = (lines + [""] * count)[:count]

    def typed(line: int, col: int) -> bool:
        return col < len(padded[line])

    feedback = []
    # Lay the checks out on the typed lines padded to full width, so the TD1/TD2 long-number rule can be seen.
    full = [line.ljust(width, "<")[:width] for line in padded]
    for check in layout_checks(fmt, full):
        positions = [(li, c) for li, a, b in check.covers for c in range(a, b)] + [check.digit]
        if not all(typed(li, c) for li, c in positions):
            feedback.append(FieldFeedback(check.field, "pending", digit_at=check.digit))
            continue
        result = evaluate_check(full, check)
        status = "ok" if result.ok else "fail"
        feedback.append(FieldFeedback(check.field, status, result.printed, result.computed, check.digit))
    return fmt, feedback


def line_width(lines: list[str] | tuple[str, ...], index: int) -> int | None:
    """How long line `index` of an MRZ being typed must be, once the document is known: a passport's 44 from its
    first letter, and for the other lines the first line's length once the first line was finished (a card's
    first line may be 30 or 36). None while it cannot be known yet."""
    lines = list(lines)
    if not lines or not lines[0]:
        return None
    if lines[0][0] == "P" and not permits.typed_permit(lines):
        return LAYOUTS[DocumentFormat.TD3][1]
    if index > 0 and len(lines[0]) in {width for _count, width in LAYOUTS.values()}:
        return len(lines[0])
    return None


def pad_line(lines: list[str] | tuple[str, ...], index: int) -> str:
    """Line `index` with its trailing fillers typed for the receptionist: up to its full length, or up to its
    last character where that is a check digit (the composite digit still has to be typed). A line already
    that long, or of a document not known yet, is returned as it is."""
    lines = list(lines)
    line = lines[index]
    fmt = guess_format(lines)
    if fmt is None:
        return line
    count, width = LAYOUTS[fmt]
    width = line_width(lines, index) or width
    if index >= count:
        return line
    full = [text.ljust(width, "<")[:width] for text in (lines + [""] * count)[:count]]
    ends_in_digit = any(check.digit == (index, width - 1) for check in layout_checks(fmt, full))
    target = width - 1 if ends_in_digit else width
    return line + "<" * (target - len(line)) if len(line) < target else line
