"""The `hotel-desk` command itself: every subcommand is listed, --database works before or after it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hotel_desk.cli import build_parser, main, settings_for
from hotel_desk.settings import Settings, SettingsError, save_settings

EXPECTED = {"app", "audit", "check-mrz", "devices", "intake-server", "read-mrz", "register", "reports", "selftest"}


def test_every_command_is_registered() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= EXPECTED


@pytest.mark.parametrize("before", [True, False])
def test_database_option_before_or_after_the_command(tmp_path, monkeypatch, before) -> None:
    monkeypatch.delenv("HOTEL_DESK_DATABASE_URL", raising=False)
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    # (`audit verify` creates nothing: tests/store/test_tamper_evidence.py)
    argv = ["--database", url, "reports", "status"] if before else ["reports", "status", "--database", url]
    assert main(argv) == 0
    assert (tmp_path / "x.sqlite3").exists()
    # The option is handed to the command in its settings, not through the process's environment.
    assert "HOTEL_DESK_DATABASE_URL" not in os.environ
    args = build_parser().parse_args(argv)
    assert settings_for(args, Settings()).database_url == url


def test_every_setting_can_be_overridden_from_the_environment_and_is_checked(tmp_path) -> None:
    from hotel_desk.settings import KEYS, load_settings

    path = tmp_path / "settings.json"
    path.write_text('{"hotel_code": "FILE", "training": false}', encoding="utf-8")
    values = {"training": "yes", "serial_baud": "19200", "idle_lock_minutes": "5", "intake_verify_tls": "0",
              "extra": '{"a": "b"}', "page_image_retention_days": "30",
              "timezone": "Asia/Shanghai", "database_url": "sqlite:///x.sqlite3", "intake_url": "https://x",
              "checkout_time": "11:30", "night_audit_time": "23:00", "suspected_error_due_days": "5",
              "intake_public_key": "ed25519:" + "A" * 43 + "=", "intake_pinned_cert_sha256": "ab" * 32}
    env = {f"HOTEL_DESK_{key.upper()}": values.get(key, "env") for key in KEYS}
    settings = load_settings(path, environ=env)
    assert settings.hotel_code == "env" and settings.training is True and settings.serial_baud == 19200
    assert settings.idle_lock_minutes == 5
    assert settings.intake_verify_tls is False and settings.extra == {"a": "b"}
    save_settings(settings, path)  # an override never ends up in the file
    assert load_settings(path, environ={}).hotel_code == "FILE"
    with pytest.raises(SettingsError, match=r"\$HOTEL_DESK_TRAINING: training must be true or false"):
        load_settings(path, environ={"HOTEL_DESK_TRAINING": "perhaps"})
    path.write_text('{"serial_baud": "fast"}', encoding="utf-8")
    with pytest.raises(SettingsError, match="serial_baud must be a whole number"):
        load_settings(path, environ={})
    assert settings.checkout_time == "11:30" and settings.suspected_error_due_days == 5
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(SettingsError, match="checkout_time must be a time of day HH:MM"):
        load_settings(path, environ={"HOTEL_DESK_CHECKOUT_TIME": "noon"})


def test_the_intakes_trust_settings_are_checked_when_loaded(tmp_path) -> None:
    from hotel_desk.settings import load_settings

    path = tmp_path / "settings.json"
    pin = ":".join(["AB"] * 32)  # as `openssl x509 -fingerprint -sha256` prints it
    settings = load_settings(path, environ={"HOTEL_DESK_INTAKE_PINNED_CERT_SHA256": pin,
                                            "HOTEL_DESK_INTAKE_PUBLIC_KEY": "ed25519:" + "A" * 43 + "="})
    assert settings.intake_pinned_cert_sha256 == "ab" * 32
    for key, value, words in [("INTAKE_PUBLIC_KEY", "ed25519:AAAA", "Ed25519 public key"),
                              ("INTAKE_PUBLIC_KEY", "not a key", "Ed25519 public key"),
                              ("INTAKE_PINNED_CERT_SHA256", "abc", "64 hex digits"),
                              ("INTAKE_ID", "x" * 65, "at most 64")]:
        with pytest.raises(SettingsError, match=words):
            load_settings(path, environ={f"HOTEL_DESK_{key}": value})


def test_a_bad_setting_stops_a_command_with_what_to_fix(monkeypatch, capsys) -> None:
    monkeypatch.setenv("HOTEL_DESK_SERIAL_BAUD", "fast")
    assert main(["audit", "verify"]) == 2
    assert "$HOTEL_DESK_SERIAL_BAUD: serial_baud must be a whole number" in capsys.readouterr().err


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
