"""Guided start: the room's answers to four questions, turned into a map.

1. Who are the users?  2. What does each of them need?  3. What does meeting each
need depend on?  4. How evolved is each need and component (a stage, or "not sure")?

:func:`plan_map` places everything (users on top, needs below them, components
lower the deeper they sit in the chain, left to right by the stage chosen) and
:func:`changes_for` says what to add to, or change in, a map to match the plan.
The dialog applies those changes as undo commands after each question, so the
map grows while the room answers. Names are matched ignoring case and spacing, so
"Payments" named under two needs is one shared component, and an element already
on the map is linked to rather than drawn twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from wardley.model.entities import MAX_NAME_LENGTH, ElementKind, MapContent
from wardley.model.evolution import DEFAULT_BOUNDARIES
from wardley.model.ids import name_key as name_key  # re-exported: the guided dialog matches names with it
from wardley.model.ids import unique_id

#: Written in answers to question 3 as "Online form -> Payments, Identity".
DEPENDS_ARROW = "->"
USER_VISIBILITY = 0.95
NEED_VISIBILITY = 0.82
LOWEST_VISIBILITY = 0.08
#: Where "not sure" components go: around the middle of the axis, drawn with a low-confidence band.
UNSURE_RANGE = (0.3, 0.7)
#: Where components go before the room has placed them on the evolution axis.
UNPLACED_RANGE = (0.1, 0.9)
#: Closest two elements in one row may be, in evolution (room for a short label).
MIN_GAP = 0.09

Key = str


def parse_names(text: str) -> list[str]:
    """One name a line; blank lines and repeats (ignoring case and spacing) dropped."""
    names: dict[Key, str] = {}
    for line in text.splitlines():
        name = " ".join(line.split())[:MAX_NAME_LENGTH]
        if name and name_key(name) not in names:
            names[name_key(name)] = name
    return list(names.values())


def parse_dependencies(text: str) -> list[tuple[str, list[str]]]:
    """Lines of "Component" or "Component -> what it depends on, comma separated"."""
    rows: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        head, _, tail = line.partition(DEPENDS_ARROW)
        names = parse_names(head)
        if not names:
            continue
        below = parse_names("\n".join(tail.split(","))) if tail else []
        rows.append((names[0], below))
    return rows


@dataclass
class GuidedAnswers:
    users: list[str] = field(default_factory=list)
    #: user name -> the needs the room named for them
    needs: dict[str, list[str]] = field(default_factory=dict)
    #: need or component name -> the components it depends on
    dependencies: dict[str, list[str]] = field(default_factory=dict)
    #: need or component name -> stage index 0..3, or None for "not sure"; absent = not asked yet
    stages: dict[str, int | None] = field(default_factory=dict)

    def add_dependencies(self, owner: str, text: str) -> None:
        """Question 3's answer for one need: direct components, and deeper ones after "->"."""
        for component, below in parse_dependencies(text):
            self.dependencies.setdefault(owner, []).append(component)
            self.dependencies.setdefault(component, []).extend(below)


@dataclass(frozen=True)
class PlannedElement:
    name: str
    kind: ElementKind
    evolution: float
    visibility: float
    #: "low" when the room was not sure of the stage; None leaves confidence as it is.
    confidence: Literal["low"] | None = None


@dataclass
class MapPlan:
    elements: dict[Key, PlannedElement] = field(default_factory=dict)
    #: (source key, target key): the source depends on the target.
    links: list[tuple[Key, Key]] = field(default_factory=list)

    def names(self, kind: ElementKind) -> list[str]:
        return [p.name for p in self.elements.values() if p.kind == kind]


def _spread(count: int, low: float, high: float) -> list[float]:
    return [round(low + (high - low) * (i + 1) / (count + 1), 4) for i in range(count)]


#: How far inside its stage's edges an element is kept, so it reads as that stage, not the next.
STAGE_INSET = 0.01


def _within(keys: list[Key], wanted: dict[Key, float], low: float, high: float, gap: float) -> dict[Key, float]:
    """One stage's elements, evenly spread inside ``low..high`` and at least ``gap`` apart
    where the stage is wide enough (a crowded stage gets its width shared out evenly)."""
    order = sorted(keys, key=lambda k: (wanted[k], k))
    if len(order) < 2:
        return {k: min(max(wanted[k], low), high) for k in order}
    step = min(gap, (high - low) / (len(order) - 1))
    if all(wanted[b] - wanted[a] >= step for a, b in zip(order, order[1:])) and \
            low <= wanted[order[0]] and wanted[order[-1]] <= high:
        return {k: wanted[k] for k in order}
    centre = sum(wanted[k] for k in order) / len(order)
    start = min(max(centre - step * (len(order) - 1) / 2, low), high - step * (len(order) - 1))
    return {k: start + step * i for i, k in enumerate(order)}


