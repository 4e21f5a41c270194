"""Issue 13: each way a dishonest insider tried to alter the record is caught by `audit verify`, with raw SQL on
SQLite and on PostgreSQL (the guards switched off where they would have stopped it)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from hotel_desk import store
from hotel_desk.cli import main as cli_main
from hotel_desk.rules.roles import Role
from hotel_desk.store import row_digests
from tests.support.guests import register_guest
from tests.support.staff import staff_env
from tests.support.tamper import behind_the_guards, rebuild_chain


def _stays(db, clock, n: int = 3) -> list[store.ReportRef]:
    refs = []
    for i in range(n):
        refs.append(register_guest(db, clock, room=str(1720 + i), surname=["DUBOIS", "MARTIN", "KIM"][i % 3]))
        clock.advance(timedelta(minutes=5))
    return refs


def _acknowledge_all(db, clock) -> None:
    claimed = store.claim_due_reports(db, worker="uploader@desk", limit=100, clock=clock)
    store.record_answers(db, [store.Answer(r.report_id, "acknowledged", receipt_id=f"JA-{i}", raw_answer="{}")
                              for i, r in enumerate(claimed)], channel="http", clock=clock)


def test_every_write_path_leaves_rows_that_verify(db, clock):
    refs = _stays(db, clock, 4)
    _acknowledge_all(db, clock)
    store.check_out(db, refs[0].registration_id, actor="alice", clock=clock)
    store.correct_registration(db, refs[1].registration_id, {"room": "1801"}, actor="alice", note="typo", clock=clock)
    store.cancel_registration(db, refs[2].registration_id, actor="bob", note="duplicate", clock=clock)
    claimed = store.claim_due_reports(db, worker="uploader@desk", clock=clock)
    store.record_answers(db, [
        store.Answer(claimed[0].report_id, "rejected", field_errors=[{"field": "room", "code": "too_long"}],
                     raw_answer='{"rejected": 1}'),
        store.Answer(claimed[1].report_id, "transient", error="busy", next_attempt_at=clock.now()),
    ], channel="http", clock=clock)
    store.mark_handed_over(db, claimed[2].report_id, channel="fax", actor="alice", clock=clock)
    store.confirm_report(db, claimed[2].report_id, receipt_number="P-7", actor="alice", clock=clock)
    check = store.check_audit_trail(db)
    assert check.ok, check.first_problem
    # registrations + guests + documents + reports (4 check-ins, check-out, correction, cancellation)
    assert check.rows_checked == 4 * 3 + 7
    assert check.guard_problems == []


@pytest.mark.parametrize(("sql", "table", "field"), [
    ("UPDATE guests SET surname_en = 'DUPONT' WHERE id = :guest", "guest", "surname_en"),
    ("UPDATE registrations SET room = '9999' WHERE id = :registration", "registration", "room"),
])
def test_an_edited_surname_or_room_is_named(db, clock, sql, table, field):
    refs = _stays(db, clock)
    _acknowledge_all(db, clock)
    behind_the_guards(db, sql, guest=refs[0].guest_id, registration=refs[0].registration_id)
    check = store.check_audit_trail(db)
    assert not check.ok and check.chain.ok  # the chain itself is untouched: only the row tells
    [problem] = check.row_problems
    assert (problem.table, problem.fields) == (table, (field,))
    assert ("'DUBOIS' in the latest report" if field == "surname_en" else "'1720' in the latest report") in problem.values
    assert "DUBOIS" not in problem.problem and "DUPONT" not in problem.problem  # printed without a sign-in


def test_a_report_set_acknowledged_with_a_fake_receipt(db, clock):
    refs = _stays(db, clock)
    behind_the_guards(db, "UPDATE reports SET state = 'acknowledged', receipt_id = 'JA-FAKE', raw_answer = '{}' "
                          "WHERE id = :report", report=refs[1].report_id)
    check = store.check_audit_trail(db)
    [problem] = check.row_problems
    assert problem.table == "report" and problem.row_id == refs[1].report_id
    assert "the chain says unsent" in problem.problem and "JA-FAKE" in problem.problem


def test_a_correction_undone_behind_the_back_is_found_by_the_sums(db, clock):
    refs = _stays(db, clock)
    with db.read() as s:
        before = s.execute(text("SELECT room, updated_at, row_seq FROM registrations WHERE id = :r"),
                           {"r": refs[0].registration_id}).one()
    store.correct_registration(db, refs[0].registration_id, {"room": "2001"}, actor="alice", clock=clock)
    # Back to the old room, the old time stamp and the old pointer: the row matches its check-in event again.
    behind_the_guards(db, "UPDATE registrations SET room = :room, updated_at = :updated, row_seq = :seq "
                          "WHERE id = :r", room=before.room, updated=before.updated_at, seq=before.row_seq,
                      r=refs[0].registration_id)
    check = store.check_audit_trail(db)
    assert any(p.row_id == refs[0].registration_id and "set back" in p.problem for p in check.row_problems)


def test_removed_events_with_a_rewound_head(db, clock):
    refs = _stays(db, clock)
    _acknowledge_all(db, clock)  # the last event: the acknowledgement batch
    with db.read() as s:
        head, _ = store.chain_head(s)
        keep = s.execute(text("SELECT seq, hash FROM audit_events WHERE seq = :s"), {"s": head - 1}).one()
    behind_the_guards(db, "DELETE FROM audit_events WHERE seq = :head",
                      "UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1",
                      head=head, seq=keep.seq, hash=keep.hash)
    check = store.check_audit_trail(db)
    assert check.chain.ok  # a clean cut: the chain alone is consistent
    assert {p.row_id for p in check.row_problems} == {r.report_id for r in refs}
    assert all(f"audit event {head} that last covered it is missing" in p.problem for p in check.row_problems)


def test_a_whole_stay_cut_off_the_end_is_caught_against_an_earlier_receipts_file(db, db_url, clock, tmp_path,
                                                                                monkeypatch, capsys):
    refs = _stays(db, clock)
    _acknowledge_all(db, clock)
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    staff_env(monkeypatch, db_url, "li", Role.LIAISON)
    assert cli_main(["audit", "receipts", "--out", str(tmp_path / "receipts.json")]) == 0
    assert (tmp_path / "receipts.json").stat().st_mode & 0o777 == 0o600
    # Everything from the last check-in on removed, rows included, and the head moved back: self-consistent.
    last = refs[-1]
    with db.read() as s:
        keep = s.execute(text("SELECT seq, hash FROM audit_events WHERE seq = :s"), {"s": last.audit_seq - 1}).one()
    behind_the_guards(
        db, "DELETE FROM report_attempts WHERE report_id = :report", "DELETE FROM reports WHERE id = :report",
        "DELETE FROM registrations WHERE id = :registration",
        "DELETE FROM documents WHERE guest_id = :guest", "DELETE FROM guests WHERE id = :guest",
        "DELETE FROM audit_events WHERE seq >= :seq",
        "UPDATE audit_chain_head SET last_seq = :keep_seq, last_hash = :keep_hash WHERE id = 1",
        report=last.report_id, registration=last.registration_id, guest=last.guest_id, seq=last.audit_seq,
        keep_seq=keep.seq, keep_hash=keep.hash)
    # Rows of the other stays acknowledged in the removed batch still point at it: put them back to their
    # check-in events too (a careful attacker), so the database alone looks whole.
    behind_the_guards(db, "UPDATE reports SET state = 'queued', receipt_id = NULL, raw_answer = NULL, "
                          "channel = NULL, row_seq = audit_seq")
    assert store.check_audit_trail(db).ok
    assert cli_main(["audit", "verify", "--against", str(tmp_path / "receipts.json")]) == 1
    out = capsys.readouterr().out
    assert f"event {last.audit_seq}, anchored by receipt" in out and "cut back" in out


def test_a_rebuilt_chain_after_changing_a_sent_record_is_caught_against_an_earlier_export(
        db, db_url, clock, tmp_path, monkeypatch, capsys):
    refs = _stays(db, clock)
    _acknowledge_all(db, clock)
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    staff_env(monkeypatch, db_url, "li", Role.LIAISON)
    assert cli_main(["audit", "export", str(tmp_path / "earlier.json")]) == 0
    guest_key = row_digests.key("guest", refs[0].guest_id)
    behind_the_guards(db, "UPDATE guests SET surname_en = 'DUPONT' WHERE id = :guest", guest=refs[0].guest_id)
    with db.read() as s:
        from hotel_desk.store.models import Guest

        new_digest = row_digests.digest("guest", s.get(Guest, refs[0].guest_id))

    def edit(_seq: int, body: dict) -> None:
        rows = body.get("details", {}).get("rows", {})
        if guest_key in rows:
            rows[guest_key][0] = new_digest

    rebuild_chain(db, edit)
    assert store.check_audit_trail(db).ok  # the rewrite is self-consistent...
    assert cli_main(["audit", "verify", "--against", str(tmp_path / "earlier.json")]) == 1
    out = capsys.readouterr().out  # ...but not the chain the liaison took away
    assert "the chain was rewritten up to there" in out


def test_dropped_guards_are_named(db, clock):
    _stays(db, clock, 1)
    with db.write() as s:
        if db.is_postgresql:
            s.execute(text("DROP TRIGGER reports_frozen ON reports"))
            s.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"))
        else:
            s.execute(text("DROP TRIGGER reports_frozen"))
            s.execute(text("DROP TRIGGER audit_events_no_update"))
            s.execute(text("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT 1; END"))
    problems = store.check_audit_trail(db).guard_problems
    assert any("reports_frozen" in p and "missing" in p for p in problems)
    assert any(p.startswith("trigger audit_events_") and ("disabled" in p or "changed" in p) for p in problems)


def test_verify_on_a_mistyped_path_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "no-such" / "hotel_desk.sqlite3"
    assert cli_main(["audit", "verify", "--database", f"sqlite:///{missing}"]) == 2
    assert "there is no database" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()


def test_verify_refuses_a_file_that_is_no_evidence(db, db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    (tmp_path / "notes.json").write_text(json.dumps({"hello": 1}), encoding="utf-8")
    assert cli_main(["audit", "verify", "--against", str(tmp_path / "notes.json")]) == 2
    assert "not an audit export" in capsys.readouterr().err


def test_each_report_carries_the_chain_head_at_its_creation_as_its_anchor(db, clock):
    from hotel_desk.store.anchors import parse_anchor

    ref = register_guest(db, clock)
    [claimed] = store.claim_due_reports(db, worker="u", clock=clock)
    seq, digest = parse_anchor(claimed.anchor)
    with db.read() as s:
        assert (seq, digest) == (ref.audit_seq, s.execute(text("SELECT hash FROM audit_events WHERE seq = :s"),
                                                          {"s": ref.audit_seq}).scalar_one())
    assert len(claimed.anchor) <= 256 and claimed.anchor.isascii() and claimed.anchor.isprintable()
    # Frozen like the payload: the database refuses to move it.
    with pytest.raises(Exception, match="immutable"), db.write() as s:
        s.execute(text("UPDATE reports SET anchor_hash = :h WHERE id = :r"), {"h": "0" * 64, "r": ref.report_id})
