"""Draw the application icon: a passport data page with its two MRZ lines, on the desk's blue.

    python installers/make_icons.py

Writes installers/linux/hotel-desk.png (256 px, for the desktop entry) and installers/windows/hotel-desk.ico
(16-256 px, for the executables and shortcuts). The results are committed; run this again only to change
the design. Needs Pillow and, for the MRZ glyphs, the OCR-B font (Debian: fonts-ocr-b); without it the
lines are drawn as bars.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
BLUE = (22, 74, 140, 255)
PAGE = (250, 247, 238, 255)
INK = (30, 34, 40, 255)
PHOTO = (160, 178, 200, 255)
OCR_B = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 1024
    d.rounded_rectangle((40 * s, 40 * s, 984 * s, 984 * s), radius=200 * s, fill=BLUE)
    # The data page, slightly wider than tall like a TD3 page.
    page = (150 * s, 230 * s, 874 * s, 794 * s)
    d.rounded_rectangle(page, radius=48 * s, fill=PAGE)
    # Holder's photo and three lines of printed fields.
    d.rounded_rectangle((200 * s, 290 * s, 390 * s, 530 * s), radius=18 * s, fill=PHOTO)
    for i, width in enumerate((400, 330, 370)):
        y = (310 + i * 75) * s
        d.rounded_rectangle((440 * s, y, (440 + width) * s, y + 36 * s), radius=12 * s, fill=PHOTO)
    # The machine-readable zone: what the app reads.
    font = ImageFont.truetype(str(OCR_B), int(92 * s)) if OCR_B.is_file() else None
    for i, text in enumerate(("P<CHN<<<<", "E12<<<<<6")):
        y = (575 + i * 100) * s
        if font is not None:
            d.text((200 * s, y), text, font=font, fill=INK)
        else:
            d.rectangle((200 * s, y + 20 * s, 820 * s, y + 70 * s), fill=INK)
    return img


def main() -> None:
    big = draw()
    (HERE / "linux").mkdir(exist_ok=True)
    (HERE / "windows").mkdir(exist_ok=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "linux" / "hotel-desk.png")
    big.save(HERE / "windows" / "hotel-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                                          (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
