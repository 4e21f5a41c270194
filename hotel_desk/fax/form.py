"""The paper registration form: one bilingual page drawn from a report's immutable payload snapshot.

Small inns may check a guest in first and hand the registration over by fax or at the sub-station's home
visit before the 24-hour deadline. The page shows exactly what the report holds (never the registration
as it is now), with the report id and a short SHA-256 of the payload so that the police and the hotel can
match the paper to the record later.

Two outputs: a PDF at 200 dpi for printing, and a TIFF Class F page for fax machines and modems (1-bit,
CCITT Group 3 1-D, fine mode 204 x 196 dpi, 1728 pixels wide = the A4/ISO fax scan line).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw, ImageFont, TiffImagePlugin

from hotel_desk.fax.fonts import FormFonts, find_fonts
from hotel_desk.privacy import private_dir, write_private

#: Fax fine mode geometry (ITU-T T.4): 1728 pels per A4 line at 8.04 pels/mm, 7.7 lines/mm.
FAX_WIDTH = 1728
FAX_DPI = (204, 196)
FAX_HEIGHT = round(297 / 25.4 * FAX_DPI[1])  # 2292 lines for an A4 page
PDF_DPI = 200
PAGE_MM = (210.0, 297.0)
#: The rendered page is 215 mm wide (the fax line); A4 content is laid out in the central 210 mm.
FAX_PAGE_MM = (FAX_WIDTH / FAX_DPI[0] * 25.4, 297.0)

TITLE_ZH = "境外人员住宿登记表"
TITLE_EN = "Registration of a guest from outside the mainland"

KIND_LABELS = {
    "check_in": ("入住", "Check-in"),
    "check_out": ("退房", "Check-out"),
    "correction": ("更正", "Correction"),
    "cancellation": ("注销", "Cancellation"),
}
SEX_LABELS = {"M": ("男", "male"), "F": ("女", "female"), "X": ("未注明", "unspecified")}
DOCUMENT_LABELS = {  # keys: hotel_desk.documents.DocumentKind values
    "passport": ("护照", "passport"),
    "id_card": ("身份证件", "identity card"),
    "residence_permit": ("居留许可", "residence permit"),
    "visa": ("签证", "visa"),
    "travel_document": ("旅行证件", "travel document"),
    "hk_macao_permit": ("港澳居民来往内地通行证", "HK/Macao residents' permit"),
    "taiwan_permit": ("台湾居民来往大陆通行证", "Taiwan residents' permit"),
    "foreign_permanent_resident_id": ("外国人永久居留身份证", "permanent resident ID card"),
    "chinese_citizen_id": ("居民身份证", "citizen ID card"),
    "other": ("其他证件", "other document"),
}


@dataclass(frozen=True)
class RenderedForm:
    """The page as images: `page` at the fax geometry (mode "1"), `print_page` at PDF_DPI (mode "L")."""

    page: Image.Image
    print_page: Image.Image


class _Canvas:
    """Draws in millimetres on an image of any resolution, so the printed and the faxed page match."""

    def __init__(self, size_px: tuple[int, int], dpi: tuple[float, float], fonts: FormFonts) -> None:
        self.image = Image.new("L", size_px, 255)
        self.draw = ImageDraw.Draw(self.image)
        self.dpi = dpi
        self.fonts = fonts
        self._cache: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}

    def x(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi[0])

    def y(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi[1])

    def font(self, size_pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        px = max(8, round(size_pt / 72 * self.dpi[1]))
        key = (bold, px)
        if key not in self._cache:
            self._cache[key] = self.fonts.bold_at(px) if bold else self.fonts.regular_at(px)
        return self._cache[key]

    def text(self, x_mm: float, y_mm: float, text: str, size_pt: float, *, bold: bool = False,
             max_mm: float | None = None, anchor: str = "la") -> None:
        font = self.font(size_pt, bold)
        if max_mm is not None:
            # A long name is written smaller before anything is cut: the officer reads the paper.
            smallest = size_pt * 0.6
            while font.getlength(text) > self.x(max_mm) and size_pt > smallest:
                size_pt -= 0.5
                font = self.font(size_pt, bold)
            text = _fit(text, font, self.x(max_mm))
        self.draw.text((self.x(x_mm), self.y(y_mm)), text, font=font, fill=0, anchor=anchor)

    def line(self, x1: float, y1: float, x2: float, y2: float, width_mm: float = 0.3) -> None:
        width = max(1, self.y(width_mm))
        self.draw.line([(self.x(x1), self.y(y1)), (self.x(x2), self.y(y2))], fill=0, width=width)

    def rect(self, x1: float, y1: float, x2: float, y2: float, width_mm: float = 0.4) -> None:
        width = max(1, self.y(width_mm))
        self.draw.rectangle([(self.x(x1), self.y(y1)), (self.x(x2), self.y(y2))], outline=0, width=width)


def _fit(text: str, font: ImageFont.FreeTypeFont, max_px: int) -> str:
    """Shorten with an ellipsis rather than run over the next box (the full value is in the record)."""
    if font.getlength(text) <= max_px:
        return text
    while text and font.getlength(text + "…") > max_px:
        text = text[:-1]
    return text + "…"


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


def _local_time(value: Any, zone: tzinfo) -> str:
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M") + f" (UTC{offset[:3]}:{offset[3:]})"


def _bilingual(labels: Mapping[str, tuple[str, str]], code: Any) -> str:
    if not code:
        return "—"
    zh, en = labels.get(str(code), ("", str(code)))
    return f"{zh} {en}".strip()


def form_rows(payload: Mapping[str, Any], zone: tzinfo) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The form's sections: (section title, [(Chinese label, English label, value)])."""
    g: Mapping[str, Any] = payload.get("guest") or {}
    t = lambda key: _local_time(g.get(key), zone)  # noqa: E731 - a short local helper reads best here
    v = lambda key: _value(g.get(key))  # noqa: E731
    return [
        ("旅客 / Guest", [
            ("英文姓", "Surname", v("surname_en")),
            ("英文名", "Given names", v("given_names_en")),
            ("中文姓名", "Chinese name", v("chinese_name")),
            ("性别", "Sex", _bilingual(SEX_LABELS, g.get("sex"))),
            ("出生日期", "Date of birth", v("birth_date")),
            ("国籍/地区", "Nationality", v("nationality")),
        ]),
        ("证件 / Document", [
            ("证件种类", "Document type", _bilingual(DOCUMENT_LABELS, g.get("document_type"))),
            ("证件号码", "Document number", v("document_number")),
            ("证件有效期至", "Valid until", v("document_expiry")),
            ("签证/签注种类", "Visa / permit type", v("visa_type")),
            ("签证/签注号码", "Visa / permit number", v("visa_number")),
            ("停留有效期至", "Stay allowed until", v("stay_until")),
            ("入境日期", "Entry date", v("entry_date")),
            ("入境口岸", "Port of entry", v("port_of_entry")),
        ]),
        ("住宿 / Stay", [
            ("房号", "Room", v("room")),
            ("入住时间", "Check-in", t("check_in_time")),
            ("预计离店", "Planned departure", v("planned_departure")),
            ("退房时间", "Check-out", t("check_out_time")),
            ("从何处来", "Coming from", v("came_from")),
            ("到何处去", "Going to", v("going_to")),
            ("住宿事由", "Reason for stay", v("reason")),
        ]),
    ]


