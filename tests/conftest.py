"""Suite-wide isolation (no test reads or writes the real user's settings or database, and Qt never needs a
display) and the fixtures every area shares: the clock, the throw-away PostgreSQL server, and a fresh store
on SQLite and on PostgreSQL. Guest builders are in tests/support/guests.py; area-specific fixtures live in
tests/<area>/conftest.py."""

from __future__ import annotations

import gc
import itertools
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

# No wall-clock limit on a property test's example: on two shared cores a 50 ms example sometimes takes 400 ms
# (hypothesis's 200 ms deadline then fails it as "flaky"). pytest-timeout still catches a real hang.
hypothesis_settings.register_profile("hotel_desk", deadline=None)
hypothesis_settings.load_profile("hotel_desk")

# Set before anything imports Qt or reads the settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="hotel_desk-tests-"))
os.environ["HOTEL_DESK_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["HOTEL_DESK_CONFIG_DIR"] = str(_SANDBOX / "config")
# Never the developer's real keyring: the key-file fallback runs (as on a box without a Secret Service); the
# keyring path is tested with an in-memory backend (tests/test_sealing.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
from hotel_desk.clock import ManualClock  # noqa: E402  (after the environment is set)
from hotel_desk.settings import ENV_PREFIX, KEYS  # noqa: E402

for key in KEYS:  # every setting comes from the test, not from the developer's environment
    os.environ.pop(ENV_PREFIX + key.upper(), None)
from hotel_desk.commands.auth import CREDENTIAL_VARIABLES  # noqa: E402

for name in CREDENTIAL_VARIABLES:  # nor who is signed in
    os.environ.pop(name, None)
from argon2 import Parameters, Type  # noqa: E402

from hotel_desk.desk import passwords  # noqa: E402

# Staff passwords are hashed with real argon2id, at a cost that suits a test suite making hundreds of accounts
# (the desk's own cost takes a few tenths of a second a hash; tests of it make their own Passwords).
passwords.HASH_PARAMETERS = Parameters(type=Type.ID, version=19, salt_len=16, hash_len=32, time_cost=1,
                                       memory_cost=256, parallelism=1)
from tests.support.pgserver import PostgresServer  # noqa: E402

if TYPE_CHECKING:
    from hotel_desk.store import Database

REPO_ROOT = Path(__file__).resolve().parent.parent
#: The moment every clock-driven test starts at, unless it brings its own: 16:00 in Shanghai.
TEST_START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
_databases = itertools.count()
SPECIMENS = REPO_ROOT.parent / "shared" / "data" / "mrz-real"


@pytest.fixture(scope="session")
def specimens_dir() -> Path:
    """The real specimen images (optional development data beside the repo); tests that need them skip
    cleanly where they are absent."""
    if not (SPECIMENS / "truth.json").is_file():
        pytest.skip("../shared/data/mrz-real is not present")
    return SPECIMENS


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """Qt objects freed by Python's cyclic collector inside a worker thread crash Qt. The app collects on its
    GUI thread (ui.app.MainThreadGarbageCollector); around every test the suite does the same, so a widget left
    over from one test is never collected by the next test's worker threads."""
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def clock() -> ManualClock:
    """Time that moves only when the test says: every date a test uses derives from it."""
    return ManualClock(TEST_START)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server this test session starts itself (skips where none can be started)."""
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'hotel_desk.sqlite3').as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """A fresh, empty database: every test that takes it runs twice, on SQLite and on PostgreSQL (an area
    may narrow it to SQLite by overriding this fixture)."""
    if request.param == "sqlite":
        yield sqlite_url
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = f"t{next(_databases)}_{abs(hash(request.node.nodeid)) % 10**8}"
    yield server.create_database(name)
    server.drop_database(name)


@pytest.fixture
def db(db_url: str, clock: ManualClock) -> Iterator[Database]:
    """The store at `db_url`, migrated, with the property its reports carry."""
    from hotel_desk.store import open_database, set_property

    database = open_database(db_url)
    set_property(database, name="Garden Inn", hotel_code="310106A001", authorisation_code="secret",
                 substation_code="JA-07", clock=clock)
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def _settings_file_kept() -> Iterator[None]:
    """A test that saves settings through the app (the Settings page writes the configuration folder's
    settings.json) must not hand its hotel codes or fax modem to the next test: the file is put back."""
    path = _SANDBOX / "config" / "settings.json"
    before = path.read_bytes() if path.exists() else None
    yield
    if before is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(before)
