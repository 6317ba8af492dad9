"""What changed between two versions of a map: moved, added, removed, renamed.

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


@dataclass
class MapDiff:
    moved: list[Move] = field(default_factory=list)
    added: list[Element] = field(default_factory=list)
    removed: list[Element] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    #: new element id -> old element id, for everything matched.
    matches: dict[str, str] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        return not (self.moved or self.added or self.removed or self.renamed)

    def to_json(self) -> dict[str, Any]:
        return {
            "moved": [{"name": m.name, "from": list(m.old), "to": list(m.new)} for m in self.moved],
            "added": [e.name for e in self.added],
            "removed": [e.name for e in self.removed],
            "renamed": [{"from": r.old, "to": r.new} for r in self.renamed],
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
    return diff
