"""Composition: settings + database -> transport and uploader. Used by the commands and by the app.

The intake URL is, in order: an explicit override (`--intake URL`), $HOTEL_DESK_INTAKE_URL, the settings,
then the local training intake. The hotel id and authorisation code come from the property row (what the
sub-station issued, kept with the registrations) and fall back to the settings; in training mode with no
codes at all, "TRAINING" stands in for both, so that a fresh install's training mode works at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hotel_desk.clock import Clock
from hotel_desk.reporting.batch_file import BatchFileTransport
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.mapping import FieldMapping, load_mapping
from hotel_desk.reporting.uploader import Uploader, UploaderEvent, default_worker_name
from hotel_desk.settings import Settings
from hotel_desk.store.db import Database
from hotel_desk.store.property import get_property

TRAINING_CREDENTIAL = "TRAINING"


@dataclass(frozen=True)
class IntakeTarget:
    url: str
    hotel_id: str
    authorisation_code: str
    training: bool
    verify_tls: bool
    client_cert: str | None
    mapping: FieldMapping

    @property
    def label(self) -> str:
        return ("TRAINING " if self.training else "") + self.url


def intake_target(settings: Settings, db: Database | None = None, *, url: str | None = None) -> IntakeTarget:
    hotel_id = settings.hotel_code
    code = settings.authorisation_code
    prop = get_property(db) if db is not None else None
    if prop is not None:
        hotel_id = prop.hotel_code or hotel_id
        code = prop.authorisation_code or code
    if settings.training:
        hotel_id = hotel_id or TRAINING_CREDENTIAL
        code = code or TRAINING_CREDENTIAL
    chosen = url or settings.effective_intake_url()
    return IntakeTarget(
        url=chosen,
        hotel_id=hotel_id,
        authorisation_code=code,
        training=settings.training,
        verify_tls=settings.intake_verify_tls,
        client_cert=settings.intake_client_cert or None,
        mapping=load_mapping(settings.field_mapping or None),
    )


def http_transport(target: IntakeTarget, *, timeout: float = 30.0, max_batch: int = 200) -> HttpTransport:
    return HttpTransport(
        HttpIntakeConfig(
            base_url=target.url,
            hotel_id=target.hotel_id,
            authorisation_code=target.authorisation_code,
            client_cert=target.client_cert,
            verify_tls=target.verify_tls,
            timeout_seconds=timeout,
            max_batch=max_batch,
        )
    )


def batch_file_transport(target: IntakeTarget, out_dir: str | Path, *, clock: Clock | None = None) -> BatchFileTransport:
    return BatchFileTransport(
        out_dir,
        columns=target.mapping.columns,
        hotel_id=target.hotel_id,
        layout=target.mapping.layout,
        training=target.training,
        clock=clock,
    )


def build_uploader(
    db: Database,
    settings: Settings,
    *,
    intake_url: str | None = None,
    clock: Clock | None = None,
    worker: str | None = None,
    batch_size: int = 200,
    timeout: float = 30.0,
    on_event: Callable[[UploaderEvent], None] | None = None,
) -> Uploader:
    """The app's uploader over HTTP: call .start() once the database is open, .wake() after each desk
    action, .stop() on exit, and .status() (or reporting_status) for the status bar."""
    target = intake_target(settings, db, url=intake_url)
    transport = http_transport(target, timeout=timeout, max_batch=batch_size)
    return Uploader(db, transport, mapping=target.mapping, hotel_id=target.hotel_id, clock=clock,
                    worker=worker or default_worker_name("app-uploader"), batch_size=batch_size,
                    on_event=on_event)
