"""The police's suspected-error lists at the desk: import a list file (in its layout), the worklist, and the
two answers: a correction (through the one correction path: a correction report) or "verified correct" with a
note. Qt-free; `Desk.suspected` is the one instance. Every step is audited by the store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hotel_desk.desk import entries
from hotel_desk.desk.views import GuestEntry
from hotel_desk.rules.roles import Permission

if TYPE_CHECKING:
    from hotel_desk.desk.desk import Desk
    from hotel_desk.store import ImportResult, SuspectedErrorView


class SuspectedErrors:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def import_file(self, path: str | Path, layout: str | None = None) -> ImportResult:
        """Read a police list (raises PoliceListError naming the line and column; nothing is imported then),
        match every item and keep it due `suspected_error_due_days` after today. Importing the same file again
        adds nothing."""
        from hotel_desk import store
        from hotel_desk.desk.police_lists import read_police_list

        self._desk.require(Permission.CORRECT)  # answering the police's lists is the desk's correction work
        police_list = read_police_list(path, layout)
        self._ensure_property()
        return store.import_suspected_errors(self._desk.db, police_list,
                                             due_days=self._desk.settings.suspected_error_due_days,
                                             actor=self._desk.actor, clock=self._desk.clock)

    def _ensure_property(self) -> None:
        from hotel_desk import store

        s = self._desk.settings
        store.ensure_property(self._desk.db, name=s.hotel_name or "hotel", hotel_code=s.hotel_code,
                              authorisation_code=s.authorisation_code, substation_code=s.substation_code,
                              timezone=s.timezone, actor=self._desk.actor, clock=self._desk.clock)

    def items(self, states: Sequence[str] | None = None) -> list[SuspectedErrorView]:
        """The worklist (audited: it names guests). The liaison may read it too."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        return store.suspected_errors(self._desk.db, actor=self._desk.actor, states=states, clock=self._desk.clock)

    def counts(self) -> dict[str, int]:
        """Open, answered and overdue items, without names (not audited)."""
        from hotel_desk import store

        return store.suspected_error_counts(self._desk.db, clock=self._desk.clock)

    def page_image(self, registration_id: str) -> bytes | None:
        """The stored page of the stay an item is about, to compare with the recorded data (audited)."""
        from hotel_desk import store

        self._desk.require(Permission.VIEW_PERSONAL_DATA)
        return store.document_page_image(self._desk.db, registration_id, actor=self._desk.actor,
                                         purpose="suspected error", clock=self._desk.clock)

    def verify(self, item_id: str, note: str) -> None:
        """Answer "verified correct": the record was checked against the document; the note says how."""
        from hotel_desk import store

        self._desk.require(Permission.CORRECT)
        store.answer_verified(self._desk.db, item_id, note, actor=self._desk.actor, clock=self._desk.clock)

    def correct(self, item_id: str, registration_id: str, entry: GuestEntry, reason: str) -> str:
        """Answer with a correction of `registration_id` (the item's stay, or the one chosen among its
        candidates): a correction report, and the item closed, in one transaction. Returns the report id."""
        from hotel_desk import store

        self._desk.require(Permission.CORRECT)
        # Nothing changed: the store refuses it ("nothing to correct"), and the item stays open.
        changes = entries.corrections(self._desk.registration_entry(registration_id), entry)
        return store.answer_corrected(self._desk.db, item_id, changes, note=reason, actor=self._desk.actor,
                                      registration_id=registration_id, clock=self._desk.clock).report_id
