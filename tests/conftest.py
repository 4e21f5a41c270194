"""Suite-wide isolation: no test reads or writes the real user's settings or database, and Qt never needs a
display. Area-specific fixtures live in tests/<area>/conftest.py."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt or reads the settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="hotel_desk-tests-"))
os.environ["HOTEL_DESK_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["HOTEL_DESK_CONFIG_DIR"] = str(_SANDBOX / "config")
for name in ("HOTEL_DESK_DATABASE_URL", "HOTEL_DESK_INTAKE_URL"):
    os.environ.pop(name, None)

REPO_ROOT = Path(__file__).resolve().parent.parent
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
