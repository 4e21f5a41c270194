"""Strip preparation and CTC decoding: what the recognizer is given, and how its output becomes cells."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hotel_desk.recognition.ctc import constrained, greedy
from hotel_desk.recognition.lines import STRIP_HEIGHT, light_ink, normalize_strip, text_band
from hotel_desk.recognition.ocr import MRZ_CHARS, CharReading
from hotel_desk.recognition.positions import best_alignment

OCRB = next(
    (
        p
        for p in ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", "/usr/share/fonts/truetype/ocr-b/OCRB.ttf")
        if Path(p).is_file()
    ),
    None,
)
LINE = "W288445946BEL9504246F2506089083005<<"


def _cut(neighbours: bool = True) -> np.ndarray:
    """A generous cut around one OCR-B line (36 px text), with the neighbouring rows' edges in it."""
    from PIL import Image, ImageDraw, ImageFont

    if OCRB is None:
        pytest.skip("OCR-B font (fonts-ocr-b) not installed")
    image = Image.new("L", (1500, 110), 235)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(OCRB, 48)
    draw.text((40, 28), LINE, font=font, fill=20)
    if neighbours:
        draw.text((40, -50), LINE, font=font, fill=20)
        draw.text((40, 108), LINE, font=font, fill=20)
    return np.asarray(image)


def test_band_is_found_between_neighbouring_rows() -> None:
    cut = _cut()
    top, bottom = text_band(cut, 36.0)
    # The line's cap height spans rows ~40-76 of the cut; the neighbours' edges are left out.
    assert 34 <= top <= 44 and 72 <= bottom <= 82


def test_normalised_strip_has_the_model_height_and_dark_ink() -> None:
    strip = normalize_strip(_cut(), 36.0)
    assert strip.shape[0] == STRIP_HEIGHT
    assert strip.dtype == np.float32 and strip.min() >= 0.0 and strip.max() <= 1.0
    assert float(np.median(strip)) > 0.7  # mostly paper


def test_inverted_capture_is_turned_back() -> None:
    cut = _cut(neighbours=False)
    assert not light_ink(cut)
    assert light_ink(255 - cut)
    a = normalize_strip(cut, 36.0)
    b = normalize_strip(255 - cut, 36.0)
    assert a.shape == b.shape
    assert float(np.abs(a - b).mean()) < 0.05


def _logp(text: str, frames_per_char: int = 4, weak: int | None = None) -> np.ndarray:
    frames = len(text) * frames_per_char + 4
    logp = np.full((frames, len(MRZ_CHARS) + 1), -9.0)
    logp[:, 0] = -0.01
    for k, ch in enumerate(text):
        t = 2 + k * frames_per_char
        cls = MRZ_CHARS.index(ch) + 1
        strong = k != weak
        logp[t, cls] = -0.02 if strong else -5.0
        logp[t, 0] = -4.0 if strong else -0.01
    return logp


def test_greedy_merges_repeats_only_across_frames() -> None:
    assert greedy(_logp("P<<UTO")) == "P<<UTO"


def test_constrained_decoding_keeps_a_half_seen_character_in_its_cell() -> None:
    text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    logp = _logp(text, weak=7)  # the K hardly seen
    assert len(greedy(logp)) == 43
    cells = constrained(logp, 44)
    assert cells is not None and "".join(c.char for c in cells) == text
    assert cells[7].confidence < 0.05  # and so it is unsure, for the review
    assert min(c.confidence for k, c in enumerate(cells) if k != 7) > 0.9


def test_constrained_decoding_refuses_an_impossible_length() -> None:
    assert constrained(_logp("ABC"), 200) is None


def test_crowded_character_is_the_one_dropped() -> None:
    """Tesseract (the second opinion) sometimes emits an extra character inside a wide glyph; fixed pitch
    says two characters that close cannot both be real, and the less confident one goes."""
    names = "KHAN<<OMAR<ELENA<<<<<<<<<<<<<<"
    pitch, start = 33.0, 30.0
    chars = [CharReading("I", 0.5, {"I": 0.5}, x=start, width=26.0)]
    chars.append(CharReading("K", 0.91, {"K": 0.91}, x=start + 14, width=30.0))
    for k, ch in enumerate(names[1:], start=1):
        chars.append(CharReading(ch, 0.9, {ch: 0.9}, x=start + k * pitch + 4, width=25.0))
    template = ["I" + "<" * 29, "<" * 30, "<" * 30]
    aligned = best_alignment(chars, start, start + 30 * pitch, 2, 30, template)
    assert "".join(c.char if c else "?" for c in aligned) == names


def test_histogram_percentiles_are_numpys_bit_for_bit() -> None:
    """The strip normaliser and the locator take percentiles from a histogram: the same numbers as
    np.percentile, so the app's strips stay exactly those the model was trained on."""
    import numpy as np

    from hotel_desk.recognition.lines import percentiles_u8

    rng = np.random.default_rng(5)
    for n in (1, 2, 7, 100, 4099):
        for values in (rng.integers(0, 256, size=n), np.clip(rng.normal(200, 30, size=n), 0, 255)):
            a = values.astype(np.uint8)
            qs = (1, 2, 50, 90, 98, 99)
            assert percentiles_u8(a, qs) == tuple(float(x) for x in np.percentile(a, qs))
