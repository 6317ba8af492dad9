"""Insert-menu tools: annotations, accelerators and attitude boxes, each one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401

from wardley.io.owm import format_owm
from wardley.model import MapDocument
from wardley.ui.editor_document import EditorDocument
from wardley.ui.map_tools import add_accelerator, add_annotation, add_attitude


def test_annotations_are_numbered_and_undoable(qtbot) -> None:  # noqa: ANN001
    document, stack = MapDocument(small_map()), QUndoStack()
    stack.push(add_annotation(document, "Hosting is duplicated", 0.6, 0.4))
    stack.push(add_annotation(document, "Ask procurement", 0.3, 0.7))
    assert [(a.number, a.text) for a in document.map.annotations] == [(1, "Hosting is duplicated"), (2, "Ask procurement")]
    assert stack.undoText() == "Add annotation 2"
    stack.undo()
    assert [a.number for a in document.map.annotations] == [1]
    assert "annotation 1 [0.40, 0.60] Hosting is duplicated" in format_owm(document.map)


def test_accelerators_deaccelerators_and_attitude_boxes_are_undoable(qtbot) -> None:  # noqa: ANN001
    document, stack = MapDocument(small_map()), QUndoStack()
    stack.push(add_accelerator(document, "Open standards", 0.5, 0.5))
    stack.push(add_accelerator(document, "Legacy contracts", 0.7, 0.3, negative=True))
    stack.push(add_attitude(document, "pioneers"))
    stack.push(add_attitude(document, "townplanners"))
    m = document.map
    assert [(a.name, a.negative) for a in m.accelerators] == [("Open standards", False), ("Legacy contracts", True)]
    assert len({a.id for a in m.accelerators} | {e.id for e in m.elements}) == len(m.accelerators) + len(m.elements)
    assert [b.kind for b in m.attitudes] == ["pioneers", "townplanners"]
    assert m.attitudes[0].right <= 0.3 <= m.attitudes[1].left
    for _ in range(4):
        stack.undo()
    assert document.map == small_map()


def test_the_insert_menu_arms_each_drawing_tool_on_the_canvas(manager) -> None:  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    actions = window.window_actions
    for action, tool, key in ((actions.add_annotation, "annotation", "Ctrl+5"),
                              (actions.add_accelerator, "accelerator", "Ctrl+6"),
                              (actions.add_deaccelerator, "deaccelerator", ""),
                              (actions.add_pioneers, "pioneers", "Ctrl+7"),
                              (actions.add_settlers, "settlers", "Ctrl+8"),
                              (actions.add_townplanners, "townplanners", "Ctrl+9")):
        window.view.tools.disarm()
        action.trigger()
        assert window.view.tools.armed == tool
        assert action.shortcut().toString() == key
    # Arming adds nothing: the map changes only when the tool is used on it.
    assert window.editor.undo_stack.count() == 0
    window.view.tools.disarm()


def test_drawing_tool_shortcuts_clash_with_no_other_action(manager) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction

    window = manager.open_editor(EditorDocument(small_map()))
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is both {seen[text]!r} and {action.text()!r}"
            seen[text] = action.text()
    assert {"Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9"} <= set(seen)


def test_edit_delete_removes_a_selected_annotation_alone(manager) -> None:  # noqa: ANN001
    from wardley.model import Annotation, Point

    dressed = small_map().model_copy(update={
        "annotations": [Annotation(number=1, text="Shared hosting", positions=[Point(evolution=0.2, visibility=0.3)])]})
    window = manager.open_editor(EditorDocument(dressed))
    delete = window.window_actions.delete
    assert not delete.isEnabled()
    window.view.select_extra("annotations", 0)
    assert delete.isEnabled() and not window.window_actions.rename.isEnabled()
    delete.trigger()
    assert window.editor.document.map.annotations == []
    window.editor.undo_stack.undo()
    assert window.editor.document.map == dressed
    window.editor.undo_stack.setClean()
