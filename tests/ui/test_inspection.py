"""The liaison's inspection view: its own page (Ctrl+6) the window can switch off with one call, the timeline
with names and staff, the measures, the chain verified, and the export bundle written in the background."""

from __future__ import annotations

import zipfile
from dataclasses import replace

from PySide6.QtCore import Qt

from hotel_desk.rules.roles import Role
from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry
from hotel_desk.ui.main_window import PAGES
from tests.ui.conftest import SLOW_MS

#: Ctrl+<the page's place in the navigation> (Ctrl+6 since the suspected-error worklist took Ctrl+5).
INSPECTION_KEY = Qt.Key(Qt.Key.Key_1.value + PAGES.index("inspection"))


def test_the_inspection_shows_who_registered_whom_and_exports_a_bundle(desk_app, qtbot, tmp_path) -> None:
    desk = desk_app.desk
    desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    window = desk_app.window
    qtbot.keyClick(window, INSPECTION_KEY, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "inspection"
    page = window.inspection
    qtbot.waitUntil(lambda: page.data is not None, timeout=SLOW_MS)
    check_ins = [e for e in page.data.timeline if e.action == "registration.check_in"]
    assert check_ins and check_ins[0].guest_name.startswith(DEMO_GUESTS[0].surname)
    assert check_ins[0].actor == desk.actor
    assert page.data.measures.total.registrations == 1
    page.verify()
    qtbot.waitUntil(lambda: desk.last_audit_check is not None and page.verify_button.isEnabled(), timeout=SLOW_MS)
    assert "intact" in page.chain_state.text()
    target = tmp_path / "bundle.zip"
    page.export_bundle(str(target))
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and target.exists(), timeout=SLOW_MS)
    with zipfile.ZipFile(target) as archive:
        assert "summary.pdf" in archive.namelist()


def test_the_inspection_is_for_the_liaison_and_the_manager_not_the_receptionist(make_desk_app, qtbot) -> None:
    liaison = make_desk_app(user=("li", Role.LIAISON))
    window = liaison.window
    assert "inspection" in window.allowed_pages() and "check_in" not in window.allowed_pages()
    window.show_page("inspection")
    assert window.current_page() == "inspection"
    qtbot.waitUntil(lambda: window.inspection.data is not None, timeout=SLOW_MS)
    liaison.desk.access.sign_out()
    from tests.support.staff import sign_in

    sign_in(liaison.desk, "rita", Role.RECEPTIONIST)
    window.apply_access()
    assert "inspection" not in window.allowed_pages()
    assert window.nav.item(PAGES.index("inspection")).isHidden()
    qtbot.keyClick(window, INSPECTION_KEY, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() != "inspection"


def test_the_timeline_lists_changes_in_the_readers_words_and_views_only_when_asked(desk_app, qtbot) -> None:
    desk = desk_app.desk
    done = desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    entry = desk.registration_entry(done.registration_id)  # a view of personal data: in the trail
    desk.correct(done.registration_id, replace(entry, room="1808"), "room changed")
    window = desk_app.window
    window.show_page("inspection")
    page = window.inspection
    qtbot.waitUntil(lambda: page.data is not None, timeout=SLOW_MS)
    assert any(e.action == "personal_data.read" for e in page.data.timeline)
    assert not any(e.action.startswith("personal_data.") for e in page.shown_timeline())
    model = page.timeline_model
    details = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert any("changed: Room" in d and "room changed" in d for d in details), details
    assert not any("room_" in d or "changed_fields" in d for d in details)
    page.show_views.setChecked(True)
    assert model.rowCount() == len(page.data.timeline)
    assert any("the registration; to correct it" in model.index(row, 5).data() for row in range(model.rowCount()))


def test_every_audit_action_is_named_in_words(qtbot) -> None:
    """The timeline never shows a raw action code: every kind of event the store writes has a label."""
    from hotel_desk.store.audit import AuditAction
    from hotel_desk.ui import labels

    actions = [value for name, value in vars(AuditAction).items() if name.isupper() and isinstance(value, str)]
    assert len(actions) > 40
    unnamed = [a for a in actions if labels.audit_action(a) == a]
    assert not unnamed
