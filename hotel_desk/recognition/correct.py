"""From several noisy readings to the MRZ the image shows: vote, apply position classes, let the check
digits choose among the alternatives the image supports, clean name fillers, and say what needs review.

The rule that keeps this honest: a character only changes to one the OCR itself offered at that position
(in any preprocessing variant) with real support, or to the standard look-alike when the position cannot
hold the printed class at all (a letter O in a date is a zero). When no supported combination satisfies a
check digit, the printed reading stays and the document core reports the failing check: documents that print
a wrong check digit come out exactly as printed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from hotel_desk.documents import DocumentFormat, check_digit, countries, detect_format
from hotel_desk.documents.mrz import layout_checks
from hotel_desk.recognition.ocr import MRZ_CHARS, CharReading

Cell = tuple[int, int]  # (line, column)
Grid = list[list[str]]


class LayoutCheck(Protocol):
    """One check digit as the document core's layout_checks() describes it."""

    field: str
    digit: tuple[int, int]
    covers: tuple[tuple[int, int, int], ...]


DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
ANY = frozenset(MRZ_CHARS)

# First letter of every ICAO document code (passports, ID cards, visas; China's permits start with C).
DOCUMENT_CODES = frozenset("PIACV")
CODE_LOOKALIKES = {"W": "V", "Y": "V", "F": "P", "R": "P", "1": "I", "L": "I", "T": "I", "G": "C", "0": "C"}

# Look-alikes in OCR-B, used only where the position's class rules out what was read.
TO_DIGIT = {
    "O": "0",
    "D": "0",
    "Q": "0",
    "U": "0",
    "I": "1",
    "L": "1",
    "Z": "2",
    "S": "5",
    "G": "6",
    "B": "8",
    "T": "7",
    "A": "4",
}
TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B", "4": "A", "7": "T"}

# Letters that a filler '<' is misread as in OCR-B (its open angle looks like parts of them).
FILLER_LOOKALIKES = frozenset("KLXCE")

# An alternative the OCR gave less support than this is not evidence of anything.
MIN_SUPPORT = 0.08
# A corrected reading must keep at least this share of the printed reading's support.
MIN_RELATIVE = 0.02


def _known_code(code: str) -> bool:
    """A real, historic or specimen country code (specimens are read at training desks)."""
    return (
        countries.is_known_country(code)
        or code in countries.SPECIMEN_CODES
        or code in countries.HISTORIC_CODES
    )


@dataclass
class Position:
    """Evidence for one character position: support per character, summed over variants and divided by the
    number of variants that read the row."""

    support: dict[str, float] = field(default_factory=dict)

    def best(self) -> tuple[str, float]:
        if not self.support:
            return "<", 0.0
        char = max(self.support, key=lambda c: self.support[c])
        return char, self.support[char]

    def get(self, char: str) -> float:
        return self.support.get(char, 0.0)


def _cells_by_x(
    chars: list[CharReading], length: int, text_start: float, text_end: float, anchor_left: bool
) -> list[CharReading | None]:
    """Place characters in fixed-pitch cells by their x position, anchored at one end of the row."""
    pitch = (text_end - text_start) / length if text_end > text_start else 0.0
    cells: list[CharReading | None] = [None] * length
    if pitch <= 0 or not chars:
        return cells
    centers = [c.x + c.width / 2 for c in chars]
    first, last = centers[0], centers[-1]
    for c, x in zip(chars, centers, strict=True):
        idx = round((x - first) / pitch) if anchor_left else length - 1 - round((last - x) / pitch)
        if 0 <= idx < length and (cells[idx] is None or cells[idx].confidence < c.confidence):  # type: ignore[union-attr]
            cells[idx] = c
    return cells


def alignment_options(
    chars: list[CharReading], length: int, text_start: float, text_end: float
) -> list[list[CharReading | None]]:
    """Ways one variant's characters of a row may map onto `length` fixed-pitch cells. Tesseract sometimes
    adds a character (a speck or other print at the row's end) or drops one (two fillers merged); OCR-B is
    fixed pitch, so the x positions and the row's ends say where. The caller scores the options against
    the MRZ's structure (check digits, digit/letter positions) and keeps the best."""
    options: list[list[CharReading | None]] = []
    n = len(chars)
    if n == length:
        options.append(list(chars))
    pitch = (text_end - text_start) / length if text_end > text_start else 0.0
    if n > length:
        inside = chars
        if pitch > 0:
            inside = [
                c for c in chars if text_start - 0.6 * pitch <= c.x + c.width / 2 <= text_end + 0.6 * pitch
            ]
            if len(inside) == length:
                options.append(list(inside))
        extra = n - length
        if extra <= 3:
            for left in range(extra + 1):
                options.append(list(chars[left : n - (extra - left)]))
    if n and pitch > 0 and n != length:
        options.append(_cells_by_x(chars, length, text_start, text_end, anchor_left=True))
        options.append(_cells_by_x(chars, length, text_start, text_end, anchor_left=False))
    if n < length:
        options.append([*chars, *([None] * (length - n))])
    if not options:
        options.append([None] * length)
    return options


