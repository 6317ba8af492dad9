"""One map element: its kind's symbol, method halo, inertia bar and label."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Element
from wardley.render.context import LABEL_WRAP_WIDTH, RenderContext
from wardley.render.geometry import clamp_to_map, to_scene
from wardley.render.items.confidence import band_rect, draw_band
from wardley.model.kinds import kind_info
from wardley.render.items.symbols import METHOD_RADIUS, inertia_rect, symbol_of, symbol_radius
from wardley.render.items.symbol_cache import draw_symbol_vector
from wardley.render.items.text_block import TextBlock

if TYPE_CHECKING:
    from wardley.render.scene import MapScene

#: OWM's default label position relative to the symbol (x right, y down).
DEFAULT_LABEL_OFFSET = (5.0, -10.0)
Z_ELEMENT = 20.0
HANDLE_RADIUS = 5.0
#: Distance from the symbol's edge to the link handle's centre.
HANDLE_GAP = 9.0
#: Space kept between a label set left of its symbol and the symbol.
LABEL_SIDE_GAP = 2.0

def label_offset(
    element: Element, auto: tuple[float, float] | None = None, scale: float = 1.0
) -> tuple[float, float]:
    """Where label placement put it (``auto``: it leaves the user's own offset alone
    unless that offset strays far off the map), else the user's (times the theme's
    ``label_scale``), else OWM's default."""
    if auto is not None:
        return auto
    if element.label_offset is not None:
        return element.label_offset[0] * scale, element.label_offset[1] * scale
    factor = symbol_of(element.kind).label_spacing or (2.0 if element.method != "none" else 1.0)
    return DEFAULT_LABEL_OFFSET[0] * factor, DEFAULT_LABEL_OFFSET[1] * factor


def left_of_symbol(dx: float, width: float, radius: float) -> float:
    """Where a label starting at ``dx`` starts so that, set left of its symbol, it ends clear of it.

    A label set left of its symbol (OWM's ``label [-80, -4]``) was measured in OWM's narrower
    font; wider text (the shipped font, presentation type) would run into the symbol."""
    if dx < -radius and dx + width + radius + LABEL_SIDE_GAP > 0:
        return -(width + radius + LABEL_SIDE_GAP)
    return dx


