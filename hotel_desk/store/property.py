"""The property (the hotel or inn, with the codes its police sub-station issued) and the desk users.

The store never reads the settings file: whoever opens it (the desk layer, a command) passes the values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotel_desk.clock import DEFAULT_TIMEZONE, Clock, SystemClock
from hotel_desk.store.audit import AuditAction, append_event
from hotel_desk.store.db import Database
from hotel_desk.store.errors import StoreError, require_actor
from hotel_desk.store.models import DeskUser, Property
from hotel_desk.store.sealed_data import open_code, seal_code


@dataclass(frozen=True)
class PropertyCodes:
    """The property as reports carry it (the authorisation code is a credential for the intake)."""

    property_id: int
    name: str
    hotel_code: str
    authorisation_code: str
    substation_code: str
    timezone: str


def _now(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).now()


def set_property(
    db: Database,
    *,
    name: str,
    hotel_code: str,
    authorisation_code: str = "",
    substation_code: str = "",
    timezone: str = DEFAULT_TIMEZONE,
    actor: str = "system",
    clock: Clock | None = None,
) -> int:
    """Create or update the property (one per database for now). Audited: the codes go into every report."""
    now = _now(clock)
    with db.write() as session:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
        values = {
            "name": name, "hotel_code": hotel_code, "authorisation_code": authorisation_code,
            "substation_code": substation_code, "timezone": timezone,
        }
        if prop is None:
            prop = Property(created_at=now, **{**values, "authorisation_code": ""})
            session.add(prop)
            session.flush()
            changed = sorted(values)
        else:
            current = {k: getattr(prop, k) for k in values}
            current["authorisation_code"] = open_code(session, prop)
            changed = sorted(k for k, v in values.items() if current[k] != v)
            for key, value in values.items():
                setattr(prop, key, value)
        # The code is a credential: sealed with the data key where the database has one.
        prop.authorisation_code, prop.sealed_authorisation_code = seal_code(session, prop.id, authorisation_code)
        if changed:
            # The authorisation code is a credential: record that it changed, not its value.
            shown = {k: v for k, v in values.items() if k != "authorisation_code"}
            append_event(session, actor=actor, action=AuditAction.PROPERTY_SET, entity_type="property",
                         entity_id=str(prop.id), at=now, details={"changed": changed, "values": shown})
        return prop.id


def ensure_property(db: Database, *, actor: str = "system", clock: Clock | None = None, **codes: str) -> int:
    """The property's id, creating it on first use from `codes` (the keywords of `set_property`); an existing
    property is left as it is."""
    existing = get_property(db)
    if existing is not None:
        return existing.property_id
    return set_property(db, actor=actor, clock=clock, **codes)


def get_property(db: Database) -> PropertyCodes | None:
    with db.read() as session:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
        if prop is None:
            return None
        return PropertyCodes(prop.id, prop.name, prop.hotel_code, open_code(session, prop), prop.substation_code,
                             prop.timezone)


def ensure_desk_user(
    db: Database, username: str, *, display_name: str = "", actor: str = "system", clock: Clock | None = None
) -> int:
    username = require_actor(username)
    now = _now(clock)
    with db.write() as session:
        user = session.execute(select(DeskUser).where(DeskUser.username == username)).scalar_one_or_none()
        if user is not None:
            return user.id
        prop_id = session.execute(select(Property.id).order_by(Property.id).limit(1)).scalar_one_or_none()
        user = DeskUser(property_id=prop_id, username=username, display_name=display_name or username,
                        active=True, created_at=now)
        session.add(user)
        session.flush()
        append_event(session, actor=actor, action=AuditAction.DESK_USER_SET, entity_type="desk_user",
                     entity_id=str(user.id), at=now, details={"username": username})
        return user.id


def property_row(session: Session, property_id: int | None) -> Property:
    """The property inside a transaction (the given one, or the first)."""
    if property_id is not None:
        prop = session.get(Property, property_id)
    else:
        prop = session.execute(select(Property).order_by(Property.id).limit(1)).scalar_one_or_none()
    if prop is None:
        raise StoreError("no property is set up: set the hotel's name and police codes first")
    return prop
