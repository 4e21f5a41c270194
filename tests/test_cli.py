"""The `hotel-desk` command itself: every subcommand is listed, --database works before or after it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hotel_desk.cli import build_parser, main

EXPECTED = {"app", "audit", "check-mrz", "devices", "intake-server", "read-mrz", "register", "reports", "selftest"}


def test_every_command_is_registered() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= EXPECTED


@pytest.mark.parametrize("before", [True, False])
def test_database_option_before_or_after_the_command(tmp_path, monkeypatch, before) -> None:
    monkeypatch.delenv("HOTEL_DESK_DATABASE_URL", raising=False)
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    argv = ["--database", url, "audit", "verify"] if before else ["audit", "verify", "--database", url]
    assert main(argv) == 0
    assert os.environ["HOTEL_DESK_DATABASE_URL"] == url
    assert (tmp_path / "x.sqlite3").exists()


def test_help_does_not_import_qt_or_ocr() -> None:
    code = (
        "import sys\n"
        "from hotel_desk.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('PySide6', 'cv2', 'tesserocr', 'sqlalchemy', 'httpx') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY:"
