"""The scanner-folder watcher: new page images are picked up once, only after they stopped growing."""

from __future__ import annotations

import os
from pathlib import Path

from hotel_desk.devices.scan_folder import ScanFolderWatcher
from tests.devices.conftest import Collector


def test_new_image_picked_up_once_after_it_stopped_growing(tmp_path: Path) -> None:
    (tmp_path / "old.jpg").write_bytes(b"x" * 10)  # there before the desk opened: not new
    pages = Collector()
    watcher = ScanFolderWatcher(tmp_path, pages, settle_polls=2)
    scan = tmp_path / "scan0001.jpg"
    scan.write_bytes(b"\xff\xd8" + b"a" * 100)  # the scanner starts writing
    assert watcher.poll() == []
    with scan.open("ab") as f:
        f.write(b"b" * 100)  # still writing
    os.utime(scan, ns=(1, 2_000_000_000))
    assert watcher.poll() == []  # changed since last pass: count again
    assert watcher.poll() == []  # stable once
    ready = watcher.poll()  # stable twice: done
    assert [p.path.name for p in ready] == ["scan0001.jpg"] and ready[0].size == 202
    assert pages.get(timeout=1).path == scan
    assert watcher.poll() == [] and watcher.poll() == []  # never twice


def test_other_files_empty_files_and_temporaries_are_ignored(tmp_path: Path) -> None:
    watcher = ScanFolderWatcher(tmp_path, lambda page: None, settle_polls=1)
    (tmp_path / "notes.txt").write_text("not a page")
    (tmp_path / "~scan.jpg").write_bytes(b"partial")
    (tmp_path / ".scan.png").write_bytes(b"partial")
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "PAGE.TIF").write_bytes(b"II*\x00" + b"0" * 50)
    for _ in range(3):
        ready = watcher.poll()
        if ready:
            break
    assert [p.path.name for p in ready] == ["PAGE.TIF"]


def test_same_name_saved_again_is_a_new_page(tmp_path: Path) -> None:
    watcher = ScanFolderWatcher(tmp_path, lambda page: None, settle_polls=1)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"first")
    watcher.poll()
    assert len(watcher.poll()) == 1
    scan.write_bytes(b"second scan, bigger")
    watcher.poll()
    assert len(watcher.poll()) == 1


def test_missing_folder_is_reported_once_and_watching_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    problems: list[str] = []
    recovered: list[bool] = []
    watcher = ScanFolderWatcher(folder, lambda page: None, on_problem=problems.append, settle_polls=1,
                                on_recovered=lambda: recovered.append(True))
    watcher.poll()
    watcher.poll()
    assert len(problems) == 1 and "share" in problems[0] and watcher.problem is not None
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"data")
    watcher.poll()
    assert recovered == [True] and watcher.problem is None
    assert [p.path.name for p in watcher.poll()] == ["a.jpg"]


def test_thread_runs_and_stops(tmp_path: Path) -> None:
    pages = Collector()
    watcher = ScanFolderWatcher(tmp_path, pages, settle_polls=1, interval_s=0.01)
    watcher.start()
    try:
        (tmp_path / "b.png").write_bytes(b"png data")
        assert pages.get().path.name == "b.png"
    finally:
        watcher.stop()
