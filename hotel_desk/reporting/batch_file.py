"""Batch-file hand-over: reports written as files for an official client or a USB stick.

One folder per batch: reports.json (the records with their idempotency keys), reports.csv (the same records,
one row each, UTF-8 with a byte-order mark so spreadsheet programs on Chinese Windows read it), manifest.json
(batch id, counts, report ids, SHA-256 of each file) and SHA256SUMS (`sha256sum -c` format). The folder is
written under a temporary name and renamed, so a half-written batch never looks like a finished one; it is
0700 and its files 0600 (guest records), whatever the user's umask.

Handing a batch over files nothing yet: the reports are HANDED_OVER until the user records the receipt
number the police or the official client gave, which confirms them (`hotel-desk reports confirm`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hotel_desk.clock import Clock, SystemClock
from hotel_desk.privacy import PRIVATE_DIR_MODE, open_private, private_dir
from hotel_desk.reporting.protocol import (
    BatchOutcome,
    FailureKind,
    OutgoingReport,
    Receipt,
    RecordResult,
    RecordStatus,
    failed_batch,
)

BATCH_FORMAT = "hotel_desk.batch/1"
FILES = ("reports.json", "reports.csv", "manifest.json")


class BatchFileError(ValueError):
    pass


@dataclass(frozen=True)
class BatchExport:
    batch_id: str
    path: Path
    report_ids: tuple[str, ...]
    sha256: Mapping[str, str]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def write_batch(
    out_dir: str | Path,
    reports: Sequence[OutgoingReport],
    *,
    columns: Sequence[str],
    hotel_id: str,
    layout: str,
    training: bool,
    clock: Clock | None = None,
) -> BatchExport:
    """Write one batch folder under out_dir and return what was written."""
    if not reports:
        raise BatchFileError("an empty batch is not worth handing over")
    clock = clock or SystemClock()
    now = clock.now().astimezone(UTC)
    batch_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    out = Path(out_dir)
    if not out.exists():
        private_dir(out)  # made by us: private; an existing folder (a USB stick's root) is left as it is
    final = out / f"batch-{batch_id}"
    tmp = out / f".tmp-batch-{batch_id}"
    tmp.mkdir(mode=PRIVATE_DIR_MODE)
    os.chmod(tmp, PRIVATE_DIR_MODE)  # the umask may have taken bits away from mkdir's mode, never added
    try:
        doc = {
            "format": BATCH_FORMAT,
            "batch_id": batch_id,
            "created_at": now.isoformat().replace("+00:00", "Z"),
            "hotel_id": hotel_id,
            "layout": layout,
            "training": training,
            "records": [{"idempotency_key": r.idempotency_key, "record": dict(r.record)} for r in reports],
        }
        json_bytes = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(["idempotency_key", *columns])
        for r in reports:
            writer.writerow([r.idempotency_key, *(_csv_cell(r.record.get(c)) for c in columns)])
        csv_bytes = ("\ufeff" + buf.getvalue()).encode("utf-8")
        hashes = {"reports.json": _sha256(json_bytes), "reports.csv": _sha256(csv_bytes)}
        manifest = {
            "format": BATCH_FORMAT,
            "batch_id": batch_id,
            "created_at": doc["created_at"],
            "hotel_id": hotel_id,
            "layout": layout,
            "training": training,
            "record_count": len(reports),
            "report_ids": [r.report_id for r in reports],
            "sha256": hashes,
        }
        manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        hashes_all = {**hashes, "manifest.json": _sha256(manifest_bytes)}
        sums = "".join(f"{h}  {name}\n" for name, h in hashes_all.items()).encode("ascii")
        for name, data in (("reports.json", json_bytes), ("reports.csv", csv_bytes),
                           ("manifest.json", manifest_bytes), ("SHA256SUMS", sums)):
            with open_private(tmp / name) as fh:  # guest records: 0600 from the start
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BatchExport(batch_id, final, tuple(r.report_id for r in reports), hashes_all)


def read_manifest(batch_dir: str | Path) -> dict[str, Any]:
    """The manifest of a batch folder, after checking every file against SHA256SUMS and the manifest.
    Raises BatchFileError naming the file that does not match: a damaged batch must not be confirmed."""
    folder = Path(batch_dir)
    try:
        sums_text = (folder / "SHA256SUMS").read_text(encoding="ascii")
        manifest_bytes = (folder / "manifest.json").read_bytes()
    except OSError as exc:
        raise BatchFileError(f"{folder}: not a batch folder ({exc})") from exc
    expected: dict[str, str] = {}
    for line in sums_text.splitlines():
        digest, _, name = line.partition("  ")
        if digest and name:
            expected[name.strip()] = digest.strip()
    for name in FILES:
        try:
            data = (folder / name).read_bytes()
        except OSError as exc:
            raise BatchFileError(f"{folder}: {name} is missing") from exc
        if expected.get(name) != _sha256(data):
            raise BatchFileError(f"{folder}: {name} does not match its SHA-256 in SHA256SUMS")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise BatchFileError(f"{folder}: manifest.json is not JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != BATCH_FORMAT:
        raise BatchFileError(f"{folder}: manifest.json is not a {BATCH_FORMAT} manifest")
    for name, digest in (manifest.get("sha256") or {}).items():
        if expected.get(name) != digest:
            raise BatchFileError(f"{folder}: manifest and SHA256SUMS disagree about {name}")
    return manifest


class BatchFileTransport:
    """Writes each submitted batch as a folder under `out_dir`. Results are HANDED_OVER, not ACCEPTED:
    nothing is filed until a receipt number is recorded for the batch."""

    channel = "batch_file"
    immediate = False

    def __init__(
        self,
        out_dir: str | Path,
        *,
        columns: Sequence[str],
        hotel_id: str,
        layout: str,
        training: bool,
        clock: Clock | None = None,
        max_batch: int = 1000,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.columns = list(columns)
        self.hotel_id = hotel_id
        self.layout = layout
        self.training = training
        self.clock = clock or SystemClock()
        self.max_batch = max_batch
        self.exports: list[BatchExport] = []

    def submit(self, reports: Sequence[OutgoingReport], *, check_only: bool = False) -> BatchOutcome:
        if check_only:
            # A file cannot check anything; say so instead of pretending the records were checked.
            return failed_batch(reports, FailureKind.PROTOCOL, "check-only needs the HTTP intake")
        try:
            export = write_batch(self.out_dir, reports, columns=self.columns, hotel_id=self.hotel_id,
                                 layout=self.layout, training=self.training, clock=self.clock)
        except OSError as exc:
            return failed_batch(reports, FailureKind.OFFLINE, f"cannot write the batch folder: {exc}")
        self.exports.append(export)
        answer = json.dumps({"batch_id": export.batch_id, "path": str(export.path), "sha256": dict(export.sha256)})
        at = datetime.now(UTC).isoformat() if self.clock is None else self.clock.now().isoformat()
        return BatchOutcome(
            results=tuple(
                RecordResult(r.idempotency_key, RecordStatus.HANDED_OVER, received_at=at,
                             message=f"written to {export.path.name}")
                for r in reports
            ),
            raw_answer=answer,
            batch_id=export.batch_id,
        )

    def fetch_receipt(self, receipt_id: str) -> Receipt | None:
        return None

    def close(self) -> None:
        pass
