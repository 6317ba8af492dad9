"""The canvas's keyboard: one table of what each key does, kept out of the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from wardley.model import ElementKind
from wardley.render.geometry import to_map

if TYPE_CHECKING:
    from wardley.ui.canvas.view import MapView

NUDGE, BIG_NUDGE = 0.01, 0.05
#: Single keys that add an element at the pointer (C, N, U), as the facilitator talks.
ADD_KEYS: dict[int, ElementKind] = {Qt.Key.Key_C: "component", Qt.Key.Key_N: "need", Qt.Key.Key_U: "user"}
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, 1),
    Qt.Key.Key_Down: (0, -1),
}
#: With Ctrl: zoom in, in, out, to fit.
ZOOM_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0)
_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def handle_canvas_key(view: MapView, event: QKeyEvent) -> bool:
    """Do what ``event`` asks on ``view``; False when the key is not the canvas's."""
    key, mods = event.key(), event.modifiers()
    if view.presenting and key != Qt.Key.Key_Space and not (mods & _CTRL and key in ZOOM_KEYS):
        # A room is watching and selection marks are hidden: keys that would change the map
        # do nothing (a presenter's clicker sends arrow keys; the view scrolls with them).
        return False
    if key == Qt.Key.Key_Escape:
        # One Escape stops whatever is under way: a gesture, then an armed drawing tool.
        cancelled = view.cancel_interaction()
        if not view.tools.disarm() and not cancelled:
            view.map_scene.clearSelection()
    elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and view.tools.armed is not None:
        view.tools.place_at_pointer()
    elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
        view.set_space_held(True)
    elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        view.delete_selection()
    elif key == Qt.Key.Key_F2:
        ids = view.selected_element_ids()
        if ids:
            view.start_rename(ids[0])
    elif key in ARROWS and not mods & _CTRL and not view.selected_element_ids() and view.selected_extras():
        step = BIG_NUDGE if mods & _SHIFT else NUDGE
        dx, dy = ARROWS[key]  # type: ignore[index]
        view.editor.nudge_extras(view.selected_extras(), dx * step, dy * step)
    elif key in ARROWS and not mods & _CTRL and not view.selected_element_ids():
        return False  # nothing to move: the view scrolls a zoomed-in map
    elif key in ARROWS and not mods & _CTRL:
        step = BIG_NUDGE if mods & _SHIFT else NUDGE
        dx, dy = ARROWS[key]  # type: ignore[index]
        view.editor.nudge(view.selected_element_ids(), dx * step, dy * step)
    elif key in ADD_KEYS and not mods & (_CTRL | _ALT | _SHIFT):
        if view.key_history.mid_word(event):
            view.status_message.emit(
                "Typing reached the map, not a text box: nothing added (Ctrl+E to type an entry; "
                "C, N, U add a component, need, user)"
            )
        else:
            evolution, visibility = to_map(view.pointer_or_centre())
            view.add_element_at(ADD_KEYS[key], evolution, visibility, key=event)  # type: ignore[index]
    elif event.matches(QKeySequence.StandardKey.SelectAll):
        view.select_all()
    elif event.matches(QKeySequence.StandardKey.Copy):
        view.copy_selection()
    elif event.matches(QKeySequence.StandardKey.Cut):
        view.copy_selection()
        view.delete_selection()
    elif event.matches(QKeySequence.StandardKey.Paste):
        view.paste()
    elif key == Qt.Key.Key_D and mods & _CTRL:
        view.duplicate_selection()
    elif mods & _CTRL and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
        view.zoom_in()
    elif mods & _CTRL and key == Qt.Key.Key_Minus:
        view.zoom_out()
    elif mods & _CTRL and key == Qt.Key.Key_0:
        view.zoom_to_fit()
    else:
        return False
    return True