class ElementItem(QGraphicsItem):
    """Draws ``element``; holds no state of its own beyond what the model says
    (its position may run ahead of the model only while a drag is in progress)."""

    def __init__(self, element: Element, ctx: RenderContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.element = element
        self.emphasised = False
        #: Set by the label-placement pass (render/label_placement.py); a hand-set offset wins.
        self.auto_label_offset: tuple[float, float] | None = None
        #: Set by the placement pass when the name is drawn on shorter lines than usual.
        self.auto_label_wrap: float | None = None
        #: Set by the placement pass when a line still crosses the label.
        self.label_halo = False
        if ctx.interactive:
            self.setFlags(
                QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
            )
        self.setZValue(Z_ELEMENT)
        self.set_element(element)

    @property
    def element_id(self) -> str:
        return self.element.id

    def set_element(self, element: Element) -> None:
        self.prepareGeometryChange()
        self.element = element
        self._layout()
        self.setPos(to_scene(element.evolution, element.visibility))
        if self._ctx.interactive:
            self.setToolTip(self._tooltip())
        self.update()

    def set_auto_label_offset(self, offset: tuple[float, float] | None, wrap: float | None = None) -> None:
        if (offset, wrap) != (self.auto_label_offset, self.auto_label_wrap):
            self.auto_label_offset, self.auto_label_wrap = offset, wrap
            self.relayout()

    def set_label_halo(self, on: bool) -> None:
        if on != self.label_halo:
            self.label_halo = on
            self.update()

    def label_name(self) -> str:
        return self.element.name

    def relayout(self) -> None:
        """After a theme change: fonts differ, so label geometry does too."""
        self.prepareGeometryChange()
        self._layout()
        self.update()

    def _layout(self) -> None:
        element = self.element
        bold = kind_info(element.kind).actor
        dx, dy = label_offset(element, self.auto_label_offset, self._ctx.theme.label_scale)
        self._label = TextBlock(
            element.name,
            self._ctx.bold_font if bold else self._ctx.label_font,
            self._ctx.bold_metrics if bold else self._ctx.label_metrics,
            QPointF(dx, dy),
            self.auto_label_wrap or LABEL_WRAP_WIDTH,
            grow_up=dy < 0,
        )
        radius = METHOD_RADIUS if element.method != "none" else symbol_radius(element.kind)
        # Only the user's own offset: label placement sizes the positions it picks itself.
        hand_set = self.auto_label_offset is None and element.label_offset is not None
        kept_x = left_of_symbol(dx, self._label.rect().width(), radius) if hand_set else dx
        if kept_x != dx:
            self._label.origin = QPointF(kept_x, self._label.origin.y())
        self._symbol_rect = QRectF(-radius, -radius, 2 * radius, 2 * radius)
        core = self._symbol_rect
        if element.inertia:
            core = core.united(inertia_rect(element.kind, element.method))
        self._band = band_rect(element)
        if self._band is not None:
            core = core.united(self._band.adjusted(0, -3, 0, 3))
        self._handle = QPointF(0.0, radius + HANDLE_GAP)
        handle_box = QRectF(-HANDLE_RADIUS, self._handle.y() - HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS)
        self._bounds = core.united(self._label.rect()).united(handle_box).adjusted(-4, -4, 4, 4)
        # A union, not sub-paths added together: with Qt's odd-even fill the place where the
        # label overlaps the symbol or the handle would be a hole that clicks fall through.
        self._handle_box = handle_box
        self._shape: QPainterPath | None = None  # built on the first hit test, not for every item on open

    def _tooltip(self) -> str:
        e = self.element
        lines = [kind_info(e.kind).label, e.name]
        if e.description:
            lines.append(e.description[:300])
        if e.confidence is not None:
            lines.append(f"Confidence: {e.confidence}" + (" (the band shows the range of views)" if e.confidence == "low" else ""))
        lines.append("Drag to move · drag its + handle (or Alt/Shift-drag) to link · Ctrl+Shift-drag to evolve · F2 to rename")
        # Qt guesses rich text only from the tooltip's FIRST line, so map text never goes there.
        return "\n".join(lines)

    def symbol_radius(self) -> float:
        return symbol_radius(self.element.kind)

    def label_rect(self) -> QRectF:
        """Where the label is, in item coordinates (the rename editor goes there)."""
        return self._label.rect()

    def link_handle_contains(self, point: QPointF) -> bool:
        """Is ``point`` (item coordinates) on the link handle? Only a selected element shows one."""
        if not self.isSelected():
            return False
        d = point - self._handle
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_RADIUS + 2) ** 2

    def link_handle_pos(self) -> QPointF:
        return self._handle

    def set_emphasised(self, on: bool) -> None:
        if on != self.emphasised:
            self.emphasised = on
            self.update()

    # -- QGraphicsItem ---------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            symbol, label, handle = QPainterPath(), QPainterPath(), QPainterPath()
            symbol.addEllipse(self._symbol_rect.adjusted(-2, -2, 2, 2))
            label.addRect(self._label.rect())
            handle.addEllipse(self._handle_box.adjusted(-1, -1, 1, 1))
            self._shape = symbol.united(label).united(handle)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._ctx.theme
        element = self.element
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._band is not None:
            draw_band(painter, self._band, theme)
        if self.emphasised:
            painter.setPen(QPen(QColor(theme.highlight), 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self._symbol_rect.adjusted(-5, -5, 5, 5))
        if widget is not None:
            self._ctx.symbols.draw(painter, element.kind, element.method, element.inertia, theme)
        elif self._ctx.symbol_images and painter.paintEngine().type() == QPaintEngine.Type.Raster:
            self._ctx.symbols.draw_aligned(painter, element.kind, element.method, element.inertia, theme)
        else:
            draw_symbol_vector(painter, element.kind, element.method, element.inertia, theme)
        self._label.paint(painter, QColor(theme.text), QColor(theme.map_background) if self.label_halo else None)
        if self.isSelected() and self._ctx.editing_chrome:
            pen = QPen(QColor(theme.selection), 1.5, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._symbol_rect.adjusted(-3, -3, 3, 3))
            painter.drawRect(self._label.rect().adjusted(-2, -1, 2, 1))
            self._paint_link_handle(painter)

    def _paint_link_handle(self, painter: QPainter) -> None:
        """A "+" under the symbol: drag it onto another element to link (no modifier needed)."""
        theme = self._ctx.theme
        painter.setPen(QPen(QColor(theme.selection), 1.0))
        painter.setBrush(QColor(theme.selection))
        painter.drawEllipse(self._handle, HANDLE_RADIUS, HANDLE_RADIUS)
        painter.setPen(QPen(QColor(theme.map_background), 1.4))
        c, r = self._handle, HANDLE_RADIUS - 2
        painter.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()))
        painter.drawLine(QPointF(c.x(), c.y() - r), QPointF(c.x(), c.y() + r))



class EditableElementItem(ElementItem):
    """An element on the editing canvas: kept on the map while dragged, and what is drawn
    from it (links, evolve arrow, pipeline) follows it.

    A class of its own because Qt asks a Python ``itemChange`` about every change (z-value,
    scene, opacity: five calls per element just to build a scene, a fifth of a 1,000-element
    export's scene building); a scene only drawn (an export) uses :class:`ElementItem`."""

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            # Elements never leave the map, whoever moves them.
            return clamp_to_map(value)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None:
                owner: MapScene = scene  # type: ignore[assignment]
                owner.element_item_moved(self.element.id)
        return super().itemChange(change, value)
