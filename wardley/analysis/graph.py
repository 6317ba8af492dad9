"""One map as a dependency graph: who the users are, what they need, and what each need rests on.

Edges run from what depends to what it depends on (``A -> B``: A needs B), as links do.
A map's *needs* are the elements of kind ``need`` and anything a user depends on directly;
everything else that is not a user is a *component*, and only components can be shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from wardley.model.entities import Element, WardleyMap
from wardley.model.kinds import AnalysisRole, kind_info
from wardley.model.roles import need_ids

Role = AnalysisRole


@dataclass
class MapGraph:
    map: WardleyMap
    graph: nx.DiGraph[str]
    roles: dict[str, Role]
    elements: dict[str, Element]
    #: For each component, the needs whose chain of dependencies reaches it (walked on this map only).
    needs_served: dict[str, frozenset[str]] = field(default_factory=dict)
    _betweenness: dict[str, float] | None = None
    _in_degree: dict[str, int] | None = None

    @property
    def users(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "user"]

    @property
    def needs(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "need"]

    @property
    def components(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "component"]

    def dependents(self, element_id: str) -> int:
        """How many elements on this map depend directly on the element."""
        if self._in_degree is None:
            self._in_degree = {key: int(degree) for key, degree in self.graph.in_degree()}
        return self._in_degree.get(element_id, 0)

    def betweenness(self, element_id: str) -> float:
        """Normalised betweenness (0..1): how often the element lies on paths between others.

        Computed on first use only: it is the costliest figure and serves only to break ties.
        """
        if self._betweenness is None:
            self._betweenness = nx.betweenness_centrality(self.graph) if len(self.graph) > 2 else {}
        return float(self._betweenness.get(element_id, 0.0))

    def fan_in(self, element_id: str) -> float:
        """The share (0..1) of the map's other components that depend on the element, directly or not."""
        others = len(self.components) - 1
        if others <= 0 or element_id not in self.graph:
            return 0.0
        above = sum(1 for key in nx.ancestors(self.graph, element_id) if self.roles.get(key) == "component")
        return above / others

    def is_acyclic(self) -> bool:
        """Whether the map has no dependency loop (Kahn's algorithm on plain dicts: networkx's own
        check costs more than the rest of a map's checks together)."""
        remaining = {key: int(degree) for key, degree in self.graph.in_degree()}
        ready = [key for key, degree in remaining.items() if degree == 0]
        seen = 0
        adjacency = self.graph.succ
        while ready:
            key = ready.pop()
            seen += 1
            for target in adjacency[key]:
                remaining[target] -= 1
                if remaining[target] == 0:
                    ready.append(target)
        return seen == len(remaining)

    def most_dependents(self) -> int:
        return max((self.dependents(key) for key in self.components), default=0)


def element_roles(wardley_map: WardleyMap) -> dict[str, Role]:
    """Each element's role: users, needs (kind need, or depended on directly by a user), components."""
    needs = set(need_ids(wardley_map))
    return {
        element.id: "need" if element.id in needs else kind_info(element.kind).role
        for element in wardley_map.elements
    }


def map_graph(wardley_map: WardleyMap) -> MapGraph:
    graph: nx.DiGraph[str] = nx.DiGraph()
    elements = {element.id: element for element in wardley_map.elements}
    graph.add_nodes_from(elements)
    graph.add_edges_from(
        (link.source, link.target) for link in wardley_map.links
        if link.source in elements and link.target in elements and link.source != link.target
    )
    roles = element_roles(wardley_map)
    served: dict[str, set[str]] = {key: set() for key, role in roles.items() if role == "component"}
    for need in (key for key, role in roles.items() if role == "need"):
        for reached in nx.descendants(graph, need):
            if reached in served:
                served[reached].add(need)
    return MapGraph(
        map=wardley_map, graph=graph, roles=roles, elements=elements,
        needs_served={key: frozenset(needs) for key, needs in served.items()},
    )
