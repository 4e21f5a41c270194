"""Files that hold personal data or secrets: created readable by this user only.

Guest records, the training intake's database and signing key, exported batch folders, registration forms,
settings with authorisation codes, backups: each is created 0600 inside a folder that is 0700, so another
account on a shared front-desk computer cannot read them. The mode is given when the file is *created*
(os.open with O_CREAT and the mode), never fixed afterwards: a chmod after writing leaves a window in which
the data is readable, and a crash in that window leaves it readable for good.

On Windows the POSIX modes are mostly ignored (files inherit the folder's ACL, which for the user's own
profile folders is already private); these helpers still write atomically there.

Stdlib only and Qt-free, so every layer (store, reporting, fax, settings, backups) can use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def private_dir(path: str | Path) -> Path:
    """Create `path` (and missing parents) with mode 0700 and make sure `path` itself is 0700.

    Parents that already exist are left as they are (a USB stick's root, the user's Documents): only the
    folders this call creates, and the leaf, are made private."""
    folder = Path(path)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for item in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile: fixed below
            item.mkdir(mode=PRIVATE_DIR_MODE)
    os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask; chmod is not
    return folder


def touch_private(path: str | Path) -> Path:
    """Make sure `path` exists and is 0600, creating it empty if needed (for files another library then
    opens, e.g. an SQLite database: SQLite gives its -wal and -shm files the database file's mode)."""
    target = Path(path)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE_MODE)
    try:
        # An existing file keeps the mode it was created with: tighten it (files from before this rule).
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE_MODE)
        else:  # Windows: only the read-only bit exists
            os.chmod(target, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)
    return target


@contextlib.contextmanager
def open_private(path: str | Path, mode: str = "wb") -> Iterator[IO[bytes]]:
    """Open a new file for writing, created 0600 (exclusive: an existing file is an error, so nobody can
    plant a readable file or a symlink there first)."""
    if mode not in ("wb", "xb"):
        raise ValueError("open_private writes new binary files only ('wb')")
    fd = os.open(Path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        yield fh


def write_private(path: str | Path, data: bytes, *, fsync: bool = True) -> Path:
    """Write `data` to `path` atomically: a temporary 0600 file in the same folder, fsync'd, then renamed
    over `path`. A crash or a full disk never leaves half a file, and the file is never readable by others,
    not even for a moment. The folder is not changed (use private_dir for folders this program owns)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)  # 0600 by design
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def is_private(path: str | Path) -> bool:
    """True when nobody but the owner may read or write `path` (group and other bits all clear)."""
    return (os.stat(path).st_mode & 0o077) == 0


def create_private_once(path: str | Path, data: bytes) -> bool:
    """Create `path` 0600 holding `data`, unless it exists: True if this call created it.

    The data is written whole to a private temporary file first and then linked into place, so two
    processes creating the same file at once never leave a mixture, and the loser (False) reads what the
    winner wrote, complete."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
