"""Building blocks shared by every machine-readable zone this app reads: the ICAO layouts (mrz.py) and
China's permit cards (permits.py). Kept apart so that both can use them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Check:
    """One check digit of a layout: the field it protects, where it is printed and what it covers."""

    field: str
    digit: tuple[int, int]  # (line, column) of the check digit
    covers: tuple[tuple[int, int, int], ...]  # (line, start, end) segments the digit protects


def segment_text(lines: list[str] | tuple[str, ...], segments: tuple[tuple[int, int, int], ...]) -> str:
    return "".join(lines[line][a:b] for line, a, b in segments)


def parse_date(raw: str, *, today: date, kind: str) -> date | None:
    """YYMMDD with the century chosen as a person would: birth dates lie in the past, expiry dates within
    a plausible window (up to 60 years ahead). None when the text is not a real date."""
    if len(raw) != 6 or not raw.isdigit():
        return None
    yy, mm, dd = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    if kind == "birth":
        year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    else:
        year = 2000 + yy if 2000 + yy <= today.year + 60 else 1900 + yy
    try:
        value = date(year, mm, dd)
    except ValueError:
        return None
    if kind == "birth" and value > today and year >= 2000:
        # Born "later this year" is impossible; the same day a century earlier is meant.
        try:
            value = date(year - 100, mm, dd)
        except ValueError:
            return None
    return value


def split_names(field: str) -> tuple[str, str, bool]:
    """(surname, given names, truncated) from an MRZ name field: '<<' separates surname from given names,
    '<' separates words. A field with no trailing filler may have been truncated."""
    truncated = not field.endswith("<")
    body = field.rstrip("<")
    surname, sep, given = body.partition("<<")
    surname = " ".join(part for part in surname.split("<") if part)
    given = " ".join(part for part in given.split("<") if part) if sep else ""
    return surname, given, truncated
