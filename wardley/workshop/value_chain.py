"""A user need's value chain: what a workshop sees when it focuses on one need.

The chain is the need itself, everything it depends on (transitively, following
links from source to target), and the users who depend on it, together with the
elements on the way from those users down to the need, so the lines stay joined.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from wardley.model.entities import MapContent
from wardley.model.roles import need_ids


def _reach(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    queue = deque([start])
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    seen.discard(start)
    return seen


def value_chain(content: MapContent, need_id: str) -> frozenset[str]:
    """Ids of the elements in ``need_id``'s value chain (empty if there is no such element)."""
    kinds = {e.id: e.kind for e in content.elements}
    if need_id not in kinds:
        return frozenset()
    down: dict[str, list[str]] = {}
    up: dict[str, list[str]] = {}
    for link in content.links:
        down.setdefault(link.source, []).append(link.target)
        up.setdefault(link.target, []).append(link.source)
    dependencies = _reach(need_id, down)
    dependents = _reach(need_id, up)
    # An upstream element belongs when it is a user or stands between a user and the need.
    users_above = {d for d in dependents if kinds.get(d) == "user"}
    between = {d for d in dependents if _reach(d, up) & users_above}
    return frozenset({need_id} | dependencies | users_above | between)


def needs_of(content: MapContent) -> list[tuple[str, str]]:
    """(id, name) of every user need, in map order: what a focus menu offers (the analysis's
    rule: kind need, or depended on directly by a user, as in OWM maps)."""
    names = {e.id: e.name for e in content.elements}
    return [(need_id, names[need_id]) for need_id in need_ids(content)]


def next_need(content: MapContent, current: str | None, selected: Iterable[str] = ()) -> str | None:
    """The need to focus next: a selected need not yet focused, else the one after
    ``current`` in map order; None after the last (focus cleared)."""
    ids = [need_id for need_id, _ in needs_of(content)]
    for element_id in selected:
        if element_id in ids and element_id != current:
            return element_id
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    index = ids.index(current) + 1
    return ids[index] if index < len(ids) else None
