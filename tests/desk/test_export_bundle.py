"""The export bundle: written by `hotel-desk audit export --out BUNDLE.zip`, checked on a computer with no
database by `audit verify-export`, refused when a member was changed, and evidence for `audit verify --against`."""

from __future__ import annotations

import shutil
import stat
import zipfile
from datetime import timedelta

import pytest
from pypdf import PdfReader

from hotel_desk import store
from hotel_desk.cli import main as cli_main
from hotel_desk.rules.roles import Role
from tests.support.guests import register_guest
from tests.support.staff import staff_env


@pytest.fixture
def bundle(db, db_url, clock, tmp_path, monkeypatch):
    for i in range(3):
        register_guest(db, clock, room=str(1720 + i), surname=["DUBOIS", "KIM", "TANAKA"][i])
        clock.advance(timedelta(minutes=10))
    claimed = store.claim_due_reports(db, worker="u", clock=clock)
    store.record_answers(db, [store.Answer(r.report_id, "acknowledged", receipt_id="JA-1", raw_answer="{}")
                              for r in claimed], channel="http", clock=clock)
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    staff_env(monkeypatch, db_url, "li", Role.LIAISON)
    path = tmp_path / "out" / "bundle.zip"
    path.parent.mkdir()
    assert cli_main(["audit", "export", "--from", "2026-11-19", "--to", "2026-11-21", "--out", str(path)]) == 0
    return path


def test_the_bundle_holds_a_readable_summary_names_and_a_private_manifest(bundle):
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        events = archive.read("events.jsonl").decode("utf-8")
        pdf = archive.read("summary.pdf")
    assert names == {"manifest.json", "events.jsonl", "chain_head.json", "measures.json", "differences.json",
                     "summary.pdf"}
    assert '"guest": "DUBOIS, SARAH"' in events and '"actor": "alice"' in events  # who registered whom
    assert pdf.startswith(b"%PDF") and len(PdfReader(__import__("io").BytesIO(pdf)).pages) >= 1


def test_verify_export_on_a_copy_with_no_database(bundle, tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "liaison"
    elsewhere.mkdir()
    copy = shutil.copy(bundle, elsewhere / "from-the-hotel.zip")
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", f"sqlite:///{elsewhere / 'none.sqlite3'}")
    assert cli_main(["audit", "verify-export", str(copy)]) == 0
    assert "OK" in capsys.readouterr().out
    assert not (elsewhere / "none.sqlite3").exists()  # no database was needed, none was made


def test_a_changed_member_is_detected(bundle, tmp_path, capsys):
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "events.jsonl":
                data = data.replace(b"DUBOIS", b"DUPONT")
            dst.writestr(item, data)
    assert cli_main(["audit", "verify-export", str(tampered)]) == 1
    assert "events.jsonl is not the file the manifest names" in capsys.readouterr().out


def test_a_bundle_is_evidence_against_a_later_rewrite(bundle, db, capsys):
    from tests.support.tamper import behind_the_guards, rebuild_chain

    assert cli_main(["audit", "verify", "--against", str(bundle)]) == 0
    capsys.readouterr()

    def edit(seq: int, body: dict) -> None:
        if seq == 2:
            body["actor"] = "nobody"

    rebuild_chain(db, edit)
    behind_the_guards(db, "UPDATE audit_events SET actor = 'nobody' WHERE seq = 2")  # the column too
    assert store.check_audit_trail(db).ok
    assert cli_main(["audit", "verify", "--against", str(bundle)]) == 1
    assert "rewritten" in capsys.readouterr().out
