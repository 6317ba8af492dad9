"""Evolve arrow, pipeline and pipeline membership from the properties dock: undoable, and
the fields follow the model."""

from __future__ import annotations

import pytest
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401 - fixtures

from wardley.io import dump_json_map
from wardley.model import Evolve
from wardley.ui.editor_document import EditorDocument


@pytest.fixture
def window(manager):
    window = manager.open_editor(EditorDocument(small_map()))
    window.view.select_elements(["catalogue"])
    return window


def test_evolve_arrow_set_changed_named_and_removed(window) -> None:
    fields, document, stack = window.properties.evolution_fields, window.editor.document, window.editor.undo_stack
    before = dump_json_map(document.map)
    fields.evolving.setChecked(True)
    assert document.evolve_of("catalogue") == Evolve(element="catalogue", evolution=0.75)
    fields.evolve_to.setValue(0.9)
    fields.evolve_name.setText("Shared catalogue")
    fields.evolve_name.editingFinished.emit()
    assert document.evolve_of("catalogue") == Evolve(element="catalogue", evolution=0.9, name="Shared catalogue")
    fields.evolving.setChecked(False)
    assert document.evolve_of("catalogue") is None
    assert stack.count() == 4
    stack.undo()
    assert fields.evolving.isChecked() and fields.evolve_to.value() == pytest.approx(0.9)
    assert fields.evolve_name.text() == "Shared catalogue"
    while stack.canUndo():
        stack.undo()
    assert dump_json_map(document.map) == before
    assert not fields.evolving.isChecked() and not fields.evolve_to.isEnabled()


def test_pipeline_and_membership(window) -> None:
    fields, document, stack = window.properties.evolution_fields, window.editor.document, window.editor.undo_stack
    before = dump_json_map(document.map)
    fields.has_pipeline.setChecked(True)
    pipeline = document.pipeline_of("catalogue")
    assert pipeline is not None and (pipeline.start, pipeline.end) == (0.45, 0.75)
    fields.pipeline_end.setValue(0.95)
    assert document.pipeline_of("catalogue").end == 0.95

    window.view.select_elements(["lms"])
    assert [fields.member_of.itemText(i) for i in range(fields.member_of.count())] == ["(none)", "Catalogue"]
    fields.member_of.setCurrentIndex(1)
    fields.member_of.activated.emit(1)
    assert document.pipeline_of("catalogue").members == ["lms"]
    fields.member_of.setCurrentIndex(0)
    fields.member_of.activated.emit(0)
    assert document.pipeline_of("catalogue").members == []
    assert stack.count() == 4
    while stack.canUndo():
        stack.undo()
    assert dump_json_map(document.map) == before


def test_fields_are_off_without_a_single_selection(window) -> None:
    fields = window.properties.evolution_fields
    window.view.select_elements([])
    assert not fields.evolving.isEnabled() and not fields.member_of.isEnabled()
    window.view.select_elements(["catalogue", "lms"])
    assert not fields.has_pipeline.isEnabled()
