"""Keyboard-wedge readers: the Qt-free burst detector, and the Qt event filter in a real (offscreen) window
with synthetic key events at reader speed and at human speed. Time is a fake clock throughout."""

from __future__ import annotations

import pytest

from hotel_desk.devices.reads import ReadOutcome
from hotel_desk.devices.wedge import (
    LayoutError,
    PassThrough,
    ReaderInput,
    WedgeBurstDetector,
    get_keyboard_layout,
    load_keyboard_layouts,
)
from tests.devices.conftest import TD1, TD3, TD3_BAD, today

READER_GAP = 0.012  # readers type a key every ~5-30 ms
HUMAN_GAP = 0.16  # a brisk typist: ~6 keys a second


def arrived_under(layout_name: str, text: str) -> str:
    """What the desk PC receives when a US-layout reader types `text` while the system layout is another."""
    layout = get_keyboard_layout(layout_name)
    inverse = {meant: got for got, meant in layout.mapping.items() if meant.isupper() or meant in "0123456789<"}
    return "".join(inverse.get(ch, ch) for ch in text)


def type_into(detector: WedgeBurstDetector[int], text: str, gap: float, start: float = 0.0) -> tuple[list, float]:
    out, t = [], start
    for i, ch in enumerate(text):
        out += detector.key(ch, i, t)
        t += gap
    return out, t


class TestDetector:
    def detector(self, layout: str = "us") -> WedgeBurstDetector[int]:
        return WedgeBurstDetector(layout=get_keyboard_layout(layout), today=today)

    def test_reader_burst_becomes_one_read(self) -> None:
        det = self.detector()
        out, t = type_into(det, "\r".join(TD3) + "\r", READER_GAP)
        assert out == []  # everything held while the burst goes on
        out = det.flush(t + 0.1)
        assert len(out) == 1 and isinstance(out[0], ReaderInput)
        assert out[0].event.outcome is ReadOutcome.ACCEPTED and out[0].event.lines == TD3

    def test_human_typing_passes_through_in_order(self) -> None:
        det = self.detector()
        out, t = type_into(det, "Room 1203, late arrival", HUMAN_GAP)
        out += det.flush(t + 1)
        assert all(isinstance(o, PassThrough) for o in out)
        assert [tok for o in out for tok in o.tokens] == list(range(len("Room 1203, late arrival")))

    def test_each_human_key_is_held_at_most_the_gap(self) -> None:
        det = self.detector()
        det.key("a", 0, 10.0)
        assert det.deadline() == pytest.approx(10.05)
        assert det.flush(10.04) == []
        assert [o.tokens for o in det.flush(10.06)] == [(0,)]

    def test_fast_non_mrz_burst_goes_to_the_field(self) -> None:
        det = self.detector()
        out, t = type_into(det, "BOOKING-2024-000123\r", READER_GAP)  # a barcode scanner, not a passport
        out += det.flush(t + 0.1)
        assert len(out) == 1 and isinstance(out[0], PassThrough) and len(out[0].tokens) == 20

    def test_reader_that_pauses_between_lines_still_gives_one_read(self) -> None:
        det = self.detector()
        out, t = type_into(det, TD1[0] + "\r", READER_GAP)
        out += det.flush(t + 0.2)  # a slow Enter: 200 ms before the next line
        assert out == []
        more, t = type_into(det, TD1[1] + "\r" + TD1[2] + "\r", READER_GAP, start=t + 0.2)
        out = more + det.flush(t + 0.1)
        assert [o.event.lines for o in out if isinstance(o, ReaderInput)] == [TD1]

    def test_burst_cut_mid_line_by_usb_jitter_is_joined(self) -> None:
        det = self.detector()
        text = "\r".join(TD3) + "\r"
        out, t = type_into(det, text[:30], READER_GAP)
        out += det.flush(t + 0.08)  # one 80 ms hiccup in the middle of the first line
        more, t = type_into(det, text[30:], READER_GAP, start=t + 0.08)
        out += more + det.flush(t + 0.1)
        assert [(o.event.outcome, o.event.lines) for o in out] == [(ReadOutcome.ACCEPTED, TD3)]

    def test_half_a_zone_asks_for_a_reread(self) -> None:
        det = self.detector()
        _, t = type_into(det, TD3[0] + "\r", READER_GAP)
        out = det.flush(t + 0.1) + det.flush(t + 1.0)
        assert [(o.event.outcome, o.event.reason) for o in out] == [(ReadOutcome.REREAD, "partial_read")]

    def test_failing_check_digit_goes_to_review(self) -> None:
        det = self.detector()
        _, t = type_into(det, "\r".join(TD3_BAD), READER_GAP)
        out = det.flush(t + 0.1)
        assert out[0].event.outcome is ReadOutcome.REVIEW

    @pytest.mark.parametrize("layout", ["de", "fr", "be", "ch"])
    def test_non_us_layouts_are_mapped_back(self, layout: str) -> None:
        det = self.detector(layout)
        typed = arrived_under(layout, "\r".join(TD3))
        assert typed != "\r".join(TD3)  # the layout really garbles it
        _, t = type_into(det, typed, READER_GAP)
        out = det.flush(t + 0.1)
        assert out[0].event.outcome is ReadOutcome.ACCEPTED and out[0].event.lines == TD3

    def test_layout_overrides_from_settings(self) -> None:
        layout = get_keyboard_layout("us").with_overrides({"|": "<"})
        det = WedgeBurstDetector(layout=layout, today=today)
        _, t = type_into(det, "\r".join(TD3).replace("<", "|"), READER_GAP)
        assert det.flush(t + 0.1)[0].event.lines == TD3

    def test_layout_tables_are_valid_data(self, tmp_path) -> None:
        layouts = load_keyboard_layouts()
        assert {"us", "de", "fr"} <= set(layouts)
        bad = tmp_path / "bad.json"
        bad.write_text('{"layouts": {"xx": {"map": {"ab": "<"}}}}')
        with pytest.raises(LayoutError, match="single characters"):
            load_keyboard_layouts([bad])
        with pytest.raises(LayoutError, match="known"):
            get_keyboard_layout("klingon")


