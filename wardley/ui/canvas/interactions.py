"""Pointer tools as objects. The view picks one on mouse press (from the button,
modifiers and what is under the pointer) and hands it the rest of the gesture;
there is no mode enum inside the mouse handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

from wardley.render.geometry import MAP_HEIGHT, MAP_WIDTH, clamp_to_map, to_map
from wardley.render.items.element import ElementItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.notes import AnnotationItem, AnnotationLegendItem, NoteItem

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView

Z_TOOL = 1000.0
#: Dragged like elements, though drawn from several points: moved by the drag's amount.
MOVABLE_EXTRAS = (AnnotationItem, AcceleratorItem, AttitudeItem, AnnotationLegendItem)


def _preview_line(view: MapView, colour: str) -> QGraphicsLineItem:
    """A dashed line shown while a gesture is under way, hidden until the drag starts."""
    line = QGraphicsLineItem()
    pen = QPen(QColor(colour), 2.0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    line.setPen(pen)
    line.setZValue(Z_TOOL)
    line.setVisible(False)
    view.scene().addItem(line)
    return line


def _take_off_scene(item: QGraphicsItem) -> None:
    """Remove a gesture's own drawing; safe to call twice (release after cancel)."""
    scene = item.scene()
    if scene is not None:
        scene.removeItem(item)


class Interaction:
    """One gesture from press to release. ``finished`` tells the view to drop it."""

    def __init__(self, view: MapView, event: QMouseEvent) -> None:
        self.view = view
        self.press_view_pos = event.position().toPoint()
        self.press_scene_pos = view.mapToScene(self.press_view_pos)
        self.dragged = False

    def _past_threshold(self, event: QMouseEvent) -> bool:
        if not self.dragged:
            distance = (event.position().toPoint() - self.press_view_pos).manhattanLength()
            self.dragged = distance >= QApplication.startDragDistance()
        return self.dragged

    def move(self, event: QMouseEvent) -> None:
        pass

    def release(self, event: QMouseEvent) -> None:
        pass

    def cancel(self) -> None:
        """Escape pressed mid-gesture: leave everything as before the press."""


class MoveInteraction(Interaction):
    """Drag the selection. Items move on screen only; one command on release."""

    def __init__(self, view: MapView, event: QMouseEvent, clicked: QGraphicsItem, select_only_on_click: bool) -> None:
        super().__init__(view, event)
        self.clicked = clicked
        self.select_only_on_click = select_only_on_click
        movable = [
            i for i in view.scene().selectedItems()
            if isinstance(i, (ElementItem, NoteItem, *MOVABLE_EXTRAS))
        ]
        self.start = {item: QPointF(item.pos()) for item in movable}

    def move(self, event: QMouseEvent) -> None:
        if not self.start or not self._past_threshold(event):
            return
        if not self.view.backdrop.active:
            moving = {item.element_id for item in self.start if isinstance(item, ElementItem)}
            self.view.backdrop.freeze({*self.start, *self.view.map_scene.items_drawn_from(moving)})
        delta = self.view.mapToScene(event.position().toPoint()) - self.press_scene_pos
        for item, origin in self.start.items():
            item.setPos(origin + delta)

    def release(self, event: QMouseEvent) -> None:
        self.move(event)  # the release point is where things land, even without a last move there
        self.view.backdrop.thaw()
        if not self.dragged:
            if self.select_only_on_click:
                self.view.scene().clearSelection()
                self.clicked.setSelected(True)
            return
        elements: dict[str, tuple[float, float]] = {}
        notes: dict[str, tuple[float, float]] = {}
        extras: dict[str, dict[int, tuple[float, float]]] = {}
        legend: tuple[float, float] | None = None
        for item, origin in self.start.items():
            if isinstance(item, ElementItem):
                elements[item.element_id] = to_map(item.pos())
            elif isinstance(item, NoteItem):
                notes[item.note_id] = to_map(item.pos())
            elif isinstance(item, AnnotationLegendItem):
                legend = to_map(item.origin + item.pos() - origin)
                item.setPos(origin)
            else:
                # These are drawn from several points (a box, an annotation's markers): moved by the drag's amount.
                delta = item.pos() - origin
                extras.setdefault(item.collection, {})[item.index] = (delta.x() / MAP_WIDTH, -delta.y() / MAP_HEIGHT)
                item.setPos(origin)  # the model's change draws it anew where it lands
        self.view.editor.move(elements, notes, extras, legend)
        # Whatever the model now says wins (also when the drag changed nothing in it).
        self.view.map_scene.sync_positions(elements, notes)

    def cancel(self) -> None:
        self.view.backdrop.thaw()
        for item, origin in self.start.items():
            item.setPos(origin)
        self.start = {}


