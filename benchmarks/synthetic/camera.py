"""A passport page as a desk camera sees it: a light page on a dark desk, the MRZ in OCR-B near its bottom.

Shared by the camera benchmark and the camera tests, so both look at the same scene. `mrz_width` is the
zone's width as a fraction of the frame (small = document held far away); `None` lines = an empty desk.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from benchmarks.synthetic.documents import _font

DESK = (60, 55, 50)
PAGE = (236, 232, 222)
PHOTO = (170, 160, 150)
INK = (20, 20, 20)


def camera_scene(
    lines: tuple[str, ...] | None, *, size: tuple[int, int] = (1280, 720), mrz_width: float = 0.5
) -> np.ndarray:
    """An RGB frame of the scene. Raises RuntimeError naming the package when the OCR-B font is missing."""
    w, h = size
    img = Image.new("RGB", size, DESK)
    if lines is None:
        return np.asarray(img)
    zone_w = int(w * mrz_width)
    probe = _font("ocrb", 40)
    font_size = max(8, int(40 * zone_w / probe.getlength(lines[0])))
    font = _font("ocrb", font_size)
    line_h = int(font_size * 1.35)
    page_w = int(zone_w * 1.12)
    page_h = min(int(page_w * 0.7), int(h * 0.94))
    left, top = (w - page_w) // 2, (h - page_h) // 2
    draw = ImageDraw.Draw(img)
    draw.rectangle([left, top, left + page_w, top + page_h], fill=PAGE)
    draw.rectangle([left + page_w * 0.05, top + page_h * 0.08, left + page_w * 0.3, top + page_h * 0.5], fill=PHOTO)
    y = top + page_h - line_h * len(lines) - int(page_h * 0.05)
    x = left + (page_w - zone_w) // 2
    for line in lines:
        draw.text((x, y), line, font=font, fill=INK)
        y += line_h
    return np.asarray(img)
