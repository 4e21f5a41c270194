"""Languages: Simplified Chinese and English through Qt Linguist.

The `.ts` sources live in resources/i18n/ at the repository root (edited with Qt Linguist or by hand); the
compiled `.qm` files ship inside the package (hotel_desk/ui/i18n/) so an installed app finds them without the
source tree. `python -m hotel_desk.ui.i18n update` re-extracts the strings with pyside6-lupdate and compiles
them with pyside6-lrelease (both ship with PySide6-Essentials).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ENGLISH = "en"
CHINESE = "zh_CN"
#: Shown in the language pick list in each language's own name, so anyone can find theirs.
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}

QM_DIR = Path(__file__).with_name("i18n")
_current = ENGLISH
_installed: list[QTranslator] = []


def resolve_language(setting: str) -> str:
    """The language to use: the setting when it names one we ship, otherwise the system locale."""
    if setting in LANGUAGES:
        return setting
    if setting.lower().startswith("zh"):
        return CHINESE
    system = QLocale.system().name()
    return CHINESE if system.lower().startswith("zh") else ENGLISH


def current_language() -> str:
    return _current


def is_chinese() -> bool:
    return _current == CHINESE


def install(language: str) -> str:
    """Install the translators for `language` on the running application (replacing earlier ones)."""
    global _current
    app = QCoreApplication.instance()
    language = resolve_language(language)
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
    _installed.clear()
    _current = language
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if app is None:
        return language
    ours = QTranslator()
    if ours.load(str(QM_DIR / f"hotel_desk_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if language == ENGLISH:
        return language
    # Qt's own strings (standard buttons, context menus of text fields).
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator()
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language


# -- maintainer tool ------------------------------------------------------------------------------------------
def _repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def update_translations() -> int:
    """Re-extract every tr() string into the .ts sources and compile the .qm files shipped in the package."""
    bin_dir = Path(sys.executable).parent
    root = _repo_root()
    sources = sorted(str(p.relative_to(root)) for p in (root / "hotel_desk" / "ui").rglob("*.py"))
    ts_dir = root / "resources" / "i18n"
    ts_dir.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_dir / f"hotel_desk_{language}.ts"
        # English needs only the plural forms ("1 report waiting" / "3 reports waiting").
        only_plurals = ["-pluralonly"] if language == ENGLISH else []
        subprocess.run(
            [str(bin_dir / "pyside6-lupdate"), "-no-obsolete", *only_plurals, *sources, "-ts",
             str(ts.relative_to(root))],
            cwd=root,
            check=True,
        )
    return compile_translations()


def compile_translations() -> int:
    bin_dir = Path(sys.executable).parent
    root = _repo_root()
    QM_DIR.mkdir(exist_ok=True)
    for ts in sorted((root / "resources" / "i18n").glob("*.ts")):
        qm = QM_DIR / (ts.stem + ".qm")
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    raise SystemExit(update_translations() if command == "update" else compile_translations())
