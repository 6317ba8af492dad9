"""Accelerator / deaccelerator arrows and pioneers / settlers / town planners boxes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Accelerator, Attitude
from wardley.render.context import LABEL_WRAP_WIDTH, RenderContext
from wardley.render.geometry import to_scene
from wardley.render.items.chrome import draw_selection, make_selectable
from wardley.render.items.text_block import TextBlock
from wardley.render.themes import Theme

Z_ATTITUDE = 1.0
Z_ACCELERATOR = 15.0
#: How far either side of a box's outline a press still takes the edge (scene units).
EDGE_GRIP = 6.0
_ARROW = ((-26, -7), (6, -7), (6, -14), (26, 0), (6, 14), (6, 7), (-26, 7))

ATTITUDE_TITLE = {"pioneers": "Pioneers", "settlers": "Settlers", "townplanners": "Town planners"}
#: Each kind also gets its own hatch, so the boxes differ without colour.
ATTITUDE_HATCH = {
    "pioneers": Qt.BrushStyle.FDiagPattern,
    "settlers": Qt.BrushStyle.VerPattern,
    "townplanners": Qt.BrushStyle.HorPattern,
}


class AcceleratorItem(QGraphicsItem):
    """A block arrow: pointing right (towards commodity) speeds evolution up,
    pointing left (a deaccelerator) slows it down, drawn with a dashed outline."""

    collection = "accelerators"

    def __init__(self, accelerator: Accelerator, ctx: RenderContext, index: int = 0) -> None:
        super().__init__()
        self._ctx = ctx
        self.accelerator = accelerator
        #: Its place in the map's list of accelerators: what an edit of it names.
        self.index = index
        self.setZValue(Z_ACCELERATOR)
        self.setPos(to_scene(accelerator.evolution, accelerator.visibility))
        self._arrow = self.arrow(accelerator.negative)
        #: Set by the placement pass (None: under the arrow, where OWM puts it).
        self.auto_label_offset: tuple[float, float] | None = None
        self.label_halo = False
        self._layout()
        if ctx.interactive:
            make_selectable(self)
            what = "Deaccelerator" if accelerator.negative else "Accelerator"
            self.setToolTip(f"{what}\n{accelerator.name}\nDrag to move · Double-click to rename · Delete to remove")

    @staticmethod
    def arrow(negative: bool) -> QPolygonF:
        """The block arrow around (0, 0): left for a deaccelerator, right otherwise."""
        sign = -1.0 if negative else 1.0
        return QPolygonF([QPointF(sign * x, y) for x, y in _ARROW])

    @staticmethod
    def draw_arrow(painter: QPainter, arrow: QPolygonF, negative: bool, theme: Theme) -> None:
        """The map's and the legend's one way to draw the arrow."""
        color = QColor(theme.accelerator)
        painter.setPen(QPen(color, 2.0, Qt.PenStyle.DashLine if negative else Qt.PenStyle.SolidLine))
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawPolygon(arrow)
        painter.setBrush(QBrush(color, Qt.BrushStyle.Dense6Pattern))
        painter.drawPolygon(arrow)

    def default_label_offset(self) -> tuple[float, float]:
        return -26.0, 14.0 + self._ctx.label_metrics.ascent() + 3.0

    def _layout(self) -> None:
        self.prepareGeometryChange()
        dx, dy = self.auto_label_offset or self.default_label_offset()
        ctx = self._ctx
        self._label = TextBlock(self.accelerator.name, ctx.label_font, ctx.label_metrics, QPointF(dx, dy), LABEL_WRAP_WIDTH, grow_up=dy < 0)
        self._bounds = self._arrow.boundingRect().united(self._label.rect()).adjusted(-3, -3, 3, 3)

    def set_auto_label_offset(self, offset: tuple[float, float] | None) -> None:
        if offset != self.auto_label_offset:
            self.auto_label_offset = offset
            self._layout()
            self.update()

    def set_label_halo(self, on: bool) -> None:
        if on != self.label_halo:
            self.label_halo = on
            self.update()

    def label_name(self) -> str:
        return self.accelerator.name

    def label_rect(self) -> QRectF:
        return self._label.rect()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def label_scene_rect(self) -> QRectF:
        return self.mapRectToScene(self._label.rect())

    def arrow_scene_rect(self) -> QRectF:
        return self.mapRectToScene(self._arrow.boundingRect())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.draw_arrow(painter, self._arrow, self.accelerator.negative, theme)
        self._label.paint(painter, QColor(theme.text), QColor(theme.map_background) if self.label_halo else None)
        if self.isSelected() and self._ctx.editing_chrome:
            draw_selection(painter, self._arrow.boundingRect().adjusted(-3, -3, 3, 3), theme)


class AttitudeItem(QGraphicsItem):
    """A pioneers / settlers / town planners box. Only its outline and title take the
    pointer: inside, the map stays the map (a click there selects or adds elements)."""

    collection = "attitudes"

    def __init__(self, attitude: Attitude, ctx: RenderContext, index: int = 0) -> None:
        super().__init__()
        self._ctx = ctx
        self.attitude = attitude
        self.index = index
        self.setZValue(Z_ATTITUDE)
        a = attitude
        self.set_box_rect(QRectF(to_scene(a.left, a.top), to_scene(a.right, a.bottom)))
        if ctx.interactive:
            make_selectable(self)
            self.setToolTip(
                f"{ATTITUDE_TITLE[a.kind]}\nDrag the title to move, an edge or corner to resize · Delete to remove"
            )

    def set_box_rect(self, rect: QRectF) -> None:
        """Where the box is drawn, in scene units (a resize shows here before the model has it)."""
        self.prepareGeometryChange()
        ctx = self._ctx
        self._rect = rect.normalized()
        self._label = TextBlock(
            ATTITUDE_TITLE[self.attitude.kind], ctx.bold_font, ctx.bold_metrics,
            QPointF(self._rect.left() + 5, self._rect.top() + ctx.bold_metrics.ascent() + 3), 400,
        )
        grip = EDGE_GRIP + 1
        self._bounds = self._rect.united(self._label.rect()).adjusted(-grip, -grip, grip, grip)
        self.update()

    def box_rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(self._rect.adjusted(-EDGE_GRIP, -EDGE_GRIP, EDGE_GRIP, EDGE_GRIP))
        if self._rect.width() > 2 * EDGE_GRIP and self._rect.height() > 2 * EDGE_GRIP:
            path.addRect(self._rect.adjusted(EDGE_GRIP, EDGE_GRIP, -EDGE_GRIP, -EDGE_GRIP))
        title = QPainterPath()
        title.addRect(self._label.rect().adjusted(-3, -1, 3, 1))
        return path.united(title)

    def title_rect(self) -> QRectF:
        """The title's clear patch, in scene units (label placement keeps labels off it)."""
        return self.mapRectToScene(self._label.rect().adjusted(-3, -1, 3, 1))

    @staticmethod
    def draw_box(painter: QPainter, rect: QRectF, kind: str, theme: Theme) -> None:
        """The tinted, hatched box (the map's and the legend's one way to draw it)."""
        base = QColor(getattr(theme, kind))
        painter.setPen(QPen(base, 1.2))
        if theme.attitude_alpha:
            tint = QColor(base)
            tint.setAlpha(theme.attitude_alpha)
            painter.setBrush(QBrush(tint))
            painter.drawRect(rect)
        hatch = QColor(base)
        hatch.setAlpha(110 if theme.attitude_alpha else 255)
        painter.setBrush(QBrush(hatch, ATTITUDE_HATCH[kind]))
        painter.drawRect(rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        self.draw_box(painter, self._rect, self.attitude.kind, theme)
        # The title sits on a clear patch so the hatching never runs through its letters.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(theme.map_background)))
        painter.drawRect(self._label.rect().adjusted(-3, -1, 3, 1).intersected(self._rect.adjusted(1, 1, -1, -1)))
        self._label.paint(painter, QColor(theme.text))
        if self.isSelected() and self._ctx.editing_chrome:
            draw_selection(painter, self._rect, theme, handles=True)
