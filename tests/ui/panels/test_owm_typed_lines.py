"""Lines typed in the OWM text dock keep their text when the map changes elsewhere: only the
lines of what changed are rewritten (issue 13, point 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from tests.ui.shell_support import manager, shell_env  # noqa: F401 - fixtures

from wardley.io.owm import parse_owm
from wardley.model import WardleyMap
from wardley.ui.editor_document import EditorDocument
from wardley.ui.panels.owm_rewrite import rewritten

#: As a facilitator types it: spacing of their own, a component with no position, no ids.
TYPED = [
    "title Pothole reporting",
    "anchor Resident [0.95, 0.62]",
    "component Report a pothole [0.8,0.5]",
    "component   Council website [0.62, 0.7]",
    "component Hosting",
    "Resident->Report a pothole",
    "Report a pothole->Council website",
    "Council website->Hosting",
    "",
]


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001, ANN201
    window = manager.open_editor(EditorDocument(WardleyMap()))
    window.owm_text.toggle.trigger()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor = window.owm_text.panel.editor
    editor.selectAll()
    editor.setFocus()
    qtbot.keyClicks(editor, TYPED[0])
    for line in TYPED[1:]:
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter finishes the line above: applied
        qtbot.keyClicks(editor, line)
    assert not window.owm_text.panel.pending
    assert lines(window) == TYPED
    return window


def lines(window) -> list[str]:  # noqa: ANN001
    return window.owm_text.panel.editor.toPlainText().split("\n")


def shown_after(qtbot, window, expected: list[str]) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: lines(window) == expected, timeout=2000)


def put_cursor(window, line: int, column: int) -> None:  # noqa: ANN001
    editor = window.owm_text.panel.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position() + column)
    editor.setTextCursor(cursor)


def cursor_at(window) -> tuple[int, int]:  # noqa: ANN001
    cursor = window.owm_text.panel.editor.textCursor()
    return cursor.blockNumber(), cursor.positionInBlock()


def test_dragging_another_element_leaves_a_line_with_no_position_as_typed(window, qtbot) -> None:  # noqa: ANN001
    document = window.editor.document
    hosting = document.element("hosting")
    steps = window.editor.undo_stack.count()
    put_cursor(window, 6, 9)  # in "Report a pothole->Council website"
    window.view.editor.move({"council-website": (0.75, 0.6)})
    expected = list(TYPED)
    expected[3] = "component Council website [0.60, 0.75]"
    shown_after(qtbot, window, expected)
    assert lines(window)[4] == "component Hosting", "not moved: still no position, as typed"
    assert document.element("hosting") == hosting, "its place in the map stays as it was"
    assert cursor_at(window) == (6, 9)
    assert window.editor.undo_stack.count() == steps + 1, "the drag; showing it in the text adds no step"


def test_dragging_the_element_of_a_line_gives_that_line_its_position_in_place(window, qtbot) -> None:  # noqa: ANN001
    put_cursor(window, 4, 12)  # in "component Hosting"
    window.view.editor.move({"hosting": (0.92, 0.3)})
    expected = list(TYPED)
    expected[4] = "component Hosting [0.30, 0.92]"
    shown_after(qtbot, window, expected)
    assert cursor_at(window) == (4, 12), "the cursor stays on its line, at its column"


def test_renaming_in_properties_rewrites_its_line_and_its_links_only(window, qtbot) -> None:  # noqa: ANN001
    window.view.select_elements(["council-website"])
    name = window.properties.name
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Main website")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.editor.document.element("council-website").name == "Main website"
    expected = list(TYPED)
    expected[3] = "component Main website [0.62, 0.70]"  # no id comment: the ids are matched anyway
    expected[6] = "Report a pothole->Main website"
    expected[7] = "Main website->Hosting"
    shown_after(qtbot, window, expected)


def test_an_entry_on_the_capture_line_adds_its_lines_after_their_kind(window, qtbot) -> None:  # noqa: ANN001
    box = window.quick_add_box
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "Council website -> Document store product")
    box.popup.hide()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    store = next(e for e in window.editor.document.map.elements if e.name == "Document store")
    position = f"[{store.visibility:.2f}, {store.evolution:.2f}]"
    expected = TYPED[:5] + [f"component Document store {position}"] + TYPED[5:8] + ["Council website->Document store", ""]
    shown_after(qtbot, window, expected)


def test_deleting_an_element_removes_its_line_and_its_links_lines(window, qtbot) -> None:  # noqa: ANN001
    put_cursor(window, 7, 3)  # in "Council website->Hosting", which goes
    window.view.select_elements(["report-a-pothole"])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.editor.document.has_element("report-a-pothole")
    expected = [TYPED[0], TYPED[1], TYPED[3], TYPED[4], TYPED[7], ""]
    shown_after(qtbot, window, expected)
    assert cursor_at(window) == (4, 3), "the cursor moved up with its line"


def test_undo_and_redo_of_a_drag_show_the_typed_text_and_the_rewritten_one(window, qtbot) -> None:  # noqa: ANN001
    window.view.editor.move({"hosting": (0.92, 0.3)})
    moved = list(TYPED)
    moved[4] = "component Hosting [0.30, 0.92]"
    shown_after(qtbot, window, moved)
    window.window_actions.undo.trigger()
    shown_after(qtbot, window, TYPED)
    window.window_actions.redo.trigger()
    shown_after(qtbot, window, moved)
    # Two steps back (the drag, then the last typed line) and forward again: each text as it was.
    window.window_actions.undo.trigger()
    window.window_actions.undo.trigger()
    shown_after(qtbot, window, [*TYPED[:7], ""])
    assert not window.editor.document.has_link("council-website", "hosting")
    window.window_actions.redo.trigger()
    shown_after(qtbot, window, TYPED)
    window.window_actions.redo.trigger()
    shown_after(qtbot, window, moved)


def test_the_first_line_in_view_stays_when_lines_are_added_above_it(manager, qtbot) -> None:  # noqa: ANN001
    text = "".join(f"component C{i} [0.50, 0.{10 + i}]\n" for i in range(200)) + "C1->C2\n"
    window = manager.open_editor(EditorDocument(parse_owm(text).map))
    window.owm_text.toggle.trigger()
    qtbot.waitExposed(window)
    editor = window.owm_text.panel.editor
    editor.verticalScrollBar().setValue(60)
    put_cursor(window, 70, 5)
    assert editor.verticalScrollBar().value() == 60
    window.view.editor.add_element("component", 0.4, 0.4, "New one")  # its line goes after C199's
    qtbot.waitUntil(lambda: "component New one [0.40, 0.40]" in editor.toPlainText(), timeout=2000)
    assert editor.verticalScrollBar().value() == 60 and cursor_at(window) == (70, 5)
    window.view.editor.move({"c3": (0.2, 0.5)})  # a line above the view changes
    qtbot.waitUntil(lambda: "component C3 [0.50, 0.20]" in editor.toPlainText(), timeout=2000)
    assert editor.verticalScrollBar().value() == 60 and cursor_at(window) == (70, 5)


def test_a_rewrite_that_would_not_read_back_as_the_map_is_not_used() -> None:
    shown = parse_owm("component A [0.5, 0.5]\n").map
    moved = parse_owm("component A [0.5, 0.6]\n").map
    assert rewritten("component A [0.5, 0.5]\n", shown, moved) is not None
    # Text that does not read as the map it was shown with: B would come back.
    assert rewritten("component A [0.5, 0.5]\ncomponent B [0.4, 0.4]\n", shown, moved) is None


def test_text_the_map_refused_is_written_afresh(window, qtbot) -> None:  # noqa: ANN001
    from wardley.io.owm import format_owm

    panel = window.owm_text.panel
    editor = panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "pipeline Hosting")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "{")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # not applied until the block is closed
    assert not panel.pending and "}" not in editor.toPlainText()
    window.view.editor.move({"hosting": (0.92, 0.3)})
    qtbot.waitUntil(lambda: editor.toPlainText() == format_owm(window.editor.document.map), timeout=2000)
