"""The properties dock: shows the selection, every edit is one undo step, follows the model."""

from __future__ import annotations

import pytest
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401 - fixtures

from wardley.io import dump_json_map
from wardley.ui.commands import SetElementsCommand
from wardley.ui.editor_document import EditorDocument


@pytest.fixture
def window(manager):
    window = manager.open_editor(EditorDocument(small_map()))
    window.view.select_elements(["catalogue"])
    return window


def test_shows_the_selected_element_with_its_stage(window) -> None:
    panel = window.properties
    assert panel.name.text() == "Catalogue"
    assert panel.kind.currentData() == "component"
    assert panel.evolution.value() == pytest.approx(0.6)
    assert panel.stage.text() == "Product (+rental)"
    assert panel.visibility.value() == pytest.approx(0.5)
    window.view.select_elements([])
    assert not panel.name.isEnabled() and not panel.empty_label.isHidden()


def test_each_edit_is_undoable_and_undo_restores_identical_json(window, qtbot) -> None:
    panel, editor = window.properties, window.editor
    before = dump_json_map(editor.document.map)
    panel.name.setText("Online catalogue")
    panel.name.editingFinished.emit()
    panel.evolution.setValue(0.8)
    panel.visibility.setValue(0.45)
    panel.method.setCurrentIndex(2)
    panel.method.activated.emit(2)
    panel.inertia.setChecked(True)
    panel.confidence.activated.emit(1)
    panel.description.setPlainText("Bought from a supplier; <b>not</b> HTML")
    panel.description.editing_finished.emit()
    element = editor.document.element("catalogue")
    assert (element.name, element.evolution, element.visibility, element.method, element.inertia, element.confidence) == (
        "Online catalogue", 0.8, 0.45, "buy", True, "low")
    assert element.description == "Bought from a supplier; <b>not</b> HTML"
    assert panel.stage.text() == "Commodity (+utility)"
    assert editor.undo_stack.count() == 7
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert dump_json_map(editor.document.map) == before
    # The fields followed the undo.
    assert panel.name.text() == "Catalogue" and panel.evolution.value() == pytest.approx(0.6)
    assert not panel.inertia.isChecked() and panel.description.toPlainText() == ""


def test_spin_steps_on_one_field_merge_into_one_undo_step(window) -> None:
    panel, stack = window.properties, window.editor.undo_stack
    panel.evolution.stepUp()
    panel.evolution.stepUp()
    assert stack.count() == 1
    assert window.editor.document.element("catalogue").evolution == pytest.approx(0.62)


def test_follows_changes_made_elsewhere(window) -> None:
    editor = window.editor
    editor.undo_stack.push(SetElementsCommand(editor.document, {"catalogue": {"evolution": 0.1, "name": "Cards"}}))
    assert window.properties.name.text() == "Cards"
    assert window.properties.stage.text() == "Genesis"


def test_an_empty_name_is_refused_and_the_old_one_shown(window) -> None:
    panel = window.properties
    panel.name.setText("   ")
    panel.name.editingFinished.emit()
    assert window.editor.document.element("catalogue").name == "Catalogue"
    assert panel.name.text() == "Catalogue" and window.editor.undo_stack.count() == 0


def test_an_edit_applies_to_every_selected_element(window) -> None:
    window.view.select_elements(["catalogue", "lms"])
    panel = window.properties
    assert not panel.name.isEnabled()
    panel.method.activated.emit(1)
    assert {window.editor.document.element(i).method for i in ("catalogue", "lms")} == {"build"}
    assert window.editor.undo_stack.count() == 1

