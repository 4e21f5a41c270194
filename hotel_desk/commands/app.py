"""`hotel-desk` with no command, or `hotel-desk app`: the front-desk window."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    # Qt is imported here, not at module level, so command-line tools never pay for it.
    from hotel_desk.ui.app import main as ui_main

    return ui_main(args)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("app", parents=[common], help="start the front-desk app (the default)")
    p.add_argument("--training", action="store_true", default=None, help="force TRAINING mode")
    p.set_defaults(handler=run_app)
