"""Reading police lists: the default CSV layout and a mapping-file layout (GBK, Chinese column names and field
names), and bad files refused with their line and column before anything is imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotel_desk.desk.police_lists import (
    PoliceListError,
    bundled_layouts,
    load_layout,
    parse_police_list,
    read_police_list,
)
from tests.support.workflows import HEADER, csv_bytes


def parse(data: bytes, layout: str | None = None) -> object:
    return parse_police_list(data, file_name="list.csv", layout=load_layout(layout))


def test_the_default_layout() -> None:
    parsed = parse(b"\xef\xbb\xbf" + csv_bytes("ze 111 111,can,O'Neil,Birth_Date,\"Differs, see record\"",
                                               ",,,,", "ZE2,D<<,,,"))
    first, second = parsed.items
    assert (first.line, first.document_number, first.nationality, first.surname, first.field) == (
        2, "ZE111111", "CAN", "O'Neil", "birth_date")
    assert first.problem == "Differs, see record" and first.raw["problem"] == "Differs, see record"
    assert (second.line, second.nationality, second.field) == (4, "D", "")  # the blank line is skipped
    assert len(parsed.file_sha256) == 64 and parsed.layout == "default"


def test_a_layout_from_a_mapping_file_gbk_with_chinese_names() -> None:
    header = "序号,证件号码,国籍,英文姓,疑似错误项,问题描述"
    data = ("\r\n".join([header, "1,E12345678,DEU,MUELLER,出生日期,出生日期与入境记录不符",
                         "2,E87654321,FRA,DUBOIS,,证件号码不存在"]) + "\r\n").encode("gbk")
    parsed = parse(data, "police-gbk-example")
    assert [(i.document_number, i.field, i.problem) for i in parsed.items] == [
        ("E12345678", "birth_date", "出生日期与入境记录不符"), ("E87654321", "", "证件号码不存在")]
    assert parsed.items[0].raw["序号"] == "1"


def test_a_layout_file_given_by_path(tmp_path: Path) -> None:
    layout = tmp_path / "semicolons.json"
    layout.write_text(json.dumps({
        "format": "hotel_desk.police_list_layout/1", "name": "semicolons", "delimiter": ";",
        "columns": {"document_number": "number", "nationality": "country"}}), encoding="utf-8")
    source = tmp_path / "list.csv"
    source.write_bytes(b"number;country\nX1;GBR\n")
    parsed = read_police_list(source, str(layout))
    assert parsed.layout == "semicolons" and parsed.items[0].document_number == "X1"
    assert {"default", "police-gbk-example"} <= set(bundled_layouts())


@pytest.mark.parametrize(("data", "message"), [
    (b"", "is empty"),
    (HEADER.encode() + b"\n", "holds no items"),
    (b"document_number,surname,field,problem\nX1,A,,\n", "line 1: no column 'nationality'"),
    (csv_bytes("X1,CAN,A,birth_date"), "line 2: 4 fields, the header has 5"),
    (csv_bytes("X1,CAN,A,,", ",CAN,B,,"), r"line 3, column 1 \(document_number\): empty"),
    (csv_bytes("X1,Germany,A,,"), r"line 2, column 2 \(nationality\): 'Germany' is not a nationality code"),
    (csv_bytes("X1,CAN,A,,", "X-2,CAN,A,,"), r"line 3, column 1 \(document_number\): 'X-2' is not a document"),
    (csv_bytes("X1,CAN,A,hair_colour,"), r"line 2, column 4 \(field\): 'hair_colour' is not a field"),
    (csv_bytes("X1,CAN,A,,", "X2,CAN,M\xfcller,,").replace("M\xfcller".encode(), b"M\xfcller"),
     "line 3: not utf-8-sig text"),
])
def test_a_bad_file_is_refused_with_its_line_and_column(data: bytes, message: str) -> None:
    with pytest.raises(PoliceListError, match=message):
        parse(data)


def test_a_bad_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PoliceListError, match="no list layout 'nope'"):
        load_layout("nope")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "hotel_desk.police_list_layout/1", "columns": {"surname": "s"}}),
                   encoding="utf-8")
    with pytest.raises(PoliceListError, match="missing: document_number, nationality"):
        load_layout(str(bad))
    bad.write_text(json.dumps({"format": "hotel_desk.police_list_layout/1",
                               "columns": {"document_number": "n", "nationality": "c"},
                               "field_codes": {"x": "hair_colour"}}), encoding="utf-8")
    with pytest.raises(PoliceListError, match="hair_colour"):
        load_layout(str(bad))
    with pytest.raises(PoliceListError, match="cannot read"):
        read_police_list(tmp_path / "missing.csv")