def _nearest_free(target: float, taken: list[float], gap: float, low: float = 0.02, high: float = 0.98) -> float:
    """The point nearest ``target`` at least ``gap`` from everything taken, or else the middle
    of the widest space left."""
    candidates = [target, low, high, *(p + d for p in taken for d in (-gap, gap))]
    free = [c for c in candidates if low <= c <= high and all(abs(c - p) >= gap - 1e-9 for p in taken)]
    if free:
        return min(free, key=lambda c: (abs(c - target), c))
    ends = sorted([low, high, *taken])
    left, right = max(zip(ends, ends[1:]), key=lambda pair: pair[1] - pair[0])
    return (left + right) / 2


def _separate(wanted: dict[Key, float], bounds: dict[Key, tuple[float, float] | None],
              gap: float = MIN_GAP) -> dict[Key, float]:
    """Positions in one row kept apart. An element the room put in a stage (``bounds`` its
    stage's edges) stays in that stage however crowded the row: only its own stage's
    elements share the width. The rest ("not sure", or not asked yet; ``bounds`` None)
    then take the free spot nearest where they were wanted."""
    placed: dict[Key, float] = {}
    stages: dict[tuple[float, float], list[Key]] = {}
    for key, edges in bounds.items():
        if edges is not None:
            stages.setdefault(edges, []).append(key)
    for (low, high), keys in stages.items():
        placed.update(_within(keys, wanted, low, high, gap))
    for key in sorted((k for k in wanted if bounds[k] is None), key=lambda k: (wanted[k], k)):
        placed[key] = _nearest_free(wanted[key], list(placed.values()), gap)
    return {key: round(value, 4) for key, value in placed.items()}


def _stage_range(stage: int, boundaries: Sequence[float]) -> tuple[float, float]:
    edges = [0.0, *boundaries, 1.0]
    return edges[stage], edges[stage + 1]


def _depths(needs: Iterable[Key], edges: dict[Key, list[Key]], limit: int) -> dict[Key, int]:
    """Longest distance below a need (needs are 0); a loop in the answers cannot run forever."""
    depth = {key: 0 for key in needs}
    for _ in range(limit):
        changed = False
        for source, targets in edges.items():
            if source not in depth:
                continue
            for target in targets:
                if depth.get(target, -1) < depth[source] + 1 and depth[source] + 1 <= limit:
                    depth[target] = depth[source] + 1
                    changed = True
        if not changed:
            break
    return depth


