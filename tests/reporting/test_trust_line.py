"""The line to the intake: which addresses a desk may use, and what a hanging, trickling or flooding intake
can cost it (one request's deadline, one answer's size cap: never more)."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.reporting.connection import IntakeConfigError, IntakeLine
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport, answer_cap
from hotel_desk.reporting.protocol import FailureKind, RecordStatus
from hotel_desk.reporting.training_home import training_home
from hotel_desk.rules.roles import Role
from tests.reporting import stand_ins
from tests.reporting.conftest import AUTH_CODE, HOTEL_ID, http_transport, outgoing, sample_payload
from tests.reporting.stand_ins import RawIntake
from tests.support.staff import staff_env

KEY = "ed25519:" + "A" * 43 + "="  # any well-formed key: these tests never get as far as a signature


def _config(url: str, *, training: bool, **kw: Any) -> HttpIntakeConfig:
    fields: dict[str, Any] = {"intake_public_key": KEY, **kw}
    return HttpIntakeConfig(base_url=url, hotel_id=HOTEL_ID, authorisation_code=AUTH_CODE, training=training,
                            **fields)


@pytest.mark.parametrize(("url", "kw", "words"), [
    ("http://police.example.cn/intake", {}, "never plain http"),
    ("http://127.0.0.1:9", {}, "never plain http"),  # loopback too, unless a test explicitly allows it
    ("https://police.example.cn", {"verify_tls": False}, "certificate checked"),
    ("", {}, "no intake address"),
    ("ftp://police.example.cn", {}, "not an http(s) address"),
    ("https://user:pw@police.example.cn", {}, "must not contain a user name"),
    ("https://police.example.cn", {"intake_public_key": ""}, "needs the intake's public key"),
    ("https://police.example.cn", {"intake_public_key": "ed25519:AAAA"}, "32 bytes"),
    ("https://police.example.cn", {"desk_secret": "x" * 40}, "TRAINING mode only"),
    ("https://police.example.cn", {"pinned_cert_sha256": "abc"}, "64 hex digits"),
])
def test_live_refuses_an_unsafe_line(url: str, kw: dict[str, Any], words: str) -> None:
    """Issue 12, case 2: LIVE never sends over plain HTTP or with TLS checks off."""
    with pytest.raises(IntakeConfigError) as refused:
        HttpTransport(_config(url, training=False, **kw))
    assert words in str(refused.value)


@pytest.mark.parametrize(("url", "kw", "words"), [
    ("http://192.168.1.20:8765", {}, "only to this computer"),
    ("https://training.example.cn", {"verify_tls": False}, "certificate checked"),
])
def test_training_keeps_guest_data_on_this_computer(url: str, kw: dict[str, Any], words: str) -> None:
    with pytest.raises(IntakeConfigError) as refused:
        HttpTransport(_config(url, training=True, **kw))
    assert words in str(refused.value)


def test_lines_that_are_allowed() -> None:
    IntakeLine("https://police.example.cn", training=False).check()
    IntakeLine("https://police.example.cn", training=False, verify_tls=False, pinned_cert_sha256="ab" * 32).check()
    IntakeLine("http://127.0.0.1:9", training=False, allow_plain_loopback=True).check()  # tests only
    IntakeLine("http://[::1]:9", training=True).check()
    IntakeLine("https://localhost:9", training=True, verify_tls=False).check()


# -- misbehaving intakes: every one ends as a transient failure, within the deadline and the cap ---------------
def _transport(url: str, *, timeout: float = 1.0, tls_ca: Path | None = None) -> HttpTransport:
    if tls_ca is None:
        return http_transport(url, timeout=timeout)  # TRAINING over loopback, this test's home
    home = training_home()
    return HttpTransport(HttpIntakeConfig(base_url=url, hotel_id=HOTEL_ID, authorisation_code=AUTH_CODE,
                                          intake_public_key=home.public_key_text, training=False,
                                          ca_bundle=str(tls_ca), timeout_seconds=timeout))


def test_a_hanging_intake_times_out(data_dir: Path) -> None:
    with RawIntake(stand_ins.hang) as intake, _transport(intake.url) as t:
        outcome = t.submit([outgoing(sample_payload())])
    assert outcome.failure is FailureKind.TIMEOUT and "within 1 s" in outcome.failure_detail
    assert outcome.results[0].status is RecordStatus.TRANSIENT


@pytest.mark.parametrize("body_first", [False, True], ids=["status line", "body"])
def test_a_trickling_intake_cannot_hold_the_desk_past_the_deadline(data_dir: Path, body_first: bool) -> None:
    """Issue 12, case 4: a byte every 0.2 s never trips a per-read timeout; the request's total deadline
    (1 s here) ends it all the same."""
    with RawIntake(stand_ins.trickle(0.2, body_first=body_first)) as intake, _transport(intake.url) as t:
        outcome = t.submit([outgoing(sample_payload())])
        sent = intake.bytes_sent
    assert outcome.failure is FailureKind.TIMEOUT
    assert outcome.bytes_read <= sent


def test_a_trickle_over_tls_is_cut_the_same(data_dir: Path, pki: Path) -> None:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(pki / "server.pem"), str(pki / "server.key"))
    with RawIntake(stand_ins.trickle(0.2), tls=ctx) as intake, _transport(intake.url, tls_ca=pki / "ca.pem") as t:
        assert t.submit([outgoing(sample_payload())]).failure is FailureKind.TIMEOUT


def test_a_flooding_intake_costs_at_most_the_answer_cap(data_dir: Path) -> None:
    """Issue 12, case 4: an endless chunked body is read up to the cap (1 record: 264 KiB), then dropped.
    The proof is the bytes read off the socket, not the process's memory."""
    reports = [outgoing(sample_payload())]
    with RawIntake(stand_ins.flood) as intake, _transport(intake.url, timeout=30) as t:
        outcome = t.submit(reports)
    assert outcome.failure is FailureKind.MALFORMED and "larger than" in outcome.failure_detail
    cap = answer_cap(len(reports))
    assert cap < outcome.bytes_read <= cap + 2 * 65_536 + 1_024  # the cap, plus the last chunk and framing


