"""`hotel-desk reports ...` in-process: status, send, check, export-batch and confirm."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.cli import main
from hotel_desk.clock import SystemClock
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.rules.roles import Role
from tests.reporting.conftest import refuse_surname, register_guests
from tests.support.staff import staff_env


@pytest.fixture
def now() -> SystemClock:
    """The commands run on the computer's clock, so the registrations they send are made on it too."""
    return SystemClock()


@pytest.fixture
def cli_env(db: Any, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", store_url)
    monkeypatch.delenv("HOTEL_DESK_INTAKE_URL", raising=False)
    staff_env(monkeypatch, store_url, "alice", Role.RECEPTIONIST)  # sends and hands reports over
    return db


def test_send_check_and_status(cli_env: Any, now: SystemClock, intake: IntakeServer, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    register_guests(cli_env, now, 3)
    register_guests(cli_env, now, 1, surname="O'NEIL-ASTROM", start=9)
    refuse_surname(intake, "O'NEIL-ASTROM")  # the desk accepts it; this intake has a rule of its own
    # The environment variable points at the intake; --intake would beat it.
    monkeypatch.setenv("HOTEL_DESK_INTAKE_URL", intake.url)
    assert main(["reports", "check"]) == 1
    assert "1 would be rejected" in capsys.readouterr().out
    assert intake.stats()["filed_records"] == 0
    assert main(["reports", "send", "--until-empty"]) == 0
    assert "accepted 3" in capsys.readouterr().out
    assert main(["reports", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["intake"] == intake.url and status["training"] is True
    assert status["by_state"]["acknowledged"] == 3 and status["rejected"] == 1
    assert status["rejected_items"][0]["field_errors"][0]["field"] == "surname_en"
    assert main(["reports", "status"]) == 0
    assert "needs correction: 1" in capsys.readouterr().out


def test_export_batch_then_confirm(cli_env: Any, now: SystemClock, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    ids = register_guests(cli_env, now, 4)
    out = tmp_path / "usb"
    assert main(["reports", "export-batch", str(out)]) == 0
    [folder] = list(out.glob("batch-*"))
    manifest = json.loads((folder / "manifest.json").read_text())
    assert sorted(manifest["report_ids"]) == sorted(ids)
    assert main(["reports", "export-batch", str(out)]) == 0  # nothing left unsent
    assert "nothing unsent" in capsys.readouterr().out
    # Handed over: still pending (waiting for the receipt) but no longer at risk of being late.
    assert main(["reports", "status", "--json"]) == 0
    handed = json.loads(capsys.readouterr().out)
    assert handed["pending"] == 4 and handed["by_state"]["handed_over"] == 4
    assert handed["overdue"] == 0 and handed["alerts"] == []
    # A damaged batch is refused before anything is confirmed.
    (folder / "reports.csv").write_bytes((folder / "reports.csv").read_bytes() + b"x")
    assert main(["reports", "confirm", "--batch", str(folder), "--receipt", "JA-1"]) == 1
    (folder / "reports.csv").write_bytes((folder / "reports.csv").read_bytes()[:-1])
    assert main(["reports", "confirm", "--batch", str(folder), "--receipt", "JA-1", "--by", "alice"]) == 0
    capsys.readouterr()
    assert main(["reports", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["by_state"]["confirmed"] == 4 and status["pending"] == 0
    assert main(["reports", "confirm", "--receipt", "JA-1"]) == 2  # needs --batch or --report
