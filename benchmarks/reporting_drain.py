"""Drain a queue of 10,000 reports into the local training intake, with faults off and with 20 % faults.

  python -m benchmarks reporting_drain [-- --reports N --batch-size B --error-rate P]

Per scenario it reports reports/s, the peak resident memory of the draining process, and how long the
UI-facing status query (hotel_desk.reporting.metrics.reporting_status) takes while the drain runs.

Set-up: one SQLite store with N registrations (check-in reports), built once and copied per scenario.
The intake runs as its own process (`hotel-desk intake-server`), the drain in another fresh process (so
its peak memory is its own), with a thread asking for the status every 250 ms as the status bar would.
With faults on, the uploader's backoff is shortened (base 0.2 s, cap 2 s) so that the figure measures the
work, not the retry policy's waiting; the client timeout is 1 s and a timeout fault holds 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any


def build_store(path: Path, count: int) -> float:
    from hotel_desk.clock import SystemClock
    from hotel_desk.documents import manual_document
    from hotel_desk.documents.model import DocumentKind
    from hotel_desk.store import (
        GuestRegistration,
        StayDetails,
        open_database,
        register_in_session,
        set_property,
    )

    db = open_database(f"sqlite:///{path}", backup=False)
    clock = SystemClock()
    set_property(db, name="Bench Inn", hotel_code="BENCH-HOTEL", authorisation_code="bench", substation_code="JA-07")
    started = time.perf_counter()
    done = 0
    while done < count:
        n = min(1000, count - done)
        with db.write() as session:
            now = clock.now()
            for i in range(done, done + n):
                doc = manual_document(kind=DocumentKind.PASSPORT, surname="BENCH", given_names="GUEST",
                                      document_number=f"BE{i:07d}", nationality="CAN", birth_date=date(1980, 1, 1),
                                      sex="F", expiry_date=date(2033, 1, 1))
                stay = StayDetails(room=str(100 + i % 500), arrival=now - timedelta(minutes=30),
                                   planned_departure=date.today() + timedelta(days=3), visa_type="L")
                register_in_session(session, GuestRegistration(document=doc, stay=stay), actor="bench", now=now)
        done += n
    db.dispose()
    return time.perf_counter() - started


def drain_child(args: argparse.Namespace) -> int:
    """Runs in its own process: drain the store into the intake, sampling the status query meanwhile."""
    from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
    from hotel_desk.reporting.metrics import reporting_status
    from hotel_desk.reporting.training_home import training_home
    from hotel_desk.reporting.uploader import BackoffPolicy, Uploader
    from hotel_desk.store import open_database

    db = open_database(f"sqlite:///{args.drain}", backup=False)
    # The training intake of this (benchmark) installation: its key checks every receipt, its secret admits us.
    home = training_home()
    transport = HttpTransport(HttpIntakeConfig(base_url=args.intake, hotel_id="BENCH-HOTEL", authorisation_code="bench",
                                               timeout_seconds=1.0, max_batch=args.batch_size, training=True,
                                               intake_public_key=home.public_key_text, intake_id=home.intake_id,
                                               desk_secret=home.desk_secret))
    backoff = BackoffPolicy(base=timedelta(seconds=0.2), cap=timedelta(seconds=2))
    uploader = Uploader(db, transport, hotel_id="BENCH-HOTEL", worker="bench", batch_size=args.batch_size,
                        backoff=backoff)
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            t0 = time.perf_counter()
            reporting_status(db)
            samples.append(time.perf_counter() - t0)
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    summary = uploader.drain(until_empty=True)
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    final = reporting_status(db)
    idle: list[float] = []
    for _ in range(20):  # the same query with the queue at rest, for comparison
        t0 = time.perf_counter()
        reporting_status(db)
        idle.append(time.perf_counter() - t0)
    transport.close()
    db.dispose()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "elapsed": elapsed, "acknowledged": summary.acknowledged, "transient": summary.transient,
        "rounds": summary.rounds, "duplicates": summary.duplicates, "pending_after": final.pending,
        "acknowledged_in_store": final.by_state.get("acknowledged", 0), "peak_rss_mb": peak_kb / 1024,
        "status_ms": [s * 1000 for s in samples], "status_idle_ms": [s * 1000 for s in idle],
    }))
    return 0


def _start_intake(work: Path, name: str, faults: str) -> tuple[subprocess.Popen[str], str]:
    """`hotel-desk intake-server --port 0` in its own process; its first line of output names its address
    (no free-port guessing, so no race with other programs for the port)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "hotel_desk", "intake-server", "--port", "0", "--db", str(work / f"{name}-intake.sqlite3"),
         "--faults", faults, "--hotel", "BENCH-HOTEL:bench"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert server.stdout is not None
    first = server.stdout.readline()
    if not first.startswith("TRAINING intake server on "):
        server.kill()
        raise RuntimeError("the intake server did not start: " + first + (server.stderr.read() if server.stderr else ""))
    return server, first.split()[4]


