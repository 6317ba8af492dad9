"""Shared helpers for the workshop tests: windows over the real canvas, the coaching fixture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.ui.shell_support import manager, shell_env  # noqa: F401 - fixtures re-exported

FIXTURES = Path(__file__).parent / "fixtures"
#: The council coaching map with snapshots "after session 1" and "after session 2".
COACHING = FIXTURES / "coaching-sessions.wardley.json"


def paint_scene(scene) -> QImage:  # noqa: ANN001 - any QGraphicsScene
    """The scene at one pixel per scene unit, so scene points map straight to pixels."""
    from wardley.render.geometry import SCENE_RECT

    image = QImage(round(SCENE_RECT.width()), round(SCENE_RECT.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), SCENE_RECT)
    painter.end()
    return image
