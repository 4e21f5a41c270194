"""Composition: settings + database -> transport and uploader. Used by the commands and by the app.

The intake URL is, in order: an explicit override (`--intake URL`), $HOTEL_DESK_INTAKE_URL, the settings,
then (TRAINING only) this installation's training intake; LIVE without one has none, and its transport
refuses to be built. How the intake is trusted (its public key, CA bundle or pinned certificate, the
training intake's desk secret) comes from hotel_desk.reporting.intake_trust. The hotel id and
authorisation code come from the property row (what the sub-station issued, kept with the registrations)
and fall back to the settings; in training mode with no codes at all, "TRAINING" stands in for both, so
that a fresh install's training mode works at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from hotel_desk.clock import Clock
from hotel_desk.reporting.batch_file import BatchFileTransport
from hotel_desk.reporting.http_transport import HttpIntakeConfig, HttpTransport
from hotel_desk.reporting.intake_trust import IntakeTrust, intake_trust
from hotel_desk.reporting.mapping import FieldMapping, load_mapping
from hotel_desk.reporting.uploader import Uploader, UploaderEvent, default_worker_name
from hotel_desk.settings import ENV_PREFIX, Settings
from hotel_desk.store.db import Database
from hotel_desk.store.models import Property

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
    trust: IntakeTrust

    @property
    def label(self) -> str:
        return ("TRAINING " if self.training else "") + self.url


def intake_target(settings: Settings, db: Database | None = None, *, url: str | None = None) -> IntakeTarget:
    import os

    hotel_id = settings.hotel_code
    code = settings.authorisation_code
    if db is not None:
        with db.read() as session:
            prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
            if prop is not None:
                hotel_id = prop.hotel_code or hotel_id
                code = prop.authorisation_code or code
    if settings.training:
        hotel_id = hotel_id or TRAINING_CREDENTIAL
        code = code or TRAINING_CREDENTIAL
    chosen = url or os.environ.get(ENV_PREFIX + "INTAKE_URL") or settings.intake_url
    home = None
    if settings.training:
        from hotel_desk.reporting.training_home import training_home

        home = training_home()
        chosen = chosen or home.url
    return IntakeTarget(
        url=chosen,
        hotel_id=hotel_id,
        authorisation_code=code,
        training=settings.training,
        verify_tls=settings.intake_verify_tls,
        client_cert=settings.intake_client_cert or None,
        mapping=load_mapping(settings.field_mapping or None),
        trust=intake_trust(settings, training=settings.training, url=chosen, home=home),
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
            **target.trust.config_fields(),
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
