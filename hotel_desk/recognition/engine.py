"""`read_mrz(source)`: image in, MRZ and document out, with everything the desk needs to trust it.

Pipeline: load (with a pixel budget) -> locate candidate MRZ regions -> per row, cut a straight strip and
read it with Tesseract's MRZ model in the cheapest variant -> decide which way up the text reads -> if any
check digit fails or a field without a check digit is unsure, read again in more variants and vote ->
check-digit-guided correction among supported alternatives -> parse and check with the document core.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from hotel_desk.documents import MrzCheck, TravelDocument, check_mrz
from hotel_desk.recognition.loading import ImageProblem, load_gray
from hotel_desk.recognition.locate import MrzRegion, TextRow
from hotel_desk.recognition.ocr import CharReading, OcrUnavailable, read_strip
from hotel_desk.recognition.strips import Variant

logger = logging.getLogger(__name__)

LINE_LENGTHS = (30, 36, 44)
# An MRZ line of 30 characters needs at least ~4 pixels per character to be read at all.
MIN_SIDE = 120


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
    variants_used: int = 0
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
    `today` decides date centuries and expiry findings (default: the local date)."""
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
        _read_gray(loaded.gray, result, today=today, max_variants=max_variants)
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


@dataclass
class _RowRead:
    chars: list[CharReading]
    text_start: float
    text_end: float

    @property
    def text(self) -> str:
        return "".join(c.char for c in self.chars)

    @property
    def mean_conf(self) -> float:
        return float(np.mean([c.confidence for c in self.chars])) if self.chars else 0.0


