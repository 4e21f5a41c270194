"""What the MRZ layout says about each position: its class (digit, letter, anything), its field, the check
digit protecting it. Shared by the alignment of readings and by the correction."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from hotel_desk.documents import DocumentFormat, check_digit, countries, parse_mrz
from hotel_desk.documents.mrz import layout_checks
from hotel_desk.recognition.ocr import MRZ_CHARS

Cell = tuple[int, int]  # (line, column)
Grid = list[list[str]]

DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
ANY = frozenset(MRZ_CHARS)
# First letter of every ICAO document code (passports, ID cards, visas; China's permits start with C).
DOCUMENT_CODES = frozenset("PIACV")


class LayoutCheck(Protocol):
    """One check digit as the document core's layout_checks() describes it."""

    @property
    def field(self) -> str: ...

    @property
    def digit(self) -> tuple[int, int]: ...

    @property
    def covers(self) -> tuple[tuple[int, int, int], ...]: ...


def known_code(code: str) -> bool:
    """A real, historic or specimen country code (specimens are read at training desks)."""
    return (
        countries.is_known_country(code)
        or code in countries.SPECIMEN_CODES
        or code in countries.HISTORIC_CODES
    )


def field_spans(lines: list[str]) -> dict[str, tuple[int, int, int]]:
    """Field name -> (line, start, end) for lines of a known layout."""
    spans = parse_mrz(lines, today=date(2000, 1, 1)).spans
    return {name: (s.line, s.start, s.end) for name, s in spans.items()}


def classes(fmt: DocumentFormat, lines: list[str]) -> dict[Cell, frozenset[str]]:
    """What each position may hold: dates and check digits digits, codes and names letters. Document
    numbers and optional data may hold anything."""
    out: dict[Cell, frozenset[str]] = {}
    if fmt is DocumentFormat.CN_PERMIT:
        return out
    spans = field_spans(lines)
    for name, allowed in (
        ("birth_date", DIGITS),
        ("expiry_date", DIGITS),
        ("issuing_state", LETTERS),
        ("nationality", LETTERS),
        ("names", LETTERS),
        ("sex", frozenset("MFX<")),
    ):
        s = spans.get(name)
        if s is None:
            continue
        li, start, end = s
        for col in range(start, end):
            out[(li, col)] = allowed
    out[(0, 0)] = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for check in layout_checks(fmt, lines):
        out[check.digit] = DIGITS | {"<"} if check.field == "optional_data" else DIGITS
    return out


def check_ok(grid: Grid, check: LayoutCheck) -> bool:
    data = "".join("".join(grid[li][a:b]) for li, a, b in check.covers)
    li, col = check.digit
    printed = grid[li][col]
    if check.field == "optional_data" and printed == "<" and set(data) <= {"<"}:
        return True
    return check_digit(data) == printed


def protected_cells(fmt: DocumentFormat, lines: list[str]) -> set[Cell]:
    """Positions some check digit covers (the digits themselves included)."""
    out: set[Cell] = set()
    for check in layout_checks(fmt, lines):
        out.add(check.digit)
        out.update((li, c) for li, a, b in check.covers for c in range(a, b))
    return out


def field_of(spans: dict[str, tuple[int, int, int]], cell: Cell) -> str | None:
    li, col = cell
    for name, (line, a, b) in spans.items():
        if line == li and a <= col < b:
            return name
    return None
