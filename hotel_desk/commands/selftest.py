"""`hotel-desk selftest`: the installer's check that this computer can read, register and report."""

from __future__ import annotations

import argparse


def run_selftest(args: argparse.Namespace) -> int:
    # Qt and the OCR stack load only here; the self-test runs offscreen and never touches real data.
    from hotel_desk.ui.selftest import run

    return run(timeout=float(args.timeout), keep=bool(args.keep))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "selftest", parents=[common],
        help="check this installation: read the sample passport, register it and get a training receipt",
    )
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to allow each step (default 120)")
    p.add_argument("--keep", action="store_true", help="keep the temporary database and logs for support")
    p.set_defaults(handler=run_selftest)
