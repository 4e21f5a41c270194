"""What a dishonest insider with the database file (or a superuser login) can do: switch the guards off,
edit, put them back, and even rebuild the whole hash chain so that it is consistent again."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from hotel_desk.store.audit import link_hash

if TYPE_CHECKING:
    from hotel_desk.store import Database

GUARDED = ("audit_events", "reports", "report_attempts")


def behind_the_guards(db: Database, *statements: str, **params: Any) -> None:
    """Run raw SQL with the triggers out of the way, then put them back exactly as they were."""
    with db.write() as s:
        if db.is_postgresql:
            for table in GUARDED:
                s.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
            for sql in statements:
                s.execute(text(sql), params)
            for table in GUARDED:
                s.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
            return
        triggers = s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
        for name, _ in triggers:
            s.execute(text(f"DROP TRIGGER {name}"))
        for sql in statements:
            s.execute(text(sql), params)
        for _, sql_text in triggers:
            s.execute(text(sql_text))


def rebuild_chain(db: Database, edit_body: Any = None) -> None:
    """Recompute every link (after `edit_body(seq, parsed_body)` changed what it wanted), the anchors the
    reports hold and the head: a chain that is consistent again from genesis, but not the one that left."""
    with db.read() as s:
        events = s.execute(text("SELECT seq, body FROM audit_events ORDER BY seq")).all()
    prev = "0" * 64
    updates = []
    for seq, body in events:
        parsed = json.loads(body)
        if edit_body is not None:
            edit_body(seq, parsed)
        new_body = json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = link_hash(prev, new_body)
        updates.append({"seq": seq, "body": new_body, "prev": prev, "hash": digest})
        prev = digest
    with db.write() as s:
        if db.is_postgresql:
            for table in GUARDED:
                s.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        triggers = [] if db.is_postgresql else s.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
        for name, _ in triggers:
            s.execute(text(f"DROP TRIGGER {name}"))
        # Through a placeholder first: the hash column is unique.
        s.execute(text("UPDATE audit_events SET hash = 'tmp' || CAST(seq AS TEXT)"))
        s.execute(text("UPDATE audit_events SET body = :body, prev_hash = :prev, hash = :hash WHERE seq = :seq"),
                  updates)
        s.execute(text("UPDATE reports SET anchor_hash = (SELECT hash FROM audit_events WHERE seq = reports.anchor_seq)"))
        s.execute(text("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1"),
                  {"seq": updates[-1]["seq"], "hash": updates[-1]["hash"]})
        for _, sql_text in triggers:
            s.execute(text(sql_text))
        if db.is_postgresql:
            for table in GUARDED:
                s.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
