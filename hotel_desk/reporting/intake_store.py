"""What the training intake has filed: an SQLite database of full guest records, so a private file.

The database is created 0600 (SQLite gives its -wal and -shm files the same mode) in a folder this program
made 0700. One connection behind a lock: the server's requests are short and a batch is filed in one
transaction, so either all of a batch's accepted records are filed or none.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hotel_desk.privacy import private_dir, touch_private

_SCHEMA = """
CREATE TABLE IF NOT EXISTS filed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hotel_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    report_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL UNIQUE,
    record_sha256 TEXT NOT NULL,
    record_json TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    anchor TEXT NOT NULL DEFAULT '',
    UNIQUE (hotel_id, idempotency_key),
    UNIQUE (hotel_id, report_id)
);
CREATE TABLE IF NOT EXISTS rejected (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hotel_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    errors_json TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""

_RECEIPT_COLUMNS = "receipt_id, idempotency_key, report_id, hotel_id, received_at, record_sha256, anchor"


class IntakeDatabase:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            target = Path(self.path)
            if not target.parent.exists():
                private_dir(target.parent)
            touch_private(target)  # before SQLite creates it with the umask's mode
            for suffix in ("-wal", "-shm", "-journal"):  # from an older version, made with the umask
                side = Path(self.path + suffix)
                if side.exists():
                    touch_private(side)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(filed)")}
        if "anchor" not in columns:  # a database from protocol 1
            self._conn.execute("ALTER TABLE filed ADD COLUMN anchor TEXT NOT NULL DEFAULT ''")
        self.lock = threading.RLock()

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    def bump(self, counts: Mapping[str, int]) -> None:
        for name, n in counts.items():
            if n:
                self._conn.execute(
                    "INSERT INTO counters(name, value) VALUES (?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                    (name, n),
                )

    def count(self, name: str) -> None:
        with self.lock:
            self.bump({name: 1})

    def counters(self) -> dict[str, int]:
        with self.lock:
            rows = self._conn.execute("SELECT name, value FROM counters").fetchall()
            filed = self._conn.execute("SELECT COUNT(*), COUNT(DISTINCT report_id) FROM filed").fetchone()
        out = {name: int(value) for name, value in rows}
        out["filed_records"] = int(filed[0])
        out["filed_distinct_reports"] = int(filed[1])
        return out

    def receipt(self, receipt_id: str) -> dict[str, Any] | None:
        with self.lock:
            row = self._conn.execute(f"SELECT {_RECEIPT_COLUMNS} FROM filed WHERE receipt_id = ?",
                                     (receipt_id,)).fetchone()
        return _receipt_json(row) if row else None

    def by_key(self, hotel_id: str, key: str) -> dict[str, Any] | None:
        with self.lock:
            row = self._conn.execute(f"SELECT {_RECEIPT_COLUMNS} FROM filed WHERE hotel_id = ? AND idempotency_key = ?",
                                     (hotel_id, key)).fetchone()
        return _receipt_json(row) if row else None

    def filed_report_ids(self) -> list[str]:
        with self.lock:
            return [r[0] for r in self._conn.execute("SELECT report_id FROM filed ORDER BY seq")]


def _receipt_json(row: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "receipt_id": row[0],
        "idempotency_key": row[1],
        "report_id": row[2],
        "hotel_id": row[3],
        "received_at": row[4],
        "record_sha256": row[5],
        "anchor": row[6],
    }
