"""Live camera MRZ reading for the check-in window (Qt Multimedia).

Usage (UI engineer):

    camera = CameraReaderWidget(parent)           # picks the recognition engine itself
    camera.mrzRead.connect(on_camera_read)        # CameraRead(event=ReaderEvent ACCEPTED or REVIEW, image=QImage)
    camera.guidanceChanged.connect(...)           # Guidance value as str, also drawn over the preview
    camera.start()                                # when the camera tab is shown; camera.stop() when hidden

The camera is chosen from QMediaDevices in a combo box (`set_camera_id()` / `camera_id()` for the settings).
With no camera present the widget shows a clear message and emits cameraAvailable(False); nothing else in
the app depends on it. Frames are shown as they come; at most `max_rate_hz` of them are analysed, in a
background thread (devices.camera.FrameAnalysisWorker), the rest are dropped, so the preview never lags
behind OCR. A read counts when the same valid MRZ comes from two analysed frames (devices.camera.ReadStabiliser);
the same zone failing its check digits in three frames comes as a REVIEW read. Call stop() when the camera
is not on screen: a running camera costs CPU the OCR needs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameInput,
    QVideoSink,
)
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from hotel_desk.devices.camera import (
    CameraUpdate,
    FrameAnalysisWorker,
    FrameReader,
    Guidance,
    ReadStabiliser,
    recognition_frame_reader,
)
from hotel_desk.devices.reads import ReaderEvent, TodayFn


@dataclass(frozen=True)
class CameraRead:
    """A stable camera read: the judged MRZ and the frame it was confirmed on (the page image)."""

    event: ReaderEvent
    image: QImage


_BGRA_FORMATS = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32, QImage.Format.Format_ARGB32_Premultiplied)
_RGBA_FORMATS = (QImage.Format.Format_RGBX8888, QImage.Format.Format_RGBA8888,
                 QImage.Format.Format_RGBA8888_Premultiplied)


def qimage_to_array(image: QImage) -> np.ndarray:
    """A QImage as the grayscale numpy array the recognition engine takes (a copy, safe to keep).

    Runs in the analysis thread. OpenCV does the colour conversion: Qt's own conversion to Grayscale8 takes
    about 10 ms for a 720p frame, OpenCV about 1 ms."""
    import cv2

    if image.format() == QImage.Format.Format_Grayscale8:
        width, height, stride = image.width(), image.height(), image.bytesPerLine()
        buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
        return buffer.reshape(height, stride)[:, :width].copy()
    if image.format() not in _BGRA_FORMATS + _RGBA_FORMATS:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    pixels = buffer.reshape(height, stride // 4, 4)[:, :width]
    # QImage's 32-bit RGB formats are 0xAARRGGBB words: B, G, R, A in memory on little-endian machines.
    code = cv2.COLOR_RGBA2GRAY if image.format() in _RGBA_FORMATS else cv2.COLOR_BGRA2GRAY
    if sys.byteorder == "big" and code == cv2.COLOR_BGRA2GRAY:
        pixels = pixels[:, :, ::-1]
        code = cv2.COLOR_RGBA2GRAY
    return cv2.cvtColor(np.ascontiguousarray(pixels), code)


def preferred_format(device: QCameraDevice, want: tuple[int, int] = (1280, 720)) -> QCameraFormat | None:
    """The camera mode closest to 720p that still runs at >= 15 frames/s: enough pixels for the MRZ of a
    page held 20-30 cm away, and cheap to convert and preview (a 4K stream would load the GUI thread)."""
    formats = [f for f in device.videoFormats() if f.maxFrameRate() >= 15] or list(device.videoFormats())
    if not formats:
        return None
    area = want[0] * want[1]
    return min(formats, key=lambda f: (abs(f.resolution().width() * f.resolution().height() - area),
                                       -f.maxFrameRate()))


class _Bridge(QObject):
    """Carries the analysis thread's results to the GUI thread (queued signal)."""

    updated = Signal(object)
    failed = Signal(str)


