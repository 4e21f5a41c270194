"""Pages from the scanner's output folder open on the Check-in page by themselves.

The devices package's ScanFolderWatcher polls on its own thread and calls back there; a Qt signal carries
each finished page to the UI thread (a queued connection), where the Check-in page reads it as a background
job like any dropped file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from hotel_desk.ui.app import DeskApp

log = logging.getLogger(__name__)


class ScannerBridge(QObject):
    page_ready = Signal(str)
    problem = Signal(str)

    def __init__(self, desk_app: DeskApp, folder: Path) -> None:
        super().__init__(desk_app)
        self.desk_app = desk_app
        self.folder = folder
        self.watcher: Any = None
        self.page_ready.connect(self._open_page)
        self.problem.connect(self._show_problem)

    def start(self) -> None:
        from hotel_desk.devices.scan_folder import ScanFolderWatcher

        self.watcher = ScanFolderWatcher(self.folder, lambda page: self.page_ready.emit(str(page.path)),
                                         on_problem=self.problem.emit)
        self.watcher.start()

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def _open_page(self, path: str) -> None:
        window = self.desk_app.window
        window.show_page("check_in")
        window.check_in.read_file(path)

    def _show_problem(self, text: str) -> None:
        self.desk_app.window.check_in.scanner_label.setText(
            self.tr("Scanner folder problem: %1").replace("%1", text))


def start(desk_app: DeskApp) -> ScannerBridge | None:
    folder_text = desk_app.settings.scanner_folder.strip()
    desk_app.window.check_in.update_scanner_label(folder_text or None)
    if not folder_text:
        return None
    folder = Path(folder_text).expanduser()
    bridge = ScannerBridge(desk_app, folder)
    try:
        bridge.start()
    except (ImportError, OSError) as exc:
        log.warning("scanner folder %s not watched: %s", folder, exc)
        bridge._show_problem(str(exc))
        return None
    return bridge
