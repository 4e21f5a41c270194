"""Camera reading: analysed frames per second on 720p frames, and time from a document entering the view to a
stable read, with the real recognition engine. Targets on the 2-core desk PC: >= 5 frames/s, <= 1.5 s.

A simulated camera delivers 1280x720 frames at 30 fps in real time (a feeder thread) to the same
FrameAnalysisWorker + ReadStabiliser the camera widget uses; frames that arrive while the engine is busy are
dropped exactly as in the app. Document frames are rendered pages (OCR-B, Debian fonts-ocr-b) with sensor
noise and a pixel or two of hand shake per frame, so no two frames are identical.

    python -m benchmarks devices_camera [-- --seconds 8 --trials 6 --workers 1,2 --rate 8 --variants 1]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np

from benchmarks.synthetic.camera import camera_scene
from hotel_desk.devices.camera import (
    CameraUpdate,
    FrameAnalysisWorker,
    ReadStabiliser,
    recognition_frame_reader,
)
from hotel_desk.documents import format_td3

TODAY = date(2024, 6, 1)
SIZE = (1280, 720)
DOCS: list[tuple[str, ...]] = [
    ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
    ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
    tuple(format_td3(document_code="P", issuing_state="D", surname="MUSTERMANN", given_names="ERIKA",
                     document_number="C01X00T47", nationality="D", birth="640812", sex="F", expiry="310101")),
    tuple(format_td3(document_code="P", issuing_state="CHN", surname="WANG", given_names="XIAOMING",
                     document_number="E12345678", nationality="CHN", birth="880214", sex="M", expiry="320630")),
]


def render(lines: tuple[str, ...] | None, mrz_width: float = 0.5) -> np.ndarray:
    return camera_scene(lines, size=SIZE, mrz_width=mrz_width)


def camera_frames(base: np.ndarray, count: int, seed: int) -> list[np.ndarray]:
    """`count` frames of the same scene: sensor noise and a little hand shake, BGR like a camera frame."""
    rng = np.random.default_rng(seed)
    frames = []
    for _ in range(count):
        dx, dy = rng.integers(-2, 3, size=2)
        shifted = np.roll(base, (int(dy), int(dx)), axis=(0, 1)).astype(np.int16)
        noisy = shifted + rng.normal(0, 4, size=shifted.shape).astype(np.int16)
        frames.append(np.clip(noisy, 0, 255).astype(np.uint8)[:, :, ::-1].copy())
    return frames


class Camera:
    """Delivers frames at `fps` in real time to `submit` until stopped; the scene can be switched."""

    def __init__(self, submit, fps: float = 30.0) -> None:
        self.submit = submit
        self.period = 1.0 / fps
        self.scene: Iterator[np.ndarray] = iter(())
        self.scene_changed_at = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.delivered = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def show(self, frames: list[np.ndarray]) -> float:
        with self._lock:
            self.scene = itertools.cycle(frames)
            self.scene_changed_at = time.perf_counter()
            return self.scene_changed_at

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        next_at = time.perf_counter()
        while not self._stop.is_set():
            with self._lock:
                frame = next(self.scene, None)
            if frame is not None:
                self.submit(frame)
                self.delivered += 1
            next_at += self.period
            self._stop.wait(max(0.0, next_at - time.perf_counter()))


def throughput(reader, frames: list[np.ndarray], seconds: float, workers: int, rate: float) -> tuple[float, float, int]:
    worker = FrameAnalysisWorker(reader, lambda u: None, max_rate_hz=rate, workers=workers,
                                 stabiliser=ReadStabiliser(today=lambda: TODAY))
    worker.start()
    cam = Camera(worker.submit)
    cam.show(frames)
    cam.start()
    time.sleep(1.0)  # let each worker thread load its Tesseract model first
    a0, t0 = worker.analysed, time.perf_counter()
    time.sleep(seconds)
    a1, t1 = worker.analysed, time.perf_counter()
    cam.stop()
    worker.stop()
    return (a1 - a0) / (t1 - t0), worker.dropped / max(1, worker.offered), cam.delivered


def time_to_read(reader, empty: list[np.ndarray], doc_frames: list[np.ndarray], lines: tuple[str, ...],
                 workers: int, rate: float, timeout: float = 10.0) -> float | None:
    done = threading.Event()
    result: dict[str, object] = {}

    def on_update(update: CameraUpdate) -> None:
        if update.stable is not None and not done.is_set():
            result["at"] = time.perf_counter()
            result["lines"] = update.stable.event.lines
            done.set()

    worker = FrameAnalysisWorker(reader, on_update, max_rate_hz=rate, workers=workers,
                                 stabiliser=ReadStabiliser(today=lambda: TODAY))
    worker.start()
    cam = Camera(worker.submit)
    cam.show(empty)
    cam.start()
    time.sleep(1.0)  # the desk is empty for a second (models loaded, as in a running app)
    entered = cam.show(doc_frames)
    ok = done.wait(timeout)
    cam.stop()
    worker.stop()
    if not ok:
        return None
    if result["lines"] != lines:
        print(f"  WRONG stable read: {result['lines']}")
        return None
    return float(result["at"]) - entered  # type: ignore[arg-type]


def qt_conversion(frame_rgb: np.ndarray, rounds: int = 30) -> float | None:
    """GUI-thread cost per 720p camera frame in the widget: QVideoFrame -> QImage (preview) and the grayscale
    array for the engine. None when QtMultimedia is not installed."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtGui import QGuiApplication, QImage
        from PySide6.QtMultimedia import QVideoFrame

        from hotel_desk.ui.camera import qimage_to_array
    except ImportError:
        return None
    _app = QGuiApplication.instance() or QGuiApplication([])
    h, w, _ = frame_rgb.shape
    image = QImage(np.ascontiguousarray(frame_rgb).data, w, h, 3 * w, QImage.Format.Format_RGB888)
    image = image.convertToFormat(QImage.Format.Format_RGB32)  # what a camera backend typically delivers
    t = time.perf_counter()
    for _ in range(rounds):
        converted = QVideoFrame(image).toImage()
        qimage_to_array(converted)
    return (time.perf_counter() - t) / rounds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="devices_camera")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--trials", type=int, default=6)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--rate", type=float, default=8.0, help="max analysed frames/s (the app's bound)")
    parser.add_argument("--variants", type=int, default=1, help="OCR variants per frame (the widget uses 1)")
    args = parser.parse_args(argv)
    try:
        render(None)
        render(DOCS[0])
    except RuntimeError as exc:  # the OCR-B font is missing
        print(f"devices_camera: cannot render documents: {exc}")
        return 0
    try:
        from hotel_desk.recognition.ocr import ensure_available

        ensure_available()
    except Exception as exc:
        print(f"devices_camera: recognition engine not available ({exc}); nothing to measure")
        return 0
    reader = recognition_frame_reader(today=lambda: TODAY, max_variants=args.variants)
    empty = camera_frames(render(None), 6, seed=1)
    scenes = {lines: camera_frames(render(lines, 0.35 + 0.1 * (i % 3)), 12, seed=10 + i) for i, lines in enumerate(DOCS)}

    # One analysis, no contention: what the engine costs per 720p frame.
    # CPU time is reported beside wall time because this machine is shared: CPU seconds per frame say what
    # a dedicated core would do (1 / CPU time = frames/s), whatever else is running.
    single, cpu = [], []
    reader(empty[0])
    for frames in scenes.values():
        for frame in frames[:3]:
            t, c = time.perf_counter(), time.process_time()
            reader(frame)
            single.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    print(f"engine time per 720p frame with a document (sequential, {len(single)} frames): wall median "
          f"{statistics.median(single)*1000:.0f} ms, max {max(single)*1000:.0f} ms; CPU median "
          f"{statistics.median(cpu)*1000:.0f} ms -> {1/statistics.median(cpu):.1f} frames/s on one dedicated core")
    empty_cpu = []
    for frame in empty[:5]:
        c = time.process_time()
        reader(frame)
        empty_cpu.append(time.process_time() - c)
    print(f"engine CPU time per 720p frame without a document: median {statistics.median(empty_cpu)*1000:.0f} ms")
    loadavg = Path("/proc/loadavg")
    print(f"machine load average (1 min): {loadavg.read_text().split()[0] if loadavg.exists() else 'n/a'}")

    conversion = qt_conversion(render(DOCS[0]))
    if conversion is not None:
        print(f"Qt frame conversion per 720p frame (QVideoFrame -> QImage -> grayscale array): {conversion*1000:.1f} ms")

    mixed = [f for frames in scenes.values() for f in frames[:4]]
    fps_by_workers: dict[int, float] = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        fps, dropped, delivered = throughput(reader, mixed, args.seconds, workers, args.rate)
        fps_by_workers[workers] = fps
        print(f"analysed frames/s, camera at 30 fps, {workers} worker(s), bound {args.rate:g}/s: {fps:.2f} "
              f"({dropped:.0%} of frames dropped, {delivered} delivered)")

        times = []
        for trial in range(args.trials):
            lines = DOCS[trial % len(DOCS)]
            took = time_to_read(reader, empty, scenes[lines], lines, workers, args.rate)
            times.append(took)
            shown = f"{took:.2f} s" if took is not None else "no read within 10 s"
            print(f"  trial {trial + 1}: {len(lines)}x{len(lines[0])} document entering view -> stable read: {shown}")
        good = [t for t in times if t is not None]
        if good:
            print(f"time to stable read, {workers} worker(s): median {statistics.median(good):.2f} s, "
                  f"max {max(good):.2f} s, {len(good)}/{len(times)} read (target <= 1.5 s)")
    best = max(fps_by_workers.values())
    print(f"analysed frames/s: best {best:.2f} (target >= 5): {'OK' if best >= 5 else 'MISSED'}")
    return 0
