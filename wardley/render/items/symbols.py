"""The symbol of each element kind, drawn around (0, 0). Kinds differ in SHAPE,
not only colour: component = ring, need = double ring, user = person,
market = ring holding three linked dots, ecosystem = hatched ring around a ring,
submap = stacked squares."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from wardley.render.themes import Theme

#: Half the symbol's extent, in scene units; links end under the symbol.
SYMBOL_RADIUS: dict[str, float] = {
    "component": 6.0,
    "need": 7.5,
    "user": 8.0,
    "market": 12.0,
    "ecosystem": 15.0,
    "submap": 8.0,
}
#: OWM multiplies its default label offset for bigger symbols (market x2, ecosystem x3).
LABEL_SPACING: dict[str, float] = {"market": 2.0, "ecosystem": 3.0}
METHOD_RADIUS = 17.0


def symbol_radius(kind: str) -> float:
    return SYMBOL_RADIUS.get(kind, 6.0)


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def draw_symbol(painter: QPainter, kind: str, theme: Theme) -> None:
    stroke = QColor(theme.element_stroke)
    fill = QBrush(QColor(theme.element_fill))
    painter.setPen(_pen(stroke, 1.5))
    painter.setBrush(fill)
    if kind == "need":
        painter.drawEllipse(QPointF(0, 0), 7.5, 7.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), 4.0, 4.0)
    elif kind == "user":
        _draw_person(painter, theme)
    elif kind == "market":
        painter.drawEllipse(QPointF(0, 0), 12.0, 12.0)
        dots = (QPointF(0, -5.5), QPointF(-5.0, 3.5), QPointF(5.0, 3.5))
        painter.setPen(_pen(stroke, 1.0))
        painter.drawPolygon(dots)
        painter.setBrush(QBrush(stroke))
        for dot in dots:
            painter.drawEllipse(dot, 2.2, 2.2)
    elif kind == "ecosystem":
        ring = QPainterPath()
        ring.addEllipse(QPointF(0, 0), 15.0, 15.0)
        ring.addEllipse(QPointF(0, 0), 7.0, 7.0)
        painter.setBrush(fill)
        painter.drawPath(ring)
        painter.setBrush(QBrush(stroke, Qt.BrushStyle.BDiagPattern))
        painter.drawPath(ring)
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(0, 0), 4.0, 4.0)
    elif kind == "submap":
        painter.drawRect(QRectF(-4.0, -8.0, 12.0, 12.0))
        painter.drawRect(QRectF(-8.0, -4.0, 12.0, 12.0))
    else:
        painter.drawEllipse(QPointF(0, 0), 6.0, 6.0)


def _draw_person(painter: QPainter, theme: Theme) -> None:
    painter.setBrush(QBrush(QColor(theme.actor_fill)))
    body = QPainterPath()
    body.moveTo(-8.0, 9.0)
    body.cubicTo(-8.0, -1.0, 8.0, -1.0, 8.0, 9.0)
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawEllipse(QPointF(0, -4.5), 4.0, 4.0)


def draw_method(painter: QPainter, method: str, theme: Theme) -> None:
    """Build = open halo, buy = hatched halo, outsource = solid halo (Wardley's convention)."""
    stroke = QColor(theme.method_stroke)
    painter.setPen(_pen(stroke, 1.2))
    if method == "build":
        painter.setBrush(QBrush(QColor(theme.method_build)))
        painter.drawEllipse(QPointF(0, 0), METHOD_RADIUS, METHOD_RADIUS)
    elif method == "buy":
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawEllipse(QPointF(0, 0), METHOD_RADIUS, METHOD_RADIUS)
        painter.setBrush(QBrush(QColor(theme.method_buy), Qt.BrushStyle.BDiagPattern))
        painter.drawEllipse(QPointF(0, 0), METHOD_RADIUS, METHOD_RADIUS)
    elif method == "outsource":
        painter.setBrush(QBrush(QColor(theme.method_outsource)))
        painter.drawEllipse(QPointF(0, 0), METHOD_RADIUS, METHOD_RADIUS)


def inertia_rect(kind: str, method: str) -> QRectF:
    """The thick bar to the right of the symbol that marks resistance to change."""
    reach = METHOD_RADIUS if method != "none" else symbol_radius(kind)
    return QRectF(reach + 5.0, -11.0, 5.0, 22.0)
