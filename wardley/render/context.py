"""What every item needs to draw itself: the theme, its fonts, and whether
editing chrome (selection marks, handles) is shown. Owned by the scene."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from wardley.render.fonts import map_family
from wardley.render.items.symbol_cache import SymbolCache
from wardley.render.themes import DEFAULT, Theme

#: Longest label line before it wraps, in scene units (about 20 characters).
LABEL_WRAP_WIDTH = 130.0
NOTE_WRAP_WIDTH = 200.0


class RenderContext:
    def __init__(self, theme: Theme = DEFAULT, interactive: bool = True) -> None:
        self.editing_chrome = True
        #: False for a scene built only to be drawn once (an export): items skip tooltips
        #: and position-change notifications, which only an editor needs.
        self.interactive = interactive
        self.symbols = SymbolCache()
        #: Set while a big map is painted into an image (render/export.py): symbols come
        #: from images rendered once per kind and sub-pixel offset instead of vectors.
        self.symbol_images = False
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.symbols.clear()
        family = map_family(theme.font_family)
        self.label_font = _font(family, theme.font_size, False, False)
        self.bold_font = _font(family, theme.font_size, True, False)
        self.small_font = _font(family, theme.font_size * 0.85, False, True)
        self.axis_font = _font(family, theme.font_size, False, False)
        self.title_font = _font(family, theme.title_size, True, False)
        self.label_metrics = QFontMetricsF(self.label_font)
        self.bold_metrics = QFontMetricsF(self.bold_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.title_metrics = QFontMetricsF(self.title_font)


def _font(family: str, pixel_size: float, bold: bool, italic: bool) -> QFont:
    font = QFont(family)
    # Pixel (scene-unit) sizes keep text in proportion to the map at any zoom or DPI.
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # No ligatures: a PDF's text layer would hold "ﬁ" for "fi", and a search for
    # "Notifications" in the exported picture would not find the label.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def wrap_lines(text: str, metrics: QFontMetricsF, max_width: float) -> list[str]:
    """Plain text broken into lines no wider than ``max_width`` (at spaces when possible)."""
    return _wrap(text, metrics, max_width)


def _wrap(text: str, metrics: QFontMetricsF, max_width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(candidate) <= max_width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
            # A single word longer than the width is cut into pieces.
            while metrics.horizontalAdvance(current) > max_width and len(current) > 1:
                cut = _fit_prefix(current, metrics, max_width)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _fit_prefix(word: str, metrics: QFontMetricsF, max_width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if metrics.horizontalAdvance(word[:mid]) <= max_width:
            low = mid
        else:
            high = mid - 1
    return max(1, low)


