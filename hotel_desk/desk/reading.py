"""A page image read at the desk: the recognizer's lines, the fields it was unsure of, where the MRZ sits."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from hotel_desk.desk.errors import DeskError
from hotel_desk.desk.views import DocumentRead

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk


def read_document(desk: Desk, source: str | Path | bytes, name: str | None = None) -> DocumentRead:
    # No permission asked: reading the page in front of the desk stores nothing and reads nothing stored,
    # and a page scanned while the desk is locked waits in the form for whoever signs in.
    started = time.perf_counter()
    data = Path(source).read_bytes() if not isinstance(source, bytes) else source
    size = _image_size(data)
    if size is None:
        raise DeskError("not_image",
                        "This file is not an image the reader can open. Scan the page again as PNG or JPEG.")
    from hotel_desk.recognition import read_mrz  # imported lazily: the OCR stack is heavy

    result = read_mrz(data, today=desk.today(), name=name)
    lines = tuple(result.mrz_lines or ())
    region = tuple((float(x), float(y)) for x, y in (result.region or ()))
    review = {str(item.get("field", "")) for item in result.needs_review if item.get("field")}
    return DocumentRead(lines=lines, review_fields=frozenset(review), region=region or None,
                        image_size=size, image_bytes=data, seconds=time.perf_counter() - started,
                        message="" if lines else (result.message or str(result.error or "")),
                        extra={"error": result.error, "orientation": result.orientation})


def _image_size(data: bytes) -> tuple[int, int] | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
