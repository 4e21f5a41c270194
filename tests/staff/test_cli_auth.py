"""The command line signs in like the window: `users` manages the accounts (the first manager without a
sign-in), every command that changes data or shows personal data needs --user / $HOTEL_DESK_USER and the
password, and exit code 3 says it could not (not signed in, wrong password, locked, or a role that may not)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hotel_desk import store
from hotel_desk.cli import main
from hotel_desk.rules.roles import MAX_FAILED_SIGN_INS
from tests.store.test_register_cli import ISSUE_EXAMPLE
from tests.support.staff import PASSWORD

REPO = Path(__file__).resolve().parents[2]
WANGS = "wang's own password"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}"
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", url)
    monkeypatch.setenv("HOTEL_DESK_NEW_PASSWORD", PASSWORD)
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 (not a terminal: nobody to ask)
    return url


@pytest.fixture
def guests(tmp_path: Path) -> str:
    path = tmp_path / "guests.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE), encoding="utf-8")
    return str(path)


def _as(monkeypatch: pytest.MonkeyPatch, name: str | None, password: str = PASSWORD) -> None:
    if name is None:
        monkeypatch.delenv("HOTEL_DESK_USER", raising=False)
    else:
        monkeypatch.setenv("HOTEL_DESK_USER", name)
    monkeypatch.setenv("HOTEL_DESK_PASSWORD", password)


def test_a_fresh_installation_starts_with_its_first_manager(url: str, guests: str, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", "--json", guests]) == 3
    assert "no staff accounts yet" in capsys.readouterr().err
    assert main(["users", "add", "wang", "--role", "receptionist"]) == 2
    assert "first account of an installation must be a manager" in capsys.readouterr().err
    monkeypatch.setenv("HOTEL_DESK_NEW_PASSWORD", "boss")
    assert main(["users", "add", "boss", "--role", "manager"]) == 2  # the password rules apply to it too
    monkeypatch.setenv("HOTEL_DESK_NEW_PASSWORD", PASSWORD)
    assert main(["users", "add", "boss", "--role", "manager"]) == 0
    assert "the first manager of this installation" in capsys.readouterr().out
    # From now on a manager signs in for every account change.
    assert main(["users", "add", "wang", "--role", "receptionist"]) == 3
    assert "needs a staff account: --user NAME" in capsys.readouterr().err
    _as(monkeypatch, "boss")
    assert main(["users", "add", "wang", "--role", "receptionist", "--display-name", "王芳"]) == 0
    assert main(["users", "add", "li", "--role", "liaison"]) == 0
    assert main(["users", "add", "Wang", "--role", "manager"]) == 1  # the name exists (in any case)
    capsys.readouterr()
    assert main(["users", "list", "--json"]) == 0
    listed = {a["username"]: (a["role"], a["active"]) for a in json.loads(capsys.readouterr().out)}
    assert listed == {"boss": ("manager", True), "li": ("liaison", True), "wang": ("receptionist", True)}


def test_roles_are_enforced_on_the_command_line(url: str, guests: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "add", "boss", "--role", "manager"]) == 0
    _as(monkeypatch, "boss")
    assert main(["users", "add", "li", "--role", "liaison"]) == 0
    monkeypatch.setenv("HOTEL_DESK_NEW_PASSWORD", WANGS)
    assert main(["users", "add", "wang", "--role", "receptionist"]) == 0
    _as(monkeypatch, "li")
    assert main(["register", "--json", guests]) == 3
    assert "li (liaison) may not do this" in capsys.readouterr().err
    assert main(["audit", "export", str(tmp_path / "audit.json")]) == 0  # the liaison's own work
    _as(monkeypatch, "wang", WANGS)
    assert main(["register", "--json", guests]) == 0
    assert main(["users", "list"]) == 3
    assert main(["audit", "export", str(tmp_path / "audit2.json")]) == 3
    # --actor of earlier releases is the same sign-in: naming the manager without her password gets nowhere.
    assert main(["users", "disable", "li", "--actor", "boss"]) == 3
    assert main(["audit", "verify"]) == 0  # counts and broken links only: no sign-in needed
    _as(monkeypatch, "boss")
    assert main(["users", "role", "wang", "--role", "liaison"]) == 0
    assert main(["users", "disable", "boss"]) == 1  # the only manager
    assert main(["users", "disable", "li"]) == 0
    _as(monkeypatch, "li")
    assert main(["audit", "export", str(tmp_path / "audit3.json")]) == 3
    assert "disabled" in capsys.readouterr().err
    _as(monkeypatch, "boss")
    assert main(["users", "enable", "li"]) == 0
    db = store.open_database(url)
    try:
        refused = [(e.actor, e.entity_id) for e in reversed(store.audit_events(db, action_prefix="access.refused"))]
        changes = [(e.actor, e.action) for e in reversed(store.audit_events(db, action_prefix="account."))]
    finally:
        db.dispose()
    assert refused == [("li", "register"), ("wang", "manage_users"), ("wang", "export_audit")]
    assert changes[-3:] == [("boss", "account.role_changed"), ("boss", "account.disabled"),
                            ("boss", "account.enabled")]


def test_wrong_passwords_lock_the_account_and_a_reset_unlocks_it(url: str, guests: str,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "add", "boss", "--role", "manager"]) == 0
    _as(monkeypatch, "boss")
    assert main(["users", "add", "wang", "--role", "receptionist"]) == 0
    _as(monkeypatch, "wang", "guessing")
    for _ in range(MAX_FAILED_SIGN_INS):
        assert main(["register", "--json", guests]) == 3
    assert "is locked until" in capsys.readouterr().err
    _as(monkeypatch, "wang")
    assert main(["register", "--json", guests]) == 3  # the right password waits too
    _as(monkeypatch, "boss")
    monkeypatch.setenv("HOTEL_DESK_NEW_PASSWORD", "a new password 2")
    assert main(["users", "reset", "wang"]) == 0
    _as(monkeypatch, "wang", "a new password 2")
    assert main(["register", "--json", guests]) == 0


def test_without_a_password_nothing_is_asked_of_a_pipe(url: str, guests: str, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "add", "boss", "--role", "manager"]) == 0
    monkeypatch.delenv("HOTEL_DESK_PASSWORD", raising=False)
    assert main(["register", "--json", guests, "--user", "boss"]) == 3
    assert "no password: set $HOTEL_DESK_PASSWORD" in capsys.readouterr().err


def test_in_a_real_process_and_no_password_in_clear(tmp_path: Path) -> None:
    """What an installer script does, end to end in child processes; the database and the output never hold
    the passwords."""
    secret, second = "Installer-Secret-42", "Desk-Secret-43"
    env = {**os.environ, "HOTEL_DESK_DATA_DIR": str(tmp_path / "data"), "HOTEL_DESK_CONFIG_DIR": str(tmp_path / "cfg"),
           "PYTHONPATH": str(REPO)}
    env.pop("HOTEL_DESK_DATABASE_URL", None)

    def run(*argv: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hotel_desk", *argv], env={**env, **extra}, text=True,
                              capture_output=True, stdin=subprocess.DEVNULL, timeout=120)

    made = run("users", "add", "owner", "--role", "manager", HOTEL_DESK_NEW_PASSWORD=secret)
    assert made.returncode == 0, made.stderr
    added = run("users", "add", "desk", "--role", "receptionist", "--user", "owner", HOTEL_DESK_PASSWORD=secret,
                HOTEL_DESK_NEW_PASSWORD=second)
    assert added.returncode == 0, added.stderr
    wrong = run("register", "--json", str(REPO / "examples" / "guests.json"), HOTEL_DESK_USER="desk",
                HOTEL_DESK_PASSWORD="nope")
    assert wrong.returncode == 3 and "the name or the password is wrong" in wrong.stderr
    done = run("register", "--json", str(REPO / "examples" / "guests.json"), HOTEL_DESK_USER="desk",
               HOTEL_DESK_PASSWORD=second)
    assert done.returncode == 0, done.stderr
    outputs = made.stdout + made.stderr + added.stdout + added.stderr + wrong.stderr + done.stdout + done.stderr
    files = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert files
    for password in (secret, second):
        assert password not in outputs
        for path in files:
            assert password.encode() not in path.read_bytes(), path
