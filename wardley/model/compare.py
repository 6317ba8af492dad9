"""What changed between two versions of a map: elements moved, added, removed, renamed or
changed (kind, method, inertia, confidence, rationale, url), links made or taken away, and
evolve arrows added, removed or re-aimed.

Elements are matched by id first (ids survive renames), then, among those
left over, by name ignoring case and spacing (a map re-drawn from scratch, or
imported from OWM, gets new ids but keeps its names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wardley.model.entities import Element, MapContent
from wardley.model.ids import name_key


@dataclass(frozen=True)
class Move:
    name: str
    element_id: str
    old: tuple[float, float]  # (evolution, visibility)
    new: tuple[float, float]


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    element_id: str


@dataclass(frozen=True)
class PropertyChange:
    """One property of a matched element changed (``what`` is the field's name)."""

    name: str
    element_id: str
    what: str
    old: Any
    new: Any


@dataclass(frozen=True)
class LinkChange:
    """A link made or taken away, by the names its ends have (in the newer map where they are in it)."""

    source: str
    target: str


@dataclass(frozen=True)
class EvolveChange:
    """An evolve arrow added (old None), removed (new None) or re-aimed: its target evolution."""

    name: str
    old: float | None
    new: float | None


#: Element properties a comparison reports, besides name and position.
COMPARED = ("kind", "method", "inertia", "confidence", "description", "url")


@dataclass
class MapDiff:
    moved: list[Move] = field(default_factory=list)
    added: list[Element] = field(default_factory=list)
    removed: list[Element] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    changed: list[PropertyChange] = field(default_factory=list)
    links_added: list[LinkChange] = field(default_factory=list)
    links_removed: list[LinkChange] = field(default_factory=list)
    evolves: list[EvolveChange] = field(default_factory=list)
    #: new element id -> old element id, for everything matched.
    matches: dict[str, str] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        return not (
            self.moved or self.added or self.removed or self.renamed
            or self.changed or self.links_added or self.links_removed or self.evolves
        )

    def counts(self) -> dict[str, int]:
        """How many of each kind of change, worded for a sentence ("3 moved", "1 link added")."""
        return {
            "added": len(self.added), "removed": len(self.removed), "moved": len(self.moved),
            "renamed": len(self.renamed), "changed": len(self.changed),
            "links added": len(self.links_added), "links removed": len(self.links_removed),
            "evolve arrows changed": len(self.evolves),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "moved": [{"name": m.name, "from": list(m.old), "to": list(m.new)} for m in self.moved],
            "added": [e.name for e in self.added],
            "removed": [e.name for e in self.removed],
            "renamed": [{"from": r.old, "to": r.new} for r in self.renamed],
            "changed": [{"name": c.name, "what": c.what, "from": c.old, "to": c.new} for c in self.changed],
            "links_added": [{"from": link.source, "to": link.target} for link in self.links_added],
            "links_removed": [{"from": link.source, "to": link.target} for link in self.links_removed],
            "evolves": [{"name": e.name, "from": e.old, "to": e.new} for e in self.evolves],
        }


def compare_maps(old: MapContent, new: MapContent) -> MapDiff:
    diff = MapDiff()
    old_by_id = {e.id: e for e in old.elements}
    unmatched_new: list[Element] = []
    pairs: list[tuple[Element, Element]] = []
    for element in new.elements:
        previous = old_by_id.pop(element.id, None)
        if previous is None:
            unmatched_new.append(element)
        else:
            pairs.append((previous, element))
    by_name: dict[str, list[Element]] = {}
    for element in old_by_id.values():
        by_name.setdefault(name_key(element.name), []).append(element)
    for element in unmatched_new:
        candidates = by_name.get(name_key(element.name))
        if candidates:
            pairs.append((candidates.pop(0), element))
        else:
            diff.added.append(element)
    matched_old = {previous.id for previous, _ in pairs}
    diff.removed = [e for e in old.elements if e.id not in matched_old]
    order = {e.id: i for i, e in enumerate(new.elements)}
    for previous, current in sorted(pairs, key=lambda pair: order[pair[1].id]):
        diff.matches[current.id] = previous.id
        if previous.name != current.name:
            diff.renamed.append(Rename(previous.name, current.name, current.id))
        if (previous.evolution, previous.visibility) != (current.evolution, current.visibility):
            diff.moved.append(
                Move(current.name, current.id, (previous.evolution, previous.visibility), (current.evolution, current.visibility))
            )
        for what in COMPARED:
            before, after = getattr(previous, what), getattr(current, what)
            if before != after:
                diff.changed.append(PropertyChange(current.name, current.id, what, before, after))
    _compare_links(old, new, diff)
    _compare_evolves(old, new, diff)
    return diff


class _Ends:
    """Reads the old map's element ids as the new map's, to compare links and evolve arrows."""

    def __init__(self, old: MapContent, new: MapContent, matches: dict[str, str]) -> None:
        self._to_new = {old_id: new_id for new_id, old_id in matches.items()}
        self._old_names = {e.id: e.name for e in old.elements}
        self.new_names = {e.id: e.name for e in new.elements}

    def key(self, old_id: str) -> str:
        """The new id an old element became; one no new id can equal if it went."""
        return self._to_new.get(old_id, "\0" + old_id)

    def old_name(self, old_id: str) -> str:
        """Its name now if it is still there, else the name it had."""
        new_id = self._to_new.get(old_id)
        return self.new_names[new_id] if new_id is not None else self._old_names.get(old_id, old_id)


def _compare_links(old: MapContent, new: MapContent, diff: MapDiff) -> None:
    ends = _Ends(old, new, diff.matches)
    before = {(ends.key(link.source), ends.key(link.target)): link for link in old.links}
    after = {(link.source, link.target) for link in new.links}
    names = ends.new_names
    diff.links_added = [
        LinkChange(names[link.source], names[link.target])
        for link in new.links
        if (link.source, link.target) not in before
    ]
    diff.links_removed = [
        LinkChange(ends.old_name(link.source), ends.old_name(link.target))
        for key, link in before.items()
        if key not in after
    ]


def _compare_evolves(old: MapContent, new: MapContent, diff: MapDiff) -> None:
    ends = _Ends(old, new, diff.matches)
    before = {ends.key(e.element): e for e in old.evolves}
    after = {e.element: e for e in new.evolves}
    for element_id, evolve in after.items():
        previous = before.get(element_id)
        if previous is None or previous.evolution != evolve.evolution:
            was = previous.evolution if previous is not None else None
            diff.evolves.append(EvolveChange(ends.new_names[element_id], was, evolve.evolution))
    for key, evolve in before.items():
        if key not in after:
            diff.evolves.append(EvolveChange(ends.old_name(evolve.element), evolve.evolution, None))
