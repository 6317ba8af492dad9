"""Evolve arrows, pipelines, notes, map fields, whole collections and the whole map: do, undo,
redo and text for each command in ``wardley.ui.commands.map_level``."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from tests.ui.commands.support import assert_map_is, full_map, round_trip, without
from wardley.model import EditError, Evolve, MapContent, MapDocument, Note, Pipeline, WardleyMap
from wardley.model.entities import Accelerator, Annotation, Attitude, Axis, Point, Presentation, Snapshot
from wardley.ui.commands import (
    AddNoteCommand,
    RemoveNoteCommand,
    ReplaceCollectionCommand,
    ReplaceMapCommand,
    SetEvolveCommand,
    SetMapFieldsCommand,
    SetNoteCommand,
    SetPipelineCommand,
)


def _only_changed(after: WardleyMap, before: WardleyMap, *names: str) -> None:
    """Nothing but the named top-level fields differs."""
    assert after.model_copy(update={name: getattr(before, name) for name in names}) == before


# -- evolve arrows -----------------------------------------------------------------------------
def test_set_evolve_gives_an_element_an_arrow() -> None:
    document = MapDocument(full_map())
    arrow = Evolve(element="hosting", evolution=0.97, name="Cloud")
    stack, before, after = round_trip(document, SetEvolveCommand(document, "hosting", arrow))
    assert after.evolves == [*before.evolves, arrow]
    _only_changed(after, before, "evolves")
    assert stack.undoText() == "Evolve"


def test_set_evolve_changes_an_arrow_in_its_place() -> None:
    document = MapDocument(full_map())
    arrow = Evolve(element="crm", evolution=0.95)
    stack, before, after = round_trip(document, SetEvolveCommand(document, "crm", arrow, "Change evolve arrow"))
    assert after.evolves == [before.evolves[0], arrow, before.evolves[2]]
    _only_changed(after, before, "evolves")
    assert stack.undoText() == "Change evolve arrow"


@pytest.mark.parametrize("index", [0, 1, 2])
def test_removing_an_evolve_arrow_and_undo_puts_it_back_where_it_stood(index: int) -> None:
    document = MapDocument(full_map())
    owner = document.map.evolves[index].element
    stack, before, after = round_trip(document, SetEvolveCommand(document, owner, None, "Remove evolve arrow"))
    assert after.evolves == without(before.evolves, index)
    _only_changed(after, before, "evolves")
    assert stack.undoText() == "Remove evolve arrow"


def test_removing_every_arrow_one_by_one_undoes_to_the_same_order() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    for owner in ("crm", "rounds", "tracking"):
        stack.push(SetEvolveCommand(document, owner, None, "Remove evolve arrow"))
    assert document.map.evolves == []
    while stack.canUndo():
        stack.undo()
    assert_map_is(document, full_map())


def test_an_arrow_for_another_element_is_refused() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(SetEvolveCommand(document, "hosting", Evolve(element="crm", evolution=0.9)))
    assert_map_is(document, full_map())


# -- pipelines ---------------------------------------------------------------------------------
def test_set_pipeline_gives_an_element_a_pipeline() -> None:
    document = MapDocument(full_map())
    pipeline = Pipeline(element="crm", start=0.5, end=0.9, members=["rounds"])
    stack, before, after = round_trip(document, SetPipelineCommand(document, "crm", pipeline, "Add pipeline"))
    assert after.pipelines == [*before.pipelines, pipeline]
    _only_changed(after, before, "pipelines")
    assert stack.undoText() == "Add pipeline"


def test_set_pipeline_changes_range_and_members_in_place() -> None:
    document = MapDocument(full_map())
    pipeline = Pipeline(element="fleet", start=0.5, end=0.95, members=["tracking", "crm"])
    stack, before, after = round_trip(document, SetPipelineCommand(document, "fleet", pipeline))
    assert after.pipelines == [pipeline, before.pipelines[1]]
    _only_changed(after, before, "pipelines")
    assert stack.undoText() == "Pipeline"


@pytest.mark.parametrize("index", [0, 1])
def test_removing_a_pipeline_and_undo_puts_it_back_where_it_stood(index: int) -> None:
    document = MapDocument(full_map())
    owner = document.map.pipelines[index].element
    stack, before, after = round_trip(document, SetPipelineCommand(document, owner, None, "Remove pipeline"))
    assert after.pipelines == without(before.pipelines, index)
    _only_changed(after, before, "pipelines")
    assert stack.undoText() == "Remove pipeline"


def test_a_pipeline_with_an_unknown_member_is_refused() -> None:
    document = MapDocument(full_map())
    pipeline = Pipeline(element="crm", start=0.5, end=0.9, members=["nowhere"])
    with pytest.raises(EditError):
        QUndoStack().push(SetPipelineCommand(document, "crm", pipeline))
    assert_map_is(document, full_map())


# -- notes -------------------------------------------------------------------------------------
def test_add_note_appends_it() -> None:
    document = MapDocument(full_map())
    note = Note(id="note-budget", text="Budget cut 10%", evolution=0.5, visibility=0.9)
    stack, before, after = round_trip(document, AddNoteCommand(document, note))
    assert after.notes == [*before.notes, note]
    _only_changed(after, before, "notes")
    assert stack.undoText() == "Add note"


def test_a_note_whose_id_is_taken_is_refused() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(AddNoteCommand(document, Note(id="note-pilot", text="Again", evolution=0.1, visibility=0.1)))
    assert_map_is(document, full_map())


@pytest.mark.parametrize("index", [0, 1])
def test_remove_note_and_undo_puts_it_back_where_it_stood(index: int) -> None:
    document = MapDocument(full_map())
    note_id = document.map.notes[index].id
    stack, before, after = round_trip(document, RemoveNoteCommand(document, note_id))
    assert after.notes == without(before.notes, index)
    _only_changed(after, before, "notes")
    assert stack.undoText() == "Delete note"


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"text": "Contract ends 2028"}, "Edit note"),
        ({"evolution": 0.75, "visibility": 0.45}, "Move note"),
    ],
)
def test_set_note_changes_only_the_named_fields(changes: dict[str, Any], text: str) -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, SetNoteCommand(document, "note-contract", changes, text))
    assert after.notes == [before.notes[0].model_copy(update=changes), before.notes[1]]
    _only_changed(after, before, "notes")
    assert stack.undoText() == text


def test_set_note_default_text_and_a_note_field_called_text() -> None:
    # The note's own "text" goes in the dict, so it never becomes the command's text.
    document = MapDocument(full_map())
    command = SetNoteCommand(document, "note-pilot", {"text": "Pilot in the south"})
    stack, _, after = round_trip(document, command)
    assert stack.undoText() == "Change note"
    assert after.notes[1].text == "Pilot in the south"


# -- map fields --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Waste and recycling"},
        {"description": ""},
        {"axis": Axis(stages=("Novel", "Emerging", "Good", "Best"), show_value_chain=False)},
        {"presentation": Presentation(style="handwritten", size=(1200, 800))},
        {"title": "Waste", "presentation": Presentation(annotations_position=Point(evolution=0.1, visibility=0.1))},
    ],
)
def test_set_map_fields_changes_only_those_fields(changes: dict[str, Any]) -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, SetMapFieldsCommand(document, **changes))
    assert after == before.model_copy(update=changes)
    assert stack.undoText() == "Change map"


def test_set_map_fields_uses_the_callers_text() -> None:
    document = MapDocument(full_map())
    stack, _, _ = round_trip(document, SetMapFieldsCommand(document, "Change map title", title="Bins"))
    assert stack.undoText() == "Change map title"


def test_set_map_fields_refuses_what_is_not_a_map_field() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(SetMapFieldsCommand(document, elements=[]))
    assert_map_is(document, full_map())


# -- whole collections -------------------------------------------------------------------------
COLLECTION_EDITS: dict[str, Any] = {
    "annotations": lambda m: [*m.annotations, Annotation(number=3, text="New", positions=[Point(evolution=0.5, visibility=0.5)])],
    "accelerators": lambda m: m.accelerators[1:],
    "attitudes": lambda m: [m.attitudes[1], m.attitudes[0], Attitude(kind="townplanners", top=0.5, left=0.6, bottom=0.1, right=0.9)],
    "snapshots": lambda m: [*m.snapshots, Snapshot(name="Session 3", created="2026-03-10T10:00:00Z", content=m.content())],
}


@pytest.mark.parametrize("name", sorted(COLLECTION_EDITS))
def test_replace_collection_swaps_the_whole_list(name: str) -> None:
    document = MapDocument(full_map())
    items = COLLECTION_EDITS[name](document.map)
    stack, before, after = round_trip(document, ReplaceCollectionCommand(document, name, items, f"Change {name}"))
    assert getattr(after, name) == items
    _only_changed(after, before, name)
    assert stack.undoText() == f"Change {name}"


def test_replace_collection_can_empty_a_list_and_default_text_is_change() -> None:
    document = MapDocument(full_map())
    stack, _, after = round_trip(document, ReplaceCollectionCommand(document, "accelerators", []))
    assert after.accelerators == []
    assert stack.undoText() == "Change"


def test_replace_collection_keeps_its_own_copy_of_the_items() -> None:
    document = MapDocument(full_map())
    items = [Accelerator(id="grants", name="Grants", evolution=0.3, visibility=0.3)]
    stack = QUndoStack()
    stack.push(ReplaceCollectionCommand(document, "accelerators", items))
    items.clear()
    stack.undo()
    stack.redo()
    assert [a.id for a in document.map.accelerators] == ["grants"]


@pytest.mark.parametrize(
    ("name", "items"),
    [
        ("elements", []),
        ("snapshots", [Snapshot(name="Twice", content=MapContent()), Snapshot(name="Twice", content=MapContent())]),
    ],
)
def test_replace_collection_refuses_what_the_file_could_not_hold(name: str, items: list[Any]) -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(ReplaceCollectionCommand(document, name, items))
    assert_map_is(document, full_map())


# -- the whole map -----------------------------------------------------------------------------
def _edited_text_map() -> WardleyMap:
    edited = full_map()
    edited.title = "Edited in the text view"
    edited.elements = edited.elements[:3]
    edited.links = edited.links[:2]
    edited.evolves = edited.evolves[:1]
    edited.pipelines = []
    return edited


def test_replace_map_swaps_in_the_new_map() -> None:
    document = MapDocument(full_map())
    stack, _, after = round_trip(document, ReplaceMapCommand(document, _edited_text_map()))
    assert after == _edited_text_map()
    assert stack.undoText() == "Edit map text"


def test_replace_map_uses_the_callers_text() -> None:
    document = MapDocument(full_map())
    stack, _, _ = round_trip(document, ReplaceMapCommand(document, _edited_text_map(), "Paste map text"))
    assert stack.undoText() == "Paste map text"


def test_replace_map_is_not_changed_by_later_edits_to_either_map() -> None:
    document = MapDocument(full_map())
    given = _edited_text_map()
    stack = QUndoStack()
    stack.push(ReplaceMapCommand(document, given))
    given.title = "Changed by the caller afterwards"
    # Later commands edit the live map in place; undoing them and this must still give
    # back the map as it was, and redoing this must give the new map as it was given.
    stack.push(SetMapFieldsCommand(document, title="Renamed"))
    stack.push(RemoveNoteCommand(document, "note-pilot"))
    stack.undo()
    stack.undo()
    assert_map_is(document, _edited_text_map())
    stack.undo()
    assert_map_is(document, full_map())
    stack.redo()
    assert_map_is(document, _edited_text_map())


def test_replace_map_redo_gives_the_map_as_given_even_after_the_live_map_changed_in_place() -> None:
    # The edit API changes the live map in place (a revert, or a script, may do so outside
    # the undo stack): redo must not hand back a map those changes reached.
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(ReplaceMapCommand(document, _edited_text_map()))
    document.set_map_fields(title="Changed outside the stack")
    document.remove_note("note-pilot")
    stack.undo()
    assert_map_is(document, full_map())
    stack.redo()
    assert_map_is(document, _edited_text_map())
