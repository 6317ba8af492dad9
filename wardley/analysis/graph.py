"""One map as a dependency graph: who the users are, what they need, and what each need rests on.

Edges run from what depends to what it depends on (``A -> B``: A needs B), as links do.
A map's *needs* are the elements of kind ``need`` and anything a user depends on directly;
everything else that is not a user is a *component*, and only components can be shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from wardley.model.entities import WardleyMap
from wardley.model.kinds import AnalysisRole, kind_info
from wardley.model.roles import need_ids

if TYPE_CHECKING:
    import networkx as nx

Role = AnalysisRole


class Node(NamedTuple):
    """What the analysis reads of an element: plain values, cheap to send from a worker process."""

    name: str
    evolution: float
    visibility: float
    method: str


@dataclass
class MapGraph:
    """A map's dependencies as plain adjacency lists: a library of thousands of maps walks them
    once each, where building a networkx graph per map cost more than the walks themselves.
    networkx is used (through :attr:`graph`) only for what needs its algorithms: betweenness to
    break a tie, and listing the loops of a map that has one."""

    title: str
    #: For each element, in map order, what it depends on (in link order, each once).
    succ: dict[str, list[str]]
    #: For each element, what depends on it.
    pred: dict[str, list[str]]
    roles: dict[str, Role]
    elements: dict[str, Node]
    #: For each component, the needs whose chain of dependencies reaches it (walked on this map only).
    needs_served: dict[str, frozenset[str]] = field(default_factory=dict)
    _betweenness: dict[str, float] | None = None
    _graph: nx.DiGraph[str] | None = None

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The map as a networkx graph (nodes in map order, edges in link order), built on first use."""
        if self._graph is None:
            import networkx as nx

            graph: nx.DiGraph[str] = nx.DiGraph()
            graph.add_nodes_from(self.succ)
            graph.add_edges_from((source, target) for source, targets in self.succ.items() for target in targets)
            self._graph = graph
        return self._graph

    @property
    def users(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "user"]

    @property
    def needs(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "need"]

    @property
    def components(self) -> list[str]:
        return [key for key, role in self.roles.items() if role == "component"]

    @property
    def edges(self) -> list[tuple[str, str]]:
        """Every dependency (source depends on target), sources in map order."""
        return [(source, target) for source, targets in self.succ.items() for target in targets]

    def dependents(self, element_id: str) -> int:
        """How many elements on this map depend directly on the element."""
        return len(self.pred.get(element_id, ()))

    def betweenness(self, element_id: str) -> float:
        """Normalised betweenness (0..1): how often the element lies on paths between others.

        Computed on first use only: it is the costliest figure and serves only to break ties.
        """
        if self._betweenness is None:
            import networkx as nx

            self._betweenness = nx.betweenness_centrality(self.graph) if len(self.succ) > 2 else {}
        return float(self._betweenness.get(element_id, 0.0))

    def fan_in(self, element_id: str) -> float:
        """The share (0..1) of the map's other components that depend on the element, directly or not."""
        others = len(self.components) - 1
        if others <= 0 or element_id not in self.pred:
            return 0.0
        above = sum(1 for key in _reached(self.pred, element_id) if self.roles.get(key) == "component")
        return above / others

    def is_acyclic(self) -> bool:
        """Whether the map has no dependency loop (Kahn's algorithm)."""
        remaining = {key: len(sources) for key, sources in self.pred.items()}
        ready = [key for key, degree in remaining.items() if degree == 0]
        seen = 0
        while ready:
            key = ready.pop()
            seen += 1
            for target in self.succ[key]:
                remaining[target] -= 1
                if remaining[target] == 0:
                    ready.append(target)
        return seen == len(remaining)

    def most_dependents(self) -> int:
        return max((self.dependents(key) for key in self.components), default=0)


def _reached(adjacency: dict[str, list[str]], start: str) -> set[str]:
    """What a walk from ``start`` along ``adjacency`` reaches, ``start`` itself left out (as in a loop)."""
    seen = {start}
    todo = [start]
    while todo:
        for nxt in adjacency[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    seen.discard(start)
    return seen


def element_roles(wardley_map: WardleyMap) -> dict[str, Role]:
    """Each element's role: users, needs (kind need, or depended on directly by a user), components."""
    needs = set(need_ids(wardley_map))
    return {
        element.id: "need" if element.id in needs else kind_info(element.kind).role
        for element in wardley_map.elements
    }


def map_graph(wardley_map: WardleyMap) -> MapGraph:
    elements = {element.id: Node(element.name, element.evolution, element.visibility, element.method)
                for element in wardley_map.elements}
    succ: dict[str, list[str]] = {key: [] for key in elements}
    pred: dict[str, list[str]] = {key: [] for key in elements}
    # Links name elements with strings of their own; using the elements' own id strings instead
    # lets a graph sent from a worker process carry each id once.
    same = {key: key for key in elements}
    seen: set[tuple[str, str]] = set()
    for link in wardley_map.links:
        source, target = same.get(link.source), same.get(link.target)
        if source is not None and target is not None and source != target and (source, target) not in seen:
            seen.add((source, target))
            succ[source].append(target)
            pred[target].append(source)
    roles = element_roles(wardley_map)
    served: dict[str, set[str]] = {key: set() for key, role in roles.items() if role == "component"}
    for need in (key for key, role in roles.items() if role == "need"):
        for reached in _reached(succ, need):
            if reached in served:
                served[reached].add(need)
    return MapGraph(
        title=wardley_map.title, succ=succ, pred=pred, roles=roles, elements=elements,
        needs_served={key: frozenset(needs) for key, needs in served.items()},
    )
