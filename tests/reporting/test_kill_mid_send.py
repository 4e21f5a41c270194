"""`hotel-desk reports send` killed with SIGKILL mid-send, again and again: nothing lost, nothing doubled.

The kill points are exact, not lucky: the intake server's test hook kills the sending process either when
a batch has arrived but is not yet filed, or when it is filed but the answer not yet sent (the worst case:
the intake has the reports, the desk does not know). Each restart resumes its previous life's claims and
resends them under the same idempotency keys; the intake's dedup counter shows the resends it absorbed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotel_desk.clock import ManualClock, SystemClock
from hotel_desk.reporting.intake_server import HookAbort, IntakeServer
from hotel_desk.rules.roles import Role
from hotel_desk.store.models import Report, ReportAttempt
from tests.reporting.conftest import REPO_ROOT_FOR_TESTS, register_guests
from tests.support.staff import PASSWORD, make_accounts

KILLS = 8


@pytest.mark.slow
def test_sigkill_mid_send_loses_and_duplicates_nothing(db: Any, intake: IntakeServer,
                                                       store_url: str, tmp_path: Path) -> None:
    # `reports send` runs on the computer's clock: the guests arrived on it two hours ago, so every report is
    # due for it at once (also under `./dev test --on`, where each process's clock starts anew at that date).
    clock = ManualClock(SystemClock().now() - timedelta(hours=2))
    ids = register_guests(db, clock, 150)
    current: dict[str, subprocess.Popen[bytes]] = {}
    requests = {"n": 0, "kills": 0, "killed_after_filing": 0}
    lock = threading.Lock()

    def hook(phase: str, records: int) -> None:
        with lock:
            if phase == "received":
                requests["n"] += 1
            n = requests["n"]
            if requests["kills"] >= KILLS:
                return
            # Alternate: kill before filing on odd requests, after filing (answer lost) on even ones.
            before = n % 2 == 1 and phase == "received"
            after = n % 2 == 0 and phase == "filed"
            if not (before or after):
                return
            proc = current["proc"]
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            requests["kills"] += 1
            if after:
                requests["killed_after_filing"] += 1
        if before:
            raise HookAbort

    intake.hook = hook
    # Prepended, not replaced: `./dev test --on DATE` puts its libfaketime shim on PYTHONPATH for every process.
    path = os.pathsep.join(p for p in (str(REPO_ROOT_FOR_TESTS), os.environ.get("PYTHONPATH", "")) if p)
    make_accounts(store_url, {"alice": Role.RECEPTIONIST}, clock=clock)
    env = {**os.environ, "HOTEL_DESK_DATABASE_URL": store_url, "PYTHONPATH": path, "HOTEL_DESK_USER": "alice",
           "HOTEL_DESK_PASSWORD": PASSWORD}
    cmd = [sys.executable, "-m", "hotel_desk", "reports", "send", "--until-empty", "--batch-size", "20",
           "--intake", intake.url]
    runs = 0
    while True:
        runs += 1
        assert runs <= KILLS + 3, "the sender never finished"
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        current["proc"] = proc
        out, err = proc.communicate(timeout=120)
        if proc.returncode == -signal.SIGKILL:
            continue
        assert proc.returncode == 0, (out.decode(), err.decode())
        break
    assert requests["kills"] == KILLS and runs == KILLS + 1

    stats = intake.stats()
    assert stats["filed_records"] == stats["filed_distinct_reports"] == len(ids)
    assert sorted(intake.db.filed_report_ids()) == sorted(ids)
    # Each batch killed after filing came back once as duplicates (20 records each).
    assert stats["duplicates"] == 20 * requests["killed_after_filing"]
    with db.read() as s:
        reports = {r.id: r for r in s.execute(select(Report)).scalars()}
        attempts = list(s.execute(select(ReportAttempt)).scalars())
    for rid in ids:
        assert reports[rid].state == "acknowledged"
        assert (intake.db.receipt(reports[rid].receipt_id or "") or {}).get("report_id") == rid
    # The interrupted attempts are on record too, not silently forgotten.
    interrupted = [a for a in attempts if a.outcome == "transient" and "interrupted" in (a.error or "")]
    # (Each kill leaves its batch in flight, and the next one if it was already claimed meanwhile.)
    assert 20 * KILLS <= len(interrupted) <= 40 * KILLS
