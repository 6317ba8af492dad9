"""What the library says about one capability: where it is, what it serves, how evolved it is.

Needs are walked on each map separately and then combined, so a dependency path is never
invented by joining two maps.

*Hub* (0..1) says how much other things lean on the capability: on each map, the number of
elements depending directly on it divided by the most any component on that map has, averaged
over its placements. Betweenness (networkx, normalised, averaged over placements) breaks ties
between candidates with the same score; it is the costliest figure, so it is computed only
for those (see :func:`mean_betweenness`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median

from wardley.analysis.graph import MapGraph
from wardley.analysis.matching import CapabilityGroup, Placement
from wardley.analysis.vocabulary import Knowledge


@dataclass
class CapabilityMeasures:
    name: str
    placements: list[Placement]
    #: Indexes of the maps it is on, ascending.
    maps: list[int]
    #: For each map it is on, the ids of the needs it serves there.
    needs: dict[int, frozenset[str]]
    all_needs: int
    all_maps: int
    evolution: float
    spread: float
    hub: float
    methods: Counter[str] = field(default_factory=Counter)
    implementations: list[str] = field(default_factory=list)
    #: Mean share of a map's other components depending on it (computed for single maps only).
    fan_in: float = 0.0
    #: What the vocabulary knows of it nationally (None for a capability it does not know).
    national: Knowledge | None = None

    @property
    def national_commodity(self) -> bool:
        return self.national is not None and self.national.stage == "commodity"

    @cached_property
    def needs_served(self) -> int:
        # Read several times per capability (score, tier, sentences); the needs never change.
        return sum(len(ids) for ids in self.needs.values())

    @property
    def map_count(self) -> int:
        return len(self.maps)

    @property
    def reach(self) -> float:
        return self.needs_served / self.all_needs if self.all_needs else 0.0

    @property
    def map_share(self) -> float:
        return (self.map_count - 1) / (self.all_maps - 1) if self.all_maps > 1 else 0.0


class LibraryGraphs:
    """The graphs of a library, with per-map figures computed once."""

    def __init__(self, graphs: list[MapGraph]) -> None:
        self.graphs = graphs
        self.all_needs = sum(len(graph.needs) for graph in graphs)
        self._most_dependents: dict[int, int] = {}
        self._hubs: dict[int, dict[str, float]] = {}

    def hubs(self, index: int) -> dict[str, float]:
        """Each component's direct dependents on map ``index`` over the most any component there has."""
        found = self._hubs.get(index)
        if found is None:
            graph = self.graphs[index]
            most = self.most_dependents(index)
            found = self._hubs[index] = {
                key: graph.dependents(key) / most if most else 0.0 for key in graph.components}
        return found

    def most_dependents(self, index: int) -> int:
        found = self._most_dependents.get(index)
        if found is None:
            found = self._most_dependents[index] = self.graphs[index].most_dependents()
        return found


_NO_NEEDS: frozenset[str] = frozenset()


def measure(group: CapabilityGroup, library: LibraryGraphs, national: Knowledge | None = None) -> CapabilityMeasures:
    placements = group.placements
    needs: dict[int, frozenset[str]] = {}
    hubs: list[float] = []
    graphs, hubs_on = library.graphs, library.hubs
    for placement in placements:
        index = placement.map_index
        served = graphs[index].needs_served.get(placement.element_id, _NO_NEEDS)
        found = needs.get(index)
        # Most capabilities are on a map once: its set of needs is the component's own, not a copy.
        needs[index] = served if found is None else found | served
        hubs.append(hubs_on(index).get(placement.element_id, 0.0))
    evolutions = [placement.evolution for placement in placements]
    implementations = sorted({placement.product for placement in placements if placement.product})
    return CapabilityMeasures(
        name=group.name,
        placements=placements,
        maps=sorted(needs),
        needs=needs,
        all_needs=library.all_needs,
        all_maps=len(library.graphs),
        evolution=round(median(evolutions), 4),
        spread=round(max(evolutions) - min(evolutions), 4),
        hub=sum(hubs) / len(hubs),
        methods=Counter(placement.method for placement in placements),
        implementations=implementations,
        fan_in=(sum(library.graphs[p.map_index].fan_in(p.element_id) for p in placements) / len(placements)
                if len(library.graphs) == 1 else 0.0),
        national=national,
    )


def mean_betweenness(placements: list[Placement], library: LibraryGraphs) -> float:
    values = [library.graphs[p.map_index].betweenness(p.element_id) for p in placements]
    return sum(values) / len(values) if values else 0.0
