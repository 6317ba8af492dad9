"""The low-confidence band: an element whose place the room is unsure of is drawn
over a horizontal range (+/- 0.1 evolution) instead of at one point, so a
disagreement stays visible on the map rather than averaged away.

Drawn by :class:`~wardley.render.items.element.ElementItem` behind its symbol, so
the canvas and every export show it and it follows a drag."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from wardley.model import Element
from wardley.render.geometry import MAP_WIDTH, scene_x
from wardley.render.items.symbols import symbol_radius
from wardley.render.themes import Theme

#: Half the band's width, in evolution.
BAND_SPREAD = 0.1
BAND_CONFIDENCE = "low"


def has_band(element: Element) -> bool:
    return element.confidence == BAND_CONFIDENCE


def band_rect(element: Element) -> QRectF | None:
    """The band in the element item's coordinates (clipped to the map), or None."""
    if not has_band(element):
        return None
    x = scene_x(element.evolution)
    half_height = symbol_radius(element.kind) + 5.0
    left = max(-BAND_SPREAD * MAP_WIDTH, -x)
    right = min(BAND_SPREAD * MAP_WIDTH, MAP_WIDTH - x)
    return QRectF(left, -half_height, right - left, 2 * half_height)


def draw_band(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    colour = QColor(theme.flow)
    if theme.attitude_alpha > 0:
        fill = QColor(colour)
        fill.setAlpha(55)
        painter.setBrush(QBrush(fill))
    else:  # black-and-white themes: a hatch reads in print where a tint would vanish
        painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
    pen = QPen(colour, 1.2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    # Whisker ends, as on an error bar: "somewhere between here and here".
    painter.setPen(QPen(colour, 2.0))
    for x in (rect.left(), rect.right()):
        painter.drawLine(QLineF(x, rect.top() - 3, x, rect.bottom() + 3))
