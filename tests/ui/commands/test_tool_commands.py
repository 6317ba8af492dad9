"""The commands that Insert-menu tools (``wardley.ui.map_tools``) and snapshots
(``wardley.ui.workshop.snapshots``) build: each is one exact undo step with its own text."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.ui.commands.support import full_map, round_trip
from wardley.model import MapDocument
from wardley.ui.map_tools import add_accelerator, add_annotation, add_attitude
from wardley.ui.workshop.snapshots import delete_snapshots_command, save_snapshot_command


def test_add_annotation_takes_the_next_number() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, add_annotation(document, "Shared with the county", 0.4, 0.6))
    assert after.annotations[:2] == before.annotations
    assert (after.annotations[2].number, after.annotations[2].text) == (3, "Shared with the county")
    assert after.model_copy(update={"annotations": before.annotations}) == before
    assert stack.undoText() == "Add annotation 3"


def test_add_accelerator_and_deaccelerator() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, add_accelerator(document, "Open data", 0.5, 0.5))
    added = after.accelerators[2]
    assert (added.name, added.negative) == ("Open data", False)
    assert added.id not in {a.id for a in before.accelerators}  # "open-data" is taken
    assert stack.undoText() == "Add accelerator"
    stack, _, after = round_trip(document, add_accelerator(document, "Cuts", 0.5, 0.5, negative=True))
    assert after.accelerators[-1].negative
    assert stack.undoText() == "Add deaccelerator"


def test_add_attitude_box() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, add_attitude(document, "townplanners"))
    assert [a.kind for a in after.attitudes] == ["pioneers", "settlers", "townplanners"]
    assert after.model_copy(update={"attitudes": before.attitudes}) == before
    assert stack.undoText() == "Add town planners box"


def test_save_snapshot_keeps_the_same_snapshot_through_undo_and_redo() -> None:
    document = MapDocument(full_map())
    now = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
    stack, before, after = round_trip(document, save_snapshot_command(document, "  After  session 3 ", now))
    assert [s.name for s in after.snapshots] == ["Session 1", "Session 2", "After session 3"]
    assert after.snapshots[2].created == "2026-03-10T10:00:00Z"
    assert after.snapshots[2].content == before.content()
    assert stack.undoText() == "Save snapshot After session 3"


def test_delete_snapshots_text_names_one_and_counts_several() -> None:
    document = MapDocument(full_map())
    stack, _, after = round_trip(document, delete_snapshots_command(document, ["Session 1"]))
    assert [s.name for s in after.snapshots] == ["Session 2"]
    assert stack.undoText() == "Delete snapshot Session 1"
    document = MapDocument(full_map())
    stack, _, after = round_trip(document, delete_snapshots_command(document, ["Session 2", "Session 1"]))
    assert after.snapshots == []
    assert stack.undoText() == "Delete 2 snapshots"