# ------------------------------------------------------------------------------------------ Qt event filter
class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def desk(qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from hotel_desk.ui.wedge import WedgeReaderFilter

    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit(window)
    other = QLineEdit(window)
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5000)
    clock = FakeClock()
    wedge = WedgeReaderFilter(window, clock=clock, today=today)
    wedge.install()
    yield window, field, wedge, clock
    wedge.uninstall()


def press(widget, ch: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    if ch == "\r":
        key, text = Qt.Key.Key_Return, "\r"
    else:
        key, text = (ord(ch.upper()) if ch.isascii() else 0), ch
    mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
    QCoreApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, mods, text))
    QCoreApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, mods, text))


def type_keys(widget, clock: FakeClock, text: str, gap: float) -> None:
    for ch in text:
        press(widget, ch)
        clock.now += gap


def test_qt_reader_burst_is_swallowed_and_signalled(desk, qtbot) -> None:
    _window, field, wedge, clock = desk
    field.setText("")
    with qtbot.waitSignal(wedge.mrzRead, timeout=5000) as signal:
        type_keys(field, clock, "\r".join(TD3) + "\r", READER_GAP)
        clock.now += 0.2
        wedge.settle()
    event = signal.args[0]
    assert event.outcome is ReadOutcome.ACCEPTED and event.lines == TD3
    assert field.text() == ""  # none of the reader's keys landed in the field


def test_qt_human_typing_reaches_the_field(desk, qtbot) -> None:
    _window, field, wedge, clock = desk
    received = []
    wedge.mrzRead.connect(received.append)
    type_keys(field, clock, "Wang Xiaoming, room 1203", HUMAN_GAP)
    clock.now += 0.2
    wedge.settle()
    assert field.text() == "Wang Xiaoming, room 1203"
    assert received == []


def test_qt_german_layout_reader_burst(desk, qtbot) -> None:
    _window, field, wedge, clock = desk
    wedge.set_layout(get_keyboard_layout("de"))
    with qtbot.waitSignal(wedge.mrzRead, timeout=5000) as signal:
        type_keys(field, clock, arrived_under("de", "\r".join(TD1)) + "\r", READER_GAP)
        clock.now += 0.2
        wedge.settle()
    assert signal.args[0].lines == TD1 and field.text() == ""


def test_qt_timer_settles_by_itself(desk, qtbot) -> None:
    """No manual settle: the filter's own timer delivers the held keys (clock moved past the gap)."""
    _window, field, _wedge, clock = desk
    press(field, "x")
    clock.now += 1.0
    qtbot.waitUntil(lambda: field.text() == "x", timeout=5000)


def test_qt_shortcut_keys_are_not_held(desk, qtbot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    _window, field, _wedge, _clock = desk
    press(field, "a")  # held ...
    # ... until Ctrl+A arrives: the 'a' is delivered first, then the shortcut selects it all.
    QCoreApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, "\x01"))
    assert field.text() == "a" and field.selectedText() == "a"
