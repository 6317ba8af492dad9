"""The shipped typeface (Atkinson Hyperlegible) draws the canvas and every export, with a fallback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import MapDocument
from wardley.render import MapScene, theme_named
from wardley.render import fonts
from wardley.render.export_files import export_map

FAMILY = "Atkinson Hyperlegible"


def _scene(theme: str = "default") -> MapScene:
    return MapScene(MapDocument(load_map(MAPS / "household-waste.wardley.json").map), theme_named(theme))


def test_the_canvas_fonts_are_the_shipped_family(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontInfo

    scene = _scene()
    ctx = scene.ctx
    for font in (ctx.label_font, ctx.bold_font, ctx.small_font, ctx.axis_font, ctx.title_font):
        assert QFontInfo(font).family() == FAMILY  # what Qt really draws with, not just what was asked
    # Presentation mode's larger type is the same theme, scaled: the same face.
    from wardley.ui.workshop.presentation import presentation_theme

    ctx.set_theme(presentation_theme(theme_named("default")))
    assert QFontInfo(ctx.label_font).family() == FAMILY
    assert ctx.label_font.pixelSize() > 11


def test_svg_and_pdf_name_the_shipped_family(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scene = _scene()
    export_map(scene, tmp_path / "map.svg")
    export_map(scene, tmp_path / "map.pdf")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    families = set(re.findall(r'font-family="([^"]*)"', svg))
    assert families and all(value.startswith(f"'{FAMILY}'") for value in families), families
    pdf = (tmp_path / "map.pdf").read_bytes()
    embedded = set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/\[<>]+)", pdf))
    assert embedded and all(name.startswith(b"AtkinsonHyperlegible") for name in embedded), embedded


def test_without_the_font_package_the_map_is_drawn_in_the_fallback(tmp_path: Path) -> None:
    # In a fresh process (fonts load once per process), with the font package made unimportable.
    probe = f"""
import sys, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.modules["fontpkg_atkinson_hyperlegible"] = None
from PySide6.QtWidgets import QApplication
app = QApplication([])
from wardley.io import load_map
from wardley.model import MapDocument
from wardley.render import MapScene
from wardley.render.export_files import export_map
scene = MapScene(MapDocument(load_map({str(MAPS / "household-waste.wardley.json")!r}).map))
print(scene.ctx.label_font.family())
export_map(scene, {str(tmp_path / "fallback.png")!r})
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == fonts.FALLBACK_FAMILY
    assert "map font Atkinson Hyperlegible is not installed" in result.stderr
    assert (tmp_path / "fallback.png").stat().st_size > 1000
