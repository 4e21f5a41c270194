"""Reading one located zone: which way up, which rows and how long, the trained recognizer's cells, the
check-digit-guided correction, and Tesseract as a second opinion where the first reading is not settled.

The common case costs one batch of the recognizer: every row upright and turned 180 degrees (which way up
the page lies is the reading that makes sense). Tesseract is asked only when a check digit fails, the
layout did not come out, or a field is unsure; where the two readers disagree on a field without a check
digit, that field goes to review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from hotel_desk.documents import MrzCheck, check_mrz
from hotel_desk.recognition.correct import Correction, correct
from hotel_desk.recognition.ctc import greedy, mean_confidence
from hotel_desk.recognition.extend import extended, short_rows
from hotel_desk.recognition.layout import Cell
from hotel_desk.recognition.locate import MrzRegion, TextRow
from hotel_desk.recognition.ocr import CharReading, read_strip
from hotel_desk.recognition.positions import Aligned, best_alignment, vote
from hotel_desk.recognition.recognizer import recognize
from hotel_desk.recognition.strips import VARIANTS, cut_line, cut_strip
from hotel_desk.recognition.zone_layout import choose_layout, row_counts

# Tesseract's evidence counts a little less than the recognizer's: it is the older, weaker reader here,
# but enough to make a rival reading (and so a review) where it clearly sees something else.
SECOND_OPINION_WEIGHT = 0.6
# Mean confidence of every row above which a reading that opens like an MRZ settles which way up it lies.
DECISIVE_CONFIDENCE = 0.9


@dataclass
class ZoneReading:
    lines: list[str]
    check: MrzCheck
    confidence: list[list[float]]
    region: MrzRegion
    flipped: bool
    plausible: bool  # the rows fit the layout's character count (zone_layout.py)
    review: list[dict[str, str]]
    changes: list[dict[str, Any]]
    readers: int  # 1: the recognizer alone; 2: Tesseract was asked too

    @property
    def rank(self) -> tuple[int, int, int, float]:
        doc = self.check.document
        passed = sum(c.ok for c in doc.check_digits) if doc else -1
        mean = float(np.mean([x for line in self.confidence for x in line])) if self.confidence else 0.0
        return (1 if doc else 0, int(self.plausible), passed, mean)

    @property
    def settled(self) -> bool:
        """Read to the end: every check digit passes on a layout the rows plausibly hold."""
        doc = self.check.document
        return doc is not None and doc.check_digits_ok and self.plausible


_FIRST_LINE = re.compile(r"^[PIACV][A-Z<][A-Z<]{3}")


def _orientation_score(logps: list[np.ndarray]) -> float:
    """How much a zone's rows read like an MRZ the right way up: confident readings, one of them opening
    like a first line (a document code and an issuing state), fillers. Upside-down print reads as unsure
    noise; a stray row of other print beside the zone lowers both orientations alike."""
    texts = [greedy(lp) for lp in logps]
    score = sum(mean_confidence(lp) for lp in logps)
    if any(_FIRST_LINE.match(t) for t in texts):
        score += 0.5
    if any("<<" in t for t in texts):
        score += 0.2
    return score


def _decisive(logps: list[np.ndarray]) -> bool:
    """A reading no upside-down one could beat: a row opening like an MRZ's first line and every row read
    with confidence (print turned 180 degrees reads as unsure noise, never as a confident MRZ)."""
    texts = [greedy(lp) for lp in logps]
    return (
        len(logps) >= 2
        and any(_FIRST_LINE.match(t) for t in texts)
        and min(mean_confidence(lp) for lp in logps) >= DECISIVE_CONFIDENCE
    )


def _ghost_rows(rows: list[TextRow]) -> list[tuple[str, TextRow]]:
    """Where a TD1's third row lies when the locator found only two: one row pitch beyond either end of the
    pair, or between them when the pair is two pitches apart (the middle row merged with something)."""
    a, b = rows
    step = np.array(b.center) - np.array(a.center)
    ends = [("after", np.array(b.center) + step), ("before", np.array(a.center) - step)]
    if float(np.hypot(*step)) > 2.6 * max(a.height, b.height):
        ends = [("between", (np.array(a.center) + np.array(b.center)) / 2)]
    out = []
    for where, center in ends:
        ghost = TextRow(center=(float(center[0]), float(center[1])), length=b.length, height=b.height, angle=b.angle)
        out.append((where, ghost))
    return out


def _grown(
    gray: np.ndarray, rows: list[TextRow], logps: list[np.ndarray], flipped: bool
) -> tuple[list[TextRow], list[np.ndarray]] | None:
    """The rows with the short ones followed past their ends (extend.py), or None when none grew."""

    def read(found: Sequence[TextRow]) -> list[np.ndarray]:
        return recognize([cut_line(gray, r, flip=flipped) for r in found])

    out_rows, out_logps, grew = list(rows), list(logps), False
    for i in short_rows(logps):
        longer = extended(rows[i], logps[i], read, flip=flipped, shape=gray.shape)
        if longer is not None:
            out_rows[i], out_logps[i], grew = longer, read([longer])[0], True
    return (out_rows, out_logps) if grew else None


def read_zone(
    gray: np.ndarray, region: MrzRegion, today: date, *, second_opinion: bool, grow: bool = False
) -> ZoneReading | None:
    """The zone's reading, or None when its rows hold no MRZ layout. `grow`: the last resort, when no view
    of the page gave a settled zone - rows too short for any line are followed past their ends
    (extend.py); None when none of them grew."""
    rows = list(region.rows)
    # Which way up the page lies is the reading that makes sense. The rows are read as they lie first; only
    # when that reading is not decisive are they read turned 180 degrees as well, and the better one kept.
    up = recognize([cut_line(gray, r, flip=False) for r in rows])
    flipped, ordered, logps = False, rows, up
    if not _decisive(up):
        down = recognize([cut_line(gray, r, flip=True) for r in rows])
        if _orientation_score(down) > _orientation_score(up):
            flipped, ordered, logps = True, rows[::-1], down[::-1]
    layout = choose_layout(ordered, logps, flipped=flipped)
    plausible = layout is not None and layout.plausible
    if grow:
        grown = _grown(gray, ordered, logps, flipped) if not plausible and short_rows(logps) else None
        if grown is None:
            return None
        layout, (ordered, logps) = choose_layout(grown[0], grown[1], flipped=flipped), grown
        plausible = layout is not None and layout.plausible
    if not plausible and len(ordered) == 2 and all(abs(n - 30) <= 3 for n in row_counts(logps)):
        ghosts = _ghost_rows(ordered)
        extra = recognize([cut_line(gray, g, flip=flipped) for _, g in ghosts])
        fits = [(abs(n - 30), k) for k, n in enumerate(row_counts(extra))]
        fit, k = min(fits)
        if fit <= 3:
            if ghosts[k][0] == "after":
                rows3, logps3 = [*ordered, ghosts[k][1]], [*logps, extra[k]]
            elif ghosts[k][0] == "between":
                rows3, logps3 = [ordered[0], ghosts[k][1], ordered[1]], [logps[0], extra[k], logps[1]]
            else:
                rows3, logps3 = [ghosts[k][1], *ordered], [extra[k], *logps]
            with_ghost = choose_layout(rows3, logps3, flipped=flipped)
            if with_ghost is not None and (layout is None or with_ghost.plausible):
                layout, ordered, logps = with_ghost, rows3, logps3
    if layout is None:
        return None
    row_ids, length = layout.rows, layout.length
    cells = [list(c) for c in layout.cells]
    fixed = correct([vote([list(c)], length) for c in cells])
    check = check_mrz(fixed.lines, today=today, candidates=False)
    readers = 1
    unsettled = check.document is None or not check.document.check_digits_ok or fixed.review or not layout.plausible
    if second_opinion and unsettled:
        lines_to_ask = sorted(fixed.needy_lines) if check.document is not None else list(range(len(row_ids)))
        fixed = _with_second_opinion(gray, [ordered[r] for r in row_ids], flipped, cells, fixed, lines_to_ask)
        check = check_mrz(fixed.lines, today=today, candidates=False)
        readers = 2
    review = fixed.review
    if not layout.plausible:
        review = [
            {
                "field": "mrz",
                "line": "1",
                "reason": f"the rows do not read cleanly as lines of {length} characters; compare the whole zone",
            },
            *review,
        ]
    return ZoneReading(
        lines=fixed.lines,
        check=check,
        confidence=fixed.confidence,
        region=region,
        flipped=flipped,
        plausible=layout.plausible,
        review=review,
        changes=[
            {"line": li + 1, "column": col + 1, "read": old, "chosen": new, "why": why}
            for li, col, old, new, why in fixed.changes
        ],
        readers=readers,
    )


def _with_second_opinion(
    gray: np.ndarray,
    rows: list[TextRow],
    flipped: bool,
    cells: list[list[CharReading]],
    first: Correction,
    lines_to_ask: list[int],
) -> Correction:
    """Tesseract reads the unsettled lines; its aligned characters vote beside the recognizer's, and cells
    where the two chose differently are handed to the review."""
    length = len(cells[0])
    template = list(first.lines)
    second: dict[int, Aligned] = {}
    for li in lines_to_ask:
        strip = cut_strip(gray, rows[li], flip=flipped, variant=VARIANTS[0])
        chars = read_strip(strip.image)
        second[li] = best_alignment(chars, strip.text_start, strip.text_end, li, length, template)
    positions = []
    disagreements: set[Cell] = set()
    for li, own in enumerate(cells):
        other = second.get(li)
        if other is None:
            positions.append(vote([list(own)], length))
            continue
        positions.append(vote([list(own), other], length, weights=[1.0, SECOND_OPINION_WEIGHT]))
        for col, (a, b) in enumerate(zip(own, other, strict=False)):
            if b is not None and a.char != b.char:
                disagreements.add((li, col))
    return correct(positions, disagreements)
