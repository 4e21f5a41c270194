"""From the per-cell evidence to the MRZ the image shows: position classes, the check digits choosing among
the alternatives the image supports, document and country codes, name fillers, and what needs review.

The rule that keeps this honest: a character only changes to one a reader itself offered at that position
with real support, or to the standard look-alike when the position cannot hold the printed class at all
(a letter O in a date is a zero). When no supported combination satisfies a check digit, the printed
reading stays and the document core reports the failing check: documents that print a wrong check digit
come out exactly as printed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from hotel_desk.documents import detect_format
from hotel_desk.documents.mrz import layout_checks
from hotel_desk.recognition.layout import (
    ANY,
    DIGITS,
    DOCUMENT_CODES,
    LETTERS,
    Cell,
    Grid,
    LayoutCheck,
    check_ok,
    classes,
    field_spans,
    known_code,
    protected_cells,
    readable_layout,
)
from hotel_desk.recognition.positions import Position
from hotel_desk.recognition.review import review as review_fields
from hotel_desk.recognition.review import unsure

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


# An alternative the OCR gave less support than this is not evidence of anything.
MIN_SUPPORT = 0.08
# A corrected reading must keep at least this share of the printed reading's support.
MIN_RELATIVE = 0.02


@dataclass
class Correction:
    lines: list[str]
    confidence: list[list[float]]
    changes: list[tuple[int, int, str, str, str]]  # line, column, old, new, why
    review: list[dict[str, str]]
    needy_lines: set[int] = field(
        default_factory=set
    )  # lines worth reading again (failing check, unsure field)


def correct(positions_per_line: list[list[Position]], disagreements: set[Cell] | None = None) -> Correction:
    """The reading the evidence supports, corrected only within it. `disagreements`: cells where the two
    readers chose different characters (those of fields without a check digit go to review)."""
    lines = ["".join(p.best()[0] for p in line) for line in positions_per_line]
    changes: list[tuple[int, int, str, str, str]] = []
    # The document code decides the layout (a V makes a visa), so it is settled before anything else.
    code = lines[0][:1] if lines and lines[0] else ""
    code_changed = False
    if code and code not in DOCUMENT_CODES:
        new_code = _choose_document_code(lines, positions_per_line[0][0])
        if new_code:
            lines[0] = new_code + lines[0][1:]
            changes.append((0, 0, code, new_code, "document code"))
            code_changed = True
    fmt = detect_format(lines)
    if fmt is None or not readable_layout(fmt, lines):
        conf = [[p.best()[1] for p in line] for line in positions_per_line]
        # No check digit protects the lines of a permit code with no known layout (nor a reading of no known
        # layout): every unsure cell is for a person to compare (the permit number on the first line is the
        # one field taken from it). Permits with a known layout (CR, CT, CS, CD) go on like ICAO zones,
        # checked by their own check digits.
        unsure_review = []
        for li, line in enumerate(positions_per_line):
            cols = [c for c, p in enumerate(line) if unsure(p, lines[li][c])]
            if cols:
                unsure_review.append(
                    {
                        "field": "document_number" if li == 0 else "mrz",
                        "line": str(li + 1),
                        "reason": "low OCR confidence at column(s) " + ",".join(str(c + 1) for c in cols[:8]),
                    }
                )
        return Correction(lines, conf, changes, unsure_review, set(range(len(lines))))
    grid = [list(x) for x in lines]

    def pos(li: int, col: int) -> Position:
        return positions_per_line[li][col]

    def set_char(li: int, col: int, new: str, why: str) -> None:
        old = grid[li][col]
        if old != new:
            grid[li][col] = new
            changes.append((li, col, old, new, why))

    allowed_at = classes(fmt, lines)
    spans = field_spans(lines)

    # 1. Class repairs, per field: a field of letters read with digits (or the reverse) is mapped only when
    #    every odd character has a look-alike, so a field really printed with digits stays as printed.
    for _name, (li, start, end) in spans.items():
        odd = [
            (li, c) for c in range(start, end) if (li, c) in allowed_at and grid[li][c] not in allowed_at[(li, c)]
        ]
        if not odd:
            continue
        replacements = {}
        for li2, c in odd:
            allowed = allowed_at[(li2, c)]
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
    for (li, c), allowed in allowed_at.items():
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
        count, sure = _satisfy(grid, check, cells, allowed_at, pos, set_char)
        if count == 2:
            double_fixes.append([(li, c, before[li][c]) for li, c in cells if before[li][c] != grid[li][c]])
            double_fields.append((check.field, check.digit[0]))
        elif count and not sure:
            unsure_fixes.append((check.field, check.digit[0]))
    composites = [c for c in checks if c.field == "composite"]
    for check in composites:
        free = [(li, c) for li, a, b in check.covers for c in range(a, b) if (li, c) not in covered]
        count, sure = _satisfy(grid, check, [*free, check.digit], allowed_at, pos, set_char, most=1)
        if count and not sure:
            unsure_fixes.append((check.field, check.digit[0]))
    # One mod-10 check digit is satisfied by a chance pair of changes far too often: a two-character fix
    # stands only when an independent check (the composite) confirms it.
    if double_fixes and not (composites and all(check_ok(grid, c) for c in composites)):
        for fix in double_fixes:
            for li, c, old_char in fix:
                set_char(li, c, old_char, "reverted: not confirmed by the composite check digit")
        double_fields = []

    # 3. Issuing state and nationality have no check digit: prefer a supported reading that is a real code.
    #    Nothing vouches for such a change, so the field goes to review.
    guessed: list[tuple[str, int]] = [("document_code", 0)] if code_changed else []
    for name in ("issuing_state", "nationality"):
        if name in spans and _prefer_known_code(grid, spans[name], pos, set_char):
            guessed.append((name, spans[name][0]))

    # 4. Fillers read as letters after the names ended.
    if "names" in spans and _clean_name_fillers(grid, spans["names"], pos, set_char):
        guessed.append(("names", spans["names"][0]))

    out_lines = ["".join(r) for r in grid]
    conf = [
        [positions_per_line[li][c].get(ch) for c, ch in enumerate(line)] for li, line in enumerate(out_lines)
    ]
    protected = protected_cells(fmt, out_lines)
    review = review_fields(out_lines, spans, positions_per_line, protected, disagreements)
    flagged = {r["field"] for r in review}
    for name, li in guessed:
        if name not in flagged:
            review.append(
                {"field": name, "line": str(li + 1), "reason": "corrected without a check digit; compare with the page"}
            )
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
        if not check_ok(final_grid, check):
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
        results = [check_ok(grid, c) for c in layout_checks(fmt, trial)]
        # Fewest failing checks first (a visa has no composite to fail), then most passing.
        rank = (-results.count(False), results.count(True))
        if best is None or rank > best[0]:
            best = (rank, code)
    return best[1] if best else CODE_LOOKALIKES.get(lines[0][:1])


def _satisfy(
    grid: Grid,
    check: LayoutCheck,
    cells: list[Cell],
    allowed_at: dict[Cell, frozenset[str]],
    pos: Callable[[int, int], Position],
    set_char: Callable[[int, int, str, str], None],
    most: int = 2,
) -> tuple[int, bool]:
    """Change at most two positions of this check, each to a supported alternative, to make it pass;
    the most supported combination wins. Nothing changes when no supported combination passes."""
    if check_ok(grid, check):
        return 0, True
    options: list[tuple[tuple[int, int], str, float]] = []
    for li, c in cells:
        current = grid[li][c]
        p = pos(li, c)
        base = max(p.get(current), 1e-3)
        allowed = allowed_at.get((li, c), ANY)
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
            ok = check_ok(grid, check)
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
) -> bool:
    """Replace a code that is no country by the best supported reading that is one. True when changed."""
    li, start, end = span
    code = "".join(grid[li][start:end])
    cleaned = code.replace("<", "")
    if not cleaned or known_code(cleaned):
        return False
    best: tuple[float, str] | None = None
    for c in range(start, end):
        for ch, s in pos(li, c).support.items():
            if ch == grid[li][c] or ch not in LETTERS or s < MIN_SUPPORT:
                continue
            trial = code[: c - start] + ch + code[c - start + 1 :]
            if known_code(trial.replace("<", "")) and (best is None or s > best[0]):
                best = (s, trial)
    if best is None:
        return False
    for i, ch in enumerate(best[1]):
        set_char(li, start + i, ch, "country code")
    return True


def _clean_name_fillers(
    grid: Grid,
    span: tuple[int, int, int],
    pos: Callable[[int, int], Position],
    set_char: Callable[[int, int, str, str], None],
) -> bool:
    """After three fillers in a row the names are over (ICAO pads the field with fillers): a lone letter
    standing between fillers there, or hanging at the field's end, is a misread filler - changed only when
    the reading offered the filler there too. True when something changed."""
    li, start, end = span
    text = "".join(grid[li][start:end])
    changed = False
    run = 0
    for i, ch in enumerate(text):
        if ch == "<":
            run += 1
            continue
        lone = all(x == "<" for x in text[i + 1 : i + 3]) or i + 1 >= len(text)
        if run >= 3 and lone and pos(li, start + i).get("<") >= MIN_SUPPORT:
            set_char(li, start + i, "<", "name filler")
            changed = True
            run += 1
            continue
        run = 0
    return changed