class RubberBandInteraction(Interaction):
    """Drag on empty canvas: select what the band touches (added to the selection with Shift/Ctrl)."""

    def __init__(self, view: MapView, event: QMouseEvent, additive: bool) -> None:
        super().__init__(view, event)
        scene = view.scene()
        self.before = list(scene.selectedItems()) if additive else []
        if not additive:
            scene.clearSelection()
        self.band = QGraphicsRectItem()
        pen = QPen(QColor(view.map_scene.theme.selection), 1.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.band.setPen(pen)
        fill = QColor(view.map_scene.theme.selection)
        fill.setAlpha(30)
        self.band.setBrush(fill)
        self.band.setZValue(Z_TOOL)
        self.band.setVisible(False)
        scene.addItem(self.band)

    def move(self, event: QMouseEvent) -> None:
        if not self._past_threshold(event):
            return
        rect = QRectF(self.press_scene_pos, self.view.mapToScene(event.position().toPoint())).normalized()
        self.band.setRect(rect)
        self.band.setVisible(True)
        scene = self.view.scene()
        # A box joins only when the band holds all of it: a band over elements inside a box
        # crosses its edge, and dragging them must not take the box along.
        chosen = {
            i for i in scene.items(rect, Qt.ItemSelectionMode.IntersectsItemShape)
            if _selectable(i) and (not isinstance(i, AttitudeItem) or rect.contains(i.box_rect()))
        }
        chosen.update(self.before)
        for item in scene.selectedItems():
            if item not in chosen:
                item.setSelected(False)
        for item in chosen:
            item.setSelected(True)

    def release(self, event: QMouseEvent) -> None:
        _take_off_scene(self.band)

    def cancel(self) -> None:
        _take_off_scene(self.band)
        scene = self.view.scene()
        scene.clearSelection()
        for item in self.before:
            item.setSelected(True)


class PanInteraction(Interaction):
    """Middle-drag or Space-drag: move the view, not the map."""

    def __init__(self, view: MapView, event: QMouseEvent) -> None:
        super().__init__(view, event)
        self.last = event.position().toPoint()
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent) -> None:
        now = event.position().toPoint()
        delta: QPoint = now - self.last
        self.last = now
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())

    def release(self, event: QMouseEvent) -> None:
        self.view.viewport().unsetCursor()

    def cancel(self) -> None:
        self.view.viewport().unsetCursor()


class LinkInteraction(Interaction):
    """Alt- or Shift-drag from an element to another: ``source`` depends on the target.
    Without a drag it is a Shift/Alt-click, which toggles the element's selection."""

    def __init__(self, view: MapView, event: QMouseEvent, source: ElementItem, toggle_on_click: bool = True) -> None:
        super().__init__(view, event)
        self.source = source
        self.toggle_on_click = toggle_on_click
        self.line = _preview_line(view, view.map_scene.theme.selection)
        #: The element the drag would link to, ringed while the pointer is over it.
        self.target: ElementItem | None = None
        self._target_was_emphasised = False

    def move(self, event: QMouseEvent) -> None:
        if not self._past_threshold(event):
            return
        self.line.setLine(QLineF(self.source.pos(), self.view.mapToScene(event.position().toPoint())))
        self.line.setVisible(True)
        target = self.view.element_at(event.position().toPoint())
        problem = None
        if target is not None and target is not self.source:
            problem = self.view.editor.link_problem(self.source.element_id, target.element_id)
            self.view.status_message.emit(
                f"Cannot link: {problem}" if problem
                else f"Release to make {self.source.element.name} depend on {target.element.name}"
            )
        self._ring(target if target is not self.source and problem is None else None)

    def _ring(self, target: ElementItem | None) -> None:
        if target is self.target:
            return
        if self.target is not None:
            self.target.set_emphasised(self._target_was_emphasised)
        self.target = target
        if target is not None:
            self._target_was_emphasised = target.emphasised
            target.set_emphasised(True)

    def release(self, event: QMouseEvent) -> None:
        self._ring(None)
        _take_off_scene(self.line)
        if not self.dragged:
            if self.toggle_on_click:
                self.source.setSelected(not self.source.isSelected())
            return
        target = self.view.element_at(event.position().toPoint())
        if target is None:
            self.view.status_message.emit("Link not made: release the drag on another element")
            return
        self.view.editor.link(self.source.element_id, target.element_id)

    def cancel(self) -> None:
        self._ring(None)
        _take_off_scene(self.line)


class EvolveInteraction(Interaction):
    """Ctrl+Shift- or Ctrl+Alt-drag an element sideways: where it is heading (evolve arrow)."""

    def __init__(self, view: MapView, event: QMouseEvent, element: ElementItem) -> None:
        super().__init__(view, event)
        self.element = element
        self.line = _preview_line(view, view.map_scene.theme.evolve)

    def _future(self, event: QMouseEvent) -> QPointF:
        point = clamp_to_map(self.view.mapToScene(event.position().toPoint()))
        return QPointF(point.x(), self.element.pos().y())

    def move(self, event: QMouseEvent) -> None:
        if not self._past_threshold(event):
            return
        self.line.setLine(QLineF(self.element.pos(), self._future(event)))
        self.line.setVisible(True)

    def release(self, event: QMouseEvent) -> None:
        _take_off_scene(self.line)
        if not self.dragged:
            return
        evolution, _ = to_map(self._future(event))
        self.view.editor.set_evolve([self.element.element_id], evolution)

    def cancel(self) -> None:
        _take_off_scene(self.line)


def _selectable(item: QGraphicsItem) -> bool:
    return bool(item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
