"""Find the machine-readable zone on a page, card or camera frame.

The MRZ is two or three long, parallel rows of equally sized characters in a clear band. We find rows of
text with a morphological pass at a few character scales and in both the horizontal and the vertical
direction (documents arrive at 0/90/180/270 degrees and tilted), then look for a group of 2-3 parallel rows
of similar length and regular spacing. Each row is returned as a rotated rectangle in the original image,
so that the OCR stage can cut a straight strip per row; per-row rectangles also absorb the keystone of
hand-held photos, where the rows of one MRZ are not quite parallel.

Which way up the text reads (0 or 180 degrees within a row's direction) is not decided here: the OCR stage
reads the first row both ways and keeps the better one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from hotel_desk.recognition.lines import percentiles_u8

# The working copy the search runs on: large enough to keep 6-px characters of a whole-page photo apart,
# small enough that the morphology stays in the low milliseconds.
WORK_SIDE = 1100


@dataclass(frozen=True)
class TextRow:
    """One candidate MRZ row in original-image coordinates."""

    center: tuple[float, float]
    length: float  # along the row
    height: float  # across the row
    angle: float  # degrees, direction of reading (mod 180) measured from the x axis, y pointing down

    @property
    def direction(self) -> np.ndarray:
        a = math.radians(self.angle)
        return np.array([math.cos(a), math.sin(a)])

    @property
    def normal(self) -> np.ndarray:
        a = math.radians(self.angle)
        return np.array([-math.sin(a), math.cos(a)])


@dataclass(frozen=True)
class MrzRegion:
    """Rows believed to form one MRZ, ordered across the rows (top to bottom when the angle is ~0)."""

    rows: tuple[TextRow, ...]
    score: float

    @property
    def angle(self) -> float:
        return float(np.median([r.angle for r in self.rows]))

    def polygon(self) -> list[tuple[float, float]]:
        """The four corners around all rows (for showing where the MRZ was found)."""
        pts = []
        for r in self.rows:
            d = r.direction * r.length / 2
            n = r.normal * r.height / 2
            c = np.array(r.center)
            pts.extend([c - d - n, c + d - n, c + d + n, c - d + n])
        rect = cv2.minAreaRect(np.array(pts, dtype=np.float32))
        return [(float(x), float(y)) for x, y in cv2.boxPoints(rect)]


def _norm_angle(angle: float) -> float:
    """Fold an angle into (-90, 90]."""
    a = (angle + 90.0) % 180.0 - 90.0
    return 90.0 if a == -90.0 else a


def _rows_at_scale(
    gray: np.ndarray, char_h: int, margin: int = 0
) -> list[tuple[tuple[float, float], float, float, float]]:
    """Row-like blobs (center, length, height, angle) for characters about `char_h` pixels tall, in both
    the horizontal and the vertical direction."""
    k = max(3, int(char_h * 1.4)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    # Dark print on a lighter background: black-hat keeps strokes thinner than the kernel, drops photos
    # and large dark areas.
    ink = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel)
    # The ink threshold comes from the image itself, not from the flat border added around it.
    inner = ink[margin : ink.shape[0] - margin, margin : ink.shape[1] - margin] if margin else ink
    level, _ = cv2.threshold(inner if inner.size else ink, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    _, mask = cv2.threshold(ink, level, 255, cv2.THRESH_BINARY)
    found = []
    pieces: list[tuple[tuple[float, float], float, float, float]] = []
    gap = max(3, round(char_h * 1.1))
    for vertical in (False, True):
        shape = (1, gap) if vertical else (gap, 1)
        closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
        # A light opening across the rows cuts thin links between neighbouring rows and drops specks.
        open_shape = (max(1, char_h // 3), 1) if vertical else (1, max(1, char_h // 3))
        closed = cv2.morphologyEx(
            closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, open_shape)
        )
        contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        min_len = 12 * 0.45 * char_h
        for c in contours:
            if len(c) < 4:
                continue
            bx, by, bw, bh = cv2.boundingRect(c)
            if bw * bw + bh * bh < min_len * min_len:
                continue  # far too short to be a row (most contours: words, specks)
            (cx, cy), (w, h), a = cv2.minAreaRect(c)
            if w < h:
                w, h = h, w
                a += 90.0
            if h > char_h * 2.6 and w > 12 * 0.45 * char_h:
                # Rows run together (tight line spacing, a watermark's stroke or a frame line bridging
                # them): split the blob into the bands where its rows are.
                found.extend(_split_rows(closed, (bx, by, bw, bh), char_h, vertical))
                continue
            if h < 2 or w < PIECE * h or h > char_h * 2.6 or h < char_h * 0.45:
                continue
            # Reject blobs whose area is far below the box (diagonal chains of unrelated specks).
            if cv2.contourArea(c) < 0.35 * w * h:
                continue
            if w >= 12 * h:
                found.append(((cx, cy), w, h, _norm_angle(a)))
            else:
                pieces.append(((cx, cy), w, h, _norm_angle(a)))
    # A row whose characters the closing did not bridge everywhere (large print at wide pitch, faint fillers)
    # comes as pieces on one line: chained, it is a row again.
    return found + _chained(pieces)


# A piece of a row: at least this many heights long (a few characters).
PIECE = 3.0
CHAIN_GAP = 2.5  # heights between two pieces of one row
# A chain this many heights long is a row candidate: shorter than a whole line may be, because the pieces
# the closing leaves of a run of fillers are too small to count; the reader follows a row found short.
CHAINED_ROW = 8.0


def _chained(
    pieces: list[tuple[tuple[float, float], float, float, float]],
) -> list[tuple[tuple[float, float], float, float, float]]:
    """Rows made of pieces lying on one line (same direction, same height, gaps under CHAIN_GAP heights),
    CHAINED_ROW heights long at least."""
    out = []
    used: set[int] = set()
    for i in sorted(range(len(pieces)), key=lambda k: -pieces[k][1]):
        if i in used:
            continue
        (cx, cy), w, h, a = pieces[i]
        d = np.array([math.cos(math.radians(a)), math.sin(math.radians(a))])
        n = np.array([-d[1], d[0]])
        center = np.array([cx, cy])
        spans = [(-w / 2, w / 2)]
        heights = [h]
        members = {i}
        grew = True
        while grew:
            grew = False
            for j, ((qx, qy), wj, hj, aj) in enumerate(pieces):
                if j in members or j in used or abs(_norm_angle(aj - a)) > 4 or not 0.67 < hj / h < 1.5:
                    continue
                delta = np.array([qx, qy]) - center
                if abs(float(delta @ n)) > 0.35 * h:
                    continue
                along = float(delta @ d)
                lo, hi = along - wj / 2, along + wj / 2
                left, right = min(x for x, _ in spans), max(x for _, x in spans)
                if lo - right > CHAIN_GAP * h or left - hi > CHAIN_GAP * h:
                    continue
                spans.append((lo, hi))
                heights.append(hj)
                members.add(j)
                grew = True
        left, right = min(x for x, _ in spans), max(x for _, x in spans)
        height = float(np.median(heights))
        if len(members) < 2 or right - left < CHAINED_ROW * height:
            continue
        used |= members
        mid = center + (left + right) / 2 * d
        out.append(((float(mid[0]), float(mid[1])), right - left, height, a))
    return out


def _split_rows(
    closed: np.ndarray, box: tuple[int, int, int, int], char_h: int, vertical: bool
) -> list[tuple[tuple[float, float], float, float, float]]:
    """Rows inside a blob of several merged ones: runs of lines across the blob where most of its length
    is ink. Only for blobs lying along the closing's direction (others are not rows of text)."""
    x, y, w, h = box
    patch = closed[y : y + h, x : x + w] > 0
    if vertical:
        patch = patch.T
    length = patch.shape[1]
    if length < 12 * 0.45 * char_h or patch.shape[0] > 8 * char_h:
        return []
    fill = patch.mean(axis=1)
    inky = fill > 0.5
    out = []
    start = None
    for i, on in enumerate([*inky.tolist(), False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            band = i - start
            if char_h * 0.45 <= band <= char_h * 2.6:
                cols = np.nonzero(patch[start:i].any(axis=0))[0]
                along = float(cols[-1] + 1 - cols[0])
                if along >= 12 * band:
                    mid_along = (cols[0] + cols[-1] + 1) / 2
                    mid_across = (start + i) / 2
                    if vertical:
                        out.append(((x + mid_across, y + mid_along), along, float(band), 90.0))
                    else:
                        out.append(((x + mid_along, y + mid_across), along, float(band), 0.0))
            start = None
    return out


def _group_rows(rows: list[TextRow]) -> list[MrzRegion]:
    """Groups of 2-3 parallel rows of similar length, regularly spaced, side by side."""
    regions: list[MrzRegion] = []
    n = len(rows)
    if n == 0:
        return regions
    order = sorted(range(n), key=lambda i: -rows[i].length)
    used_pairs: set[tuple[int, int]] = set()
    for i in order:
        base = rows[i]
        members = [i]
        for j in range(n):
            if j == i:
                continue
            other = rows[j]
            da = abs(_norm_angle(other.angle - base.angle))
            if da > 6:
                continue
            if not 0.86 < other.length / base.length < 1.16:
                continue
            delta = np.array(other.center) - np.array(base.center)
            along = float(delta @ base.direction)
            across = float(delta @ base.normal)
            h = max(base.height, other.height)
            if abs(along) > 0.12 * base.length:
                continue
            if not 0.9 * h < abs(across) < 4.2 * h:
                # too close (the same row twice at two scales) or too far
                continue
            members.append(j)
        if len(members) < 2:
            continue
        # Order across the rows and keep a chain with regular spacing.
        centers = {m: float(np.array(rows[m].center) @ base.normal) for m in members}
        members.sort(key=lambda m: centers[m])
        chain = _best_chain(members, centers, rows)
        if len(chain) < 2:
            continue
        key = (min(chain), max(chain))
        if key in used_pairs:
            continue
        used_pairs.add(key)
        lengths = [rows[m].length for m in chain]
        spread = float(np.std(lengths) / np.mean(lengths))
        score = float(np.mean(lengths)) * (1.0 + 0.15 * (len(chain) - 2)) * (1.0 - min(0.5, spread * 3))
        regions.append(MrzRegion(rows=tuple(_aligned(rows[m], base) for m in chain), score=score))
    regions.sort(key=lambda r: -r.score)
    return regions


def _aligned(row: TextRow, base: TextRow) -> TextRow:
    """The row with its reading direction turned to agree with the base row's. Angles are folded into
    (-90, 90], so two rows of a page turned 90 degrees can come as -89.7 and 90.0: the same line, read in
    opposite directions - one of them would be read upside down and the order of the lines reversed."""
    angle = base.angle + _norm_angle(row.angle - base.angle)
    if angle == row.angle:
        return row
    return TextRow(center=row.center, length=row.length, height=row.height, angle=angle)


def _best_chain(members: list[int], centers: dict[int, float], rows: list[TextRow]) -> list[int]:
    """The longest run (max 3) of consecutive rows with a regular pitch."""
    best: list[int] = []
    for s in range(len(members)):
        chain = [members[s]]
        pitch = None
        for m in members[s + 1 :]:
            step = centers[m] - centers[chain[-1]]
            h = max(rows[m].height, rows[chain[-1]].height)
            if step < 0.9 * h:
                continue  # the same row found again: keep the first
            if pitch is None:
                if step > 4.2 * h:
                    break
                pitch = step
                chain.append(m)
            elif abs(step - pitch) < 0.25 * pitch:
                chain.append(m)
            else:
                break
            if len(chain) == 3:
                break
        if len(chain) > len(best):
            best = chain
    return best


CHAR_SCALES = (7, 12, 20, 34)
# Character sizes from this one up are searched on a half-size copy (a quarter of the pixels to close).
HALF_FROM = 20


def _rows_in(
    work: np.ndarray, scale: float, turn: np.ndarray | None = None, margin: int = 0
) -> list[TextRow]:
    """Rows at every character scale, in original-image coordinates. `turn` maps the work image back
    when it was rotated (2x3 affine from the turned work image to the original work image)."""
    rows: list[TextRow] = []
    # Exactly half with linear interpolation averages each 2x2 block (and is much faster than INTER_AREA).
    half = cv2.resize(work, (work.shape[1] // 2, work.shape[0] // 2), interpolation=cv2.INTER_LINEAR)
    for char_h in CHAR_SCALES:
        found = (
            [
                ((cx * 2, cy * 2), length * 2, height * 2, angle)
                for (cx, cy), length, height, angle in _rows_at_scale(half, char_h // 2, margin // 2)
            ]
            if char_h >= HALF_FROM
            else _rows_at_scale(work, char_h, margin)
        )
        for (cx, cy), length, height, angle in found:
            if turn is not None:
                cx, cy = (turn @ np.array([cx, cy, 1.0])).tolist()
                angle = _norm_angle(angle + math.degrees(math.atan2(turn[1, 0], turn[0, 0])))
            rows.append(
                TextRow(
                    center=(cx / scale, cy / scale), length=length / scale, height=height / scale, angle=angle
                )
            )
    return rows


def _strong_tilts(rows: list[TextRow], most: int = 2) -> list[float]:
    """Tilts (away from the nearest multiple of 90 degrees) of the longest rows, where clearly tilted;
    similar tilts count once."""
    tilts: list[float] = []
    for r in sorted(rows, key=lambda r: -r.length)[:8]:
        tilt = ((r.angle + 45.0) % 90.0) - 45.0
        if abs(tilt) > 6.0 and all(abs(tilt - t) > 3.0 for t in tilts):
            tilts.append(tilt)
        if len(tilts) == most:
            break
    return tilts


def find_mrz_regions(gray: np.ndarray, limit: int = 4, *, enhance: bool = False) -> list[MrzRegion]:
    """Candidate MRZ regions in a grayscale image, best first (empty when nothing row-like is found).
    `enhance`: first even out the contrast and take out specks (a reader's ultraviolet capture: a dark page,
    the MRZ dark on dark, bright fluorescent fibres that would otherwise set the ink threshold)."""
    h0, w0 = gray.shape[:2]
    scale = WORK_SIDE / max(h0, w0)
    # Area averaging only where the reduction is strong enough to alias print away; a 300-dpi page comes
    # down by ~0.6 and linear interpolation keeps its rows just as well, several times faster.
    interp = cv2.INTER_AREA if scale < 0.5 else cv2.INTER_LINEAR if scale < 1 else cv2.INTER_CUBIC
    work = cv2.resize(gray, (max(1, round(w0 * scale)), max(1, round(h0 * scale))), interpolation=interp)
    if enhance:
        # A grey opening wipes out bright specks smaller than the kernel (fluorescent fibres, which make the
        # black-hat see "ink" all around them); dark print is left where it was.
        work = cv2.morphologyEx(work, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9)))
        work = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(work)
    # A paper-coloured border: a tightly cropped MRZ (a dedicated MRZ scanner's image) must not touch the
    # edge, where the morphology has nothing to close against.
    border = 24
    paper = int(percentiles_u8(work, (90,))[0])
    work = cv2.copyMakeBorder(work, border, border, border, border, cv2.BORDER_CONSTANT, value=paper)
    rows = [
        TextRow(
            center=(r.center[0] - border / scale, r.center[1] - border / scale),
            length=r.length,
            height=r.height,
            angle=r.angle,
        )
        for r in _rows_in(work, scale, margin=border)
    ]
    # Strongly tilted pages (hand-held photos): rows of an MRZ can run together under the straight
    # closing kernels. Turn the work image by the tilt the longest rows share and look again.
    for tilt in _strong_tilts(rows):
        h, w = work.shape[:2]
        forward = cv2.getRotationMatrix2D((w / 2, h / 2), tilt, 1.0)
        turned = cv2.warpAffine(
            work, forward, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
        back = cv2.invertAffineTransform(forward)
        rows += [
            TextRow(
                center=(r.center[0] - border / scale, r.center[1] - border / scale),
                length=r.length,
                height=r.height,
                angle=r.angle,
            )
            for r in _rows_in(turned, scale, back, margin=border)
        ]
    rows = _dedupe(rows)
    return _group_rows(rows)[:limit]


def _dedupe(rows: list[TextRow]) -> list[TextRow]:
    """Drop rows found again at another scale (same place, same direction), keeping the longest."""
    kept: list[TextRow] = []
    for r in sorted(rows, key=lambda r: -r.length):
        dup = False
        for k in kept:
            if abs(_norm_angle(r.angle - k.angle)) > 5:
                continue
            if not 0.6 < r.height / k.height < 1.6:
                continue  # two rows run together are not the same thing as one of them
            delta = np.array(r.center) - np.array(k.center)
            if (
                abs(float(delta @ k.normal)) < 0.6 * max(k.height, r.height)
                and abs(float(delta @ k.direction)) < 0.5 * k.length
            ):
                dup = True
                break
        if not dup:
            kept.append(r)
    return kept
