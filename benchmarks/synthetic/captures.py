"""More ways a document reaches the desk, beyond scans and camera photos (conditions for `generate`):

- `plain`: a plain page without security print (some passports, many specimens);
- `reader`: a passport reader's capture of the page alone, under white, infrared (the page's dyes vanish,
  the carbon print stays) or ultraviolet light (a dark page, the MRZ dark on dark);
- `inverted`: a scan stored as a negative (light print on a dark ground);
- `sticker`: a visa sticker (MRV-B) stuck on a passport page with its own print around it;
- `watermark`: a stock photo with a repeated diagonal watermark across it, the MRZ included;
- `hand`: a card held in a hand in front of the camera, fingers over its edge.
"""

from __future__ import annotations

import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from benchmarks.synthetic.documents import MM, _camera, _encode, _font, _guilloche, _on_scanner

CAPTURES = ("plain", "reader", "inverted", "sticker", "watermark", "hand")


def _reader(doc: Image.Image, rng: random.Random) -> Image.Image:
    gray = np.asarray(doc.convert("L"), np.float32)
    light = rng.choice(("white", "ir", "uv"))
    if light == "ir":
        # Only dark (carbon) print absorbs infrared: everything lighter turns one flat grey.
        level = rng.uniform(175, 225)
        out: np.ndarray = np.where(gray < 110, gray * 0.6, level) + np.random.default_rng(rng.randint(0, 2**31)).normal(
            0, 4, gray.shape
        )
        out = cv2.GaussianBlur(out.astype(np.float32), (0, 0), 0.8)
    elif light == "uv":
        # A dark page; fluorescent fibres glow; the print stays a little darker than the page.
        out = 35 + 0.18 * gray
        fibres = np.random.default_rng(rng.randint(0, 2**31)).random(gray.shape) > 0.9993
        glow = cv2.GaussianBlur(fibres.astype(np.float32) * 255, (0, 0), 3) * 8
        out = out + np.clip(glow, 0, 120)
    else:
        out = cv2.GaussianBlur(gray, (0, 0), 0.6)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _sticker(doc: Image.Image, rng: random.Random) -> Image.Image:
    """The visa on a larger passport page, a little crooked, the page's own print around it."""
    w, h = round(125 * MM), round(88 * MM)
    page = _guilloche(w, h, rng)
    d = ImageDraw.Draw(page)
    font = _font("sans", round(2.6 * MM))
    for k in range(3):
        d.text((round(6 * MM), round((3 + 4 * k) * MM)), "VISAS / VISAS / VISADOS", fill=(60, 60, 90), font=font)
    angle = rng.uniform(-2, 2)
    visa = doc.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", doc.size, 255).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)
    x = rng.randint(round(3 * MM), max(round(3 * MM), w - visa.width - round(3 * MM)))
    y = rng.randint(round(12 * MM), max(round(12 * MM), h - visa.height - round(2 * MM)))
    page.paste(visa, (x, y), mask)
    return page


def _watermark(page: Image.Image, rng: random.Random) -> Image.Image:
    layer = Image.new("L", page.size, 0)
    d = ImageDraw.Draw(layer)
    font = _font("sans", round(rng.uniform(7, 12) * MM))
    word = rng.choice(("SPECIMEN", "SAMPLE", "stock photo", "PREVIEW"))
    step_x, step_y = round(55 * MM), round(22 * MM)
    for y in range(-page.height, 2 * page.height, step_y):
        for x in range(-page.width, 2 * page.width, step_x):
            d.text((x + (y // step_y % 2) * step_x // 2, y), word, fill=255, font=font)
    layer = layer.rotate(rng.uniform(20, 40), resample=Image.Resampling.BICUBIC)
    alpha = np.asarray(layer, np.float32)[..., None] / 255.0 * rng.uniform(0.25, 0.45)
    tone = 255.0 if rng.random() < 0.6 else 90.0  # white or grey watermark print
    arr = np.asarray(page.convert("RGB"), np.float32)
    return Image.fromarray(np.clip(arr * (1 - alpha) + tone * alpha, 0, 255).astype(np.uint8))


def _hand(doc: Image.Image, rng: random.Random) -> Image.Image:
    """Fingers and a thumb over the card's edges, away from the MRZ band at the bottom, then the camera."""
    img = doc.copy()
    d = ImageDraw.Draw(img)
    w, h = img.size
    skin = (rng.randint(150, 230), rng.randint(110, 180), rng.randint(90, 150))
    side = rng.choice((0, 1))
    x = -0.05 * w if side == 0 else 0.93 * w
    for k in range(rng.randint(2, 4)):
        y = h * (0.08 + 0.13 * k)
        d.ellipse([x, y, x + 0.12 * w, y + 0.1 * h], fill=skin)
    d.ellipse([w * rng.uniform(0.3, 0.6), -0.08 * h, w * rng.uniform(0.65, 0.8), 0.12 * h], fill=skin)
    return img


def apply_capture(doc: Image.Image, condition: str, rng: random.Random) -> bytes:
    if condition == "plain":
        return _encode(_on_scanner(doc, rng, rng.uniform(-2, 2)), "JPEG", rng.randint(70, 92))
    if condition == "reader":
        return _encode(_reader(doc, rng), "JPEG", rng.randint(80, 95))
    if condition == "inverted":
        page = _on_scanner(doc, rng, rng.uniform(-2, 2))
        return _encode(Image.fromarray(255 - np.asarray(page)), "PNG")
    if condition == "sticker":
        return _encode(_on_scanner(_sticker(doc, rng), rng, rng.uniform(-2, 2)), "JPEG", rng.randint(70, 90))
    if condition == "watermark":
        small = doc.resize((round(doc.width * 0.45), round(doc.height * 0.45)), Image.Resampling.LANCZOS)
        return _encode(_watermark(small, rng), "JPEG", rng.randint(70, 90))
    if condition == "hand":
        return _encode(_camera(_hand(doc, rng), rng), "JPEG", rng.randint(70, 88))
    raise ValueError(condition)
