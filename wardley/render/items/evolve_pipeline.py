"""Evolve arrows (dashed, to the expected future position) and pipeline boxes."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Evolve, Pipeline
from wardley.render.context import LABEL_WRAP_WIDTH, RenderContext
from wardley.render.geometry import scene_x
from wardley.render.items.element import DEFAULT_LABEL_OFFSET, ElementItem
from wardley.render.items.text_block import TextBlock
from wardley.render.themes import Theme

Z_PIPELINE = 5.0
Z_EVOLVE = 12.0
FUTURE_RADIUS = 6.0


class EvolveItem(QGraphicsItem):
    """From the element to a hollow circle at its future evolution (same visibility)."""

    def __init__(self, evolve: Evolve, element: ElementItem, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.element_item = element
        self.evolve = evolve
        #: Set by the label-placement pass (None keeps the evolve's own label_offset).
        self.auto_label_offset: tuple[float, float] | None = None
        #: Set by the placement pass when the name is drawn on shorter lines than usual.
        self.auto_label_wrap: float | None = None
        #: Set by the placement pass when a line still crosses the label.
        self.label_halo = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(Z_EVOLVE)
        self.update_geometry()

    def set_evolve(self, evolve: Evolve) -> None:
        self.evolve = evolve
        self.update_geometry()

    def set_auto_label_offset(self, offset: tuple[float, float] | None, wrap: float | None = None) -> None:
        if (offset, wrap) != (self.auto_label_offset, self.auto_label_wrap):
            self.auto_label_offset, self.auto_label_wrap = offset, wrap
            self.update_geometry()

    def set_label_halo(self, on: bool) -> None:
        if on != self.label_halo:
            self.label_halo = on
            self.update()

    def label_name(self) -> str:
        return self.evolve.name or self.element_item.element.name

    def label_rect(self) -> QRectF:
        return self._label.rect()

    def future_point(self) -> QPointF:
        return QPointF(scene_x(self.evolve.evolution), self.element_item.pos().y())

    def update_geometry(self) -> None:
        self.prepareGeometryChange()
        start, end = self.element_item.pos(), self.future_point()
        self._line = QLineF(start, end)
        name = self.evolve.name or self.element_item.element.name
        own, scale = self.evolve.label_offset, self._ctx.theme.label_scale
        hand_set = (own[0] * scale, own[1] * scale) if own is not None else None
        dx, dy = self.auto_label_offset or hand_set or DEFAULT_LABEL_OFFSET
        self._label = TextBlock(name, self._ctx.label_font, self._ctx.label_metrics, end + QPointF(dx, dy), self.auto_label_wrap or LABEL_WRAP_WIDTH, grow_up=dy < 0)
        r = FUTURE_RADIUS
        self._bounds = (
            QRectF(start, end).normalized().adjusted(-r - 4, -r - 4, r + 4, r + 4).united(self._label.rect().adjusted(-2, -2, 2, 2))
        )
        path = QPainterPath(start)
        path.lineTo(end)
        stroker = QPainterPathStroker()
        stroker.setWidth(8.0)
        self._shape = stroker.createStroke(path)
        self._shape.addEllipse(end, r + 2, r + 2)
        if self._ctx.interactive:
            self.setToolTip(f"Evolves to\n{name}\nDrag sideways to change where it is heading · Delete removes the arrow")

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    @staticmethod
    def draw_arrow(painter: QPainter, line: QLineF, color: QColor, theme: Theme, start_gap: float = 8.0) -> None:
        """Dashed line, head and hollow future circle (the map's and the legend's one way to
        draw it); ``start_gap`` keeps the line off the element's symbol."""
        length = line.length()
        r = FUTURE_RADIUS
        if length > 2 * r + start_gap:
            # Start outside the symbol and stop at the arrowhead, so neither hides it.
            unit = line.unitVector()
            d = QPointF(unit.dx(), unit.dy())
            tip = line.p2() - d * (r + 1)
            pen = QPen(color, 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(line.p1() + d * start_gap, tip - d * 6))
            normal = QPointF(-d.y(), d.x())
            head = QPolygonF([tip, tip - d * 8 + normal * 4, tip - d * 8 - normal * 4])
            painter.setPen(QPen(color, 1.0))
            painter.setBrush(QBrush(color))
            painter.drawPolygon(head)
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawEllipse(line.p2(), r, r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        color = QColor(theme.selection if self.isSelected() and self._ctx.editing_chrome else theme.evolve)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw_arrow(painter, self._line, color, theme)
        self._label.paint(painter, color, QColor(theme.map_background) if self.label_halo else None)


class PipelineItem(QGraphicsItem):
    """A box under the element from ``start`` to ``end``, ticks where members sit."""

    def __init__(self, pipeline: Pipeline, element: ElementItem, members: list[ElementItem], ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.element_item = element
        self.member_items = members
        self.pipeline = pipeline
        self.setZValue(Z_PIPELINE)
        self.update_geometry()

    def update_geometry(self) -> None:
        self.prepareGeometryChange()
        y = self.element_item.pos().y()
        left, right = sorted((scene_x(self.pipeline.start), scene_x(self.pipeline.end)))
        self._box = QRectF(left, y + 12.0, max(right - left, 4.0), 18.0)
        self._ticks = [scene_x(m.element.evolution) for m in self.member_items]
        self._bounds = self._box.adjusted(-2, -2, 2, 2)
        if self._ctx.interactive:
            self.setToolTip(f"Pipeline\n{self.element_item.element.name}")

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw_box(painter, self._box, self._ticks, self._ctx.theme)

    @staticmethod
    def draw_box(painter: QPainter, box: QRectF, ticks: list[float], theme: Theme) -> None:
        """The box with a tick at each member (the map's and the legend's one way to draw it)."""
        painter.setPen(QPen(QColor(theme.pipeline), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        painter.setBrush(QBrush(QColor(theme.pipeline)))
        mid = box.center().y()
        for x in ticks:
            painter.drawPolygon(QPolygonF([QPointF(x, mid - 5), QPointF(x - 5, mid + 4), QPointF(x + 5, mid + 4)]))
