"""What a reader handed us, judged the same way for every input device.

A serial reader, a keyboard-wedge burst and the camera all end up with a handful of text lines. This module
decides what those lines are worth at the desk:

- ACCEPTED: they form a whole machine-readable zone (TD1, TD2, TD3, MRV-A/B, China permit) and every check
  digit passes. Only these may fill the registration form without a person looking.
- REVIEW: they have the full shape of a zone but a check digit fails (or the layout is unknown). Nothing is
  lost: the receptionist sees the lines, the failing fields and the correction candidates.
- REREAD: a part of a zone (a line missing, a line cut short, a damaged frame). The reader is asked for
  another pass; a half read never becomes a registration.

Lines with no MRZ-like content at all (status messages, noise) are not an event: `judge_lines` returns None.
MRZ parsing and check digits come from hotel_desk.documents; nothing here re-implements them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hotel_desk.clock import Clock, SystemClock, local_today
from hotel_desk.documents import MRZ_ALPHABET, DocumentFormat, MrzCheck, check_mrz, detect_format, mrz_layout

#: Every (line count, line length) that is a whole zone, from the document core's own layout table.
WHOLE_SHAPES: frozenset[tuple[int, int]] = frozenset(
    mrz_layout(fmt) for fmt in DocumentFormat if fmt is not DocumentFormat.MANUAL
)
LINE_LENGTHS: frozenset[int] = frozenset(length for _, length in WHOLE_SHAPES)
MAX_LINES: int = max(count for count, _ in WHOLE_SHAPES)

# A cut-off line is still worth a reread request, but a few stray letters are just noise.
_MIN_FRAGMENT = 10
_ALPHABET = frozenset(MRZ_ALPHABET)


class ReadOutcome(StrEnum):
    ACCEPTED = "accepted"
    REVIEW = "review"
    REREAD = "reread"


# Stable reason codes (the UI and support scripts key on them) with the text shown to people.
_REASONS: dict[str, tuple[str, str]] = {
    "read_ok": ("Document read; every check digit passes.", "证件已读取，所有校验位正确。"),
    "check_digits_failed": (
        "The reader sent a complete zone but a check digit fails: please check the fields.",
        "读卡器读到完整的机读区，但校验位不符：请核对各项。",
    ),
    "unknown_layout": (
        "The reader sent lines of full length but no known document layout: please check them.",
        "读卡器读到的内容长度完整，但不是已知证件格式：请核对。",
    ),
    "partial_read": (
        "Only part of the document was read: please pass it through the reader again.",
        "只读到部分证件内容：请重新刷一次证件。",
    ),
    "damaged_frame": (
        "The reader's message arrived damaged: please pass the document through again.",
        "读卡器数据传输出错：请重新刷一次证件。",
    ),
}


def reason_messages(reason: str) -> tuple[str, str]:
    return _REASONS.get(reason, (reason, reason))


def looks_like_mrz_line(line: str) -> bool:
    """A line that could be (part of) a machine-readable zone: only MRZ characters, long enough, and either
    carrying the '<' filler every real zone line has or already of a full line length."""
    if len(line) < _MIN_FRAGMENT or len(line) > max(LINE_LENGTHS):
        return False
    if not set(line) <= _ALPHABET:
        return False
    return "<" in line or len(line) in LINE_LENGTHS


def is_whole_shape(lines: Sequence[str]) -> bool:
    return bool(lines) and len({len(line) for line in lines}) == 1 and (len(lines), len(lines[0])) in WHOLE_SHAPES


@dataclass(frozen=True)
class ReaderEvent:
    """One judged read from an input device. `raw` keeps exactly what arrived, for support and for review."""

    outcome: ReadOutcome
    lines: tuple[str, ...]
    reason: str
    source: str = ""
    format: DocumentFormat | None = None
    check: MrzCheck | None = None
    document_type_hint: str | None = None  # what the reader itself said the document was, if it says
    raw: bytes = b""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.outcome is ReadOutcome.ACCEPTED

    @property
    def message_en(self) -> str:
        return reason_messages(self.reason)[0]

    @property
    def message_zh(self) -> str:
        return reason_messages(self.reason)[1]

    def message(self, language: str = "en") -> str:
        return self.message_zh if language.lower().startswith("zh") else self.message_en

    def failing_check_digits(self) -> list[str]:
        doc = self.check.document if self.check else None
        return [c.field for c in doc.check_digits if not c.ok] if doc else []

    def to_dict(self) -> dict[str, object]:
        doc = self.check.document if self.check else None
        out: dict[str, object] = {
            "outcome": self.outcome.value,
            "reason": self.reason,
            "message": self.message_en,
            "message_zh": self.message_zh,
            "source": self.source,
            "format": self.format.value if self.format else None,
            "mrz": list(self.lines),
            "document_type_hint": self.document_type_hint,
            "failing_check_digits": self.failing_check_digits(),
            "raw": self.raw.decode("latin-1"),
        }
        if doc is not None:
            out["document"] = doc.to_dict()
        if self.check is not None:
            out["findings"] = [f.to_dict() for f in self.check.findings]
            out["candidates"] = [c.to_dict() for c in self.check.candidates]
        return out


TodayFn = Callable[[], date]


def today_from(clock: Clock | None = None) -> TodayFn:
    """Dates in an MRZ have two-digit years: parsing needs 'today' at the property to place them."""
    clk = clock or SystemClock()
    return lambda: local_today(clk)


def mrz_lines_in(lines: Sequence[str], *, pad_chars: str = "") -> list[str]:
    """Keep the MRZ-like lines of what a device sent (status text, headers and noise dropped)."""
    out = []
    for line in lines:
        cleaned = line.strip().strip(pad_chars).strip() if pad_chars else line.strip()
        if looks_like_mrz_line(cleaned):
            out.append(cleaned)
    return out


def judge_lines(
    lines: Sequence[str],
    *,
    today: date,
    source: str = "",
    raw: bytes = b"",
    document_type_hint: str | None = None,
    damaged: bool = False,
) -> ReaderEvent | None:
    """Judge the MRZ-like lines one read produced. None when there is nothing MRZ-like (not a read at all)."""
    mrz = [line for line in lines if looks_like_mrz_line(line)]
    if not mrz:
        return None

    def event(outcome: ReadOutcome, reason: str, fmt: DocumentFormat | None = None,
              check: MrzCheck | None = None) -> ReaderEvent:
        return ReaderEvent(outcome, tuple(mrz), reason, format=fmt, check=check, source=source, raw=raw,
                           document_type_hint=document_type_hint)

    if damaged:
        return event(ReadOutcome.REREAD, "damaged_frame")
    if len(mrz) > MAX_LINES or (not is_whole_shape(mrz) and len(mrz) > 1):
        # Some readers repeat the zone or put a line of a previous read first: take the last whole zone.
        for count, length in sorted(WHOLE_SHAPES, reverse=True):
            tail = mrz[-count:]
            if len(tail) == count and all(len(line) == length for line in tail):
                mrz = tail
                break
    if not is_whole_shape(mrz):
        return event(ReadOutcome.REREAD, "partial_read")
    fmt = detect_format(mrz)
    check = check_mrz(mrz, today=today, candidates=False)
    doc = check.document
    if fmt is not None and doc is not None and doc.check_digits and doc.check_digits_ok:
        return event(ReadOutcome.ACCEPTED, "read_ok", fmt, check)
    # Worth a person's look: give them the correction candidates too.
    check = check_mrz(mrz, today=today, candidates=True)
    reason = "check_digits_failed" if fmt is not None and check.document is not None else "unknown_layout"
    return event(ReadOutcome.REVIEW, reason, fmt, check)
