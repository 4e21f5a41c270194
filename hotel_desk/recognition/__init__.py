"""Image -> MRZ text: locate the machine-readable zone, read it with the trained line recognizer (CNN + CTC,
onnxruntime; Tesseract as a second opinion where that reading is not settled), and let the check digits
choose among the readings the image supports. Qt-free; see docs/recognition.md."""

from __future__ import annotations

from hotel_desk.recognition.engine import RecognitionResult, read_mrz
from hotel_desk.recognition.ocr import OcrUnavailable

__all__ = ["OcrUnavailable", "RecognitionResult", "read_mrz"]
