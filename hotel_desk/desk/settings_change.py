"""A manager changes the settings: each changed key needs its permission (the mode, the intake and the
authorisation code need switch_live, the rest change_settings), the file is written, and the change is in the
audit trail with who made it (values of credentials never: only that they changed).

The running desk keeps the mode, database and codes it started with; `Desk.open` sets the property from the
settings at the next start (its audit event then names the settings file as the source).
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from hotel_desk.rules.roles import SECRET_SETTINGS, Permission, setting_permission
from hotel_desk.settings import Settings, save_settings

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk


def changed_keys(old: Settings, new: Settings) -> list[str]:
    return [f.name for f in fields(Settings) if f.name != "overridden" and getattr(old, f.name) != getattr(new, f.name)]


def change_settings(desk: Desk, new: Settings) -> list[str]:
    """Save `new` as the settings of this desk; returns the keys that changed. NotAllowed (nothing saved)
    when the signed-in role may not change one of them."""
    from hotel_desk import store

    changed = changed_keys(desk.settings, new)
    session = desk.require(Permission.CHANGE_SETTINGS)
    for permission in sorted({setting_permission(key) for key in changed}):
        desk.require(permission)
    save_settings(new)
    if changed:
        shown: dict[str, Any] = {k: getattr(new, k) for k in changed if k not in SECRET_SETTINGS}
        store.record_desk_event(desk.db, actor=session.username, action=store.AuditAction.SETTINGS_CHANGED,
                                entity_type="desk", entity_id=desk.access.via["desk"],
                                details={"changed": changed, "values": shown}, clock=desk.clock)
    return changed
