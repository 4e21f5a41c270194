"""Shared helpers for the reporting tests: canonical payloads and a real training intake on loopback."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotel_desk.reporting.faults import FaultPlan
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.intake_server import IntakeServer
from hotel_desk.reporting.mapping import load_mapping
from hotel_desk.reporting.protocol import OutgoingReport
from hotel_desk.reporting.training_home import TrainingHome, training_home

HOTEL_ID = "JA-HOTEL-0001"
AUTH_CODE = "secret-code"


def sample_payload(
    *,
    kind: str = "check_in",
    event_time: datetime | None = None,
    report_id: str | None = None,
    room: str = "0815",
    surname: str = "MUSTERMANN",
    document_expiry: str | None = "2031-05-01",
    corrects: str | None = None,
) -> dict[str, Any]:
    event = event_time or datetime(2026, 11, 22, 6, 30, tzinfo=UTC)
    local = event.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai")).isoformat(timespec="seconds")
    return {
        "report_id": report_id or str(uuid.uuid4()),
        "kind": kind,
        "registration_id": str(uuid.uuid4()),
        "corrects_report_id": corrects,
        "event_time": event.isoformat().replace("+00:00", "Z"),
        "deadline_at": (event + timedelta(hours=24)).isoformat().replace("+00:00", "Z"),
        "hotel_code": HOTEL_ID,
        "substation_code": "JA-PCS-07",
        "guest": {
            "surname_en": surname,
            "given_names_en": "ERIKA",
            "chinese_name": "",
            "sex": "F",
            "birth_date": "1984-08-12",
            "nationality": "D<<",
            "document_type": "passport",
            "document_number": "C01X00T47",
            "document_expiry": document_expiry,
            "visa_type": "L",
            "visa_number": "",
            "stay_until": "2026-12-20",
            "entry_date": "2026-11-21",
            "port_of_entry": "PVG",
            "check_in_time": local,
            "room": room,
            "planned_departure": "2026-11-25",
            "check_out_time": None,
            "came_from": "Beijing",
            "going_to": "Hangzhou",
            "reason": "tourism",
            "document_photo_sha256": None,
        },
    }


def outgoing(payload: dict[str, Any]) -> OutgoingReport:
    record = load_mapping().apply(payload, {"hotel_id": HOTEL_ID})
    return OutgoingReport(payload["report_id"], payload["report_id"], record, payload["deadline_at"])


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of this test's own (and so a training intake home of its own): commands run in
    the test, and processes it starts, find the same one."""
    path = tmp_path / "data"
    monkeypatch.setenv("HOTEL_DESK_DATA_DIR", str(path))
    return path


@pytest.fixture
def intake(data_dir: Path) -> Iterator[IntakeServer]:
    """This installation's training intake (its key, its desk secret) on a free port."""
    server = IntakeServer.for_home(training_home(), port=0, hotels={HOTEL_ID: AUTH_CODE}, faults=FaultPlan())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def refuse_surname(intake: IntakeServer, surname: str) -> None:
    """Give the intake a rule of its own the desk does not know (a city's transliteration rule): it refuses
    records with this surname, on top of the protocol's rules. The desk validates exactly as the training
    intake does, so a rejection by the intake needs an intake that knows more than the desk."""
    from hotel_desk.reporting.protocol import FieldError

    protocol_rules = intake.service.validate

    def stricter(record: Any, hotel_id: str, today: Any) -> list[FieldError]:
        errors = protocol_rules(record, hotel_id, today)
        if record.get("surname_en") == surname:
            errors.append(FieldError("surname_en", "invalid_format", f"{surname}: transliterate umlauts (UE, OE, AE)"))
        return errors

    intake.service.validate = stricter


def http_transport(url: str, *, timeout: float = 5.0, code: str = AUTH_CODE, max_batch: int = 200,
                   home: TrainingHome | None = None) -> HttpTransport:
    """A TRAINING desk's transport to the training intake of this test's home (see `intake`)."""
    home = home or training_home()
    return HttpTransport(
        HttpIntakeConfig(base_url=url, hotel_id=HOTEL_ID, authorisation_code=code, timeout_seconds=timeout,
                         max_batch=max_batch, training=True, intake_public_key=home.public_key_text,
                         intake_id=home.intake_id, desk_secret=home.desk_secret)
    )


# --- store-backed helpers (the uploader's tests) -------------------------------------------------------


@pytest.fixture
def clock() -> Any:
    from hotel_desk.clock import ManualClock

    return ManualClock(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hotel_desk.sqlite3'}"


@pytest.fixture
def db(store_url: str, clock: Any) -> Iterator[Any]:
    from hotel_desk.store import open_database, set_property

    database = open_database(store_url, backup=False)
    set_property(database, name="Garden Inn", hotel_code=HOTEL_ID, authorisation_code=AUTH_CODE,
                 substation_code="JA-07", clock=clock)
    yield database
    database.dispose()


def register_guests(db: Any, clock: Any, count: int, *, surname: str = "MARTIN", start: int = 0) -> list[str]:
    """Register `count` guests who arrived an hour before the clock's now; returns their report ids."""
    from datetime import date

    from hotel_desk.documents import manual_document
    from hotel_desk.documents.model import DocumentKind
    from hotel_desk.store import GuestRegistration, StayDetails, register_guest

    ids = []
    # Every date derives from the clock: the same guests whatever day the suite runs on.
    arrival = clock.now() - timedelta(hours=1)
    today = arrival.date()
    for i in range(start, start + count):
        doc = manual_document(kind=DocumentKind.PASSPORT, surname=surname, given_names="SARAH",
                              document_number=f"ZE{i:07d}", nationality="CAN", birth_date=date(1985, 1, 1),
                              sex="F", expiry_date=today + timedelta(days=2240))
        stay = StayDetails(room=f"{100 + i % 400}", arrival=arrival, planned_departure=today + timedelta(days=35),
                           visa_type="L", stay_until=today + timedelta(days=40))
        ids.append(register_guest(db, GuestRegistration(document=doc, stay=stay), actor="alice", clock=clock).report_id)
    return ids


REPO_ROOT_FOR_TESTS = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A throw-away PostgreSQL server (the store's test helper), for the uploader's PostgreSQL test."""
    from tests.store.pgserver import PostgresServer

    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


# --- TLS: a test CA, an intake certificate for 127.0.0.1, a hotel's client certificate -------------------


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test CA, a server certificate for 127.0.0.1 and a client (hotel) certificate, made with openssl."""
    d = tmp_path_factory.mktemp("pki")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=test police CA", cwd=d)
    (d / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    for name, cn in (("server", "127.0.0.1"), ("client", HOTEL_ID)):
        _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                 "-subj", f"/CN={cn}", cwd=d)
        extra = ["-extfile", "san.cnf"] if name == "server" else []
        _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                 "-out", f"{name}.pem", "-days", "2", *extra, cwd=d)
    return d
