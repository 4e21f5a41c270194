"""Strip preparation: the lean of glyphs seen at an angle is taken out before Tesseract reads them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from hotel_desk.recognition.strips import _unslant

OCRB = next(
    (
        p
        for p in ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", "/usr/share/fonts/truetype/ocr-b/OCRB.ttf")
        if Path(p).is_file()
    ),
    None,
)
LINE = "W288445946BEL9504246F2506089083005<<"


def _strip() -> np.ndarray:
    from PIL import Image, ImageDraw, ImageFont

    if OCRB is None:
        pytest.skip("OCR-B font (fonts-ocr-b) not installed")
    image = Image.new("L", (1240, 64), 255)
    ImageDraw.Draw(image).text((30, 12), LINE, font=ImageFont.truetype(OCRB, 36), fill=0)
    return cv2.GaussianBlur(np.asarray(image), (0, 0), 1.0)


def _lean(strip: np.ndarray, shear: float) -> np.ndarray:
    h, w = strip.shape
    m = np.float32([[1, shear, -shear * h / 2], [0, 1, 0]])
    return cv2.warpAffine(strip, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def test_upright_strip_is_left_as_cut() -> None:
    strip = _strip()
    assert np.array_equal(_unslant(strip), strip)


@pytest.mark.parametrize("shear", [-0.2, 0.15])
def test_leaning_glyphs_stand_up_again(shear: float) -> None:
    upright = _strip()
    fixed = _unslant(_lean(upright, shear))
    # Close to the upright rendering again: much closer than the leaning strip was.
    before = np.abs(_lean(upright, shear).astype(int) - upright).mean()
    after = np.abs(fixed.astype(int) - upright).mean()
    assert after < 0.4 * before


def test_leaning_w_is_read_as_w_after_unslanting() -> None:
    from hotel_desk.recognition.ocr import read_strip

    pytest.importorskip("tesserocr")
    leaning = _lean(_strip(), 0.15)
    assert "".join(c.char for c in read_strip(_unslant(leaning))) == LINE


def test_phantom_i_inside_a_k_is_dropped_not_a_real_character() -> None:
    from hotel_desk.recognition.engine import _best_alignment, _RowRead
    from hotel_desk.recognition.ocr import CharReading

    names = "KHAN<<OMAR<ELENA<<<<<<<<<<<<<<"
    pitch, start = 33.0, 30.0
    chars = [CharReading("I", 0.92, {"I": 0.92, "K": 0.18}, x=start, width=26.0)]
    # The K's own box comes out shifted right of the I that the decoder made of its upright stroke.
    chars.append(CharReading("K", 0.91, {"K": 0.91}, x=start + 14, width=30.0))
    for k, ch in enumerate(names[1:], start=1):
        chars.append(CharReading(ch, 0.9, {ch: 0.9}, x=start + k * pitch + 4, width=25.0))
    read = _RowRead(chars, text_start=start, text_end=start + 30 * pitch)
    template = ["I" + "<" * 29, "<" * 30, "<" * 30]
    aligned = _best_alignment(read, 2, 30, template)
    assert "".join(c.char if c else "?" for c in aligned) == names


def test_second_look_covers_names_and_document_number_only() -> None:
    from hotel_desk.recognition.engine import _second_look_cells

    td3 = _second_look_cells(44, 2)
    assert td3[0] == (range(5, 44), "G")  # names, after the document code and issuing state
    assert td3[1] == (range(0, 9), "M")  # document number, whose check digit cannot tell M from W
    td1 = _second_look_cells(30, 3)
    assert td1[0] == (range(5, 14), "M")
    assert td1[2] == (range(0, 30), "G")
    assert 1 not in td1  # dates, sex and nationality: digits, M/F and a country code
