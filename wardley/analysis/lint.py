"""Checks on one map that a facilitator would want pointed out before trusting its analysis.

Kinds:
- ``cycle``: components that depend on each other in a loop;
- ``unreached``: a component no user need reaches (drawn but not connected to any need);
- ``drawn-above``: a dependency drawn higher (more visible) than what depends on it;
- ``duplicate-name``: two elements with the same name once normalised ("Payments", "payment");
- ``empty-need``: a need with nothing under it;
- ``no-needs``: the map has no users' needs at all, so nothing can be traced to one;
- ``one-need`` (only when a map is analysed on its own, see :func:`one_need`): it has a single
  need, so every component serving it reaches all of its needs and reach tells nothing apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wardley.analysis.graph import MapGraph
from wardley.analysis.names import name_key

_CYCLE_REPORT_LIMIT = 20


@dataclass(frozen=True)
class LintIssue:
    map: str
    kind: str
    #: The element's name (what people see); ``element_id`` is for highlighting it.
    element: str
    message: str
    element_id: str = ""


def lint_map(graph: MapGraph, map_label: str) -> list[LintIssue]:
    issues: list[LintIssue] = []
    elements = graph.elements

    def issue(kind: str, element_id: str, message: str) -> None:
        name = elements[element_id].name if element_id in elements else ""
        issues.append(LintIssue(map_label, kind, name, message, element_id))

    # Most maps have no loop; proving that is far cheaper than listing cycles.
    looped = not graph.is_acyclic()
    for cycle in _some_cycles(graph) if looped else []:
        names = [elements[key].name for key in cycle]
        issue("cycle", cycle[0], "dependency loop: " + " -> ".join([*names, names[0]]))

    needs = graph.needs
    if not needs and graph.components:
        issues.append(LintIssue(map_label, "no-needs", "", "the map has no user needs (no element of kind need, "
                                "and no user depends on anything), so nothing can be traced to a need"))
    elif needs:
        reached = {key for key, served in graph.needs_served.items() if served}
        for key in graph.components:
            if key not in reached:
                issue("unreached", key, f"'{elements[key].name}' does not serve any user need: no need's chain reaches it")

    for source, target in graph.edges:
        upper, lower = elements[source], elements[target]
        if lower.visibility > upper.visibility:
            issue("drawn-above", target, f"'{lower.name}' ({lower.visibility:.2f}) is drawn above '{upper.name}' "
                  f"({upper.visibility:.2f}), which depends on it")

    by_name: dict[str, list[str]] = defaultdict(list)
    for key, element in elements.items():
        by_name[name_key(element.name)].append(key)
    for keys in by_name.values():
        if len(keys) > 1:
            names = [elements[key].name for key in keys]
            issue("duplicate-name", keys[1], f"{len(keys)} elements share a name: " + ", ".join(f"'{n}'" for n in names))

    for key in needs:
        if not graph.succ[key]:
            issue("empty-need", key, f"the need '{elements[key].name}' has nothing under it")
    return issues


def _some_cycles(graph: MapGraph) -> list[list[str]]:
    """Up to the report limit of loops, the same ones in the same order whatever the hash seed:
    networkx walks sets, so which loops come first is otherwise down to the seed."""
    import networkx as nx  # only a map with a loop needs it: most never load it

    found = []
    for count, cycle in enumerate(nx.simple_cycles(graph.graph)):
        if count >= _CYCLE_REPORT_LIMIT * 50:
            break
        start = cycle.index(min(cycle))
        found.append(cycle[start:] + cycle[:start])
    return sorted(found, key=lambda cycle: (len(cycle), cycle))[:_CYCLE_REPORT_LIMIT]


def one_need(graph: MapGraph, map_label: str) -> LintIssue | None:
    """For a map analysed alone: with one need, whatever serves it serves all of the map's needs."""
    needs = graph.needs
    if len(needs) != 1 or not graph.components:
        return None
    (only,) = needs
    name = graph.elements[only].name
    return LintIssue(map_label, "one-need", name,
                     f"the map has one user need ('{name}'): whatever serves it serves all of the map's needs, "
                     "so on its own this map cannot show what is worth sharing; mark its other needs, "
                     "or analyse it with other maps", only)
