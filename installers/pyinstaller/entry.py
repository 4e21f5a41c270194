"""Entry point of the frozen `hotel-desk` / `hotel-desk-cli` executables.

The same script backs both executables; they differ only in whether Windows gives them a console.
The windowed one has no standard streams on Windows (sys.stdout is None), so anything that prints -
argparse's --help, a command's JSON, a traceback - would crash it; sending them to the null device keeps
`hotel-desk.exe --help` from failing silently. Scripts and the installer's check use hotel-desk-cli.exe.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _give_windowed_app_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    # A child process started by multiprocessing re-runs this executable; freeze_support() turns it into
    # the worker instead of a second front-desk window.
    multiprocessing.freeze_support()
    _give_windowed_app_streams()
    from hotel_desk.cli import main

    raise SystemExit(main())
