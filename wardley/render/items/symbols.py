"""The symbol of each element kind, drawn around (0, 0). Kinds differ in SHAPE,
not only colour: component = ring, need = double ring, user = person,
market = ring holding three linked dots, ecosystem = hatched ring around a ring,
submap = stacked squares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from wardley.render.themes import Theme

@dataclass(frozen=True)
class Symbol:
    #: Half the symbol's extent, in scene units; links end under the symbol.
    radius: float
    #: OWM multiplies its default label offset for bigger symbols (market x2, ecosystem x3);
    #: None: the default (further out when a method halo is drawn).
    label_spacing: float | None
    draw: Callable[[QPainter, Theme, QColor, QBrush], None]


METHOD_RADIUS = 17.0


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _component(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    painter.drawEllipse(QPointF(0, 0), 6.0, 6.0)


def _need(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    painter.drawEllipse(QPointF(0, 0), 7.5, 7.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(0, 0), 4.0, 4.0)


def _user(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    _draw_person(painter, theme)


def _market(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    painter.drawEllipse(QPointF(0, 0), 12.0, 12.0)
    dots = (QPointF(0, -5.5), QPointF(-5.0, 3.5), QPointF(5.0, 3.5))
    painter.setPen(_pen(stroke, 1.0))
    painter.drawPolygon(dots)
    painter.setBrush(QBrush(stroke))
    for dot in dots:
        painter.drawEllipse(dot, 2.2, 2.2)


def _ecosystem(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    ring = QPainterPath()
    ring.addEllipse(QPointF(0, 0), 15.0, 15.0)
    ring.addEllipse(QPointF(0, 0), 7.0, 7.0)
    painter.setBrush(fill)
    painter.drawPath(ring)
    painter.setBrush(QBrush(stroke, Qt.BrushStyle.BDiagPattern))
    painter.drawPath(ring)
    painter.setBrush(fill)
    painter.drawEllipse(QPointF(0, 0), 4.0, 4.0)


def _submap(painter: QPainter, theme: Theme, stroke: QColor, fill: QBrush) -> None:
    painter.drawRect(QRectF(-4.0, -8.0, 12.0, 12.0))
    painter.drawRect(QRectF(-8.0, -4.0, 12.0, 12.0))


#: Every kind's symbol (one row per kind in ``wardley.model.kinds``; a test checks).
SYMBOLS: dict[str, Symbol] = {
    "user": Symbol(8.0, None, _user),
    "need": Symbol(7.5, None, _need),
    "component": Symbol(6.0, None, _component),
    "market": Symbol(12.0, 2.0, _market),
    "ecosystem": Symbol(15.0, 3.0, _ecosystem),
    "submap": Symbol(8.0, None, _submap),
}


def symbol_of(kind: str) -> Symbol:
    return SYMBOLS.get(kind, SYMBOLS["component"])


def symbol_radius(kind: str) -> float:
    return symbol_of(kind).radius


def draw_symbol(painter: QPainter, kind: str, theme: Theme) -> None:
    stroke = QColor(theme.element_stroke)
    fill = QBrush(QColor(theme.element_fill))
    painter.setPen(_pen(stroke, 1.5))
    painter.setBrush(fill)
    symbol_of(kind).draw(painter, theme, stroke, fill)


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
