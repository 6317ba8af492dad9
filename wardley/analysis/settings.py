"""Every threshold and weight of the shared-platform analysis, in one place a room can change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # fit(E): how ready a component is to be shared, from its median evolution.
    fit_start: float = 0.35  # below this: still being worked out, too early to share
    fit_full: float = 0.70  # from here on: a commodity, fully fit to share

    # Score on a library of several maps: fit x (reach, map share, hub weights).
    weight_reach: float = 0.4
    weight_map_share: float = 0.4
    weight_hub: float = 0.2
    # Score on a single map: fit x (reach, fan-in, hub weights); fan-in is the share of the map's
    # other components that depend on it, directly or not, so what everything rests on ranks first.
    single_weight_reach: float = 0.4
    single_weight_fan_in: float = 0.4
    single_weight_hub: float = 0.2

    # Tiers.
    strong_score: float = 0.55
    strong_evolution: float = 0.5
    strong_map_fraction: float = 0.5  # present in at least this share of the maps
    strong_single_map_needs: int = 3  # on one map: serving at least this many needs
    possible_score: float = 0.35

    # Badges.
    inconsistent_spread: float = 0.20
    custom_built_median: float = 0.70  # "build" while the median is at least this
    left_of_median: float = 0.25  # or placed this far left of the median
    utility_median: float = 0.80
    too_early_median: float = 0.35
    duplicated_supply_implementations: int = 2

    # Matching across maps.
    suggest_similarity: float = 0.85  # fuzzy similarity (0..1) from which a merge is suggested
    spelling_variant_similarity: float = 0.80  # two words this alike are the same word misspelt
    #: A word shared by more names than this is too common to find look-alikes by (blocking).
    block_size_limit: int = 400


DEFAULT_SETTINGS = Settings()
