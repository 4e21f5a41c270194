"""The camera widget fed through QVideoFrameInput -> QMediaCaptureSession -> QVideoSink, like a camera, with
rendered document pages (PIL + OCR-B). A fake frame reader keeps most tests fast; one test runs the real
recognition engine on the frames."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6.QtMultimedia", reason="QtMultimedia (PySide6-Addons) not installed")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame, QVideoFrameInput

from hotel_desk.devices.camera import FrameReading, Guidance
from hotel_desk.ui.camera import CameraRead, CameraReaderWidget, qimage_to_array
from tests.devices.conftest import TD3, render_page, today


def to_qimage(rgb: np.ndarray) -> QImage:
    h, w, _ = rgb.shape
    return QImage(np.ascontiguousarray(rgb).data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class PageDetector:
    """Fake engine: 'reads' TD3 when the light page fills the middle of the frame, sees a small MRZ band
    when a small page is there, nothing on an empty desk. Records the frames it was given."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []

    def __call__(self, gray: np.ndarray) -> FrameReading:
        self.frames.append(gray)
        h, _w = gray.shape
        light = gray > 180
        width = light[h // 2].mean()  # share of the middle row covered by the page
        if width > 0.5:
            return FrameReading(TD3, mrz_found=True, mrz_width_fraction=0.6)
        if width > 0.1:
            return FrameReading((), mrz_found=True, mrz_width_fraction=float(width))
        return FrameReading()


@pytest.fixture
def camera(qtbot):
    reader = PageDetector()
    widget = CameraReaderWidget(frame_reader=reader, max_rate_hz=50, today=today)
    qtbot.addWidget(widget)
    frame_input = QVideoFrameInput()
    widget.use_frame_input(frame_input)
    widget.resize(640, 400)
    widget.show()
    yield widget, frame_input, reader
    widget.stop()


def stream(qtbot, frame_input: QVideoFrameInput, image: QImage) -> QTimer:
    """Send the image again and again at ~30 fps, as a camera would, until the test stops the timer."""
    timer = QTimer()
    timer.timeout.connect(lambda: frame_input.sendVideoFrame(QVideoFrame(image)))
    timer.start(33)
    return timer


def test_document_in_view_gives_one_stable_read_with_the_page_image(camera, qtbot) -> None:
    widget, frame_input, reader = camera
    assert widget.start()
    page = to_qimage(render_page(TD3, mrz_width=0.6))
    timer = stream(qtbot, frame_input, page)
    try:
        with qtbot.waitSignal(widget.mrzRead, timeout=20000) as signal:
            pass
        read: CameraRead = signal.args[0]
        assert read.event.accepted and read.event.lines == TD3
        assert read.image.size() == page.size()  # the confirmed frame, in colour, kept as the page image
        assert widget.guidance is Guidance.READ
        assert widget.worker is not None and widget.worker.analysed >= 2
        seen = reader.frames[-1]
        assert seen.shape == (720, 1280) and seen.dtype == np.uint8
    finally:
        timer.stop()


def test_guidance_follows_the_document(camera, qtbot) -> None:
    widget, frame_input, _reader = camera
    assert widget.start()
    guidance: list[str] = []
    widget.guidanceChanged.connect(guidance.append)
    timer = stream(qtbot, frame_input, to_qimage(render_page(TD3, mrz_width=0.2)))  # far away
    try:
        qtbot.waitUntil(lambda: Guidance.MOVE_CLOSER.value in guidance, timeout=20000)
        assert "closer" in widget.preview.guidance_text
        timer.stop()
        timer = stream(qtbot, frame_input, to_qimage(render_page(None)))  # taken away
        qtbot.waitUntil(lambda: guidance[-1] == Guidance.NO_DOCUMENT.value, timeout=20000)
    finally:
        timer.stop()


def test_frames_arriving_while_busy_are_dropped(camera, qtbot) -> None:
    widget, frame_input, reader = camera
    widget.stop()
    slow = CameraReaderWidget(frame_reader=reader, max_rate_hz=2, today=today)
    qtbot.addWidget(slow)
    slow.use_frame_input(frame_input)
    assert slow.start()
    image = to_qimage(render_page(None))
    for _ in range(20):
        frame_input.sendVideoFrame(QVideoFrame(image))
    qtbot.waitUntil(lambda: slow.worker.offered > 0 and not slow.worker.busy, timeout=20000)
    assert slow.worker.analysed <= 2 and slow.worker.dropped >= 10
    slow.stop()


def test_qimage_to_array_handles_row_padding() -> None:
    image = QImage(1281, 3, QImage.Format.Format_RGB32)  # odd width: grayscale rows are padded to 4 bytes
    image.fill(0xFF808080)
    array = qimage_to_array(image)
    assert array.shape == (3, 1281) and int(array[1, 1280]) in range(126, 131)


def test_no_camera_gives_a_clear_message(qtbot) -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera")
    widget = CameraReaderWidget(frame_reader=PageDetector(), today=today)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.cameraAvailable, timeout=5000) as signal:
        assert widget.start() is False
    assert signal.args == [False]
    assert "No camera" in widget.message.text() and not widget.is_running()


def test_real_recognition_engine_on_rendered_frames(qtbot) -> None:
    try:
        from hotel_desk.devices.camera import recognition_frame_reader
        from hotel_desk.recognition.ocr import ensure_available

        ensure_available()
    except Exception as exc:  # Tesseract or its MRZ model missing on this machine
        pytest.skip(f"recognition engine not available: {exc}")
    widget = CameraReaderWidget(frame_reader=recognition_frame_reader(today=today, max_variants=1), today=today)
    qtbot.addWidget(widget)
    frame_input = QVideoFrameInput()
    widget.use_frame_input(frame_input)
    assert widget.start()
    timer = stream(qtbot, frame_input, to_qimage(render_page(TD3, mrz_width=0.5)))
    try:
        with qtbot.waitSignal(widget.mrzRead, timeout=60000) as signal:
            pass
        assert signal.args[0].event.lines == TD3 and signal.args[0].event.accepted
    finally:
        timer.stop()
        widget.stop()
