"""Naming on the canvas: the in-place editor for a rename, and for a new element,
which exists only as a faint placeholder until its name is confirmed (so
Escape leaves no element and no undo step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem

from wardley.model import Element, ElementKind
from wardley.model.kinds import kind_info
from wardley.render.items.element import EditableElementItem, ElementItem
from wardley.ui.canvas.name_editor import NameEditor
from wardley.ui.canvas.stray_typing import typed_straight_on

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView


class Naming:
    def __init__(self, view: MapView) -> None:
        self._view = view
        self.editor: NameEditor | None = None
        #: The placeholder symbol shown while a new element is being named.
        self.ghost: ElementItem | None = None

    def name_new(self, kind: ElementKind, evolution: float, visibility: float, key: QKeyEvent | None = None) -> None:
        """``key``: the single-letter key that asked for the element, if one did."""
        view = self._view
        self.close()
        ghost = EditableElementItem(
            Element(id="new-element", kind=kind, name="…", evolution=evolution, visibility=visibility),
            view.map_scene.ctx,
        )
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        ghost.setOpacity(0.6)
        view.map_scene.addItem(ghost)
        self.ghost = ghost
        noun = kind_info(kind).noun

        def commit(text: str) -> None:
            self._drop_ghost()
            if text.strip():
                view.add_element_at(kind, evolution, visibility, text.strip())
            else:
                view.status_message.emit(f"No {noun} added: it needs a name")

        def cancel() -> None:
            self._drop_ghost()
            view.status_message.emit(f"No {noun} added")

        opened_at, letter = (key.timestamp(), key.text()) if key is not None else (0, "")

        def first_key(editor: NameEditor, event: QKeyEvent) -> None:
            if typed_straight_on(opened_at, event):
                # A word typed on the map: its first letter opened this box. Show the whole
                # word, ask before it becomes anything, and drop it if the focus moves on.
                editor.insert(letter)
                editor.commit_on_focus_loss = False
                view.status_message.emit(
                    f"That looked like typing meant for a text box: Enter adds a {noun} with this name, Escape adds nothing"
                )

        self._open(ghost, "", commit, cancel, f"Name the new {noun}, then Enter (Escape: none)", first_key)

    def rename(self, element_id: str) -> None:
        view = self._view
        item = view.map_scene.elements.get(element_id)
        if item is None:
            return
        self.close()
        view.select_elements([element_id])
        self._open(item, item.element.name, lambda text: view.editor.rename(element_id, text), lambda: None, "Name")

    def close(self) -> None:
        """Confirm whatever is being typed (another edit is starting)."""
        if self.editor is not None:
            self.editor.commit()

    def _open(
        self,
        item: ElementItem,
        text: str,
        on_commit: Callable[[str], object],
        on_cancel: Callable[[], object],
        placeholder: str,
        on_first_key: Callable[[NameEditor, QKeyEvent], None] | None = None,
    ) -> None:
        view = self._view
        where = view.mapFromScene(item.mapRectToScene(item.label_rect())).boundingRect()

        def finished(callback: Callable[..., object]) -> Callable[..., None]:
            def run(*args: object) -> None:
                self.editor = None
                view.setFocus()
                callback(*args)

            return run

        # As big as the label it replaces, but never too small to read on a projector.
        font = QFont(view.map_scene.ctx.label_font)
        font.setPixelSize(round(min(max(view.map_scene.theme.font_size * view.zoom_level(), 14), 32)))
        self.editor = NameEditor(
            view.viewport(), text, where, finished(on_commit), finished(on_cancel), placeholder, font, on_first_key
        )

    def _drop_ghost(self) -> None:
        if self.ghost is not None:
            self._view.map_scene.removeItem(self.ghost)
            self.ghost = None
