"""Editing chrome shared by the annotation, accelerator and attitude-box items: how
they become selectable, and the mark a selected one shows (hidden in exports)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from wardley.render.themes import Theme

HANDLE_SIZE = 7.0


def make_selectable(item: QGraphicsItem) -> None:
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)


def draw_selection(painter: QPainter, rect: QRectF, theme: Theme, handles: bool = False) -> None:
    """A dashed outline in the selection colour; with ``handles``, a square on each corner
    and edge midpoint (what a resize takes)."""
    pen = QPen(QColor(theme.selection), 1.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    if not handles:
        return
    painter.setPen(QPen(QColor(theme.selection), 1.0))
    painter.setBrush(QBrush(QColor(theme.map_background)))
    half = HANDLE_SIZE / 2
    for point in handle_points(rect):
        painter.drawRect(QRectF(point.x() - half, point.y() - half, HANDLE_SIZE, HANDLE_SIZE))


def handle_points(rect: QRectF) -> list[QPointF]:
    c = rect.center()
    return [
        rect.topLeft(), QPointF(c.x(), rect.top()), rect.topRight(), QPointF(rect.right(), c.y()),
        rect.bottomRight(), QPointF(c.x(), rect.bottom()), rect.bottomLeft(), QPointF(rect.left(), c.y()),
    ]