def structure_score(text: list[str | None], line: int, template: list[str]) -> float:
    """How well one line fits the MRZ layout of `template` (the other lines as read): characters of the
    right class where the layout fixes one, and check digits of this line that pass."""
    lines = list(template)
    lines[line] = "".join(c or "<" for c in text)
    fmt = detect_format(lines)
    if fmt is None or fmt is DocumentFormat.CN_PERMIT:
        return 0.0
    try:
        classes = _classes(fmt, lines)
    except ValueError:
        return 0.0
    score = 0.0
    for (li, col), allowed in classes.items():
        if li == line and text[col] is not None and text[col] in allowed:
            score += 1.0
    for check in layout_checks(fmt, lines):
        if check.digit[0] == line and all(li == line for li, _, _ in check.covers):
            grid = [list(x) for x in lines]
            if _check_ok(grid, check):
                score += 4.0
    score -= 0.5 * sum(1 for c in text if c is None)
    joined = lines[line]
    if line == 0:
        # The first line opens with a document code and a country code (ICAO or specimen).
        if joined[:1] in DOCUMENT_CODES:
            score += 2.0
        if _known_code(joined[2:5].replace("<", "")):
            score += 2.0
    if joined.endswith("<") and (line == 0 or fmt is DocumentFormat.TD1):
        score += 1.0  # name fields end in fillers (unless the name was truncated)
    return score


def vote(aligned_readings: list[list[CharReading | None]], length: int) -> list[Position]:
    positions = [Position() for _ in range(length)]
    n = max(1, len(aligned_readings))
    for reading in aligned_readings:
        for i, c in enumerate(reading):
            if c is None:
                continue
            sup = positions[i].support
            sup[c.char] = sup.get(c.char, 0.0) + c.confidence / n
            for alt, conf in c.alternatives.items():
                if alt != c.char:
                    # An alternative never outranks what that same variant read.
                    sup[alt] = sup.get(alt, 0.0) + min(conf, c.confidence * 0.95) / n
    # Cells nobody read, next to fillers, are fillers Tesseract merged or skipped.
    for i, p in enumerate(positions):
        if not p.support:
            left = positions[i - 1].best()[0] if i > 0 else "<"
            right = positions[i + 1].best()[0] if i + 1 < length else "<"
            if "<" in (left, right):
                p.support["<"] = 0.3
    return positions


@dataclass
class Correction:
    lines: list[str]
    confidence: list[list[float]]
    changes: list[tuple[int, int, str, str, str]]  # line, column, old, new, why
    review: list[dict[str, str]]
    needy_lines: set[int] = field(
        default_factory=set
    )  # lines worth reading again (failing check, unsure field)


def _classes(fmt: DocumentFormat, lines: list[str]) -> dict[tuple[int, int], frozenset[str]]:
    """What each position may hold: dates and check digits digits, codes and names letters."""
    from hotel_desk.documents import parse_mrz

    classes: dict[tuple[int, int], frozenset[str]] = {}
    if fmt is DocumentFormat.CN_PERMIT:
        return classes
    from datetime import date

    spans = parse_mrz(lines, today=date(2000, 1, 1)).spans
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
        for col in range(s.start, s.end):
            classes[(s.line, col)] = allowed
    classes[(0, 0)] = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for check in layout_checks(fmt, lines):
        classes[check.digit] = DIGITS | {"<"} if check.field == "optional_data" else DIGITS
    return classes


