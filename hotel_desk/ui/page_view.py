"""The scanned page as the receptionist sees it: the image, scaled to fit, with the MRZ band outlined so they
can tell at a glance whether the reader looked at the right place. Also the drop target for image files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hotel_desk.ui import theme

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".pnm", ".pgm", ".ppm"}


class PageView(QWidget):
    file_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(300, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pixmap: QPixmap | None = None
        self._region: tuple[tuple[float, float], ...] | None = None
        self._hover = False
        self._placeholder = ""
        self._busy_text = ""

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_busy_text(self, text: str) -> None:
        self._busy_text = text
        self.update()

    def set_image(self, data: bytes | None, region: tuple[tuple[float, float], ...] | None = None) -> None:
        self._pixmap = None
        if data:
            image = QImage.fromData(data)
            if not image.isNull():
                self._pixmap = QPixmap.fromImage(image)
        self._region = region
        self.update()

    def set_region(self, region: tuple[tuple[float, float], ...] | None) -> None:
        self._region = region
        self.update()

    def has_image(self) -> bool:
        return self._pixmap is not None

    # -- drag and drop ---------------------------------------------------------------------------------------
    @staticmethod
    def _first_image(event: QDragEnterEvent | QDropEvent) -> str | None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._first_image(event):
            self._hover = True
            self.update()
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self._hover = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover = False
        self.update()
        path = self._first_image(event)
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)

    # -- painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(theme.ACCENT if self._hover else theme.BORDER), 2 if self._hover else 1,
                            Qt.PenStyle.SolidLine if self._pixmap else Qt.PenStyle.DashLine))
        painter.setBrush(QColor("#eef3f8" if self._hover else "#fafbfc"))
        painter.drawRoundedRect(area, 8, 8)
        if self._pixmap is None:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(area.adjusted(24, 24, -24, -24), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._busy_text or self._placeholder)
            return
        inner = area.adjusted(10, 10, -10, -10)
        size = self._pixmap.size().scaled(inner.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(inner.x() + (inner.width() - size.width()) / 2,
                        inner.y() + (inner.height() - size.height()) / 2, size.width(), size.height())
        painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        if self._region:
            sx = target.width() / self._pixmap.width()
            sy = target.height() / self._pixmap.height()
            polygon = QPolygonF([QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in self._region])
            box = polygon.boundingRect()
            painter.setPen(QPen(QColor("#1e88e5"), 2.5))
            painter.setBrush(QColor(30, 136, 229, 28))
            painter.drawPolygon(polygon)
            painter.setPen(QColor("white"))
            tag = QRectF(box.x(), box.y() - 20, 46, 18)
            painter.setBrush(QColor("#1e88e5"))
            painter.drawRoundedRect(tag, 3, 3)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, "MRZ")
        if self._busy_text:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRoundedRect(area, 8, 8)
            painter.setPen(QColor(theme.ACCENT_DARK))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self._busy_text)
