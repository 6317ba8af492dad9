"""The edit API: the only way anything (UI, text view, scripts) changes a map.

Every method validates its input, changes the map, and emits one
:class:`~wardley.model.events.Change` per thing changed. Methods that undo
naturally return what they replaced, so an undo command can put it back and
leave the map (and its serialised JSON) exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TypeVar

from wardley.model.entities import (
    Element,
    ElementKind,
    Evolve,
    Link,
    MapContent,
    Note,
    Pipeline,
    Snapshot,
    WardleyMap,
)
from wardley.model.events import Change, Signal
from wardley.model.ids import unique_id

#: List fields replaced wholesale by :meth:`MapDocument.replace_collection`.
COLLECTIONS = frozenset({"annotations", "accelerators", "attitudes", "snapshots"})
#: Top-level fields set by :meth:`MapDocument.set_map_fields`.
MAP_FIELDS = frozenset({"title", "description", "axis", "presentation"})


_PerElement = TypeVar("_PerElement", Evolve, Pipeline)
_Record = TypeVar("_Record", Element, Note, Evolve, Pipeline)


def _checked(record: _Record) -> _Record:
    """The record validated afresh: ``model_copy(update=...)`` skips validation, and a value the
    file format refuses (or rounds) would make the saved map differ from, or fail to load as, this one."""
    return type(record).model_validate(record.model_dump())


class EditError(ValueError):
    """An edit the map cannot take (unknown id, self-link, duplicate link...)."""


@dataclass
class Removal:
    """What :meth:`MapDocument.remove_elements` took away, with original positions."""

    elements: list[tuple[int, Element]] = field(default_factory=list)
    links: list[tuple[int, Link]] = field(default_factory=list)
    evolves: list[tuple[int, Evolve]] = field(default_factory=list)
    #: The whole pipeline list as it was, when the removal touched any pipeline.
    pipelines_before: list[Pipeline] | None = None


class MapDocument:
    def __init__(self, wardley_map: WardleyMap | None = None) -> None:
        self.changed = Signal()
        self._map = wardley_map if wardley_map is not None else WardleyMap()
        #: Removed evolve arrows and pipelines (the very objects handed back) with where they
        #: stood, by id(): given back, as an undo does, each returns to its place.
        self._vacated: dict[int, tuple[Evolve | Pipeline, int]] = {}
        self._reindex()

    # -- reading -------------------------------------------------------
    @property
    def map(self) -> WardleyMap:
        """The current map. Treat as read-only: change it through this class."""
        return self._map

    def element(self, element_id: str) -> Element:
        try:
            return self._map.elements[self._element_index[element_id]]
        except KeyError:
            raise EditError(f"no element with id {element_id!r}") from None

    def has_element(self, element_id: str) -> bool:
        return element_id in self._element_index

    def link(self, source: str, target: str) -> Link:
        for link in self._map.links:
            if link.source == source and link.target == target:
                return link
        raise EditError(f"no link from {source!r} to {target!r}")

    def has_link(self, source: str, target: str) -> bool:
        return (source, target) in self._link_keys

    def links_of(self, element_id: str) -> list[Link]:
        return [l for l in self._map.links if element_id in (l.source, l.target)]

    def evolve_of(self, element_id: str) -> Evolve | None:
        return next((e for e in self._map.evolves if e.element == element_id), None)

    def pipeline_of(self, element_id: str) -> Pipeline | None:
        return next((p for p in self._map.pipelines if p.element == element_id), None)

    def note(self, note_id: str) -> Note:
        for note in self._map.notes:
            if note.id == note_id:
                return note
        raise EditError(f"no note with id {note_id!r}")

    def new_id(self, name: str, fallback: str = "element") -> str:
        taken = self._element_index.keys() | {n.id for n in self._map.notes} | {a.id for a in self._map.accelerators}
        return unique_id(name, taken, fallback)

    # -- whole map -----------------------------------------------------
    def replace_map(self, wardley_map: WardleyMap) -> WardleyMap:
        """Swap in another map (revert, text edits); returns the previous one."""
        old = self._map
        # Where removed arrows stood is kept: undoing back past this swap still needs it.
        self._map = wardley_map
        self._reindex()
        self.changed.emit(Change("reset"))
        return old

    def set_map_fields(self, **changes: Any) -> dict[str, Any]:
        unknown = set(changes) - MAP_FIELDS
        if unknown:
            raise EditError(f"not a map field: {', '.join(sorted(unknown))}")
        old = {key: getattr(self._map, key) for key in changes}
        data = self._map.model_dump(include=set(MAP_FIELDS))
        data.update({k: v.model_dump() if hasattr(v, "model_dump") else v for k, v in changes.items()})
        checked = MapContent.model_validate(data)
        for key in changes:
            setattr(self._map, key, getattr(checked, key))
        self.changed.emit(Change("map_changed"))
        return old

    def replace_collection(self, name: str, items: Iterable[Any]) -> list[Any]:
        if name not in COLLECTIONS:
            raise EditError(f"not a replaceable collection: {name}")
        old = list(getattr(self._map, name))
        checked = WardleyMap.model_validate({name: [i.model_dump() if hasattr(i, "model_dump") else i for i in items]})
        names = [snapshot.name for snapshot in checked.snapshots]
        if len(set(names)) != len(names):
            # The file format refuses this, so the map could be saved but never opened again.
            raise EditError("two snapshots cannot share a name")
        setattr(self._map, name, getattr(checked, name))
        self.changed.emit(Change("collection_changed", name))
        return old

    # -- elements ------------------------------------------------------
    def add_element(
        self,
        name: str,
        evolution: float,
        visibility: float,
        kind: ElementKind = "component",
        **props: Any,
    ) -> Element:
        element = Element.model_validate(
            {"id": self.new_id(name), "kind": kind, "name": name, "evolution": evolution, "visibility": visibility, **props}
        )
        self.insert_element(element)
        return element

    def insert_element(self, element: Element, index: int | None = None) -> None:
        element = _checked(element)
        if element.id in self._element_index:
            raise EditError(f"an element with id {element.id!r} already exists")
        elements = self._map.elements
        elements.insert(len(elements) if index is None else index, element)
        self._reindex_elements()
        self.changed.emit(Change("element_added", element.id))

    def set_element(self, element_id: str, **changes: Any) -> dict[str, Any]:
        """Change fields of one element; returns their previous values."""
        if "id" in changes:
            raise EditError("an element's id cannot change")
        index = self._index_of(element_id)
        current = self._map.elements[index]
        old = {key: getattr(current, key) for key in changes}
        updated = Element.model_validate({**current.model_dump(), **changes})
        self._map.elements[index] = updated
        self.changed.emit(Change("element_changed", element_id))
        return old

    def move_element(self, element_id: str, evolution: float, visibility: float) -> dict[str, Any]:
        return self.set_element(element_id, evolution=evolution, visibility=visibility)

    def rename_element(self, element_id: str, name: str) -> dict[str, Any]:
        return self.set_element(element_id, name=name)

    def set_elements(self, changes: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
        """Several elements at once (a multi-selection move); all or nothing."""
        for element_id in changes:
            self._index_of(element_id)
        updated = {}
        for element_id, fields in changes.items():
            current = self.element(element_id)
            updated[element_id] = Element.model_validate({**current.model_dump(), **fields})
        old = {}
        for element_id, element in updated.items():
            index = self._index_of(element_id)
            old[element_id] = {key: getattr(self._map.elements[index], key) for key in changes[element_id]}
            self._map.elements[index] = element
            self.changed.emit(Change("element_changed", element_id))
        return old

    def remove_elements(self, element_ids: Iterable[str]) -> Removal:
        """Remove elements with their links, evolve arrows, pipelines and memberships."""
        doomed = set(element_ids)
        for element_id in doomed:
            self._index_of(element_id)
        m = self._map
        removal = Removal(
            elements=[(i, e) for i, e in enumerate(m.elements) if e.id in doomed],
            links=[(i, l) for i, l in enumerate(m.links) if l.source in doomed or l.target in doomed],
            evolves=[(i, e) for i, e in enumerate(m.evolves) if e.element in doomed],
        )
        if any(p.element in doomed or doomed.intersection(p.members) for p in m.pipelines):
            removal.pipelines_before = list(m.pipelines)
            m.pipelines = [
                p.model_copy(update={"members": [x for x in p.members if x not in doomed]})
                for p in m.pipelines
                if p.element not in doomed
            ]
        m.links = [l for l in m.links if l.source not in doomed and l.target not in doomed]
        m.evolves = [e for e in m.evolves if e.element not in doomed]
        m.elements = [e for e in m.elements if e.id not in doomed]
        self._reindex()
        for _, link in removal.links:
            self.changed.emit(Change("link_removed", (link.source, link.target)))
        for _, evolve in removal.evolves:
            self.changed.emit(Change("evolve_changed", evolve.element))
        if removal.pipelines_before is not None:
            self.changed.emit(Change("pipeline_changed"))
        for _, element in removal.elements:
            self.changed.emit(Change("element_removed", element.id))
        return removal

    def restore(self, removal: Removal) -> None:
        """Undo :meth:`remove_elements`: everything returns to its old place."""
        m = self._map
        for index, element in removal.elements:
            m.elements.insert(index, element)
        for index, link in removal.links:
            m.links.insert(index, link)
        for index, evolve in removal.evolves:
            m.evolves.insert(index, evolve)
        if removal.pipelines_before is not None:
            m.pipelines = list(removal.pipelines_before)
        self._reindex()
        for _, element in removal.elements:
            self.changed.emit(Change("element_added", element.id))
        for _, link in removal.links:
            self.changed.emit(Change("link_added", (link.source, link.target)))
        for _, evolve in removal.evolves:
            self.changed.emit(Change("evolve_changed", evolve.element))
        if removal.pipelines_before is not None:
            self.changed.emit(Change("pipeline_changed"))

    # -- links ---------------------------------------------------------
    def check_link(self, source: str, target: str) -> str | None:
        """Why a link from ``source`` to ``target`` cannot be made, or None if it can."""
        if source == target:
            return "an element cannot depend on itself"
        for end in (source, target):
            if end not in self._element_index:
                return f"no element with id {end!r}"
        if (source, target) in self._link_keys:
            return "those two are already linked"
        return None

    def add_link(self, source: str, target: str, index: int | None = None, **props: Any) -> Link:
        problem = self.check_link(source, target)
        if problem:
            raise EditError(problem)
        link = Link.model_validate({"source": source, "target": target, **props})
        self._map.links.insert(len(self._map.links) if index is None else index, link)
        self._link_keys.add((source, target))
        self.changed.emit(Change("link_added", (source, target)))
        return link

    def remove_link(self, source: str, target: str) -> tuple[int, Link]:
        for index, link in enumerate(self._map.links):
            if link.source == source and link.target == target:
                del self._map.links[index]
                self._link_keys.discard((source, target))
                self.changed.emit(Change("link_removed", (source, target)))
                return index, link
        raise EditError(f"no link from {source!r} to {target!r}")

    def set_link(self, source: str, target: str, **changes: Any) -> dict[str, Any]:
        if {"source", "target"} & set(changes):
            raise EditError("remove and add a link to change its ends")
        for index, link in enumerate(self._map.links):
            if link.source == source and link.target == target:
                old = {key: getattr(link, key) for key in changes}
                self._map.links[index] = Link.model_validate({**link.model_dump(), **changes})
                self.changed.emit(Change("link_changed", (source, target)))
                return old
        raise EditError(f"no link from {source!r} to {target!r}")

    # -- evolve arrows and pipelines -------------------------------------
    def set_evolve(self, element_id: str, evolve: Evolve | None) -> Evolve | None:
        """Give (or with None, take away) an element's future position; returns the old one."""
        self._index_of(element_id)
        if evolve is not None and evolve.element != element_id:
            raise EditError("the evolve arrow belongs to another element")
        old = self._set_one_per_element("evolves", element_id, evolve)
        self.changed.emit(Change("evolve_changed", element_id))
        return old

    def set_pipeline(self, element_id: str, pipeline: Pipeline | None) -> Pipeline | None:
        """Give (or with None, take away) an element's pipeline; returns the old one."""
        self._index_of(element_id)
        if pipeline is not None:
            if pipeline.element != element_id:
                raise EditError("the pipeline belongs to another element")
            for member in pipeline.members:
                self._index_of(member)
        old = self._set_one_per_element("pipelines", element_id, pipeline)
        self.changed.emit(Change("pipeline_changed", element_id))
        return old

    def _set_one_per_element(self, name: str, element_id: str, given: _PerElement | None) -> _PerElement | None:
        items: list[_PerElement] = getattr(self._map, name)
        new = None if given is None else _checked(given)
        for index, current in enumerate(items):
            if current.element == element_id:
                if new is None:
                    del items[index]
                    # Undo gives this object back with set_*(id, old): it must land where it
                    # stood, or the saved file changes order although the map is "the same".
                    self._vacated[id(current)] = (current, index)
                else:
                    items[index] = new
                return current
        if new is not None:
            hint = self._vacated.pop(id(given), None)
            index = hint[1] if hint is not None and hint[0] is given else len(items)
            items.insert(min(index, len(items)), new)
        return None

    # -- notes -----------------------------------------------------------
    def add_note(self, text: str, evolution: float, visibility: float) -> Note:
        note = Note.model_validate(
            {"id": self.new_id(text, "note"), "text": text, "evolution": evolution, "visibility": visibility}
        )
        self.insert_note(note)
        return note

    def insert_note(self, note: Note, index: int | None = None) -> None:
        note = _checked(note)
        if any(n.id == note.id for n in self._map.notes):
            raise EditError(f"a note with id {note.id!r} already exists")
        self._map.notes.insert(len(self._map.notes) if index is None else index, note)
        self.changed.emit(Change("note_added", note.id))

    def remove_note(self, note_id: str) -> tuple[int, Note]:
        for index, note in enumerate(self._map.notes):
            if note.id == note_id:
                del self._map.notes[index]
                self.changed.emit(Change("note_removed", note_id))
                return index, note
        raise EditError(f"no note with id {note_id!r}")

    def set_note(self, note_id: str, **changes: Any) -> dict[str, Any]:
        for index, note in enumerate(self._map.notes):
            if note.id == note_id:
                old = {key: getattr(note, key) for key in changes}
                self._map.notes[index] = Note.model_validate({**note.model_dump(), **changes})
                self.changed.emit(Change("note_changed", note_id))
                return old
        raise EditError(f"no note with id {note_id!r}")

    # -- snapshots -------------------------------------------------------
    def new_snapshot(self, name: str, now: datetime | None = None) -> Snapshot:
        """A snapshot of the map as it is now, not yet added (an undo command adds it).

        The name's spacing is tidied; an empty or taken name is an :class:`EditError`."""
        name = " ".join(name.split())
        if not name:
            raise EditError("a snapshot needs a name")
        if any(s.name == name for s in self._map.snapshots):
            raise EditError(f"a snapshot named {name!r} already exists")
        stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return Snapshot(name=name, created=stamp, content=self._map.content())

    def add_snapshot(self, name: str) -> Snapshot:
        snapshot = self.new_snapshot(name)
        self.replace_collection("snapshots", [*self._map.snapshots, snapshot])
        return snapshot

    # -- internals -------------------------------------------------------
    def _index_of(self, element_id: str) -> int:
        try:
            return self._element_index[element_id]
        except KeyError:
            raise EditError(f"no element with id {element_id!r}") from None

    def _reindex_elements(self) -> None:
        self._element_index = {e.id: i for i, e in enumerate(self._map.elements)}

    def _reindex(self) -> None:
        self._reindex_elements()
        self._link_keys = {(l.source, l.target) for l in self._map.links}