def correct(positions_per_line: list[list[Position]]) -> Correction:
    lines = ["".join(p.best()[0] for p in line) for line in positions_per_line]
    changes: list[tuple[int, int, str, str, str]] = []
    # The document code decides the layout (a V makes a visa), so it is settled before anything else.
    code = lines[0][:1] if lines and lines[0] else ""
    if code and code not in DOCUMENT_CODES:
        new_code = _choose_document_code(lines, positions_per_line[0][0])
        if new_code:
            lines[0] = new_code + lines[0][1:]
            changes.append((0, 0, code, new_code, "document code"))
    fmt = detect_format(lines)
    if fmt is None or fmt is DocumentFormat.CN_PERMIT:
        conf = [[p.best()[1] for p in line] for line in positions_per_line]
        return Correction(lines, conf, changes, [], set(range(len(lines))))
    grid = [list(x) for x in lines]

    def pos(li: int, col: int) -> Position:
        return positions_per_line[li][col]

    def set_char(li: int, col: int, new: str, why: str) -> None:
        old = grid[li][col]
        if old != new:
            grid[li][col] = new
            changes.append((li, col, old, new, why))

    classes = _classes(fmt, lines)
    spans = _field_spans(fmt, lines)

    # 1. Class repairs, per field: a field of letters read with digits (or the reverse) is mapped only when
    #    every odd character has a look-alike, so a field really printed with digits stays as printed.
    for _name, (li, start, end) in spans.items():
        odd = [
            (li, c) for c in range(start, end) if (li, c) in classes and grid[li][c] not in classes[(li, c)]
        ]
        if not odd:
            continue
        replacements = {}
        for li2, c in odd:
            allowed = classes[(li2, c)]
            offered = [
                (ch, s) for ch, s in pos(li2, c).support.items() if ch in allowed and s >= MIN_SUPPORT / 2
            ]
            if offered:
                replacements[(li2, c)] = max(offered, key=lambda t: t[1])[0]
                continue
            old = grid[li2][c]
            mapped = (TO_DIGIT if allowed <= DIGITS | {"<"} else TO_LETTER).get(old)
            if mapped is not None and mapped in allowed:
                replacements[(li2, c)] = mapped
        if len(replacements) == len(odd):
            for (li2, c), new in replacements.items():
                set_char(li2, c, new, "class")
    # Single positions outside named fields (check digits).
    for (li, c), allowed in classes.items():
        if grid[li][c] in allowed:
            continue
        offered = [(ch, s) for ch, s in pos(li, c).support.items() if ch in allowed and s >= MIN_SUPPORT / 2]
        if offered:
            set_char(li, c, max(offered, key=lambda t: t[1])[0], "class")
        elif grid[li][c] in TO_DIGIT and TO_DIGIT[grid[li][c]] in allowed:
            set_char(li, c, TO_DIGIT[grid[li][c]], "class")

    # 2. Check digits choose among supported alternatives, field by field, the composite last (over the
    #    positions no other check protects).
    checks = layout_checks(fmt, ["".join(r) for r in grid])
    field_checks = [c for c in checks if c.field != "composite"]
    covered: set[tuple[int, int]] = set()
    double_fixes: list[list[tuple[int, int, str]]] = []
    double_fields: list[tuple[str, int]] = []
    unsure_fixes: list[tuple[str, int]] = []
    for check in field_checks:
        cells = [(li, c) for li, a, b in check.covers for c in range(a, b)] + [check.digit]
        covered.update(cells)
        before = [row[:] for row in grid]
        count, sure = _satisfy(grid, check, cells, classes, pos, set_char)
        if count == 2:
            double_fixes.append([(li, c, before[li][c]) for li, c in cells if before[li][c] != grid[li][c]])
            double_fields.append((check.field, check.digit[0]))
        elif count and not sure:
            unsure_fixes.append((check.field, check.digit[0]))
    composites = [c for c in checks if c.field == "composite"]
    for check in composites:
        free = [(li, c) for li, a, b in check.covers for c in range(a, b) if (li, c) not in covered]
        count, sure = _satisfy(grid, check, [*free, check.digit], classes, pos, set_char, most=1)
        if count and not sure:
            unsure_fixes.append((check.field, check.digit[0]))
    # One mod-10 check digit is satisfied by a chance pair of changes far too often: a two-character fix
    # stands only when an independent check (the composite) confirms it.
    if double_fixes and not (composites and all(_check_ok(grid, c) for c in composites)):
        for fix in double_fixes:
            for li, c, old_char in fix:
                set_char(li, c, old_char, "reverted: not confirmed by the composite check digit")
        double_fields = []

    # 3. Issuing state and nationality have no check digit: prefer a supported reading that is a real code.
    for name in ("issuing_state", "nationality"):
        if name in spans:
            _prefer_known_code(grid, spans[name], pos, set_char)

    # 4. Fillers read as letters inside the name field.
    if "names" in spans:
        _clean_name_fillers(grid, spans["names"], set_char)

    out_lines = ["".join(r) for r in grid]
    conf = [
        [positions_per_line[li][c].get(ch) for c, ch in enumerate(line)] for li, line in enumerate(out_lines)
    ]
    protected = {
        (li, c) for check in layout_checks(fmt, out_lines) for li, a, b in check.covers for c in range(a, b)
    }
    review = _review(out_lines, spans, positions_per_line, protected)
    # A field fixed in two places by its check digit is plausible, not proven (the composite repeats the
    # same weights over the document number): read that line again and ask a person to compare.
    for name, li in unsure_fixes:
        review.append(
            {
                "field": name,
                "line": str(li + 1),
                "reason": "a character chosen by the check digit among close readings; compare with the page",
            }
        )
    for name, li in double_fields:
        review.append(
            {
                "field": name,
                "line": str(li + 1),
                "reason": "two characters chosen by the check digit; compare with the page",
            }
        )
    needy = {int(item["line"]) - 1 for item in review}
    final_grid = [list(x) for x in out_lines]
    for check in layout_checks(fmt, out_lines):
        if not _check_ok(final_grid, check):
            needy.add(check.digit[0])
            needy.update(li for li, _, _ in check.covers)
    return Correction(out_lines, conf, changes, review, needy)


