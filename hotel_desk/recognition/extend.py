"""Following a row the locator found too short: read on past its ends for as long as the characters go on.

The locator finds rows by morphology; a run of faint fillers, glowing fibres on a reader's ultraviolet
capture or a stroke across the row can end a row's blob early, and a row of 17 characters fits no MRZ
layout. The recognizer itself says where the characters are: the row is cut again, longer on both sides
by as many pitches as the longest line could still be missing, and the row is taken to run from the first
to the last of the character spikes that follow one another at the pitch (a gap of more than
`MAX_GAP` pitches ends it, so the other print beyond the zone stays out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from hotel_desk.recognition.locate import TextRow
from hotel_desk.recognition.pitch import spikes
from hotel_desk.recognition.strips import LINE_PAD_ALONG, frame_offset

LONGEST_LINE = 44
SHORTEST_LINE = 30
MIN_SPIKES = 6  # fewer characters say nothing reliable about the pitch
MAX_GAP = 2.2  # pitches between two spikes of one row (a filler the network hardly saw leaves ~2)

Recognize = Callable[[Sequence[TextRow]], list[np.ndarray]]


def short_rows(logps: Sequence[np.ndarray], tolerance: float = 0.2) -> list[int]:
    """Rows too short for any MRZ line (fewer characters than the shortest line less `tolerance`)."""
    return [i for i, lp in enumerate(logps) if len(spikes(lp)) < (1 - tolerance) * SHORTEST_LINE]


def _room(point: np.ndarray, direction: np.ndarray, shape: tuple[int, ...]) -> float:
    """How far one may go from `point` along `direction` and stay inside an image of `shape` (h, w)."""
    limits = (shape[1], shape[0])
    room = np.inf
    for axis in (0, 1):
        step = float(direction[axis])
        if step > 1e-9:
            room = min(room, (limits[axis] - 1 - float(point[axis])) / step)
        elif step < -1e-9:
            room = min(room, float(point[axis]) / -step)
    return max(0.0, room)


def extended(
    row: TextRow, logp: np.ndarray, recognize: Recognize, *, flip: bool, shape: tuple[int, ...]
) -> TextRow | None:
    """The row grown along its direction to where its characters end, never past the edges of the image
    (`shape`: what lies beyond is the border repeated, which reads as characters), or None when its reading
    says too little about the pitch or nothing was gained."""
    found = spikes(logp)
    if len(found) < MIN_SPIKES:
        return None
    frames = len(logp)
    offsets = np.array([frame_offset(row, frames, s.center) for s in found])
    pitch = float(np.median(np.diff(offsets)))
    if pitch <= 0.2 * row.height:
        return None
    # Offsets run along the reading direction: turned 180 degrees, that is against the row's direction.
    direction = -row.direction if flip else row.direction
    grow = (LONGEST_LINE - len(found) + 1) * pitch
    center = np.asarray(row.center, dtype=np.float64)
    half = row.length / 2.0 + LINE_PAD_ALONG * row.height
    before = min(grow, _room(center - half * direction, -direction, shape))
    after = min(grow, _room(center + half * direction, direction, shape))
    if before + after < pitch:
        return None
    wide_center = center + (after - before) / 2.0 * direction
    wide = TextRow(
        center=(float(wide_center[0]), float(wide_center[1])),
        length=row.length + before + after,
        height=row.height,
        angle=row.angle,
    )
    wide_logp = recognize([wide])[0]
    wide_found = spikes(wide_logp)
    if len(wide_found) <= len(found):
        return None
    wide_offsets = np.array([frame_offset(wide, len(wide_logp), s.center) for s in wide_found])
    # The run of spikes at the pitch around the row as it was found.
    middle = (offsets[0] + offsets[-1]) / 2.0
    seed = int(np.argmin(np.abs(wide_offsets - middle)))
    lo = hi = seed
    while lo > 0 and wide_offsets[lo] - wide_offsets[lo - 1] <= MAX_GAP * pitch:
        lo -= 1
    while hi + 1 < len(wide_offsets) and wide_offsets[hi + 1] - wide_offsets[hi] <= MAX_GAP * pitch:
        hi += 1
    if hi - lo + 1 <= len(found):
        return None
    start, end = wide_offsets[lo] - 0.5 * pitch, wide_offsets[hi] + 0.5 * pitch
    center = wide_center + (start + end) / 2.0 * direction
    return TextRow(
        center=(float(center[0]), float(center[1])),
        length=float(end - start),
        height=row.height,
        angle=row.angle,
    )
