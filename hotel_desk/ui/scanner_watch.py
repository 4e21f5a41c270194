"""The scanner folder, watched for as long as the app runs: pages saved there open on Check-in by themselves.

One `ScannerWatch` per app (on the AppContext, so that a window rebuilt in another language shows the same
state). `configure(folder)` starts, moves or stops the watching at once: the app calls it at start and the
moment Settings are saved, no restart. Its state is what the Check-in page says, and only the truth: WATCHING
while the watcher runs and the folder can be read, PROBLEM while it cannot (missing, unplugged share), NOT_SET
without a folder.

The devices package's ScanFolderWatcher polls on its own thread and calls back there; the signals carry each
page and each change of state to the UI thread (queued connections).
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class ScannerState(StrEnum):
    NOT_SET = "not_set"
    WATCHING = "watching"
    PROBLEM = "problem"


class ScannerWatch(QObject):
    page_ready = Signal(str)
    changed = Signal()
    # From the watcher's thread.
    _problem = Signal(str)
    _recovered = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = ""
        self.state = ScannerState.NOT_SET
        #: The watcher's own words for a problem (English, technical): shown on hover, for support.
        self.detail = ""
        self._watcher: Any = None
        self._problem.connect(self._on_problem)
        self._recovered.connect(self._on_recovered)

    def configure(self, folder: str) -> None:
        """Watch `folder` ("" = none) from now on; the same folder again changes nothing."""
        folder = folder.strip()
        if folder == self.folder and (self._watcher is not None or not folder):
            return
        self.stop()
        self.folder = folder
        self.detail = ""
        if not folder:
            self._set(ScannerState.NOT_SET)
            return
        from hotel_desk.devices.scan_folder import ScanFolderWatcher

        try:
            # Listing the folder when it is made: its problem (if any) is known before the state is shown.
            watcher = ScanFolderWatcher(Path(folder).expanduser(), lambda page: self.page_ready.emit(str(page.path)),
                                        on_problem=self._problem.emit, on_recovered=self._recovered.emit)
            watcher.start()
        except (ImportError, OSError) as exc:
            log.warning("scanner folder %s not watched: %s", folder, exc)
            self.detail = str(exc)
            self._set(ScannerState.PROBLEM)
            return
        self._watcher = watcher
        self.detail = watcher.problem or ""
        self._set(ScannerState.PROBLEM if watcher.problem else ScannerState.WATCHING)

    def _on_problem(self, text: str) -> None:
        if self._watcher is not None:
            self.detail = text
            self._set(ScannerState.PROBLEM)

    def _on_recovered(self) -> None:
        if self._watcher is not None:
            self.detail = ""
            self._set(ScannerState.WATCHING)

    def _set(self, state: ScannerState) -> None:
        self.state = state
        self.changed.emit()

    @property
    def watching(self) -> bool:
        return self.state is ScannerState.WATCHING

    def stop(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()
