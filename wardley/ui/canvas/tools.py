"""Drawing tools on the canvas: numbered annotations, accelerators and deaccelerators,
and the pioneers / settlers / town planners boxes.

A tool is armed from the Insert menu (or its shortcut); the next press on the map
is the tool's, not a selection's. One placement (or Escape) puts the normal select
tool back. Each placement is one undo step; a placement that asks for text adds
nothing until Enter (Escape, or an empty box, adds nothing at all)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, cast, get_args

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from wardley.model import Accelerator, Annotation, Point
from wardley.model.entities import AttitudeKind
from wardley.render.geometry import clamp_to_map, to_map
from wardley.render.items.forces import AcceleratorItem
from wardley.render.items.notes import AnnotationItem
from wardley.ui import map_tools
from wardley.ui.canvas.interactions import Z_TOOL, Interaction
from wardley.ui.canvas.name_editor import NameEditor

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView

Tool = Literal["annotation", "accelerator", "deaccelerator", "pioneers", "settlers", "townplanners"]
TOOLS: tuple[Tool, ...] = get_args(Tool)
BOXES: tuple[AttitudeKind, ...] = get_args(AttitudeKind)
#: What the status line says while a tool is armed.
PROMPTS: dict[Tool, str] = {
    "annotation": "Click where the annotation goes, then type its text (Escape: none)",
    "accelerator": "Click where the accelerator goes, then name it (Escape: none)",
    "deaccelerator": "Click where the deaccelerator goes, then name it (Escape: none)",
    "pioneers": "Drag out the pioneers box (Escape: none)",
    "settlers": "Drag out the settlers box (Escape: none)",
    "townplanners": "Drag out the town planners box (Escape: none)",
}
GHOST_OPACITY = 0.6
BOX_DONE = "Box added: drag its title to move it, an edge or corner to resize, Delete to remove"


def stack_text(view: MapView) -> str:
    """What the last edit was, as the Undo menu names it ("Add annotation 2")."""
    return view.undo_stack.undoText() or "Done"


class ToolMode:
    """Which drawing tool, if any, the next press on the map belongs to."""

    def __init__(self, view: MapView) -> None:
        self._view = view
        self.armed: Tool | None = None
        #: The text box of a placement waiting for its text, and the faint mark it names.
        self.editor: NameEditor | None = None
        self._ghost: QGraphicsItem | None = None

    def arm(self, tool: Tool) -> None:
        view = self._view
        if tool == "accelerator" and self.armed == "accelerator":
            # The accelerator's key pressed again: its opposite (one key for both, as the
            # digits run out and Shift+digit is a different key on every layout).
            tool = "deaccelerator"
        self.finish_typing()
        view.cancel_interaction()
        self.armed = tool
        view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        view.status_message.emit(PROMPTS[tool])
        view.setFocus()

    def disarm(self) -> bool:
        """Back to the select tool; False when no tool was armed."""
        if self.armed is None:
            return False
        self.armed = None
        self._view.viewport().unsetCursor()
        return True

    def interaction(self, event: QMouseEvent) -> Interaction | None:
        """The armed tool's gesture for this press (None: no tool is armed)."""
        if self.armed is None:
            return None
        if self._view.presenting:  # a room is watching: nothing is drawn on the map
            self.disarm()
            return None
        if self.armed in BOXES:
            return DrawBoxInteraction(self._view, event, cast(AttitudeKind, self.armed))
        return PlaceInteraction(self._view, event, self.armed)

    def place(self, tool: Tool, point: QPointF) -> None:
        """Put ``tool``'s thing at ``point`` (scene): a box over its stages at once, an
        annotation or accelerator once its text is typed."""
        view = self._view
        self.disarm()
        self.finish_typing()
        document, stack, ctx = view.document, view.undo_stack, view.map_scene.ctx
        if tool in BOXES:
            stack.push(map_tools.add_attitude(document, cast(AttitudeKind, tool)))
            view.status_message.emit(BOX_DONE)
            return
        evolution, visibility = to_map(point)
        if tool == "annotation":
            number = map_tools.next_annotation_number(document)
            ghost: QGraphicsItem = AnnotationItem(
                Annotation(number=number, positions=[Point(evolution=evolution, visibility=visibility)]), ctx
            )
            self.ask_text(
                ghost, point, f"Text of annotation {number}, then Enter",
                lambda text: stack.push(map_tools.add_annotation(document, text, evolution, visibility)),
                "annotation",
            )
            return
        negative = tool == "deaccelerator"
        ghost = AcceleratorItem(
            Accelerator(id="new-accelerator", name="…", evolution=evolution, visibility=visibility, negative=negative),
            ctx,
        )
        self.ask_text(
            ghost, point + QPointF(20, 0), f"Name the {tool}, then Enter",
            lambda name: stack.push(map_tools.add_accelerator(document, name, evolution, visibility, negative)),
            tool,
        )

    def place_at_pointer(self) -> bool:
        """Enter with a tool armed: place it without the mouse (at the pointer, or mid-view);
        a box goes over the stages its kind of team works in. False: no tool armed."""
        if self.armed is None:
            return False
        self.place(self.armed, self._view.pointer_or_centre())
        return True

    def finish_typing(self) -> None:
        """Confirm what is being typed (another edit is starting)."""
        if self.editor is not None:
            self.editor.commit()

    # -- asking for the text of a placed annotation or accelerator -------------
    def ask_text(
        self, ghost: QGraphicsItem, at: QPointF, placeholder: str, on_text: Callable[[str], None], what: str
    ) -> None:
        view = self._view
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        ghost.setOpacity(GHOST_OPACITY)
        view.map_scene.addItem(ghost)
        self._ghost = ghost

        def done(text: str | None) -> None:
            self.editor = None
            self._drop_ghost()
            view.setFocus()
            if text is None:
                view.status_message.emit(f"No {what} added")
            elif not text.strip():
                view.status_message.emit(f"No {what} added: it needs text")
            else:
                on_text(text.strip())
                view.status_message.emit(f"{stack_text(view)}: drag it to move, double-click to edit, Delete to remove")

        self.editor = self.open_editor(at, "", placeholder, done)

    def open_editor(self, at: QPointF, text: str, placeholder: str, done: Callable[[str | None], None]) -> NameEditor:
        """A one-line box just right of ``at`` (scene): ``done(text)`` on Enter, ``done(None)`` on Escape."""
        view = self._view
        spot = view.mapFromScene(at)
        font = QFont(view.map_scene.ctx.label_font)
        font.setPixelSize(round(min(max(view.map_scene.theme.font_size * view.zoom_level(), 14), 32)))
        where = QRect(spot + QPoint(16, -12), spot + QPoint(60, 12))
        return NameEditor(view.viewport(), text, where, lambda t: done(t), lambda: done(None), placeholder, font)

    def _drop_ghost(self) -> None:
        ghost, self._ghost = self._ghost, None
        if ghost is not None and shiboken6.isValid(ghost) and ghost.scene() is not None:
            ghost.scene().removeItem(ghost)


