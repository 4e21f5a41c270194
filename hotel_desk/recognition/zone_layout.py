"""Which located rows form the MRZ and how many characters its lines hold: three rows of 30, or two of 36
or 44, chosen by what the recognizer's own output says rather than by which check digits pass.

Every layout the rows could be (consecutive rows the locator found, of about the same length in the image,
whose greedy readings are within a fifth of the line length) is decoded to exactly that many cells, and
scored by the CTC posterior: how much less probable the best path with that many characters is than the
unconstrained best path of the same row (its "deficit", in nats). The layout with the smallest mean
deficit wins. A layout some row of which fits badly even so is implausible: the zone is then read, but
never settled by its check digits alone (a wrong layout decoded from a poor strip offers so many
alternatives that the correction can make a chance set of checks pass) - other views and zones are tried,
and if it still stands the whole zone goes to review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hotel_desk.recognition.ctc import constrained_path, greedy
from hotel_desk.recognition.locate import TextRow
from hotel_desk.recognition.ocr import CharReading
from hotel_desk.recognition.pitch import aligned, spikes
from hotel_desk.recognition.strips import frame_offset, offset_frame

# (rows, characters per line) of every MRZ layout: TD1 and the permit cards; TD2 and MRV-B; TD3 and MRV-A.
SHAPES = ((3, 30), (2, 36), (2, 44))
# A line whose greedy reading is further than this share of the line length from it is not that line.
LENGTH_TOLERANCE = 0.2
# Rows of one zone have the same length in the image (fixed pitch, full lines); perspective and a row
# found a little short leave them within this ratio.
ROW_LENGTH_RATIO = 1.3
# A row whose best path with the layout's character count is this many nats less probable than its best
# path overall does not hold that many characters. Chosen on the benchmark generator's pages of a seed no
# reported run uses (seed 7, 15 per condition): of 349 rows read right, 337 had a deficit of 0 (the best
# path had the right length) and the largest was 4.4.
MAX_DEFICIT = 8.0


@dataclass(frozen=True)
class ZoneLayout:
    rows: tuple[int, ...]  # indices into the located rows, in reading order
    length: int  # characters per line
    cells: tuple[tuple[CharReading, ...], ...]  # the constrained decoding of each row
    deficits: tuple[float, ...]  # per row, nats

    @property
    def plausible(self) -> bool:
        return max(self.deficits) <= MAX_DEFICIT

    @property
    def mean_deficit(self) -> float:
        return float(np.mean(self.deficits))


def _similar_lengths(rows: Sequence[TextRow]) -> bool:
    lengths = [r.length for r in rows]
    return max(lengths) <= ROW_LENGTH_RATIO * max(1.0, min(lengths))


def choose_layout(
    rows: Sequence[TextRow], logps: Sequence[np.ndarray], *, flipped: bool = False
) -> ZoneLayout | None:
    """The best-supported layout of these rows (their recognizer outputs in reading order, `flipped` when
    they were read turned 180 degrees), or None when no window of rows has the shape of any MRZ."""
    counts = [len(greedy(lp)) for lp in logps]
    free = [float(lp.max(axis=1).sum()) for lp in logps]
    windows = [
        (preference, tuple(range(start, start + n_rows)), length)
        for preference, (n_rows, length) in enumerate(SHAPES)
        for start in range(len(rows) - n_rows + 1)
    ]
    windows = [
        (preference, ids, length)
        for preference, ids, length in windows
        if all(abs(counts[i] - length) <= LENGTH_TOLERANCE * length for i in ids)
        and _similar_lengths([rows[i] for i in ids])
    ]
    # Rows whose best paths have exactly the layout's length have no deficit, which no other layout beats:
    # the common case needs no Viterbi decoding beyond that one.
    exact = [w for w in windows if all(counts[i] == w[2] for i in w[1])]
    options: list[tuple[float, int, ZoneLayout]] = []
    for preference, ids, length in exact[:1] or windows:
        cells, deficits = [], []
        for i in ids:
            decoded = constrained_path(logps[i], length)
            if decoded is None:
                break
            # The deficit says how well the row holds that many characters; which spike goes in which cell
            # is the fixed pitch's to say where the counts differ (pitch.py).
            ends = _ends(rows, logps, ids, i, length, counts, flipped)
            fitted = None
            if counts[i] != length:
                fitted = aligned(logps[i], length, ends[0] if ends else None)
            elif ends is not None and ends[1] >= 2:
                # A row of the right count is moved only on the word of two rows that agree (a TD1's other
                # two): between two rows, which one is shifted is anybody's guess.
                fitted = aligned(logps[i], length, ends[0])
            cells.append(tuple(fitted if fitted is not None else decoded[0]))
            deficits.append(max(0.0, free[i] - decoded[1]))
        else:
            layout = ZoneLayout(ids, length, tuple(cells), tuple(deficits))
            options.append((layout.mean_deficit, preference, layout))
    if not options:
        return None
    return min(options, key=lambda t: (t[0], t[1]))[2]


def _ends(
    rows: Sequence[TextRow],
    logps: Sequence[np.ndarray],
    ids: tuple[int, ...],
    row: int,
    length: int,
    counts: Sequence[int],
    flipped: bool,
) -> tuple[tuple[float, float], int] | None:
    """Where row `row`'s first and last cells should be, in its own frames, from the rows of the same
    layout read with exactly `length` characters: their first and last characters, carried across along
    the reading direction (MRZ lines share the left margin and the pitch), with how many rows agree on it
    (within a third of a pitch). None when no row is exact."""
    # Positions along the reading direction of row `row` (one direction for all: rows a degree apart would
    # otherwise measure from origins a pitch apart on a large image).
    direction = -rows[row].direction if flipped else rows[row].direction
    firsts: list[float] = []
    lasts: list[float] = []
    for j in ids:
        if j == row or counts[j] != length:
            continue
        found = spikes(logps[j])
        own = -rows[j].direction if flipped else rows[j].direction
        frames = len(logps[j])
        for out, t in ((firsts, found[0].center), (lasts, found[-1].center)):
            point = np.asarray(rows[j].center) + frame_offset(rows[j], frames, t) * own
            out.append(float(np.dot(point, direction)))
    if not firsts:
        return None
    first, last = float(np.median(firsts)), float(np.median(lasts))
    pitch = (last - first) / max(1, length - 1)
    agree = sum(
        abs(a - first) <= pitch / 3 and abs(b - last) <= pitch / 3 for a, b in zip(firsts, lasts, strict=True)
    )
    base = float(np.dot(rows[row].center, direction))
    frames = len(logps[row])
    return (
        offset_frame(rows[row], frames, first - base),
        offset_frame(rows[row], frames, last - base),
    ), agree


def row_counts(logps: Sequence[np.ndarray]) -> list[int]:
    """Characters each row's greedy reading holds."""
    return [len(greedy(lp)) for lp in logps]