def _choose_document_code(lines: list[str], first: Position) -> str | None:
    """A document code letter for a first character that is none: the one the OCR offered, else the one
    under which the most check digits pass (P or V for 2-line zones, I, A or C for 3 lines)."""
    offered = [(ch, v) for ch, v in first.support.items() if ch in DOCUMENT_CODES and v >= MIN_SUPPORT / 2]
    if offered:
        return max(offered, key=lambda t: t[1])[0]
    options = "IAC" if len(lines) == 3 else "PV"
    best: tuple[tuple[int, int], str] | None = None
    for code in options:
        trial = [code + lines[0][1:], *lines[1:]]
        fmt = detect_format(trial)
        if fmt is None:
            continue
        grid = [list(x) for x in trial]
        results = [_check_ok(grid, c) for c in layout_checks(fmt, trial)]
        # Fewest failing checks first (a visa has no composite to fail), then most passing.
        rank = (-results.count(False), results.count(True))
        if best is None or rank > best[0]:
            best = (rank, code)
    return best[1] if best else CODE_LOOKALIKES.get(lines[0][:1])


def _field_spans(fmt: DocumentFormat, lines: list[str]) -> dict[str, tuple[int, int, int]]:
    from datetime import date

    from hotel_desk.documents import parse_mrz

    spans = parse_mrz(lines, today=date(2000, 1, 1)).spans
    return {name: (s.line, s.start, s.end) for name, s in spans.items()}


def _check_ok(grid: Grid, check: LayoutCheck) -> bool:
    data = "".join("".join(grid[li][a:b]) for li, a, b in check.covers)
    li, col = check.digit
    printed = grid[li][col]
    if check.field == "optional_data" and printed == "<" and set(data) <= {"<"}:
        return True
    return check_digit(data) == printed


def _satisfy(
    grid: Grid,
    check: LayoutCheck,
    cells: list[Cell],
    classes: dict[Cell, frozenset[str]],
    pos: Callable[[int, int], Position],
    set_char: Callable[[int, int, str, str], None],
    most: int = 2,
) -> tuple[int, bool]:
    """Change at most two positions of this check, each to a supported alternative, to make it pass;
    the most supported combination wins. Nothing changes when no supported combination passes."""
    if _check_ok(grid, check):
        return 0, True
    options: list[tuple[tuple[int, int], str, float]] = []
    for li, c in cells:
        current = grid[li][c]
        p = pos(li, c)
        base = max(p.get(current), 1e-3)
        allowed = classes.get((li, c), ANY)
        for ch, s in p.support.items():
            if ch == current or ch not in allowed or s < MIN_SUPPORT:
                continue
            options.append(((li, c), ch, math.log(min(1.0, s / base))))
        # A letter read where only a digit may stand was already mapped; its look-alike digits count too.
    passing: list[tuple[float, list[tuple[tuple[int, int], str]]]] = []
    for k in range(1, most + 1):
        for combo in itertools.combinations(options, k):
            places = {o[0] for o in combo}
            if len(places) < k:
                continue
            score = sum(o[2] for o in combo)
            if score < math.log(MIN_RELATIVE):
                continue
            saved = [(o[0], grid[o[0][0]][o[0][1]]) for o in combo]
            for (li, c), ch, _ in combo:
                grid[li][c] = ch
            ok = _check_ok(grid, check)
            for (li, c), old in saved:
                grid[li][c] = old
            if ok:
                passing.append((score, [(o[0], o[1]) for o in combo]))
        if passing:
            break  # fewer changes first
    if not passing:
        return 0, True
    passing.sort(key=lambda t: -t[0])
    score, chosen = passing[0]
    for (li, c), ch in chosen:
        set_char(li, c, ch, f"check digit ({check.field})")
    # Sure only when the image clearly prefers this fix: each change at least half as supported as what was
    # read, and no other passing fix nearly as supported (a mod-10 digit is met by chance one time in ten).
    sure = score >= len(chosen) * math.log(0.5) and (len(passing) == 1 or passing[1][0] < score - math.log(3))
    return len(chosen), sure


