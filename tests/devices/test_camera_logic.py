"""The camera's decisions without a camera: when a read counts, what the guidance says, which frames are
analysed and which dropped. Frame readers are fakes here; the real engine is exercised in the widget test."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from hotel_desk.devices.camera import (
    FrameAnalysisWorker,
    FrameReading,
    Guidance,
    ReadStabiliser,
    as_frame_reading,
)
from tests.devices.conftest import TD1, TD3, TD3_BAD, today

NOTHING = FrameReading()
FAR = FrameReading((), mrz_found=True, mrz_width_fraction=0.2)
BLURRED = FrameReading((), mrz_found=True, mrz_width_fraction=0.7)


def reading(lines: tuple[str, ...]) -> FrameReading:
    return FrameReading(lines, mrz_found=True, mrz_width_fraction=0.7)


def test_a_read_counts_after_two_frames_agree_and_only_once() -> None:
    stab = ReadStabiliser(today=today)
    assert stab.add(NOTHING).guidance is Guidance.NO_DOCUMENT
    first = stab.add(reading(TD3), frame="frame-1")
    assert first.guidance is Guidance.HOLD_STILL and first.stable is None
    second = stab.add(reading(TD3), frame="frame-2")
    assert second.guidance is Guidance.READ and second.stable is not None
    assert second.stable.frame == "frame-2" and second.stable.event.lines == TD3 and second.stable.event.accepted
    # The document stays in view: no second read of it.
    assert all(stab.add(reading(TD3)).stable is None for _ in range(5))


def test_different_misreads_never_make_a_read() -> None:
    stab = ReadStabiliser(today=today)
    other_bad = (TD3[0], TD3[1][:1] + "9" + TD3[1][2:])  # document number check fails
    updates = [stab.add(reading(lines)) for lines in (TD3_BAD, other_bad, TD3_BAD, other_bad)]
    assert all(u.stable is None and u.guidance is Guidance.HOLD_STILL for u in updates)


def test_the_same_failing_zone_in_three_frames_goes_to_review() -> None:
    stab = ReadStabiliser(today=today)
    assert stab.add(reading(TD3_BAD)).stable is None
    assert stab.add(reading(TD3_BAD)).stable is None  # two are not enough for a failing zone
    update = stab.add(reading(TD3_BAD), frame="page")
    assert update.stable is not None and update.stable.event.outcome.value == "review"
    assert update.stable.frame == "page"


def test_reads_must_agree_among_recent_frames() -> None:
    stab = ReadStabiliser(today=today, memory=3)
    stab.add(reading(TD3))
    for _ in range(3):
        stab.add(BLURRED)  # the earlier read has left the window of recent frames
    assert stab.add(reading(TD3)).stable is None
    assert stab.add(reading(TD3)).stable is not None


def test_guidance_move_closer_and_hold_still() -> None:
    stab = ReadStabiliser(today=today)
    assert stab.add(FAR).guidance is Guidance.MOVE_CLOSER
    assert stab.add(BLURRED).guidance is Guidance.HOLD_STILL
    assert stab.add(FrameReading(("P<UTO",), mrz_found=True)).guidance is Guidance.HOLD_STILL  # size unknown


def test_the_same_document_again_after_it_left_the_view_is_a_new_read() -> None:
    stab = ReadStabiliser(today=today, frames_to_rearm=2)
    stab.add(reading(TD1))
    assert stab.add(reading(TD1)).stable is not None
    stab.add(NOTHING)
    assert stab.add(NOTHING).guidance is Guidance.NO_DOCUMENT
    stab.add(reading(TD1))
    assert stab.add(reading(TD1)).stable is not None


def test_a_different_document_is_read_without_taking_the_first_away() -> None:
    stab = ReadStabiliser(today=today)
    stab.add(reading(TD1))
    stab.add(reading(TD1))
    stab.add(reading(TD3))
    assert stab.add(reading(TD3)).stable.event.lines == TD3


def test_what_frame_readers_may_return() -> None:
    assert as_frame_reading(None).empty
    assert as_frame_reading(list(TD3)).lines == TD3
    engine_like = SimpleNamespace(mrz_lines=TD3, region=[(100, 0), (740, 0), (740, 50), (100, 50)], error=None)
    r = as_frame_reading(engine_like, frame_width=1280)
    assert r.lines == TD3 and r.mrz_width_fraction == pytest.approx(0.5)
    unread = SimpleNamespace(mrz_lines=None, region=None, error="unreadable")
    assert as_frame_reading(unread).mrz_found and not as_frame_reading(unread).lines
    assert as_frame_reading(SimpleNamespace(mrz=list(TD1))).lines == TD1


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_worker_drops_frames_while_busy_and_never_queues() -> None:
    release = threading.Event()
    started = threading.Event()
    seen: list[object] = []

    def slow_reader(frame: object) -> None:
        seen.append(frame)
        started.set()
        release.wait(10)

    updates: list[object] = []
    clock = Clock()
    worker = FrameAnalysisWorker(slow_reader, updates.append, max_rate_hz=1000, monotonic=clock)
    worker.start()
    try:
        assert worker.submit("f1")
        started.wait(10)
        clock.now += 1
        assert not any(worker.submit(f"f{i}") for i in range(2, 50))  # busy: all dropped at once
        release.set()
        assert worker.wait_idle(10)
        assert seen == ["f1"] and worker.dropped == 48 and worker.analysed == 1
    finally:
        release.set()
        worker.stop()


def test_worker_bounds_the_analysis_rate() -> None:
    clock = Clock()
    updates: list[object] = []
    worker = FrameAnalysisWorker(lambda frame: None, updates.append, max_rate_hz=5, monotonic=clock)
    worker.start()
    try:
        accepted = 0
        for _ in range(30):  # one second of 30 fps video
            if worker.submit(object()):
                accepted += 1
                assert worker.wait_idle(10)
            clock.now += 1 / 30
        assert accepted == 5
    finally:
        worker.stop()


def test_worker_reports_a_failing_engine_and_keeps_going() -> None:
    errors: list[BaseException] = []
    calls = iter([RuntimeError("tesseract crashed"), TD3, TD3])

    def flaky(frame: object) -> object:
        item = next(calls)
        if isinstance(item, BaseException):
            raise item
        return item

    updates: list = []
    clock = Clock()
    worker = FrameAnalysisWorker(flaky, updates.append, max_rate_hz=1, on_error=errors.append, monotonic=clock,
                                 stabiliser=ReadStabiliser(today=today))
    worker.start()
    try:
        for _ in range(3):
            assert worker.submit("frame")
            assert worker.wait_idle(10)
            clock.now += 1
        assert [str(e) for e in errors] == ["tesseract crashed"]
        assert updates[-1].stable is not None
    finally:
        worker.stop()
