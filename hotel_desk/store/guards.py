"""The database's own guards: triggers that refuse to rewrite history, whatever program connects.

UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the audit chain and the attempt log are refused; a
report's payload, ids, times and chain anchor can never change, and reports are never deleted. Defined here
once: the migrations create them from these statements (0001 the first set, 0007 this one), and
`audit verify` checks that each one is still there, enabled and unchanged (`missing_guards`), because an
attacker's first step is to drop them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, text

#: Columns of a report that make up what was (or will be) sent, and the chain anchor it carries.
REPORT_FROZEN_COLUMNS = (
    "id", "audit_seq", "registration_id", "kind", "corrects_report_id", "payload", "payload_sha256",
    "event_time", "deadline_at", "anchor_seq", "anchor_hash",
)
APPEND_ONLY_TABLES = ("audit_events", "report_attempts")

_FREEZE_MESSAGE = "hotel_desk: a report payload is immutable; make a correction report"


def sqlite_guards(frozen: Sequence[str] = REPORT_FROZEN_COLUMNS) -> dict[str, str]:
    guards = {}
    for table in APPEND_ONLY_TABLES:
        for operation in ("UPDATE", "DELETE"):
            guards[f"{table}_no_{operation.lower()}"] = (
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, 'hotel_desk: {operation} on {table} refused: rows are append-only'); END"
            )
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in frozen)
    guards["reports_frozen"] = (
        f"CREATE TRIGGER reports_frozen BEFORE UPDATE ON reports WHEN {changed} BEGIN "
        f"SELECT RAISE(ABORT, '{_FREEZE_MESSAGE}'); END"
    )
    guards["reports_no_delete"] = (
        "CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN "
        "SELECT RAISE(ABORT, 'hotel_desk: DELETE on reports refused: a report is never forgotten'); END"
    )
    return guards


SQLITE_GUARDS = sqlite_guards()


def pg_functions(frozen: Sequence[str] = REPORT_FROZEN_COLUMNS) -> dict[str, str]:
    """PostgreSQL: the trigger functions (each trigger below names the function it must run)."""
    return {
        "hotel_desk_refuse_change": """
            CREATE OR REPLACE FUNCTION hotel_desk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'hotel_desk: % on % refused: % rows are append-only',
                    TG_OP, TG_TABLE_NAME, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END $$
        """,
        "hotel_desk_freeze_report": f"""
            CREATE OR REPLACE FUNCTION hotel_desk_freeze_report() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in frozen)} THEN
                    RAISE EXCEPTION '{_FREEZE_MESSAGE}'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END $$
        """,
    }


PG_FUNCTIONS = pg_functions()


def _pg_triggers() -> dict[str, tuple[str, str, str]]:
    """name -> (table, function, CREATE TRIGGER statement)."""
    triggers: dict[str, tuple[str, str, str]] = {}
    for table in APPEND_ONLY_TABLES:
        triggers[f"{table}_append_only"] = (table, "hotel_desk_refuse_change",
                                            f"BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW")
        triggers[f"{table}_no_truncate"] = (table, "hotel_desk_refuse_change",
                                            f"BEFORE TRUNCATE ON {table} FOR EACH STATEMENT")
    triggers["reports_frozen"] = ("reports", "hotel_desk_freeze_report", "BEFORE UPDATE ON reports FOR EACH ROW")
    triggers["reports_no_delete"] = ("reports", "hotel_desk_refuse_change", "BEFORE DELETE ON reports FOR EACH ROW")
    triggers["reports_no_truncate"] = ("reports", "hotel_desk_refuse_change",
                                       "BEFORE TRUNCATE ON reports FOR EACH STATEMENT")
    return triggers


PG_TRIGGERS = _pg_triggers()


def expected_guards(dialect: str) -> tuple[str, ...]:
    return tuple(PG_TRIGGERS if dialect == "postgresql" else SQLITE_GUARDS)


def create_guards(execute: Callable[[str], object], dialect: str,
                  frozen: Sequence[str] = REPORT_FROZEN_COLUMNS) -> None:
    """Create every guard (`execute` runs one statement: a migration's op.execute or a connection's);
    `frozen`: the report columns that may never change (a downgrade passes the older list)."""
    if dialect == "postgresql":
        for statement in pg_functions(frozen).values():
            execute(statement)
        for name, (_table, function, when) in PG_TRIGGERS.items():
            execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {function}()")
        return
    for statement in sqlite_guards(frozen).values():
        execute(statement)


def drop_guards(execute: Callable[[str], object], dialect: str) -> None:
    if dialect == "postgresql":
        for name, (table, _function, _when) in PG_TRIGGERS.items():
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        return
    for name in SQLITE_GUARDS:
        execute(f"DROP TRIGGER IF EXISTS {name}")


def _normalised(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().rstrip(";").lower()


def missing_guards(conn: Connection) -> list[str]:
    """Each guard that is gone, disabled or no longer does what it should, in words."""
    problems: list[str] = []
    if conn.dialect.name == "postgresql":
        found = {
            name: (table, function, enabled)
            for name, table, function, enabled in conn.execute(text(
                "SELECT t.tgname, c.relname, p.proname, t.tgenabled FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal"))
        }
        bodies: dict[str, str] = dict(conn.execute(text(
            "SELECT proname, prosrc FROM pg_proc WHERE proname IN ('hotel_desk_refuse_change', "
            "'hotel_desk_freeze_report')")).all())
        for name, (table, function, _when) in PG_TRIGGERS.items():
            got = found.get(name)
            if got is None:
                problems.append(f"trigger {name} on {table} is missing")
            elif got[0] != table or got[1] != function:
                problems.append(f"trigger {name} runs {got[1]}() on {got[0]}, not {function}() on {table}")
            elif got[2] == "D":
                problems.append(f"trigger {name} on {table} is disabled")
        for function, statement in PG_FUNCTIONS.items():
            body = statement.split("$$")[1]
            if function not in bodies:
                problems.append(f"trigger function {function}() is missing")
            elif _normalised(bodies[function]) != _normalised(body):
                problems.append(f"trigger function {function}() has been changed")
        return problems
    found_sql: dict[str, str] = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
    for name, statement in SQLITE_GUARDS.items():
        if name not in found_sql:
            problems.append(f"trigger {name} is missing")
        elif _normalised(found_sql[name] or "") != _normalised(statement):
            problems.append(f"trigger {name} has been changed")
    return problems