def _prefer_known_code(
    grid: Grid,
    span: tuple[int, int, int],
    pos: Callable[[int, int], Position],
    set_char: Callable[[int, int, str, str], None],
) -> None:
    li, start, end = span
    code = "".join(grid[li][start:end])
    cleaned = code.replace("<", "")
    if not cleaned or _known_code(cleaned):
        return
    best: tuple[float, str] | None = None
    for c in range(start, end):
        for ch, s in pos(li, c).support.items():
            if ch == grid[li][c] or ch not in LETTERS or s < MIN_SUPPORT:
                continue
            trial = code[: c - start] + ch + code[c - start + 1 :]
            if _known_code(trial.replace("<", "")) and (best is None or s > best[0]):
                best = (s, trial)
    if best is not None:
        for i, ch in enumerate(best[1]):
            set_char(li, start + i, ch, "country code")


def _clean_name_fillers(
    grid: Grid, span: tuple[int, int, int], set_char: Callable[[int, int, str, str], None]
) -> None:
    """After three fillers in a row the names are over: a lone K, L, X, C or E standing between fillers
    there is a misread filler. Also a misread filler at the very end of the field."""
    li, start, end = span
    text = "".join(grid[li][start:end])
    run = 0
    for i, ch in enumerate(text):
        if ch == "<":
            run += 1
            continue
        if run >= 3 and ch in FILLER_LOOKALIKES:
            rest = text[i + 1 : i + 3]
            if all(x == "<" for x in rest) or i + 1 >= len(text):
                set_char(li, start + i, "<", "name filler")
                run += 1
                continue
        run = 0
    # A K/L/X/C/E hanging at the end of a name field after fillers (e.g. '...<<<<K').
    text = "".join(grid[li][start:end])
    if len(text) >= 2 and text[-1] in FILLER_LOOKALIKES and text[-2] == "<":
        set_char(li, end - 1, "<", "name filler")


REVIEW_CONFIDENCE = 0.75  # support below this for the chosen character: unsure
REVIEW_RIVAL = 0.4  # another character with this share of the chosen one's support: unsure


def _review(
    lines: list[str],
    spans: dict[str, tuple[int, int, int]],
    positions_per_line: list[list[Position]],
    protected: set[Cell],
) -> list[dict[str, str]]:
    """Fields without a check digit where the OCR was unsure: the receptionist must look at them."""
    review: list[dict[str, str]] = []
    for name, (li, a, b) in spans.items():
        unprotected = [c for c in range(a, b) if (li, c) not in protected]
        if not unprotected:
            continue
        unsure = []
        for c in unprotected:
            p = positions_per_line[li][c]
            chosen = lines[li][c]
            s = p.get(chosen)
            rival = max((v for k, v in p.support.items() if k != chosen), default=0.0)
            if s < REVIEW_CONFIDENCE or rival > REVIEW_RIVAL * s:
                unsure.append(c)
        text = lines[li][a:b]
        if (
            name in ("issuing_state", "nationality")
            and text.replace("<", "")
            and not _known_code(text.replace("<", ""))
        ):
            review.append(
                {"field": name, "line": str(li + 1), "reason": f"'{text}' is not a known country code"}
            )
            continue
        if name == "names" and any(ch.isdigit() for ch in text):
            review.append({"field": "names", "line": str(li + 1), "reason": "digits in the name field"})
        elif unsure:
            cols = ",".join(str(c + 1) for c in unsure[:8])
            field_name = "names" if name == "names" else name
            review.append(
                {
                    "field": field_name,
                    "line": str(li + 1),
                    "reason": f"low OCR confidence at column(s) {cols}",
                }
            )
    return review
