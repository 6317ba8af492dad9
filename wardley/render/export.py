"""Drawing a whole map onto any QPainter (image, PDF, SVG) without editing chrome."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from wardley.render.geometry import SCENE_RECT
from wardley.render.scene import MapScene

#: From this many elements a picture painted into an image (PNG, the clipboard) draws each
#: symbol from an image made once per kind and sub-pixel offset: about 3x quicker per symbol,
#: but each image costs a few symbols' drawing, so a small map draws vectors throughout.
SYMBOL_IMAGES_FROM = 250


def map_bounds(scene: MapScene) -> QRectF:
    """The frame plus anything drawn outside it (labels pushed past the edge)."""
    return SCENE_RECT.united(scene.itemsBoundingRect())


def render_map(painter: QPainter, target_rect: QRectF, scene: MapScene, source_rect: QRectF | None = None) -> None:
    """Paint the map into ``target_rect`` keeping its aspect ratio. What only helps on screen
    (selection marks, handles, an analysis highlight, a workshop focus's fading) is taken off
    while painting and put back afterwards: a picture shows the map itself."""
    chrome = scene.editing_chrome
    lit, emphasise = scene.highlighted(), scene.emphasising
    scene.set_editing_chrome(False)
    if lit:
        scene.highlight(())
    scene.ctx.symbol_images = len(scene.elements) >= SYMBOL_IMAGES_FROM
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, target_rect, source_rect or map_bounds(scene), Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.ctx.symbol_images = False
        scene.set_editing_chrome(chrome)
        if lit:
            scene.highlight(lit, emphasise)
