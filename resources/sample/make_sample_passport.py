"""Render the bundled sample passport page (a fictional person) used by `hotel-desk selftest`, the screenshots
and the UI tests: `python resources/sample/make_sample_passport.py` (needs Debian's fonts-ocr-b and
fonts-noto-cjk). The PNG is committed in hotel_desk/ui/resources/, so installs never need the fonts.

Drawn at 300 dpi on an ID-3 (passport) page, 125 x 88 mm, with the MRZ in OCR-B at the ICAO pitch of
2.54 mm a character. The person, the number and the country's layout are invented; the MRZ's check digits
are computed by the document core, so the sample passes every check.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from hotel_desk.documents import format_td3

DPI = 300
MM = DPI / 25.4
OCRB = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

PERSON = {
    "document_code": "P<",
    "issuing_state": "NZL",
    "surname": "HARTLEY",
    "given_names": "EMMA JANE",
    "document_number": "LM4027715",
    "nationality": "NZL",
    "birth": "880314",
    "sex": "F",
    "expiry": "330630",
}


def font(path: str, size_px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, round(size_px))


def render(out: Path) -> tuple[str, str]:
    line1, line2 = format_td3(**PERSON)
    width, height = int(125 * MM), int(88 * MM)
    page = Image.new("RGB", (width, height), (246, 243, 235))
    draw = ImageDraw.Draw(page)
    # A faint security-print wash so the page is not an unrealistically clean white.
    for y in range(0, height, 14):
        draw.line([(0, y), (width, y + 40)], fill=(238, 234, 224), width=2)
    label = font(SANS, 2.0 * MM)
    value = font(SANS_BOLD, 3.0 * MM)
    draw.text((6 * MM, 4 * MM), "PASSPORT", font=font(SANS_BOLD, 4.2 * MM), fill=(40, 52, 90))
    draw.text((48 * MM, 5 * MM), "Type P   Code NZL   Passport No. LM4027715", font=label, fill=(60, 60, 70))
    # Photo placeholder: a plain silhouette, no real face.
    px, py, pw, ph = int(6 * MM), int(14 * MM), int(32 * MM), int(40 * MM)
    draw.rectangle([px, py, px + pw, py + ph], fill=(214, 220, 228), outline=(160, 168, 180), width=3)
    draw.ellipse([px + pw * 0.3, py + ph * 0.14, px + pw * 0.7, py + ph * 0.52], fill=(170, 178, 190))
    draw.pieslice([px + pw * 0.12, py + ph * 0.55, px + pw * 0.88, py + ph * 1.25], 180, 360, fill=(170, 178, 190))
    # (label, value, column, row) of the printed data fields beside the photo.
    fields = [
        ("Surname", "HARTLEY", 0, 0),
        ("Given names", "EMMA JANE", 0, 1),
        ("Nationality", "NEW ZEALAND", 0, 2),
        ("Date of birth", "14 MAR 1988", 0, 3),
        ("Sex", "F", 1, 2),
        ("Date of expiry", "30 JUN 2033", 1, 3),
    ]
    for name, text, column, row_index in fields:
        col = 44 * MM + column * 40 * MM
        row = 14 * MM + row_index * 8.4 * MM
        draw.text((col, row), name, font=label, fill=(90, 90, 100))
        draw.text((col, row + 2.6 * MM), text, font=value, fill=(20, 20, 30))
    draw.text((44 * MM, 50 * MM), "Holder's signature", font=label, fill=(90, 90, 100))
    draw.line([(44 * MM, 57 * MM), (100 * MM, 55 * MM)], fill=(30, 40, 90), width=4)
    # The MRZ: OCR-B, 10 characters per inch, bottom 23.2 mm of the page as ICAO 9303 lays it out.
    mrz_font = font(OCRB, 4.1 * MM)
    pitch = 2.54 * MM
    for n, line in enumerate((line1, line2)):
        base_y = height - 17 * MM + n * 7.2 * MM
        for i, ch in enumerate(line):
            draw.text((6 * MM + i * pitch, base_y), ch, font=mrz_font, fill=(18, 18, 22))
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    out.parent.mkdir(parents=True, exist_ok=True)
    page.save(out, dpi=(DPI, DPI), optimize=True)
    return line1, line2


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[2] / "hotel_desk" / "ui" / "resources" / "sample_passport.png")
    for line in render(target):
        print(line)
    print("written", target)
