"""Proof that registrations survive crashes and concurrent desks.

Children are forked from the test process (which has already imported everything), so each of the 200+
SIGKILL rounds costs milliseconds, not an interpreter start-up."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel_desk import store
from hotel_desk.clock import SystemClock
from hotel_desk.store.audit import verify_report_payloads
from hotel_desk.store.db import sqlite_integrity_ok
from hotel_desk.store.models import AuditEvent, Guest, Registration, Report, TravelDocumentRecord
from tests.support.guests import guest_registration

FORK = multiprocessing.get_context("fork")
KILLS = 200


def _registration(i: int, tag: str) -> store.GuestRegistration:
    # Real processes on the real clock: register_guest reads it too, so the stay is relative to it.
    return guest_registration(SystemClock(), room=f"{tag}-{i}", number=f"{tag}{i:06d}")


def _desk_loop(url: str, tag: str, committed: multiprocessing.connection.Connection, count: int | None) -> None:
    """Register guests (and now and then play uploader) until killed or `count` is reached."""
    db = store.open_database(url)
    i = 0
    while count is None or i < count:
        ref = store.register_guest(db, _registration(i, tag), actor=f"desk-{tag}")
        committed.send(ref.registration_id)
        if i % 4 == 3:
            for claimed in store.claim_due_reports(db, worker=f"up-{tag}", limit=2):
                store.record_acknowledged(db, claimed.report_id, receipt_id=f"R{claimed.report_id[:8]}",
                                          raw_answer="ok")
        i += 1
    committed.close()
    db.dispose()
    os._exit(0)


def _assert_everything_consistent(url: str, expected_ids: set[str]) -> int:
    db = store.open_database(url)
    try:
        assert sqlite_integrity_ok(db)
        with db.read() as s:
            chain = store.verify_chain(s)
            assert chain.ok, chain.problems
            checked, payload_problems = verify_report_payloads(s)
            assert payload_problems == []
            registrations = set(s.execute(select(Registration.id)).scalars())
            # Every committed registration is there ...
            assert expected_ids <= registrations
            # ... and every registration there has its check-in report and that report's audit event.
            with_report = set(
                s.execute(
                    select(Report.registration_id)
                    .join(AuditEvent, AuditEvent.seq == Report.audit_seq)
                    .where(Report.kind == "check_in", AuditEvent.action == "registration.check_in",
                           AuditEvent.entity_id == Report.registration_id)
                ).scalars()
            )
            assert registrations == with_report
            assert checked >= len(registrations)
            # No half-written guest or document without its stay.
            guests = s.execute(select(func.count()).select_from(Guest)).scalar_one()
            documents = s.execute(select(func.count()).select_from(TravelDocumentRecord)).scalar_one()
            assert guests == documents == len(registrations)
            return len(registrations)
    finally:
        db.dispose()


def _drain(conn: multiprocessing.connection.Connection, into: set[str]) -> None:
    try:
        while conn.poll():
            into.add(conn.recv())
    except (EOFError, OSError):
        pass


@pytest.mark.slow
def test_sigkill_at_random_moments_never_leaves_half_a_registration(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    db = store.open_database(url)
    store.set_property(db, name="Crash Inn", hotel_code="H-CRASH")
    # Warm the statement caches before forking, so children spend their short lives writing.
    store.register_guest(db, _registration(0, "warm"), actor="desk-warm")
    db.dispose()
    rng = random.Random(4)
    committed: set[str] = set()
    kills = 0
    for round_no in range(KILLS):
        receiver, sender = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_desk_loop, args=(url, f"k{round_no}", sender, None))
        child.start()
        sender.close()
        # Short random lives: some die while opening the database, most in the middle of a transaction.
        deadline = time.monotonic() + rng.uniform(0.002, 0.08)
        while time.monotonic() < deadline:
            _drain(receiver, committed)
            time.sleep(0.001)
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        kills += 1
        _drain(receiver, committed)
        receiver.close()
    assert kills >= 200
    total = _assert_everything_consistent(url, committed)
    assert total >= len(committed) > 0
    print(f"{kills} kills, {total} registrations on disk, {len(committed)} acknowledged to the desk before a kill")


def _run_desks(url: str, desks: int, each: int) -> set[str]:
    start = FORK.Event()
    pipes, children = [], []
    for d in range(desks):
        receiver, sender = FORK.Pipe(duplex=False)

        def target(sender=sender, d=d) -> None:
            start.wait()
            _desk_loop(url, f"d{d}", sender, each)

        child = FORK.Process(target=target)
        child.start()
        sender.close()
        pipes.append(receiver)
        children.append(child)
    start.set()
    ids: set[str] = set()
    for child, receiver in zip(children, pipes, strict=True):
        while True:
            try:
                ids.add(receiver.recv())
            except EOFError:
                break
        child.join()
        assert child.exitcode == 0
    return ids


def test_four_desks_registering_at_once_lose_nothing(db_url):
    db = store.open_database(db_url)
    store.set_property(db, name="Busy Inn", hotel_code="H-BUSY")
    db.dispose()
    ids = _run_desks(db_url, desks=4, each=25)
    assert len(ids) == 100
    assert _assert_everything_consistent(db_url, ids) == 100
    db = store.open_database(db_url)
    try:
        with db.read() as s:
            seqs = list(s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq)).scalars())
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        db.dispose()


def _claimer(url: str, worker: str, out: multiprocessing.connection.Connection, start: object) -> None:
    db = store.open_database(url)
    start.wait()  # type: ignore[attr-defined]
    while True:
        got = store.claim_due_reports(db, worker=worker, limit=3)
        if not got:
            break
        for r in got:
            out.send(r.report_id)
    out.close()
    db.dispose()
    os._exit(0)


def test_four_uploaders_never_claim_the_same_report(db_url):
    db = store.open_database(db_url)
    store.set_property(db, name="Busy Inn", hotel_code="H-BUSY")
    clock = SystemClock()
    for i in range(60):
        store.register_guest(db, _registration(i, "c"), actor="desk")
    db.dispose()
    start = FORK.Event()
    pipes, children = [], []
    for w in range(4):
        receiver, sender = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_claimer, args=(db_url, f"up{w}", sender, start))
        child.start()
        sender.close()
        pipes.append(receiver)
        children.append(child)
    start.set()
    claimed: list[str] = []
    for child, receiver in zip(children, pipes, strict=True):
        while True:
            try:
                claimed.append(receiver.recv())
            except EOFError:
                break
        child.join()
        assert child.exitcode == 0
    assert len(claimed) == len(set(claimed)) == 60
    db = store.open_database(db_url)
    try:
        assert store.outbox_summary(db, clock=clock)["by_state"]["sending"] == 60
        assert all(r.lease_until and r.lease_until > clock.now() - timedelta(minutes=1)
                   for r in [store.get_report(db, c) for c in claimed[:5]])
    finally:
        db.dispose()
