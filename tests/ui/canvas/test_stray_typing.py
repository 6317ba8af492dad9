"""C, N and U on the map open a name box and add nothing until Enter; a word typed on the
map, or typing that began in another field, never becomes an element by itself.

Key presses carry timestamps (as real keyboards give them) so the gaps between keys are
the test's own numbers, not the machine's speed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.ui.canvas.canvas_support import Canvas, canvas  # noqa: F401 - fixture
from wardley.ui.canvas.stray_typing import TYPING_GAP_MS, WORD_GAP_MS


def press(widget: QWidget, char: str, at_ms: int) -> None:
    """One key, down and up, as the keyboard sends it at ``at_ms``."""
    if char == "\r":
        key, text = Qt.Key.Key_Return, "\r"
    elif char == "\x1b":
        key, text = Qt.Key.Key_Escape, "\x1b"
    else:
        key, text = (Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))), char
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(at_ms)
        QApplication.sendEvent(widget, event)


def type_on_map(c: Canvas, text: str, start_ms: int, gap_ms: int) -> None:
    """Each key goes to whatever has the focus now: the map, or a name box it opened."""
    for n, char in enumerate(text):
        press(c.view.name_editor() or c.view, char, start_ms + n * gap_ms)


def test_c_shows_the_name_box_and_adds_only_on_enter(canvas: Canvas) -> None:
    c = canvas
    press(c.view, "c", 10_000)
    editor = c.view.name_editor()
    assert editor is not None and editor.text() == ""
    assert len(c.document.map.elements) == 5 and c.stack.count() == 0  # nothing yet
    type_on_map(c, "Payments", 10_000 + 900, 120)  # a person reads the box, then types
    assert len(c.document.map.elements) == 5
    press(editor, "\r", 13_000)
    assert [e.name for e in c.document.map.elements][-1] == "Payments"
    assert c.stack.count() == 1


def test_a_word_typed_on_the_map_is_shown_whole_and_never_added_by_itself(canvas: Canvas) -> None:
    c = canvas
    type_on_map(c, "council", 20_000, WORD_GAP_MS // 2)  # the C opened a box; the rest ran on
    editor = c.view.name_editor()
    assert editor is not None and editor.text() == "council"  # not "ouncil"
    assert any("looked like typing" in m for m in c.messages)
    c.view.setFocus()  # the focus moves on: the stray word is dropped, not added
    assert c.view.name_editor() is None
    assert len(c.document.map.elements) == 5 and c.stack.count() == 0


def test_a_stray_word_can_still_be_kept_with_enter(canvas: Canvas) -> None:
    c = canvas
    type_on_map(c, "user", 30_000, WORD_GAP_MS // 2)
    editor = c.view.name_editor()
    assert editor is not None and editor.text() == "user"
    press(editor, "\r", 31_000)
    assert [(e.kind, e.name) for e in c.document.map.elements][-1] == ("user", "user")


def test_letters_inside_a_word_typed_on_the_map_add_nothing(canvas: Canvas) -> None:
    c = canvas
    type_on_map(c, "document", 40_000, 150)  # d, o: nothing; c, u, n: part of the word
    assert c.view.name_editor() is None
    assert len(c.document.map.elements) == 5 and c.stack.count() == 0
    assert any("Typing reached the map" in m for m in c.messages)
    press(c.view, "n", 40_000 + 8 * 150 + TYPING_GAP_MS + 100)  # after a pause: a command again
    assert c.view.name_editor() is not None


def test_typing_that_began_in_another_field_is_not_a_command(canvas: Canvas) -> None:
    c = canvas
    field = QLineEdit()
    field.show()
    press(field, "m", 50_000)
    press(field, "a", 50_100)
    c.view.setFocus()  # the focus moved to the map mid-word
    press(c.view, "n", 50_200)
    assert c.view.name_editor() is None and c.stack.count() == 0
    assert field.text() == "ma"


def test_c_right_after_confirming_a_name_is_a_command(canvas: Canvas) -> None:
    c = canvas
    press(c.view, "c", 60_000)
    editor = c.view.name_editor()
    assert editor is not None
    type_on_map(c, "Hosting 2", 60_800, 100)
    press(editor, "\r", 61_800)
    press(c.view, "c", 61_900)  # Enter ended the typing: the next C is meant
    assert c.view.name_editor() is not None
