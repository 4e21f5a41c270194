"""One validation of a guest record: what a police intake would refuse, said at the desk before anything is saved.

The same rules for every way in: the registration gate (hotel_desk.rules.gate, for the form, the desk layer,
`hotel-desk register` and the store), `reports check`, and the training intake (hotel_desk.reporting.validation
checks the wire record's envelope and calls this for its guest fields). Values are keyed by record key
(hotel_desk.rules.record); text is text, dates are `date`s (or ISO `YYYY-MM-DD` text, as on the wire), times are
timezone-aware `datetime`s. A date given as other text is left to whoever parses it (the form says
"not a date", the intake "must be a date YYYY-MM-DD").

Rules:
- lengths: at most the record's limit for the field (`record.limit`: what the police record takes, never more
  than the database column keeps, so a record that passes never meets a database error);
- characters: no control or format characters in any text (a line break, NUL, a bidi override); names in
  Latin letters as the MRZ transliterates them (space, hyphen, apostrophe); the Chinese name in Han characters
  (and the middle dot of transliterated names); codes (sex, nationality, document type and number, visa type)
  as the protocol lists them;
- plausible dates: nothing before 1900 or after 2200; born before the arrival; entered the country after
  birth and not after the arrival (the check-in cannot come before the entry), and not after `today`; the
  document valid at the arrival; departure not before the arrival; the permitted stay not ending before the
  entry; check-out not before check-in;
- the document page kept with a registration is an image (by its magic bytes) of a sane size.

`arrival` is the check-in: a `date` (the desk's local day: compared exactly) or an aware `datetime` (compared
by date with a day's slack, as a local date meets a UTC time). `today` is the latest day it can be where the
record was made: the desk passes its local date; a server knowing only UTC passes `latest_day(now)`.

Every finding is an ERROR `Finding` with a stable code (`record.*`, `page_image.*`), the record key as its
field, and messages in English and Chinese; `INTAKE_CODES` gives the intake protocol's error code for each.
Pure: no I/O, no clock, never raises on bad input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hotel_desk.documents.findings import FIELD_NAMES
from hotel_desk.documents.model import DocumentKind, Finding, Severity
from hotel_desk.rules.record import BY_KEY, DATE_KEYS, FieldType, limit

#: Nothing a registration records happened before this (nobody registering is older).
EARLIEST = date(1900, 1, 1)
#: A document or a permitted stay that ends after this is a typing error, not a long visa.
LATEST = date(2200, 1, 1)
#: The furthest any local calendar day runs ahead of UTC (UTC+14, Kiribati).
MAX_UTC_OFFSET = timedelta(hours=14)
_DAY = timedelta(days=1)

SEXES = ("M", "F", "X", "<")  # "<" is ICAO's "unspecified"; the intake layouts map it (intake-v1: X)
DOCUMENT_TYPES = tuple(k.value for k in DocumentKind)
#: Visa and permit categories of the 2013 regulations, plus the non-visa grounds of stay seen at the desk
#: (docs/intake-protocol.md). The form offers exactly these.
VISA_TYPES = (
    "C", "D", "F", "G", "J1", "J2", "L", "M", "Q1", "Q2", "R", "S1", "S2", "X1", "X2", "Z",
    "DIPLOMATIC", "COURTESY", "SERVICE", "RESIDENCE_PERMIT", "VISA_FREE", "PERMANENT_RESIDENCE",
    "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "OTHER",
)
#: The document page image: at most this large.
MAX_PAGE_IMAGE_BYTES = 20 * 1024 * 1024

# Names as the MRZ gives them, transliterated to Latin letters: never silently dropped characters.
_LATIN_NAME = re.compile(r"^[A-Z][A-Z '\-]*$")
_NATIONALITY = re.compile(r"^[A-Z<]{3}$")
_DOC_NUMBER = re.compile(r"^[A-Z0-9]+$")
# Han characters (the unified ideographs and their extensions, compatibility ideographs) and the middle dots
# that separate the parts of a transliterated foreign name (约翰·史密斯).
_CHINESE_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·•・]+$")

#: Finding code -> (the intake protocol's error code, English message, Chinese message). The messages name
#: the field ({field_name} / {field_name_zh}) so a refusal says where to look.
CATALOGUE: dict[str, tuple[str, str, str]] = {
    "record.not_text": ("invalid_format", "The {field_name} must be text.", "{field_name_zh}必须是文字。"),
    "record.too_long": ("too_long", "The {field_name} is longer than {limit} characters.",
                        "{field_name_zh}超过 {limit} 个字符。"),
    "record.control_characters": (
        "invalid_format", "The {field_name} contains a control character (a line break, a tab...): retype it.",
        "{field_name_zh}含有控制字符（换行、制表符等），请重新输入。"),
    "record.latin_letters": (
        "invalid_format", "The {field_name} must be in Latin letters (A-Z, space, hyphen, apostrophe), as the "
        "MRZ writes it: transliterate, never drop characters.",
        "{field_name_zh}须按机读区用拉丁字母（A-Z、空格、连字符、撇号）填写：请转写，不要省略字符。"),
    "record.han_characters": (
        "invalid_format", "The {field_name} must be in Chinese characters (and · between the parts of a name).",
        "{field_name_zh}须用汉字填写（译名各部分之间可用 ·）。"),
    "record.code": ("unknown_code", "The {field_name} '{value}' is not one of: {codes}.",
                    "{field_name_zh}“{value}”不在以下代码中：{codes}。"),
    "record.format": ("invalid_format", "The {field_name} '{value}' is not valid: {rule}.",
                      "{field_name_zh}“{value}”无效：{rule_zh}。"),
    "record.date_range": ("out_of_range", "The {field_name} {date} is not plausible (before {earliest} or after "
                          "{latest}).", "{field_name_zh} {date} 不合理（早于 {earliest} 年或晚于 {latest} 年）。"),
    "record.born_after_arrival": ("out_of_range", "The date of birth {date} is after the arrival {arrival}.",
                                  "出生日期 {date} 晚于入住日期 {arrival}。"),
    "record.entry_before_birth": ("out_of_range", "The date of entry {date} is before the date of birth {birth}.",
                                  "入境日期 {date} 早于出生日期 {birth}。"),
    "record.entry_after_arrival": (
        "out_of_range", "The date of entry {date} is after the arrival {arrival}: the guest cannot check in before "
        "entering the country.", "入境日期 {date} 晚于入住日期 {arrival}：旅客不可能在入境之前入住。"),
    "record.entry_in_future": ("out_of_range", "The date of entry {date} is in the future.",
                               "入境日期 {date} 晚于今天。"),
    "record.expired": ("expired", "The document expired on {date}, before the arrival {arrival}.",
                       "证件已于 {date} 过期，早于入住日期 {arrival}。"),
    "record.departure_before_arrival": ("out_of_range", "The planned departure {date} is before the arrival "
                                        "{arrival}.", "预计离店日期 {date} 早于入住日期 {arrival}。"),
    "record.stay_before_entry": ("out_of_range", "The permitted stay ends on {date}, before the entry on {entry}.",
                                 "准许停留期限 {date} 早于入境日期 {entry}。"),
    "record.check_out_before_check_in": ("out_of_range", "The check-out time is before the check-in time.",
                                         "离店时间早于入住时间。"),
    "page_image.not_image": (
        "invalid_format", "The document page is not an image (JPEG, PNG, TIFF, BMP, GIF, WebP or JPEG 2000): "
        "scan the page again.", "证件页不是图像文件（JPEG、PNG、TIFF、BMP、GIF、WebP 或 JPEG 2000），请重新扫描。"),
    "page_image.too_large": ("too_long", "The document page image is larger than {mb} MB.",
                             "证件页图像大于 {mb} MB。"),
}
#: The intake protocol's error code for each finding code (docs/intake-protocol.md).
INTAKE_CODES = {code: entry[0] for code, entry in CATALOGUE.items()}

#: Names of the record's fields the document core has no name for.
_NAMES: dict[str, tuple[str, str]] = {
    "surname_en": FIELD_NAMES["surname"], "given_names_en": FIELD_NAMES["given_names"],
    "document_expiry": FIELD_NAMES["expiry_date"], "planned_departure": FIELD_NAMES["departure"],
    "document_type": ("document type", "证件类型"), "visa_type": ("visa type", "签证种类"),
    "visa_number": ("visa number", "签证号码"), "port_of_entry": ("port of entry", "入境口岸"),
    "came_from": ("previous stop", "来自何处"), "going_to": ("next destination", "前往何处"),
    "reason": ("purpose of the stay", "停留事由"), "page_image": ("document page", "证件页"),
    "check_in_time": ("check-in time", "入住时间"), "check_out_time": ("check-out time", "离店时间"),
    "document_photo_sha256": ("document page digest", "证件页摘要"),
}


def field_names(key: str) -> tuple[str, str]:
    """A record key as a receptionist says it, in English and Chinese."""
    return _NAMES.get(key) or FIELD_NAMES.get(key) or (key.replace("_", " "), key)


def finding(code: str, key: str, **params: object) -> Finding:
    """A record finding from the catalogue, on the record key `key`."""
    _wire, en, zh = CATALOGUE[code]
    en_name, zh_name = field_names(key)
    values = {"field_name": en_name, "field_name_zh": zh_name, **params}
    return Finding(code, Severity.ERROR, key, _fill(en, values), _fill(zh, values))


def _fill(template: str, values: Mapping[str, object]) -> str:
    try:
        text = template.format(**values)
    except (KeyError, IndexError):
        text = template
    return text[:1].upper() + text[1:]


def latest_day(now: datetime) -> date:
    """The latest calendar date anywhere at the moment `now` (aware): `today` where only UTC is known, so that
    no guest's local "today" is ever judged as the future."""
    return (now.astimezone(UTC).replace(tzinfo=None) + MAX_UTC_OFFSET).date()


