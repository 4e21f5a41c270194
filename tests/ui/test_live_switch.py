"""Switching to LIVE is a manager's decision behind a confirmation that says what changes and a connection test
that must pass; nothing is saved before. Going back to TRAINING asks too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hotel_desk import store
from hotel_desk.desk import NotAllowed, connection
from hotel_desk.desk.connection import ConnectionTest
from hotel_desk.rules.roles import Role
from hotel_desk.settings import load_settings
from tests.support.staff import PASSWORD
from tests.ui.conftest import SLOW_MS

PASSED = ConnectionTest("https://intake.example.gov.cn", training=False, configured=True, reachable=True, tls_ok=True,
                        key_matches=True, mode_matches=True, intake_training=False, key_id="3f2a9c", codes_ok=True)


def _to_live(window, url: str = "https://intake.example.gov.cn"):  # type: ignore[no-untyped-def]
    window.show_page("settings")
    page = window.settings_page
    page.training.setChecked(False)
    page.intake_url.setText(url)
    page.hotel_code.setText("3101060042")
    page.authorisation_code.setText("K7-22-19")
    page.save()
    return page


def test_the_training_intake_fails_the_test_and_nothing_is_saved(qtbot, make_desk_app, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOTEL_DESK_CONFIG_DIR", str(tmp_path / "config"))
    desk_app = make_desk_app()
    page = _to_live(desk_app.window, desk_app.desk.intake_url)  # the practice intake, over http
    dialog = page.live_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result_test is not None, timeout=SLOW_MS)
    test = dialog.result_test
    # LIVE never talks over plain http: refused from the settings, before anything is sent anywhere.
    assert test.check("address").ok is False and "http" in test.problem
    assert [c.ok for c in test.checks][1:] == [None] * (len(connection.CHECKS) - 1)
    assert not dialog.switch_button.isEnabled()  # LIVE is not possible against a training intake
    dialog.reject()
    assert desk_app.ctx.settings.training and load_settings().training  # nothing saved


def test_a_manager_switches_to_live_once_the_test_passed(qtbot, make_desk_app, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOTEL_DESK_CONFIG_DIR", str(tmp_path / "config"))
    desk_app = make_desk_app()
    monkeypatch.setattr(desk_app.desk, "test_connection", lambda settings=None: PASSED)
    page = _to_live(desk_app.window)
    dialog = page.live_dialog
    qtbot.waitUntil(lambda: dialog.switch_button.isEnabled(), timeout=SLOW_MS)
    assert "LIVE means real police reports" in dialog.findChildren(type(dialog.status))[0].text()
    dialog.switch_button.click()
    qtbot.waitUntil(lambda: not desk_app.ctx.settings.training, timeout=SLOW_MS)
    assert not load_settings().training
    changed = [e for e in store.audit_events(desk_app.desk.db) if e.action == "settings.changed"]
    assert changed and changed[-1].actor == "alice" and "training" in changed[-1].details["changed"]

    # Back to TRAINING asks too.
    asked: list[bool] = []
    monkeypatch.setattr(page, "confirm_training", lambda: asked.append(True) or False)
    page.training.setChecked(True)
    page.save()
    assert asked and not desk_app.ctx.settings.training


def test_only_a_manager_may_switch(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from tests.support.staff import sign_in

    desk_app = make_desk_app()
    desk = desk_app.desk
    desk.staff.add("bob", Role.RECEPTIONIST, PASSWORD)
    sign_in(desk, "bob", Role.RECEPTIONIST)
    desk_app.ctx.access.changed.emit()
    assert "settings" not in desk_app.window.allowed_pages()
    with pytest.raises(NotAllowed):  # testing other settings (sending the codes they hold) is a manager's
        desk.test_connection(replace(desk.settings, training=False, intake_url="https://intake.example.gov.cn"))