class PlaceInteraction(Interaction):
    """Annotation or (de)accelerator tool: where the button comes up is where it goes."""

    def __init__(self, view: MapView, event: QMouseEvent, tool: Tool) -> None:
        super().__init__(view, event)
        self.tool = tool

    def release(self, event: QMouseEvent) -> None:
        self.view.tools.place(self.tool, clamp_to_map(self.view.mapToScene(event.position().toPoint())))

    def cancel(self) -> None:
        self.view.tools.disarm()


def _outline(view: MapView, kind: AttitudeKind) -> QGraphicsRectItem:
    outline = QGraphicsRectItem()
    colour = QColor(getattr(view.map_scene.theme, kind))
    pen = QPen(colour, 2.0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    outline.setPen(pen)
    colour.setAlpha(40)
    outline.setBrush(colour)
    outline.setZValue(Z_TOOL)
    outline.setVisible(False)
    view.scene().addItem(outline)
    return outline


class DrawBoxInteraction(Interaction):
    """Attitude-box tool: press at one corner, release at the other."""

    def __init__(self, view: MapView, event: QMouseEvent, kind: AttitudeKind) -> None:
        super().__init__(view, event)
        self.kind = kind
        self.start = clamp_to_map(self.press_scene_pos)
        self.outline = _outline(view, kind)

    def _rect(self, event: QMouseEvent) -> QRectF:
        return QRectF(self.start, clamp_to_map(self.view.mapToScene(event.position().toPoint()))).normalized()

    def move(self, event: QMouseEvent) -> None:
        if self._past_threshold(event):
            self.outline.setRect(self._rect(event))
            self.outline.setVisible(True)

    def release(self, event: QMouseEvent) -> None:
        self.move(event)
        _take_off(self.outline)
        rect = self._rect(event)
        if not self.dragged or rect.width() < 1 or rect.height() < 1:
            prompt = PROMPTS[cast(Tool, self.kind)]
            self.view.status_message.emit(prompt.replace("Drag out", "Drag (not click) to draw"))
            return  # still armed: the next press may draw it
        self.view.tools.disarm()
        left, top = to_map(rect.topLeft())
        right, bottom = to_map(rect.bottomRight())
        self.view.undo_stack.push(map_tools.add_attitude_at(self.view.document, self.kind, left, top, right, bottom))
        self.view.status_message.emit(BOX_DONE)

    def cancel(self) -> None:
        _take_off(self.outline)
        self.view.tools.disarm()


def _take_off(item: QGraphicsItem) -> None:
    scene = item.scene()
    if scene is not None:
        scene.removeItem(item)