def _draw_page(canvas: _Canvas, payload: Mapping[str, Any], payload_sha256: str, zone: tzinfo,
               left: float, right: float, hotel_name: str = "") -> None:
    width = right - left
    mid = left + width / 2
    canvas.text(mid, 10, TITLE_ZH, 20, bold=True, anchor="ma")
    canvas.text(mid, 20, TITLE_EN, 12, anchor="ma")
    canvas.line(left, 27, right, 27, 0.6)

    # Whose guest this is, as the officer reads it first: the inn's name (the codes follow).
    canvas.text(left + 1, 29.5, "旅馆名称 Hotel", 8)
    canvas.text(left + 1, 34, hotel_name.strip() or "—", 12, bold=True, max_mm=width - 2)
    top = 41.5
    kind = _bilingual(KIND_LABELS, payload.get("kind"))
    header = [
        ("旅馆代码 Hotel code", _value(payload.get("hotel_code"))),
        ("派出所代码 Sub-station", _value(payload.get("substation_code"))),
        ("上报类型 Report", kind),
    ]
    col = width / 3
    for i, (label, value) in enumerate(header):
        x = left + i * col
        canvas.text(x + 1, top, label, 8)
        canvas.text(x + 1, top + 4.5, value, 12, bold=True, max_mm=col - 2)
    y = top + 12.5
    if payload.get("corrects_report_id"):
        canvas.text(left + 1, y, f"所更正/注销的上报 Corrects report: {payload['corrects_report_id']}", 8.5)
        y += 5

    label_w = 62.0
    row_h = 6.6
    for title, rows in form_rows(payload, zone):
        y += 2
        canvas.text(left, y, title, 11, bold=True)
        y += 6
        top = y
        for zh, en, value in rows:
            canvas.text(left + 2, y + 1.2, zh, 9)
            canvas.text(left + 2 + 27, y + 1.7, en, 7.5)
            canvas.text(left + label_w + 2, y + 1.0, value, 10.5, max_mm=width - label_w - 4)
            y += row_h
            canvas.line(left, y, right, y, 0.2)
        canvas.rect(left, top, right, y, 0.4)
        canvas.line(left + label_w, top, left + label_w, y, 0.2)

    y += 4
    canvas.text(left, y, "报送 / Reporting", 11, bold=True)
    y += 6.5
    lines = [
        ("事件时间 Event time", _local_time(payload.get("event_time"), zone)),
        ("报送截止 Deadline (event + 24 h)", _local_time(payload.get("deadline_at"), zone)),
        ("上报编号 Report id", _value(payload.get("report_id"))),
        ("登记编号 Registration id", _value(payload.get("registration_id"))),
        ("数据摘要 Payload SHA-256", short_hash(payload_sha256)),
    ]
    for label, value in lines:
        canvas.text(left + 2, y, label, 9)
        canvas.text(left + label_w + 2, y - 0.4, value, 10.5, bold=label.startswith("报送截止"),
                    max_mm=width - label_w - 4)
        y += 5.6

    y = max(y + 4, 250.0)
    half = width / 2
    for i, (zh, en) in enumerate([("旅馆经办人签名", "Desk staff signature"),
                                  ("接收人（公安）签名", "Received by (police)")]):
        x = left + i * half
        canvas.line(x + 2, y + 12, x + half - 6, y + 12, 0.3)
        canvas.text(x + 2, y + 13.5, f"{zh} / {en}", 8.5)
        canvas.text(x + 2, y + 19, "日期时间 Date and time: ____________", 8.5)
    canvas.text(mid, 286, "本表按上报内容生成，不得涂改；如有更正请另行上报更正。 "
                "Printed from the report as filed; corrections are new reports.", 7, anchor="ma",
                max_mm=width)


