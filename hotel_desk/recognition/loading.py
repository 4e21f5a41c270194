"""Turn whatever the desk hands us (a file path, bytes from a scanner, a Pillow image, a camera frame)
into a grayscale numpy array, or a clear reason why not.

Untrusted files are opened with a pixel budget: a decompression bomb (a tiny file that claims a huge
picture) is refused from its header, before any pixel is decoded.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# 60 megapixels: an A4 page at 600 dpi is ~35 MP, a 50-MP phone photo fits; anything larger is refused.
MAX_PIXELS = 60_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024


class ImageProblem(Exception):
    """The input cannot be used as an image; `code` is stable for callers, the message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class LoadedImage:
    gray: np.ndarray  # uint8, 2-D
    name: str | None  # file name when read from a file


def load_gray(source: Any, *, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    """Load `source` as an 8-bit grayscale array. Raises ImageProblem with a clear message."""
    from PIL import Image

    if isinstance(source, np.ndarray):
        return LoadedImage(_array_to_gray(source, max_pixels), None)
    if isinstance(source, Image.Image):
        _check_pixels(source.size, max_pixels)
        return LoadedImage(_pil_to_gray(source), None)
    name: str | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(path)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise ImageProblem("not_found", f"file not found: {path}") from None
        except OSError as exc:
            raise ImageProblem("unreadable", f"cannot read {path}: {exc.strerror or exc}") from None
        if path.is_dir():
            raise ImageProblem("not_image", f"{path} is a folder, not an image file")
        if size > MAX_FILE_BYTES:
            raise ImageProblem(
                "too_large", f"{path} is {size // (1024 * 1024)} MB; images over 200 MB are refused"
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImageProblem("unreadable", f"cannot read {path}: {exc.strerror or exc}") from None
    else:
        raise TypeError(
            f"cannot read an MRZ from {type(source).__name__}: give a path, bytes, a PIL image or an array"
        )
    if not data:
        raise ImageProblem("not_image", "the file is empty")
    return LoadedImage(_decode(data, max_pixels), name)


def _check_pixels(size: tuple[int, int], max_pixels: int) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise ImageProblem("not_image", "the image has no pixels")
    if w * h > max_pixels:
        raise ImageProblem(
            "too_large",
            f"the image claims {w}x{h} pixels ({w * h / 1e6:.0f} MP), over the {max_pixels / 1e6:.0f} MP limit "
            "(possibly a decompression bomb); scan at 300-600 dpi instead",
        )


def _decode(data: bytes, max_pixels: int) -> np.ndarray:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow's own bomb check is a warning below 2x its limit; our explicit limit below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            _check_pixels(img.size, max_pixels)
            # Multi-page TIFF from a scanner: the first page holds the data page.
            img.seek(0)
            if img.format == "JPEG":
                # Only grey is needed: the JPEG decoder can skip the colour conversion (a third of the time).
                img.draft("L", img.size)
            img.load()
    except ImageProblem:
        raise
    except UnidentifiedImageError:
        raise ImageProblem("not_image", "not an image file (unknown format)") from None
    except Image.DecompressionBombError as exc:
        raise ImageProblem("too_large", f"refused as a possible decompression bomb: {exc}") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Pillow reports truncated and corrupt data as OSError ("image file is truncated") or SyntaxError.
        raise ImageProblem("truncated", f"the image data is damaged or incomplete ({exc})") from None
    return _pil_to_gray(img)


def _pil_to_gray(img: Any) -> np.ndarray:
    from PIL import ImageOps

    # Phone photos: honour the camera's orientation tag; a broken EXIF block must not stop the reading.
    with contextlib.suppress(Exception):
        img = ImageOps.exif_transpose(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # Web specimens often have transparent margins: put them on white, not black.
        from PIL import Image

        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        span = float(arr.max() - arr.min()) or 1.0
        return ((arr - arr.min()) * (255.0 / span)).astype(np.uint8)
    gray = np.asarray(img.convert("L"), dtype=np.uint8)
    return np.ascontiguousarray(gray)


def _array_to_gray(arr: np.ndarray, max_pixels: int) -> np.ndarray:
    if arr.ndim not in (2, 3) or arr.size == 0:
        raise ImageProblem("not_image", f"an image array must be 2-D or 3-D, got shape {arr.shape}")
    h, w = arr.shape[:2]
    _check_pixels((w, h), max_pixels)
    if arr.dtype != np.uint8:
        a = arr.astype(np.float32)
        if arr.dtype == np.uint16:
            a = a / 257.0  # 16-bit camera or scanner frames
        elif arr.dtype == bool or a.max() <= 1.0:
            a = a * 255.0  # float images in 0..1, masks
        arr = np.clip(a, 0, 255).astype(np.uint8)
    if arr.ndim == 2:
        return np.ascontiguousarray(arr)
    channels = arr.shape[2]
    if channels == 1:
        return np.ascontiguousarray(arr[:, :, 0])
    import cv2

    # Camera frames from OpenCV are BGR(A); the luminance weights hardly differ for black print on paper.
    if channels == 4:
        return cv2.cvtColor(arr, cv2.COLOR_BGRA2GRAY)
    if channels == 3:
        return cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY)
    raise ImageProblem("not_image", f"an image array needs 1, 3 or 4 channels, got {channels}")
