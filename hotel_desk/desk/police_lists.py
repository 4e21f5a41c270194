"""Reading the police's lists of "suspected error data": a file in a layout (a JSON file beside the bundled
ones in police_layouts/, like the intake's field mappings: data, not code) into the items the store keeps.

A list is read whole before anything is written: a file that is not what its layout says is refused with the
line and the column that are wrong, and nothing of it is imported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.rules import record
from hotel_desk.rules.matching import document_number_key, nationality_key

if TYPE_CHECKING:
    from hotel_desk.store import ListedItem, PoliceList

LAYOUT_FORMAT = "hotel_desk.police_list_layout/1"
DEFAULT_LAYOUT = "default"
#: What a layout's columns must give (the rest may be absent from a list).
REQUIRED = ("document_number", "nationality")
COLUMNS = ("document_number", "nationality", "surname", "field", "problem")
#: The record keys a list may name as the suspected field.
FIELD_KEYS = tuple(f.key for f in record.FIELDS if f.reported)


class PoliceListError(ValueError):
    """The file or its layout cannot be used; the message names the line and column (nothing was imported)."""


@dataclass(frozen=True)
class ListLayout:
    name: str
    encoding: str
    delimiter: str
    columns: Mapping[str, str]  # our name -> the file's column header
    field_codes: Mapping[str, str] | None = None  # the file's field name -> record key (None: record keys)
    description: str = ""
    source: str = field(default="", compare=False)


def bundled_layouts() -> list[str]:
    folder = resources.files("hotel_desk.desk") / "police_layouts"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def load_layout(name_or_path: str | None = None) -> ListLayout:
    """A bundled layout by name ("default") or a layout file by path."""
    spec = name_or_path or DEFAULT_LAYOUT
    path = Path(spec)
    if spec.endswith(".json") and path.is_file():
        text, where = path.read_text(encoding="utf-8"), str(path)
    else:
        resource = resources.files("hotel_desk.desk") / "police_layouts" / f"{spec}.json"
        if not resource.is_file():
            raise PoliceListError(f"no list layout {spec!r}: give a .json file or one of "
                                  f"{', '.join(bundled_layouts())}")
        text, where = resource.read_text(encoding="utf-8"), f"bundled:{spec}"
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise PoliceListError(f"{where}: not valid JSON ({exc})") from None
    return _layout(raw, where)


def _layout(raw: Any, where: str) -> ListLayout:
    if not isinstance(raw, Mapping) or raw.get("format") != LAYOUT_FORMAT:
        raise PoliceListError(f"{where}: not a {LAYOUT_FORMAT} file")
    columns = raw.get("columns")
    if not isinstance(columns, Mapping) or not all(isinstance(v, str) and v for v in columns.values()):
        raise PoliceListError(f"{where}: columns must map {', '.join(COLUMNS)} to the file's column names")
    unknown = sorted(set(columns) - set(COLUMNS))
    missing = [c for c in REQUIRED if c not in columns]
    if unknown or missing:
        raise PoliceListError(f"{where}: columns " + (f"unknown: {', '.join(unknown)} " if unknown else "")
                              + (f"missing: {', '.join(missing)}" if missing else ""))
    codes = raw.get("field_codes")
    if codes is not None:
        if not isinstance(codes, Mapping):
            raise PoliceListError(f"{where}: field_codes must be an object")
        wrong = sorted(v for v in codes.values() if v and v not in FIELD_KEYS)
        if wrong:
            raise PoliceListError(f"{where}: field_codes name fields the record does not have: {', '.join(wrong)}")
    encoding = str(raw.get("encoding") or "utf-8-sig")
    try:
        "".encode(encoding)
    except LookupError:
        raise PoliceListError(f"{where}: unknown encoding {encoding!r}") from None
    delimiter = str(raw.get("delimiter") or ",")
    if len(delimiter) != 1:
        raise PoliceListError(f"{where}: the delimiter must be one character")
    return ListLayout(str(raw.get("name") or Path(where).stem), encoding, delimiter, dict(columns),
                      dict(codes) if codes is not None else None, str(raw.get("description") or ""), where)


def _decode(data: bytes, layout: ListLayout) -> str:
    try:
        return data.decode(layout.encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PoliceListError(f"line {line}: not {layout.encoding} text (layout {layout.name!r}); save the list "
                              f"as {layout.encoding} or choose the layout it was written in") from None


def parse_police_list(data: bytes, *, file_name: str, layout: ListLayout) -> PoliceList:
    """The items of a police list in `layout`. Raises PoliceListError naming the line and column."""
    # The store's value types load SQLAlchemy: only when a list is read.
    from hotel_desk.store import PoliceList

    text = _decode(data, layout)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise PoliceListError(f"{file_name} is empty") from None
    except csv.Error as exc:
        raise PoliceListError(f"line 1: {exc}") from None
    header = [h.strip() for h in header]
    position: dict[str, int] = {}
    for ours, theirs in layout.columns.items():
        if theirs not in header:
            raise PoliceListError(f"line 1: no column {theirs!r} (layout {layout.name!r} reads "
                                  f"{', '.join(repr(c) for c in layout.columns.values())})")
        position[ours] = header.index(theirs)
    items: list[ListedItem] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise PoliceListError(f"line {line}: {len(row)} fields, the header has {len(header)}")
            items.append(_item(row, line, header, position, layout))
    except csv.Error as exc:
        raise PoliceListError(f"line {reader.line_num}: {exc}") from None
    if not items:
        raise PoliceListError(f"{file_name} holds no items")
    return PoliceList(file_name=file_name, file_sha256=hashlib.sha256(data).hexdigest(), layout=layout.name,
                      items=items)


def _item(row: list[str], line: int, header: list[str], position: Mapping[str, int],
          layout: ListLayout) -> ListedItem:
    from hotel_desk.store import ListedItem

    def cell(ours: str) -> str:
        return row[position[ours]].strip() if ours in position else ""

    def wrong(ours: str, why: str) -> PoliceListError:
        column = position[ours]
        return PoliceListError(f"line {line}, column {column + 1} ({header[column]}): {why}")

    number = document_number_key(cell("document_number"))
    if not number:
        raise wrong("document_number", "empty: every item names the document")
    if len(number) > 40 or not number.isalnum():
        raise wrong("document_number", f"{cell('document_number')!r} is not a document number")
    nationality = nationality_key(cell("nationality"))
    if not (1 <= len(nationality) <= 3 and nationality.isalpha() and nationality.isascii()):
        raise wrong("nationality", f"{cell('nationality')!r} is not a nationality code (3 letters as in the MRZ)")
    named = cell("field")
    if layout.field_codes is not None:
        if named not in layout.field_codes:
            raise wrong("field", f"{named!r} is not a field this layout knows "
                        f"({', '.join(repr(k) for k in layout.field_codes if k)})")
        key = layout.field_codes[named]
    else:
        key = named.lower()
        if key and key not in FIELD_KEYS:
            raise wrong("field", f"{named!r} is not a field of the guest record ({', '.join(FIELD_KEYS)})")
    raw = {header[i]: value for i, value in enumerate(row)}
    return ListedItem(line=line, raw=raw, document_number=number, nationality=nationality,
                      surname=cell("surname"), field=key, problem=cell("problem"))


def read_police_list(path: str | Path, layout: str | None = None) -> PoliceList:
    """A police list file, read whole and checked (see parse_police_list)."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise PoliceListError(f"cannot read {source}: {exc.strerror}") from None
    return parse_police_list(data, file_name=source.name, layout=load_layout(layout))
