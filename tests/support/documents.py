"""Documents as some issuers really print them: a check digit printed wrong, the rest of the zone computed over
what was printed (so the composite digit agrees with the wrong digit)."""

from __future__ import annotations

from collections.abc import Sequence

from hotel_desk.documents import check_digit

#: Where each check digit of a TD3 passport's second line sits.
TD3_DIGITS = {"document_number": 9, "birth_date": 19, "expiry_date": 27, "optional_data": 42, "composite": 43}


def printed_wrong(lines: Sequence[str], field: str = "document_number") -> tuple[str, str]:
    """A TD3 zone whose `field` check digit is printed one too high (mod 10), with the composite digit then
    computed over the line as printed (unless the composite itself is the wrong one)."""
    line1, line2 = lines
    at = TD3_DIGITS[field]
    wrong = str((int(line2[at]) + 1) % 10) if line2[at].isdigit() else "1"
    line2 = line2[:at] + wrong + line2[at + 1:]
    if field != "composite":
        line2 = line2[:43] + check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    return line1, line2


def misread(lines: Sequence[str], at: int = 9) -> tuple[str, str]:
    """The same zone with one character of its second line misread (both the field's and the composite's
    digits then fail, as with any single misreading)."""
    line1, line2 = lines
    char = line2[at]
    other = str((int(char) + 3) % 10) if char.isdigit() else "8"
    return line1, line2[:at] + other + line2[at + 1:]
