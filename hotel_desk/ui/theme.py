"""One calm look for the whole window: light surfaces, one accent colour, severity colours that mean the
same thing everywhere (red = must fix, amber = check, blue = good to know)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from hotel_desk.rules.reports import ALERT_AMBER, ALERT_RED

ACCENT = "#1d5c8a"
ACCENT_DARK = "#164a70"
SURFACE = "#f3f5f8"
CARD = "#ffffff"
BORDER = "#d8dee6"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
TRAINING = "#c8651b"
LIVE = "#2e7d4f"

ERROR = "#b3261e"
WARNING = "#9a6700"
INFO = "#1d5c8a"
OK = "#2e7d4f"

ERROR_BG = "#fdecea"
WARNING_BG = "#fff4d6"
INFO_BG = "#e8f1f8"
OK_BG = "#e6f4ea"
REVIEW_BG = "#fff4d6"

SEVERITY_COLOURS = {"error": (ERROR, ERROR_BG), "warning": (WARNING, WARNING_BG), "info": (INFO, INFO_BG)}


def deadline_colour(seconds_left: float | None) -> tuple[str, str]:
    """Foreground and background for a deadline countdown: green with time to spare, amber under 6 h,
    red under 2 h or past due."""
    if seconds_left is None:
        return MUTED, CARD
    if seconds_left < ALERT_RED.total_seconds():
        return ERROR, ERROR_BG
    if seconds_left < ALERT_AMBER.total_seconds():
        return WARNING, WARNING_BG
    return OK, OK_BG


def ui_font(chinese: bool) -> QFont:
    # Noto Sans CJK covers both scripts, so Latin and Chinese text sit on one baseline in a mixed line.
    families = ["Noto Sans CJK SC", "Microsoft YaHei UI", "PingFang SC"] if chinese else []
    families += ["Noto Sans", "Segoe UI", "DejaVu Sans", "Noto Sans CJK SC"]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(10.0)
    return font


#: MRZ text on screen: monospace faces whose zero carries a dot or a slash, so that O and 0 never look alike
#: (OCR-B, the MRZ's own face, draws them nearly the same). DejaVu Sans Mono (Linux), Consolas (Windows).
MONO_FAMILIES = ["DejaVu Sans Mono", "Consolas", "Cascadia Mono", "Noto Sans Mono"]


def mono_font(size: float = 11.0) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(size)
    # A face without a marked zero may still have one as the OpenType feature "zero".
    font.setFeature(QFont.Tag("zero"), 1)
    return font


def mrz_font(size: float = 12.0) -> QFont:
    """The font of typed and read MRZ lines (see MONO_FAMILIES)."""
    return mono_font(size)


RESOURCES = Path(__file__).with_name("resources")
STYLE = f"""
QMainWindow, QWidget#Page {{ background: {SURFACE}; }}
QWidget {{ color: {TEXT}; }}
QFrame#Card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#PageTitle {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel#PageHint {{ color: {MUTED}; }}
QLabel#CardTitle {{ font-size: 11pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#Muted {{ color: {MUTED}; }}
QLabel#FieldLabel {{ color: {MUTED}; }}
QListWidget#Nav {{ background: #1f2d3d; color: #dfe6ee; border: none; font-size: 11pt; outline: 0;
    padding-top: 8px; }}
