"""Finding a font that has Chinese glyphs for the registration form.

The form must show Chinese labels (and Chinese names) on every desk computer, so the font is looked up in
this order: an explicit path (settings `extra["form_font"]` or $HOTEL_DESK_FORM_FONT), then the usual
places per platform (Debian/Ubuntu `fonts-noto-cjk`, Fedora/Arch Noto CJK, Windows Microsoft YaHei and
SimSun, macOS PingFang). A missing font is an error that says what to install: a form with empty boxes
where the Chinese should be would be handed to the police and be useless.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

ENV_FONT = "HOTEL_DESK_FORM_FONT"
SETTING_FONT = "form_font"

_LINUX = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-{weight}.ttc",  # Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-{weight}.ttc",  # Fedora
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-{weight}.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]
_WINDOWS = ["msyh.ttc", "msyhbd.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf"]
_MAC = [
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
]


class FontNotFound(RuntimeError):
    """No font with Chinese glyphs: the form cannot be drawn."""


@dataclass(frozen=True)
class FormFonts:
    regular: Path
    regular_index: int
    bold: Path
    bold_index: int

    def regular_at(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.regular), size, index=self.regular_index)

    def bold_at(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.bold), size, index=self.bold_index)


def candidate_paths(weight: str = "Regular", platform: str | None = None) -> list[Path]:
    """Where to look for a CJK font on this platform, best first."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        fonts_dir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        names = ["msyhbd.ttc", *_WINDOWS] if weight == "Bold" else _WINDOWS
        return [fonts_dir / n for n in names]
    if platform == "darwin":
        return [Path(p) for p in _MAC]
    return [Path(p.format(weight=weight)) for p in _LINUX]


def _simplified_index(path: Path) -> int:
    """A .ttc holds several faces; Noto CJK's Japanese face comes first and draws some characters in
    Japanese shapes. Pick the Simplified Chinese face where there is one."""
    for index in range(12):
        try:
            family, _style = ImageFont.truetype(str(path), 12, index=index).getname()
        except OSError:
            break
        if family and (" SC" in family or "YaHei" in family or "SimSun" in family or "PingFang SC" in family):
            return index
    return 0


def _usable(path: Path) -> bool:
    try:
        font = ImageFont.truetype(str(path), 12)
    except OSError:
        return False
    # A font without Chinese glyphs draws 登 as a notdef box of the same size as any other missing glyph.
    return font.getmask("登").getbbox() != font.getmask("\U000f0000").getbbox()


def find_fonts(explicit: str | os.PathLike[str] | None = None, *, platform: str | None = None) -> FormFonts:
    """The fonts for the form. `explicit` (or $HOTEL_DESK_FORM_FONT) wins; raises FontNotFound with what
    to install when nothing fits."""
    chosen = explicit or os.environ.get(ENV_FONT) or None
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise FontNotFound(f"the form font {path} does not exist (settings '{SETTING_FONT}' / ${ENV_FONT})")
        if not _usable(path):
            raise FontNotFound(f"the form font {path} cannot be read or has no Chinese characters")
        index = _simplified_index(path)
        return FormFonts(path, index, path, index)
    regular = next((p for p in candidate_paths("Regular", platform) if p.is_file() and _usable(p)), None)
    if regular is None:
        looked = ", ".join(str(p) for p in candidate_paths("Regular", platform))
        raise FontNotFound(
            "no font with Chinese characters found for the registration form. Install Noto Sans CJK "
            "(Debian/Ubuntu: apt install fonts-noto-cjk) or set the settings value "
            f"'{SETTING_FONT}' (or ${ENV_FONT}) to a .ttf/.ttc file. Looked in: {looked}")
    bold = next((p for p in candidate_paths("Bold", platform) if p.is_file() and _usable(p)), regular)
    return FormFonts(regular, _simplified_index(regular), bold, _simplified_index(bold))
