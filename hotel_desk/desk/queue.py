"""The police-report queue as the commands work it: its status, sending it (until empty), checking it with
the intake without filing, handing everything over as batch files, and recording the police's receipt.
Everything goes through the desk's one intake target and uploader (hotel_desk.desk.intake). The reporting
stack is imported when the queue is first worked, so that the window starts without it.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.desk.intake import IntakeTarget
    from hotel_desk.reporting.batch_file import BatchExport
    from hotel_desk.reporting.http_transport import HttpTransport
    from hotel_desk.reporting.metrics import ReportingStatus
    from hotel_desk.reporting.protocol import FieldError, RecordResult
    from hotel_desk.reporting.uploader import DrainSummary, RoundResult, UploaderEvent


class QueueError(Exception):
    """The queue cannot be worked as asked (an unusable intake configuration, TLS set-up, a damaged batch
    folder): the message says why, naming the setting where one is at fault."""


@dataclass(frozen=True)
class Sent:
    target: IntakeTarget
    summary: DrainSummary
    left: ReportingStatus
    attention: str | None


@dataclass
class Checked:
    target: IntakeTarget
    #: Reports the intake's layout cannot express (never sent): (report id, why).
    inexpressible: list[tuple[str, str]] = field(default_factory=list)
    #: Reports the record validation refuses here, as the intake would (never sent): (report id, errors).
    invalid: list[tuple[str, list[FieldError]]] = field(default_factory=list)
    #: What the intake said in check-only mode; None when nothing was sent.
    results: list[RecordResult] | None = None
    failure: str = ""

    @property
    def rejected(self) -> list[RecordResult]:
        from hotel_desk.reporting.protocol import RecordStatus

        return [r for r in self.results or [] if r.status is RecordStatus.REJECTED]


@dataclass(frozen=True)
class Exported:
    target: IntakeTarget
    exports: list[BatchExport]
    result: RoundResult


class ReportQueue:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _transport(self, target: IntakeTarget, *, timeout: float, batch_size: int) -> HttpTransport:
        from hotel_desk.desk.intake import http_transport
        from hotel_desk.reporting.connection import IntakeConfigError

        try:
            return http_transport(target, timeout=timeout, max_batch=batch_size)
        except IntakeConfigError as exc:
            # An unsafe or incomplete intake configuration (LIVE over http, no key...): nothing is sent.
            raise QueueError(f"refusing to send: {exc}") from exc
        except (OSError, ssl.SSLError) as exc:
            raise QueueError(f"cannot set up TLS for {target.url} (check intake_client_cert and intake_verify_tls "
                             f"in the settings): {exc}") from exc

    def status(self, *, limit: int = 20, intake_url: str | None = None) -> tuple[IntakeTarget, ReportingStatus]:
        from hotel_desk.reporting.metrics import reporting_status

        desk = self.desk
        return desk.intake_target(intake_url), reporting_status(desk.db, clock=desk.clock, item_limit=limit)

    def send(self, *, intake_url: str | None = None, until_empty: bool = False, now: bool = False,
             batch_size: int = 200, timeout: float = 30.0, on_event: Callable[[UploaderEvent], None] | None = None,
             on_start: Callable[[IntakeTarget], None] | None = None) -> Sent:
        """Send every due report now (with `now`, first every open one once, also those waiting for a retry
        or postponed by the intake; with `until_empty`, also wait for retries) through the uploader."""
        from hotel_desk.desk.intake import build_uploader

        desk = self.desk
        desk.require(Permission.SEND_REPORTS)
        target = desk.intake_target(intake_url)
        with self._transport(target, timeout=timeout, batch_size=batch_size) as transport:
            if on_start is not None:
                on_start(target)
            uploader = build_uploader(desk.db, target, transport, clock=desk.clock, role="reports-send",
                                      batch_size=batch_size, on_event=on_event)
            summary = uploader.drain(until_empty=until_empty, now=now)
            left = uploader.status().reporting
        return Sent(target, summary, left, uploader.attention)

    def check(self, *, intake_url: str | None = None, batch_size: int = 200, timeout: float = 30.0) -> Checked:
        """Have the intake validate the unsent reports without filing them (its check-only mode). Nothing in
        the queue changes: the reports are mapped exactly as the uploader maps them, and nothing is recorded.
        The record validation the intake applies runs here first: what it refuses needs no intake to say so
        (and is said offline too); only the rest is sent for checking."""
        from hotel_desk.reporting.outgoing import prepare
        from hotel_desk.reporting.validation import validate_record
        from hotel_desk.rules.validation import latest_day
        from hotel_desk.store import due_reports

        desk = self.desk
        desk.require(Permission.SEND_REPORTS)
        target = desk.intake_target(intake_url)
        reports = due_reports(desk.db, limit=batch_size)
        checked = Checked(target)
        with self._transport(target, timeout=timeout, batch_size=batch_size) as transport:
            # The uploader's own builder: a report the layout cannot express is rejected locally, unsent.
            prepared = prepare(reports, mapping=target.mapping, hotel_id=target.hotel_id, retry_at=desk.now())
            for answer in prepared.local:
                if answer.outcome == "rejected":
                    checked.inexpressible.append((answer.report_id,
                                                  json.loads(answer.raw_answer or "{}").get("local", "")))
            if target.mapping.layout == "intake-v1":  # the validation is intake-v1's; other layouts are data
                valid = []
                for item in prepared.outgoing:
                    errors = validate_record(item.record, hotel_id=target.hotel_id, today=latest_day(desk.now()))
                    if errors:
                        checked.invalid.append((item.report_id, errors))
                    else:
                        valid.append(item)
                prepared.outgoing = valid
            if prepared.outgoing:
                outcome = transport.submit(prepared.outgoing, check_only=True)
                if outcome.failure is not None:
                    checked.failure = f"{outcome.failure.value}: {outcome.failure_detail}"
                else:
                    checked.results = list(outcome.results)
        return checked

    def export_batch(self, out_dir: str | Path, *, intake_url: str | None = None, batch_size: int = 1000) -> Exported:
        """Hand every unsent report over as batch folders (JSON + CSV + SHA-256 manifest), retry times or not."""
        from hotel_desk.desk.intake import batch_file_transport, build_uploader

        desk = self.desk
        desk.require(Permission.HAND_OVER)
        target = desk.intake_target(intake_url)
        transport = batch_file_transport(target, out_dir, max_batch=batch_size, clock=desk.clock)
        uploader = build_uploader(desk.db, target, transport, clock=desk.clock, role="export-batch",
                                  batch_size=batch_size)
        return Exported(target, transport.exports, uploader.export_all())

    def confirm(self, report_ids: Sequence[str], receipt: str, *, raw_answer: str) -> list[tuple[str, str]]:
        """The police's receipt number for handed-over (or acknowledged) reports. Returns the reports that
        could not be confirmed, with why."""
        from hotel_desk.store import StoreError, confirm_report

        self.desk.require(Permission.HAND_OVER)
        problems = []
        for report_id in report_ids:
            try:
                confirm_report(self.desk.db, report_id, receipt_number=receipt, actor=self.desk.actor,
                               raw_answer=raw_answer, clock=self.desk.clock)
            except StoreError as exc:
                problems.append((report_id, str(exc)))
        return problems

    def confirm_batch(self, folder: str | Path, receipt: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Confirm every report of a batch folder written by `export_batch` (its manifest checked first)."""
        from hotel_desk.reporting.batch_file import BatchFileError, read_manifest

        try:
            manifest: dict[str, Any] = read_manifest(folder)
        except BatchFileError as exc:
            raise QueueError(str(exc)) from exc
        ids = [str(i) for i in manifest["report_ids"]]
        raw = json.dumps({"batch_id": manifest["batch_id"], "receipt_number": receipt.strip(),
                          "manifest_sha256": manifest["sha256"]})
        return ids, self.confirm(ids, receipt, raw_answer=raw)
