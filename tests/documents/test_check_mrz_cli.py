from __future__ import annotations

import json

import pytest

from hotel_desk.cli import main

CANADA = ["P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<", "ZE000509<9CAN8501019F3301144<<<<<<<<<<<<<<06"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(["check-mrz", *argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_valid_document_exit_0(capsys) -> None:
    code, docs, _ = run(capsys, *CANADA, "--arrival", "2026-11-20", "--departure", "2026-11-25", "--today", "2026-11-22")
    assert code == 0
    assert docs[0]["valid"] and docs[0]["document"]["surname"] == "MARTIN"


def test_two_documents_and_a_bad_one(capsys) -> None:
    bad = CANADA[1][:-1] + "7"
    code, docs, _ = run(capsys, *CANADA, CANADA[0], bad, "--today", "2026-11-22")
    assert code == 1
    assert [d["valid"] for d in docs] == [True, False]
    assert "check_digit.composite" in {f["code"] for f in docs[1]["findings"]}


def test_stdin_and_blank_line_separation(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(CANADA) + "\n\nnot an mrz\n"))
    code, docs, _ = run(capsys, "--today", "2026-11-22")
    assert code == 1 and len(docs) == 2 and docs[1]["document"] is None


def test_usage_errors_exit_2(capsys, monkeypatch) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check-mrz", "--arrival", "tomorrow"])
    assert exc.value.code == 2
    code, _, err = run(capsys, *CANADA, "--arrival", "2026-11-25", "--departure", "2026-11-20")
    assert code == 2 and "departure" in err
