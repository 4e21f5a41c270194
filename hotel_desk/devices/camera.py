"""Reading the MRZ from a live camera, minus the camera: rate-bounded analysis and the read stabiliser.

Qt-free. The Qt side (hotel_desk/ui/camera.py) only converts frames and shows the preview; everything that
decides *when* a frame is analysed and *whether* a read counts lives here, testable without a camera:

- `FrameReader`: any callable frame (numpy array) -> lines or None. The recognition engine is adapted by
  `recognition_frame_reader()`; tests pass a fake. A reader may return a `FrameReading` to say more (an MRZ
  band was seen but not read, and how wide it is) so the guidance can say "move closer".
- `FrameAnalysisWorker`: one background thread; `submit(frame)` never blocks and never queues: a frame that
  arrives while the previous one is analysed, or sooner than the rate allows, is dropped.
- `ReadStabiliser`: a read counts once the same valid MRZ (whole zone, check digits pass) came from two
  analysed frames; that frame is kept as the page image. The same failing zone in three frames goes to
  review. Guidance: no document / move closer / hold still.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from hotel_desk.devices.reads import ReaderEvent, ReadOutcome, TodayFn, judge_lines, today_from

F = TypeVar("F")


@dataclass(frozen=True)
class FrameReading:
    """What the recognition made of one frame."""

    lines: tuple[str, ...] = ()
    mrz_found: bool = False  # an MRZ-like band was located, even if it could not be read
    mrz_width_fraction: float | None = None  # band width / frame width, when known

    @property
    def empty(self) -> bool:
        return not self.lines and not self.mrz_found


FrameReader = Callable[[Any], "FrameReading | Sequence[str] | None"]


def as_frame_reading(value: object, frame_width: int | None = None) -> FrameReading:
    """Accept what a frame reader returns: None, MRZ lines, a FrameReading, or a result object with
    `.mrz_lines` / `.lines` / `.mrz` (and optionally `.region` corners, as the recognition engine gives)."""
    if value is None:
        return FrameReading()
    if isinstance(value, FrameReading):
        return value
    if isinstance(value, (list, tuple)):
        lines = tuple(str(v) for v in value)
        return FrameReading(lines, mrz_found=bool(lines))
    lines_attr = None
    for name in ("mrz_lines", "lines", "mrz"):
        lines_attr = getattr(value, name, None)
        if lines_attr:
            break
    lines = tuple(str(v) for v in lines_attr) if lines_attr else ()
    region = getattr(value, "region", None)
    width = None
    if region and frame_width:
        xs = [float(p[0]) for p in region]
        width = (max(xs) - min(xs)) / float(frame_width)
    found = bool(lines) or bool(region) or getattr(value, "error", None) == "unreadable"
    return FrameReading(lines, mrz_found=found, mrz_width_fraction=width)


def recognition_frame_reader(*, today: TodayFn | None = None, max_variants: int | None = None) -> FrameReader:
    """The real frame reader: the recognition engine (Tesseract). Imported lazily: it is heavy."""
    from hotel_desk.recognition import read_mrz

    today_fn = today or today_from()

    def read(frame: Any) -> FrameReading:
        width = int(frame.shape[1]) if hasattr(frame, "shape") else None
        return as_frame_reading(read_mrz(frame, today=today_fn(), max_variants=max_variants), width)

    return read


class Guidance(StrEnum):
    NO_DOCUMENT = "no_document"
    MOVE_CLOSER = "move_closer"
    HOLD_STILL = "hold_still"
    READ = "read"  # the stable read is done (the document may still be in view)


GUIDANCE_TEXT: dict[Guidance, tuple[str, str]] = {
    Guidance.NO_DOCUMENT: ("Hold the document's photo page up to the camera.", "请将证件照片页对准摄像头。"),
    Guidance.MOVE_CLOSER: ("Move the document closer to the camera.", "请将证件靠近摄像头。"),
    Guidance.HOLD_STILL: ("Hold still…", "请保持不动……"),
    Guidance.READ: ("Read. You can take the document away.", "已读取，可以移开证件。"),
}


@dataclass(frozen=True)
class StableRead:
    """A camera read that counts: the same valid MRZ from `confirmations` analysed frames (ACCEPTED), or the
    same complete zone failing its check digits in `review_confirmations` frames (REVIEW)."""

    event: ReaderEvent  # ACCEPTED or REVIEW, with the MrzCheck
    frame: Any  # the analysed frame that confirmed it, kept as the page image


@dataclass(frozen=True)
class CameraUpdate:
    guidance: Guidance
    reading: FrameReading
    stable: StableRead | None = None
    analysed_seconds: float = 0.0


class ReadStabiliser:
    def __init__(
        self,
        *,
        confirmations: int = 2,
        review_confirmations: int = 3,
        memory: int = 4,
        min_mrz_width: float = 0.45,
        frames_to_rearm: int = 2,
        today: TodayFn | None = None,
    ) -> None:
        self.confirmations = confirmations
        self.review_confirmations = review_confirmations
        # Only the last few analysed frames vote: an old misread must not pair up with a later one.
        self._recent: deque[tuple[str, ...]] = deque(maxlen=memory)
        self.min_mrz_width = min_mrz_width
        self.frames_to_rearm = frames_to_rearm
        self._today = today or today_from()
        self._reported: tuple[str, ...] | None = None
        self._absent = 0

    def reset(self) -> None:
        self._recent.clear()
        self._reported = None
        self._absent = 0

    def add(self, reading: FrameReading, frame: Any = None, analysed_seconds: float = 0.0) -> CameraUpdate:
        def update(guidance: Guidance, stable: StableRead | None = None) -> CameraUpdate:
            return CameraUpdate(guidance, reading, stable, analysed_seconds)

        if reading.empty:
            self._absent += 1
            self._recent.append(())
            if self._absent >= self.frames_to_rearm:
                # The document left the view: the next one (or the same one again) is a new read, and
                # votes from before do not count for it.
                self._reported = None
                self._recent.clear()
            return update(Guidance.READ if self._reported else Guidance.NO_DOCUMENT)
        self._absent = 0
        event = judge_lines(reading.lines, today=self._today(), source="camera") if reading.lines else None
        if event is None or event.outcome is ReadOutcome.REREAD:
            self._recent.append(())
            if self._reported:
                return update(Guidance.READ)
            small = reading.mrz_width_fraction is not None and reading.mrz_width_fraction < self.min_mrz_width
            return update(Guidance.MOVE_CLOSER if small else Guidance.HOLD_STILL)
        lines = event.lines
        self._recent.append(lines)
        if lines == self._reported:
            return update(Guidance.READ)
        # A zone whose check digits pass counts after `confirmations` frames. One that fails the same way in
        # more frames is probably printed so (or a misread the engine keeps making): a person reviews it,
        # rather than the guest holding the page up forever.
        needed = self.confirmations if event.accepted else self.review_confirmations
        if sum(1 for seen in self._recent if seen == lines) >= needed:
            self._reported = lines
            return update(Guidance.READ, StableRead(event, frame))
        return update(Guidance.HOLD_STILL)


class FrameAnalysisWorker(Generic[F]):
    """Analyses at most `max_rate_hz` frames a second in `workers` background threads, dropping the rest.

    One worker suits a 2-core desk PC (the other core keeps the preview and the UI smooth); a faster PC can
    give two or more (the OCR engine keeps one Tesseract instance per thread)."""

    def __init__(
        self,
        reader: FrameReader,
        on_update: Callable[[CameraUpdate], None],
        *,
        to_array: Callable[[F], Any] | None = None,
        max_rate_hz: float = 8.0,
        workers: int = 1,
        stabiliser: ReadStabiliser | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self.stabiliser = stabiliser or ReadStabiliser()
        self._on_update = on_update
        self._on_error = on_error
        self._to_array = to_array or (lambda frame: frame)
        self.min_interval = 1.0 / max_rate_hz if max_rate_hz > 0 else 0.0
        self._monotonic = monotonic
        self._cond = threading.Condition()
        self._slot: F | None = None
        self._has_frame = False
        self._busy = 0
        self._workers = max(1, workers)
        self._last_start: float | None = None
        self._stop = False
        self._threads: list[threading.Thread] = []
        self._stabiliser_lock = threading.Lock()
        self.offered = 0
        self.analysed = 0
        self.dropped = 0

    def start(self) -> None:
        with self._cond:
            if any(t.is_alive() for t in self._threads):
                return
            self._stop = False
            self._threads = [threading.Thread(target=self._run, name=f"camera-analysis-{i}", daemon=True)
                             for i in range(self._workers)]
            for thread in self._threads:
                thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stop = True
            self._slot, self._has_frame = None, False
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []

    @property
    def busy(self) -> bool:
        return self._busy >= self._workers or self._has_frame

    def submit(self, frame: F) -> bool:
        """Offer a frame; True if it will be analysed. Never blocks, never queues more than one frame."""
        now = self._monotonic()
        with self._cond:
            self.offered += 1
            too_soon = self._last_start is not None and now - self._last_start < self.min_interval
            if self._stop or self._busy >= self._workers or self._has_frame or too_soon:
                self.dropped += 1
                return False
            self._slot, self._has_frame = frame, True
            self._last_start = now
            self._cond.notify()
            return True

    def wait_idle(self, timeout: float | None = None) -> bool:
        """For tests and benchmarks: wait until the offered frame has been analysed."""
        with self._cond:
            return self._cond.wait_for(lambda: self._busy == 0 and not self._has_frame, timeout)

    def analyse(self, frame: F) -> CameraUpdate:
        """Analyse one frame synchronously (the thread uses this too)."""
        t0 = time.perf_counter()
        array = self._to_array(frame)
        reading = as_frame_reading(self.reader(array), int(array.shape[1]) if hasattr(array, "shape") else None)
        # The frame as submitted (e.g. the colour QImage) is what a stable read keeps as the page image.
        with self._stabiliser_lock:
            return self.stabiliser.add(reading, frame, time.perf_counter() - t0)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stop or self._has_frame)
                if self._stop:
                    return
                frame, self._slot, self._has_frame = self._slot, None, False
                assert frame is not None  # _has_frame was set together with the slot
                self._busy += 1
            try:
                update = self.analyse(frame)
                with self._cond:
                    self.analysed += 1
                self._on_update(update)
            except Exception as exc:  # a bad frame or a failing engine must not kill the camera
                if self._on_error is not None:
                    self._on_error(exc)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()
