"""The canvas's right-click menu, and note text editing (double-click a note).

What the menu offers depends on what is under the pointer: empty map (add here,
paste, select all), an element (rename, evolve, duplicate, delete), a note (edit,
delete) or a link (delete). Every entry goes through the view's editing API or a
command, so each is one undo step like the same edit made any other way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QGraphicsItem, QInputDialog, QMenu

from wardley.model import Note
from wardley.model.kinds import KINDS, ElementKind
from wardley.render.geometry import to_map
from wardley.render.items.element import ElementItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.link import LinkItem
from wardley.render.items.notes import AnnotationItem, NoteItem
from wardley.ui.commands import AddNoteCommand, SetNoteCommand

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView

#: How far right "Evolve" puts a new future position, in evolution.
EVOLVE_STEP = 0.15


def ask_note_text(view: MapView, title: str, text: str = "") -> str | None:
    """Plain text from a dialog; None when cancelled or left blank."""
    answer, ok = QInputDialog.getMultiLineText(view, title, "Note text:", text)
    answer = answer.strip()
    return answer if ok and answer else None


def edit_note_text(view: MapView, note_id: str) -> None:
    note = view.document.note(note_id)
    text = ask_note_text(view, "Edit note", note.text)
    if text is not None and text != note.text:
        view.undo_stack.push(SetNoteCommand(view.document, note_id, {"text": text}, "Edit note"))


def add_note_at(view: MapView, evolution: float, visibility: float) -> None:
    text = ask_note_text(view, "Add note")
    if text is None:
        return
    note = Note(id=view.document.new_id(text, "note"), text=text, evolution=evolution, visibility=visibility)
    view.undo_stack.push(AddNoteCommand(view.document, note))


def _adder(view: MapView, kind: ElementKind, evolution: float, visibility: float) -> Callable[[], str]:
    # One closure per kind: a lambda in the loop would see only the loop's last kind.
    return lambda: view.add_element_at(kind, evolution, visibility)


def _delete_only(view: MapView, item: QGraphicsItem) -> None:
    view.map_scene.clearSelection()
    item.setSelected(True)
    view.delete_selection()


def build_context_menu(view: MapView, pos: QPoint) -> QMenu:
    menu = QMenu(view)
    item = view.item_under(pos)
    if isinstance(item, ElementItem):
        if item.element_id not in view.selected_element_ids():
            view.select_elements([item.element_id])
        element = view.document.element(item.element_id)
        menu.addAction("Rename", lambda: view.start_rename(item.element_id))
        target = min(1.0, element.evolution + EVOLVE_STEP)
        menu.addAction("Evolve (dashed arrow to the right)", lambda: view.set_evolve_for_selection(target))
        menu.addAction("Duplicate", view.duplicate_selection)
        menu.addAction("Copy", view.copy_selection)
        menu.addSeparator()
        menu.addAction("Delete", view.delete_selection)
    elif isinstance(item, NoteItem):
        menu.addAction("Edit note...", lambda: edit_note_text(view, item.note_id))
        menu.addAction("Delete note", lambda: _delete_only(view, item))
    elif isinstance(item, LinkItem):
        menu.addAction("Delete link", lambda: _delete_only(view, item))
    elif isinstance(item, (AnnotationItem, AcceleratorItem)):
        what = "annotation" if isinstance(item, AnnotationItem) else "accelerator"
        menu.addAction("Edit text" if what == "annotation" else "Rename", lambda: view.edit_extra_text(item))
        menu.addAction(f"Delete {what}", lambda: _delete_only(view, item))
    elif isinstance(item, AttitudeItem):
        menu.addAction("Delete box", lambda: _delete_only(view, item))
    else:
        evolution, visibility = to_map(view.mapToScene(pos))
        for info in KINDS:
            menu.addAction(f"Add {info.noun} here", _adder(view, info.kind, evolution, visibility))
        menu.addAction("Add note here...", lambda: add_note_at(view, evolution, visibility))
        spot = view.mapToScene(pos)
        menu.addAction("Add annotation here...", lambda: view.tools.place("annotation", spot))
        menu.addAction("Add accelerator here...", lambda: view.tools.place("accelerator", spot))
        menu.addAction("Add deaccelerator here...", lambda: view.tools.place("deaccelerator", spot))
        menu.addSeparator()
        menu.addAction("Paste", view.paste)
        menu.addAction("Select all", view.select_all)
    return menu
