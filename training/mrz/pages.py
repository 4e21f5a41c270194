"""Whole document pages in the HOLD-OUT style, for the benchmark's hold-out rows.

The training never sees these knobs: the MRZ is set in OCR-B "Sharp" on a halftone-dot or cross-hatched
ground, pages go through their own scanner and camera simulations (pixelating resamplers, salt-and-pepper
noise). `generate(condition, n, seed)` gives the same images for the same seed; conditions: holdout_scan,
holdout_rotated, holdout_camera.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from training.mrz.render import DESIGN, FONT_FILES, HOLDOUT, _glyphs, _ground, _line_mask
from training.mrz.text import WIDTH, zone

CONDITIONS = ("holdout_scan", "holdout_rotated", "holdout_camera")
DPI = 300
MM = DPI / 25.4
SIZES = {"td3": (125.0, 88.0), "td1": (85.6, 54.0), "td2": (105.0, 74.0), "mrva": (120.0, 80.0), "mrvb": (105.0, 74.0)}
FORMATS = {"td3": 0.4, "td1": 0.3, "td2": 0.1, "mrva": 0.1, "mrvb": 0.1}


@dataclass(frozen=True)
class Page:
    name: str
    condition: str
    lines: tuple[str, ...]
    image: bytes


def _page(fmt: str, lines: tuple[str, ...], rng: random.Random) -> np.ndarray:
    """The document at 300 dpi, grayscale float 0..1."""
    wmm, hmm = SIZES[fmt]
    w, h = round(wmm * MM), round(hmm * MM)
    pitch = 2.54 * MM
    char_h = pitch * rng.uniform(0.85, 1.0)
    ground = _ground(rng.choice(list(HOLDOUT.grounds)), (h, w), char_h, rng)
    pil = Image.fromarray(np.zeros((h, w), np.uint8))
    d = ImageDraw.Draw(pil)
    sans_path = Path(FONT_FILES["dejavu_mono"].replace("SansMono", "Sans"))
    size = round(2.4 * MM)
    # The page's own print is decoration: any font will do when DejaVu is not installed.
    sans = ImageFont.truetype(str(sans_path), size) if sans_path.is_file() else ImageFont.load_default(size)
    d.rectangle([round(4 * MM), round(8 * MM), round(4 * MM + w * 0.25), round(h * 0.55)], fill=90)
    y = round(8 * MM)
    for _ in range(6):
        word = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ ") for _ in range(rng.randint(6, 18)))
        d.text((round(8 * MM + w * 0.25), y), word, fill=200, font=sans)
        y += round(5.5 * MM)
        if y > h * 0.6:
            break
    text_mask = np.asarray(pil, np.float32) / 255.0
    img = ground * (1 - text_mask) + 0.15 * text_mask
    # The MRZ: fixed pitch 2.54 mm, lines 4.23 mm apart, in the clear band at the bottom.
    style = {"spacing": 1.0, "glyph_width": 1.0, "jitter": 0.0, "weight": rng.choice((0, 0, 1))}
    font = next(iter(HOLDOUT.fonts))
    scale = char_h / DESIGN
    top = h - round((len(lines) * 4.23 + 3.5) * MM)
    left = (w - WIDTH[fmt] * pitch) / 2
    design_pitch = _glyphs(font)["H"].shape[1] - 8  # _line_mask's pitch at spacing 1.0
    sx = pitch / design_pitch
    for k, line in enumerate(lines):
        mask = _line_mask(line, font, rng, style)
        small = cv2.resize(
            mask, (round(mask.shape[1] * sx), round(mask.shape[0] * scale)), interpolation=cv2.INTER_AREA
        )
        y0 = round(top + k * 4.23 * MM - (4 + 0.3 * DESIGN) * scale)
        x0 = round(left - 8 * sx)
        region = img[y0 : y0 + small.shape[0], x0 : x0 + small.shape[1]]
        small = small[: region.shape[0], : region.shape[1]]
        img[y0 : y0 + small.shape[0], x0 : x0 + small.shape[1]] = region * (1 - small) + 0.08 * small
    return np.clip(img, 0, 1)


def _pixelate(img: np.ndarray, factor: float) -> np.ndarray:
    h, w = img.shape[:2]
    small = cv2.resize(img, (max(8, int(w / factor)), max(8, int(h / factor))), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)


def _salt_pepper(img: np.ndarray, amount: float, g: np.random.Generator) -> np.ndarray:
    r = g.random(img.shape)
    out = img.copy()
    out[r < amount / 2] = 0
    out[r > 1 - amount / 2] = 255
    return out


def _scan(page: np.ndarray, angle: float, rng: random.Random) -> np.ndarray:
    margin = round(rng.uniform(4, 15) * MM)
    bed = np.full((page.shape[0] + 2 * margin, page.shape[1] + 2 * margin), 250, np.uint8)
    bed[margin:-margin, margin:-margin] = (page * 255).astype(np.uint8)
    h, w = bed.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(bed, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=250)


def _camera(page: np.ndarray, rng: random.Random) -> np.ndarray:
    g = np.random.default_rng(rng.randint(0, 2**31))
    out_w, out_h = rng.choice(((1280, 960), (1600, 1200), (1920, 1080)))
    desk = cv2.resize(g.random((out_h // 16, out_w // 16)).astype(np.float32), (out_w, out_h))
    canvas = (rng.uniform(40, 160) + desk * 40).astype(np.float32)
    h, w = page.shape
    fill = rng.uniform(0.5, 0.85)
    s = fill * out_w / w
    rot = math.radians(rng.uniform(-15, 15))
    pts = []
    for ux, uy in ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)):
        x = ux * w * s * (1 + rng.uniform(-0.07, 0.07))
        y = uy * h * s * (1 + rng.uniform(-0.07, 0.07))
        pts.append((x * math.cos(rot) - y * math.sin(rot), x * math.sin(rot) + y * math.cos(rot)))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    shrink = min(1.0, 0.94 * out_w / (max(xs) - min(xs)), 0.94 * out_h / (max(ys) - min(ys)))
    pts = [(x * shrink, y * shrink) for x, y in pts]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    cx = rng.uniform(-min(xs) + 0.03 * out_w, out_w - max(xs) - 0.03 * out_w)
    cy = rng.uniform(-min(ys) + 0.03 * out_h, out_h - max(ys) - 0.03 * out_h)
    dst = np.array([(cx + x, cy + y) for x, y in pts], dtype=np.float32)
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page * 255, m, (out_w, out_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones_like(page), m, (out_w, out_h)) > 0.5
    canvas[mask] = warped[mask]
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    light = 0.8 + 0.3 * np.cos(xx / out_w * rng.uniform(1, 3) + rng.uniform(0, 6)) * np.cos(yy / out_h * 2)
    canvas = canvas * light
    canvas = cv2.GaussianBlur(canvas, (0, 0), rng.uniform(0.6, 1.5))
    canvas = canvas + g.normal(0, rng.uniform(2, 6), canvas.shape)
    return np.clip(canvas, 0, 255).astype(np.uint8)


def _encode(img: np.ndarray, quality: int | None) -> bytes:
    buf = io.BytesIO()
    pil = Image.fromarray(img)
    if quality is None:
        pil.save(buf, "PNG", compress_level=1)
    else:
        pil.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def generate(condition: str, count: int, seed: int = 1) -> list[Page]:
    rng = random.Random(f"holdout-page:{seed}:{condition}")
    out = []
    for i in range(count):
        fmt = rng.choices(list(FORMATS), list(FORMATS.values()))[0]
        lines = zone(fmt, rng)
        page = _page(fmt, lines, rng)
        g = np.random.default_rng(rng.randint(0, 2**31))
        if condition == "holdout_scan":
            img = _scan(page, rng.uniform(-3, 3), rng)
            if rng.random() < 0.5:
                img = _pixelate(img, rng.uniform(1.2, 1.6))
            img = _salt_pepper(img, rng.uniform(0.0, 0.004), g)
            data = _encode(img, rng.choice((None, 60, 80)))
        elif condition == "holdout_rotated":
            img = _scan(page, rng.choice((90, 180, 270)) + rng.uniform(-6, 6), rng)
            data = _encode(_salt_pepper(img, 0.002, g), 75)
        elif condition == "holdout_camera":
            data = _encode(_camera(page, rng), rng.randint(60, 85))
        else:
            raise ValueError(f"unknown hold-out condition {condition!r}; known: {', '.join(CONDITIONS)}")
        out.append(Page(f"{condition}-{i:03d}-{fmt}", condition, tuple(lines), data))
    return out
