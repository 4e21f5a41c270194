"""Keyboard-wedge readers: telling a reader's burst of keystrokes from a person typing, Qt-free.

A wedge reader "types" the MRZ into whatever field has focus, a key every ~5-30 ms; nobody types 12 keys in
a row that fast. So every printable key is held back briefly: if the next key follows within `max_gap_s`
the run goes on, and when the run ends it is either handed back for the focused field (a person typing, a
rollover of two or three keys, a barcode that is not an MRZ) or taken as a reader's input and judged like
any other read. A person's key is delayed by at most `max_gap_s` (50 ms by default), below what one notices.

The reader sends key positions as on a US keyboard; under another layout (German, French, ...) the system
turns them into other characters. `KeyboardLayout` tables (keyboard_layouts.json, data) map them back.

Time is passed in (`at`, seconds on any monotonic clock): the Qt filter passes its clock, tests their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

from hotel_desk.devices.reads import (
    ReaderEvent,
    ReadOutcome,
    TodayFn,
    judge_lines,
    today_from,
)

T = TypeVar("T")


class LayoutError(ValueError):
    pass


@dataclass(frozen=True)
class KeyboardLayout:
    name: str
    description: str = ""
    mapping: dict[str, str] = field(default_factory=dict)

    def to_reader_text(self, text: str) -> str:
        """What the reader meant to type, from what arrived under this layout."""
        return "".join(self.mapping.get(ch, ch) for ch in text)

    def with_overrides(self, overrides: dict[str, str]) -> KeyboardLayout:
        return KeyboardLayout(self.name, self.description, {**self.mapping, **overrides})


def load_keyboard_layouts(extra_files: Sequence[Path] = ()) -> dict[str, KeyboardLayout]:
    texts = [("keyboard_layouts.json",
              resources.files("hotel_desk.devices").joinpath("keyboard_layouts.json").read_text(encoding="utf-8"))]
    texts += [(str(p), Path(p).read_text(encoding="utf-8")) for p in extra_files]
    layouts: dict[str, KeyboardLayout] = {}
    for origin, text in texts:
        try:
            data = json.loads(text)
            entries = data["layouts"]
            for name, entry in entries.items():
                mapping = entry.get("map", {})
                if not all(isinstance(k, str) and isinstance(v, str) and len(k) == 1 for k, v in mapping.items()):
                    raise LayoutError(f"{origin}: layout {name!r}: map keys must be single characters")
                layouts[name] = KeyboardLayout(name, str(entry.get("description", "")), dict(mapping))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            if isinstance(exc, LayoutError):
                raise
            raise LayoutError(f"{origin}: expected {{\"layouts\": {{NAME: {{\"map\": {{...}}}}}}}} ({exc})") from exc
    return layouts


def get_keyboard_layout(name: str, extra_files: Sequence[Path] = ()) -> KeyboardLayout:
    layouts = load_keyboard_layouts(extra_files)
    try:
        return layouts[name]
    except KeyError:
        raise LayoutError(f"unknown keyboard layout {name!r}; known: {', '.join(sorted(layouts))}") from None


@dataclass(frozen=True)
class PassThrough(Generic[T]):
    """Keys that a person typed (or that are not an MRZ): deliver them to the focused field, in order."""

    tokens: tuple[T, ...]


@dataclass(frozen=True)
class ReaderInput:
    """A reader's burst, judged. The keys are swallowed; `event` says what the read is worth."""

    event: ReaderEvent
    text: str  # as the reader meant it (layout mapped back)


@dataclass
class _Key(Generic[T]):
    text: str
    at: float
    token: T


_LINE_BREAKS = re.compile(r"[\r\n\t]+")


class WedgeBurstDetector(Generic[T]):
    """Feed it every printable key (text, an opaque token to replay it, the time) and call `flush` at
    `deadline()`. It answers with PassThrough (replay these keys) and ReaderInput (a reader's read)."""

    def __init__(
        self,
        *,
        layout: KeyboardLayout | None = None,
        max_gap_s: float = 0.05,
        min_burst_keys: int = 12,
        line_pause_s: float = 0.4,
        today: TodayFn | None = None,
        source: str = "wedge",
    ) -> None:
        self.layout = layout or KeyboardLayout("us")
        self.max_gap_s = max_gap_s
        self.min_burst_keys = min_burst_keys
        # Some readers pause after each line (a slow Enter); a burst that is part of a zone waits this
        # long for the rest before it is reported as a partial read.
        self.line_pause_s = line_pause_s
        self._today = today or today_from()
        self.source = source
        self._held: list[_Key[T]] = []
        self._partial_text = ""
        self._partial_raw = ""
        self._partial_until: float | None = None

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def deadline(self) -> float | None:
        """When `flush` must be called next (None: nothing waiting)."""
        times = []
        if self._held:
            times.append(self._held[-1].at + self.max_gap_s)
        if self._partial_until is not None:
            times.append(self._partial_until)
        return min(times) if times else None

    def key(self, text: str, token: T, at: float) -> list[PassThrough[T] | ReaderInput]:
        out = self.flush(at)
        self._held.append(_Key(text, at, token))
        return out

    def flush(self, at: float, *, force: bool = False) -> list[PassThrough[T] | ReaderInput]:
        """Settle whatever is due at `at` (everything when `force`: focus lost, a shortcut key pressed)."""
        out: list[PassThrough[T] | ReaderInput] = []
        if self._held and (force or at - self._held[-1].at > self.max_gap_s):
            out.extend(self._settle_run())
        if self._partial_until is not None and (force or at >= self._partial_until) and not self._held:
            out.extend(self._report_partial())
        return out

    def _settle_run(self) -> list[PassThrough[T] | ReaderInput]:
        keys, self._held = self._held, []
        tokens = tuple(k.token for k in keys)
        if len(keys) < self.min_burst_keys:
            return [PassThrough(tokens)]
        raw = "".join(k.text for k in keys)
        # A reader's burst may be cut by a slow Enter or by USB timing jitter, even mid-line: the text of a
        # partial read waits `line_pause_s` for the rest and is joined to it as text, not as lines.
        text = self._partial_text + self.layout.to_reader_text(raw).upper()
        raw = self._partial_raw + raw
        event = self._judge(text, raw)
        if event is None:
            # Fast, but not an MRZ (a barcode scanner, a paste helper): it belongs in the field.
            out: list[PassThrough[T] | ReaderInput] = list(self._report_partial())
            out.append(PassThrough(tokens))
            return out
        if event.outcome is ReadOutcome.REREAD and event.reason == "partial_read":
            self._partial_text, self._partial_raw = text, raw
            self._partial_until = keys[-1].at + self.line_pause_s
            return []
        self._clear_partial()
        return [ReaderInput(event, text)]

    def _judge(self, text: str, raw: str) -> ReaderEvent | None:
        lines = [line.strip() for line in _LINE_BREAKS.split(text) if line.strip()]
        return judge_lines(lines, today=self._today(), source=self.source, raw=raw.encode("utf-8"))

    def _report_partial(self) -> list[PassThrough[T] | ReaderInput]:
        if not self._partial_text:
            self._clear_partial()
            return []
        event = self._judge(self._partial_text, self._partial_raw)
        text = self._partial_text
        self._clear_partial()
        return [ReaderInput(event, text)] if event is not None else []

    def _clear_partial(self) -> None:
        self._partial_text = ""
        self._partial_raw = ""
        self._partial_until = None
