"""Pages from the scanner's output folder open on the Check-in page by themselves.

The devices package's ScanFolderWatcher polls on its own thread and calls back there; the `page_ready` signal
carries each finished page to the UI thread (a queued connection), where the app's composition root (ui/app.py)
has the Check-in page read it as a background job like any dropped file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal


class ScannerBridge(QObject):
    page_ready = Signal(str)
    problem = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watcher: Any = None

    def start(self) -> None:
        from hotel_desk.devices.scan_folder import ScanFolderWatcher

        self.watcher = ScanFolderWatcher(self.folder, lambda page: self.page_ready.emit(str(page.path)),
                                         on_problem=self.problem.emit)
        self.watcher.start()

    def problem_text(self, text: str) -> str:
        return self.tr("Scanner folder problem: %1").replace("%1", text)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