def plan_map(answers: GuidedAnswers, boundaries: Sequence[float] = DEFAULT_BOUNDARIES) -> MapPlan:
    names: dict[Key, str] = {}
    kinds: dict[Key, ElementKind] = {}

    def note(name: str, kind: ElementKind) -> Key:
        key = name_key(name)
        names.setdefault(key, name)
        kinds.setdefault(key, kind)  # a name keeps the first (highest) kind it was given
        return key

    plan = MapPlan()
    links: dict[tuple[Key, Key], None] = {}
    users = [note(u, "user") for u in answers.users]
    needs: list[Key] = []
    for user in answers.users:
        for need in answers.needs.get(user, []):
            key = note(need, "need")
            if key not in needs and kinds[key] == "need":
                needs.append(key)
            links[(name_key(user), key)] = None
    edges: dict[Key, list[Key]] = {}
    for owner, below in answers.dependencies.items():
        if name_key(owner) not in names:
            continue
        owner_key = name_key(owner)
        for component in below:
            key = note(component, "component")
            if key != owner_key and kinds[owner_key] != "user":
                links[(owner_key, key)] = None
                edges.setdefault(owner_key, []).append(key)
    stages = {name_key(n): s for n, s in answers.stages.items()}
    depth = _depths(needs, edges, limit=len(names) + 1)
    components = [k for k in names if kinds[k] == "component" and k in depth]
    deepest = max((depth[k] for k in components), default=1)
    step = min(0.2, (NEED_VISIBILITY - LOWEST_VISIBILITY) / max(deepest, 1))

    def row(keys: list[Key], visibility: float) -> None:
        groups: dict[object, list[Key]] = {}
        for key in keys:
            groups.setdefault(stages[key] if key in stages else "unplaced", []).append(key)
        wanted: dict[Key, float] = {}
        bounds: dict[Key, tuple[float, float] | None] = {}
        for stage, members in groups.items():
            if stage == "unplaced":
                low, high = UNPLACED_RANGE
                # Before the stage question, the row is spread in order across the axis.
                only = len(groups) == 1
                allowed: tuple[float, float] | None = (0.02, 0.98) if only else None
            elif stage is None:
                low, high = UNSURE_RANGE
                allowed = None  # "not sure" may move aside for an element of a known stage
            else:
                low, high = _stage_range(int(stage), boundaries)  # type: ignore[call-overload]
                allowed = (max(low + STAGE_INSET, 0.02), min(high - STAGE_INSET, 0.98))
            wanted.update(zip(members, _spread(len(members), low, high)))
            bounds.update((member, allowed) for member in members)
        placed = _separate(wanted, bounds)
        ordered = sorted(placed, key=placed.__getitem__)
        crowded = any(placed[b] - placed[a] < MIN_GAP - 1e-6 for a, b in zip(ordered, ordered[1:]))
        for i, key in enumerate(ordered):
            # Neighbours in one row alternate slightly up and down, so their labels clear each other
            # (needs only when a stage is too crowded for the usual gap).
            staggered = kinds[key] == "component" or (crowded and kinds[key] == "need")
            lift = 0.0 if not staggered else (0.025 if i % 2 else -0.025)
            plan.elements[key] = PlannedElement(
                names[key], kinds[key], placed[key], round(min(0.97, max(0.03, visibility + lift)), 4),
                "low" if key in stages and stages[key] is None else None,
            )

    for key, evolution in zip(users, _spread(len(users), 0.1, 0.9)):
        plan.elements[key] = PlannedElement(names[key], "user", evolution, USER_VISIBILITY)
    row(needs, NEED_VISIBILITY)
    for level in sorted({depth[k] for k in components}):
        row([k for k in components if depth[k] == level], NEED_VISIBILITY - step * level)
    plan.links = [link for link in links if link[0] in plan.elements and link[1] in plan.elements]
    return plan


@dataclass
class GuidedChanges:
    """What to do to a map to match a plan, as edit-API-sized pieces."""

    #: Element fields for elements to add, ids included (new, unique in the map).
    added: list[dict[str, Any]] = field(default_factory=list)
    #: element id -> fields to change (only for elements the guide made itself).
    changed: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (source id, target id) links to add.
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.links)


def changes_for(plan: MapPlan, content: MapContent, owned: Iterable[str] = ()) -> GuidedChanges:
    """The changes that make ``content`` show ``plan``.

    Elements already on the map are found by name; only those in ``owned`` (made
    by this guided start in an earlier step) are moved. Others are only linked to.
    """
    owned_ids = set(owned)
    by_key = {name_key(e.name): e for e in content.elements}
    taken = {e.id for e in content.elements} | {n.id for n in content.notes} | {a.id for a in content.accelerators}
    ids: dict[Key, str] = {}
    changes = GuidedChanges()
    for key, planned in plan.elements.items():
        existing = by_key.get(key)
        if existing is None:
            element_id = unique_id(planned.name, taken)
            taken.add(element_id)
            fields: dict[str, Any] = {
                "id": element_id, "kind": planned.kind, "name": planned.name,
                "evolution": planned.evolution, "visibility": planned.visibility,
            }
            if planned.confidence:
                fields["confidence"] = planned.confidence
            changes.added.append(fields)
            ids[key] = element_id
            continue
        ids[key] = existing.id
        if existing.id in owned_ids:
            wanted: dict[str, Any] = {"evolution": planned.evolution, "visibility": planned.visibility}
            if planned.confidence:
                wanted["confidence"] = planned.confidence
            delta = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
            if delta:
                changes.changed[existing.id] = delta
    present = {(link.source, link.target) for link in content.links}
    for source, target in plan.links:
        pair = (ids[source], ids[target])
        if pair not in present and pair[0] != pair[1]:
            present.add(pair)
            changes.links.append(pair)
    return changes
