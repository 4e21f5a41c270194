"""`hotel-desk fax form|send|handed-over` end to end: real store file, simulated modem on a pty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from hotel_desk.cli import main
from hotel_desk.rules.roles import Role
from hotel_desk.store import get_report
from tests.support.staff import staff_env


@pytest.fixture
def cli(db: Any, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("HOTEL_DESK_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)  # restored after the test (main() sets it)
    staff_env(monkeypatch, db_url, "bob", Role.RECEPTIONIST)  # the receptionist hands reports over

    def run(*argv: str) -> int:
        return main([*argv, "--database", db_url, "--user", "bob"])

    return run


def test_form_pdf_and_tiff(cli: Any, report_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("fax", "form", report_id, str(tmp_path / "f.pdf")) == 0
    assert (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")
    assert "hand it over before" in capsys.readouterr().out
    assert cli("fax", "form", report_id, str(tmp_path / "f.tiff")) == 0
    with Image.open(tmp_path / "f.tiff") as tiff:
        assert tiff.size[0] == 1728 and tiff.info["compression"] == "group3"


def test_form_usage_errors(cli: Any, report_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("fax", "form", report_id, str(tmp_path / "f.png")) == 2
    assert cli("fax", "form", "no-such-report", str(tmp_path / "f.pdf")) == 1
    assert "no report" in capsys.readouterr().err


def test_send_then_confirm(cli: Any, db: Any, report_id: str, modem_factory: Any,
                           capsys: pytest.CaptureFixture[str]) -> None:
    modem = modem_factory("success")
    assert cli("fax", "send", report_id, "--port", modem.port, "--number", "021-5555-0110", "--flow", "none",
               "--baud", "115200") == 0
    out = capsys.readouterr().out
    assert "fax delivered" in out and f"reports confirm --report {report_id}" in out
    assert get_report(db, report_id).state == "handed_over"
    assert main(["reports", "confirm", "--report", report_id, "--receipt", "JA-77"]) == 0
    assert get_report(db, report_id).state == "confirmed"


def test_send_busy_changes_nothing(cli: Any, db: Any, report_id: str, modem_factory: Any,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    modem = modem_factory("busy")
    assert cli("fax", "send", report_id, "--port", modem.port, "--number", "0215555", "--flow", "none") == 1
    err = capsys.readouterr().err
    assert "busy" in err and "unchanged" in err
    assert get_report(db, report_id).state == "queued"


def test_send_bad_number_is_a_usage_error(cli: Any, report_id: str) -> None:
    assert cli("fax", "send", report_id, "--port", "/dev/null", "--number", "12;ATH") == 2


def test_handed_over_in_person(cli: Any, db: Any, report_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("fax", "handed-over", report_id, "--to", "Officer Wang") == 0
    assert "Officer Wang" in capsys.readouterr().out
    assert get_report(db, report_id).state == "handed_over"
    assert cli("fax", "handed-over", report_id, "--to", "Officer Li") == 1
    assert "already handed over" in capsys.readouterr().err
