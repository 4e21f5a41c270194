"""`hotel-desk read-mrz`: JSON lines, human output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotel_desk.cli import main


def test_json_output_one_line_per_file(tmp_path: Path, synthetic, capsys) -> None:
    sample = synthetic("scan_clean")
    good = tmp_path / "passport.png"
    good.write_bytes(sample.image)
    code = main(["read-mrz", "--json", "--today", "2026-01-15", str(good)])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert len(out) == 1
    record = json.loads(out[0])
    assert set(record) == {"file", "mrz", "document", "valid", "findings", "needs_review", "seconds"}
    assert record["file"] == str(good)
    assert tuple(record["mrz"]) == sample.lines
    assert record["document"]["mrz"] == list(sample.lines)
    assert isinstance(record["valid"], bool) and isinstance(record["seconds"], float)


def test_exit_1_when_some_file_is_not_read(tmp_path: Path, synthetic, capsys) -> None:
    good = tmp_path / "passport.png"
    good.write_bytes(synthetic("scan_clean").image)
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    code = main(["read-mrz", "--json", str(good), str(bad)])
    lines = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert code == 1
    assert [r["mrz"] is None for r in lines] == [False, True]
    assert lines[1]["findings"][0]["code"] == "image.not_image"
    assert lines[1]["findings"][0]["message_zh"]


def test_human_output(tmp_path: Path, synthetic, capsys) -> None:
    sample = synthetic("small")
    path = tmp_path / "card.jpg"
    path.write_bytes(sample.image)
    assert main(["read-mrz", str(path)]) == 0
    out = capsys.readouterr().out
    assert sample.lines[0] in out and sample.lines[1] in out


def test_usage_error_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["read-mrz"])
    assert exc.value.code == 2