class CameraPreview(QWidget):
    """The live picture with the guidance drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._text = ""
        self._good = False
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def set_guidance(self, text: str, good: bool = False) -> None:
        self._text, self._good = text, good
        self.update()

    @property
    def guidance_text(self) -> str:
        return self._text

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 20, 20))
        target = QRectF(self.rect())
        if self._image is not None and not self._image.isNull():
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                            size.width(), size.height())
            painter.drawImage(target, self._image)
        # Where the machine-readable zone should sit: the bottom band of the page, most of its width.
        guide = QRectF(target.left() + target.width() * 0.08, target.top() + target.height() * 0.55,
                       target.width() * 0.84, target.height() * 0.3)
        painter.setPen(QPen(QColor(80, 200, 120) if self._good else QColor(255, 255, 255, 160), 2, Qt.PenStyle.DashLine))
        painter.drawRect(guide)
        if self._text:
            font = QFont(self.font())
            font.setPointSizeF(max(10.0, self.height() / 28))
            painter.setFont(font)
            band = QRectF(target.left(), target.bottom() - target.height() * 0.12, target.width(), target.height() * 0.12)
            painter.fillRect(band, QColor(0, 0, 0, 150))
            painter.setPen(QColor(120, 230, 150) if self._good else QColor(255, 255, 255))
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()


class CameraReaderWidget(QWidget):
    #: CameraRead, once per stable read (event.outcome ACCEPTED, or REVIEW for a zone that keeps failing).
    mrzRead = Signal(object)
    #: hotel_desk.devices.camera.Guidance value (str) whenever the guidance changes.
    guidanceChanged = Signal(str)
    #: False when no camera is present (the message is shown in the widget).
    cameraAvailable = Signal(bool)
    #: A camera or analysis problem, for people (already translated).
    problem = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        frame_reader: FrameReader | None = None,
        max_rate_hz: float = 6.0,
        today: TodayFn | None = None,
        camera_id: str = "",
        preview_every: int = 1,
        analysis_workers: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._frame_reader = frame_reader
        self._max_rate_hz = max_rate_hz
        self._today = today
        self._preview_every = max(1, preview_every)
        # Two analysis threads by default (one Tesseract each): on the 2-core desk PC that is ~5 analysed
        # frames/s instead of ~4, and the GUI thread still gets the interpreter within ~20 ms (Tesseract
        # releases the GIL while it reads). 1 leaves a core free and reads a moment sooner on a busy PC.
        self._analysis_workers = max(1, analysis_workers or min(2, os.cpu_count() or 1))
        self._frames_seen = 0
        self._guidance: Guidance | None = None
        self._camera: QCamera | None = None
        self._frame_input: QVideoFrameInput | None = None
        self._worker: FrameAnalysisWorker[QImage] | None = None
        self._running = False

        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._bridge = _Bridge(self)
        self._bridge.updated.connect(self._on_update)
        self._bridge.failed.connect(self.problem)

        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._refresh_cameras)
        self._choice = QComboBox(self)
        self._choice.currentIndexChanged.connect(self._on_choice)
        self.preview = CameraPreview(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.preview)
        self._stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self._choice)
        layout.addLayout(self._stack)
        self._wanted_id = camera_id
        self._refresh_cameras()

    # ----------------------------------------------------------------------------------------- public API
    def cameras(self) -> list[QCameraDevice]:
        return list(QMediaDevices.videoInputs())

    def camera_id(self) -> str:
        device = self._choice.currentData()
        return bytes(device.id().data()).decode("utf-8", "replace") if isinstance(device, QCameraDevice) else ""

    def set_camera_id(self, camera_id: str) -> None:
        self._wanted_id = camera_id
        for i in range(self._choice.count()):
            device = self._choice.itemData(i)
            if isinstance(device, QCameraDevice) and device.id() == QByteArray(camera_id.encode("utf-8")):
                self._choice.setCurrentIndex(i)
                return

    def set_frame_reader(self, reader: FrameReader) -> None:
        self._frame_reader = reader
        if self._worker is not None:
            self._worker.reader = reader

    def use_frame_input(self, frame_input: QVideoFrameInput) -> None:
        """Feed frames from the program instead of a camera (tests, demos, a recorded video)."""
        self._stop_camera()
        self._frame_input = frame_input
        self._session.setVideoFrameInput(frame_input)
        self._choice.setVisible(False)
        self._stack.setCurrentWidget(self.preview)

    @property
    def guidance(self) -> Guidance | None:
        return self._guidance

    @property
    def worker(self) -> FrameAnalysisWorker[QImage] | None:
        return self._worker

    def is_running(self) -> bool:
        return self._running

    def start(self) -> bool:
        """Start preview and analysis; False (with the message shown) when there is nothing to start."""
        if self._running:
            return True
        if self._frame_input is None and self._choice.currentData() is None:
            self._show_message(self.tr(
                "No camera found. Connect a camera (a document camera or a webcam), or read the passport with "
                "the reader or the scanner instead."))
            self.cameraAvailable.emit(False)
            return False
        reader = self._frame_reader
        if reader is None:
            try:
                # One OCR variant per frame: a frame that does not read cleanly is not worth more OCR when
                # the next one is a fraction of a second away (a scanned file gets every variant).
                reader = recognition_frame_reader(today=self._today, max_variants=1)
            except Exception as exc:  # the OCR engine missing must not break the check-in window
                self._show_message(self.tr("The text recognition engine is not available: %1").replace("%1", str(exc)))
                self.problem.emit(str(exc))
                return False
            self._frame_reader = reader
        self._worker = FrameAnalysisWorker(
            reader, self._bridge.updated.emit, to_array=qimage_to_array, max_rate_hz=self._max_rate_hz,
            workers=self._analysis_workers,
            stabiliser=ReadStabiliser(today=self._today), on_error=lambda exc: self._bridge.failed.emit(str(exc)),
        )
        self._worker.start()
        self._running = True
        self._set_guidance(Guidance.NO_DOCUMENT)
        if self._frame_input is None:
            self._start_camera(self._choice.currentData())
        self.cameraAvailable.emit(True)
        return True

    def stop(self) -> None:
        self._stop_camera()
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        self._running = False

    def closeEvent(self, event: Any) -> None:
        self.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------------------------------------- internals
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self._stack.setCurrentWidget(self.message)

    def _refresh_cameras(self) -> None:
        current = self.camera_id() or self._wanted_id
        self._choice.blockSignals(True)
        self._choice.clear()
        for device in QMediaDevices.videoInputs():
            self._choice.addItem(device.description(), device)
        self._choice.blockSignals(False)
        self._choice.setVisible(self._frame_input is None and self._choice.count() > 1)
        if current:
            self.set_camera_id(current)
        if self._frame_input is None:
            if self._choice.count() == 0:
                was_running = self._camera is not None
                self._stop_camera()
                self._show_message(self.tr(
                    "No camera found. Connect a camera (a document camera or a webcam), or read the passport with "
                    "the reader or the scanner instead."))
                if was_running:
                    self.cameraAvailable.emit(False)
            else:
                self._stack.setCurrentWidget(self.preview)
                if self._running and self._camera is None:
                    self._start_camera(self._choice.currentData())

    @Slot(int)
    def _on_choice(self, index: int) -> None:
        if self._running and self._frame_input is None:
            self._stop_camera()
            self._start_camera(self._choice.itemData(index))

    def _start_camera(self, device: QCameraDevice | None) -> None:
        if device is None:
            return
        self._camera = QCamera(device, self)
        fmt = preferred_format(device)
        if fmt is not None:
            self._camera.setCameraFormat(fmt)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._session.setCamera(self._camera)
        self._stack.setCurrentWidget(self.preview)
        self._camera.start()

    def _stop_camera(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)  # type: ignore[arg-type]  # Qt takes nullptr; the stubs say QCamera
            self._camera.deleteLater()
            self._camera = None

    def _on_camera_error(self, error: QCamera.Error, text: str) -> None:
        self._show_message(self.tr("The camera stopped: %1").replace("%1", text))
        self.problem.emit(text)

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self._frames_seen += 1
        need_preview = self._frames_seen % self._preview_every == 0
        worker = self._worker
        wants_analysis = worker is not None and not worker.busy
        if not need_preview and not wants_analysis:
            return
        image = frame.toImage()
        if need_preview:
            self.preview.set_image(image)
        if worker is not None:
            worker.submit(image)

    @Slot(object)
    def _on_update(self, update: CameraUpdate) -> None:
        self._set_guidance(update.guidance)
        if update.stable is not None:
            frame = update.stable.frame
            image = frame if isinstance(frame, QImage) else QImage()
            self.mrzRead.emit(CameraRead(update.stable.event, image))

    def _guidance_text(self, guidance: Guidance) -> str:
        return {
            Guidance.NO_DOCUMENT: self.tr("Hold the document's photo page up to the camera."),
            Guidance.MOVE_CLOSER: self.tr("Move the document closer to the camera."),
            Guidance.HOLD_STILL: self.tr("Hold still…"),
            Guidance.READ: self.tr("Read. You can take the document away."),
        }[guidance]

    def _set_guidance(self, guidance: Guidance) -> None:
        self.preview.set_guidance(self._guidance_text(guidance), good=guidance is Guidance.READ)
        if guidance is not self._guidance:
            self._guidance = guidance
            self.guidanceChanged.emit(guidance.value)
