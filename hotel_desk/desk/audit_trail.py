"""The desk's side of accountability, for the liaison and support staff: the retention purge of page images,
`audit verify` (with anchors from earlier exports and receipts), the inspection view's data, and the exports
(the liaison's bundle, the receipts file, the plain CSV/JSON export). A mixin of `Desk`: every method uses the
desk's store, actor, clock and settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.clock import Clock
    from hotel_desk.desk.access import StaffSession
    from hotel_desk.settings import Settings
    from hotel_desk.store import Database


#: Who the audit trail names for what the desk does by itself (no person signed in): making the data key, and
#: the retention purge it runs at start and daily (as the uploader is named for what it does).
SYSTEM_ACTOR = "(desk)"
RETENTION_ACTOR = "(retention)"


class AuditTrail:
    settings: Settings
    clock: Clock
    _db: Database | None
    #: When the audit trail was last verified here, and what was found (the inspection view shows it).
    last_audit_check: tuple[datetime, Any] | None = None

    if TYPE_CHECKING:  # what the mixin uses of `Desk` (declared for the type checker; Desk defines them)

        @property
        def db(self) -> Database: ...

        @property
        def actor(self) -> str: ...

        def now(self) -> datetime: ...

        def _fonts(self) -> Any: ...

        def require(self, permission: Permission) -> StaffSession: ...

    # -- personal data at rest -----------------------------------------------------------------------------------
    def purge_page_images(self, *, by_hand: bool = False) -> Any:
        """Remove the page images of stays that ended more than the retention period ago (settings
        `page_image_retention_days`); each batch is an audit event. The app does it at start and daily, as the
        desk itself; `by_hand` (`hotel-desk purge-images`) needs a manager signed in and names them."""
        from hotel_desk.store.sealed_data import purge_page_images

        actor = RETENTION_ACTOR
        if by_hand:
            self.require(Permission.CHANGE_SETTINGS)
            actor = self.actor
        return purge_page_images(self.db, retention=timedelta(days=self.settings.page_image_retention_days),
                                 actor=actor, clock=self.clock)

    # -- audit trail ---------------------------------------------------------------------------------------------
    def check_audit_trail(self, against: Sequence[str | Path] = ()) -> Any:
        """`audit verify`: the guards, every link of the hash chain, every report payload and anchor, every
        covered row, and every anchor in the earlier exports or receipts files `against`. The database must
        exist already at this version's schema: a check creates and upgrades nothing (StoreError if not);
        a file in `against` that is not evidence raises AnchorFileError."""
        from hotel_desk.store import check_audit_trail, open_existing_database, read_anchors

        anchors = [anchor for path in against for anchor in read_anchors(path)]
        db = self._db or open_existing_database(self.settings.effective_database_url())
        try:
            verdict = check_audit_trail(db, anchors)
            self.last_audit_check = (self.now(), verdict)
            return verdict
        finally:
            if db is not self._db:
                db.dispose()

    def inspection(self, first: date, last: date, *, guest: str = "", staff: str = "") -> Any:
        """The inspection view's data for the local days first..last: timeline, measures, differences."""
        from hotel_desk.desk.inspection import load

        self.require(Permission.INSPECT)
        return load(self, first, last, guest=guest, staff=staff)

    def export_bundle(self, target: str | Path, *, start: datetime | None, end: datetime | None,
                      check: bool = True) -> Any:
        """The liaison's export bundle (ZIP: events with names, measures, differences, chain head, PDF summary,
        manifest). With `check`, the chain is verified first and its state goes into the summary."""
        from hotel_desk.desk.bundle_pdf import render_summary
        from hotel_desk.store.bundle_export import write_bundle

        self.require(Permission.EXPORT_AUDIT)
        state = ""
        if check:
            verdict = self.check_audit_trail()
            self.last_audit_check = (self.now(), verdict)
            state = "intact" if verdict.ok else f"BROKEN: {verdict.first_problem}"
        fonts = self._fonts()
        return write_bundle(self.db, target, actor=self.actor, start=start, end=end, timezone=self.settings.timezone,
                            render_pdf=lambda summary: render_summary(summary, fonts), chain_state=state,
                            clock=self.clock)

    def export_receipts(self, target: str | Path) -> Any:
        """Every receipt with the chain anchor its report carried, for keeping elsewhere (audited)."""
        from hotel_desk.store import export_receipts

        self.require(Permission.EXPORT_AUDIT)
        return export_receipts(self.db, target, actor=self.actor, clock=self.clock)

    def export_audit(self, target: str | Path, *, start: datetime | None, end: datetime | None,
                     fmt: str | None = None) -> Any:
        """A period of the audit trail with the chain head, for the police liaison (the export is audited)."""
        from hotel_desk.store import export_audit

        self.require(Permission.EXPORT_AUDIT)
        return export_audit(self.db, target, actor=self.actor, start=start, end=end, fmt=fmt, clock=self.clock)
