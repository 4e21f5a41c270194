"""Cut one straight strip per located MRZ row: for the trained recognizer (`cut_line`: a generous band
normalised by `lines.normalize_strip`, the way its training strips were made) and for Tesseract, the second
opinion (`cut_strip`, in a few preprocessing variants).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from hotel_desk.recognition.lines import normalize_strip
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


# The recognizer's cut: the row plus this much (in row heights) along and across it. Across, enough for
# normalize_strip to find the text band again when the locator's row is off-centre or too thin.
LINE_PAD_ALONG = 0.8
LINE_PAD_ACROSS = 1.1
LINE_CUT_HEIGHT = 28.0  # large text is cut at about this row height (normalize_strip resamples it again)


def _warp(gray: np.ndarray, row: TextRow, flip: bool, s: float, pad_x: float, pad_y: float) -> np.ndarray:
    d = row.direction
    n = row.normal
    if flip:
        d, n = -d, -n
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
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR
    return cv2.warpAffine(
        gray, matrix, (width, height), flags=cv2.WARP_INVERSE_MAP | interp, borderMode=cv2.BORDER_REPLICATE
    )


def cut_line(gray: np.ndarray, row: TextRow, *, flip: bool) -> np.ndarray:
    """The row as the recognizer's input: STRIP_HEIGHT x W float32 in 0..1, reading left to right."""
    s = min(1.0, LINE_CUT_HEIGHT / max(row.height, 1.0))
    cut = _warp(gray, row, flip, s, LINE_PAD_ALONG * row.height, LINE_PAD_ACROSS * row.height)
    return normalize_strip(cut, row.height * s)


def frame_offset(row: TextRow, frames: int, t: float) -> float:
    """Where frame `t` of the row's recognizer strip (`frames` long, from `cut_line`) lies along the reading
    direction, in image pixels from the row's centre: the strip is the row plus LINE_PAD_ALONG row heights
    each side, resampled evenly along the row."""
    return ((t + 0.5) / frames - 0.5) * (row.length + 2 * LINE_PAD_ALONG * row.height)


def offset_frame(row: TextRow, frames: int, offset: float) -> float:
    """The inverse of `frame_offset`: the frame of the row's strip at `offset` image pixels from its centre."""
    return (offset / (row.length + 2 * LINE_PAD_ALONG * row.height) + 0.5) * frames - 0.5


def cut_strip(gray: np.ndarray, row: TextRow, *, flip: bool, variant: Variant) -> Strip:
    """The row as a horizontal strip, reading left to right (flip=True turns it 180 degrees)."""
    s = variant.char_px / max(row.height, 1.0)
    pad_x = PAD_ALONG * row.height
    pad_y = PAD_ACROSS * row.height
    strip = _warp(gray, row, flip, s, pad_x, pad_y)
    height = strip.shape[0]
    # Neighbouring MRZ rows sit close above and below; Tesseract's single-line mode trips over their
    # cut-off tops, so everything outside the row's own band is painted paper-white.
    band = round((PAD_ACROSS - CLEAR_ACROSS) * row.height * s)
    if band > 0:
        paper = np.uint8(np.percentile(strip, 90))
        strip[:band, :] = paper
        strip[height - band :, :] = paper
    strip = _prepare(strip, variant)
    return Strip(strip, text_start=pad_x * s, text_end=(pad_x + row.length) * s)


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
