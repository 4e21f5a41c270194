"""Evidence per MRZ cell: what each reading says stands there, placed on the fixed-pitch cells.

The trained recognizer's constrained CTC decoding gives exactly one reading per cell. Tesseract (the second
opinion) returns however many characters it saw; OCR-B is fixed pitch, so x positions, the pitch and the
MRZ's structure (check digits, digit/letter positions, document and country codes) decide how its
characters map onto the 30/36/44 cells. Readings then vote per cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotel_desk.documents import DocumentFormat, detect_format
from hotel_desk.documents.mrz import layout_checks
from hotel_desk.recognition.layout import DOCUMENT_CODES, check_ok, classes, known_code, readable_layout
from hotel_desk.recognition.ocr import CharReading

Aligned = list[CharReading | None]


@dataclass
class Position:
    """Evidence for one cell: support per character, summed over readings and divided by their number."""

    support: dict[str, float] = field(default_factory=dict)

    def best(self) -> tuple[str, float]:
        if not self.support:
            return "<", 0.0
        char = max(self.support, key=lambda c: self.support[c])
        return char, self.support[char]

    def get(self, char: str) -> float:
        return self.support.get(char, 0.0)


def vote(aligned_readings: list[Aligned], length: int, weights: list[float] | None = None) -> list[Position]:
    """Per-cell support from several aligned readings (weighted average of their probabilities)."""
    positions = [Position() for _ in range(length)]
    w = weights or [1.0] * len(aligned_readings)
    total = max(1e-9, sum(w[: len(aligned_readings)]))
    for reading, weight in zip(aligned_readings, w, strict=False):
        share = weight / total
        for i, c in enumerate(reading[:length]):
            if c is None:
                continue
            sup = positions[i].support
            sup[c.char] = sup.get(c.char, 0.0) + c.confidence * share
            for alt, conf in c.alternatives.items():
                if alt != c.char:
                    # An alternative never outranks what that same reading chose.
                    sup[alt] = sup.get(alt, 0.0) + min(conf, c.confidence * 0.95) * share
    # Cells nobody read, next to fillers, are fillers a reader merged or skipped.
    for i, p in enumerate(positions):
        if not p.support:
            left = positions[i - 1].best()[0] if i > 0 else "<"
            right = positions[i + 1].best()[0] if i + 1 < length else "<"
            if "<" in (left, right):
                p.support["<"] = 0.3
    return positions


def _cells_by_x(
    chars: list[CharReading], length: int, text_start: float, text_end: float, anchor_left: bool
) -> Aligned:
    """Place characters in fixed-pitch cells by their x position, anchored at one end of the row."""
    pitch = (text_end - text_start) / length if text_end > text_start else 0.0
    cells: Aligned = [None] * length
    if pitch <= 0 or not chars:
        return cells
    centers = [c.x + c.width / 2 for c in chars]
    first, last = centers[0], centers[-1]
    for c, x in zip(chars, centers, strict=True):
        idx = round((x - first) / pitch) if anchor_left else length - 1 - round((last - x) / pitch)
        held = cells[idx] if 0 <= idx < length else None
        if 0 <= idx < length and (held is None or held.confidence < c.confidence):
            cells[idx] = c
    return cells


def alignment_options(chars: list[CharReading], length: int, text_start: float, text_end: float) -> list[Aligned]:
    """Ways one reading's characters may map onto `length` fixed-pitch cells: a reader sometimes adds a
    character (a speck, other print at the row's end) or drops one (two fillers merged)."""
    options: list[Aligned] = []
    n = len(chars)
    if n == length:
        options.append(list(chars))
    pitch = (text_end - text_start) / length if text_end > text_start else 0.0
    if n > length:
        if pitch > 0:
            inside = [
                c for c in chars if text_start - 0.6 * pitch <= c.x + c.width / 2 <= text_end + 0.6 * pitch
            ]
            if len(inside) == length:
                options.append(list(inside))
        extra = n - length
        if extra <= 3:
            for left in range(extra + 1):
                options.append(list(chars[left : n - (extra - left)]))
    if n and pitch > 0 and n != length:
        options.append(_cells_by_x(chars, length, text_start, text_end, anchor_left=True))
        options.append(_cells_by_x(chars, length, text_start, text_end, anchor_left=False))
    if n < length:
        options.append([*chars, *([None] * (length - n))])
    if not options:
        options.append([None] * length)
    return options


def structure_score(text: list[str | None], line: int, template: list[str]) -> float:
    """How well one line fits the MRZ layout of `template` (the other lines as read): characters of the
    right class where the layout fixes one, and check digits of this line that pass."""
    lines = list(template)
    lines[line] = "".join(c or "<" for c in text)
    fmt = detect_format(lines)
    if fmt is None or not readable_layout(fmt, lines):
        return 0.0
    try:
        allowed_at = classes(fmt, lines)
    except ValueError:
        return 0.0
    score = 0.0
    for (li, col), allowed in allowed_at.items():
        if li == line and text[col] is not None and text[col] in allowed:
            score += 1.0
    grid = [list(x) for x in lines]
    for check in layout_checks(fmt, lines):
        if check.digit[0] == line and all(li == line for li, _, _ in check.covers) and check_ok(grid, check):
            score += 4.0
    score -= 0.5 * sum(1 for c in text if c is None)
    joined = lines[line]
    if line == 0:
        if joined[:1] in DOCUMENT_CODES:
            score += 2.0
        if known_code(joined[2:5].replace("<", "")):
            score += 2.0
    if joined.endswith("<") and (line == 0 or fmt is DocumentFormat.TD1):
        score += 1.0  # name fields end in fillers (unless the name was truncated)
    return score


def best_alignment(
    chars: list[CharReading], text_start: float, text_end: float, line: int, length: int, template: list[str]
) -> Aligned:
    """The placement of a free reading's characters on the cells that best fits the MRZ's structure.
    Dropping a character costs its confidence, less when it sits closer than 0.7 of the pitch to its
    neighbour (fixed pitch: two such characters cannot both be real, the less confident one goes first)."""
    pitch = (text_end - text_start) / length
    crowded = set()
    for k in range(len(chars) - 1):
        a, b = chars[k], chars[k + 1]
        if (b.x + b.width / 2) - (a.x + a.width / 2) < 0.7 * pitch:
            crowded.add(k if a.confidence <= b.confidence else k + 1)
    scored = []
    for i, option in enumerate(alignment_options(chars, length, text_start, text_end)):
        kept = {id(c) for c in option if c is not None}
        dropped = sum(
            c.confidence * (0.3 if k in crowded else 1.0) for k, c in enumerate(chars) if id(c) not in kept
        )
        score = structure_score([c.char if c else None for c in option], line, template) - 0.5 * dropped
        scored.append((score, -i, option))
    return max(scored, key=lambda t: (t[0], t[1]))[2]
