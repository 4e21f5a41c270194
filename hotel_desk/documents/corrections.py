"""Correction candidates: when check digits fail, the few-character changes among common OCR confusions
that make every check pass. They are offered to the receptionist (one click) and used by the recognizer,
which keeps only those its image supports; this module never picks one by itself.
"""

from __future__ import annotations

from itertools import combinations

from hotel_desk.documents import permits
from hotel_desk.documents.model import Change, CorrectionCandidate, DocumentFormat
from hotel_desk.documents.mrz import _spans, detect_format, evaluate_checks, layout_checks

#: Pairs OCR engines and tired eyes confuse in the OCR-B font, both ways.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("O", "0"),
    ("D", "0"),
    ("Q", "0"),
    ("I", "1"),
    ("B", "8"),
    ("S", "5"),
    ("Z", "2"),
    ("G", "6"),
    ("<", "K"),
)

_ALTERNATIVES: dict[str, set[str]] = {}
for a, b in CONFUSIONS:
    _ALTERNATIVES.setdefault(a, set()).add(b)
    _ALTERNATIVES.setdefault(b, set()).add(a)

DIGITS = frozenset("0123456789")
ALPHA = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")


def _position_classes(fmt: DocumentFormat, lines: list[str]) -> dict[tuple[int, int], frozenset[str]]:
    """Which characters each protected position may hold: dates and check digits are digits, country codes
    letters; document numbers and optional data may hold either."""
    classes: dict[tuple[int, int], frozenset[str]] = {}
    spans = permits.permit_spans(lines) if fmt is DocumentFormat.CN_PERMIT else _spans(fmt)
    # A permit card prints its renewal count in digits too, and no country codes.
    for names, allowed in (
        (("birth_date", "expiry_date", "renewal_count"), DIGITS),
        (("nationality", "issuing_state"), ALPHA),
    ):
        for name in names:
            s = spans.get(name)
            if s is not None:
                classes.update({(s.line, col): allowed for col in range(s.start, s.end)})
    for check in layout_checks(fmt, lines):
        # A filler check digit is legal only for an empty optional field; otherwise digits.
        classes[check.digit] = DIGITS | {"<"} if check.field == "optional_data" else DIGITS
    return classes


def _protected_positions(fmt: DocumentFormat, lines: list[str]) -> list[tuple[int, int]]:
    positions: set[tuple[int, int]] = set()
    for check in layout_checks(fmt, lines):
        positions.add(check.digit)
        for line, start, end in check.covers:
            positions.update((line, col) for col in range(start, end))
    return sorted(positions)


def _is_trailing_filler(line: str, col: int) -> bool:
    return line[col] == "<" and (col + 1 == len(line) or line[col + 1] == "<")


def correction_candidates(
    lines: list[str] | tuple[str, ...], *, max_changes: int = 2, limit: int = 20
) -> list[CorrectionCandidate]:
    """Single- and (when max_changes >= 2) double-character changes that make every check digit pass,
    fewest changes first. Empty when the checks already pass or the layout is unknown."""
    lines = list(lines)
    fmt = detect_format(lines)
    if fmt is None or (fmt is DocumentFormat.CN_PERMIT and permits.layout_of(lines) is None):
        return []
    if all(c.ok for c in evaluate_checks(fmt, lines)):
        return []
    classes = _position_classes(fmt, lines)
    options: list[Change] = []
    for line, col in _protected_positions(fmt, lines):
        old = lines[line][col]
        if old == "<" and _is_trailing_filler(lines[line], col):
            continue  # a run of fillers read as fillers is not where OCR goes wrong
        allowed = classes.get((line, col))
        for new in sorted(_ALTERNATIVES.get(old, ())):
            if allowed is None or new in allowed:
                options.append(Change(line, col, old, new))
    # Positions holding a character their class forbids (a letter in a date) must change.
    forced = {
        (line, col)
        for (line, col), allowed in classes.items()
        if line < len(lines) and col < len(lines[line]) and lines[line][col] not in allowed
    }

    def apply(changes: tuple[Change, ...]) -> list[str] | None:
        out = [list(x) for x in lines]
        for ch in changes:
            out[ch.line][ch.column] = ch.new
        new_lines = ["".join(x) for x in out]
        if detect_format(new_lines) is not fmt:
            return None
        if forced - {(c.line, c.column) for c in changes}:
            return None
        return new_lines if all(c.ok for c in evaluate_checks(fmt, new_lines)) else None

    found: list[CorrectionCandidate] = []
    single_fixes: set[Change] = set()
    for change in options:
        fixed = apply((change,))
        if fixed is not None:
            found.append(CorrectionCandidate(tuple(fixed), (change,)))
            single_fixes.add(change)
    if max_changes >= 2:
        for a, b in combinations(options, 2):
            if (a.line, a.column) == (b.line, b.column) or a in single_fixes or b in single_fixes:
                continue
            fixed = apply((a, b))
            if fixed is not None:
                found.append(CorrectionCandidate(tuple(fixed), (a, b)))
                if len(found) >= limit:
                    break
    return found[:limit]