def _read_gray(gray: np.ndarray, result: RecognitionResult, *, today: date, max_variants: int | None) -> None:
    from hotel_desk.recognition.locate import find_mrz_regions
    from hotel_desk.recognition.strips import VARIANTS

    if max(gray.shape) < MIN_SIDE or min(gray.shape) < MIN_SIDE // 6:
        result.error = "no_mrz"
        result.message = (
            f"the image ({gray.shape[1]}x{gray.shape[0]} pixels) is too small to hold a readable MRZ"
        )
        return
    t = time.perf_counter()
    regions = find_mrz_regions(gray)
    result.timings["locate"] = time.perf_counter() - t
    if not regions:
        result.error, result.message = "no_mrz", "no machine-readable zone found in the image"
        return
    variants = VARIANTS[: max_variants or len(VARIANTS)]
    t = time.perf_counter()
    best: _Attempt | None = None
    for region in regions[:3]:
        attempt = _read_region(gray, region, variants, today)
        if attempt is None:
            continue
        if best is None or attempt.rank > best.rank:
            best = attempt
        if attempt.check.document is not None and attempt.check.document.check_digits_ok:
            break
    result.timings["ocr"] = time.perf_counter() - t
    if best is None:
        result.error, result.message = (
            "no_mrz",
            "text rows were found but none reads as a machine-readable zone",
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
    result.variants_used = best.variants_used
    if best.check.document is None:
        result.error = "unreadable"
        result.message = "an MRZ was found but could not be read completely"
        result.mrz_lines = tuple(best.lines)


@dataclass
class _Attempt:
    lines: list[str]
    check: MrzCheck
    confidence: list[list[float]]
    region: MrzRegion
    flipped: bool
    review: list[dict[str, str]]
    changes: list[dict[str, Any]]
    variants_used: int

    @property
    def rank(self) -> tuple[int, int, float]:
        doc = self.check.document
        passed = sum(c.ok for c in doc.check_digits) if doc else -1
        mean = float(np.mean([x for line in self.confidence for x in line])) if self.confidence else 0.0
        return (1 if doc else 0, passed, mean)


def _read_rows(gray: np.ndarray, rows: Sequence[TextRow], flipped: bool, variant: Variant) -> list[_RowRead]:
    from hotel_desk.recognition.strips import cut_strip

    out = []
    ordered = list(rows)[::-1] if flipped else list(rows)
    for row in ordered:
        strip = cut_strip(gray, row, flip=flipped, variant=variant)
        out.append(_RowRead(read_strip(strip.image), strip.text_start, strip.text_end))
    return out


_FIRST_LINE = re.compile(r"^[PIACV][A-Z<][A-Z<]{3}")


def _mrz_likeness(read: _RowRead) -> float:
    """How much a reading looks like the first MRZ line read the right way up: a document code and an
    issuing state at the start, fillers, a confident read. Rows read upside down come out as confident-looking
    strings of digits and K/L/X, so Tesseract's confidence alone cannot tell the orientation."""
    if not read.chars:
        return 0.0
    text = read.text
    score = read.mean_conf
    if _FIRST_LINE.match(text):
        score += 0.5
    if "<<" in text:
        score += 0.2
    score += 0.2 * min(text.count("<"), 10) / 10
    length_fit = min(abs(len(text) - n) for n in LINE_LENGTHS)
    return score - 0.02 * min(length_fit, 10)


def _choose_layout(reads: list[_RowRead]) -> tuple[list[int], int] | None:
    """Which rows form the MRZ and how long its lines are: three rows of 30, or two of 36 or 44."""
    lengths = [len(r.chars) for r in reads]
    if len(reads) >= 3:
        for s in range(len(reads) - 2):
            trio = lengths[s : s + 3]
            if all(abs(n - 30) <= 3 for n in trio):
                return [s, s + 1, s + 2], 30
    best: tuple[float, list[int], int] | None = None
    for s in range(len(reads) - 1):
        pair = lengths[s : s + 2]
        for n in (36, 44):
            miss = sum(abs(x - n) for x in pair)
            if miss <= 8 and (best is None or miss < best[0]):
                best = (miss, [s, s + 1], n)
    if best is not None:
        return best[1], best[2]
    if len(reads) >= 3 and all(abs(n - 30) <= 6 for n in lengths[:3]):
        return [0, 1, 2], 30
    return None


def _read_region(
    gray: np.ndarray, region: MrzRegion, variants: Sequence[Variant], today: date
) -> _Attempt | None:
    from hotel_desk.recognition.correct import correct, vote

    first = variants[0]
    upright = _read_rows(gray, region.rows[:1], False, first)[0]
    flipped = False
    # A clear first line (document code, issuer, fillers) settles it; otherwise read the other way too.
    if _mrz_likeness(upright) < 1.6:
        turned = _read_rows(gray, region.rows[-1:], True, first)[0]
        if _mrz_likeness(turned) > _mrz_likeness(upright):
            flipped = True
    rows = list(region.rows)[::-1] if flipped else list(region.rows)
    if flipped:
        reads = [turned, *_read_rows(gray, rows[1:], True, first)]
    else:
        reads = [upright, *_read_rows(gray, rows[1:], False, first)]
    layout = _choose_layout(reads)
    if layout is None and len(rows) == 2 and all(abs(len(r.chars) - 30) <= 3 for r in reads):
        # Two rows of 30: a TD1 card whose third row the locator missed (merged with a border, or faint).
        # Look one row pitch beyond each end of the pair.
        rows, reads = _extend_to_three(gray, rows, reads, flipped, first)
        layout = _choose_layout(reads)
    if layout is None:
        return None
    row_ids, length = layout
    line_start = "V" if reads[row_ids[0]].text[:1] == "V" else "P"
    if length == 30:
        line_start = "I"
    template = [line_start + "<" * (length - 1)] + ["<" * length] * (len(row_ids) - 1)
    # Readings per MRZ line, one per variant read so far; the aligned cells of each are kept.
    aligned_by_line: list[list[list[CharReading | None]]] = []
    for li, rid in enumerate(row_ids):
        aligned_by_line.append([_best_alignment(reads[rid], li, length, template)])
    attempt = None
    needy: set[int] = set()
    for k in range(len(variants)):
        if k > 0:
            for li in sorted(needy):
                more = _read_rows(gray, [rows[row_ids[li]]], flipped, variants[k])[0]
                aligned_by_line[li].append(_best_alignment(more, li, length, template))
        per_line = [vote(aligned, length) for aligned in aligned_by_line]
        fixed = correct(per_line)
        check = check_mrz(fixed.lines, today=today, candidates=False)
        attempt = _Attempt(
            lines=fixed.lines,
            check=check,
            confidence=fixed.confidence,
            region=region,
            flipped=flipped,
            review=fixed.review,
            changes=[
                {"line": li + 1, "column": col + 1, "read": old, "chosen": new, "why": why}
                for li, col, old, new, why in fixed.changes
            ],
            variants_used=k + 1,
        )
        if check.document is None:
            needy = set(range(len(row_ids)))
            continue
        # Only the lines with a failing check digit or an unsure field are read again in the next variant.
        needy = fixed.needy_lines
        if not needy:
            break
    if attempt is not None and attempt.check.document is not None:
        _second_look(gray, rows, row_ids, flipped, length, template, attempt, variants, today)
    if attempt is not None and math.isfinite(attempt.rank[2]):
        return attempt
    return None


# Confusions of the MRZ model that nothing else catches, with the cells where they matter. The grey variants
# melt the short tail of a blurred OCR-B Q into G's bar, and read a blurred W as M, both with ~0.9 confidence
# and without the other among their alternatives; the binarised variant keeps those strokes apart. A G in the
# names (no check digit) and an M in the document number (its check digit cannot tell M from W: their values
# differ by 10) are read once more, binarised, and the other letter is taken where that reading clearly sees it.
_BINARY_LOOK = "binary36"
_SECOND_LOOK = {"G": "Q", "M": "W"}


def _second_look_cells(length: int, line_count: int) -> dict[int, tuple[range, str]]:
    """Per MRZ line: the columns to look at again and which read letter there is doubtful."""
    if length == 30 and line_count == 3:
        return {0: (range(5, 14), "M"), 2: (range(0, 30), "G")}
    if line_count == 2:
        return {0: (range(5, length), "G"), 1: (range(0, 9), "M")}
    return {}


def _second_look(
    gray: np.ndarray,
    rows: list[TextRow],
    row_ids: list[int],
    flipped: bool,
    length: int,
    template: list[str],
    attempt: _Attempt,
    variants: Sequence[Variant],
    today: date,
) -> None:
    """Read the lines holding a doubtful G or M once more in the binarised variant and take its Q or W at
    those cells when it is clear. Only the two readings of the image are chosen between; every change is
    reported in `corrections`."""
    binary = next((v for v in variants if v.name == _BINARY_LOOK), None)
    if binary is None:
        return
    changed = False
    for li, (cols, letter) in _second_look_cells(length, len(row_ids)).items():
        line = attempt.lines[li]
        doubtful = [c for c in cols if c < len(line) and line[c] == letter]
        if not doubtful:
            continue
        more = _read_rows(gray, [rows[row_ids[li]]], flipped, binary)[0]
        seen = _best_alignment(more, li, length, template)
        chars = list(line)
        other = _SECOND_LOOK[letter]
        for col in doubtful:
            cell = seen[col] if col < len(seen) else None
            if cell is not None and cell.char == other and cell.confidence >= 0.6:
                chars[col] = other
                attempt.changes.append(
                    {
                        "line": li + 1,
                        "column": col + 1,
                        "read": letter,
                        "chosen": other,
                        "why": "binarised reading",
                    }
                )
        if chars != list(line):
            attempt.lines[li] = "".join(chars)
            changed = True
    if changed:
        attempt.check = check_mrz(attempt.lines, today=today, candidates=False)


def _extend_to_three(
    gray: np.ndarray, rows: list[TextRow], reads: list[_RowRead], flipped: bool, variant: Variant
) -> tuple[list[TextRow], list[_RowRead]]:
    a, b = rows
    step = np.array(b.center) - np.array(a.center)
    best = None
    for where, center in (("after", np.array(b.center) + step), ("before", np.array(a.center) - step)):
        ghost = TextRow(
            center=(float(center[0]), float(center[1])), length=b.length, height=b.height, angle=b.angle
        )
        read = _read_rows(gray, [ghost], flipped, variant)[0]
        fit = abs(len(read.chars) - 30)
        if fit <= 3 and (best is None or fit < best[0]):
            best = (fit, where, ghost, read)
    if best is None:
        return rows, reads
    _, where, ghost, read = best
    if where == "after":
        return [a, b, ghost], [*reads, read]
    return [ghost, a, b], [read, *reads]


def _best_alignment(read: _RowRead, line: int, length: int, template: list[str]) -> list[CharReading | None]:
    """The placement of a row's characters on its cells that best fits the MRZ's structure. Dropping a
    character costs its confidence, less when it overlaps its neighbour (the LSTM decoder sometimes emits
    a phantom character inside a wide glyph, an I inside a K)."""
    from hotel_desk.recognition.correct import alignment_options, structure_score

    chars = read.chars
    pitch = (read.text_end - read.text_start) / length
    phantom = set()
    for k in range(len(chars) - 1):
        a, b = chars[k], chars[k + 1]
        # Fixed pitch: two characters much closer than one pitch cannot both be real.
        if (b.x + b.width / 2) - (a.x + a.width / 2) < 0.7 * pitch:
            # The phantom is usually an I made of a wider glyph's upright stroke (K, H, N): when exactly one
            # of the two is an I, that one goes; otherwise the less confident one.
            if (a.char == "I") != (b.char == "I"):
                phantom.add(k if a.char == "I" else k + 1)
            else:
                phantom.add(k if a.confidence <= b.confidence else k + 1)
    options = alignment_options(chars, length, read.text_start, read.text_end)
    scored = []
    for i, option in enumerate(options):
        kept = {id(c) for c in option if c is not None}
        dropped = sum(
            c.confidence * (0.3 if k in phantom else 1.0) for k, c in enumerate(chars) if id(c) not in kept
        )
        score = structure_score([c.char if c else None for c in option], line, template) - 0.5 * dropped
        scored.append((score, -i, option))
    return max(scored, key=lambda t: (t[0], t[1]))[2]