def run_scenario(template: Path, work: Path, name: str, faults: str, batch_size: int) -> dict[str, Any]:
    import httpx

    from hotel_desk.reporting.protocol import HEADER_DESK_SECRET
    from hotel_desk.reporting.training_home import training_home

    store = work / f"{name}.sqlite3"
    shutil.copy(template, store)
    server, url = _start_intake(work, name, faults)
    try:
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.reporting_drain", "--drain", str(store), "--intake", url,
             "--batch-size", str(batch_size)],
            capture_output=True, text=True, check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(child.stderr[-3000:])
        result = json.loads(child.stdout.strip().splitlines()[-1])
        counters = httpx.get(url + "/v1/training/stats", timeout=5,
                             headers={HEADER_DESK_SECRET: training_home().desk_secret}).json()["counters"]
    finally:
        server.terminate()
        server.communicate(timeout=10)
    result["intake"] = counters
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reporting_drain", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--error-rate", type=float, default=0.2, help="share of requests hit by a transient fault")
    parser.add_argument("--drain", help=argparse.SUPPRESS)
    parser.add_argument("--intake", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.drain:
        return drain_child(args)

    work = Path(tempfile.mkdtemp(prefix="hotel_desk-bench-"))
    os.environ.setdefault("HOTEL_DESK_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("HOTEL_DESK_DATA_DIR", str(work / "data"))
    try:
        template = work / "template.sqlite3"
        setup = build_store(template, args.reports)
        print(f"set-up: {args.reports} registrations with their reports in {setup:.1f} s "
              f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs)")
        scenarios = [
            ("faults-off", "off"),
            (f"faults-{int(args.error_rate * 100)}pct", f"error_rate={args.error_rate},hang=1.5,seed=42"),
        ]
        for name, faults in scenarios:
            r = run_scenario(template, work, name, faults, args.batch_size)
            st = sorted(r["status_ms"]) or [0.0]
            p95 = st[min(len(st) - 1, int(len(st) * 0.95))]
            c = r["intake"]
            ok = (r["acknowledged_in_store"] == args.reports and c.get("filed_distinct_reports") == args.reports
                  and c.get("filed_records") == args.reports)
            print(f"\n[{name}] faults: {faults}; batch size {args.batch_size}")
            print(f"  drained {r['acknowledged_in_store']} reports in {r['elapsed']:.2f} s = "
                  f"{args.reports / r['elapsed']:.0f} reports/s ({r['rounds']} rounds, {r['transient']} transient results)")
            print(f"  intake: filed {c.get('filed_records')} (distinct {c.get('filed_distinct_reports')}), "
                  f"duplicates absorbed {c.get('duplicates', 0)}, faults 5xx/timeout/reset/malformed "
                  f"{c.get('faults_5xx', 0)}/{c.get('faults_timeout', 0)}/{c.get('faults_reset', 0)}/"
                  f"{c.get('faults_malformed', 0)}")
            print(f"  peak RSS of the draining process: {r['peak_rss_mb']:.0f} MB")
            print(f"  status query while draining: n={len(st)}, median {statistics.median(st):.1f} ms, "
                  f"p95 {p95:.1f} ms, max {st[-1]:.1f} ms; at rest median {statistics.median(r['status_idle_ms']):.1f} ms")
            print(f"  exactly once: {'yes' if ok else 'NO'}")
            if not ok:
                return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
