"""What the MRZ layout says about each position: its class (digit, letter, anything), its field, the check
digit protecting it. Shared by the alignment of readings and by the correction.

Every layout, field and check digit comes from the document core (`hotel_desk.documents`): ICAO's formats,
China's permit cards with their own layouts (CR/CT residents' permits; CS/CD exit-entry permits, which the
core refuses as guest documents), and the national conventions it accepts - a Belgian long card number whose
check digit counts the filler passes here as it passes there, so it is never "corrected" into the ICAO
reading.
"""

from __future__ import annotations

from datetime import date

from hotel_desk.documents import DocumentFormat, countries, parse_mrz, permits
from hotel_desk.documents.mrz import evaluate_check, layout_checks
from hotel_desk.documents.zone import Check
from hotel_desk.recognition.ocr import MRZ_CHARS

Cell = tuple[int, int]  # (line, column)
Grid = list[list[str]]

DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
# A permit card's Chinese name: its GBK code, each hexadecimal digit written as a letter A-P.
HEX_LETTERS = frozenset("ABCDEFGHIJKLMNOP<")
ANY = frozenset(MRZ_CHARS)
# First letter of every ICAO document code (passports, ID cards, visas; China's permits start with C).
DOCUMENT_CODES = frozenset("PIACV")


# One check digit as the document core's layout_checks() describes it.
LayoutCheck = Check


def known_code(code: str) -> bool:
    """A real, historic or specimen country code (specimens are read at training desks)."""
    return (
        countries.is_known_country(code)
        or code in countries.SPECIMEN_CODES
        or code in countries.HISTORIC_CODES
    )


def readable_layout(fmt: DocumentFormat | None, lines: list[str]) -> bool:
    """A layout whose fields and check digits the core knows: every ICAO format, and the permit cards with
    a known code (a permit code without one gives its number only, and nothing protects its lines)."""
    if fmt is None:
        return False
    return fmt is not DocumentFormat.CN_PERMIT or permits.layout_of(lines) is not None


def field_spans(lines: list[str]) -> dict[str, tuple[int, int, int]]:
    """Field name -> (line, start, end) for lines of a known layout."""
    spans = parse_mrz(lines, today=date(2000, 1, 1)).spans
    return {name: (s.line, s.start, s.end) for name, s in spans.items()}


def classes(fmt: DocumentFormat, lines: list[str]) -> dict[Cell, frozenset[str]]:
    """What each position may hold: dates and check digits digits, codes and names letters. Document
    numbers and optional data may hold anything."""
    out: dict[Cell, frozenset[str]] = {}
    if not readable_layout(fmt, lines):
        return out
    spans = field_spans(lines)
    for name, allowed in (
        ("birth_date", DIGITS),
        ("expiry_date", DIGITS),
        ("renewal_count", DIGITS),
        ("issuing_state", LETTERS),
        ("nationality", LETTERS),
        ("names", LETTERS),
        ("chinese_name", HEX_LETTERS),
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
    """Whether the check digit passes as the document core judges it: ICAO's rule (an empty optional-data
    field may print '<'), or a national convention the core accepts for the document's issuer."""
    return evaluate_check(["".join(row) for row in grid], check).ok


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
