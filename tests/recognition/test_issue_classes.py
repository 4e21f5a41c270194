"""The kinds of document the issue named as misread, each built by the benchmark generator with an MRZ
chosen here: TD1 codes other than I</ID, letters and digits anywhere in document numbers and optional
data, inverted and reader captures, a visa sticker, a plain page, a watermarked photo."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from hotel_desk.documents import check_digit
from hotel_desk.recognition import read_mrz
from tests.recognition.conftest import TODAY


def _dates(birth: str, sex: str, expiry: str) -> str:
    return f"{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}"


def td1(code: str, number: str, optional: str = "", names: str = "OLSEN<<INGRID<MARIA") -> tuple[str, ...]:
    line1 = f"{code}UTO{number}{check_digit(number)}{optional.ljust(15, '<')}"
    line2 = _dates("850812", "F", "310701") + "UTO" + "<" * 11
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2, names.ljust(30, "<")


def td3(number: str, optional: str = "", code: str = "P<", names: str = "QUENTIN<<WOLFGANG<NOAH") -> tuple[str, ...]:
    line1 = f"{code}UTO{names}".ljust(44, "<")
    opt = optional.ljust(14, "<")
    body = f"{number}{check_digit(number)}UTO{_dates('740812', 'M', '320415')}{opt}{check_digit(opt) if optional else '<'}"
    return line1, body + check_digit(body[0:10] + body[13:20] + body[21:43])


def mrvb(number: str) -> tuple[str, ...]:
    line1 = "V<UTOZIEGLER<<MAXIMILIAN".ljust(36, "<")
    return line1, f"{number}{check_digit(number)}UTO{_dates('800101', 'M', '301130')}<<<<<<<<"


def _read(data: bytes):
    return read_mrz(data, today=TODAY)


@pytest.mark.parametrize("code", ["IP", "IR", "AC", "A<", "C<", "IO"])
def test_td1_document_codes(page_with, code: str) -> None:
    lines = td1(code, "D23145890")
    result = _read(page_with(lines))
    assert result.mrz_lines == lines
    assert result.document is not None and result.document.check_digits_ok


@pytest.mark.parametrize(
    "lines",
    [
        td3("REN6VCYYC"),  # letters and digits in any position
        td3("OD0Q8B5SZ"),  # O/0/D/Q, B/8, S/5, Z/2 side by side
        td1("I<", "I1S5Z2B8O"),
    ],
    ids=["td3-REN6VCYYC", "td3-OD0Q8B5SZ", "td1-I1S5Z2B8O"],
)
def test_alphanumeric_document_numbers(page_with, lines: tuple[str, ...]) -> None:
    result = _read(page_with(lines))
    assert result.mrz_lines == lines
    assert result.valid or result.document is not None


def test_letters_in_optional_data(page_with) -> None:
    for lines in (td3("L898902C3", optional="ZE184226B"), td1("ID", "X4RTBPFW4", optional="QOD2B8S5")):
        assert _read(page_with(lines)).mrz_lines == lines


@pytest.mark.parametrize("condition", ["inverted", "reader", "plain", "watermark"])
def test_captures_and_pages(page_with, condition: str) -> None:
    lines = td3("C01X00T47", code="PO")
    result = _read(page_with(lines, condition))
    assert result.mrz_lines == lines, result.message


def test_reader_captures_under_every_light(page_with) -> None:
    """`reader` draws white, infrared or ultraviolet light by seed: three seeds cover them."""
    lines = td1("IR", "TK7584356", names="BERG<<ANNA")
    for seed in (1, 2, 3):
        assert _read(page_with(lines, "reader", seed=seed)).mrz_lines == lines


def test_visa_sticker_on_a_passport_page(page_with) -> None:
    lines = mrvb("VD4471230")
    result = _read(page_with(lines, "sticker"))
    assert result.mrz_lines == lines
    assert result.document is not None and result.document.format.value == "mrvb"


def _smudge(data: bytes, region: list[tuple[float, float]], line: int, lines: int, fraction: float) -> bytes:
    """Paint a grey blot over one character of the located zone (a smudge, a scratch)."""
    img = Image.open(io.BytesIO(data)).convert("RGB")
    xs = [p[0] for p in region]
    ys = [p[1] for p in region]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    height = (y1 - y0) / lines
    cx = x0 + fraction * (x1 - x0)
    cy = y0 + (line + 0.5) * height
    ImageDraw.Draw(img).ellipse([cx - 0.45 * height, cy - 0.4 * height, cx + 0.45 * height, cy + 0.4 * height], fill=(120, 120, 120))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("fraction", [0.2, 0.35, 0.5])
def test_a_damaged_character_is_never_silent(page_with, fraction: float) -> None:
    """A blot over a name character (no check digit protects names): either the right reading, or the
    names in needs_review, never a confident wrong name."""
    lines = td3("L898902C3")
    clean = _read(page_with(lines))
    assert clean.mrz_lines == lines
    damaged = _read(_smudge(page_with(lines), clean.region, 0, 2, fraction))
    if damaged.mrz_lines == lines:
        return
    assert damaged.mrz_lines is not None
    wrong_names = damaged.mrz_lines[0][5:] != lines[0][5:]
    flagged = {r["field"] for r in damaged.needs_review}
    assert not wrong_names or "names" in flagged or not damaged.valid


def test_damaged_document_number_fails_its_check_or_is_flagged(page_with) -> None:
    lines = td3("REN6VCYYC")
    clean = _read(page_with(lines))
    damaged = _read(_smudge(page_with(lines), clean.region, 1, 2, 0.1))
    if damaged.mrz_lines == lines:
        return
    document = damaged.document
    flagged = {r["field"] for r in damaged.needs_review}
    assert document is None or not document.check_digits_ok or "document_number" in flagged


def test_blank_page_region_reads_nothing() -> None:
    noise = (np.random.default_rng(3).random((700, 1000)) * 40 + 200).astype(np.uint8)
    result = read_mrz(noise, today=TODAY)
    assert not result.ok
