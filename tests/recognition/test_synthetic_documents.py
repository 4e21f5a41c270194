"""Generated documents (benchmarks/synthetic) under a few conditions: exact reading and orientation."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from hotel_desk.recognition import read_mrz
from tests.recognition.conftest import TODAY


@pytest.mark.parametrize("condition", ["scan_clean", "scan_noisy", "rotated", "camera", "small"])
def test_generated_document_reads_exactly(synthetic, condition: str) -> None:
    sample = synthetic(condition)
    result = read_mrz(sample.image, today=TODAY)
    assert result.mrz_lines == sample.lines, f"{sample.name}: {result.mrz_lines}"
    assert result.valid or result.document is not None


def test_every_input_type_gives_the_same_reading(synthetic) -> None:
    sample = synthetic("scan_clean")
    pil = Image.open(io.BytesIO(sample.image))
    bgr = np.asarray(pil.convert("RGB"))[:, :, ::-1].copy()
    gray = np.asarray(pil.convert("L"))
    readings = {read_mrz(src, today=TODAY).mrz_lines for src in (sample.image, pil, bgr, gray)}
    assert readings == {sample.lines}


def test_upside_down_page(synthetic) -> None:
    sample = synthetic("scan_clean")
    turned = Image.open(io.BytesIO(sample.image)).rotate(180, expand=True)
    result = read_mrz(turned, today=TODAY)
    assert result.mrz_lines == sample.lines
    assert result.orientation == 180


def test_reading_from_two_threads_at_once(synthetic) -> None:
    """One Tesseract instance per thread: concurrent reads do not interfere."""
    from concurrent.futures import ThreadPoolExecutor

    samples = [synthetic("scan_clean", 0), synthetic("small", 0)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda s: read_mrz(s.image, today=TODAY), samples * 2))
    assert [r.mrz_lines for r in results] == [s.lines for s in samples * 2]


def test_image_of_the_mrz_alone(synthetic) -> None:
    """A dedicated MRZ scanner delivers just the zone, cropped close."""
    sample = synthetic("scan_clean")
    page = Image.open(io.BytesIO(sample.image))
    located = read_mrz(page, today=TODAY)
    xs = [p[0] for p in located.region]
    ys = [p[1] for p in located.region]
    crop = page.crop((min(xs) - 6, min(ys) - 6, max(xs) + 6, max(ys) + 6))
    assert read_mrz(crop, today=TODAY).mrz_lines == sample.lines


def test_sixteen_bit_frame(synthetic) -> None:
    sample = synthetic("small")
    gray = np.asarray(Image.open(io.BytesIO(sample.image)).convert("L")).astype(np.uint16) * 257
    assert read_mrz(gray, today=TODAY).mrz_lines == sample.lines


def test_camera_frames_are_read_by_the_recognizer_alone(synthetic, monkeypatch) -> None:
    """max_variants=1 (the camera's frames): no Tesseract call, the next frame is a moment away."""
    import hotel_desk.recognition.zone as zone

    def no_tesseract(_strip):  # pragma: no cover - failing is the point
        raise AssertionError("Tesseract was asked")

    monkeypatch.setattr(zone, "read_strip", no_tesseract)
    sample = synthetic("camera")
    result = read_mrz(np.asarray(Image.open(io.BytesIO(sample.image)).convert("L")), today=TODAY, max_variants=1)
    assert result.mrz_lines == sample.lines
    assert result.variants_used == 1


def test_clean_scan_needs_no_second_opinion(synthetic) -> None:
    sample = synthetic("scan_clean")
    result = read_mrz(sample.image, today=TODAY)
    assert result.mrz_lines == sample.lines
    assert result.variants_used == 1 and result.needs_review == []
