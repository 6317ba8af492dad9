"""Random sequences of edits through :class:`MapDocument`, the only edit path.

After every step the map must save and load back as the same map, and every
edit must be undoable (by ``restore`` or by setting back the old values the API
returned) to the exact JSON from before it, however the undos interleave.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from pydantic import ValidationError

from tests.conftest import MAPS
from wardley.io.files import load_map
from wardley.io.json_format import dump_json_map, parse_json_map
from wardley.model.document import EditError, MapDocument
from wardley.model.entities import Evolve, Pipeline

coordinates = st.floats(0.0, 1.0, allow_nan=False)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(str.strip)
kinds = st.sampled_from(["user", "need", "component", "market", "ecosystem", "submap"])
element_fields = st.fixed_dictionaries({}, optional={
    "method": st.sampled_from(["none", "build", "buy", "outsource"]),
    "inertia": st.booleans(),
    "description": st.text(max_size=30),
    "confidence": st.sampled_from([None, "low", "medium", "high"]),
    "label_offset": st.none() | st.tuples(st.floats(-500, 500), st.floats(-500, 500)),
    "kind": kinds,
    "url": st.none() | st.text(max_size=20),
})
#: Values the model must refuse, leaving the map untouched.
bad_fields = st.sampled_from([
    {"evolution": 1.5}, {"visibility": -0.1}, {"name": "   "}, {"kind": "robot"}, {"method": "steal"},
    {"evolution": float("nan")},
])


class DocumentEdits(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.document = MapDocument(load_map(MAPS / "parking-permits.wardley.json").map)
        #: (JSON before the edit, how to undo it), most recent last.
        self.undo_stack: list[tuple[str, Callable[[], Any]]] = []

    # -- helpers -----------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.document.map.elements]

    def some_id(self, data: st.DataObject, favoured: list[str]) -> str:
        """Any element, half the time one of ``favoured`` (those with an arrow or pipeline)."""
        choices = st.sampled_from(self.ids)
        return data.draw(st.sampled_from(favoured) | choices if favoured else choices)

    def text(self) -> str:
        return dump_json_map(self.document.map)

    def did(self, before: str, undo: Callable[[], Any]) -> None:
        self.undo_stack.append((before, undo))

    def refused(self, edit: Callable[[], Any]) -> None:
        before = self.text()
        try:
            edit()
        except (EditError, ValidationError):
            pass
        else:
            raise AssertionError("the edit was expected to be refused")
        assert self.text() == before, "a refused edit changed the map"

    # -- elements ----------------------------------------------------------
    @rule(name=names, evolution=coordinates, visibility=coordinates, kind=kinds, fields=element_fields)
    def add_element(self, name: str, evolution: float, visibility: float, kind: str, fields: dict[str, Any]) -> None:
        before = self.text()
        fields = {k: v for k, v in fields.items() if k != "kind"}
        element = self.document.add_element(name, evolution, visibility, kind, **fields)  # type: ignore[arg-type]
        self.did(before, lambda: self.document.remove_elements([element.id]))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data())
    def remove_elements(self, data: st.DataObject) -> None:
        doomed = data.draw(st.lists(st.sampled_from(self.ids), min_size=1, max_size=4, unique=True))
        before = self.text()
        removal = self.document.remove_elements(doomed)
        self.did(before, lambda: self.document.restore(removal))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), evolution=coordinates, visibility=coordinates)
    def move_element(self, data: st.DataObject, evolution: float, visibility: float) -> None:
        element_id = data.draw(st.sampled_from(self.ids))
        before = self.text()
        old = self.document.move_element(element_id, evolution, visibility)
        self.did(before, lambda: self.document.set_element(element_id, **old))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), name=names)
    def rename_element(self, data: st.DataObject, name: str) -> None:
        element_id = data.draw(st.sampled_from(self.ids))
        before = self.text()
        old = self.document.rename_element(element_id, name)
        self.did(before, lambda: self.document.set_element(element_id, **old))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), fields=element_fields)
    def set_element(self, data: st.DataObject, fields: dict[str, Any]) -> None:
        element_id = data.draw(st.sampled_from(self.ids))
        before = self.text()
        old = self.document.set_element(element_id, **fields)
        self.did(before, lambda: self.document.set_element(element_id, **old))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), shift=st.floats(-0.3, 0.3))
    def move_several(self, data: st.DataObject, shift: float) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.ids), min_size=1, max_size=5, unique=True))
        changes = {
            i: {"evolution": min(1.0, max(0.0, self.document.element(i).evolution + shift))} for i in chosen
        }
        before = self.text()
        old = self.document.set_elements(changes)
        self.did(before, lambda: self.document.set_elements(old))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), bad=bad_fields)
    def bad_element_edit_is_refused(self, data: st.DataObject, bad: dict[str, Any]) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.ids), min_size=1, max_size=3, unique=True))
        self.refused(lambda: self.document.set_element(chosen[0], **bad))
        # All or nothing: the good changes before the bad one must not land either.
        changes = {i: {"evolution": 0.5} for i in chosen[:-1]} | {chosen[-1]: bad}
        self.refused(lambda: self.document.set_elements(changes))

    # -- links -------------------------------------------------------------
    @precondition(lambda self: len(self.document.map.elements) >= 1)
    @rule(data=st.data(), flow=st.booleans(), label=st.text(max_size=10))
    def link(self, data: st.DataObject, flow: bool, label: str) -> None:
        source = data.draw(st.sampled_from(self.ids))
        target = data.draw(st.sampled_from(self.ids))
        if self.document.check_link(source, target) is not None:
            self.refused(lambda: self.document.add_link(source, target))
            return
        before = self.text()
        self.document.add_link(source, target, flow=flow, label=label)
        self.did(before, lambda: self.document.remove_link(source, target))

    @precondition(lambda self: self.document.map.links)
    @rule(data=st.data())
    def unlink(self, data: st.DataObject) -> None:
        link = data.draw(st.sampled_from(self.document.map.links))
        before = self.text()
        index, removed = self.document.remove_link(link.source, link.target)
        self.did(before, lambda: self.document.add_link(
            removed.source, removed.target, index=index, **removed.model_dump(exclude={"source", "target"})
        ))

    @precondition(lambda self: self.document.map.links)
    @rule(data=st.data(), label=st.text(max_size=10), flow_label=st.text(max_size=10))
    def set_link(self, data: st.DataObject, label: str, flow_label: str) -> None:
        link = data.draw(st.sampled_from(self.document.map.links))
        before = self.text()
        old = self.document.set_link(link.source, link.target, label=label, flow_label=flow_label)
        self.did(before, lambda: self.document.set_link(link.source, link.target, **old))

    # -- evolve arrows and pipelines -----------------------------------------
    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), evolution=coordinates, remove=st.booleans(), name=st.none() | names)
    def set_evolve(self, data: st.DataObject, evolution: float, remove: bool, name: str | None) -> None:
        element_id = self.some_id(data, [e.element for e in self.document.map.evolves])
        evolve = None if remove else Evolve(element=element_id, evolution=evolution, name=name)
        before = self.text()
        old = self.document.set_evolve(element_id, evolve)
        self.did(before, lambda: self.document.set_evolve(element_id, old))

    @precondition(lambda self: self.document.map.elements)
    @rule(data=st.data(), start=coordinates, end=coordinates, remove=st.booleans())
    def set_pipeline(self, data: st.DataObject, start: float, end: float, remove: bool) -> None:
        element_id = self.some_id(data, [p.element for p in self.document.map.pipelines])
        members = data.draw(st.lists(st.sampled_from(self.ids), max_size=3, unique=True))
        pipeline = None if remove else Pipeline(
            element=element_id, start=min(start, end), end=max(start, end), members=members
        )
        before = self.text()
        old = self.document.set_pipeline(element_id, pipeline)
        self.did(before, lambda: self.document.set_pipeline(element_id, old))

    # -- notes ---------------------------------------------------------------
    @rule(text=names, evolution=coordinates, visibility=coordinates)
    def add_note(self, text: str, evolution: float, visibility: float) -> None:
        before = self.text()
        note = self.document.add_note(text, evolution, visibility)
        self.did(before, lambda: self.document.remove_note(note.id))

    @precondition(lambda self: self.document.map.notes)
    @rule(data=st.data())
    def remove_note(self, data: st.DataObject) -> None:
        note = data.draw(st.sampled_from(self.document.map.notes))
        before = self.text()
        index, removed = self.document.remove_note(note.id)
        self.did(before, lambda: self.document.insert_note(removed, index))

    @precondition(lambda self: self.document.map.notes)
    @rule(data=st.data(), text=names, evolution=coordinates)
    def set_note(self, data: st.DataObject, text: str, evolution: float) -> None:
        note = data.draw(st.sampled_from(self.document.map.notes))
        before = self.text()
        old = self.document.set_note(note.id, text=text, evolution=evolution)
        self.did(before, lambda: self.document.set_note(note.id, **old))

    # -- map level -------------------------------------------------------------
    @rule(name=names)
    def add_snapshot(self, name: str) -> None:
        # The document tidies a snapshot name's spacing before it checks that the name is free.
        if any(s.name == " ".join(name.split()) for s in self.document.map.snapshots):
            self.refused(lambda: self.document.add_snapshot(name))
            return
        before, old = self.text(), list(self.document.map.snapshots)
        self.document.add_snapshot(name)
        self.did(before, lambda: self.document.replace_collection("snapshots", old))

    @precondition(lambda self: self.document.map.snapshots)
    @rule(data=st.data())
    def snapshot_names_stay_unique(self, data: st.DataObject) -> None:
        twin = data.draw(st.sampled_from(self.document.map.snapshots))
        self.refused(lambda: self.document.replace_collection("snapshots", [*self.document.map.snapshots, twin]))

    @rule(title=st.text(max_size=30), description=st.text(max_size=30))
    def set_map_fields(self, title: str, description: str) -> None:
        before = self.text()
        old = self.document.set_map_fields(title=title, description=description)
        self.did(before, lambda: self.document.set_map_fields(**old))

    @rule(path=st.sampled_from(sorted(MAPS.glob("*.wardley.json"))))
    def replace_map(self, path: Path) -> None:
        before = self.text()
        old = self.document.replace_map(load_map(path).map)
        self.did(before, lambda: self.document.replace_map(old))

    # -- undo and the invariants ---------------------------------------------------
    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self) -> None:
        before, undo = self.undo_stack.pop()
        undo()
        assert self.text() == before, "undo did not give back the exact earlier file"

    def teardown(self) -> None:
        # Every edit of every run is undone in the end, each back to its exact file.
        while self.undo_stack:
            self.undo()
        assert parse_json_map(self.text(), "undone") == self.document.map

    @invariant()
    def saves_and_loads_back_the_same(self) -> None:
        assert parse_json_map(self.text(), "edited") == self.document.map

    @invariant()
    def indexes_match_the_map(self) -> None:
        assert all(self.document.element(i).id == i for i in self.ids)
        assert all(self.document.has_link(l.source, l.target) for l in self.document.map.links)


DocumentEdits.TestCase.settings = settings(
    max_examples=100, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_document_edits = DocumentEdits.TestCase
