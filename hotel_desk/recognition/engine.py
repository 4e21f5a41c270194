"""`read_mrz(source)`: image in, MRZ and document out, with everything the desk needs to trust it.

Pipeline: load (with a pixel budget) -> locate candidate MRZ regions -> per row, cut a normalised strip
and read it with the trained recognizer (CNN + CTC, onnxruntime) -> decide which way up the text reads and
how long the lines are -> decode exactly that many cells -> check-digit-guided correction among the
alternatives the image supports -> if a check fails or a field is unsure, Tesseract reads those lines as a
second opinion -> parse and check with the document core, flag what a person must compare.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from hotel_desk.documents import MrzCheck, TravelDocument
from hotel_desk.recognition.loading import ImageProblem, load_gray
from hotel_desk.recognition.ocr import OcrUnavailable

logger = logging.getLogger(__name__)

# An MRZ line of 30 characters needs at least ~4 pixels per character to be read at all.
MIN_SIDE = 120
# Candidate zones read, best first, until one passes every check digit.
MAX_REGIONS = 4


@dataclass
class RecognitionResult:
    """What reading one image gave. `ok` means an MRZ of a known layout was read (its checks may still
    fail: see `check.findings`). `error` is a stable code when nothing could be read:
    not_found, not_image, truncated, too_large, unreadable, no_mrz, ocr_unavailable."""

    source: str | None = None
    mrz_lines: tuple[str, ...] | None = None
    check: MrzCheck | None = None
    char_confidence: tuple[tuple[float, ...], ...] = ()
    region: list[tuple[float, float]] | None = None  # corners in the original image
    orientation: int = 0  # 0/90/180/270: how far the text is turned clockwise from upright
    skew: float = 0.0  # residual tilt in degrees
    timings: dict[str, float] = field(default_factory=dict)
    needs_review: list[dict[str, str]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    variants_used: int = 0  # readers asked: 1 the recognizer, 2 with Tesseract
    error: str | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.mrz_lines is not None and self.check is not None and self.check.document is not None

    @property
    def document(self) -> TravelDocument | None:
        return self.check.document if self.check else None

    @property
    def valid(self) -> bool:
        return bool(self.check and self.check.valid)

    @property
    def seconds(self) -> float:
        return self.timings.get("total", 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "mrz": list(self.mrz_lines) if self.mrz_lines else None,
            "document": self.document.to_dict() if self.document else None,
            "valid": self.valid,
            "findings": [f.to_dict() for f in self.check.findings] if self.check else [],
            "needs_review": self.needs_review,
            "corrections": self.corrections,
            "char_confidence": [[round(c, 3) for c in line] for line in self.char_confidence],
            "region": [[round(x, 1), round(y, 1)] for x, y in self.region] if self.region else None,
            "orientation": self.orientation,
            "skew": round(self.skew, 2),
            "error": self.error,
            "message": self.message,
            "seconds": round(self.seconds, 4),
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }


def read_mrz(
    source: Any,
    *,
    today: date | None = None,
    max_variants: int | None = None,
    name: str | None = None,
) -> RecognitionResult:
    """Read the MRZ of a document image: a file path, image bytes, a Pillow image or a numpy frame
    (grayscale, BGR or BGRA). Never raises for bad input: the result's `error`/`message` say what happened.
    `today` decides date centuries and expiry findings (default: the local date). `max_variants=1` reads
    with the trained recognizer alone (the camera: the next frame is a fraction of a second away); by
    default Tesseract is asked as well wherever the first reading is not settled."""
    t0 = time.perf_counter()
    result = RecognitionResult(source=name)
    if today is None:
        from hotel_desk.clock import SystemClock, local_today

        today = local_today(SystemClock())
    try:
        loaded = load_gray(source)
    except ImageProblem as problem:
        result.error, result.message = problem.code, problem.message
        result.timings["total"] = time.perf_counter() - t0
        return result
    if result.source is None:
        result.source = loaded.name
    result.timings["load"] = time.perf_counter() - t0
    try:
        _read_gray(loaded.gray, result, today=today, second_opinion=max_variants is None or max_variants > 1)
    except OcrUnavailable as exc:
        result.error, result.message = "ocr_unavailable", str(exc)
    except MemoryError:
        result.error, result.message = "too_large", "not enough memory to process this image"
    except Exception as exc:
        # A reading failure must not take the desk (or a batch of files) down with it; the log keeps the
        # traceback for whoever fixes the bug.
        logger.exception("reading the MRZ of %s failed", result.source or "an image")
        result.error, result.message = (
            "unreadable",
            f"the image could not be processed ({exc.__class__.__name__})",
        )
    result.timings["total"] = time.perf_counter() - t0
    return result


def _read_gray(gray: np.ndarray, result: RecognitionResult, *, today: date, second_opinion: bool) -> None:
    from hotel_desk.recognition.locate import MrzRegion, find_mrz_regions
    from hotel_desk.recognition.zone import ZoneReading, read_zone

    if max(gray.shape) < MIN_SIDE or min(gray.shape) < MIN_SIDE // 6:
        result.error = "no_mrz"
        result.message = (
            f"the image ({gray.shape[1]}x{gray.shape[0]} pixels) is too small to hold a readable MRZ"
        )
        return
    best: ZoneReading | None = None
    seen: list[tuple[np.ndarray, MrzRegion]] = []
    located = False
    locate_s = ocr_s = 0.0
    # Views of the page, each tried only when the ones before gave no zone that passes its check digits:
    # as it is; contrast evened out and specks removed (ultraviolet reader captures); inverted (negatives,
    # light print on a dark ground). The camera (no second opinion) looks at the frame as it is: the next
    # frame is a fraction of a second away.
    for view in ("plain", "enhanced", "inverted") if second_opinion else ("plain",):
        image = 255 - gray if view == "inverted" else gray
        t = time.perf_counter()
        regions = find_mrz_regions(image, enhance=view == "enhanced")
        locate_s += time.perf_counter() - t
        located = located or bool(regions)
        t = time.perf_counter()
        for region in regions[:MAX_REGIONS]:
            attempt = read_zone(image, region, today, second_opinion=second_opinion)
            if attempt is None:
                continue
            if best is None or attempt.rank > best.rank:
                best = attempt
            if attempt.settled:
                break
        ocr_s += time.perf_counter() - t
        seen.extend((image, region) for region in regions[:MAX_REGIONS])
        if best is not None and best.settled:
            break
    if second_opinion and (best is None or not best.settled):
        # The last resort: rows the locator cut short (a run of faint fillers, fibres across a row), followed
        # past their ends by the recognizer.
        t = time.perf_counter()
        for image, region in seen:
            attempt = read_zone(image, region, today, second_opinion=second_opinion, grow=True)
            if attempt is not None and (best is None or attempt.rank > best.rank):
                best = attempt
            if best is not None and best.settled:
                break
        ocr_s += time.perf_counter() - t
    result.timings["locate"] = locate_s
    result.timings["ocr"] = ocr_s
    if best is None:
        result.error = "no_mrz"
        result.message = (
            "text rows were found but none reads as a machine-readable zone"
            if located
            else "no machine-readable zone found in the image"
        )
        return
    result.mrz_lines = tuple(best.lines)
    result.check = best.check
    result.char_confidence = tuple(tuple(c) for c in best.confidence)
    result.region = best.region.polygon()
    angle = best.region.angle + (180.0 if best.flipped else 0.0)
    quarter = round(angle / 90.0) % 4
    result.orientation = int(quarter * 90)
    result.skew = float((angle - quarter * 90.0 + 180.0) % 360.0 - 180.0)
    result.needs_review = best.review
    result.corrections = best.changes
    result.variants_used = best.readers
    if best.check.document is None:
        result.error = "unreadable"
        result.message = "an MRZ was found but could not be read completely"
