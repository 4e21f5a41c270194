"""The command line of the workflows: `hotel-desk suspected-errors import|list|verify|layouts` and
`hotel-desk guests overdue|history`, their --json outputs and exit codes. The commands run on the system
clock, so every record here is made relative to the moment the test runs (never a fixed date)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from hotel_desk import store
from hotel_desk.cli import main as cli_main
from hotel_desk.clock import ManualClock, SystemClock, local_today
from hotel_desk.rules.roles import Role
from tests.support.staff import staff_env
from tests.support.workflows import csv_bytes, register


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}"
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", url)
    database = store.open_database(url)
    store.set_property(database, name="Inn", hotel_code="H1", clock=ManualClock(SystemClock().now() - timedelta(days=5)))
    staff_env(monkeypatch, url, "alice", Role.MANAGER)  # the commands sign in as at the desk
    yield database
    database.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_and_list_as_json(db, tmp_path, capsys):
    now = ManualClock(SystemClock().now())
    stay = register(db, now, number="ZE111111", surname="MARTIN", room="301")
    path = tmp_path / "police.csv"
    path.write_bytes(csv_bytes("ZE111111,CAN,MARTIN,birth_date,Date of birth differs",
                               "ZE999999,CAN,NOBODY,,Unknown"))
    code, out, _ = run(capsys, "suspected-errors", "import", str(path), "--json", "--user", "alice")
    result = json.loads(out)
    assert code == 0 and (result["added"], result["matched"], result["unmatched"]) == (2, 1, 1)
    assert not result["already_imported"] and result["due_on"]
    code, out, _ = run(capsys, "suspected-errors", "import", str(path))
    assert code == 0 and "imported before" in out
    code, out, _ = run(capsys, "suspected-errors", "list", "--json")
    items = json.loads(out)
    assert code == 0 and [i["line"] for i in items] == [2, 3]
    assert items[0]["matched"]["registration_id"] == stay.registration_id and items[0]["matched"]["room"] == "301"
    assert items[1]["matched"] is None and items[1]["match_rule"] == "none" and items[1]["state"] == "open"
    code, out, _ = run(capsys, "suspected-errors", "list")
    assert "no match" in out and "room 301" in out
    code, out, err = run(capsys, "suspected-errors", "verify", items[1]["item_id"], "--note", "")
    assert code == 1 and "needs a note" in err
    code, out, _ = run(capsys, "suspected-errors", "verify", items[1]["item_id"], "--note", "not our guest")
    assert code == 0
    code, out, _ = run(capsys, "suspected-errors", "list", "--json", "--state", "verified")
    assert [i["answer_note"] for i in json.loads(out)] == ["not our guest"]


def test_a_bad_list_is_refused_with_line_and_column_and_nothing_imported(db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes("ZE1,CAN,A,,", "ZE2,Canada,B,,"))
    code, _, err = run(capsys, "suspected-errors", "import", str(path))
    assert code == 1 and "line 3, column 2 (nationality)" in err and "nothing was imported" in err
    assert json.loads(run(capsys, "suspected-errors", "list", "--json")[1]) == []
    code, out, _ = run(capsys, "suspected-errors", "layouts")
    assert code == 0 and "police-gbk-example" in out


def test_guests_overdue_and_history_as_json(db, capsys):
    now = SystemClock().now()
    today = local_today(SystemClock(), "Asia/Shanghai")  # the property's day
    three_days_ago = ManualClock(now - timedelta(days=3))
    late = register(db, three_days_ago, number="OV000001", surname="LATE", room="909",
                    departure=today - timedelta(days=2))
    register(db, three_days_ago, number="OV000002", surname="STAYING", room="910",
             departure=today + timedelta(days=2))
    code, out, _ = run(capsys, "guests", "overdue", "--json")
    [row] = json.loads(out)
    assert code == 0 and (row["registration_id"], row["room"], row["days_over"]) == (late.registration_id, "909", 2)
    assert row["due_out_at"].endswith("+08:00") and row["guest"].startswith("LATE")
    code, out, _ = run(capsys, "guests", "overdue")
    assert "1 guest(s) past their planned departure" in out and "room 909" in out
    code, out, _ = run(capsys, "guests", "history", late.registration_id, "--json")
    [stay] = json.loads(out)
    assert code == 0 and (stay["room"], stay["status"], stay["document_number"]) == ("909", "in_house", "OV000001")
    code, out, _ = run(capsys, "guests", "history", "no-such-id")
    assert code == 1 and "no registration" in out


def test_close_days_queues_the_nil_reports_once(db, capsys):
    code, out, _ = run(capsys, "guests", "close-days")
    # The property was set up five days ago (the fixture) and nobody checked in since.
    assert code == 0 and out.count("nil report for") == 5
    code, out, _ = run(capsys, "guests", "close-days")
    assert code == 0 and "every finished day is reported" in out
