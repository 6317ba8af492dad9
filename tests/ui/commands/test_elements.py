"""AddElementCommand, RemoveElementsCommand and SetElementsCommand: do, undo, redo, text, merging."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from tests.ui.commands.support import assert_map_is, full_map, round_trip
from wardley.model import EditError, Element, MapDocument
from wardley.ui.commands import NUDGE_ID, AddElementCommand, RemoveElementsCommand, SetElementsCommand


def test_add_element_appends_it_and_undo_takes_it_away() -> None:
    document = MapDocument(full_map())
    element = Element(id="app", kind="component", name="Report it app", evolution=0.3, visibility=0.7)
    stack, before, after = round_trip(document, AddElementCommand(document, element))
    assert after.elements == [*before.elements, element]
    assert after.model_copy(update={"elements": before.elements}) == before
    assert stack.undoText() == "Add Report it app"


def test_add_element_uses_the_callers_text() -> None:
    document = MapDocument(full_map())
    element = Element(id="app", kind="need", name="Report a missed bin", evolution=0.3, visibility=0.7)
    stack, _, _ = round_trip(document, AddElementCommand(document, element, "Add need Report a missed bin"))
    assert stack.undoText() == "Add need Report a missed bin"
    stack.undo()
    assert stack.redoText() == "Add need Report a missed bin"


def test_remove_one_element_takes_its_links_arrow_and_pipeline_membership() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, RemoveElementsCommand(document, ["tracking"]))
    assert stack.undoText() == "Delete Vehicle tracking"
    assert [e.id for e in after.elements] == [e.id for e in before.elements if e.id != "tracking"]
    assert all("tracking" not in (l.source, l.target) for l in after.links)
    assert len(after.links) == len(before.links) - 1
    assert [e.element for e in after.evolves] == ["rounds", "crm"]
    assert [(p.element, p.members) for p in after.pipelines] == [("fleet", []), ("hosting", [])]
    # Everything not tied to the element is left as it was.
    same = ("notes", "annotations", "accelerators", "attitudes", "snapshots", "title", "axis")
    assert all(getattr(after, name) == getattr(before, name) for name in same)


def test_remove_several_elements_in_one_step_puts_each_back_in_its_place() -> None:
    document = MapDocument(full_map())
    # The first, a middle one and the last, given out of order and with a repeat.
    command = RemoveElementsCommand(document, ["hosting", "resident", "crm", "hosting"])
    stack, _, after = round_trip(document, command)
    assert stack.undoText() == "Delete"
    assert [e.id for e in after.elements] == ["collect", "rounds", "fleet", "tracking"]
    assert [(l.source, l.target) for l in after.links] == [("collect", "rounds"), ("rounds", "fleet"), ("fleet", "tracking")]
    assert [p.element for p in after.pipelines] == ["fleet"]
    assert [e.element for e in after.evolves] == ["rounds", "tracking"]


def test_remove_a_pipeline_owner_and_undo_gives_the_pipeline_back() -> None:
    document = MapDocument(full_map())
    _, before, after = round_trip(document, RemoveElementsCommand(document, ["fleet"]))
    assert [p.element for p in after.pipelines] == ["hosting"]
    assert before.pipelines[0].members == ["tracking"]


def test_remove_elements_text_names_one_element_and_counts_none_for_several() -> None:
    document = MapDocument(full_map())
    assert RemoveElementsCommand(document, ["crm", "crm"]).text() == "Delete CRM"
    assert RemoveElementsCommand(document, ["crm", "fleet"]).text() == "Delete"
    assert RemoveElementsCommand(document, ["crm"], "Cut").text() == "Cut"


def test_remove_an_unknown_element_is_refused_before_anything_changes() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        RemoveElementsCommand(document, ["nowhere"])
    stack = QUndoStack()
    with pytest.raises(EditError):
        stack.push(RemoveElementsCommand(document, ["crm", "nowhere"], "Delete"))
    assert_map_is(document, full_map())


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"rounds": {"evolution": 0.45, "visibility": 0.65}}, "Move"),
        ({"crm": {"name": "Case management"}}, "Rename to Case management"),
        ({"rounds": {"method": "buy", "inertia": False}}, "Change"),
        ({"fleet": {"kind": "market"}}, "Change kind"),
        ({"crm": {"confidence": None, "description": "Two systems"}}, "Change"),
        ({"resident": {"evolution": 0.1}, "hosting": {"evolution": 0.95, "visibility": 0.05}}, "Move"),
    ],
)
def test_set_elements_changes_only_the_named_fields(changes: dict[str, dict[str, Any]], text: str) -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, SetElementsCommand(document, changes, text))
    assert stack.undoText() == text
    for element in after.elements:
        old = next(e for e in before.elements if e.id == element.id)
        assert element == old.model_copy(update=changes.get(element.id, {}))
    assert after.model_copy(update={"elements": before.elements}) == before


def test_set_elements_default_text_is_change() -> None:
    document = MapDocument(full_map())
    assert SetElementsCommand(document, {"crm": {"inertia": True}}).text() == "Change"


def test_set_elements_refuses_a_bad_value_without_changing_anything() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    with pytest.raises(ValueError):
        stack.push(SetElementsCommand(document, {"crm": {"evolution": 0.2}, "fleet": {"evolution": 7}}, "Move"))
    assert_map_is(document, full_map())


def _nudge(document: MapDocument, element_ids: list[str], step: float) -> SetElementsCommand:
    changes = {i: {"evolution": round(document.element(i).evolution + step, 4)} for i in element_ids}
    return SetElementsCommand(document, changes, "Nudge", merge_id=NUDGE_ID)


def test_consecutive_nudges_of_the_same_elements_are_one_undo_step() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    for _ in range(3):
        stack.push(_nudge(document, ["crm", "fleet"], 0.01))
    assert stack.count() == 1
    assert stack.undoText() == "Nudge"
    moved = document.map.model_copy(deep=True)
    assert (document.element("crm").evolution, document.element("fleet").evolution) == (0.73, 0.83)
    stack.undo()
    assert_map_is(document, full_map())
    stack.redo()
    assert_map_is(document, moved)
    stack.undo()
    assert_map_is(document, full_map())


def test_nudges_of_other_elements_or_after_another_edit_are_separate_steps() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(_nudge(document, ["crm"], 0.01))
    stack.push(_nudge(document, ["crm", "fleet"], 0.01))  # another selection
    stack.push(_nudge(document, ["fleet"], -0.01))  # another again
    stack.push(SetElementsCommand(document, {"fleet": {"name": "Vehicles"}}, "Rename to Vehicles"))
    stack.push(_nudge(document, ["fleet"], -0.01))  # same as two back, but not consecutive
    assert stack.count() == 5
    assert document.element("fleet").evolution == 0.79
    stack.undo()
    assert document.element("fleet").evolution == 0.8
    for _ in range(4):
        stack.undo()
    assert_map_is(document, full_map())


def test_commands_without_a_merge_id_never_merge() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(SetElementsCommand(document, {"crm": {"evolution": 0.71}}, "Move"))
    stack.push(SetElementsCommand(document, {"crm": {"evolution": 0.72}}, "Move"))
    assert stack.count() == 2
    stack.undo()
    assert document.element("crm").evolution == 0.71


def test_nudges_with_other_merge_ids_do_not_merge() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(_nudge(document, ["crm"], 0.01))
    stack.push(SetElementsCommand(document, {"crm": {"evolution": 0.75}}, "Change evolution", merge_id=2001))
    assert stack.count() == 2
    stack.undo()
    assert document.element("crm").evolution == 0.71


def test_a_nudge_after_saving_starts_a_new_step() -> None:
    # Undo must be able to reach the saved state again, so a nudge never merges across it.
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(_nudge(document, ["crm"], 0.01))
    stack.setClean()
    saved = document.map.model_copy(deep=True)
    stack.push(_nudge(document, ["crm"], 0.01))
    assert stack.count() == 2
    stack.undo()
    assert stack.isClean()
    assert_map_is(document, saved)


def test_merged_steps_that_change_different_fields_still_undo_exactly() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(SetElementsCommand(document, {"crm": {"evolution": 0.75}}, "Change", merge_id=NUDGE_ID))
    stack.push(SetElementsCommand(document, {"crm": {"visibility": 0.45}}, "Change", merge_id=NUDGE_ID))
    changed = document.map.model_copy(deep=True)
    assert (document.element("crm").evolution, document.element("crm").visibility) == (0.75, 0.45)
    stack.undo()
    assert_map_is(document, full_map())
    stack.redo()
    assert_map_is(document, changed)


def test_the_edit_menu_names_the_step_and_a_merged_nudge_once() -> None:
    from PySide6.QtGui import QUndoGroup

    document = MapDocument(full_map())
    stack, group = QUndoStack(), QUndoGroup()
    group.addStack(stack)
    group.setActiveStack(stack)
    undo, redo = group.createUndoAction(group, "&Undo"), group.createRedoAction(group, "&Redo")
    stack.push(RemoveElementsCommand(document, ["crm"]))
    stack.push(_nudge(document, ["fleet"], 0.01))
    stack.push(_nudge(document, ["fleet"], 0.01))
    assert (undo.text(), redo.isEnabled()) == ("&Undo Nudge", False)
    stack.undo()
    assert (undo.text(), redo.text()) == ("&Undo Delete CRM", "&Redo Nudge")
