"""Every visible string ships in Simplified Chinese, and the compiled catalogues match their sources."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from hotel_desk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_every_chinese_string_is_translated() -> None:
    messages = _messages(TS_DIR / "hotel_desk_zh_CN.ts")
    assert len(messages) > 200
    untranslated = [m.findtext("source") for m in messages
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                    or not "".join(m.find("translation").itertext()).strip()]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    for message in _messages(TS_DIR / "hotel_desk_zh_CN.ts"):
        source = message.findtext("source") or ""
        translation = "".join(message.find("translation").itertext())
        for placeholder in ("%1", "%2", "%3", "%n"):
            assert (placeholder in source) == (placeholder in translation), (source, translation)


def test_compiled_catalogues_are_shipped() -> None:
    for ts in TS_DIR.glob("*.ts"):
        qm = i18n.QM_DIR / f"{ts.stem}.qm"
        assert qm.is_file(), f"{qm} missing: run python -m hotel_desk.ui.i18n compile"
        assert qm.stat().st_size > 0


def test_window_speaks_chinese(qtbot, make_desk_app) -> None:  # type: ignore[no-untyped-def]
    desk_app = make_desk_app(language="zh_CN")
    window = desk_app.window
    assert window.nav.item(0).text() == "入住登记"
    assert window.check_in.form.register_button.text().startswith("登记")
    assert "培训" in window.mode_pill.text()
    # Switching language in Settings rebuilds the window in English at once.
    window.settings_page.language.setCurrentIndex(window.settings_page.language.findData("en"))
    window.settings_page.save()
    qtbot.waitUntil(lambda: desk_app.window.nav.item(0).text() == "Check-in", timeout=10_000)


def test_no_string_in_the_code_is_missing_from_the_chinese_catalogue(tmp_path) -> None:
    """Re-extract the strings into a copy of the catalogue: a tr() added without its translation shows up as
    unfinished there, even if nobody ran `python -m hotel_desk.ui.i18n update`."""
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "hotel_desk_zh_CN.ts"
    shutil.copy(TS_DIR / "hotel_desk_zh_CN.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "hotel_desk" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(copy)], check=True, capture_output=True)
    missing = [m.findtext("source") for m in _messages(copy) if m.find("translation").get("type") == "unfinished"]
    assert missing == [], f"untranslated (run python -m hotel_desk.ui.i18n update and translate): {missing}"
