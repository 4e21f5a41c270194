"""The composition root's service side: one object that owns the document checks, the recognizer, the store,
the uploader and (in training mode) the training intake, and offers the pages blocking calls with plain
values in and out.

Every method here may block (database, OCR, network) and is therefore only ever called from a TaskManager
job, never from a click handler directly; the exceptions are `check_mrz` and `check_manual`, which are pure,
fast document checks the form runs live while typing. Nothing in this module touches a widget.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hotel_desk.clock import Clock, SystemClock, local_today
from hotel_desk.settings import Settings
from hotel_desk.ui.viewmodels import (
    DocumentRead,
    GuestEntry,
    InHouseGuest,
    QueueSummary,
    Registered,
    ReportRow,
)

log = logging.getLogger(__name__)


class DeskError(Exception):
    """A failure the receptionist must see in words (not a traceback): the message says what to do, the
    code lets the window say it in the desk's language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class DeskOptions:
    settings: Settings
    database_url: str
    training: bool
    intake_url: str
    start_training_intake: bool = True
    uploader_interval: float = 2.0


class Desk:
    def __init__(self, options: DeskOptions, clock: Clock | None = None) -> None:
        self.options = options
        self.settings = options.settings
        self.clock: Clock = clock or SystemClock()
        self.training = options.training
        self._lock = threading.RLock()
        self._opened = False
        self._online: bool | None = None
        self._last_error = ""
        self._intake: Any = None
        self._uploader: Any = None
        self._store: Any = None
        #: Called on the uploader's thread with each of its events (the UI marshals them to its thread).
        self.on_uploader_event: Any = None

    # -- time --------------------------------------------------------------------------------------------------
    def today(self) -> date:
        return local_today(self.clock, self.settings.timezone or None)

    def now(self) -> datetime:
        return self.clock.now()

    # -- documents (pure, fast: safe on the UI thread) --------------------------------------------------------
    def check_mrz(self, text_or_lines: str | list[str] | tuple[str, ...], *, departure: date | None = None,
                  stay_until: date | None = None, visa_type: str = "", candidates: bool = True) -> Any:
        from hotel_desk.documents import StayPlan, check_mrz

        stay = StayPlan(arrival=self.today(), departure=departure, permit_stay_until=stay_until,
                        visa_type=visa_type)
        return check_mrz(text_or_lines if isinstance(text_or_lines, str) else list(text_or_lines),
                         today=self.today(), stay=stay, candidates=candidates)

    def check_manual(self, entry: GuestEntry) -> list[Any]:
        """Findings for a document typed without an MRZ: the number rules of its kind and every date, country
        and stay rule a read document gets (what must be filled in is the registration gate's)."""
        from hotel_desk.documents import DocumentKind, StayPlan, check_manual_document, manual_document

        try:
            kind = DocumentKind(entry.document_type or "passport")
        except ValueError:
            kind = DocumentKind.OTHER
        document = manual_document(
            kind=kind, surname=entry.surname_en, given_names=entry.given_names_en,
            document_number=entry.document_number, nationality=entry.nationality, birth_date=entry.birth_date,
            sex=entry.sex, expiry_date=entry.document_expiry, issuing_state=entry.issuing_state,
            chinese_name=entry.chinese_name,
        )
        stay = StayPlan(arrival=self.today(), departure=entry.planned_departure,
                        permit_stay_until=entry.stay_until, visa_type=entry.visa_type)
        return check_manual_document(document, today=self.today(), stay=stay)

    def typing_feedback(self, lines: list[str]) -> tuple[Any, list[Any]]:
        from hotel_desk.documents import typing_feedback

        return typing_feedback(lines)

    # -- recognition (slow: background job) --------------------------------------------------------------------
    def read_document(self, source: str | Path | bytes, name: str | None = None) -> DocumentRead:
        started = time.perf_counter()
        data = Path(source).read_bytes() if not isinstance(source, bytes) else source
        size = _image_size(data)
        if size is None:
            raise DeskError("not_image",
                            "This file is not an image the reader can open. Scan the page again as PNG or JPEG.")
        from hotel_desk.recognition import read_mrz  # imported lazily: the OCR stack is heavy

        result = read_mrz(data, today=self.today(), name=name)
        lines = tuple(result.mrz_lines or ())
        region = tuple((float(x), float(y)) for x, y in (result.region or ()))
        review = {str(item.get("field", "")) for item in result.needs_review if item.get("field")}
        return DocumentRead(lines=lines, review_fields=frozenset(review), region=region or None,
                            image_size=size, image_bytes=data, seconds=time.perf_counter() - started,
                            message="" if lines else (result.message or str(result.error or "")),
                            extra={"error": result.error, "orientation": result.orientation})

    # -- store and reporting are wired in desk_store.py once those packages land --------------------------------
    def open(self) -> None:
        from hotel_desk.ui import desk_services

        with self._lock:
            if self._opened:
                return
            self._store = desk_services.open_store(self)
            if self.training and self.options.start_training_intake:
                self._intake = desk_services.start_training_intake(self)
            self._uploader = desk_services.start_uploader(self)
            self._opened = True

    def close(self) -> None:
        from hotel_desk.ui import desk_services

        with self._lock:
            desk_services.close(self)
            self._opened = False

    def register(self, entry: GuestEntry) -> Registered:
        from hotel_desk.ui import desk_services

        return desk_services.register(self, entry)

    def check_out(self, registration_id: str) -> str:
        from hotel_desk.ui import desk_services

        return desk_services.check_out(self, registration_id)

    def cancel(self, registration_id: str, reason: str) -> str:
        from hotel_desk.ui import desk_services

        return desk_services.cancel(self, registration_id, reason)

    def correct(self, registration_id: str, entry: GuestEntry, reason: str) -> str:
        from hotel_desk.ui import desk_services

        return desk_services.correct(self, registration_id, entry, reason)

    def in_house(self, query: str = "") -> list[InHouseGuest]:
        from hotel_desk.ui import desk_services

        return desk_services.in_house(self, query)

    def registration_entry(self, registration_id: str) -> GuestEntry:
        from hotel_desk.ui import desk_services

        return desk_services.registration_entry(self, registration_id)

    def reports(self) -> list[ReportRow]:
        from hotel_desk.ui import desk_services

        return desk_services.reports(self)

    def retry(self, report_id: str) -> None:
        from hotel_desk.ui import desk_services

        desk_services.retry(self, report_id)

    def summary(self) -> QueueSummary:
        from hotel_desk.ui import desk_services

        return desk_services.summary(self)

    def pause_uploads(self) -> None:
        """Hold the queue (screenshots, demonstrations of an outage); `send_now` resumes."""
        from hotel_desk.ui import desk_services

        desk_services.pause(self)

    def send_now(self) -> None:
        """Ask the uploader for an immediate pass (after a registration, a retry)."""
        from hotel_desk.ui import desk_services

        desk_services.send_now(self)


def photo_sha256(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data else None


def deadline_for(event_time: datetime) -> datetime:
    return event_time + timedelta(hours=24)


def _image_size(data: bytes) -> tuple[int, int] | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
