"""Fixtures for the front-desk window: a real app (real store on a temporary SQLite file, the real training
intake on a free port, the real uploader), offscreen, in English unless a test asks otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hotel_desk.rules.roles import Role

os.environ["QT_QPA_PLATFORM"] = "offscreen"

SAMPLE = Path(__file__).resolve().parents[2] / "hotel_desk" / "ui" / "resources" / "sample_passport.png"
#: Generous: the first OCR in a test process loads Tesseract's model; CI machines are slow and shared.
SLOW_MS = 60_000
#: The day every window test lives on unless it brings its own clock: real time runs (uploads, countdowns)
#: but no test depends on today's date. 10:00 in Shanghai; the sample passport is valid then.
TEST_DAY_START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture
def sample_passport() -> Path:
    return SAMPLE


@pytest.fixture
def make_desk_app(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from hotel_desk.clock import ShiftedClock
    from hotel_desk.settings import Settings
    from hotel_desk.ui.app import build
    from tests.support.staff import sign_in

    made = []

    def make(language: str = "en", wedge: bool = False, clock: object = None,  # type: ignore[no-untyped-def]
             user: tuple[str, Role] | None = ("alice", Role.MANAGER), **settings_values: object):
        # The keyboard-wedge filter is off unless a test asks for it: qtbot types as fast as a reader does.
        settings = Settings(
            hotel_name="Lakeside Inn", training=True, language=language,
            extra={"training_intake_port": "0", "training_intake_db": str(tmp_path / "intake.sqlite3"),
                   "keyboard_wedge": "on" if wedge else "off"},
            **settings_values,  # type: ignore[arg-type]
        )
        desk_app = build(settings, database_url=f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}",
                         clock=clock or ShiftedClock(TEST_DAY_START))  # type: ignore[arg-type]
        made.append(desk_app)
        qtbot.addWidget(desk_app.window)
        desk_app.start(show=True)
        qtbot.waitUntil(lambda: desk_app.ctx.ready, timeout=SLOW_MS)
        qtbot.waitUntil(lambda: desk_app.ctx.access.has_accounts is not None, timeout=SLOW_MS)
        if user is not None:  # signed in as at the desk (the sign-in screen has its own tests)
            sign_in(desk_app.desk, *user)
            desk_app.ctx.access.load()
            qtbot.waitUntil(lambda: desk_app.window.gate.currentWidget() is desk_app.window.desk_area,
                            timeout=SLOW_MS)
        return desk_app

    yield make
    from hotel_desk.ui import i18n

    for desk_app in made:
        desk_app.shutdown()
    i18n.install("en")  # a test that switched language must not leave the next one in Chinese


@pytest.fixture
def desk_app(make_desk_app):  # type: ignore[no-untyped-def]
    return make_desk_app()


def drop_file(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Drop a file on a widget the way a file manager does (drag enter, then drop)."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the page view refused the drag"
    drop = QDropEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


@pytest.fixture
def dropper() -> Iterator[object]:
    yield drop_file
