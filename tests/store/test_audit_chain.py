"""The audit chain finds tampering (even behind the triggers' back) and the CLI reports it."""

from __future__ import annotations

import csv
import itertools
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from hotel_desk import store
from hotel_desk.cli import main as cli_main
from hotel_desk.rules.roles import Role
from hotel_desk.store.audit import canonical_json, link_hash
from tests.support.guests import guest_registration
from tests.support.staff import PASSWORD, make_accounts


def _populate(db, clock, n: int = 5, *, first_room: int = 100) -> list[store.ReportRef]:
    refs = []
    for i in range(n):
        refs.append(store.register_guest(db, guest_registration(clock, room=str(first_room + i)), actor="alice",
                                         clock=clock))
        clock.advance(timedelta(minutes=1))
    return refs


def _behind_the_triggers(db, sql: str, params: dict) -> None:
    """What an attacker with file access could do: drop the guard, edit, put the guard back."""
    with db.write() as s:
        if db.is_postgresql:
            s.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            s.execute(text("ALTER TABLE reports DISABLE TRIGGER USER"))
            s.execute(text(sql), params)
            s.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
            s.execute(text("ALTER TABLE reports ENABLE TRIGGER USER"))
        else:
            triggers = s.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_events', 'reports')"
            )).all()
            for name, _ in triggers:
                s.execute(text(f"DROP TRIGGER {name}"))
            s.execute(text(sql), params)
            for _, sql_text in triggers:
                s.execute(text(sql_text))


def test_canonical_json_and_link_hash_are_stable():
    assert canonical_json({"b": 1, "a": "中"}) == '{"a":"中","b":1}'
    import hashlib

    assert link_hash("ab", "cd") == hashlib.sha256(b"abcd").hexdigest()


@pytest.mark.parametrize(
    ("sql", "expect"),
    [
        ("UPDATE audit_events SET body = replace(body, 'alice', 'mallo') WHERE seq = :seq", "body or hash altered"),
        ("UPDATE audit_events SET actor = 'mallory' WHERE seq = :seq", "column actor"),
        ("DELETE FROM audit_events WHERE seq = :seq AND NOT EXISTS (SELECT 1 FROM reports WHERE audit_seq = :seq)",
         "sequence gap"),
    ],
)
def test_verify_finds_the_first_broken_link(db, clock, sql, expect):
    _populate(db, clock)
    target = 3
    with db.read() as s:
        assert store.verify_chain(s).ok
    if "DELETE" in sql:
        # Deleting a check-in event is stopped by the report's foreign key: delete a read event instead.
        store.record_personal_data_read(db, actor="alice", entity_type="registration", entity_id="x", clock=clock)
        _populate(db, clock, 1, first_room=200)  # another guest (the same one again would be a repeat)
        with db.read() as s:
            target = store.chain_head(s)[0] - 1
    _behind_the_triggers(db, sql, {"seq": target})
    with db.read() as s:
        result = store.verify_chain(s)
    assert not result.ok
    assert result.broken.seq in (target, target + 1)
    assert expect in " ".join(p.problem for p in result.problems)


def test_cli_verify_and_tampered_payload(db, db_url, clock, capsys, monkeypatch):
    refs = _populate(db, clock, 3)
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    assert cli_main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and f"{3 + 1} events" in out  # + the property set-up event
    _behind_the_triggers(db, "UPDATE reports SET payload = replace(payload, 'MARTIN', 'MARTYN') WHERE id = :id",
                         {"id": refs[1].report_id})
    assert cli_main(["audit", "verify"]) == 1
    assert f"report {refs[1].report_id}" in capsys.readouterr().out
    _behind_the_triggers(db, "UPDATE audit_events SET entity_id = 'x' WHERE seq = :seq", {"seq": 2})
    assert cli_main(["audit", "verify", "--database", db_url]) == 1
    assert "first broken link at event 2" in capsys.readouterr().out


def test_cli_export_csv_and_json_with_chain_head(db, db_url, clock, tmp_path: Path, capsys, monkeypatch):
    from hotel_desk.settings import key_store
    from hotel_desk.store.sealed_data import attach_data_key

    _populate(db, clock, 3)
    attach_data_key(db, key_store(), clock=clock)  # as the desk the command opens would, first
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    make_accounts(db_url, {"li": Role.LIAISON}, clock=clock)  # the police liaison exports
    monkeypatch.setenv("HOTEL_DESK_PASSWORD", PASSWORD)
    with db.read() as s:
        head_seq, _head_hash = store.chain_head(s)
    assert cli_main(["audit", "export", "--user", "li", "--from", "2026-11-20", "--to", "2026-11-20",
                     str(tmp_path / "a.csv")]) == 0
    lines = (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()
    with db.read() as s:  # the head when the file was written: the liaison's sign-in for it
        signed_in = s.execute(text("SELECT action, hash FROM audit_events WHERE seq = :n"), {"n": head_seq + 1}).one()
    assert signed_in.action == "session.signed_in"
    assert lines[0].startswith("# hotel_desk audit export") and f"chain_head_hash={signed_in.hash}" in lines[0]
    rows = list(csv.DictReader(lines[1:]))
    assert [int(r["seq"]) for r in rows] == list(range(1, head_seq + 1))
    for prev, row in itertools.pairwise(rows):
        assert row["prev_hash"] == prev["hash"] and link_hash(row["prev_hash"], row["body"]) == row["hash"]
    assert cli_main(["audit", "export", "--user", "li", str(tmp_path / "b.json")]) == 0
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    # The CSV export itself was audited, between the liaison's two sign-ins.
    assert data["chain_head_seq"] == head_seq + 3
    assert data["count"] == len(data["events"]) == head_seq + 3
    assert [e["action"] for e in data["events"][-3:]] == ["session.signed_in", "audit.exported", "session.signed_in"]
    assert {e["actor"] for e in data["events"][-3:]} == {"li"}
    # A period with nothing in it is an empty export, not an error.
    assert cli_main(["audit", "export", "--user", "li", "--from", "2020-01-01", "--to", "2020-01-02",
                     str(tmp_path / "c.json")]) == 0
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["events"] == []
    assert cli_main(["audit", "export", "--user", "li", "--from", "2026-11-21", "--to", "2026-11-20",
                     str(tmp_path / "d.json")]) == 2
