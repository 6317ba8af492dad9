"""The comparison overlay: what changed between two versions of a map, drawn over
a scene showing the newer one (built from :func:`wardley.model.compare.compare_maps`).

- moved: a thick arrow from the old position (a dashed ring) to the new one;
- added: a thick ring around the new element;
- removed: the old element drawn faded where it was, named "... (removed)".

Renames are not drawn here: the comparison view names the element "NEW (was OLD)",
so label placement keeps that text clear of its neighbours.

Each kind differs in shape as well as colour. The overlay only adds items to the
scene and :meth:`ComparisonOverlay.clear` takes them away again: the map itself
is never touched.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from wardley.model import Element
from wardley.model.compare import MapDiff
from wardley.render.geometry import to_scene
from wardley.render.items.element import ElementItem
from wardley.render.items.symbols import symbol_radius
from wardley.render.scene import MapScene
from wardley.render.themes import Theme

#: Above links and symbols, below notes: an arrow must not hide under the elements it joins.
Z_OVERLAY = 22.0
Z_GHOST = 19.0
GHOST_OPACITY = 0.4
#: Okabe-Ito blue (moves) and orange (additions; evolve arrows are vermillion): apart for colour-blind eyes too.
MOVED_COLOUR = "#0072B2"
ADDED_COLOUR = "#E69F00"


def _colour(theme: Theme, wanted: str) -> QColor:
    # Black-and-white themes keep black: the shapes still tell the kinds apart.
    return QColor(wanted if theme.attitude_alpha > 0 else theme.element_stroke)


class MoveArrowItem(QGraphicsItem):
    """From a dashed ring where the element was to the edge of its symbol now."""

    def __init__(self, old: QPointF, new: QPointF, radius: float, theme: Theme) -> None:
        super().__init__()
        self.old, self.new = old, new
        self._colour = _colour(theme, MOVED_COLOUR)
        self.setZValue(Z_OVERLAY)
        line = QLineF(old, new)
        length = line.length()
        self._line = QLineF(old, new)
        if length > radius + 4:
            # Stop at the symbol's edge, so the head points at the element, not into it.
            self._line.setLength(length - radius - 3)
        self._head = self._arrow_head(self._line)
        self._old_ring = QRectF(old.x() - radius - 2, old.y() - radius - 2, 2 * radius + 4, 2 * radius + 4)
        self._bounds = QRectF(old, new).normalized().united(self._old_ring).adjusted(-14, -14, 14, 14)

    @staticmethod
    def _arrow_head(line: QLineF) -> QPolygonF:
        tip = line.p2()
        angle = math.atan2(line.dy(), line.dx())
        size = 14.0
        left = tip - QPointF(math.cos(angle - 0.45) * size, math.sin(angle - 0.45) * size)
        right = tip - QPointF(math.cos(angle + 0.45) * size, math.sin(angle + 0.45) * size)
        return QPolygonF([tip, left, right])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._bounds)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._colour, 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self._old_ring)
        pen = QPen(self._colour, 4.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(self._line)
        painter.setPen(QPen(self._colour, 1.0))
        painter.setBrush(QBrush(self._colour))
        painter.drawPolygon(self._head)


class AddedMarkItem(QGraphicsItem):
    """A thick solid ring around an element that is new (no text: it would sit on the label)."""

    def __init__(self, at: QPointF, radius: float, theme: Theme) -> None:
        super().__init__()
        self._colour = _colour(theme, ADDED_COLOUR)
        self._ring = QRectF(-radius - 7, -radius - 7, 2 * radius + 14, 2 * radius + 14)
        self.setPos(at)
        self.setZValue(Z_OVERLAY)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._ring.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._colour, 4.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self._ring)


class ComparisonOverlay:
    """The overlay items for ``diff`` in ``scene`` (which shows the newer map)."""

    def __init__(self, scene: MapScene, diff: MapDiff) -> None:
        self.scene = scene
        self.diff = diff
        theme = scene.theme
        self.arrows: dict[str, MoveArrowItem] = {}
        self.added: dict[str, AddedMarkItem] = {}
        self.ghosts: dict[str, ElementItem] = {}
        for move in diff.moved:
            kind = self._kind_of(move.element_id)
            self.arrows[move.element_id] = MoveArrowItem(
                to_scene(*move.old), to_scene(*move.new), symbol_radius(kind), theme
            )
        for element in diff.added:
            self.added[element.id] = AddedMarkItem(
                to_scene(element.evolution, element.visibility), symbol_radius(element.kind), theme
            )
        for element in diff.removed:
            self.ghosts[element.id] = self._ghost(element)
        for overlay_item in self.items():
            scene.addItem(overlay_item)
        scene.overlay_lines = [(arrow.old, arrow.new) for arrow in self.arrows.values()]
        if scene.overlay_lines:
            scene.flush_label_layout(force=True)

    def _kind_of(self, element_id: str) -> str:
        item = self.scene.elements.get(element_id)
        return item.element.kind if item is not None else "component"

    def _ghost(self, element: Element) -> ElementItem:
        shown = element.model_copy(update={"name": f"{element.name} (removed)", "confidence": None})
        ghost = ElementItem(shown, self.scene.ctx)
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)
        ghost.setOpacity(GHOST_OPACITY)
        ghost.setZValue(Z_GHOST)
        return ghost

    def items(self) -> list[QGraphicsItem]:
        return [*self.arrows.values(), *self.added.values(), *self.ghosts.values()]

    def clear(self) -> None:
        for item in self.items():
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        if self.scene.overlay_lines:
            self.scene.overlay_lines = []
            self.scene.flush_label_layout(force=True)
        self.arrows.clear()
        self.added.clear()
        self.ghosts.clear()
