"""The scanner's output folder: every new page image is picked up once, after the scanner finished writing it.

Polling, not OS notifications: it behaves the same on Windows, Linux, network shares and USB sticks, and
a scanner writing a file slowly (or in several goes) is handled by waiting until the file's size and
modification time stop changing for `settle_polls` polls in a row. Qt-free; `ScanFolderWatcher.poll()` does
one pass (tests call it directly), `start()` runs passes in a thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".pdf"})


@dataclass(frozen=True)
class ScannedPage:
    path: Path
    size: int
    mtime_ns: int


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    stable_polls: int = 0
    done: bool = False


class ScanFolderWatcher:
    def __init__(
        self,
        folder: Path | str,
        on_page: Callable[[ScannedPage], None],
        *,
        on_problem: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
        extensions: Iterable[str] = IMAGE_EXTENSIONS,
        settle_polls: int = 2,
        interval_s: float = 0.5,
        include_existing: bool = False,
    ) -> None:
        self.folder = Path(folder)
        self._on_page = on_page
        self._on_problem = on_problem
        # The desk says "watching" only while the folder can be read: it hears when a problem goes away too.
        self._on_recovered = on_recovered
        self._extensions = frozenset(e.lower() for e in extensions)
        self._settle_polls = max(1, settle_polls)
        self._interval = interval_s
        self._seen: dict[str, _Seen] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._problem: str | None = None
        if not include_existing:
            # Pages already there when the desk opens were dealt with before: only new ones count.
            for entry in self._entries():
                try:
                    st = entry.stat()
                except OSError:
                    continue
                self._seen[entry.name] = _Seen(st.st_size, st.st_mtime_ns, done=True)

    def _entries(self) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(self.folder) as it:
                entries = [e for e in it if e.is_file() and not e.name.startswith((".", "~"))
                           and os.path.splitext(e.name)[1].lower() in self._extensions]
        except OSError as exc:
            self._report(f"cannot read the scanner folder {self.folder}: {exc.strerror or exc}")
            return []
        if self._problem is not None:
            self._report(None)
        return entries

    def _report(self, problem: str | None) -> None:
        if problem != self._problem:
            had_problem = self._problem is not None
            self._problem = problem
            if problem is not None and self._on_problem is not None:
                self._on_problem(problem)
            elif problem is None and had_problem and self._on_recovered is not None:
                self._on_recovered()

    @property
    def problem(self) -> str | None:
        """What keeps the folder from being read right now (None: it can be read)."""
        return self._problem

    def poll(self) -> list[ScannedPage]:
        """One pass over the folder; returns (and reports) the pages that became ready in this pass."""
        ready: list[ScannedPage] = []
        present = set()
        for entry in self._entries():
            try:
                st = entry.stat()
            except OSError:
                continue  # removed between listing and stat
            present.add(entry.name)
            seen = self._seen.get(entry.name)
            if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                # New, still growing, or a new scan saved under the same name: start counting again.
                self._seen[entry.name] = _Seen(st.st_size, st.st_mtime_ns)
                continue
            if seen.done or st.st_size == 0:
                continue
            seen.stable_polls += 1
            if seen.stable_polls >= self._settle_polls:
                seen.done = True
                ready.append(ScannedPage(Path(entry.path), st.st_size, st.st_mtime_ns))
        for name in set(self._seen) - present:
            del self._seen[name]  # deleted or moved away: a new file of that name is a new page
        for page in sorted(ready, key=lambda p: (p.mtime_ns, p.path.name)):
            self._on_page(page)
        return ready

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"scan-folder {self.folder}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.poll()
