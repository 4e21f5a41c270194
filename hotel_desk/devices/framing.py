"""Finding whole MRZ reads in the byte stream a serial passport reader sends.

How a reader frames its output is data (framing_profiles.json in this package, plus any *.json in the
`reader_profiles` folder of the config directory), not code: a new reader model usually needs a new profile,
not a new decoder. Two decoders cover every profile:

- "lines": text lines ended by CR / LF / CR LF. A read is complete as soon as the last lines form a whole zone;
  a zone still incomplete when the reader falls silent (idle timeout) is a partial read (asks for a reread).
- "frames": each read in one frame: [frame_start][header][body_start] body [frame_end][trailer], optionally
  protected by a block check character; the body is text lines (optionally padded) or a JSON object.

Both decoders are fed arbitrary chunks (split packets, noise between frames, bytes of a half frame) and never
raise on bad input: what is not a read is dropped, what is part of a read is reported as such.
Time is passed in (`now`, monotonic seconds) so idle timeouts are testable without sleeping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from hotel_desk.devices.reads import (
    LINE_LENGTHS,
    MAX_LINES,
    WHOLE_SHAPES,
    ReaderEvent,
    ReadOutcome,
    TodayFn,
    judge_lines,
    looks_like_mrz_line,
    today_from,
)

DEFAULT_PROFILE = "plain"
_MRZ_TAIL = re.compile(r"[A-Z0-9<]{10,}$")
_MAX_UNTERMINATED = 4096  # bytes without a line end or frame end before we call it garbage


class ProfileError(ValueError):
    """A framing profile is missing or its data does not make sense."""


@dataclass(frozen=True)
class BlockCheck:
    algorithm: str = "xor"  # the only one seen on passport readers so far
    start: str = "after_frame_start"  # or "after_body_start"
    include_frame_end: bool = True


@dataclass(frozen=True)
class FramingProfile:
    name: str
    description: str = ""
    framing: str = "lines"  # "lines" | "frames"
    line_terminators: tuple[bytes, ...] = (b"\r\n", b"\r", b"\n")
    frame_start: bytes = b""
    body_start: bytes = b""
    frame_end: bytes = b""
    trailer_length: int = 0
    block_check: BlockCheck | None = None
    line_separators: tuple[str, ...] = ("\r\n", "\r", "\n")
    pad_chars: str = ""
    payload: str = "lines"  # "lines" | "json"
    json_text_field: str = "data"
    json_type_field: str = "type"
    idle_timeout_s: float = 0.4
    max_frame_bytes: int = 8192
    serial: dict[str, Any] = field(default_factory=dict)  # default port settings for this reader

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> FramingProfile:
        if not isinstance(data, dict):
            raise ProfileError(f"profile {name!r}: expected an object")
        framing = data.get("framing", "lines")
        if framing not in ("lines", "frames"):
            raise ProfileError(f"profile {name!r}: framing must be 'lines' or 'frames', not {framing!r}")
        payload = data.get("payload", "lines")
        if payload not in ("lines", "json"):
            raise ProfileError(f"profile {name!r}: payload must be 'lines' or 'json', not {payload!r}")

        def raw(key: str) -> bytes:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ProfileError(f"profile {name!r}: {key} must be a string")
            return value.encode("latin-1")

        check = data.get("block_check")
        block_check = None
        if check:
            if check.get("algorithm", "xor") != "xor":
                raise ProfileError(f"profile {name!r}: only the 'xor' block check is supported")
            if check.get("from", "after_frame_start") not in ("after_frame_start", "after_body_start"):
                raise ProfileError(f"profile {name!r}: block_check.from must be after_frame_start or after_body_start")
            block_check = BlockCheck(
                start=check.get("from", "after_frame_start"),
                include_frame_end=bool(check.get("include_frame_end", True)),
            )
        profile = cls(
            name=name,
            description=str(data.get("description", "")),
            framing=framing,
            line_terminators=tuple(
                sorted((t.encode("latin-1") for t in data.get("line_terminators", ["\r\n", "\r", "\n"])), key=len, reverse=True)
            ),
            frame_start=raw("frame_start"),
            body_start=raw("body_start"),
            frame_end=raw("frame_end"),
            trailer_length=int(data.get("trailer_length", 0)),
            block_check=block_check,
            line_separators=tuple(data.get("line_separators", ["\r\n", "\r", "\n"])),
            pad_chars=str(data.get("pad_chars", "")),
            payload=payload,
            json_text_field=str(data.get("json_text_field", "data")),
            json_type_field=str(data.get("json_type_field", "type")),
            idle_timeout_s=float(data.get("idle_timeout_ms", 400)) / 1000.0,
            max_frame_bytes=int(data.get("max_frame_bytes", 8192)),
            serial=dict(data.get("serial", {})),
        )
        if framing == "frames" and (not profile.frame_start or not profile.frame_end):
            raise ProfileError(f"profile {name!r}: frames need frame_start and frame_end")
        if framing == "lines" and not profile.line_terminators:
            raise ProfileError(f"profile {name!r}: lines need at least one line terminator")
        if block_check and profile.trailer_length < 1:
            raise ProfileError(f"profile {name!r}: a block check needs trailer_length >= 1")
        return profile


def _profiles_from(text: str, origin: str) -> dict[str, FramingProfile]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ProfileError(f"{origin}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"{origin}: expected a JSON object")
    entries = data.get("profiles")
    if entries is None and "name" in data:  # a file holding a single profile
        entries = {data["name"]: data}
    if not isinstance(entries, dict):
        raise ProfileError(f"{origin}: expected {{\"profiles\": {{NAME: {{...}}}}}}")
    return {name: FramingProfile.from_dict(name, entry) for name, entry in entries.items()}


def user_profile_dir() -> Path:
    from hotel_desk.settings import config_dir

    return config_dir() / "reader_profiles"


def load_profiles(extra_files: Iterable[Path] = (), *, include_user_dir: bool = True) -> dict[str, FramingProfile]:
    """Built-in profiles, then the installer's own (config dir), then any files named explicitly; later
    definitions of the same name win so a site can adjust a built-in profile without editing the package."""
    text = resources.files("hotel_desk.devices").joinpath("framing_profiles.json").read_text(encoding="utf-8")
    profiles = _profiles_from(text, "framing_profiles.json")
    files: list[Path] = []
    if include_user_dir:
        folder = user_profile_dir()
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.json")))
    files.extend(Path(p) for p in extra_files)
    for path in files:
        profiles.update(_profiles_from(path.read_text(encoding="utf-8"), str(path)))
    return profiles


def get_profile(name: str, extra_files: Iterable[Path] = ()) -> FramingProfile:
    profiles = load_profiles(extra_files)
    try:
        return profiles[name]
    except KeyError:
        raise ProfileError(f"unknown reader profile {name!r}; known: {', '.join(sorted(profiles))}") from None


class StreamDecoder:
    """Feed it bytes as they arrive; it returns the reads they complete. One decoder per reader connection."""

    def __init__(self, profile: FramingProfile, *, today: TodayFn | None = None, source: str = "") -> None:
        self.profile = profile
        self._today = today or today_from()
        self.source = source
        self._buffer = bytearray()
        self._pending: list[str] = []  # lines mode: MRZ lines of the read in progress
        self._pending_raw = bytearray()
        self._last_byte_at: float | None = None

    # ----------------------------------------------------------------------------------------------- public
    def feed(self, data: bytes, now: float) -> list[ReaderEvent]:
        if not data:
            return []
        self._last_byte_at = now
        self._buffer.extend(data)
        if self.profile.framing == "lines":
            return self._feed_lines()
        return self._feed_frames()

    def poll(self, now: float) -> list[ReaderEvent]:
        """Call when no bytes came for a while: a read left incomplete by a silent reader becomes a reread."""
        if self._last_byte_at is None or now - self._last_byte_at < self.profile.idle_timeout_s:
            return []
        return self.reset()

    def reset(self) -> list[ReaderEvent]:
        """Drop whatever is half received (after a timeout or a disconnect), reporting it if it was a read."""
        events: list[ReaderEvent] = []
        if self.profile.framing == "lines":
            tail = self._mrz_part(self._decode(bytes(self._buffer)))
            lines = [*self._pending, tail] if looks_like_mrz_line(tail) else list(self._pending)
            raw = bytes(self._pending_raw + self._buffer)
            event = self._judge(lines, raw)
            if event is not None:
                events.append(event)
        elif self._buffer.startswith(self.profile.frame_start):
            event = self._judge(self._frame_text_lines(bytes(self._buffer)), bytes(self._buffer), damaged=True)
            if event is not None:
                events.append(event)
        self._buffer.clear()
        self._pending.clear()
        self._pending_raw.clear()
        self._last_byte_at = None
        return events

    @property
    def has_partial_read(self) -> bool:
        return bool(self._pending) or bool(self._buffer)

    # ------------------------------------------------------------------------------------------------ lines
    def _feed_lines(self) -> list[ReaderEvent]:
        events: list[ReaderEvent] = []
        while True:
            cut = self._next_terminator()
            if cut is None:
                break
            at, length = cut
            raw_line = bytes(self._buffer[: at + length])
            del self._buffer[: at + length]
            line = self._mrz_part(self._decode(raw_line[:at]))
            if not looks_like_mrz_line(line):
                continue  # noise, status text or an empty line between reads: nothing to do
            self._pending.append(line)
            self._pending_raw.extend(raw_line)
            event = self._complete_pending()
            if event is not None:
                events.append(event)
        if self._buffer:
            # The last line of a read without its line end yet: many readers send the end a little later, or
            # never. Accept at once when it completes a zone whose check digits pass (no waiting for the
            # idle timeout); anything less waits for the line end.
            tail = self._mrz_part(self._decode(bytes(self._buffer)))
            if len(tail) in LINE_LENGTHS and looks_like_mrz_line(tail):
                lines = self._whole_tail([*self._pending, tail])
                if lines is not None:
                    event = self._judge(lines, bytes(self._pending_raw + self._buffer))
                    if event is not None and event.outcome is ReadOutcome.ACCEPTED:
                        events.append(event)
                        self._pending.clear()
                        self._pending_raw.clear()
                        self._buffer.clear()
            if len(self._buffer) > _MAX_UNTERMINATED:
                self._buffer.clear()
        return events

    def _next_terminator(self) -> tuple[int, int] | None:
        best: tuple[int, int] | None = None
        for term in self.profile.line_terminators:  # longest first, so CR LF wins over CR at the same place
            at = self._buffer.find(term)
            if at != -1 and (best is None or at < best[0]):
                best = (at, len(term))
        return best

    @staticmethod
    def _whole_tail(lines: Sequence[str]) -> list[str] | None:
        for count, length in WHOLE_SHAPES:
            tail = list(lines[-count:])
            if len(tail) == count and all(len(line) == length for line in tail):
                return tail
        return None

    def _complete_pending(self) -> ReaderEvent | None:
        lines = self._whole_tail(self._pending)
        if lines is None:
            if len(self._pending) > MAX_LINES:
                # Lines that never add up to a zone: report them once and start afresh.
                event = self._judge(self._pending, bytes(self._pending_raw))
                self._pending.clear()
                self._pending_raw.clear()
                return event
            return None
        event = self._judge(lines, bytes(self._pending_raw))
        self._pending.clear()
        self._pending_raw.clear()
        return event

    # ----------------------------------------------------------------------------------------------- frames
    def _feed_frames(self) -> list[ReaderEvent]:
        p = self.profile
        events: list[ReaderEvent] = []
        while True:
            start = self._buffer.find(p.frame_start)
            if start == -1:
                # Noise between frames; keep a possible first byte of a multi-byte frame start.
                keep = len(p.frame_start) - 1
                del self._buffer[: len(self._buffer) - keep if keep else len(self._buffer)]
                break
            del self._buffer[:start]
            end = self._buffer.find(p.frame_end, len(p.frame_start))
            restart = self._buffer.find(p.frame_start, len(p.frame_start))
            if restart != -1 and (end == -1 or restart < end):
                # A new frame began before this one ended: bytes were lost. Report, keep the new frame.
                broken = bytes(self._buffer[:restart])
                del self._buffer[:restart]
                event = self._judge(self._frame_text_lines(broken), broken, damaged=True)
                if event is not None:
                    events.append(event)
                continue
            if end == -1:
                if len(self._buffer) > p.max_frame_bytes:
                    self._buffer.clear()  # a start byte in noise, never closed
                break
            stop = end + len(p.frame_end) + p.trailer_length
            if len(self._buffer) < stop:
                break  # the block check character is still on its way
            frame = bytes(self._buffer[:stop])
            del self._buffer[:stop]
            event = self._decode_frame(frame, end)
            if event is not None:
                events.append(event)
        return events

    def _decode_frame(self, frame: bytes, end: int) -> ReaderEvent | None:
        p = self.profile
        inner = frame[len(p.frame_start) : end]
        body_offset = len(p.frame_start)
        if p.body_start:
            at = inner.find(p.body_start)
            if at == -1:
                return self._judge(self._frame_text_lines(frame), frame, damaged=True)
            body_offset += at + len(p.body_start)
            inner = inner[at + len(p.body_start) :]
        if p.block_check is not None:
            first = len(p.frame_start) if p.block_check.start == "after_frame_start" else body_offset
            last = end + (len(p.frame_end) if p.block_check.include_frame_end else 0)
            bcc = 0
            for byte in frame[first:last]:
                bcc ^= byte
            if frame[end + len(p.frame_end)] != bcc:
                return self._judge(self._body_lines(inner), frame, damaged=True)
        if p.payload == "json":
            return self._decode_json(inner, frame)
        return self._judge(self._body_lines(inner), frame)

    def _decode_json(self, body: bytes, frame: bytes) -> ReaderEvent | None:
        p = self.profile
        try:
            obj = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return self._judge(self._body_lines(body), frame, damaged=True)
        if not isinstance(obj, dict):
            return None
        data = obj.get(p.json_text_field)
        if isinstance(data, list):
            lines = [str(item) for item in data]
        elif isinstance(data, str):
            lines = self._split(data)
        else:
            return None  # a status message (no document data): not a read
        hint = obj.get(p.json_type_field)
        return self._judge(lines, frame, hint=str(hint) if hint is not None else None)

    def _body_lines(self, body: bytes) -> list[str]:
        return self._split(self._decode(body))

    def _frame_text_lines(self, frame: bytes) -> list[str]:
        p = self.profile
        body = frame[len(p.frame_start) :]
        if p.body_start and p.body_start in body:
            body = body.split(p.body_start, 1)[1]
        if p.frame_end in body:
            body = body.split(p.frame_end, 1)[0]
        return self._body_lines(body)

    def _split(self, text: str) -> list[str]:
        seps = sorted(self.profile.line_separators, key=len, reverse=True)
        lines = re.split("|".join(re.escape(s) for s in seps), text) if seps else [text]
        pad = self.profile.pad_chars
        out = []
        for line in lines:
            cleaned = line.strip()
            if pad:
                cleaned = cleaned.strip(pad).strip()
            if cleaned:
                out.append(cleaned)
        return out

    # --------------------------------------------------------------------------------------------- common
    @staticmethod
    def _mrz_part(text: str) -> str:
        # Line noise (a NUL, a byte from a power glitch) has no line end of its own and sticks to the front
        # of the next line: keep the run of MRZ characters the line ends with.
        text = text.strip()
        match = _MRZ_TAIL.search(text)
        return match.group(0) if match else text

    @staticmethod
    def _decode(data: bytes) -> str:
        # Readers send ASCII; anything else is noise and must simply fail the MRZ-line test.
        return data.decode("ascii", errors="replace")

    def _judge(
        self, lines: Sequence[str], raw: bytes, *, damaged: bool = False, hint: str | None = None
    ) -> ReaderEvent | None:
        return judge_lines(
            lines, today=self._today(), source=self.source, raw=raw, document_type_hint=hint, damaged=damaged
        )
