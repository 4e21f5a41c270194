"""Switching to LIVE (issue 12, phase 2): a LIVE desk refuses to start without a usable intake, naming the
setting, and `Desk.test_connection` proves an intake before the switch, without sending a guest record:
against real stand-ins on loopback (a LIVE police intake over TLS with the test CA, a training one, nobody)."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hotel_desk.desk import Desk, DeskError
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.signatures import public_key_text
from hotel_desk.rules.roles import Role
from hotel_desk.settings import Settings
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID
from tests.reporting.stand_ins import StandInIntake
from tests.support.staff import sign_in

LIVE_ID = "JA-POLICE-TEST"


@pytest.fixture(scope="module")
def police_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def server_tls(pki: Path) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(pki / "server.pem"), str(pki / "server.key"))
    return ctx


def live(tmp_path: Path, **kw: Any) -> Settings:
    """A LIVE desk's settings (its own database in the test's folder)."""
    return Settings(training=False, hotel_name="Garden Inn", hotel_code=HOTEL_ID, authorisation_code=AUTH_CODE,
                    database_url=f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}", **kw)


@pytest.fixture
def desk(tmp_path: Path, data_dir: Path) -> Iterator[Desk]:
    """A TRAINING desk that has not started anything: it tests candidate settings before a switch."""
    settings = Settings(training=True, database_url=f"sqlite:///{(tmp_path / 'training.sqlite3').as_posix()}",
                        extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "intake.sqlite3")})
    with Desk(settings) as opened:
        sign_in(opened, "boss", Role.MANAGER)  # switching to LIVE is a manager's (Permission.SWITCH_LIVE)
        yield opened


# -- LIVE refuses to start without a usable intake ----------------------------------------------------------------
@pytest.mark.parametrize(("kw", "setting"), [
    ({}, "intake_url"),
    ({"intake_url": "http://police.example.cn"}, "https://"),
    ({"intake_url": "https://police.example.cn", "intake_verify_tls": False}, "certificate checked"),
    ({"intake_url": "https://police.example.cn"}, "intake_public_key"),
    ({"intake_url": "https://police.example.cn", "intake_public_key": "KEY", "intake_ca_bundle": "/nonexistent/ca.pem"},
     "intake_ca_bundle"),
    ({"intake_url": "https://police.example.cn", "intake_public_key": "KEY", "intake_client_cert": "/nonexistent.pem"},
     "intake_client_cert"),
])
def test_a_live_desk_refuses_to_start_without_a_usable_intake(tmp_path: Path, police_key: Ed25519PrivateKey,
                                                              kw: dict[str, Any], setting: str) -> None:
    if kw.get("intake_public_key") == "KEY":
        kw = {**kw, "intake_public_key": public_key_text(police_key.public_key())}
    with Desk(live(tmp_path, **kw)) as desk, pytest.raises(DeskError) as refused:
        desk.open()
    assert refused.value.code == "no_intake" and setting in str(refused.value)
    assert "LIVE mode cannot start" in str(refused.value)
    assert not (tmp_path / "desk.sqlite3").exists()  # refused before anything was written


def test_a_live_desk_with_its_intake_starts(tmp_path: Path, pki: Path, police_key: Ed25519PrivateKey,
                                            server_tls: ssl.SSLContext) -> None:
    with StandInIntake(tmp_path / "police.sqlite3", police_key, training=False, tls=server_tls,
                       intake_id=LIVE_ID) as police:
        settings = live(tmp_path, intake_url=police.url, intake_public_key=public_key_text(police_key.public_key()),
                        intake_ca_bundle=str(pki / "ca.pem"), intake_id=LIVE_ID)
        with Desk(settings, uploader_interval=0.05) as desk:
            opened = desk.open()
            assert opened.intake_url == police.url and not opened.training_intake
            result = desk.test_connection()
    assert result.ok and result.tls_ok is True and result.intake_training is False


# -- the connection test ------------------------------------------------------------------------------------------
def test_the_training_desk_tests_its_own_intake(tmp_path: Path, data_dir: Path) -> None:
    settings = Settings(training=True, database_url=f"sqlite:///{(tmp_path / 'd.sqlite3').as_posix()}",
                        extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "intake.sqlite3")})
    with Desk(settings, uploader_interval=0.05) as desk:
        desk.open()
        result = desk.test_connection()
    assert result.ok and (result.configured, result.reachable, result.key_matches, result.mode_matches) == (
        True, True, True, True)
    assert result.tls_ok is None and result.intake_training is True and result.intake_id.startswith("TRAINING-")
    assert result.url.startswith("http://127.0.0.1:")


def test_candidate_live_settings_are_proven_before_the_switch(desk: Desk, tmp_path: Path, pki: Path,
                                                              police_key: Ed25519PrivateKey,
                                                              server_tls: ssl.SSLContext) -> None:
    with StandInIntake(tmp_path / "police.sqlite3", police_key, training=False, tls=server_tls,
                       intake_id=LIVE_ID) as police:
        candidate = live(tmp_path, intake_url=police.url, intake_public_key=public_key_text(police_key.public_key()),
                         intake_ca_bundle=str(pki / "ca.pem"), intake_id=LIVE_ID)
        result = desk.test_connection(candidate)
        assert police.stats().get("filed_records", 0) == 0  # not a single record was sent
    assert result.ok and result.training is False and result.intake_training is False
    assert (result.configured, result.reachable, result.tls_ok, result.key_matches, result.mode_matches) == (
        True, True, True, True, True)
    assert result.intake_id == LIVE_ID and len(result.key_id) == 16


def test_another_key_is_not_the_intake(desk: Desk, tmp_path: Path, pki: Path, police_key: Ed25519PrivateKey,
                                       server_tls: ssl.SSLContext) -> None:
    impostor = Ed25519PrivateKey.generate()
    with StandInIntake(tmp_path / "other.sqlite3", impostor, training=False, tls=server_tls,
                       intake_id=LIVE_ID) as other:
        result = desk.test_connection(live(tmp_path, intake_url=other.url, intake_ca_bundle=str(pki / "ca.pem"),
                                           intake_public_key=public_key_text(police_key.public_key())))
    assert not result.ok and result.failure == "untrusted"
    assert (result.reachable, result.tls_ok, result.key_matches) == (True, True, False)
    assert "intake_public_key" in result.problem


def test_a_training_intake_is_not_a_live_one(desk: Desk, tmp_path: Path, pki: Path, police_key: Ed25519PrivateKey,
                                             server_tls: ssl.SSLContext) -> None:
    with StandInIntake(tmp_path / "practice.sqlite3", police_key, training=True, tls=server_tls) as practice:
        result = desk.test_connection(live(tmp_path, intake_url=practice.url, intake_ca_bundle=str(pki / "ca.pem"),
                                           intake_public_key=public_key_text(police_key.public_key())))
    assert not result.ok and result.failure == "wrong_mode"
    assert (result.reachable, result.mode_matches, result.key_matches, result.intake_training) == (True, False, False, True)


def test_a_certificate_nobody_vouches_for_is_refused(desk: Desk, tmp_path: Path, police_key: Ed25519PrivateKey,
                                                     server_tls: ssl.SSLContext) -> None:
    """Without the test CA configured, the system's CAs do not know the intake's certificate."""
    with StandInIntake(tmp_path / "police.sqlite3", police_key, training=False, tls=server_tls) as police:
        result = desk.test_connection(live(tmp_path, intake_url=police.url,
                                           intake_public_key=public_key_text(police_key.public_key())))
        assert police.requests == 0
    assert not result.ok and result.failure == "tls"
    assert (result.configured, result.reachable, result.tls_ok, result.key_matches) == (True, True, False, False)
    assert "intake_ca_bundle" in result.problem


def test_nobody_answering_is_said_so(desk: Desk, tmp_path: Path, police_key: Ed25519PrivateKey) -> None:
    # A port bound and never listened on: connections are refused, and no other test can take it meanwhile.
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        url = f"https://127.0.0.1:{held.getsockname()[1]}"
        result = desk.test_connection(live(tmp_path, intake_url=url,
                                           intake_public_key=public_key_text(police_key.public_key())))
    assert not result.ok and result.failure == "offline" and result.configured and not result.reachable
    assert "does not answer" in result.problem


def test_only_who_may_switch_to_live_tests_other_settings(desk: Desk, tmp_path: Path) -> None:
    from hotel_desk.desk import NotAllowed

    sign_in(desk, "alice", Role.RECEPTIONIST)
    with pytest.raises(NotAllowed):
        desk.test_connection(live(tmp_path, intake_url="https://police.example.cn"))


def test_settings_that_cannot_make_an_intake_are_said_before_anything_is_sent(desk: Desk, tmp_path: Path) -> None:
    result = desk.test_connection(live(tmp_path, intake_url="http://police.example.cn", intake_public_key=""))
    assert not result.ok and result.failure == "config" and not result.configured
    assert "https://" in result.problem


def test_a_training_desk_may_test_its_own_running_intake_by_its_settings(desk: Desk, data_dir: Path) -> None:
    server = IntakeServer.for_home(desk_home(desk), port=0).start()
    try:
        result = desk.test_connection(Settings(training=True, intake_url=server.url, extra=desk.settings.extra))
    finally:
        server.stop()
    assert result.ok and result.intake_training is True


def desk_home(desk: Desk) -> Any:
    from hotel_desk.desk.intake import training_home_for

    return training_home_for(desk.settings)
