"""Issue 13: page images and the authorisation code are sealed at rest (key in the OS keyring, else a 0600 key
file), images are purged after the retention period with the purge in the audit trail, and every file the desk
writes is 0600 in a 0700 folder."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import text

from hotel_desk import store
from hotel_desk.rules.roles import Role
from hotel_desk.sealing import DataKey, KeyStore, SealError, data_key_name
from hotel_desk.settings import Settings, key_store, load_settings, save_settings
from hotel_desk.store.sealed_data import attach_data_key, purge_page_images
from tests.support.guests import guest_registration
from tests.support.staff import staff_env

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40


class MemoryKeyring(KeyringBackend):
    """A keyring backend of keyring's own kind, in memory: the path a desktop with a keyring takes."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_key_round_trip_is_bound_to_its_place():
    key = DataKey.generate()
    blob = key.seal(JPEG, "document:a")
    assert key.open(blob, "document:a") == JPEG and JPEG not in blob
    with pytest.raises(SealError, match="belongs elsewhere"):
        key.open(blob, "document:b")
    with pytest.raises(SealError, match="not with this desk's key"):
        DataKey.generate().open(blob, "document:a")
    assert key.open_text(key.seal_text("code 甲", "x"), "x") == "code 甲"


def test_page_images_are_stored_sealed_and_read_back(db, clock, tmp_path):
    keys = KeyStore(tmp_path / "keys")
    where = attach_data_key(db, keys, clock=clock)
    assert where.startswith("file: ")  # no Secret Service here (and the suite forbids the real keyring)
    key_file = tmp_path / "keys" / f"{data_key_name(db.sealer.key_id)}.key"
    assert _mode(key_file) == 0o600 and _mode(key_file.parent) == 0o700
    assert "hotel_desk data key" in key_file.read_text()
    ref = store.register_guest(db, replace(guest_registration(clock), page_image=JPEG), actor="alice", clock=clock)
    with db.read() as s:
        stored = s.execute(text("SELECT page_image FROM documents")).scalar_one()
    stored = bytes(stored)
    assert not stored.startswith(b"\xff\xd8") and JPEG[20:200] not in stored  # no JPEG in the database
    assert store.document_page_image(db, ref.registration_id, actor="alice", clock=clock) == JPEG
    # Another desk opening the same database with the same key store finds the key and reads the image.
    other = store.open_database(db.url)
    attach_data_key(other, keys, clock=clock)
    assert store.document_page_image(other, ref.registration_id, actor="bob", clock=clock) == JPEG
    other.dispose()
    # Without the key the database says so instead of returning ciphertext.
    stranger = store.open_database(db.url)
    with pytest.raises(store.StoreError, match="which this computer does not have"):
        attach_data_key(stranger, KeyStore(tmp_path / "elsewhere"), clock=clock)
    stranger.dispose()
    assert store.check_audit_trail(db).ok


def test_the_keyring_holds_the_key_where_there_is_one(db, clock, tmp_path):
    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        where = attach_data_key(db, KeyStore(tmp_path / "keys"), clock=clock)
        assert where.startswith("keyring: ")
        assert ("hotel_desk", data_key_name(db.sealer.key_id)) in ring.items
        assert not (tmp_path / "keys").exists()  # no key file beside it
    finally:
        keyring.set_keyring(previous)


def test_images_stored_before_sealing_are_sealed_on_upgrade_and_codes_too(db, clock, tmp_path):
    ref = store.register_guest(db, replace(guest_registration(clock), page_image=JPEG), actor="alice", clock=clock)
    with db.read() as s:
        assert bytes(s.execute(text("SELECT page_image FROM documents")).scalar_one()) == JPEG
        assert s.execute(text("SELECT authorisation_code FROM properties")).scalar_one() == "secret"
    attach_data_key(db, KeyStore(tmp_path / "keys"), clock=clock)
    with db.read() as s:
        assert bytes(s.execute(text("SELECT page_image FROM documents")).scalar_one()).startswith(b"HDS1")
        plain, sealed = s.execute(text("SELECT authorisation_code, sealed_authorisation_code FROM properties")).one()
    assert plain == "" and sealed.startswith("sealed:v1:") and "secret" not in sealed
    assert store.get_property(db).authorisation_code == "secret"
    assert store.document_page_image(db, ref.registration_id, actor="alice", clock=clock) == JPEG
    events = store.audit_events(db, action_prefix="document.page_images_sealed")
    assert events and events[0].details["count"] == 1
    assert store.check_audit_trail(db).ok  # sealing does not change what the rows' hashes cover


