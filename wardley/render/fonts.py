"""The map's typeface: Atkinson Hyperlegible, shipped by the ``fontpkg-atkinson-hyperlegible``
package and registered with Qt, so canvas, presentation and every export draw the same letters on
Windows, macOS and Linux (a system font alias such as "Sans Serif" resolves differently on each,
and offscreen to whatever font is found)."""

from __future__ import annotations

import sys
from importlib.resources import files

from PySide6.QtGui import QFontDatabase

#: The family the themes ask for.
MAP_FONT_FAMILY = "Atkinson Hyperlegible"
#: Used when the shipped font cannot be loaded (package missing or its files unreadable): Qt's
#: generic sans-serif alias, whatever the system has.
FALLBACK_FAMILY = "Sans Serif"
_PACKAGE = "fontpkg_atkinson_hyperlegible"
_FILES = ("Regular", "Bold", "Italic", "BoldItalic")

_loaded: str | None = None


def load_map_font() -> str:
    """Register the shipped font with Qt (once; a QGuiApplication must exist) and return the family
    to draw with: the shipped one, or :data:`FALLBACK_FAMILY` with a one-line note on stderr."""
    global _loaded
    if _loaded is None:
        _loaded = _register() or FALLBACK_FAMILY
    return _loaded


def _register() -> str | None:
    try:
        folder = files(_PACKAGE) / "files"
        # From bytes, not a path: inside a zipped or frozen install there may be no file path.
        blobs = [(folder / f"AtkinsonHyperlegible-{style}.ttf").read_bytes() for style in _FILES]
    except (ImportError, OSError) as error:
        print(f"wardley: the map font {MAP_FONT_FAMILY} is not installed ({error}); drawing with {FALLBACK_FAMILY}",
              file=sys.stderr)
        return None
    families: set[str] = set()
    for blob in blobs:
        font_id = QFontDatabase.addApplicationFontFromData(blob)
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if MAP_FONT_FAMILY not in families:
        print(f"wardley: Qt could not load the map font {MAP_FONT_FAMILY}; drawing with {FALLBACK_FAMILY}",
              file=sys.stderr)
        return None
    return MAP_FONT_FAMILY


def map_family(asked: str) -> str:
    """The family to draw with for a theme's ``font_family``: the shipped font once loaded, the
    fallback when it could not be; any other family as asked."""
    if asked == MAP_FONT_FAMILY:
        return load_map_font()
    return asked
