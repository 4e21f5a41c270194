"""Files holding guest records are created 0600 in 0700 folders, whatever the umask (issue 12, case 6):
exported batch folders, registration forms, and the helpers every other layer can use for the same."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from hotel_desk.fax.form import RenderedForm, save_form
from hotel_desk.privacy import create_private_once, is_private, open_private, private_dir, write_private
from hotel_desk.reporting.batch_file import read_manifest, write_batch
from hotel_desk.reporting.mapping import load_mapping
from tests.reporting.conftest import HOTEL_ID, outgoing, sample_payload


@pytest.fixture(autouse=True)
def desktop_umask() -> Iterator[None]:
    old = os.umask(0o022)  # files 0644, folders 0755 unless made private
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_an_exported_batch_is_private(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    usb.chmod(0o755)  # the stick's own root: not ours to change
    export = write_batch(usb, [outgoing(sample_payload())], columns=load_mapping().columns, hotel_id=HOTEL_ID,
                         layout="intake-v1", training=True)
    assert _mode(usb) == 0o755
    assert _mode(export.path) == 0o700
    files = list(export.path.iterdir())
    assert len(files) == 4 and all(_mode(p) == 0o600 for p in files)
    assert read_manifest(export.path)["record_count"] == 1
    # A folder that did not exist is made private.
    fresh = write_batch(tmp_path / "new" / "exports", [outgoing(sample_payload())], columns=["report_id"],
                        hotel_id=HOTEL_ID, layout="intake-v1", training=True)
    assert _mode(tmp_path / "new") == _mode(tmp_path / "new" / "exports") == 0o700
    assert all(_mode(p) == 0o600 for p in fresh.path.iterdir())


@pytest.mark.parametrize("name", ["form.pdf", "form.tiff"])
def test_a_registration_form_is_private(tmp_path: Path, name: str) -> None:
    form = RenderedForm(page=Image.new("1", (1728, 64), 1), print_page=Image.new("L", (200, 280), 255))
    path = save_form(form, tmp_path / "forms" / name)
    assert path.read_bytes()[:4] in (b"%PDF", b"II*\x00")
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [name]  # no temporary file left behind
    save_form(form, path)  # written again over itself: still private
    assert _mode(path) == 0o600


def test_the_helpers(tmp_path: Path) -> None:
    folder = private_dir(tmp_path / "a" / "b")
    assert _mode(tmp_path / "a") == _mode(folder) == 0o700
    target = write_private(folder / "settings.json", b"{}")
    assert is_private(target) and target.read_bytes() == b"{}"
    with open_private(folder / "backup.sqlite3") as fh:
        fh.write(b"x")
    assert is_private(folder / "backup.sqlite3")
    with pytest.raises(FileExistsError):  # never writes through a file (or link) someone put there first
        open_private(folder / "backup.sqlite3").__enter__()
    link = folder / "link"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileExistsError):
        open_private(link).__enter__()
    assert not (tmp_path / "elsewhere").exists()


def test_create_once_keeps_the_first(tmp_path: Path) -> None:
    target = tmp_path / "installation.json"
    results: list[bool] = []
    lock = threading.Lock()

    def create(data: bytes) -> None:
        made = create_private_once(target, data)
        with lock:
            results.append(made)

    threads = [threading.Thread(target=create, args=(str(i).encode() * 100,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 1
    data = target.read_bytes()
    assert len(set(data)) == 1 and len(data) == 100  # one writer's whole content, nobody's half
    assert is_private(target) and [p.name for p in tmp_path.iterdir()] == ["installation.json"]
