"""Scoring a capability as a shared-platform candidate, its tier, and its badges.

    fit(E)  = 0 below ``fit_start``, rising linearly to 1 at ``fit_full`` (median evolution E)
    score   = fit x (0.4 reach + 0.4 map share + 0.2 hub)   on a library of several maps
    score   = fit x (0.4 reach + 0.4 fan-in + 0.2 hub)      on a single map

On a single map, fit is 1 for a capability the vocabulary knows to be a commodity nationally
(payments, notifications, sign-in...), wherever this one map places it: the map's own placement
says how the team sees it, not whether a national platform exists. Fan-in is the share of the
map's other components depending on it, so what everything rests on outranks what rests on it.
Weights alone cannot promise that a national commodity ranks at or above what depends on it;
:mod:`.ranking` makes it a rule.

Tiers: *strong* (score, median evolution and presence all high enough), *possible* (score
alone high enough), or *none*. Badges flag what a room should talk about whatever the tier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wardley.analysis.matching import Placement
from wardley.analysis.measures import CapabilityMeasures
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings

Tier = Literal["strong", "possible", "none"]
TIERS: tuple[Tier, ...] = ("strong", "possible", "none")
BADGES = ("inconsistent-placement", "custom-built-commodity", "duplicated-supply", "use-a-utility", "too-early")


def fit(evolution: float, settings: Settings = DEFAULT_SETTINGS) -> float:
    if evolution < settings.fit_start:
        return 0.0
    if evolution >= settings.fit_full:
        return 1.0
    return (evolution - settings.fit_start) / (settings.fit_full - settings.fit_start)


def score(measures: CapabilityMeasures, settings: Settings = DEFAULT_SETTINGS) -> float:
    readiness = fit(measures.evolution, settings)
    if measures.all_maps <= 1:
        if measures.national_commodity:
            readiness = 1.0
        value = (settings.single_weight_reach * measures.reach + settings.single_weight_fan_in * measures.fan_in
                 + settings.single_weight_hub * measures.hub)
    else:
        value = (settings.weight_reach * measures.reach + settings.weight_map_share * measures.map_share
                 + settings.weight_hub * measures.hub)
    return readiness * value


@dataclass
class TierCheck:
    """Which of the strong-tier conditions hold: explanations say which one failed."""

    score_ok: bool
    evolution_ok: bool
    presence_ok: bool

    @property
    def strong(self) -> bool:
        return self.score_ok and self.evolution_ok and self.presence_ok


def tier_check(measures: CapabilityMeasures, value: float, settings: Settings = DEFAULT_SETTINGS) -> TierCheck:
    if measures.all_maps <= 1:
        presence = measures.needs_served >= settings.strong_single_map_needs
    else:
        presence = measures.map_count >= settings.strong_map_fraction * measures.all_maps
    return TierCheck(value >= settings.strong_score, measures.evolution >= settings.strong_evolution, presence)


def tier(
    measures: CapabilityMeasures, value: float, settings: Settings = DEFAULT_SETTINGS, check: TierCheck | None = None
) -> Tier:
    """The tier; ``check`` is :func:`tier_check`'s answer when the caller already has it."""
    if (check or tier_check(measures, value, settings)).strong:
        return "strong"
    if value >= settings.possible_score:
        return "possible"
    return "none"


@dataclass
class Badge:
    kind: str
    #: The placements the badge is about (the outliers, the builders, one per implementation...).
    placements: list[Placement] = field(default_factory=list)


#: Qualifiers that say a team made the thing itself.
BUILT_QUALIFIERS = frozenset({"inhouse", "bespoke", "homegrown"})


def built_here(placement: Placement) -> bool:
    """Marked build, or named as made in-house ("In-house payments module")."""
    return placement.method == "build" or bool(BUILT_QUALIFIERS & set(placement.qualifiers))


def custom_built_placements(measures: CapabilityMeasures, settings: Settings = DEFAULT_SETTINGS) -> list[Placement]:
    """Placements built (or placed far left) where the capability is a commodity: by the library's
    median, or nationally (the vocabulary's stage), which also works for a map on its own."""
    built_commodity = measures.evolution >= settings.custom_built_median or measures.national_commodity
    return [
        placement for placement in measures.placements
        if (built_commodity and built_here(placement))
        or (measures.national_commodity and placement.evolution < settings.fit_start)
        or measures.evolution - placement.evolution > settings.left_of_median + 1e-9
    ]


def badges(measures: CapabilityMeasures, settings: Settings = DEFAULT_SETTINGS) -> list[Badge]:
    found: list[Badge] = []
    placements = measures.placements
    if len(placements) > 1 and measures.spread >= settings.inconsistent_spread - 1e-9:
        lowest = min(placements, key=lambda placement: placement.evolution)
        highest = max(placements, key=lambda placement: placement.evolution)
        found.append(Badge("inconsistent-placement", [lowest, highest]))
    builders = custom_built_placements(measures, settings)
    if builders:
        found.append(Badge("custom-built-commodity", builders))
    if len(measures.implementations) >= settings.duplicated_supply_implementations:
        found.append(Badge("duplicated-supply", [p for p in placements if p.product]))
    if measures.evolution >= settings.utility_median:
        found.append(Badge("use-a-utility"))
    if measures.map_count >= 2 and measures.evolution < settings.too_early_median:
        found.append(Badge("too-early"))
    return found
