"""The registration form: a one-page PDF for printing and a TIFF Class F page for faxing, both drawn from
the report's payload with Chinese glyphs really rendered."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops

from hotel_desk.fax import fonts as fonts_module
from hotel_desk.fax.fonts import FontNotFound, find_fonts
from hotel_desk.fax.form import (
    FAX_DPI,
    FAX_WIDTH,
    RenderedForm,
    fax_page_data,
    pdf_bytes,
    render_form,
    save_form,
    short_hash,
    tiff_bytes,
)
from tests.fax.conftest import sample_payload
from tests.fax.modem_sim import decode_page

SHA = "0123456789abcdef" * 4


@pytest.fixture(scope="module")
def form() -> RenderedForm:  # rendered once per module: keeps the suite fast
    return render_form(sample_payload(), payload_sha256=SHA)


def _black(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    region = image.convert("L").crop(box)
    return sum(region.histogram()[:128])


def test_pdf_opens_as_one_a4_page(form: RenderedForm, tmp_path: Path) -> None:
    path = save_form(form, tmp_path / "form.pdf")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 in points
    assert reader.metadata is not None and "Registration" in (reader.metadata.title or "")
    assert not list(tmp_path.glob("*.part"))


def test_tiff_is_class_f_g3_fine_1728_wide(form: RenderedForm, tmp_path: Path) -> None:
    path = save_form(form, tmp_path / "form.tiff")
    with Image.open(path) as tiff:
        assert tiff.size[0] == FAX_WIDTH == 1728
        assert tiff.mode == "1"
        assert tiff.info["compression"] == "group3"
        assert tuple(round(v) for v in tiff.info["dpi"]) == FAX_DPI == (204, 196)
        assert tiff.tag_v2[262] == 0  # WhiteIsZero, as fax pages are
        assert tiff.tag_v2.get(292, 0) & 1 == 0  # 1-D Modified Huffman
        tiff.load()
        # Decodes to exactly the rendered page: white paper, black ink.
        assert ImageChops.difference(tiff.convert("L"), form.page.convert("L")).getbbox() is None
        assert tiff.convert("L").getpixel((5, 5)) == 255


def test_chinese_title_is_drawn(form: RenderedForm) -> None:
    page = form.page
    # The Chinese title sits 10-19 mm from the top, centred: it must be ink, not empty boxes or nothing.
    title = (page.width // 4, round(10 / 25.4 * 196), page.width * 3 // 4, round(19 / 25.4 * 196))
    ink = _black(page, title)
    assert ink > 3000
    # Same page without a Chinese-capable font for the title: a Latin-only font draws boxes or nothing,
    # which would be caught by the font check (the form refuses such a font, see below).
    fonts = find_fonts()
    font = fonts.bold_at(60)
    assert font.getmask("登").getbbox() != font.getmask("\U000f0000").getbbox()


def test_chinese_name_and_fields_change_the_page() -> None:
    with_name = render_form(sample_payload(chinese_name="张伟"), payload_sha256=SHA).page
    without = render_form(sample_payload(chinese_name=""), payload_sha256=SHA).page
    diff = ImageChops.difference(with_name.convert("L"), without.convert("L")).getbbox()
    assert diff is not None
    # Only the Chinese-name row (and the report ids, which differ per payload) may change.
    assert diff[1] > with_name.height // 10


def test_fax_page_data_is_lsb_first_t4_of_the_same_page(form: RenderedForm) -> None:
    data = fax_page_data(form)
    assert decode_page(data).tobytes() == form.page.tobytes()


def test_tiff_and_pdf_bytes_are_stable(form: RenderedForm) -> None:
    assert tiff_bytes(form) == tiff_bytes(form)
    assert pdf_bytes(form).startswith(b"%PDF")


def test_short_hash_groups_for_reading_aloud() -> None:
    assert short_hash(SHA) == "0123 4567 89ab cdef"
    assert short_hash("") == "—"


def test_wrong_file_type_refused(form: RenderedForm, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.pdf"):
        save_form(form, tmp_path / "form.png")


def test_no_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(fonts_module.ENV_FONT, raising=False)
    monkeypatch.setattr(fonts_module, "candidate_paths", lambda *_a, **_k: [tmp_path / "nope.ttc"])
    with pytest.raises(FontNotFound, match="fonts-noto-cjk"):
        find_fonts()
    with pytest.raises(FontNotFound, match="does not exist"):
        find_fonts(tmp_path / "missing.ttf")


def test_font_from_settings_value(monkeypatch: pytest.MonkeyPatch) -> None:
    found = find_fonts()
    monkeypatch.setenv(fonts_module.ENV_FONT, str(found.regular))
    chosen = find_fonts()
    assert chosen.regular == found.regular and chosen.bold == found.regular


def test_windows_candidates_include_yahei_and_simsun(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", r"D:\Windows")
    names = [p.name for p in fonts_module.candidate_paths("Regular", "win32")]
    assert "msyh.ttc" in names and "simsun.ttc" in names


def test_every_report_kind_renders() -> None:
    for kind in ("check_out", "correction", "cancellation"):
        page = render_form(sample_payload(kind=kind), payload_sha256=SHA).page
        assert page.size == (1728, 2292)


def test_long_names_are_written_smaller_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    from hotel_desk.fax import form as form_module

    cut: list[str] = []
    real_fit = form_module._fit

    def recording_fit(text: str, font: object, max_px: int) -> str:
        fitted = real_fit(text, font, max_px)  # type: ignore[arg-type]
        if fitted != text:
            cut.append(text)
        return fitted

    monkeypatch.setattr(form_module, "_fit", recording_fit)
    payload = sample_payload()
    payload["guest"]["surname_en"] = "VAN DER BERG-OSTROWSKI-WILLIAMSON-MACDONALD-FITZGERALD-SMITHERSON"
    render_form(payload, payload_sha256=SHA)
    assert cut == []


def test_the_hotels_name_heads_the_form() -> None:
    named = render_form(sample_payload(), payload_sha256=SHA, hotel_name="湖畔客栈 Lakeside Inn").page
    unnamed = render_form(sample_payload(), payload_sha256=SHA).page
    assert named.tobytes() != unnamed.tobytes()
