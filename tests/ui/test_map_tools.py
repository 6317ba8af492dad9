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


def test_the_insert_menu_adds_each_tool_in_the_window(manager, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    window = manager.open_editor(EditorDocument(small_map()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Shared platform", True))
    actions = window.window_actions
    for action in (actions.add_annotation, actions.add_accelerator, actions.add_deaccelerator,
                   actions.add_pioneers, actions.add_settlers, actions.add_townplanners):
        action.trigger()
    m = window.editor.document.map
    assert [a.text for a in m.annotations] == ["Shared platform"]
    assert [(a.name, a.negative) for a in m.accelerators] == [("Shared platform", False), ("Shared platform", True)]
    assert [b.kind for b in m.attitudes] == ["pioneers", "settlers", "townplanners"]
    assert window.editor.undo_stack.count() == 6
    window.editor.undo_stack.setClean()
