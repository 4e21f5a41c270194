"""Realistic synthetic passports, ID cards and visas with their true MRZ, under the conditions a front
desk meets: flatbed scans (clean, noisy/blurred/JPEG), pages put on the glass turned or upside down,
hand-held camera photos (perspective, clutter, uneven light, blur) and small web-sized copies.

Pages are drawn at 300 dpi with the physical ICAO sizes: MRZ in OCR-B at 10 characters per inch, a printed
guilloche background, a portrait, labels and field values in a sans font. Everything random comes from one
seeded generator, so a run is reproducible (`generate(condition, n, seed)`).

Fonts: OCR-B from Debian's fonts-ocr-b, DejaVu Sans from fonts-dejavu-core.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from hotel_desk.documents import check_digit, format_td3

DPI = 300
MM = DPI / 25.4
OCRB_PATHS = ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", "/usr/share/fonts/truetype/ocr-b/OCRB.ttf")
SANS_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)

CONDITIONS = ("scan_clean", "scan_noisy", "rotated", "camera", "small")

# Physical sizes (mm) and line layout of each format.
FORMATS = {
    # name: (width mm, height mm, lines, chars per line)
    "td3": (125.0, 88.0, 2, 44),
    "td1": (85.6, 54.0, 3, 30),
    "td2": (105.0, 74.0, 2, 36),
    "mrva": (120.0, 80.0, 2, 44),
    "mrvb": (105.0, 74.0, 2, 36),
}
FORMAT_WEIGHTS = {"td3": 0.5, "td1": 0.2, "td2": 0.1, "mrva": 0.1, "mrvb": 0.1}

SURNAMES = [
    "SMITH",
    "MUELLER",
    "GARCIA",
    "ROSSI",
    "NOVAK",
    "KOWALSKA",
    "IVANOVA",
    "TANAKA",
    "KIM",
    "NGUYEN",
    "OKAFOR",
    "SILVA",
    "JOHANSSON",
    "DUBOIS",
    "OCONNOR",
    "VAN<DER<BERG",
    "PETROV",
    "HANSEN",
    "MORALES",
    "WEBER",
    "ANDERSEN",
    "LEE",
    "KHAN",
    "SCHMIDT",
    "FERREIRA",
    "YILMAZ",
]
GIVEN = [
    "ANNA",
    "MARIA",
    "JOHN",
    "PETER",
    "LI",
    "WEI",
    "SOFIA",
    "LUCAS",
    "EMMA",
    "NOAH",
    "OLGA",
    "HANS",
    "YUKI",
    "MIN",
    "JUN",
    "AMARA",
    "CARLOS",
    "ELENA",
    "JAN",
    "PIOTR",
    "AISHA",
    "OMAR",
    "INGRID",
    "KLAUS",
    "CHLOE",
    "MATEO",
    "FATIMA",
    "DMITRI",
    "HELGA",
    "XAVIER",
    "ZOE",
    "QUENTIN",
]
COUNTRIES = [
    "GBR",
    "DEU",
    "FRA",
    "ITA",
    "ESP",
    "NLD",
    "POL",
    "CZE",
    "RUS",
    "JPN",
    "KOR",
    "VNM",
    "NGA",
    "BRA",
    "SWE",
    "USA",
    "CAN",
    "AUS",
    "IND",
    "PAK",
    "TUR",
    "PRT",
    "IRL",
    "NOR",
    "DNK",
    "FIN",
    "CHE",
    "AUT",
    "BEL",
    "GRC",
    "MEX",
    "ARG",
    "THA",
    "MYS",
    "SGP",
    "PHL",
    "IDN",
    "EGY",
    "ZAF",
    "KEN",
]


@dataclass(frozen=True)
class Sample:
    name: str
    condition: str
    format: str
    lines: tuple[str, ...]
    image: bytes  # encoded PNG or JPEG, as a file would hold it


@lru_cache(maxsize=8)
def _font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    paths = OCRB_PATHS if kind == "ocrb" else SANS_PATHS
    for p in paths:
        if Path(p).is_file():
            return ImageFont.truetype(p, size)
    if kind == "ocrb":
        raise RuntimeError(
            "the OCR-B font is missing: install Debian's 'fonts-ocr-b' (sudo apt install fonts-ocr-b)"
        )
    return ImageFont.load_default(size)


def _ocrb_for_pitch(pitch_px: float) -> ImageFont.FreeTypeFont:
    """OCR-B sized so that one character advances `pitch_px` (ICAO: 2.54 mm, 10 per inch)."""
    probe = _font("ocrb", 100)
    advance = probe.getlength("<" * 10) / 10
    return _font("ocrb", max(6, round(100 * pitch_px / advance)))


def _name_field(surname: str, given: str, width: int) -> str:
    text = surname + "<<" + given.replace(" ", "<")
    return text[:width].ljust(width, "<")


def _mrz_date(d: date) -> str:
    return d.strftime("%y%m%d")


def _doc_number(rng: random.Random, length: int = 9) -> str:
    if rng.random() < 0.4:
        # Letters and digits in any position, look-alikes included (REN6VCYYC3, O0D8BS5Z2I1).
        pool = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        return "".join(rng.choice(pool) for _ in range(length))
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    n = rng.randint(0, 2)
    return "".join(rng.choice(letters) for _ in range(n)) + "".join(
        str(rng.randint(0, 9)) for _ in range(length - n)
    )


def _optional(rng: random.Random, n: int) -> str:
    """Optional data: digits, or (a third of the time) letters and digits."""
    if rng.random() < 0.33:
        return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(n))
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def compose_mrz(fmt: str, rng: random.Random) -> tuple[tuple[str, ...], dict[str, str]]:
    """A random identity and its MRZ lines (every check digit computed by the document core)."""
    surname = rng.choice(SURNAMES)
    given = " ".join(rng.sample(GIVEN, rng.choice((1, 1, 2))))
    state = rng.choice(COUNTRIES)
    nationality = state if rng.random() < 0.85 else rng.choice(COUNTRIES)
    birth = date(1940, 1, 1) + timedelta(days=rng.randint(0, 30000))
    expiry = date(2025, 1, 1) + timedelta(days=rng.randint(0, 3650))
    sex = rng.choice("MF")
    number = _doc_number(rng)
    fields = {
        "surname": surname.replace("<", " "),
        "given": given,
        "state": state,
        "nationality": nationality,
        "number": number,
        "birth": birth.strftime("%d %b %Y").upper(),
        "expiry": expiry.strftime("%d %b %Y").upper(),
        "sex": sex,
    }
    b, e = _mrz_date(birth), _mrz_date(expiry)
    if fmt == "td3":
        optional = _optional(rng, rng.choice((0, 0, 8, 10)))
        return (
            format_td3(
                document_code=rng.choice(("P<", "P<", "P<", "PO", "PD")),
                issuing_state=state,
                surname=surname.replace("<", " "),
                given_names=given,
                document_number=number,
                nationality=nationality,
                birth=b,
                sex=sex,
                expiry=e,
                optional_data=optional,
            ),
            fields,
        )
    if fmt in ("td2", "mrvb", "mrva"):
        width = 44 if fmt == "mrva" else 36
        code = "V<" if fmt.startswith("mrv") else rng.choice(("I<", "ID", "IP", "AC", "A<", "C<"))
        line1 = code + state + _name_field(surname, given, width - 5)
        opt_len = width - 28
        optional = _optional(rng, rng.randint(0, min(6, opt_len - 1)))
        body = number + check_digit(number) + nationality + b + check_digit(b) + sex + e + check_digit(e)
        if fmt == "td2":
            opt = optional.ljust(opt_len - 1, "<")
            body += opt
            body += check_digit(body[0:10] + body[13:20] + body[21:35])
        else:
            body += optional.ljust(opt_len, "<")
        return (line1, body), fields
    # td1
    code = rng.choice(("I<", "ID", "IR", "IP", "IO", "AC", "A<", "C<"))
    opt1 = _optional(rng, rng.choice((0, 6, 9))).ljust(15, "<")
    line1 = code + state + number + check_digit(number) + opt1
    opt2 = "".join(str(rng.randint(0, 9)) for _ in range(rng.choice((0, 0, 5)))).ljust(11, "<")
    line2 = b + check_digit(b) + sex + e + check_digit(e) + nationality + opt2
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    line3 = _name_field(surname, given, 30)
    return (line1, line2, line3), fields


def _guilloche(w: int, h: int, rng: random.Random) -> Image.Image:
    """Pastel background with wavy security lines, light enough not to hide print (drawn at half
    resolution and enlarged: it is smooth, and the generator stays fast)."""
    import cv2

    hw, hh = w // 2, h // 2
    base = np.array([rng.randint(215, 250) for _ in range(3)], dtype=np.float32)
    tint = np.array([rng.randint(200, 245) for _ in range(3)], dtype=np.float32)
    yy, xx = np.mgrid[0:hh, 0:hw].astype(np.float32)
    t = (xx / hw * 0.6 + yy / hh * 0.4)[..., None]
    img = base * (1 - t) + tint * t
    waves = np.zeros((hh, hw), dtype=np.float32)
    for _ in range(rng.randint(2, 4)):
        f1, f2 = rng.uniform(0.02, 0.06), rng.uniform(0.004, 0.02)
        ph = rng.uniform(0, 6.28)
        waves += 0.5 + 0.5 * np.sin(xx * f1 + 8 * np.sin(yy * f2 + ph) + yy * rng.uniform(0.02, 0.1))
    waves /= waves.max() or 1.0
    color = np.array([rng.randint(120, 200) for _ in range(3)], dtype=np.float32)
    strength = rng.uniform(0.08, 0.22)
    img = img * (1 - strength * waves[..., None]) + color * (strength * waves[..., None])
    img = cv2.resize(np.clip(img, 0, 255).astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR)
    return Image.fromarray(img, "RGB")


def _portrait(w: int, h: int, rng: random.Random) -> Image.Image:
    bg = tuple(rng.randint(170, 235) for _ in range(3))
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    skin = (rng.randint(120, 235), rng.randint(90, 200), rng.randint(70, 170))
    hair = tuple(rng.randint(10, 120) for _ in range(3))
    d.ellipse([w * 0.05, h * 0.72, w * 0.95, h * 1.3], fill=tuple(rng.randint(20, 140) for _ in range(3)))
    d.rectangle([w * 0.4, h * 0.55, w * 0.6, h * 0.8], fill=skin)
    d.ellipse([w * 0.22, h * 0.12, w * 0.78, h * 0.68], fill=hair)
    d.ellipse([w * 0.27, h * 0.2, w * 0.73, h * 0.66], fill=skin)
    for ex in (0.4, 0.6):
        d.ellipse([w * ex - 6, h * 0.38 - 4, w * ex + 6, h * 0.38 + 4], fill=(40, 30, 30))
    d.line([w * 0.42, h * 0.54, w * 0.58, h * 0.54], fill=(150, 60, 60), width=4)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (h, w, 3))
    return Image.fromarray(np.clip(np.asarray(img, np.float32) + noise, 0, 255).astype(np.uint8))


def render_document(
    fmt: str, lines: tuple[str, ...], fields: dict[str, str], rng: random.Random, *, plain: bool = False
) -> Image.Image:
    """The document at 300 dpi, RGB (`plain`: no security print, a plain light page)."""
    wmm, hmm, nlines, nchars = FORMATS[fmt]
    w, h = round(wmm * MM), round(hmm * MM)
    img = Image.new("RGB", (w, h), (246, 245, 240)) if plain else _guilloche(w, h, rng)
    d = ImageDraw.Draw(img)
    label_font = _font("sans", round(1.6 * MM))
    value_font = _font("sans", round(2.8 * MM))
    title_font = _font("sans", round(4.0 * MM))
    title = {
        "td3": "PASSPORT",
        "td1": "IDENTITY CARD",
        "td2": "IDENTITY CARD",
        "mrva": "VISA",
        "mrvb": "VISA",
    }[fmt]
    d.text((round(4 * MM), round(3 * MM)), f"{title}  {fields['state']}", fill=(30, 40, 90), font=title_font)
    mrz_top = h - round((nlines * 4.23 + 4.5) * MM)
    photo_w, photo_h = round(wmm * 0.25 * MM), round(min(hmm * 0.5, 45) * MM)
    px, py = round(5 * MM), round(11 * MM)
    photo_h = min(photo_h, mrz_top - py - round(2 * MM))
    img.paste(_portrait(photo_w, photo_h, rng), (px, py))
    x0 = px + photo_w + round(5 * MM)
    y = py
    items = [
        ("Surname / Nom", fields["surname"]),
        ("Given names / Prénoms", fields["given"]),
        ("Nationality", fields["nationality"]),
        ("Date of birth", fields["birth"]),
        ("Sex", fields["sex"]),
        ("Date of expiry", fields["expiry"]),
        ("Document No.", fields["number"]),
    ]
    step = round(7.2 * MM)
    for label, value in items:
        if y + step > mrz_top - round(2 * MM):
            break
        d.text((x0, y), label, fill=(70, 70, 110), font=label_font)
        d.text((x0, y + round(2.2 * MM)), value, fill=(15, 15, 20), font=value_font)
        y += step
    # A signature scribble.
    sx, sy = x0 + round(30 * MM), py + round(2 * MM)
    if sx + 30 * MM < w:
        pts = [
            (sx + i * 6, sy + 20 * math.sin(i * rng.uniform(0.3, 0.8)) + 30) for i in range(int(25 * MM / 6))
        ]
        d.line(pts, fill=(20, 20, 80), width=3)
    # The MRZ: OCR-B, 10 characters per inch, lines 4.23 mm apart, in a clear band at the bottom.
    pitch = 2.54 * MM
    font = _ocrb_for_pitch(pitch)
    left = round((w - nchars * pitch) / 2 + rng.uniform(-1.0, 1.0) * MM)
    ink = (rng.randint(0, 40),) * 3
    for i, line in enumerate(lines):
        base_y = mrz_top + round((1.0 + i * 4.23) * MM)
        for j, ch in enumerate(line):
            d.text((left + j * pitch, base_y), ch, fill=ink, font=font)
    return img


def _add_noise(arr: np.ndarray, sigma: float, rng: random.Random) -> np.ndarray:
    g = np.random.default_rng(rng.randint(0, 2**31))
    return np.clip(arr.astype(np.float32) + g.normal(0, sigma, arr.shape), 0, 255).astype(np.uint8)


def _encode(img: Image.Image, fmt: str, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=quality)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def _on_scanner(doc: Image.Image, rng: random.Random, angle: float) -> Image.Image:
    """The document on a flatbed scanner: white bed around it, placed a little crooked (or turned)."""
    import cv2

    margin = round(rng.uniform(5, 20) * MM)
    bed = np.full((doc.height + 2 * margin, doc.width + 2 * margin, 3), 246, np.uint8)
    bed[margin : margin + doc.height, margin : margin + doc.width] = np.asarray(doc)
    h, w = bed.shape[:2]
    # Counter-clockwise by `angle` degrees, the canvas grown to keep every corner.
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(bed, m, (nw, nh), flags=cv2.INTER_CUBIC, borderValue=(246, 246, 244))
    return Image.fromarray(out)


def _camera(doc: Image.Image, rng: random.Random) -> Image.Image:
    import cv2

    out_w, out_h = rng.choice(((1600, 1200), (1280, 960), (1920, 1080)))
    g = np.random.default_rng(rng.randint(0, 2**31))
    # Cluttered desk: a textured background with random objects.
    bg = g.normal(0, 1, (out_h // 8, out_w // 8, 3)).astype(np.float32)
    bg = cv2.resize(bg, (out_w, out_h), interpolation=cv2.INTER_CUBIC)
    base = np.array([rng.randint(60, 200) for _ in range(3)], dtype=np.float32)
    canvas = np.clip(base + bg * 25, 0, 255).astype(np.uint8)
    for _ in range(rng.randint(2, 6)):
        color = tuple(int(c) for c in g.integers(0, 255, 3))
        x, y = int(g.integers(0, out_w)), int(g.integers(0, out_h))
        if rng.random() < 0.5:
            cv2.circle(canvas, (x, y), int(g.integers(20, 150)), color, -1)
        else:
            cv2.rectangle(
                canvas, (x, y), (x + int(g.integers(30, 300)), y + int(g.integers(10, 200))), color, -1
            )
        if rng.random() < 0.4:
            cv2.putText(canvas, "RECEIPT 12.50", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (20, 20, 20), 2)
    src = np.asarray(doc)
    h, w = src.shape[:2]
    # The document fills 45-85 % of the frame width, seen at an angle, wholly inside the frame (a
    # receptionist frames the page; a cut-off MRZ is a framing problem the camera view reports).
    fill = rng.uniform(0.45, 0.85)
    scale = fill * out_w / w
    dw, dh = w * scale, h * scale
    rot = math.radians(rng.uniform(-20, 20))
    rel = []
    for ux, uy in ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)):
        x = ux * dw + rng.uniform(-0.09, 0.09) * dw
        y = uy * dh + rng.uniform(-0.09, 0.09) * dh
        rel.append((x * math.cos(rot) - y * math.sin(rot), x * math.sin(rot) + y * math.cos(rot)))
    xs, ys = [p[0] for p in rel], [p[1] for p in rel]
    margin = 0.03 * out_w
    shrink = min(1.0, (out_w - 2 * margin) / (max(xs) - min(xs)), (out_h - 2 * margin) / (max(ys) - min(ys)))
    rel = [(x * shrink, y * shrink) for x, y in rel]
    xs, ys = [p[0] for p in rel], [p[1] for p in rel]
    cx = rng.uniform(margin - min(xs), out_w - margin - max(xs))
    cy = rng.uniform(margin - min(ys), out_h - margin - max(ys))
    corners = [(cx + x, cy + y) for x, y in rel]
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), np.float32(corners))
    warped = cv2.warpPerspective(src, matrix, (out_w, out_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (out_w, out_h))
    canvas[mask > 0] = warped[mask > 0]
    # Uneven light: a broad gradient and a soft highlight.
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    ang = rng.uniform(0, 6.28)
    grad = 0.75 + 0.3 * ((xx / out_w - 0.5) * math.cos(ang) + (yy / out_h - 0.5) * math.sin(ang) + 0.5)
    hx, hy = rng.uniform(0, out_w), rng.uniform(0, out_h)
    spot = 0.15 * np.exp(-(((xx - hx) / (0.3 * out_w)) ** 2 + ((yy - hy) / (0.3 * out_h)) ** 2))
    lit = canvas.astype(np.float32) * (grad + spot)[..., None]
    out = np.clip(lit, 0, 255).astype(np.uint8)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.6))
    if rng.random() < 0.3:
        # A shaky hand: short motion blur in a random direction.
        k = rng.randint(3, 7)
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
        out = cv2.filter2D(out, -1, kernel / kernel.sum())
    out = _add_noise(out, rng.uniform(2, 7), rng)
    return Image.fromarray(out)


def apply_condition(doc: Image.Image, condition: str, rng: random.Random) -> bytes:
    if condition == "scan_clean":
        page = _on_scanner(doc, rng, rng.uniform(-1.5, 1.5))
        return _encode(page, "PNG")
    if condition == "scan_noisy":
        page = _on_scanner(doc, rng, rng.uniform(-4, 4))
        dpi = rng.choice((200, 240, 300))
        if dpi != DPI:
            page = page.resize((round(page.width * dpi / DPI), round(page.height * dpi / DPI)), Image.LANCZOS)
        page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.1)))
        page = Image.fromarray(_add_noise(np.asarray(page), rng.uniform(5, 12), rng))
        return _encode(page, "JPEG", rng.randint(35, 65))
    if condition == "rotated":
        turn = rng.choice((90, 180, 270))
        page = _on_scanner(doc, rng, turn + rng.uniform(-8, 8))
        page = Image.fromarray(_add_noise(np.asarray(page), 4, rng))
        return _encode(page, "JPEG", 85)
    if condition == "camera":
        return _encode(_camera(doc, rng), "JPEG", rng.randint(70, 88))
    if condition == "small":
        width = rng.randint(300, 600)
        small = doc.resize((width, round(doc.height * width / doc.width)), Image.LANCZOS)
        small = small.rotate(
            rng.uniform(-2, 2), resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255)
        )
        return _encode(small, "JPEG", rng.randint(70, 92))
    from benchmarks.synthetic.captures import CAPTURES, apply_capture

    if condition in CAPTURES:
        return apply_capture(doc, condition, rng)
    raise ValueError(f"unknown condition {condition!r}; known: {', '.join(CONDITIONS + CAPTURES)}")


def generate(condition: str, count: int, seed: int = 1) -> list[Sample]:
    """`count` documents under one condition; the same seed gives the same images."""
    rng = random.Random(f"{seed}-{condition}")
    samples = []
    formats = list(FORMAT_WEIGHTS)
    weights = [FORMAT_WEIGHTS[f] for f in formats]
    for i in range(count):
        fmt = rng.choices(formats, weights)[0]
        if condition == "sticker":
            fmt = "mrvb"  # a visa sticker in a passport
        lines, fields = compose_mrz(fmt, rng)
        doc = render_document(fmt, lines, fields, rng, plain=condition == "plain")
        samples.append(
            Sample(
                f"{condition}-{i:03d}-{fmt}",
                condition,
                fmt,
                tuple(lines),
                apply_condition(doc, condition, rng),
            )
        )
    return samples
