"""MRZ line strips for training, drawn far more variously than any one document generator draws them.

A sample is one MRZ line with its neighbours, printed (fonts, sizes 6-40 px, stroke weights, spacings, ink
spread, laser, inkjet, worn print) on a ground (paper, guilloche, security lines, holograms, laminate glare,
IR and UV reader looks, inverted captures, microtext), distorted (tilt, lean, keystone, bending), degraded
(blur, motion, noise, JPEG, low resolution) and cut the way the app cuts a located row (a generous band,
off-centre by a little), then normalised by the app's own `normalize_strip`.

Two families of knobs: TRAIN for training, HOLDOUT for the hold-out evaluation. The hold-out uses a font
(OCR-B "Sharp"), two grounds (halftone dot screens, cross-hatching) and two degradations (pixelation by
nearest-neighbour resampling, salt-and-pepper noise) that TRAIN never draws.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from hotel_desk.recognition.lines import normalize_strip
from training.mrz.text import ALPHABET, sample_zone

FONT_FILES = {
    "ocrb": "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
    "ocrb_oblique": "/usr/share/fonts/opentype/ocr-b/OCRBL.otf",
    "ocrb_sharp": "/usr/share/fonts/opentype/ocr-b/OCRBS.otf",
    "dejavu_mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "dejavu_mono_bold": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "liberation_mono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "liberation_mono_bold": "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
    "freemono_bold": "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
}
DESIGN = 48  # glyph masks are drawn with a cap height of this many pixels, then scaled


@dataclass(frozen=True)
class Family:
    name: str
    fonts: dict[str, float]
    grounds: dict[str, float]
    pixelate: bool  # hold-out degradations
    salt_pepper: bool


TRAIN = Family(
    "train",
    fonts={
        "ocrb": 0.72,
        "ocrb_oblique": 0.04,
        "dejavu_mono": 0.05,
        "dejavu_mono_bold": 0.04,
        "liberation_mono": 0.05,
        "liberation_mono_bold": 0.04,
        "freemono_bold": 0.06,
    },
    grounds={
        "paper": 0.2,
        "guilloche": 0.22,
        "security_lines": 0.12,
        "hologram": 0.1,
        "microtext": 0.08,
        "ir": 0.1,
        "uv": 0.08,
        "photo": 0.1,
    },
    pixelate=False,
    salt_pepper=False,
)
HOLDOUT = Family(
    "holdout",
    fonts={"ocrb_sharp": 1.0},
    grounds={"halftone": 0.5, "hatch": 0.5},
    pixelate=True,
    salt_pepper=True,
)


def available_fonts(family: Family) -> dict[str, float]:
    found = {k: v for k, v in family.fonts.items() if Path(FONT_FILES[k]).is_file()}
    if not found:
        raise RuntimeError(
            f"no font of the {family.name} family is installed: install Debian's fonts-ocr-b "
            "(and fonts-dejavu, fonts-liberation, fonts-freefont-ttf for the training variety)"
        )
    return found


@lru_cache(maxsize=16)
def _glyphs(font: str) -> dict[str, np.ndarray]:
    """Each MRZ character as a uint8 mask whose cell is one pitch wide and DESIGN px cap height tall
    (plus room above and below), the glyph centred in its cell as the font places it."""
    probe = ImageFont.truetype(FONT_FILES[font], 100)
    cap = probe.getbbox("H")
    size = max(8, round(100 * DESIGN / max(1, cap[3] - cap[1])))
    f = ImageFont.truetype(FONT_FILES[font], size)
    advance = f.getlength("H")
    top = f.getbbox("H")[1]
    cell_w = math.ceil(advance)
    out = {}
    for ch in ALPHABET:
        img = Image.new("L", (cell_w + 8, int(DESIGN * 1.6)), 0)
        ImageDraw.Draw(img).text((4, int(DESIGN * 0.3) - top), ch, fill=255, font=f)
        out[ch] = np.asarray(img)
    return out


def _line_mask(text: str, font: str, rng: random.Random, style: dict[str, float]) -> np.ndarray:
    """The line's ink as a float mask at design resolution: fixed pitch (with jitter), glyph width and
    weight varied."""
    glyphs = _glyphs(font)
    cell_h, cell_w = glyphs["H"].shape
    pitch = (cell_w - 8) * style["spacing"]
    width = int(pitch * len(text) + cell_w + 16)
    mask = np.zeros((cell_h + 8, width), np.uint8)
    gw = style["glyph_width"]
    x = 8.0
    for ch in text:
        g = glyphs[ch]
        if abs(gw - 1.0) > 0.02:
            g = cv2.resize(g, (max(4, round(g.shape[1] * gw)), g.shape[0]), interpolation=cv2.INTER_AREA)
        jx = rng.gauss(0, style["jitter"] * pitch)
        jy = rng.gauss(0, style["jitter"] * DESIGN * 0.6)
        cx = round(x + pitch / 2 + jx - g.shape[1] / 2)
        cy = round(4 + jy)
        cx = min(max(cx, 0), width - g.shape[1])
        cy = min(max(cy, 0), mask.shape[0] - g.shape[0])
        region = mask[cy : cy + g.shape[0], cx : cx + g.shape[1]]
        np.maximum(region, g, out=region)
        x += pitch
    weight = style["weight"]
    if abs(weight) >= 1:
        k = int(abs(weight)) * 2 + 1
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
        mask = cv2.dilate(mask, kernel) if weight > 0 else cv2.erode(mask, kernel)
    return mask.astype(np.float32) / 255.0


def _noise_field(shape: tuple[int, int], cell: float, rng: random.Random) -> np.ndarray:
    """Smooth random field in 0..1 (value noise: a coarse grid enlarged)."""
    h, w = shape
    g = np.random.default_rng(rng.randint(0, 2**31))
    small = g.random((max(2, int(h / cell) + 2), max(2, int(w / cell) + 2))).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC).clip(0, 1)


def _ground(kind: str, shape: tuple[int, int], char_h: float, rng: random.Random) -> np.ndarray:
    """The ground under the print, float 0..1 (1 = white paper)."""
    h, w = shape
    g = np.random.default_rng(rng.randint(0, 2**31))
    base = rng.uniform(0.72, 1.0)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = base - rng.uniform(0, 0.15) * _noise_field(shape, rng.uniform(3, 12) * char_h, rng)
    if kind == "paper":
        img = img - g.normal(0, rng.uniform(0, 0.02), shape).astype(np.float32)
    elif kind == "guilloche":
        for _ in range(rng.randint(1, 4)):
            f1 = rng.uniform(0.4, 2.0) / char_h
            f2 = rng.uniform(0.05, 0.4) / char_h
            amp = rng.uniform(0.5, 3.0) * char_h
            phase = np.sin(xx * f2 + rng.uniform(0, 6.3)) * amp
            lines = np.abs(np.sin((yy + phase) * f1 + xx * rng.uniform(-0.3, 0.3) * f1))
            thin = rng.uniform(0.02, 0.25)
            img = img - rng.uniform(0.05, 0.35) * (lines < thin)
    elif kind == "security_lines":
        ang = rng.uniform(0, math.pi)
        period = rng.uniform(0.12, 0.5) * char_h
        wave = np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * 2 * math.pi / period)
        img = img - rng.uniform(0.05, 0.3) * (wave > rng.uniform(0.3, 0.9))
    elif kind == "hologram":
        bands = np.sin(xx / (rng.uniform(2, 10) * char_h) + yy / (rng.uniform(2, 10) * char_h) * 3)
        img = img + rng.uniform(0.05, 0.3) * bands * _noise_field(shape, 2 * char_h, rng)
        spots = _noise_field(shape, rng.uniform(0.5, 2) * char_h, rng)
        img = img - rng.uniform(0, 0.25) * (spots > 0.7)
    elif kind == "microtext":
        pil = Image.fromarray(np.zeros(shape, np.uint8))
        d = ImageDraw.Draw(pil)
        size = max(5, int(char_h * rng.uniform(0.25, 0.45)))
        font = ImageFont.truetype(FONT_FILES["dejavu_mono"], size)
        word = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(8)) + " "
        for y in range(0, h, int(size * rng.uniform(1.1, 2.0))):
            d.text((-rng.randint(0, 30), y), word * (w // (size * 4) + 2), fill=255, font=font)
        img = img - rng.uniform(0.05, 0.25) * np.asarray(pil, np.float32) / 255.0
    elif kind == "ir":
        # A reader's infrared image: the dyes of the page vanish, the carbon print of the MRZ stays.
        img = np.full(shape, rng.uniform(0.6, 0.95), np.float32) - 0.05 * _noise_field(shape, 6 * char_h, rng)
    elif kind == "uv":
        # Ultraviolet: a dark page with fluorescent fibres and patterns; the MRZ is dark on dark.
        img = np.full(shape, rng.uniform(0.12, 0.4), np.float32)
        fib = (_noise_field(shape, rng.uniform(0.3, 1.5) * char_h, rng) > rng.uniform(0.75, 0.9)).astype(
            np.float32
        )
        img = img + rng.uniform(0.2, 0.6) * fib
    elif kind == "photo":
        # A portrait or ghost image bleeding under the line.
        img = img - rng.uniform(0.08, 0.3) * _noise_field(shape, rng.uniform(1, 4) * char_h, rng)
    elif kind == "halftone":
        period = rng.uniform(0.15, 0.4) * char_h
        dots = np.sin(xx * 2 * math.pi / period) * np.sin(yy * 2 * math.pi / period)
        img = img - rng.uniform(0.1, 0.3) * (dots > rng.uniform(0.2, 0.7))
    elif kind == "hatch":
        period = rng.uniform(0.2, 0.6) * char_h
        a = np.abs(np.sin((xx + yy) * math.pi / period))
        b = np.abs(np.sin((xx - yy) * math.pi / period))
        img = img - rng.uniform(0.08, 0.3) * ((a < 0.2) | (b < 0.2))
    else:
        raise ValueError(kind)
    return img.astype(np.float32)


def _printer(mask: np.ndarray, char_h: float, rng: random.Random) -> np.ndarray:
    """How the print looks: ink spread, laser-crisp, inkjet dots, worn."""
    kind = rng.choices(("plain", "spread", "laser", "inkjet", "worn"), (0.35, 0.2, 0.15, 0.15, 0.15))[0]
    if kind == "spread":
        mask = cv2.GaussianBlur(mask, (0, 0), max(0.3, rng.uniform(0.03, 0.08) * char_h))
        t = rng.uniform(0.15, 0.4)
        mask = np.clip((mask - t) / max(0.05, 1 - 2 * t), 0, 1)
    elif kind == "laser":
        mask = np.clip((mask - 0.5) * 3 + 0.5, 0, 1)
    elif kind == "inkjet":
        g = np.random.default_rng(rng.randint(0, 2**31))
        dots: np.ndarray = (g.random(mask.shape) < rng.uniform(0.5, 0.9)).astype(np.float32)
        dots = cv2.GaussianBlur(dots, (0, 0), max(0.4, 0.03 * char_h))
        mask = mask * np.clip(dots * 1.5, 0, 1)
    elif kind == "worn":
        wear = _noise_field(mask.shape, rng.uniform(0.15, 0.6) * char_h, rng)
        mask = mask * np.clip((wear - rng.uniform(0.05, 0.35)) * 3, 0.15, 1)
    return mask


def _distort(img: np.ndarray, char_h: float, rng: random.Random) -> np.ndarray:
    """Tilt, lean (shear varying along the row under keystone), keystone scale change, page bend."""
    h, w = img.shape
    tilt = math.radians(rng.gauss(0, 1.0))
    lean0 = rng.gauss(0, 0.1) if rng.random() < 0.6 else 0.0
    lean1 = lean0 + (rng.gauss(0, 0.08) if rng.random() < 0.4 else 0.0)
    bend = rng.gauss(0, 0.6) * char_h if rng.random() < 0.3 else 0.0
    zoom = rng.uniform(-0.12, 0.12) if rng.random() < 0.3 else 0.0
    if max(abs(tilt), abs(lean0), abs(lean1), abs(bend), abs(zoom)) < 1e-3:
        return img
    u = np.arange(w, dtype=np.float32)[None, :]
    v = np.arange(h, dtype=np.float32)[:, None]
    t = u / max(1, w - 1)
    cy = h / 2
    lean = lean0 + (lean1 - lean0) * t
    scale = 1.0 + zoom * (t - 0.5)
    dy = (v - cy) / scale
    map_x = u + lean * dy + (v - cy) * math.sin(tilt)
    map_y = cy + dy + (u - w / 2) * math.sin(tilt) * -1 + bend * (2 * t - 1) ** 2
    return cv2.remap(
        img, map_x.astype(np.float32), map_y.astype(np.float32), cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )


def _degrade(img: np.ndarray, char_h: float, family: Family, rng: random.Random) -> np.ndarray:
    g = np.random.default_rng(rng.randint(0, 2**31))
    if rng.random() < 0.35:
        # Uneven light along the row, a laminate's glare patch.
        img = img * (1 - rng.uniform(0, 0.35) * _noise_field(img.shape, rng.uniform(4, 20) * char_h, rng))
    if rng.random() < 0.12:
        glare = _noise_field(img.shape, rng.uniform(2, 8) * char_h, rng)
        glare = np.clip((glare - 0.55) * 3, 0, 1) * rng.uniform(0.3, 0.85)
        img = img + glare * (1 - img)
    if rng.random() < 0.7:
        sigma = rng.uniform(0.0, 0.09) * char_h
        if sigma > 0.25:
            img = cv2.GaussianBlur(img, (0, 0), sigma)
    if rng.random() < 0.15:
        k = max(3, int(rng.uniform(0.1, 0.3) * char_h))
        kernel = np.zeros((k, k), np.float32)
        a = rng.uniform(0, math.pi)
        c = (k - 1) / 2
        cv2.line(
            kernel,
            (round(c - c * math.cos(a)), round(c - c * math.sin(a))),
            (round(c + c * math.cos(a)), round(c + c * math.sin(a))),
            1.0,
            1,
        )
        img = cv2.filter2D(img, -1, kernel / kernel.sum())
    if rng.random() < 0.3:
        f = rng.uniform(1.2, 2.2)
        h, w = img.shape
        small = cv2.resize(img, (max(4, int(w / f)), max(4, int(h / f))), interpolation=cv2.INTER_AREA)
        interp = cv2.INTER_NEAREST if family.pixelate and rng.random() < 0.7 else cv2.INTER_LINEAR
        img = cv2.resize(small, (w, h), interpolation=interp)
    if rng.random() < 0.6:
        img = img + g.normal(0, rng.uniform(0.005, 0.07), img.shape).astype(np.float32)
    if family.salt_pepper and rng.random() < 0.5:
        sp = g.random(img.shape)
        amount = rng.uniform(0.003, 0.03)
        img = np.where(sp < amount / 2, 0.0, np.where(sp > 1 - amount / 2, 1.0, img)).astype(np.float32)
    lo, hi = rng.uniform(0.0, 0.15), rng.uniform(0.85, 1.0)
    img = lo + (hi - lo) * np.clip(img, 0, 1)
    gamma = rng.uniform(0.7, 1.4)
    out = (np.clip(img, 0, 1) ** gamma * 255).astype(np.uint8)
    if rng.random() < 0.5:
        ok, enc = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(15, 92)])
        if ok:
            out = cv2.imdecode(enc, cv2.IMREAD_GRAYSCALE)
    return out


@dataclass(frozen=True)
class LineSample:
    text: str
    strip: np.ndarray  # uint8, STRIP_HEIGHT x W, as normalize_strip gives it (times 255)


def render_line(zone: tuple[str, ...], index: int, family: Family, rng: random.Random) -> LineSample:
    """Line `index` of `zone`, drawn with its neighbours in one random style of `family`, cut and normalised
    the way the app does it."""
    fonts = available_fonts(family)
    font = rng.choices(list(fonts), list(fonts.values()))[0]
    # Character height at the source resolution, 6-40 px, log-uniform (small web images to close-ups).
    char_h = math.exp(rng.uniform(math.log(6.0), math.log(40.0)))
    style = {
        "spacing": rng.uniform(0.92, 1.1),
        "glyph_width": rng.uniform(0.86, 1.1),
        "jitter": rng.choice((0.0, 0.0, 0.01, 0.025)),
        "weight": rng.choice((-2, -1, 0, 0, 0, 1, 1, 2, 3)),
    }
    text = zone[index]
    masks = [_line_mask(line, font, rng, style) for line in zone]
    scale = char_h / DESIGN
    # Line spacing: ICAO prints lines 4.23 mm apart for 2.54 mm pitch; documents vary.
    spacing = rng.uniform(1.45, 1.9) * DESIGN
    mh, mw = masks[0].shape
    pad_x = int(rng.uniform(1.5, 3.0) * DESIGN)
    canvas_h = int(spacing * (len(zone) - 1) + mh + 2 * DESIGN)
    canvas = np.zeros((canvas_h, mw + 2 * pad_x), np.float32)
    tops = [int(DESIGN + k * spacing) for k in range(len(zone))]
    for k, m in enumerate(masks):
        if k != index and rng.random() < 0.1:
            continue  # a neighbour the cut leaves out (end of the zone, faint)
        canvas[tops[k] : tops[k] + mh, pad_x : pad_x + mw] = np.maximum(
            canvas[tops[k] : tops[k] + mh, pad_x : pad_x + mw], m
        )
    if rng.random() < 0.15:
        # Other print beside the row (a label, a frame line) that a locator's cut may include.
        x = rng.choice((rng.randint(0, pad_x // 2), mw + pad_x + rng.randint(0, pad_x // 2)))
        y = tops[index] + rng.randint(-DESIGN // 2, DESIGN // 2)
        canvas[max(0, y) : y + rng.randint(4, DESIGN), x : x + rng.randint(4, DESIGN)] = rng.uniform(0.3, 1)
    out_w = max(16, int(canvas.shape[1] * scale))
    out_h = max(8, int(canvas.shape[0] * scale))
    mask = cv2.resize(canvas, (out_w, out_h), interpolation=cv2.INTER_AREA)
    mask = _printer(mask, char_h, rng)
    ground_kind = rng.choices(list(family.grounds), list(family.grounds.values()))[0]
    ground = _ground(ground_kind, mask.shape, char_h, rng)
    ink_level = rng.uniform(0.0, 0.3)
    if ground_kind == "uv":
        ink_level = min(float(ground.mean()) - rng.uniform(0.06, 0.2), 0.25)
    img = ground * (1 - mask) + ink_level * mask
    img = _distort(img, char_h, rng)
    if rng.random() < 0.06:
        img = 1.0 - img  # an inverted capture: light print on a dark ground
    gray = _degrade(img, char_h, family, rng)
    # The cut: centred on the line (give or take the locator's error), generous across, a little along.
    center_y = (tops[index] + DESIGN * 0.3 + DESIGN / 2) * scale + rng.gauss(0, 0.08) * char_h
    half = rng.uniform(0.95, 1.3) * char_h
    x0 = (pad_x + 8) * scale - rng.uniform(0.25, 1.4) * char_h
    x1 = (pad_x + 8 + len(text) * (mw - 16) / len(text)) * scale + rng.uniform(0.25, 1.4) * char_h
    est_h = char_h * rng.uniform(0.8, 1.25)
    m = np.array([[1.0, 0.0, x0], [0.0, 1.0, center_y - half]], dtype=np.float64)
    cut = cv2.warpAffine(
        gray,
        m,
        (max(8, int(x1 - x0)), max(4, int(2 * half))),
        flags=cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    strip = normalize_strip(cut, est_h)
    return LineSample(text, (strip * 255).astype(np.uint8))


def sample(family: Family, rng: random.Random) -> LineSample:
    zone = sample_zone(rng)
    return render_line(zone, rng.randrange(len(zone)), family, rng)
