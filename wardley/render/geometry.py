"""Map coordinates (evolution 0..1 left to right, visibility 0..1 bottom to top)
to scene coordinates, and back.

The map always has the same logical size in scene units, so label offsets
(pixels, as in OWM) keep the same meaning at every zoom and in every export.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

MAP_WIDTH = 1000.0
MAP_HEIGHT = 700.0
MARGIN_LEFT = 46.0
MARGIN_TOP = 46.0
MARGIN_RIGHT = 24.0
MARGIN_BOTTOM = 54.0

#: Where elements may be placed (and what the axes enclose).
MAP_RECT = QRectF(0.0, 0.0, MAP_WIDTH, MAP_HEIGHT)
#: The whole drawing: map plus axis labels and title.
SCENE_RECT = QRectF(
    -MARGIN_LEFT, -MARGIN_TOP, MAP_WIDTH + MARGIN_LEFT + MARGIN_RIGHT, MAP_HEIGHT + MARGIN_TOP + MARGIN_BOTTOM
)


def clamp01(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def scene_x(evolution: float) -> float:
    return evolution * MAP_WIDTH


def scene_y(visibility: float) -> float:
    return (1.0 - visibility) * MAP_HEIGHT


def to_scene(evolution: float, visibility: float) -> QPointF:
    return QPointF(scene_x(evolution), scene_y(visibility))


def to_map(point: QPointF) -> tuple[float, float]:
    """(evolution, visibility) of a scene point, clamped into the map and rounded
    as the model rounds, so a drag and a save give the same numbers."""
    evolution = clamp01(point.x() / MAP_WIDTH)
    visibility = clamp01(1.0 - point.y() / MAP_HEIGHT)
    return round(evolution, 4), round(visibility, 4)


def clamp_to_map(point: QPointF) -> QPointF:
    return QPointF(min(max(point.x(), 0.0), MAP_WIDTH), min(max(point.y(), 0.0), MAP_HEIGHT))
