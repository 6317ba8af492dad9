"""Resizing an attitude box by its edges and corners on the canvas: which edges a press
takes, the pointer that says so, and the drag itself (one undo step on release)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent

from wardley.render.geometry import MAP_RECT, to_map
from wardley.render.items.forces import EDGE_GRIP, AttitudeItem
from wardley.ui import map_tools
from wardley.ui.canvas.interactions import Interaction

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView


#: Which edges a press on a box's outline takes: (left, top, right, bottom).
Edges = tuple[bool, bool, bool, bool]


def box_edges_at(item: AttitudeItem, scene_pos: QPointF, grip: float = EDGE_GRIP) -> Edges | None:
    """The edges of ``item`` under ``scene_pos`` (a corner takes two); None off the outline."""
    rect = item.box_rect()
    if not rect.adjusted(-grip, -grip, grip, grip).contains(scene_pos):
        return None
    x, y = scene_pos.x(), scene_pos.y()
    edges = (abs(x - rect.left()) <= grip, abs(y - rect.top()) <= grip,
             abs(x - rect.right()) <= grip, abs(y - rect.bottom()) <= grip)
    return edges if any(edges) else None


def resize_cursor(edges: Edges) -> Qt.CursorShape:
    left, top, right, bottom = edges
    if (left and top) or (right and bottom):
        return Qt.CursorShape.SizeFDiagCursor
    if (left and bottom) or (right and top):
        return Qt.CursorShape.SizeBDiagCursor
    return Qt.CursorShape.SizeHorCursor if left or right else Qt.CursorShape.SizeVerCursor


class ResizeBoxInteraction(Interaction):
    """Drag an attitude box's edge or corner; one command on release."""

    def __init__(self, view: MapView, event: QMouseEvent, item: AttitudeItem, edges: Edges) -> None:
        super().__init__(view, event)
        self.item, self.edges = item, edges
        self.original = item.box_rect()

    def _rect(self, event: QMouseEvent) -> QRectF:
        delta = self.view.mapToScene(event.position().toPoint()) - self.press_scene_pos
        r = QRectF(self.original)
        left, top, right, bottom = self.edges
        if left:
            r.setLeft(r.left() + delta.x())
        if right:
            r.setRight(r.right() + delta.x())
        if top:
            r.setTop(r.top() + delta.y())
        if bottom:
            r.setBottom(r.bottom() + delta.y())
        return r.normalized().intersected(MAP_RECT)

    def move(self, event: QMouseEvent) -> None:
        if self._past_threshold(event) and shiboken6.isValid(self.item):
            self.item.set_box_rect(self._rect(event))

    def release(self, event: QMouseEvent) -> None:
        self.move(event)
        if not self.dragged:
            return
        rect = self._rect(event)
        left, top = to_map(rect.topLeft())
        right, bottom = to_map(rect.bottomRight())
        command = map_tools.resize_attitude(self.view.document, self.item.index, left, top, right, bottom)
        if command is not None and left != right and top != bottom:
            self.view.undo_stack.push(command)
        elif shiboken6.isValid(self.item):
            self.item.set_box_rect(self.original)

    def cancel(self) -> None:
        if shiboken6.isValid(self.item):
            self.item.set_box_rect(self.original)