def short_hash(payload_sha256: str) -> str:
    """The first 16 hex digits, grouped for reading aloud over the phone."""
    head = (payload_sha256 or "").lower()[:16]
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4)) if head else "—"


def render_form(
    payload: Mapping[str, Any],
    *,
    payload_sha256: str,
    timezone: str = "Asia/Shanghai",
    fonts: FormFonts | None = None,
    hotel_name: str = "",
) -> RenderedForm:
    """Draw the registration form for one report payload (the canonical record) of the hotel `hotel_name`.
    Raises FontNotFound when no font with Chinese characters is installed."""
    fonts = fonts or find_fonts()
    zone = ZoneInfo(timezone or "Asia/Shanghai")

    fax = _Canvas((FAX_WIDTH, FAX_HEIGHT), FAX_DPI, fonts)
    # The fax line is 215 mm: centre the 210 mm page content on it, 15 mm margins either side.
    offset = (FAX_PAGE_MM[0] - PAGE_MM[0]) / 2
    _draw_page(fax, payload, payload_sha256, zone, offset + 15, offset + PAGE_MM[0] - 15, hotel_name)
    # Threshold rather than dither: fax machines print dithered text as grey fuzz.
    page = fax.image.point(lambda v: 255 if v >= 160 else 0).convert("1", dither=Image.Dither.NONE)

    size = (round(PAGE_MM[0] / 25.4 * PDF_DPI), round(PAGE_MM[1] / 25.4 * PDF_DPI))
    printed = _Canvas(size, (PDF_DPI, PDF_DPI), fonts)
    _draw_page(printed, payload, payload_sha256, zone, 15, PAGE_MM[0] - 15, hotel_name)
    return RenderedForm(page=page, print_page=printed.image)


def pdf_bytes(form: RenderedForm) -> bytes:
    out = io.BytesIO()
    # JPEG at quality 90: small text stays crisp on paper (the default 75 smears it).
    form.print_page.save(out, format="PDF", resolution=PDF_DPI, quality=90, title=TITLE_EN, author="hotel_desk")
    return out.getvalue()


