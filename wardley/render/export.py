"""Drawing a whole map onto any QPainter (image, PDF, SVG) without editing chrome."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from wardley.render.geometry import SCENE_RECT
from wardley.render.scene import MapScene


def map_bounds(scene: MapScene) -> QRectF:
    """The frame plus anything drawn outside it (labels pushed past the edge)."""
    return SCENE_RECT.united(scene.itemsBoundingRect())


def render_map(painter: QPainter, target_rect: QRectF, scene: MapScene, source_rect: QRectF | None = None) -> None:
    """Paint the map into ``target_rect`` keeping its aspect ratio; selection
    marks and handles are hidden while painting and restored afterwards."""
    chrome = scene.editing_chrome
    scene.set_editing_chrome(False)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, target_rect, source_rect or map_bounds(scene), Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.set_editing_chrome(chrome)