def test_images_are_purged_after_the_retention_period_and_the_purge_is_audited(db, clock, tmp_path):
    attach_data_key(db, KeyStore(tmp_path / "keys"), clock=clock)
    refs = [store.register_guest(db, replace(guest_registration(clock, room=str(300 + i)), page_image=JPEG),
                                 actor="alice", clock=clock) for i in range(3)]
    store.check_out(db, refs[0].registration_id, actor="alice", clock=clock)
    clock.advance(timedelta(days=10))
    store.check_out(db, refs[1].registration_id, actor="alice", clock=clock)
    clock.advance(timedelta(days=85))  # the first ended 95 days ago, the second 85, the third is in house
    done = purge_page_images(db, retention=timedelta(days=90), actor="retention", clock=clock)
    assert done.count == 1
    with db.read() as s:
        kept = dict(s.execute(text("SELECT r.id, d.page_image IS NOT NULL FROM registrations r "
                                   "JOIN documents d ON d.id = r.document_id")).all())
        sha = s.execute(text("SELECT d.page_image_sha256 FROM documents d JOIN registrations r ON "
                             "r.document_id = d.id WHERE r.id = :r"), {"r": refs[0].registration_id}).scalar_one()
    assert kept == {refs[0].registration_id: False, refs[1].registration_id: True, refs[2].registration_id: True}
    assert sha  # what was reported stays provable
    assert store.document_page_image(db, refs[0].registration_id, actor="alice", clock=clock) is None
    [event] = store.audit_events(db, action_prefix="document.page_images_purged")
    assert event.actor == "retention" and event.details["count"] == 1 and event.details["retention_days"] == 90
    assert store.check_audit_trail(db).ok  # the documents' new hashes are in the purge event
    # An image put back behind the application's back shows.
    from tests.support.tamper import behind_the_guards

    behind_the_guards(db, "UPDATE documents SET page_image = :img, page_image_purged_at = NULL "
                          "WHERE page_image IS NULL", img=JPEG)
    assert any(p.table == "document" for p in store.check_audit_trail(db).row_problems)


def test_the_settings_file_is_private_and_its_code_sealed(tmp_path):
    path = tmp_path / "conf" / "settings.json"
    save_settings(Settings(hotel_code="310106A001", authorisation_code="AUTH-12345"), path)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    raw = path.read_text(encoding="utf-8")
    assert "AUTH-12345" not in raw and json.loads(raw)["authorisation_code"].startswith("sealed:v1:")
    assert load_settings(path, environ={}).authorisation_code == "AUTH-12345"
    # The settings key sits in the desk's key folder (no keyring here), private.
    assert "file:" in key_store().where("settings-key")


def test_exports_backups_and_the_database_are_private(db, db_url, clock, tmp_path, monkeypatch):
    from hotel_desk.cli import main as cli_main

    store.register_guest(db, guest_registration(clock), actor="alice", clock=clock)
    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    staff_env(monkeypatch, db_url, "li", Role.LIAISON)
    for argv, name in ((["audit", "export"], "a.json"), (["audit", "export"], "a.csv"),
                       (["audit", "receipts", "--out"], "r.json")):
        assert cli_main([*argv, str(tmp_path / name)]) == 0
        assert _mode(tmp_path / name) == 0o600, name
    if db.is_sqlite:
        from hotel_desk.store.db import backup_sqlite_file, sqlite_path

        path = sqlite_path(db.url)
        assert _mode(path) == 0o600
        assert _mode(backup_sqlite_file(path, label="test")) == 0o600
    fresh = tmp_path / "new" / "deeper" / "desk.sqlite3"
    store.open_database(f"sqlite:///{fresh}").dispose()
    assert _mode(fresh) == 0o600 and _mode(fresh.parent) == 0o700 and _mode(fresh.parent.parent) == 0o700


def test_purge_images_command(db, db_url, clock, tmp_path, monkeypatch, capsys):
    from hotel_desk.cli import main as cli_main

    monkeypatch.setenv("HOTEL_DESK_DATABASE_URL", db_url)
    staff_env(monkeypatch, db_url, "li", Role.LIAISON)
    assert cli_main(["purge-images", "--days", "30"]) == 3  # a liaison may not decide what is deleted
    staff_env(monkeypatch, db_url, "boss", Role.MANAGER)
    assert cli_main(["purge-images", "--days", "30"]) == 0
    assert "purged 0 page images" in capsys.readouterr().out
    assert store.audit_events(db, action_prefix="document.page_images_purged") == []  # nothing to purge
