"""AddLinkCommand, RemoveLinkCommand and SetLinkCommand: do, undo, redo and text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from tests.ui.commands.support import assert_map_is, full_map, round_trip, without
from wardley.model import EditError, Link, MapDocument
from wardley.ui.commands import AddLinkCommand, RemoveLinkCommand, SetLinkCommand


def test_add_link_appends_it_with_its_properties() -> None:
    document = MapDocument(full_map())
    command = AddLinkCommand(document, "resident", "crm", "Link Resident to CRM", flow=True, label="online")
    stack, before, after = round_trip(document, command)
    assert after.links == [*before.links, Link(source="resident", target="crm", flow=True, label="online")]
    assert after.model_copy(update={"links": before.links}) == before
    assert stack.undoText() == "Link Resident to CRM"


def test_add_link_default_text_is_link() -> None:
    document = MapDocument(full_map())
    stack, _, after = round_trip(document, AddLinkCommand(document, "hosting", "resident"))
    assert stack.undoText() == "Link"
    assert after.links[-1] == Link(source="hosting", target="resident")


@pytest.mark.parametrize(("source", "target"), [("crm", "crm"), ("crm", "hosting"), ("crm", "nowhere")])
def test_add_link_refused_by_the_model_changes_nothing(source: str, target: str) -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(AddLinkCommand(document, source, target))
    assert_map_is(document, full_map())


@pytest.mark.parametrize("index", [0, 2, 5])
def test_remove_link_and_undo_puts_it_back_in_its_place_with_its_properties(index: int) -> None:
    document = MapDocument(full_map())
    link = document.map.links[index]
    stack, before, after = round_trip(document, RemoveLinkCommand(document, link.source, link.target))
    assert after.links == without(before.links, index)
    assert after.model_copy(update={"links": before.links}) == before
    assert stack.undoText() == "Delete link"


def test_remove_link_keeps_flow_and_labels_through_undo() -> None:
    document = MapDocument(full_map())
    stack, before, _ = round_trip(document, RemoveLinkCommand(document, "collect", "crm", "Cut link"))
    assert stack.undoText() == "Cut link"
    stack.undo()
    assert document.link("collect", "crm") == Link(source="collect", target="crm", flow=True, flow_label="reports")


def test_remove_a_missing_link_changes_nothing() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(RemoveLinkCommand(document, "hosting", "crm"))
    assert_map_is(document, full_map())


@pytest.mark.parametrize(
    "changes",
    [
        {"label": "monthly"},
        {"flow": True, "flow_direction": "back", "flow_label": "data"},
        {"label": ""},
    ],
)
def test_set_link_changes_only_the_named_fields(changes: dict[str, Any]) -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, SetLinkCommand(document, "collect", "rounds", **changes))
    assert after.links[1] == before.links[1].model_copy(update=changes)
    assert without(after.links, 1) == without(before.links, 1)
    assert after.model_copy(update={"links": before.links}) == before
    assert stack.undoText() == "Change link"


def test_set_link_uses_the_callers_text() -> None:
    document = MapDocument(full_map())
    stack, _, _ = round_trip(document, SetLinkCommand(document, "crm", "hosting", "Label link", label="API"))
    assert stack.undoText() == "Label link"


def test_set_link_on_a_missing_link_changes_nothing() -> None:
    document = MapDocument(full_map())
    with pytest.raises(EditError):
        QUndoStack().push(SetLinkCommand(document, "hosting", "crm", label="API"))
    assert_map_is(document, full_map())
