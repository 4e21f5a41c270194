"""Personal data at rest in the store: page images and the authorisation code sealed with the database's data
key (hotel_desk.sealing), and page images purged after the retention period.

- `attach_data_key`: which key seals this database (`data_keys` names it; the key itself is in the keyring or
  the desk's key file), made on first use; the desk calls it right after opening.
- `seal_plain_data`: images and codes stored before sealing existed (or by a tool without a key) are sealed;
  the rows' content hashes do not change (they cover the plain image's SHA-256), one audit event says how many.
- `open_page_image`: the plain image, checked against the SHA-256 the chain covers.
- `purge_page_images`: images of stays that ended more than `retention` ago are removed; the SHA-256 stays, the
  document records when, and one audit event per batch covers the documents' new hashes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hotel_desk.clock import Clock
from hotel_desk.sealing import MAGIC, DataKey, KeyStore, SealError, data_key_name, is_sealed
from hotel_desk.store import row_digests
from hotel_desk.store.audit import AuditAction, append_event, iso_utc
from hotel_desk.store.db import Database
from hotel_desk.store.errors import StoreError, require_actor
from hotel_desk.store.models import (
    DataKeyRecord,
    Property,
    Registration,
    RegistrationStatus,
    TravelDocumentRecord,
)
from hotel_desk.store.reads import now_of

_BATCH = 200


def image_context(document_id: str) -> str:
    return f"document:{document_id}"


def code_context(property_id: int) -> str:
    return f"property:{property_id}:authorisation_code"


def sealer_of(session: Session) -> DataKey | None:
    sealer = session.info.get("sealer")
    return sealer if isinstance(sealer, DataKey) else None


def seal_image(session: Session, document_id: str, image: bytes | None) -> bytes | None:
    sealer = sealer_of(session)
    if image is None or sealer is None:
        return image
    return sealer.seal(image, image_context(document_id))


def open_page_image(session: Session, document: TravelDocumentRecord) -> bytes | None:
    """The document's page image in the clear, or None (none kept, or purged). StoreError when it cannot be
    opened with this desk's key or is not the image the chain recorded."""
    blob = document.page_image
    if blob is None:
        return None
    if is_sealed(blob):
        sealer = sealer_of(session)
        if sealer is None:
            raise StoreError("the page image is sealed and this desk has no data key")
        try:
            blob = sealer.open(blob, image_context(document.id))
        except SealError as exc:
            raise StoreError(f"the page image cannot be opened: {exc}") from None
    if document.page_image_sha256 and hashlib.sha256(blob).hexdigest() != document.page_image_sha256:
        raise StoreError("the page image is not the one recorded at check-in (its SHA-256 differs)")
    return blob


def seal_code(session: Session, property_id: int, code: str) -> tuple[str, str | None]:
    """(plain column, sealed column) for an authorisation code."""
    sealer = sealer_of(session)
    if sealer is None or not code:
        return code, None
    return "", sealer.seal_text(code, code_context(property_id))


def open_code(session: Session, prop: Property) -> str:
    if not prop.sealed_authorisation_code:
        return prop.authorisation_code
    sealer = sealer_of(session)
    if sealer is None:
        return ""  # sealed, and no key here: the caller falls back to the settings' code
    try:
        return sealer.open_text(prop.sealed_authorisation_code, code_context(prop.id))
    except SealError:
        return ""


