"""The status is the truth: the Online indicator is the last real exchange with the police intake, or a probe
while the uploader has nothing to send; Offline says why in the desk's words (never "[Errno 111]"), and Online comes
back when the intake does; In house shows each stay's newest report."""

from __future__ import annotations

from hotel_desk.reporting.intake_server import IntakeServer
from tests.ui.conftest import SLOW_MS


def _probe(qtbot, desk_app, online: bool | None) -> None:  # type: ignore[no-untyped-def]
    ctx = desk_app.ctx
    qtbot.waitUntil(lambda: not ctx._probing, timeout=SLOW_MS)
    ctx.probe_if_due(force=True)
    qtbot.waitUntil(lambda: ctx.summary.online is online and not ctx._probing, timeout=SLOW_MS)


def test_online_follows_the_intake_away_and_back(qtbot, make_desk_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app()
    window = desk_app.window
    _probe(qtbot, desk_app, True)
    assert window.online_pill.text() == "● Online"

    intake = desk_app.desk.training_intake
    port = intake.port
    intake.stop()  # nothing listens any more, and there is nothing to send: only the probe can tell
    _probe(qtbot, desk_app, False)
    assert window.online_pill.text() == "● Offline"
    tip = window.online_pill.toolTip()
    assert tip.startswith("Nothing answers at the police intake's address.")
    assert "Errno" not in tip.split("\n\n")[0]  # the raw words only as the support note under it

    again = IntakeServer(tmp_path / "intake-again.sqlite3", port=port).start()
    try:
        _probe(qtbot, desk_app, True)  # back: Online again without a report having to fail first
        assert window.online_pill.text() == "● Online"
    finally:
        again.stop()


def test_offline_in_chinese_is_said_in_chinese(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app(language="zh_CN")
    desk_app.desk.training_intake.stop()
    _probe(qtbot, desk_app, False)
    pill = desk_app.window.online_pill
    assert pill.text() == "● 离线"
    said = pill.toolTip().split("\n\n")[0]
    assert said.startswith("公安上报平台的地址无应答。") and "Errno" not in said and "refused" not in said


def test_in_house_shows_each_stays_report(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    from hotel_desk.ui.demo import DEMO_GUESTS, demo_entry

    desk_app = make_desk_app()
    desk = desk_app.desk
    desk.pause_uploads()
    registered = desk.register(demo_entry(desk, DEMO_GUESTS[0]))
    window = desk_app.window
    window.show_page("in_house")
    in_house = window.in_house
    qtbot.waitUntil(lambda: in_house.select_registration(registered.registration_id), timeout=SLOW_MS)
    column = in_house.model.headers().index("Police report")
    text = in_house.model.data(in_house.model.index(0, column))
    assert text.startswith("Check-in · Waiting to send · 24 h 00 min left"[:30])
    desk.send_now()
    qtbot.waitUntil(lambda: desk.reports()[0].state == "acknowledged", timeout=SLOW_MS)
    in_house.refresh()
    qtbot.waitUntil(lambda: in_house.model.data(in_house.model.index(0, column)) == "Check-in · Filed",
                    timeout=SLOW_MS)
