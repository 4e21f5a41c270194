"""Store at a chain's year of scale: insert time, file size, the queue and audit views' query times,
and chain verification time.

    python -m benchmarks store_scale -- [--registrations N | --full] [--database URL | --postgres] [--keep PATH]

Default: 100,000 registrations in a fresh SQLite file (about a minute and a half on a small machine);
`--full` runs the 1,000,000 of the issue (a chain's year). Registrations go through the real
`register_many` (payload snapshot, report, hash-chained audit event per guest) in import batches; a
sample of single-guest `register_guest` calls measures the one-transaction-per-desk-action rate. Then
the history is aged the way a year leaves it: all but the newest stays checked out, all but the newest
reports acknowledged (plain UPDATEs of state columns, which the triggers allow; no extra reports or audit
events are made for them), so the views see a realistic small open set inside a big table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

SURNAMES = ["MARTIN", "SMITH", "TANAKA", "KIM", "MULLER", "ROSSI", "GARCIA", "IVANOV", "NGUYEN", "SILVA",
            "DUBOIS", "JOHANSSON", "KOWALSKI", "OKAFOR", "SATO", "BROWN", "LOPEZ", "WANG", "CHEN", "LEE"]
GIVEN = ["SARAH", "JOHN", "YUKI", "MINJI", "ANNA", "LUCA", "MARIA", "OLGA", "MINH", "PEDRO"]
NATIONS = ["CAN", "USA", "JPN", "KOR", "DEU", "ITA", "ESP", "RUS", "VNM", "BRA", "FRA", "SWE", "POL", "NGA", "GBR"]
IN_HOUSE = 300
OPEN_REPORTS = 500


def _registration(i: int, arrival: datetime) -> Any:
    from hotel_desk.documents.model import DocumentFormat, DocumentKind, TravelDocument
    from hotel_desk.store import GuestRegistration, StayDetails

    doc = TravelDocument(
        format=DocumentFormat.TD3, kind=DocumentKind.PASSPORT, document_code="P<",
        issuing_state=NATIONS[i % len(NATIONS)], surname=SURNAMES[i % len(SURNAMES)],
        given_names=GIVEN[(i // 7) % len(GIVEN)], document_number=f"B{i:08d}",
        nationality=NATIONS[i % len(NATIONS)], birth_date=date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
        sex="MF"[i % 2], expiry_date=date(2030, 1, 1), mrz_lines=(),
    )
    stay = StayDetails(room=f"{100 + i % 300}", arrival=arrival, planned_departure=arrival.date() + timedelta(days=3),
                       visa_type="L", visa_number=f"E{i:08d}", stay_until=arrival.date() + timedelta(days=30),
                       entry_date=arrival.date() - timedelta(days=1), port_of_entry="PVG")
    return GuestRegistration(document=doc, stay=stay)


def _timed(label: str, fn: Callable[[], Any], repeat: int, results: dict[str, float]) -> Any:
    times = []
    value = None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - t) * 1000)
    results[label] = statistics.median(times)
    size = len(value) if hasattr(value, "__len__") else "-"
    print(f"  {label:<52} median {results[label]:8.1f} ms  (n={repeat}, rows={size})", flush=True)
    return value


def _file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def _insert_and_age(store: Any, args: argparse.Namespace, url: str, path: Path | None, total: int,
                    start: datetime, step: timedelta, clock: Any) -> Any:
    from sqlalchemy import select, update

    from hotel_desk.store.models import Registration, Report

    db = store.open_database(url)
    store.set_property(db, name="Bench Hotel", hotel_code="310106B001", substation_code="JA-07", clock=clock)

    # 1. The import path: many guests per transaction.
    t0 = time.perf_counter()
    done = 0
    last_print = t0
    while done < total - args.single:
        n = min(args.batch, total - args.single - done)
        regs = [_registration(done + k, start + step * (done + k)) for k in range(n)]
        now = start + step * (done + n) + timedelta(minutes=20)
        with db.write() as session:
            store.register_many(session, regs, actor="import", now=now)
        done += n
        if time.perf_counter() - last_print > 30:
            rate = done / (time.perf_counter() - t0)
            print(f"  ... {done:,} registered ({rate:,.0f}/s)", flush=True)
            last_print = time.perf_counter()
    bulk_s = time.perf_counter() - t0
    # 2. The desk path: one guest, one transaction (with its durable commit).
    t1 = time.perf_counter()
    for k in range(args.single):
        i = done + k
        clock.set(start + step * i + timedelta(minutes=20))
        store.register_guest(db, _registration(i, start + step * i), actor="desk", clock=clock)
    single_s = time.perf_counter() - t1
    insert_s = time.perf_counter() - t0
    print(f"insert: {total:,} registrations in {insert_s:,.1f} s; import path {bulk_s:,.1f} s "
          f"({(total - args.single) / bulk_s:,.0f}/s, batches of {args.batch}); "
          f"desk path {args.single / single_s:,.1f} registrations/s ({1000 * single_s / args.single:.1f} ms each, "
          "one durable transaction per guest)", flush=True)

    # 3. Age the history: as a year leaves it.
    now = start + step * total + timedelta(hours=1)
    clock.set(now)
    t2 = time.perf_counter()
    with db.write() as session:
        cutoff = session.execute(
            select(Registration.arrival_at).order_by(Registration.arrival_at.desc()).limit(1).offset(IN_HOUSE)
        ).scalar()
        session.execute(
            update(Registration).where(Registration.arrival_at <= cutoff)
            .values(status="checked_out", checked_out_at=Registration.arrival_at)
        )
        open_cutoff = session.execute(
            select(Report.audit_seq).order_by(Report.audit_seq.desc()).limit(1).offset(OPEN_REPORTS)
        ).scalar()
        session.execute(
            update(Report).where(Report.audit_seq <= open_cutoff)
            .values(state="acknowledged", attempts=1, receipt_id="R", last_attempt_at=Report.event_time)
        )
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    print(f"aged history (check-outs, acknowledgements, ANALYZE) in {time.perf_counter() - t2:,.1f} s", flush=True)
    if path is not None:
        size = _file_size(path)
        print(f"file size: {size / 2**20:,.1f} MiB ({size / total:,.0f} bytes per registration)", flush=True)
    else:
        with db.engine.connect() as conn:
            size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
        print(f"database size: {size / 2**20:,.1f} MiB ({size / total:,.0f} bytes per registration)", flush=True)

    return db


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="store_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--full", action="store_true", help="1,000,000 registrations (a chain's year)")
    parser.add_argument("--batch", type=int, default=2_000, help="registrations per import transaction")
    parser.add_argument("--single", type=int, default=300, help="single-guest register_guest calls to time")
    parser.add_argument("--database", help="database URL (default: a fresh SQLite file in a temp dir)")
    parser.add_argument("--postgres", action="store_true", help="start a throw-away PostgreSQL (as the tests do)")
    parser.add_argument("--keep", type=Path, help="SQLite file to create and keep (default: temp, deleted)")
    parser.add_argument("--reuse", type=Path, help="skip the inserts: time opening (migrating, with the "
                        "backup copy) an existing SQLite file made with --keep, then the queries and verification")
    args = parser.parse_args(argv)
    total = 1_000_000 if args.full else args.registrations

    from sqlalchemy import text

    from hotel_desk import store
    from hotel_desk.clock import ManualClock
    from hotel_desk.store.audit import verify_report_payloads

    server = None
    tmp = None
    path: Path | None = None
    if args.reuse:
        path = args.reuse
        url = f"sqlite:///{path}"
    elif args.postgres:
        from tests.store.pgserver import PostgresServer

        server = PostgresServer(fsync=True).start()
        url = server.create_database("store_scale")
    elif args.database:
        url = args.database
    else:
        if args.keep:
            path = args.keep
            for p in path.parent.glob(path.name + "*"):
                p.unlink()
        else:
            tmp = tempfile.TemporaryDirectory(prefix="hotel_desk_bench_")
            path = Path(tmp.name) / "store_scale.sqlite3"
        url = f"sqlite:///{path}"
    what = "an existing database" if args.reuse else f"{total:,} registrations"
    print(f"store_scale: {what} in {url.split('?')[0]}", flush=True)
    results: dict[str, float] = {}
    try:
        start = datetime(2026, 1, 1, tzinfo=UTC)
        step = timedelta(days=365) / max(total, 1)
        clock = ManualClock(start)
        if args.reuse:
            t = time.perf_counter()
            db = store.open_database(url)
            print(f"open (with any migration and its backup copy): {time.perf_counter() - t:,.1f} s", flush=True)
            with db.read() as session:
                total = session.execute(text("SELECT count(*) FROM registrations")).scalar_one()
            step = timedelta(days=365) / max(total, 1)
            clock.set(start + step * total + timedelta(hours=1))
            assert path is not None
            size = _file_size(path)
            print(f"file size: {size / 2**20:,.1f} MiB ({size / total:,.0f} bytes per registration, "
                  f"{total:,} registrations)", flush=True)
        else:
            db = _insert_and_age(store, args, url, path, total, start, step, clock)
        # 4. The views' queries.
        with db.read() as session:
            some_registration = session.execute(
                text("SELECT registration_id FROM reports WHERE audit_seq = :s"), {"s": total // 2}
            ).scalar()
            mid_time = session.execute(
                text("SELECT occurred_at FROM audit_events WHERE seq = :s"), {"s": total // 2}
            ).scalar()
        # The local day (UTC+8) in the middle of the year's history.
        mid = datetime.fromisoformat(str(mid_time)).replace(tzinfo=UTC) if isinstance(mid_time, str) else mid_time
        day_start = (mid + timedelta(hours=8)).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(hours=8)
        print("queries (target <= 100 ms each):", flush=True)
        _timed("queue: pending_reports(limit=500)", lambda: store.pending_reports(db, clock=clock), 7, results)
        _timed("queue: pending_reports(include_names, audited)",
               lambda: store.pending_reports(db, clock=clock, include_names=True, actor="bench"), 7, results)
        _timed("queue: outbox_summary()", lambda: store.outbox_summary(db, clock=clock), 7, results)
        _timed("queue: reports_for_registration(one stay)",
               lambda: store.reports_for_registration(db, some_registration), 7, results)
        _timed("in house: guests_in_house() (audited)",
               lambda: store.guests_in_house(db, actor="bench", clock=clock), 7, results)
        _timed("in house: guests_in_house(search='smi') (audited)",
               lambda: store.guests_in_house(db, actor="bench", search="smi", clock=clock), 7, results)
        _timed("detail: registration_detail() (audited)",
               lambda: store.registration_detail(db, some_registration, actor="bench", clock=clock), 7, results)
        _timed("audit: newest 200 events", lambda: store.audit_events(db), 7, results)
        _timed("audit: one day's events (first 200)",
               lambda: store.audit_events(db, start=day_start, end=day_start + timedelta(days=1)), 7, results)
        _timed("audit: events of one registration",
               lambda: store.audit_events(db, entity_id=some_registration), 7, results)
        _timed("audit: personal-data reads of one desk user",
               lambda: store.audit_events(db, actor="bench", action_prefix="personal_data."), 7, results)
        _timed("history: report_history(limit=500) (audited)",
               lambda: store.report_history(db, actor="bench", clock=clock), 7, results)
        _timed("history: one day, report_history(since, until) (audited)",
               lambda: store.report_history(db, actor="bench", since=day_start, until=day_start + timedelta(days=1),
                                            clock=clock), 7, results)
        _timed("history: last 30 days, search='smi' (audited)",
               lambda: store.report_history(db, actor="bench", since=clock.now() - timedelta(days=30), search="smi",
                                            clock=clock), 7, results)
        _timed("uploader: claim_due_reports(limit=20)",
               lambda: store.claim_due_reports(db, worker="bench", clock=clock), 3, results)
        slow = {k: v for k, v in results.items() if v > 100}

        # 5. Whole-chain verification.
        t3 = time.perf_counter()
        with db.read() as session:
            chain = store.verify_chain(session)
        chain_s = time.perf_counter() - t3
        t4 = time.perf_counter()
        with db.read() as session:
            checked, problems = verify_report_payloads(session)
        payload_s = time.perf_counter() - t4
        print(f"verify: chain of {chain.count:,} events in {chain_s:,.1f} s ({chain.count / chain_s:,.0f}/s), "
              f"{'intact' if chain.ok else 'BROKEN'}; {checked:,} report payloads in {payload_s:,.1f} s "
              f"({'all match' if not problems else 'MISMATCH'})", flush=True)
        # Row coverage (registrations, guests, documents, report states against the chain). The aging above
        # edited rows behind the application's back (no audit events), so those rows are reported as
        # differing: the figure is the cost of the check, not a verdict.
        from hotel_desk.store.coverage_check import CoverageSums, check_rows

        t5 = time.perf_counter()
        with db.read() as session:
            sums = CoverageSums()
            store.verify_chain(session, visit=sums.visit)
            rows_checked, _row_problems = check_rows(session, sums)
        print(f"verify: chain walk with coverage sums + {rows_checked:,} covered rows in "
              f"{time.perf_counter() - t5:,.1f} s", flush=True)
        db.dispose()
        if slow:
            print(f"over 100 ms: {', '.join(slow)}")
        return 0 if chain.ok and not problems else 1
    finally:
        if server is not None:
            server.stop()
        if tmp is not None:
            tmp.cleanup()
        if path is not None and args.keep is None and args.reuse is None and path.exists():
            os.unlink(path)
