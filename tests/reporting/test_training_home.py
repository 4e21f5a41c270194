"""The training intake of one installation: its own port and key, only its own desk, private files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hotel_desk.privacy import is_private
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.protocol import FailureKind, RecordStatus
from hotel_desk.reporting.signatures import parse_public_key
from hotel_desk.reporting.training_home import TRAINING_PORT_RANGE, training_home
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, http_transport, outgoing, sample_payload


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_chosen_once_and_remembered(data_dir: Path) -> None:
    home = training_home()
    assert TRAINING_PORT_RANGE[0] <= home.port <= TRAINING_PORT_RANGE[1]
    assert len(home.desk_secret) >= 40 and home.intake_id.startswith("TRAINING-")
    parse_public_key(home.public_key_text)
    again = training_home()
    assert (again.port, again.desk_secret, again.public_key_text) == (home.port, home.desk_secret,
                                                                       home.public_key_text)
    assert home.folder == data_dir / "training-intake"


@pytest.fixture
def desktop_umask() -> Iterator[None]:
    """As on a typical desktop: files are 0644 unless created private."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_its_files_are_private(data_dir: Path, desktop_umask: None) -> None:
    """Issue 12, case 6: the training intake's records (full guest records) and its key are 0600 in 0700."""
    with IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}) as server, \
            http_transport(server.url) as t:
        assert t.submit([outgoing(sample_payload())]).results[0].status is RecordStatus.ACCEPTED
        home = training_home()
        assert _mode(home.folder) == 0o700
        files = list(home.folder.iterdir())
        assert {p.name for p in files} >= {"installation.json", "signing-key.pem", "training-intake.sqlite3",
                                           "training-intake.sqlite3-wal"}
        for path in files:
            assert _mode(path) == 0o600, path


def test_an_older_database_is_made_private(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    legacy = data_dir / "training-intake.sqlite3"
    legacy.write_bytes(b"")
    legacy.chmod(0o644)
    training_home()
    assert is_private(legacy)


def test_only_its_own_desk_is_served(intake: IntakeServer, tmp_path: Path) -> None:
    """Issue 12, case 6: any other program on the computer (no secret, or another installation's) is
    refused before a record is read; the health check and the public key stay open."""
    report = outgoing(sample_payload())
    other = training_home(tmp_path / "another-installation")
    with http_transport(intake.url, home=other) as t:
        outcome = t.submit([report])
    assert outcome.failure is FailureKind.AUTH and "not_this_desk" in outcome.raw_answer
    with httpx.Client(base_url=intake.url) as c:
        body = {"records": [{"idempotency_key": "k", "record": dict(report.record)}]}
        refused = c.post("/v1/reports", json=body, headers={"X-Hotel-Id": HOTEL_ID, "X-Authorisation-Code": AUTH_CODE})
        assert refused.status_code == 401 and refused.json()["training"] is True
        assert c.get("/v1/training/stats").status_code == 401
        assert c.put("/v1/training/faults", json={"spec": "5xx=1"}).status_code == 401
        assert c.get("/v1/health").json()["status"] == "ok"
        key = c.get("/v1/key").json()
        assert key["public_key"] == intake.public_key_text and key["training"] is True
    stats = intake.stats()
    assert stats["refused_not_this_desk"] == 4 and stats["filed_records"] == 0
    with http_transport(intake.url) as t:  # its own desk
        assert t.submit([report]).results[0].status is RecordStatus.ACCEPTED


def test_connection_test_proves_the_key(intake: IntakeServer, tmp_path: Path) -> None:
    from hotel_desk.reporting.answers import Refused

    with http_transport(intake.url) as t:
        hello = t.connection_test()
    assert hello.training and hello.intake_id == intake.intake_id
    with http_transport(intake.url, home=training_home(tmp_path / "elsewhere")) as t, \
            pytest.raises(Refused) as refused:
        t.connection_test()
    assert refused.value.kind is FailureKind.UNTRUSTED


def test_the_command_serves_this_installation(data_dir: Path) -> None:
    """`hotel-desk intake-server` uses the remembered port, key and secret; `reports send` finds it."""
    import subprocess
    import sys

    from tests.reporting.conftest import REPO_ROOT_FOR_TESTS

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(REPO_ROOT_FOR_TESTS), os.environ.get("PYTHONPATH")) if p)}
    proc = subprocess.Popen([sys.executable, "-m", "hotel_desk", "intake-server", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("TRAINING intake server on http://127.0.0.1:"), first + (proc.stderr.read() if proc.stderr else "")
        url = first.split()[4]
        home = training_home()
        with http_transport(url, home=home) as t:
            hello = t.connection_test()
        assert hello.intake_id == home.intake_id
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
