"""AddFragmentCommand (paste, duplicate): elements, their links and arrows in one step."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from tests.ui.commands.support import assert_map_is, full_map, round_trip
from wardley.model import EditError, Element, Evolve, Link, MapDocument
from wardley.ui.commands import AddFragmentCommand

PASTED = [
    Element(id="crm-2", name="CRM", evolution=0.72, visibility=0.48, confidence="low"),
    Element(id="hosting-2", name="Hosting", evolution=0.92, visibility=0.08),
    Element(id="portal", kind="need", name="Portal", evolution=0.5, visibility=0.7),
]
LINKS = [
    Link(source="portal", target="crm-2", label="cases"),
    Link(source="crm-2", target="hosting-2", flow=True),
]
ARROWS = [Evolve(element="crm-2", evolution=0.9, name="CRM (SaaS)")]


def test_paste_adds_elements_links_and_arrows_after_what_is_there() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, AddFragmentCommand(document, PASTED, LINKS, ARROWS))
    assert after.elements == [*before.elements, *PASTED]
    assert after.links == [*before.links, *LINKS]
    assert after.evolves == [*before.evolves, *ARROWS]
    assert after.model_copy(update={"elements": before.elements, "links": before.links, "evolves": before.evolves}) == before
    assert stack.undoText() == "Paste"


def test_duplicate_uses_the_callers_text() -> None:
    document = MapDocument(full_map())
    stack, _, _ = round_trip(document, AddFragmentCommand(document, PASTED[:1], text="Duplicate"))
    assert stack.undoText() == "Duplicate"


def test_elements_alone_are_one_step_too() -> None:
    document = MapDocument(full_map())
    stack, before, after = round_trip(document, AddFragmentCommand(document, PASTED))
    assert after.elements == [*before.elements, *PASTED]
    assert after.links == before.links and after.evolves == before.evolves


def test_undo_of_a_paste_leaves_later_unrelated_edits_alone() -> None:
    document = MapDocument(full_map())
    stack = QUndoStack()
    stack.push(AddFragmentCommand(document, PASTED, LINKS, ARROWS))
    stack.push(AddFragmentCommand(document, [Element(id="gis", name="GIS", evolution=0.5, visibility=0.2)], text="Paste"))
    one = document.map.model_copy(deep=True)
    stack.undo()
    stack.undo()
    assert_map_is(document, full_map())
    stack.redo()
    stack.redo()
    assert_map_is(document, one)


def test_a_paste_whose_id_is_taken_is_refused() -> None:
    document = MapDocument(full_map())
    clash = Element(id="crm", name="CRM", evolution=0.1, visibility=0.1)
    with pytest.raises(EditError):
        QUndoStack().push(AddFragmentCommand(document, [clash]))
    assert_map_is(document, full_map())
