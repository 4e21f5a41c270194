"""Qt's own words that the Chinese catalogue shipped with PySide6 (qtbase_zh_CN.qm) lacks in this Qt
version: the file dialog's "Look in" and "Files of type" (their source text gained a mnemonic), the file
types in its list, and the print dialog's page set. Listed here so that `pyside6-lupdate` puts them into our
catalogue under Qt's own contexts; our translator answers where Qt's has nothing
(tests/ui/test_translations.py opens the dialogs in Chinese and finds no English word left)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Computer"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Trash"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
