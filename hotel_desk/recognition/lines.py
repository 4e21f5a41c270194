"""One MRZ line as the recognizer sees it: a fixed-height strip, ink dark on light, the text band centred.

The same function prepares the strips the model was trained on (training/mrz renders a generous cut around
a line and passes it here) and the strips the app cuts from a page, so the model never meets a
normalisation it was not trained with. The locator's idea of the row height is only a starting point: the
text band is measured on the cut itself (rows where the ink is), which absorbs a row found too tall (two
rows merged) or too thin (faint print).
"""

from __future__ import annotations

import cv2
import numpy as np

STRIP_HEIGHT = 32  # pixels: the model's input height
BAND_MARGIN = 0.3  # paper kept above and below the text band, in text heights
# Horizontal scale relative to the vertical one. OCR-B's pitch is about its character height; squeezing to
# 0.85 leaves ~17 px per character, ~4 time steps of the model (it pools the width by 4), enough for CTC to
# put a blank between the fillers of a '<<<<' run.
SQUEEZE = 0.85
MAX_WIDTH = 1400  # a 44-character line is ~700 px; anything far wider is not one MRZ line


def percentiles_u8(values: np.ndarray, qs: tuple[float, ...]) -> tuple[float, ...]:
    """`np.percentile(values, qs)` (linear interpolation) for 8-bit values, from a histogram instead of a
    sort: the same numbers, a fraction of the time on a whole page."""
    flat = np.ascontiguousarray(values, dtype=np.uint8).reshape(1, -1)
    if flat.size < 1 << 24:  # OpenCV counts in float32: exact below 2**24 per bin
        counts = np.cumsum(cv2.calcHist([flat], [0], None, [256], [0, 256]).ravel().astype(np.int64))
    else:
        counts = np.cumsum(np.bincount(flat.ravel(), minlength=256))
    n = int(counts[-1])
    out = []
    for q in qs:
        pos = (q / 100.0) * (n - 1)
        below = int(np.floor(pos))
        t = pos - below
        a = float(np.searchsorted(counts, below, side="right"))
        b = float(np.searchsorted(counts, min(below + 1, n - 1), side="right"))
        # numpy's own interpolation, so that the results are bit for bit the same.
        out.append(b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t)
    return tuple(out)


def _odd(n: float) -> int:
    return max(3, round(n) | 1)


def light_ink(gray: np.ndarray) -> bool:
    """True when the print is lighter than its ground (an inverted capture, white-on-dark reader image):
    the ink is the minority of pixels, so it lies on the far side of the median from the bulk."""
    lo, med, hi = percentiles_u8(gray, (2, 50, 98))
    return bool((hi - med) > 1.3 * (med - lo) and (hi - med) > 20)


def ink_map(gray: np.ndarray, text_height: float) -> np.ndarray:
    """Dark strokes thinner than a character, as a float map (black-hat: the local paper level minus the
    pixel), so uneven light, guilloche gradients and glare do not count as ink."""
    k = _odd(0.9 * text_height)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    return cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel).astype(np.float32)


def text_band(gray: np.ndarray, text_height: float) -> tuple[float, float]:
    """Top and bottom of the text band nearest the strip's middle row (the locator centres the cut on the
    row). Falls back to the locator's height around the middle when the profile says nothing clear."""
    h = gray.shape[0]
    mid = h / 2.0
    fallback = (mid - text_height / 2.0, mid + text_height / 2.0)
    ink = ink_map(gray, text_height)
    if float(ink.max()) < 8.0:
        return fallback
    level, _ = cv2.threshold(ink.astype(np.uint8), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    level = max(level, 10.0)
    profile = (ink > level).mean(axis=1)
    profile = np.convolve(profile, np.ones(3) / 3.0, mode="same")
    lo = max(0, int(mid - 0.45 * text_height))
    hi = min(h, int(mid + 0.45 * text_height) + 1)
    if hi <= lo:
        return fallback
    peak = lo + int(np.argmax(profile[lo:hi]))
    top_level = float(profile[peak])
    if top_level < 0.04:
        return fallback
    # The band is the run of inky rows around the peak; a neighbouring MRZ row (0.5 text heights away, less
    # under blur) must not be swallowed, so the run may not reach further than one text height each way.
    cut = 0.35 * top_level
    reach = round(text_height)
    top = peak
    while top > max(0, peak - reach) and profile[top - 1] > cut:
        top -= 1
    bottom = peak
    while bottom < min(h - 1, peak + reach) and profile[bottom + 1] > cut:
        bottom += 1
    band = bottom + 1 - top
    if not 0.5 * text_height <= band <= 1.7 * text_height:
        centre = (top + bottom + 1) / 2.0 if band < 0.5 * text_height else float(peak)
        return centre - text_height / 2.0, centre + text_height / 2.0
    return float(top), float(bottom + 1)


def normalize_strip(gray: np.ndarray, text_height: float) -> np.ndarray:
    """A generous horizontal cut around one line (uint8, the line roughly in the middle, `text_height` the
    expected character height in its pixels) -> float32 STRIP_HEIGHT x W strip in 0..1, ink dark."""
    g = np.ascontiguousarray(gray, dtype=np.uint8)
    if light_ink(g):
        g = 255 - g
    top, bottom = text_band(g, text_height)
    band = max(bottom - top, 2.0)
    y0 = top - BAND_MARGIN * band
    y1 = bottom + BAND_MARGIN * band
    scale_y = STRIP_HEIGHT / (y1 - y0)
    scale_x = scale_y * SQUEEZE
    width = round(g.shape[1] * scale_x)
    width = min(max(width, 16), MAX_WIDTH)
    scale_x = width / g.shape[1]
    # Source pixel (x, y) = (u / scale_x, y0 + v / scale_y): one affine warp, area-like when shrinking.
    m = np.array([[1.0 / scale_x, 0.0, 0.0], [0.0, 1.0 / scale_y, y0]], dtype=np.float64)
    shrink = scale_y < 1.0
    src: np.ndarray = g
    if scale_y < 0.5:
        # Pre-blur before a strong reduction so the warp does not alias thin strokes away.
        src = cv2.GaussianBlur(g, (0, 0), 0.4 / scale_y)
    warped = cv2.warpAffine(
        src,
        m,
        (width, STRIP_HEIGHT),
        flags=cv2.WARP_INVERSE_MAP | (cv2.INTER_LINEAR if shrink else cv2.INTER_CUBIC),
        borderMode=cv2.BORDER_REPLICATE,
    )
    out = warped.astype(np.float32)
    lo, hi = percentiles_u8(warped, (1, 99))
    if hi - lo < 4:
        return np.full_like(out, 1.0)
    return np.clip((out - lo) / (hi - lo), 0.0, 1.0).astype(np.float32)
