"""A map with something in every list, and the do / undo / redo round trip each command test runs."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from wardley.io.json_format import dump_json_map
from wardley.model import MapDocument, WardleyMap

T = TypeVar("T")


def full_map() -> WardleyMap:
    """Every list holds at least two entries, so an undo that puts something back in the wrong
    place (or drops a field) changes the map and fails the comparison."""
    return WardleyMap.model_validate({
        "title": "Household waste",
        "description": "Collections across two districts",
        "elements": [
            {"id": "resident", "kind": "user", "name": "Resident", "evolution": 0.5, "visibility": 0.95},
            {"id": "collect", "kind": "need", "name": "Collect bins", "evolution": 0.55, "visibility": 0.8},
            {"id": "rounds", "name": "Round planning", "evolution": 0.4, "visibility": 0.6, "method": "build",
             "inertia": True, "description": "Paper maps"},
            {"id": "crm", "name": "CRM", "evolution": 0.7, "visibility": 0.5, "confidence": "low"},
            {"id": "fleet", "name": "Fleet", "evolution": 0.8, "visibility": 0.3, "method": "outsource"},
            {"id": "tracking", "name": "Vehicle tracking", "evolution": 0.6, "visibility": 0.25},
            {"id": "hosting", "name": "Hosting", "evolution": 0.9, "visibility": 0.1},
        ],
        "links": [
            {"source": "resident", "target": "collect"},
            {"source": "collect", "target": "rounds", "label": "weekly"},
            {"source": "collect", "target": "crm", "flow": True, "flow_label": "reports"},
            {"source": "rounds", "target": "fleet"},
            {"source": "fleet", "target": "tracking"},
            {"source": "crm", "target": "hosting"},
        ],
        "evolves": [
            {"element": "rounds", "evolution": 0.7},
            {"element": "crm", "evolution": 0.85, "name": "CRM (SaaS)"},
            {"element": "tracking", "evolution": 0.8},
        ],
        "pipelines": [
            {"element": "fleet", "start": 0.6, "end": 0.9, "members": ["tracking"]},
            {"element": "hosting", "start": 0.7, "end": 0.95},
        ],
        "notes": [
            {"id": "note-contract", "text": "Contract ends 2027", "evolution": 0.8, "visibility": 0.4},
            {"id": "note-pilot", "text": "Pilot in the north", "evolution": 0.3, "visibility": 0.7},
        ],
        "annotations": [
            {"number": 1, "text": "Duplicated", "positions": [{"evolution": 0.6, "visibility": 0.5}]},
            {"number": 2, "text": "Ask procurement", "positions": [{"evolution": 0.2, "visibility": 0.2}]},
        ],
        "accelerators": [
            {"id": "open-data", "name": "Open data", "evolution": 0.4, "visibility": 0.4},
            {"id": "legacy", "name": "Legacy contracts", "evolution": 0.7, "visibility": 0.2, "negative": True},
        ],
        "attitudes": [
            {"kind": "pioneers", "top": 0.9, "left": 0.05, "bottom": 0.5, "right": 0.3},
            {"kind": "settlers", "top": 0.9, "left": 0.3, "bottom": 0.5, "right": 0.6},
        ],
        "snapshots": [
            {"name": "Session 1", "created": "2026-01-10T10:00:00Z", "content": {"title": "Household waste"}},
            {"name": "Session 2", "created": "2026-02-10T10:00:00Z", "content": {"title": "Household waste"}},
        ],
    })


def assert_map_is(document: MapDocument, expected: WardleyMap) -> None:
    """The document holds exactly ``expected``: equal models, the same saved file, and lookups
    by id that agree with the lists (an undo that forgot to re-index would break the next edit)."""
    assert document.map == expected
    assert dump_json_map(document.map) == dump_json_map(expected)
    for element in expected.elements:
        assert document.element(element.id) == element
    for link in expected.links:
        assert document.has_link(link.source, link.target)
    assert sum(document.has_link(a.id, b.id) for a in expected.elements for b in expected.elements) == len(expected.links)


def round_trip(document: MapDocument, command: QUndoCommand) -> tuple[QUndoStack, WardleyMap, WardleyMap]:
    """Push ``command`` on a fresh stack, then undo, redo and undo again, checking each state.

    Returns the stack (back at the done state), the map before and the map after the first do,
    so the caller checks that the change is the one the command's text names."""
    stack = QUndoStack()
    before = document.map.model_copy(deep=True)
    stack.push(command)
    after = document.map.model_copy(deep=True)
    assert after != before, "the command changed nothing"
    stack.undo()
    assert_map_is(document, before)
    stack.redo()
    assert_map_is(document, after)
    stack.undo()
    assert_map_is(document, before)
    stack.redo()
    assert_map_is(document, after)
    assert stack.count() == 1 and stack.index() == 1
    return stack, before, after


def without(items: list[T], index: int) -> list[T]:
    return items[:index] + items[index + 1:]
