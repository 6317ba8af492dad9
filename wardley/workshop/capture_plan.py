"""From a capture-line entry to the edits it means: which names are new, which links to
add, what changes for elements already there, and where new elements go.

Placement follows the value chain: users at the top, needs below them, a new
component below what depends on it (or above what it depends on), in the stage
that was said (or near what it hangs from), and clear of every other symbol and
label on the map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wardley.model import Element, ElementKind, WardleyMap, stage_index
from wardley.model.ids import name_key, unique_id
from wardley.model.kinds import kind_info
from wardley.workshop.capture import Entry, Mention, complete_name
from wardley.workshop.capture_layout import Placed, clear_spot

#: Visibility a step below (or above) a neighbour in the chain.
STEP = 0.12
#: Where the chain below the needs may go: wider than the keyboard's usual component band,
#: since each new component goes a step below what depends on it.
_CHAIN_BAND = (0.04, 0.8)
#: How far inside a stage's edges a new element keeps, so it reads as in that stage.
_INSIDE = 0.03


@dataclass(frozen=True)
class Ambiguous:
    """A name that could mean several elements: the UI asks which (or a new one)."""

    typed: str
    candidates: tuple[str, ...]


@dataclass
class CapturePlan:
    new_elements: list[Element] = field(default_factory=list)
    #: element id -> fields to set (kind, evolution) for elements already on the map.
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)
    #: What was said but not done, in words (a link already there, a self-link).
    skipped: list[str] = field(default_factory=list)
    #: Every element the entry named, in order, for the selection afterwards.
    named: list[str] = field(default_factory=list)


def stage_range(wardley_map: WardleyMap, stage: int) -> tuple[float, float]:
    edges = (0.0, *wardley_map.axis.boundaries, 1.0)
    return edges[stage], edges[stage + 1]


def said_evolution(wardley_map: WardleyMap, mention: Mention) -> float | None:
    if mention.evolution is not None:
        return mention.evolution
    if mention.stage is not None:
        low, high = stage_range(wardley_map, mention.stage)
        return round((low + high) / 2, 4)
    return None


def _resolve(
    mention: Mention, pool: list[tuple[str, str]], choices: Mapping[str, str | None]
) -> str | None | Ambiguous:
    """The id ``mention`` names, None for a new element, or the ambiguity."""
    for key in (name_key(mention.typed), name_key(mention.name)):
        if key in choices:
            return choices[key]
    # The whole text first: "user research" may be the name of a component on the map.
    if mention.typed != mention.name and not mention.exact:
        whole = [i for i, name in pool if name_key(name) == name_key(mention.typed)]
        if len(whole) == 1:
            return whole[0]
    if mention.exact:
        found = tuple(i for i, name in pool if name_key(name) == name_key(mention.name))
    else:
        found = complete_name(pool, mention.name)
    if len(found) > 1:
        return Ambiguous(mention.name, found)
    return found[0] if found else None


def plan_entry(
    wardley_map: WardleyMap,
    entry: Entry,
    choices: Mapping[str, str | None] | None = None,
    near: Sequence[str] = (),
) -> CapturePlan | Ambiguous:
    """What ``entry`` does to ``wardley_map``; the map is not changed.

    ``choices`` answers earlier ambiguities: ``name_key(typed)`` -> an id, or None for
    a new element. ``near``: elements a lone new component goes below (the selection).
    """
    choices = choices or {}
    plan = CapturePlan()
    by_id = {e.id: e for e in wardley_map.elements}
    pool = [(e.id, e.name) for e in wardley_map.elements]
    taken = set(by_id)
    ids: dict[int, str] = {}
    new_kind: dict[str, ElementKind] = {}
    new_name: dict[str, str] = {}
    said: dict[str, Mention] = {}
    for mention in entry.mentions():
        found = _resolve(mention, pool, choices)
        if isinstance(found, Ambiguous):
            return found
        if found is None:  # said twice in one entry, answered "a new one": the same new one
            found = next((i for i, name in new_name.items() if name_key(name) == name_key(mention.name)), None)
        if found is None or (found in new_name and mention.exact and new_name[found] != mention.name):
            found = unique_id(mention.name, taken)
            taken.add(found)
            new_name[found] = mention.name
            new_kind[found] = mention.kind or "component"
            pool.append((found, mention.name))
        elif found in new_name and mention.kind:
            new_kind[found] = mention.kind
        ids[id(mention)] = found
        if found not in said or mention.stage is not None or mention.evolution is not None or mention.kind:
            said[found] = mention
        if found not in plan.named:
            plan.named.append(found)
    for a, b in entry.links():
        source, target = ids[id(a)], ids[id(b)]
        if source == target:
            plan.skipped.append(f"{a.name} cannot depend on itself")
        elif (source, target) in plan.links or any(
            link.source == source and link.target == target for link in wardley_map.links
        ):
            plan.skipped.append(f"{a.name} -> {b.name} is already there")
        else:
            plan.links.append((source, target))
    for element_id in plan.named:
        if element_id in by_id:
            change = _change(wardley_map, by_id[element_id], said[element_id])
            if change:
                plan.changes[element_id] = change
    plan.new_elements = _place(wardley_map, plan, new_name, new_kind, said, near)
    return plan


def _change(wardley_map: WardleyMap, element: Element, mention: Mention) -> dict[str, Any]:
    """What a mention of an element already on the map says differently about it."""
    change: dict[str, Any] = {}
    if mention.kind and mention.kind != element.kind:
        change["kind"] = mention.kind
    if mention.evolution is not None and abs(mention.evolution - element.evolution) > 1e-4:
        change["evolution"] = mention.evolution
    elif mention.stage is not None and stage_index(element.evolution, wardley_map.axis.boundaries) != mention.stage:
        change["evolution"] = said_evolution(wardley_map, mention)
    return change


def _place(
    wardley_map: WardleyMap,
    plan: CapturePlan,
    new_name: dict[str, str],
    new_kind: dict[str, ElementKind],
    said: dict[str, Mention],
    near: Sequence[str],
) -> list[Element]:
    """Positions for the new elements, each placed after what depends on it where it can be."""
    where: dict[str, tuple[float, float]] = {e.id: (e.evolution, e.visibility) for e in wardley_map.elements}
    for element_id, change in plan.changes.items():
        if "evolution" in change:
            where[element_id] = (change["evolution"], where[element_id][1])
    placed = [Placed(e.evolution, e.visibility, e.name) for e in wardley_map.elements]
    dependents = {i: [s for s, t in plan.links if t == i] for i in new_name}
    dependencies = {i: [t for s, t in plan.links if s == i] for i in new_name}
    waiting = list(new_name)
    elements: list[Element] = []
    while waiting:
        # Top-down: one whose dependents all have places; in a loop, the first said.
        ready = next((i for i in waiting if all(d in where for d in dependents[i])), waiting[0])
        waiting.remove(ready)
        kind = new_kind[ready]
        above = [where[d] for d in dependents[ready] if d in where]
        below = [where[d] for d in dependencies[ready] if d in where]
        if not above and not below and not plan.links:
            above = [where[d] for d in near if d in where]
        evolution = said_evolution(wardley_map, said[ready])
        info = kind_info(kind)
        low, high = info.band if info.actor else _CHAIN_BAND
        if info.actor:  # users and needs in their own bands, near the top of each
            visibility = round(low + (high - low) * 0.7, 4)
        elif above:
            visibility = min(v for _, v in above) - STEP
        elif below:
            visibility = max(v for _, v in below) + STEP
        else:
            visibility = 0.6
        visibility = min(max(visibility, low), high)
        mention = said[ready]
        neighbours = above or below
        if mention.stage is not None:
            e_low, e_high = stage_range(wardley_map, mention.stage)
            e_low, e_high = e_low + _INSIDE, e_high - _INSIDE
            if neighbours and evolution is not None:
                # In the stage said, drawn halfway from its middle towards what it hangs from.
                pulled = min(max(sum(e for e, _ in neighbours) / len(neighbours), e_low), e_high)
                evolution = round((evolution + pulled) / 2, 4)
        elif evolution is not None:
            e_low, e_high = evolution - 0.05, evolution + 0.05
        else:
            evolution = sum(e for e, _ in neighbours) / len(neighbours) if neighbours else 0.5
            e_low, e_high = evolution - 0.15, evolution + 0.15
        assert evolution is not None
        spot = clear_spot(placed, new_name[ready], (evolution, visibility), (max(e_low, 0.02), min(e_high, 0.98)), (low, high))
        where[ready] = spot
        placed.append(Placed(spot[0], spot[1], new_name[ready]))
        elements.append(Element(id=ready, kind=kind, name=new_name[ready], evolution=spot[0], visibility=spot[1]))
    order = {element_id: n for n, element_id in enumerate(new_name)}
    return sorted(elements, key=lambda e: order[e.id])