def test_an_absurd_announced_length_is_not_read(data_dir: Path) -> None:
    with RawIntake(stand_ins.announce_huge) as intake, _transport(intake.url, timeout=30) as t:
        outcome = t.submit([outgoing(sample_payload())])
    assert outcome.failure is FailureKind.MALFORMED and "announced" in outcome.failure_detail
    assert outcome.bytes_read < 4_096


def test_headers_without_end_are_cut(data_dir: Path) -> None:
    with RawIntake(stand_ins.header_flood) as intake, _transport(intake.url, timeout=30) as t:
        outcome = t.submit([outgoing(sample_payload())])
    assert outcome.failure is FailureKind.CONNECTION
    assert outcome.bytes_read <= 200 * 1024  # httpcore's limit on an unfinished header block is 100 KiB


@pytest.mark.parametrize(("settings", "words"), [
    ({}, "LIVE mode has no intake address"),  # issue 12, case 1: never the training intake's port
    ({"intake_url": "http://127.0.0.1:8765"}, "never plain http"),
    ({"intake_url": "https://police.example.cn", "intake_verify_tls": False}, "certificate checked"),
    ({"intake_url": "https://police.example.cn"}, "needs the intake's public key"),
])
def test_reports_send_in_live_mode_refuses_to_start(settings: dict[str, Any], words: str, db: Any, store_url: str,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from hotel_desk.cli import main

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"training": False, "hotel_code": HOTEL_ID,
                                                      "authorisation_code": AUTH_CODE, **settings}))
    monkeypatch.setenv("HOTEL_DESK_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", store_url)
    monkeypatch.delenv("HOTEL_DESK_INTAKE_URL", raising=False)
    staff_env(monkeypatch, store_url, "alice", Role.RECEPTIONIST)  # a receptionist may send: the line refuses
    assert main(["reports", "send"]) == 1
    out, err = capsys.readouterr()
    assert "refusing to send" in err and words in err
    assert "sending to" not in out  # nothing was started
