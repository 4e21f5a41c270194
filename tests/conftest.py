"""Suite-wide isolation: no test reads or writes the real user's settings or database, and Qt never needs a
display. Area-specific fixtures live in tests/<area>/conftest.py."""

from __future__ import annotations

import os
import tempfile
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
