"""MapView: the editing canvas. Shows a MapScene, turns pointer and key input
into undo commands (through CanvasEditor), and offers the public editing API
the main window's menus call."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsItem, QGraphicsView, QWidget

from wardley.model import ElementKind, MapDocument
from wardley.render.export import map_bounds
from wardley.render.geometry import MAP_RECT, clamp_to_map, to_map
from wardley.render.items.element import ElementItem
from wardley.render.items.evolve_pipeline import EvolveItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.link import LinkItem
from wardley.render.items.notes import AnnotationItem, NoteItem
from wardley.render.scene import MapScene
from wardley.render.themes import DEFAULT, Theme
from wardley.ui.canvas.backdrop import Backdrop
from wardley.ui.canvas.context_menu import build_context_menu, edit_note_text
from wardley.ui.canvas.clipboard import fragment_on_clipboard, put_on_clipboard
from wardley.ui.canvas.editing import CanvasEditor
from wardley.ui.canvas.fragments import PASTE_OFFSET, fragment_of
from wardley.ui.canvas.interactions import (
    MOVABLE_EXTRAS,
    EvolveInteraction,
    Interaction,
    LinkInteraction,
    MoveInteraction,
    PanInteraction,
    RubberBandInteraction,
)
from wardley.ui.canvas.keys import handle_canvas_key
from wardley.ui.canvas.name_editor import NameEditor
from wardley.ui.canvas.naming import Naming
from wardley.ui.canvas.stray_typing import KeyHistory
from wardley.ui.canvas.box_resize import ResizeBoxInteraction, box_edges_at, resize_cursor
from wardley.ui.canvas.tools import Tool, ToolMode
from wardley.ui.map_tools import rename_accelerator, set_annotation_text
from wardley.wording import counted

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 40.0
DUPLICATE_OFFSET = (0.03, -0.03)
_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


class MapView(QGraphicsView):
    status_message = Signal(str)
    #: Plain text pasted on the map (not copied elements): capture-line entries.
    text_pasted = Signal(str)
    selection_changed = Signal()

    def __init__(self, document: MapDocument, undo_stack: QUndoStack, parent: QWidget | None = None, theme: Theme = DEFAULT) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.map_scene = MapScene(document, theme, self)
        self.setScene(self.map_scene)
        self.editor = CanvasEditor(document, undo_stack, self.status_message.emit)
        self._interaction: Interaction | None = None
        #: A drag on a big map paints its moving items over a still picture of the rest.
        self.backdrop = Backdrop(self)
        #: Presentation mode: the keys that edit the map are off (see canvas/keys.py).
        self.presenting = False
        self.naming = Naming(self)
        #: The drawing tool (annotation, accelerator, attitude box) the next press belongs to.
        self.tools = ToolMode(self)
        # On the application: typing that began in another widget counts too. Qt drops
        # the filter when the view goes.
        self.key_history = KeyHistory(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.key_history)
        self._space_held = False
        self._fit_mode = True
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # One rectangle per repaint: a multi-rect clip region makes every pixmap blit take the
        # slow path (a drag step on a big map was twice as slow with SmartViewportUpdate).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setToolTip("")
        self.map_scene.selectionChanged.connect(self.selection_changed)
        self.map_scene.about_to_rebuild.connect(self.cancel_interaction)
        self.destroyed.connect(self.map_scene.detach)

    # -- selection -------------------------------------------------------
    def selected_element_ids(self) -> list[str]:
        chosen = {i.element_id for i in self.map_scene.selectedItems() if isinstance(i, ElementItem)}
        return [e.id for e in self.document.map.elements if e.id in chosen]

    def selected_link_keys(self) -> list[tuple[str, str]]:
        return [i.key for i in self.map_scene.selectedItems() if isinstance(i, LinkItem)]

    def selected_note_ids(self) -> list[str]:
        return [i.note_id for i in self.map_scene.selectedItems() if isinstance(i, NoteItem)]

    def selected_extras(self) -> dict[str, set[int]]:
        """Selected annotations, accelerators and attitude boxes: their places in each list."""
        chosen: dict[str, set[int]] = {}
        for item in self.map_scene.selectedItems():
            if isinstance(item, (AnnotationItem, AcceleratorItem, AttitudeItem)):
                chosen.setdefault(item.collection, set()).add(item.index)
        return chosen

    def select_extra(self, collection: str, index: int) -> None:
        """Select one annotation, accelerator or attitude box (by its place in its list)."""
        self.map_scene.clearSelection()
        for item in self.map_scene.collection_items(collection):
            if item.index == index:
                item.setSelected(True)

    def arm_tool(self, tool: Tool) -> None:
        """The next press on the map places an annotation or accelerator, or draws a box."""
        self.tools.arm(tool)

    def select_elements(self, ids: list[str]) -> None:
        scene = self.map_scene
        scene.clearSelection()
        for element_id in ids:
            item = scene.elements.get(element_id)
            if item is not None:
                item.setSelected(True)

    def select_all(self) -> None:
        for item in self.map_scene.elements.values():
            item.setSelected(True)

    def highlight(self, element_ids: list[str]) -> None:
        self.map_scene.highlight(element_ids)

    def set_theme(self, theme: Theme) -> None:
        self.map_scene.set_theme(theme)

    def element_at(self, view_pos: QPoint) -> ElementItem | None:
        for item in self.items(view_pos):
            if isinstance(item, ElementItem):
                return item
        return None

    def _selectable_at(self, view_pos: QPoint) -> QGraphicsItem | None:
        for item in self.items(view_pos):
            if item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
                return item
        return None

    # -- zoom --------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP, anchored=False)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP, anchored=False)

    def zoom_to_fit(self) -> None:
        self._fit_mode = True
        # The frame plus any label that pokes out of it, as export frames the picture.
        self.fitInView(map_bounds(self.map_scene), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_level(self) -> float:
        return self.transform().m11()

    def _zoom_by(self, factor: float, anchored: bool = True) -> None:
        current = self.transform().m11()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        self._fit_mode = False
        anchor = self.transformationAnchor()
        if not anchored:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(anchor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_mode:
            self.zoom_to_fit()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self._fit_mode:
            self.zoom_to_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        # A mouse wheel (or Ctrl + touchpad scroll) zooms; plain touchpad scrolling pans.
        if event.modifiers() & _CTRL or event.pixelDelta().isNull():
            steps = event.angleDelta().y() / 120.0
            if steps:
                self._zoom_by(ZOOM_STEP**steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        if self.backdrop.active:
            if self.backdrop.still_valid():
                self.backdrop.paint(painter)
                return
            # Zoomed or scrolled mid-drag: the picture no longer fits. Show the items again
            # (not while painting) and paint as usual meanwhile.
            QTimer.singleShot(0, self.backdrop.thaw)
        super().drawBackground(painter, rect)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._zoom_by(1.0 + gesture.value())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self._zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # -- pointer -----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            return
        self._interaction = self._choose_interaction(event)
        event.accept()

    def _choose_interaction(self, event: QMouseEvent) -> Interaction | None:
        button, mods = event.button(), event.modifiers()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space_held):
            return PanInteraction(self, event)
        if button != Qt.MouseButton.LeftButton:
            return None
        tool = self.tools.interaction(event)
        if tool is not None:
            return tool
        pos = event.position().toPoint()
        item = self._selectable_at(pos)
        if isinstance(item, AttitudeItem) and not mods & (_CTRL | _SHIFT | _ALT):
            edges = box_edges_at(item, self.mapToScene(pos))
            if edges is not None:
                self.map_scene.clearSelection()
                item.setSelected(True)
                return ResizeBoxInteraction(self, event, item, edges)
        if item is None:
            return RubberBandInteraction(self, event, additive=bool(mods & (_CTRL | _SHIFT)))
        if isinstance(item, ElementItem):
            if item.link_handle_contains(item.mapFromScene(self.mapToScene(pos))):
                return LinkInteraction(self, event, item, toggle_on_click=False)
            if mods & _CTRL and mods & (_ALT | _SHIFT):
                return EvolveInteraction(self, event, item)
            if mods & (_ALT | _SHIFT):
                return LinkInteraction(self, event, item)
        if isinstance(item, EvolveItem) and not mods & (_CTRL | _SHIFT):
            # Dragging an evolve arrow's end moves where the element is heading.
            self.map_scene.clearSelection()
            item.setSelected(True)
            return EvolveInteraction(self, event, item.element_item)
        if mods & _CTRL:
            item.setSelected(not item.isSelected())
            return MoveInteraction(self, event, item, select_only_on_click=False)
        was_selected = item.isSelected()
        if not was_selected:
            self.map_scene.clearSelection()
            item.setSelected(True)
        return MoveInteraction(self, event, item, select_only_on_click=was_selected)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            self._interaction.move(event)
            event.accept()
        else:
            self._show_affordance(event.position().toPoint())
            super().mouseMoveEvent(event)

    def _show_affordance(self, pos: QPoint) -> None:
        """The pointer says what a press would do here: move, link (the + handle), select."""
        if self._space_held:
            return
        if self.tools.armed is not None:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            return
        item = self._selectable_at(pos)
        edges = box_edges_at(item, self.mapToScene(pos)) if isinstance(item, AttitudeItem) else None
        if isinstance(item, ElementItem) and item.link_handle_contains(item.mapFromScene(self.mapToScene(pos))):
            shape = Qt.CursorShape.CrossCursor
        elif edges is not None:
            shape = resize_cursor(edges)
        elif isinstance(item, (ElementItem, NoteItem, *MOVABLE_EXTRAS)):
            shape = Qt.CursorShape.SizeAllCursor
        elif isinstance(item, EvolveItem):
            shape = Qt.CursorShape.SizeHorCursor
        elif item is not None:
            shape = Qt.CursorShape.PointingHandCursor
        else:
            self.viewport().unsetCursor()
            return
        self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.release(event)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.tools.armed is not None or self.tools.editor is not None:
            # The second click of a quick double-click with a drawing tool: the first placed it.
            event.accept()
            return
        self._interaction = None
        pos = event.position().toPoint()
        item = self._selectable_at(pos)
        if isinstance(item, ElementItem):
            self.start_rename(item.element_id)
        elif isinstance(item, NoteItem):
            edit_note_text(self, item.note_id)
        elif isinstance(item, (AnnotationItem, AcceleratorItem)):
            self.edit_extra_text(item)
        elif item is None:
            evolution, visibility = to_map(self.mapToScene(pos))
            self.add_element_at("component", evolution, visibility)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self.cancel_interaction()
        build_context_menu(self, event.pos()).exec(event.globalPos())
        event.accept()

    def item_under(self, pos: QPoint) -> QGraphicsItem | None:
        """What a click at ``pos`` (viewport coordinates) would pick, if anything."""
        return self._selectable_at(pos)

    # -- keys ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if handle_canvas_key(self, event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.set_space_held(False)
        super().keyReleaseEvent(event)

    def set_space_held(self, held: bool) -> None:
        """While Space is held, a left-drag pans (as in drawing tools)."""
        self._space_held = held
        if held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    def cancel_interaction(self) -> bool:
        """Escape mid-gesture; False when no gesture was under way."""
        if self._interaction is None:
            return False
        self._interaction.cancel()
        self._interaction = None
        return True

    def pointer_or_centre(self) -> QPointF:
        local = self.viewport().mapFromGlobal(QCursor.pos())
        if self.viewport().rect().contains(local):
            return clamp_to_map(self.mapToScene(local))
        visible = self.mapToScene(self.viewport().rect()).boundingRect().intersected(MAP_RECT)
        return visible.center() if not visible.isEmpty() else MAP_RECT.center()

    # -- editing API -----------------------------------------------------------
    def add_element_at(
        self, kind: ElementKind, evolution: float, visibility: float, name: str | None = None, key: QKeyEvent | None = None
    ) -> str:
        """Add an element. With a name: added at once, its id returned. Without:
        the name editor opens and nothing is added (and "" returned) until the
        name is confirmed; Escape leaves no element and no undo step."""
        self.tools.disarm()  # another kind of placement: the drawing tool's turn is over
        if name is not None:
            element_id = self.editor.add_element(kind, evolution, visibility, name)
            self.select_elements([element_id])
            return element_id
        self.naming.name_new(kind, evolution, visibility, key)
        return ""

    def start_rename(self, element_id: str) -> None:
        self.naming.rename(element_id)

    def edit_extra_text(self, item: AnnotationItem | AcceleratorItem) -> None:
        """An annotation's text or an accelerator's name, in a box beside it: one undo step on Enter."""
        document, index = self.document, item.index
        self.select_extra(item.collection, index)

        def done(text: str | None) -> None:
            self.tools.editor = None
            self.setFocus()
            if text is None or not text.strip():
                return
            if isinstance(item, AnnotationItem):
                command = set_annotation_text(document, index, text.strip())
            else:
                command = rename_accelerator(document, index, text.strip())
            if command is not None:
                self.undo_stack.push(command)

        if isinstance(item, AnnotationItem):
            text, at = item.annotation.text, item.mapToScene(item.boundingRect().center())
        else:
            text, at = item.accelerator.name, item.mapToScene(item.label_rect().topLeft())
        self.tools.finish_typing()
        self.tools.editor = self.tools.open_editor(at, text, "Text, then Enter", done)

    def delete_selection(self) -> None:
        selected = self.map_scene.selectedItems()
        self.editor.delete(
            element_ids=self.selected_element_ids(),
            link_keys=self.selected_link_keys(),
            note_ids=self.selected_note_ids(),
            evolve_ids=[i.element_item.element_id for i in selected if isinstance(i, EvolveItem)],
            extras=self.selected_extras(),
        )

    def duplicate_selection(self) -> None:
        fragment = fragment_of(self.document, self.selected_element_ids())
        ids = self.editor.add_fragment(fragment, DUPLICATE_OFFSET, "Duplicate")
        if ids:
            self.select_elements(ids)

    def copy_selection(self) -> None:
        fragment = fragment_of(self.document, self.selected_element_ids())
        if not fragment.elements:
            self.status_message.emit("Nothing to copy: select elements first")
            return
        put_on_clipboard(fragment)
        self.status_message.emit(f"Copied {counted(len(fragment.elements), 'element')}")

    def paste(self) -> None:
        try:
            fragment = fragment_on_clipboard()
        except ValueError as error:
            text = QGuiApplication.clipboard().text()
            if text.strip():
                self.text_pasted.emit(text)
            else:
                self.status_message.emit(str(error))
            return
        ids = self.editor.add_fragment(fragment, PASTE_OFFSET, "Paste")
        if ids:
            self.select_elements(ids)
            self.status_message.emit(f"Pasted {counted(len(ids), 'element')}")

    def set_evolve_for_selection(self, evolution: float) -> None:
        ids = self.selected_element_ids()
        if not ids:
            self.status_message.emit("Select an element to give it a future position")
            return
        self.editor.set_evolve(ids, evolution)

    def name_editor(self) -> NameEditor | None:
        """The in-place name editor while one is open (tests and the shell look)."""
        return self.naming.editor
