"""The trained MRZ line recognizer (hotel_desk/recognition/models/mrz_crnn.onnx) run with onnxruntime.

The model was trained by `./dev train-mrz` (training/mrz/) on strips prepared by `lines.normalize_strip`.
One inference session serves every thread (onnxruntime's `run` is thread-safe); it is created on first use.
Each run uses one intra-op thread: the desk reads one page at a time and the camera analyses frames in its
own worker, so a page's lines go through in one batch instead of spreading one small line over both cores.
"""

from __future__ import annotations

import importlib.resources
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from hotel_desk.recognition.ocr import OcrUnavailable

MODEL_FILE = "mrz_crnn.onnx"

_lock = threading.Lock()
_session: Any = None


def model_path() -> Path:
    return Path(str(importlib.resources.files("hotel_desk.recognition") / "models" / MODEL_FILE))


def _load() -> Any:
    global _session
    with _lock:
        if _session is not None:
            return _session
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise OcrUnavailable(
                f"the MRZ recognizer needs onnxruntime: install it (pip install onnxruntime) ({exc})"
            ) from exc
        path = model_path()
        if not path.is_file():
            raise OcrUnavailable(
                f"the MRZ recognition model {path} is missing: reinstall hotel_desk, or run ./dev train-mrz"
            )
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            _session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # a damaged file: say which one
            raise OcrUnavailable(f"the MRZ recognition model {path} could not be loaded: {exc}") from exc
        return _session


def ensure_loaded() -> None:
    """Load the model now (raises OcrUnavailable with what to do when it cannot be)."""
    _load()


def recognize(strips: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Log-probabilities (frames x 38, class 0 the CTC blank) for each normalised strip (32 x W, 0..1).
    Strips of one call run as one batch, padded on the right with paper."""
    if not strips:
        return []
    session = _load()
    height = strips[0].shape[0]
    width = max(s.shape[1] for s in strips)
    width = (width + 3) // 4 * 4
    batch = np.ones((len(strips), 1, height, width), np.float32)
    for k, s in enumerate(strips):
        batch[k, 0, :, : s.shape[1]] = s
    out = session.run(None, {"strip": batch})[0]
    # Frames past a strip's own width only saw padding.
    return [out[k, : max(1, (s.shape[1] + 3) // 4)] for k, s in enumerate(strips)]