def _t4_lines(page: Image.Image) -> bytes:
    """The page as T.4 Modified Huffman 1-D data with an EOL before each line, first pel in the high bit.

    libtiff (through Pillow) encodes 0 bits as white runs, while Pillow keeps white as 1 in mode "1": the
    page is inverted before encoding so that the paper stays white (checked in tests by decoding).
    """
    inverted = Image.eval(page.convert("L"), lambda v: 255 - v).convert("1", dither=Image.Dither.NONE)
    out = io.BytesIO()
    inverted.save(out, format="TIFF", compression="group3")
    raw = out.getvalue()
    with Image.open(io.BytesIO(raw)) as tiff:
        assert isinstance(tiff, TiffImagePlugin.TiffImageFile)
        tags = tiff.tag_v2
        offsets, counts = tags[273], tags[279]
        if tags.get(266, 1) != 1 or tags.get(292, 0) & 1:
            raise RuntimeError("libtiff wrote an unexpected Group 3 variant (fill order or 2-D coding)")
    return b"".join(raw[o:o + c] for o, c in zip(offsets, counts, strict=True))


def _class_f_tiff(t4: bytes, width: int, height: int, dpi: tuple[int, int]) -> bytes:
    """A one-page TIFF Class F file around T.4 data: MinIsWhite, FillOrder 1, Group 3 1-D, fine mode.
    Written here because the general TIFF writer gets the photometric of bilevel fax pages wrong."""
    short, long_, rational = 3, 4, 5
    entries: list[tuple[int, int, int, int | bytes]] = [
        (254, long_, 1, 2),  # NewSubfileType: a page of a multi-page document
        (256, long_, 1, width), (257, long_, 1, height), (258, short, 1, 1),
        (259, short, 1, 3),  # CCITT Group 3
        (262, short, 1, 0),  # WhiteIsZero, as fax data is
        (266, short, 1, 1), (273, long_, 1, 0), (277, short, 1, 1), (278, long_, 1, height),
        (279, long_, 1, len(t4)), (282, rational, 1, b""), (283, rational, 1, b""),
        (292, long_, 1, 0),  # T4Options: 1-D, no fill bits
        (296, short, 1, 2),  # inches
        (297, short, 2, 0),  # PageNumber 0 of 1
    ]
    ifd_at = 8
    ifd_size = 2 + 12 * len(entries) + 4
    rational_at = ifd_at + ifd_size
    data_at = rational_at + 16
    out = bytearray(b"II*\x00" + struct.pack("<I", ifd_at) + struct.pack("<H", len(entries)))
    for tag, kind, count, value in entries:
        if tag == 273:
            value = data_at
        if tag in (282, 283):
            out += struct.pack("<HHII", tag, kind, count, rational_at + (0 if tag == 282 else 8))
        elif tag == 297:
            out += struct.pack("<HHIHH", tag, kind, count, 0, 1)
        elif kind == short:
            out += struct.pack("<HHIHH", tag, kind, count, int(value), 0)
        else:
            out += struct.pack("<HHII", tag, kind, count, int(value))
    out += struct.pack("<I", 0)
    out += struct.pack("<IIII", dpi[0], 1, dpi[1], 1)
    out += t4
    return bytes(out)


def tiff_bytes(form: RenderedForm) -> bytes:
    """TIFF Class F: 1-bit, CCITT Group 3 1-D (Modified Huffman with EOLs), fine resolution."""
    return _class_f_tiff(_t4_lines(form.page), form.page.width, form.page.height, FAX_DPI)


def save_form(form: RenderedForm, path: str | Path) -> Path:
    """Write the PDF or the fax TIFF, chosen by the file name; written atomically (temp file + rename)
    so that a full disk never leaves half a form that looks complete, and created 0600: the form is a
    guest's whole registration, for this user's eyes only (a folder that does not exist yet is made 0700)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        data = pdf_bytes(form)
    elif suffix in (".tif", ".tiff"):
        data = tiff_bytes(form)
    else:
        raise ValueError(f"{path.name}: the form is written as .pdf (printing) or .tiff (fax)")
    if not path.parent.exists():
        private_dir(path.parent)
    return write_private(path, data)


#: Bytes with their bits in reverse order: TIFF's usual FillOrder 1 keeps the first pel in the high bit,
#: a fax modem in direct bit order (AT+FBO=0) sends the low bit of each byte first.
_REVERSED = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def fax_page_data(form: RenderedForm) -> bytes:
    """The page as a fax modem takes it: T.4 Modified Huffman 1-D with an EOL before each line, fine
    resolution, 1728 pels, low bit first (direct bit order, AT+FBO=0)."""
    return _t4_lines(form.page).translate(_REVERSED)
