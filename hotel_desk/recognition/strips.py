"""Cut one straight, normalised strip per MRZ row, in a few preprocessing variants.

Each variant is a different guess at what makes the glyphs clearest (scale, contrast, binarisation); the
readings of several variants vote per character position. The first variant is the cheapest good one: most
scans are settled by it alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from hotel_desk.recognition.locate import TextRow

# Horizontal margin (in row heights) so the first and last character are whole even when the located
# row is a little short; vertical margin so that Tesseract sees clean paper above and below.
PAD_ALONG = 1.0
PAD_ACROSS = 0.55
CLEAR_ACROSS = 0.22  # margin kept around the row's band before painting the rest white


@dataclass(frozen=True)
class Variant:
    name: str
    char_px: float  # target character height in the strip
    mode: str  # "gray" | "contrast" | "binary"


VARIANTS: tuple[Variant, ...] = (
    Variant("gray30", 30.0, "gray"),
    Variant("contrast24", 24.0, "contrast"),
    Variant("binary36", 36.0, "binary"),
    Variant("gray40", 40.0, "gray"),
)


@dataclass(frozen=True)
class Strip:
    image: np.ndarray
    text_start: float  # x where the located row begins in the strip
    text_end: float  # x where it ends


def cut_strip(gray: np.ndarray, row: TextRow, *, flip: bool, variant: Variant) -> Strip:
    """The row as a horizontal strip, reading left to right (flip=True turns it 180 degrees)."""
    s = variant.char_px / max(row.height, 1.0)
    d = row.direction
    n = row.normal
    if flip:
        d, n = -d, -n
    pad_x = PAD_ALONG * row.height
    pad_y = PAD_ACROSS * row.height
    width = max(8, round((row.length + 2 * pad_x) * s))
    height = max(8, round((row.height + 2 * pad_y) * s))
    cx, cy = row.center
    # Inverse map: strip pixel (u, v) -> image point center + (u - W/2)/s * d + (v - H/2)/s * n.
    matrix = np.array(
        [
            [d[0] / s, n[0] / s, cx - (width / 2 * d[0] + height / 2 * n[0]) / s],
            [d[1] / s, n[1] / s, cy - (width / 2 * d[1] + height / 2 * n[1]) / s],
        ],
        dtype=np.float64,
    )
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC
    strip = cv2.warpAffine(
        gray, matrix, (width, height), flags=cv2.WARP_INVERSE_MAP | interp, borderMode=cv2.BORDER_REPLICATE
    )
    # Neighbouring MRZ rows sit close above and below; Tesseract's single-line mode trips over their
    # cut-off tops, so everything outside the row's own band is painted paper-white.
    band = round((PAD_ACROSS - CLEAR_ACROSS) * row.height * s)
    if band > 0:
        paper = np.uint8(np.percentile(strip, 90))
        strip[:band, :] = paper
        strip[height - band :, :] = paper
    strip = _unslant(strip)
    strip = _prepare(strip, variant)
    return Strip(strip, text_start=pad_x * s, text_end=(pad_x + row.length) * s)


# Slant correction. A hand-held photo sees the page at an angle: the row is straightened, but the glyphs'
# verticals still lean (and lean differently at the two ends of a row under keystone). Tesseract's MRZ model is
# very sensitive to that lean - an upright W leaning by 0.1 is read as M with 0.9 confidence - so each strip is
# sheared back until its strokes stand upright. Shears are tried in steps of 0.05 (~3 degrees) up to 0.4.
SHEARS = np.arange(-0.4, 0.401, 0.05)
SLANT_SEGMENTS = 3  # the lean is measured on each third of the row and interpolated linearly along it
MIN_SHEAR = 0.04  # below one step everywhere, the strip is left as cut (flatbed scans)


def _shear_profile(ink: np.ndarray) -> np.ndarray:
    """For every candidate shear, how sharply the ink piles up in columns (sum of squared column sums):
    upright strokes give tall, narrow peaks in the column profile; leaning ones smear it out."""
    h, w = ink.shape
    out = np.empty(len(SHEARS))
    for k, sh in enumerate(SHEARS):
        m = np.float32([[1, sh, -sh * h / 2], [0, 1, 0]])
        col = cv2.warpAffine(ink, m, (w, h)).sum(axis=0)
        out[k] = float(np.dot(col, col))
    return out


def _unslant(strip: np.ndarray) -> np.ndarray:
    """The strip with its glyphs' lean removed (a shear that varies linearly along the row)."""
    h, w = strip.shape
    if w < 3 * SLANT_SEGMENTS * h // 4:
        return strip
    ink = 255.0 - strip.astype(np.float32)
    # Only the ink counts: the paper and its uneven light would pile up in every column alike.
    ink = np.clip(ink - np.percentile(ink, 60), 0, None)
    xs, ys = [], []
    for k in range(SLANT_SEGMENTS):
        a, b = k * w // SLANT_SEGMENTS, (k + 1) * w // SLANT_SEGMENTS
        xs.append((a + b) / 2)
        ys.append(float(SHEARS[int(np.argmax(_shear_profile(ink[:, a:b])))]))
    if max(abs(y) for y in ys) < MIN_SHEAR:
        return strip
    slope, intercept = np.polyfit(xs, ys, 1)
    u = np.arange(w, dtype=np.float32)
    v = np.arange(h, dtype=np.float32)
    shear_at = (intercept + slope * u).astype(np.float32)
    # Inverse map: output pixel (u, v) comes from (u - shear(u) * (v - h/2), v) of the cut strip.
    map_x = (u[None, :] - shear_at[None, :] * (v[:, None] - h / 2)).astype(np.float32)
    map_y = np.repeat(v[:, None], w, axis=1)
    return cv2.remap(strip, map_x, map_y, cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def _prepare(strip: np.ndarray, variant: Variant) -> np.ndarray:
    if variant.mode == "gray":
        return _stretch(strip)
    if variant.mode == "contrast":
        clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(1, 8))
        out = clahe.apply(strip)
        blur = cv2.GaussianBlur(out, (0, 0), 1.0)
        return _stretch(cv2.addWeighted(out, 1.6, blur, -0.6, 0))
    if variant.mode == "binary":
        blur = cv2.GaussianBlur(strip, (3, 3), 0)
        block = max(15, (strip.shape[0] | 1))
        return cv2.adaptiveThreshold(blur, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 12)
    raise ValueError(f"unknown variant mode {variant.mode}")


def _stretch(strip: np.ndarray) -> np.ndarray:
    """Stretch contrast between the ink and the paper (light grey print, uneven light)."""
    lo, hi = np.percentile(strip, (2, 98))
    if hi - lo < 8:
        return strip
    out = (strip.astype(np.float32) - lo) * (255.0 / (hi - lo))
    return np.clip(out, 0, 255).astype(np.uint8)
