"""`hotel-desk intake-server`: the TRAINING police intake on this machine, for demos, staff training and tests."""

from __future__ import annotations

import argparse
import sys


def run_intake_server(args: argparse.Namespace) -> int:
    import signal
    from pathlib import Path

    from hotel_desk.commands import UsageError
    from hotel_desk.reporting.faults import FaultPlan, FaultSpecError
    from hotel_desk.reporting.intake_server import IntakeServer, server_tls_context
    from hotel_desk.reporting.training_home import training_home

    try:
        plan = FaultPlan.parse(args.faults)
    except FaultSpecError as exc:
        raise UsageError(f"--faults: {exc}") from exc
    hotels: dict[str, str] | None = None
    if args.hotel:
        hotels = {}
        for pair in args.hotel:
            hotel_id, sep, code = pair.partition(":")
            if not sep or not hotel_id or not code:
                raise UsageError(f"--hotel {pair!r}: expected HOTEL_ID:AUTHORISATION_CODE")
            hotels[hotel_id] = code
    tls = None
    if args.tls_cert or args.tls_key:
        if not (args.tls_cert and args.tls_key):
            raise UsageError("--tls-cert and --tls-key go together")
        tls = server_tls_context(args.tls_cert, args.tls_key, args.client_ca)
    elif args.client_ca:
        raise UsageError("--client-ca needs --tls-cert and --tls-key")
    # This installation's training intake: its remembered port, its signing key, and only its own desk.
    home = training_home()
    db = Path(args.db) if args.db else home.database_path
    port = home.port if args.port is None else args.port
    try:
        server = IntakeServer(db, host=args.host, port=port, faults=plan, hotels=hotels, tls=tls, log=args.log,
                              signing_key=home.signing_key(), desk_secret=home.desk_secret,
                              intake_id=home.intake_id)
    except OSError as exc:
        print(f"hotel-desk intake-server: cannot listen on {args.host}:{port}: {exc}", file=sys.stderr)
        return 1
    auth = "any hotel id + code" if hotels is None else f"{len(hotels)} hotel(s)"
    # The first line is read by scripts (the benchmark) to learn the address when --port 0 was asked for.
    print(f"TRAINING intake server on {server.url}  (faults: {plan.describe()}; auth: {auth}; records: {db})")
    print(f"Signing key {server.public_key_text} (intake id {server.intake_id}); serves only this "
          "installation's desk. Nothing sent here reaches the police. Ctrl-C stops it.", flush=True)

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # A service manager stops us with SIGTERM: close the database cleanly, as for Ctrl-C.
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        counters = server.stats()
        server.db.close()
        print(f"\nTRAINING intake stopped: {counters.get('accepted', 0)} accepted, "
              f"{counters.get('duplicates', 0)} duplicates absorbed, {counters.get('rejected', 0)} rejected")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "intake-server",
        parents=[common],
        help="run the TRAINING police intake server (for demos, training and tests)",
        description="A real HTTP server speaking the intake protocol (docs/intake-protocol.md) with the same "
        "validation rules, SQLite persistence, deduplication by idempotency key, receipts and fault injection. "
        "Everything it receives is marked TRAINING and goes nowhere.",
    )
    p.add_argument("--port", type=int, default=None,
                   help="TCP port (default: the one chosen for this installation; 0 = any free one)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default %(default)s)")
    p.add_argument(
        "--faults",
        metavar="SPEC",
        default="off",
        help="fault injection, e.g. 'latency=20-200,error_rate=0.2,reject=0.01,seed=1' (keys: latency, "
        "error_rate, 5xx, timeout, reset, malformed, transient, reject, hang, seed; see docs/intake-protocol.md)",
    )
    p.add_argument("--db", metavar="PATH",
                   help="SQLite file for what it files (default: in the training intake's private folder)")
    p.add_argument("--hotel", action="append", metavar="ID:CODE",
                   help="accept only these hotel ids and authorisation codes (repeatable; default: any)")
    p.add_argument("--tls-cert", metavar="PEM", help="serve HTTPS with this certificate")
    p.add_argument("--tls-key", metavar="PEM", help="the certificate's private key")
    p.add_argument("--client-ca", metavar="PEM", help="require client certificates signed by this CA")
    p.add_argument("--log", action="store_true", help="log every request to stderr")
    p.set_defaults(handler=run_intake_server)
