"""The one ranking rule weights cannot guarantee: a shared commodity ranks at or above what rests on it.

Scores are weighted sums, and *hub* counts direct dependants only: a service-specific hub that
half a map leans on can outscore the Hosting or Notifications under it, and a room would hear
"share the tenancy case hub" before "share the hosting it runs on". Sharing something means
sharing what it depends on, so when a capability the vocabulary does not know as a national
commodity depends, directly or not, on one it does, the commodity takes the better of the two
tiers and scores: it ranks at or above, and its sentence says why.

On a library, the dependency must hold on every map the dependent capability is on (a map that
does not draw the commodity says nothing about it), and only candidates (tier strong or possible)
lift: ranking among capabilities that are not candidates decides nothing, and walking every
component of a sector's maps would cost more than the rest of the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from dataclasses import dataclass, field

import networkx as nx

from wardley.analysis.measures import CapabilityMeasures, LibraryGraphs

TIER_ORDER = {"strong": 0, "possible": 1, "none": 2}


@dataclass
class Ranked:
    """One capability's place in the ranking, before its sentences are written."""

    measures: CapabilityMeasures
    score: float
    tier: str
    #: The names of the capabilities that rest on it and lifted it to their rank (empty when none did).
    lifted_by: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, float]:
        return TIER_ORDER[self.tier], -self.score


def lift_commodities(ranked: Sequence[Ranked], library: LibraryGraphs) -> None:
    """Raise each national commodity to the tier and score of the best-ranked capability resting on it."""
    commodity_at: dict[tuple[int, str], int] = {}
    for index, item in enumerate(ranked):
        if item.measures.national_commodity:
            for placement in item.measures.placements:
                commodity_at[(placement.map_index, placement.element_id)] = index
    if not commodity_at:
        return
    single = len(library.graphs) <= 1
    commodities = sorted(set(commodity_at.values()))
    lifts: dict[int, list[int]] = {}
    for index, item in enumerate(ranked):
        if item.measures.national_commodity or not (single or item.tier != "none"):
            continue
        # Only commodities it outranks could be lifted: usually none, as they rank first anyway,
        # and then its maps need not be walked at all.
        outranked = {below for below in commodities if item.key < ranked[below].key}
        if outranked:
            for below in _rests_on(item.measures, library, commodity_at, outranked):
                lifts.setdefault(below, []).append(index)
    for below, above in lifts.items():
        target = ranked[below]
        # The lifting capabilities are never commodities themselves, so one pass settles every lift.
        best = min((ranked[index] for index in above), key=lambda item: item.key)
        target.tier = min(target.tier, best.tier, key=TIER_ORDER.__getitem__)
        target.score = max(target.score, *(ranked[index].score for index in above))
        target.lifted_by = sorted(ranked[index].measures.name for index in above)


def _rests_on(
    measures: CapabilityMeasures, library: LibraryGraphs, commodity_at: dict[tuple[int, str], int],
    wanted: set[int],
) -> set[int]:
    """Which of the ``wanted`` commodities (by index) the capability depends on, directly or not,
    on each of its maps; stops at the first map where it rests on none of them. The placements come
    in map order, as :func:`.matching.group_placements` leaves them."""
    common = set(wanted)
    for map_index, placements in groupby(measures.placements, key=lambda placement: placement.map_index):
        graph = library.graphs[map_index].graph
        here: set[int] = set()
        for placement in placements:
            for below in nx.descendants(graph, placement.element_id):
                index = commodity_at.get((map_index, below))
                if index is not None:
                    here.add(index)
        common &= here
        if not common:
            break
    return common