def attach_data_key(db: Database, keys: KeyStore, *, actor: str = "system", clock: Clock | None = None) -> str:
    """Give `db` its data key (db.sealer) and return where the key is kept. The first desk to open a database
    makes the key; StoreError when the database names a key this computer does not have."""
    with db.write() as session:
        key_id = session.execute(select(DataKeyRecord.key_id).order_by(DataKeyRecord.created_at)).scalars().first()
        created = key_id is None
        if created:
            key = DataKey.generate()
            where = keys.save(data_key_name(key.key_id), key, purpose="page images and codes of a hotel_desk database")
            now = now_of(clock)
            session.add(DataKeyRecord(key_id=key.key_id, created_at=now))
            append_event(session, actor=actor, action=AuditAction.DATA_KEY_CREATED, entity_type="data_key",
                         entity_id=key.key_id, at=now, details={"kept_in": where.split(":")[0]})
            db.sealer = key
    if created:
        # A new key: whatever was stored before sealing existed (an upgraded database) is sealed now.
        seal_plain_data(db, actor=actor, clock=clock)
        return where
    assert key_id is not None
    found = keys.load(data_key_name(key_id))
    if found is None:
        raise StoreError(
            f"this database's page images and codes are sealed with data key {key_id}, which this computer does not "
            f"have: copy the key file {data_key_name(key_id)}.key into {keys.fallback_dir} (or its keyring entry)")
    db.sealer = found
    return keys.where(data_key_name(key_id))


def seal_plain_data(db: Database, *, actor: str = "system", clock: Clock | None = None) -> int:
    """Seal the page images and codes still stored in the clear. Returns the number of images sealed."""
    if db.sealer is None:
        raise StoreError("no data key: attach_data_key first")
    sealed = 0
    while True:
        with db.write() as session:
            docs = session.execute(
                select(TravelDocumentRecord).where(TravelDocumentRecord.page_image.is_not(None))
                .where(func.substr(TravelDocumentRecord.page_image, 1, len(MAGIC)) != MAGIC).limit(_BATCH)
            ).scalars().all()
            for doc in docs:
                doc.page_image = seal_image(session, doc.id, doc.page_image)
            for prop in session.execute(select(Property).where(Property.authorisation_code != "")).scalars():
                prop.authorisation_code, prop.sealed_authorisation_code = seal_code(session, prop.id,
                                                                                    prop.authorisation_code)
            if docs:
                append_event(session, actor=actor, action=AuditAction.PAGE_IMAGES_SEALED, entity_type="document_batch",
                             entity_id=docs[0].id, at=now_of(clock),
                             details={"count": len(docs), "key_id": db.sealer.key_id})
            sealed += len(docs)
        if len(docs) < _BATCH:
            return sealed


@dataclass(frozen=True)
class Purged:
    count: int
    cutoff: datetime


def purge_page_images(db: Database, *, retention: timedelta, actor: str, clock: Clock | None = None) -> Purged:
    """Remove the page images of stays that ended (check-out or cancellation) more than `retention` ago. The
    image's SHA-256 stays on the document (what was reported remains provable); each batch is one audit event
    covering the documents' new content hashes."""
    actor = require_actor(actor)
    now = now_of(clock)
    cutoff = now - retention
    ended = or_(
        (Registration.status == RegistrationStatus.CHECKED_OUT.value) & (Registration.checked_out_at <= cutoff),
        (Registration.status == RegistrationStatus.CANCELLED.value) & (Registration.updated_at <= cutoff),
    )
    count = 0
    while True:
        with db.write() as session:
            docs = session.execute(
                select(TravelDocumentRecord).join(Registration, Registration.document_id == TravelDocumentRecord.id)
                .where(TravelDocumentRecord.page_image.is_not(None), ended)
                .order_by(TravelDocumentRecord.id).limit(_BATCH).with_for_update()
            ).scalars().all()
            if not docs:
                return Purged(count, cutoff)
            items: dict[str, list[object]] = {}
            for doc in docs:
                doc.page_image = None
                doc.page_image_purged_at = now
                items.update([row_digests.item(row_digests.DOCUMENT, doc, doc.row_seq)])
            event = append_event(
                session, actor=actor, action=AuditAction.PAGE_IMAGES_PURGED, entity_type="document_batch",
                entity_id=docs[0].id, at=now,
                details={"count": len(docs), "retention_days": retention.days, "ended_before": iso_utc(cutoff),
                         row_digests.ROWS: items})
            for doc in docs:
                doc.row_seq = event.seq
            count += len(docs)