QListWidget#Nav::item {{ padding: 12px 18px; border-left: 4px solid transparent; }}
QListWidget#Nav::item:selected {{ background: #2b3d52; color: white; border-left: 4px solid #5fa8dc; }}
QListWidget#Nav::item:hover {{ background: #27384b; }}
QLabel#Brand {{ background: #1f2d3d; color: white; font-size: 13pt; font-weight: 600; padding: 16px 18px 4px 18px; }}
QLabel#BrandSub {{ background: #1f2d3d; color: #9fb0c3; padding: 0 18px 12px 18px; }}
QLabel#TrainingBanner {{ background: {TRAINING}; color: white; font-weight: 600; padding: 6px 16px; }}
QLineEdit, QComboBox, QDateEdit, QDateTimeEdit, QPlainTextEdit, QSpinBox {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 6px; min-height: 20px; }}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit[review="true"], QComboBox[review="true"], QDateEdit[review="true"] {{ background: {REVIEW_BG};
    border: 1px solid #e0b000; }}
QLineEdit[severity="error"], QDateEdit[severity="error"] {{ border: 2px solid {ERROR}; }}
QLineEdit[severity="warning"], QDateEdit[severity="warning"] {{ border: 2px solid #d49b00; }}
QPushButton {{ background: white; border: 1px solid {BORDER}; border-radius: 5px; padding: 6px 14px; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #a0a8b3; background: #f0f2f5; }}
QPushButton:checked {{ background: {INFO_BG}; border: 2px solid {ACCENT}; color: {ACCENT_DARK}; }}
QPushButton#Primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
    padding: 8px 22px; }}
QPushButton#Primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#Primary:disabled {{ background: #9db5c9; border-color: #9db5c9; color: #eef3f7; }}
QPushButton#Candidate {{ background: {INFO_BG}; border: 1px solid #b7d0e4; color: {ACCENT_DARK};
    padding: 3px 10px; font-family: "DejaVu Sans Mono", "Consolas", monospace; }}
QPushButton#Link {{ border: none; background: transparent; color: {ACCENT}; text-decoration: underline;
    padding: 0 4px; }}
QTableView {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; gridline-color: #edf0f4;
    selection-background-color: #d6e6f3; selection-color: {TEXT}; alternate-background-color: #f8fafc; }}
QTableView::item {{ padding: 4px 10px; }}
QHeaderView::section {{ background: #eef2f6; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 10px; font-weight: 600; color: {MUTED}; }}
QStatusBar {{ background: white; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QLabel#Pill {{ border-radius: 9px; padding: 2px 10px; font-weight: 600; }}
QComboBox {{ padding-right: 24px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right; width: 24px;
    border: none; }}
QComboBox::down-arrow {{ image: url("{{chevron}}"); width: 10px; height: 6px; }}
QSpinBox {{ padding-right: 22px; }}
QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: 20px; border: none;
    background: transparent; }}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow {{ image: url("{{chevron_up}}"); width: 9px; height: 5px; }}
QSpinBox::down-arrow {{ image: url("{{chevron}}"); width: 9px; height: 5px; }}
QComboBox QAbstractItemView {{ background: white; border: 1px solid {BORDER}; selection-background-color: #d6e6f3;
    selection-color: {TEXT}; padding: 4px 0; outline: 0; }}
QComboBox QAbstractItemView::item {{ min-height: 26px; padding: 3px 10px; }}
QComboBox QAbstractItemView::item:selected {{ background: #d6e6f3; color: {TEXT}; }}
QToolButton#Fold {{ border: none; color: {ACCENT}; padding: 2px 0; }}
QFrame#QuestionBar {{ background: {WARNING_BG}; border: 1px solid #e0b000; border-radius: 6px; }}
QTabBar::tab {{ background: transparent; border: none; border-bottom: 2px solid transparent; padding: 8px 16px;
    color: {MUTED}; font-weight: 600; }}
QTabBar::tab:selected {{ color: {ACCENT_DARK}; border-bottom: 2px solid {ACCENT}; }}
QTabBar::tab:hover {{ color: {TEXT}; }}
QTabWidget::pane {{ border: none; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0; }}
QScrollBar::handle:vertical {{ background: #c3ccd6; border-radius: 5px; min-height: 30px; }}
QScrollBar::handle:vertical:hover {{ background: #9fb0c3; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 0; }}
QScrollBar::handle:horizontal {{ background: #c3ccd6; border-radius: 5px; min-width: 30px; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""


def apply(app: QApplication, chinese: bool) -> None:
    app.setFont(ui_font(chinese))
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#d6e6f3"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE.replace("{chevron}", (RESOURCES / "chevron-down.png").as_posix())
                      .replace("{chevron_up}", (RESOURCES / "chevron-up.png").as_posix()))