def has_control(text: str) -> bool:
    """Control and format characters (newline, NUL, bidi overrides...) have no place in a record's text."""
    if text.isprintable():  # the common case, in C; it is False also for spaces other than ' ', so look closer
        return False
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text)


def as_date(value: Any) -> date | None:
    """A date value: a `date`, the date of a `datetime`, ISO `YYYY-MM-DD` text; None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_record(values: Mapping[str, Any], *, arrival: date | datetime | None = None, today: date | None = None,
                 page_image: bytes | None = None) -> list[Finding]:
    """Every finding of one guest record (see the module docstring). Blank values are not judged here: what
    must be filled in is the gate's (required fields) or the protocol's (required by report kind)."""
    found: list[Finding] = []
    for key, value in values.items():
        spec = BY_KEY.get(key)
        if spec is None or _blank(value) or spec.type not in (FieldType.TEXT, FieldType.DIGEST):
            continue
        if not isinstance(value, str):
            found.append(finding("record.not_text", key))
            continue
        found += _text_findings(key, value)
    found += _date_findings(values, arrival, today)
    image = page_image_finding(page_image)
    if image is not None:
        found.append(image)
    return found


def _text_findings(key: str, value: str) -> list[Finding]:
    longest = limit(key)
    if longest is not None and len(value) > longest:
        return [finding("record.too_long", key, limit=longest)]
    if has_control(value):
        return [finding("record.control_characters", key)]
    text = value.strip()
    if key in ("surname_en", "given_names_en") and not _LATIN_NAME.match(text.upper()):
        return [finding("record.latin_letters", key)]
    if key == "chinese_name" and not _CHINESE_NAME.match(text):
        return [finding("record.han_characters", key)]
    codes = {"sex": SEXES, "document_type": DOCUMENT_TYPES, "visa_type": VISA_TYPES}.get(key)
    # Sex and visa codes are capitals whatever was typed (the layouts write them so); document types are
    # the lower-case names of DocumentKind.
    if codes is not None and (text if key == "document_type" else text.upper()) not in codes:
        return [finding("record.code", key, value=text, codes=", ".join(c for c in codes if c != "<"))]
    if key in ("nationality", "issuing_state") and not _NATIONALITY.match(text.upper()):
        return [finding("record.format", key, value=text, rule="three letters as in the MRZ (D<< for Germany)",
                        rule_zh="机读区中的三个字母（德国为 D<<）")]
    if key == "document_number" and not _DOC_NUMBER.match(text.upper().strip("<").replace("<", "")):
        return [finding("record.format", key, value=text, rule="capital letters and digits only",
                        rule_zh="只能是大写字母和数字")]
    return []


def _date_findings(values: Mapping[str, Any], arrival: date | datetime | None, today: date | None) -> list[Finding]:
    found: list[Finding] = []
    dates: dict[str, date] = {}
    for key in sorted(DATE_KEYS):
        day = as_date(values.get(key))
        if day is None:
            continue
        if day < EARLIEST or day > LATEST:
            found.append(finding("record.date_range", key, date=day.isoformat(), earliest=EARLIEST.year,
                                 latest=LATEST.year))
        else:
            dates[key] = day
    check_in, check_out = values.get("check_in_time"), values.get("check_out_time")
    if arrival is None and isinstance(check_in, datetime):
        arrival = check_in
    # A local date meets a UTC time with a day's slack either way; a local date meets a local date exactly.
    slack = _DAY if isinstance(arrival, datetime) else timedelta()
    arrived = as_date(arrival)
    birth, entry = dates.get("birth_date"), dates.get("entry_date")

    def add(code: str, key: str, **params: object) -> None:
        found.append(finding(code, key, date=dates[key].isoformat(), **params))

    if arrived is not None:
        shown = arrived.isoformat()
        if birth is not None and birth > arrived + slack:
            add("record.born_after_arrival", "birth_date", arrival=shown)
        if entry is not None and entry > arrived + slack:
            add("record.entry_after_arrival", "entry_date", arrival=shown)
        expiry = dates.get("document_expiry")
        if expiry is not None and expiry < arrived - slack:
            add("record.expired", "document_expiry", arrival=shown)
        departure = dates.get("planned_departure")
        if departure is not None and departure < arrived - slack:
            add("record.departure_before_arrival", "planned_departure", arrival=shown)
    if entry is not None and birth is not None and entry < birth:
        add("record.entry_before_birth", "entry_date", birth=birth.isoformat())
    if entry is not None and today is not None and entry > today and not any(
            f.field == "entry_date" for f in found):
        add("record.entry_in_future", "entry_date")
    stay_until = dates.get("stay_until")
    if stay_until is not None and entry is not None and stay_until < entry:
        add("record.stay_before_entry", "stay_until", entry=entry.isoformat())
    if isinstance(check_in, datetime) and isinstance(check_out, datetime) and check_out < check_in:
        found.append(finding("record.check_out_before_check_in", "check_out_time"))
    return found


#: Magic numbers of the image formats a page scan or photo arrives in.
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
)


def page_image_format(data: bytes) -> str | None:
    """The image format `data` starts like (JPEG, PNG, TIFF, BMP, GIF, WEBP, JPEG 2000), else None."""
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or data.startswith(b"\xff\x4f\xff\x51"):
        return "JPEG 2000"
    return None


def page_image_finding(data: bytes | None) -> Finding | None:
    """The document page kept with a registration must be an image (not a text file, not /etc/passwd) and of
    a sane size. None when it is fine or there is none."""
    if not data:
        return None
    if len(data) > MAX_PAGE_IMAGE_BYTES:
        return finding("page_image.too_large", "page_image", mb=MAX_PAGE_IMAGE_BYTES // (1024 * 1024))
    if page_image_format(data) is None:
        return finding("page_image.not_image", "page_image")
    return None


__all__ = [
    "CATALOGUE", "DOCUMENT_TYPES", "EARLIEST", "INTAKE_CODES", "LATEST", "MAX_PAGE_IMAGE_BYTES", "SEXES",
    "VISA_TYPES", "as_date", "check_record", "field_names", "finding", "has_control", "latest_day",
    "page_image_finding", "page_image_format",
]
