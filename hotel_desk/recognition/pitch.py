"""Putting a row's characters in their cells by the MRZ's fixed pitch, when the recognizer saw one or two
characters too many or too few.

Every MRZ character is printed at the same pitch (ICAO 9303: 2.54 mm), so the recognizer's character
spikes along a row are evenly spaced, with the spacing changing only slowly (perspective). The CTC decoder
alone (`ctc.constrained_path`) knows nothing of that: asked for 44 cells from 45 spikes it drops whichever
spike costs least to lose, and inside a run of fillers that is the faint blank between two of them, which
merges two real fillers into one cell and shifts every later character, while the speck at the row's end
that made the extra spike stays in. Here the spikes are aligned to the cells instead, with three costs in
nats: a spike left out (what the network believed of it), a cell no spike fills (how little the network
saw there) and spacing that does not fit the pitch (`PITCH_WEIGHT` per pitch squared). A left-out spike in
the middle of a row leaves a gap of two pitches, which costs; one at the row's end does not.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from hotel_desk.recognition.ctc import BLANK, cells_from_spans
from hotel_desk.recognition.ocr import CharReading

# Nats per squared pitch of spacing error: a spike a whole pitch out of place costs about as much as
# leaving out a confidently read character (a few frames at ~5 nats each).
PITCH_WEIGHT = 20.0
MAX_SKIP = 2  # spikes left out, or cells left empty, between two matched spikes
MAX_DIFFERENCE = 2  # the alignment is tried when the spikes are at most this many more or fewer than cells
MIN_SPIKES = 8  # fewer spikes than this say too little about the pitch
PITCH_WINDOW = 6
SHIFTED = 0.6  # pitches between a row's first or last spike and its margin that make it worth aligning  # spacings on either side that make a local pitch (perspective changes it slowly)


@dataclass(frozen=True)
class Spike:
    start: int  # first frame
    end: int  # last frame (inclusive)

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2.0


def spikes(logp: np.ndarray) -> list[Spike]:
    """The runs of frames of the best path that emit a character (as `ctc.greedy` reads them)."""
    best = logp.argmax(axis=1)
    out: list[Spike] = []
    t, frames = 0, len(best)
    while t < frames:
        if best[t] == BLANK:
            t += 1
            continue
        end = t
        while end + 1 < frames and best[end + 1] == best[t]:
            end += 1
        out.append(Spike(t, end))
        t = end + 1
    return out


def local_pitch(centers: np.ndarray) -> np.ndarray:
    """The pitch around each spacing (between spike j and j+1): the median of the spacings nearby, so a
    gap or a speck does not count and a pitch that grows across the row (perspective) is followed."""
    gaps = np.diff(centers)
    out = np.empty(len(gaps))
    for j in range(len(gaps)):
        out[j] = float(np.median(gaps[max(0, j - PITCH_WINDOW) : j + PITCH_WINDOW + 1]))
    return out


def aligned(
    logp: np.ndarray, length: int, ends: tuple[float, float] | None = None
) -> list[CharReading] | None:
    """The row read as `length` cells by the fixed-pitch alignment of its spikes, or None when the spikes
    are too few, too many or too irregular to say (the caller keeps the CTC decoding then).

    `ends`: the frames where the row's first and last cells are expected, when the zone's other rows say
    (every MRZ line starts at the same margin and has the same length): a stray mark beyond either end of
    the row then costs nothing to leave out, while a real character does. With `ends`, a row with as many
    spikes as cells is aligned too when its spikes sit off those margins (one extra, one missed)."""
    found = spikes(logp)
    n = len(found)
    if abs(n - length) > MAX_DIFFERENCE or n < MIN_SPIKES:
        return None
    centers = np.array([s.center for s in found])
    pitch = local_pitch(centers)
    if float(np.median(pitch)) < 2.0:
        return None
    if n == length:
        # As many spikes as cells: only a row whose spikes sit a pitch off the margins is worth aligning
        # (a speck before the first character and the last filler unseen).
        if ends is None:
            return None
        off_first = abs(centers[0] - ends[0]) / float(pitch[0])
        off_last = abs(centers[-1] - ends[1]) / float(pitch[-1])
        if max(off_first, off_last) < SHIFTED:
            return None
    lp = logp.astype(np.float64)
    top = lp.max(axis=1)
    # Leaving a spike out: its frames become blanks.
    drop = np.array([float((top[s.start : s.end + 1] - lp[s.start : s.end + 1, BLANK]).sum()) for s in found])
    # Filling a cell no spike holds, between frames a..b: the network's best character at its best frame.
    nonblank = lp[:, 1:].max(axis=1)
    fill_gain = nonblank - lp[:, BLANK]

    def fill(a: int, b: int, cells: int) -> float:
        if cells == 0:
            return 0.0
        if b - a + 1 < cells:
            return np.inf
        return cells * float(max(0.0, -fill_gain[a : b + 1].max()))

    frames = len(lp)
    first_pitch, last_pitch = float(pitch[0]), float(pitch[-1])
    inf = np.inf
    cost = np.full((n, length), inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n):
        for k in range(length):
            # Starting at spike i in cell k: the spikes before it left out, the cells before it filled from
            # the frames before it (room for k cells at the pitch there).
            if i <= MAX_SKIP and k <= MAX_SKIP:
                start = float(drop[:i].sum()) + fill(0, found[i].start - 1, k)
                if ends is not None:
                    start += PITCH_WEIGHT * ((centers[i] - ends[0]) / first_pitch - k) ** 2
                else:
                    start += PITCH_WEIGHT * max(0.0, k - found[i].start / first_pitch) ** 2
                if start < cost[i, k]:
                    cost[i, k] = start
            for i0 in range(max(0, i - 1 - MAX_SKIP), i):
                for k0 in range(max(0, k - 1 - MAX_SKIP), k):
                    if cost[i0, k0] == inf:
                        continue
                    steps = (centers[i] - centers[i0]) / pitch[min(i0, len(pitch) - 1)]
                    c = cost[i0, k0] + float(drop[i0 + 1 : i].sum())
                    c += fill(found[i0].end + 1, found[i].start - 1, k - k0 - 1)
                    c += PITCH_WEIGHT * (steps - (k - k0)) ** 2
                    if c < cost[i, k]:
                        cost[i, k] = c
                        back[(i, k)] = (i0, k0)
    best, end_state = inf, None
    for i in range(max(0, n - 1 - MAX_SKIP), n):
        for k in range(max(0, length - 1 - MAX_SKIP), length):
            if cost[i, k] == inf:
                continue
            after = length - 1 - k
            c = cost[i, k] + float(drop[i + 1 :].sum()) + fill(found[i].end + 1, frames - 1, after)
            if ends is not None:
                c += PITCH_WEIGHT * ((ends[1] - centers[i]) / last_pitch - after) ** 2
            else:
                c += PITCH_WEIGHT * max(0.0, after - (frames - 1 - found[i].end) / last_pitch) ** 2
            if c < best:
                best, end_state = c, (i, k)
    if end_state is None:
        return None
    matched: list[tuple[int, int]] = []
    state: tuple[int, int] | None = end_state
    while state is not None:
        matched.append(state)
        state = back.get(state)
    matched.reverse()
    return _readings(lp, found, matched, length)


def _readings(
    lp: np.ndarray, found: list[Spike], matched: list[tuple[int, int]], length: int
) -> list[CharReading] | None:
    """Cells from the alignment: a matched cell keeps its spike's frames and character; the cells between
    two matched ones share the frames between them, each taking the character the network saw most there."""
    spans: dict[int, list[int]] = {}
    labels: dict[int, int] = {}
    # (cell, first frame, last frame) of every matched cell, between two sentinels outside the row.
    points = [
        (-1, -1, -1),
        *((k, found[i].start, found[i].end) for i, k in matched),
        (length, len(lp), len(lp)),
    ]
    for (k0, _, end0), (k1, start1, end1) in itertools.pairwise(points):
        if 0 <= k1 < length:
            spans[k1] = list(range(start1, end1 + 1))
            labels[k1] = int(lp[start1].argmax()) - 1
        empty = k1 - k0 - 1
        if empty <= 0:
            continue
        a, b = end0 + 1, start1 - 1
        if b - a + 1 < empty:
            return None
        edges = np.linspace(a, b + 1, empty + 1).round().astype(int)
        for j in range(empty):
            frames = list(range(int(edges[j]), max(int(edges[j]) + 1, int(edges[j + 1]))))
            spans[k0 + 1 + j] = frames
            labels[k0 + 1 + j] = int(lp[frames, 1:].max(axis=0).argmax())
    if len(spans) != length:
        return None
    # cells_from_spans numbers the cells from 1, as the CTC decoder does.
    return cells_from_spans(
        lp, {k + 1: v for k, v in spans.items()}, {k + 1: v for k, v in labels.items()}, length
    )
