from collections import Counter

import pytest

from wardley.analysis.candidates import badges, fit, score, tier
from wardley.analysis.matching import Placement
from wardley.analysis.measures import CapabilityMeasures
from wardley.analysis.settings import Settings


def measures(evolutions, *, maps=None, all_maps=10, needs=5, all_needs=10, hub=0.5, methods=None,
             products=None) -> CapabilityMeasures:
    count = len(evolutions)
    map_indexes = maps if maps is not None else list(range(count))
    placements = [
        Placement(map_indexes[i], f"map{map_indexes[i]}", f"e{i}", f"Thing {i}", evolution, 0.5,
                  (methods or ["none"] * count)[i], (products or [None] * count)[i])
        for i, evolution in enumerate(evolutions)
    ]
    ordered = sorted(evolutions)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    unique_maps = sorted(set(map_indexes))
    per_map = {index: frozenset(f"n{index}-{k}" for k in range(needs // len(unique_maps)
                                                                 + (1 if i < needs % len(unique_maps) else 0)))
               for i, index in enumerate(unique_maps)}
    return CapabilityMeasures(
        name="Thing", placements=placements, maps=unique_maps, needs=per_map, all_needs=all_needs,
        all_maps=all_maps, evolution=median, spread=max(evolutions) - min(evolutions), hub=hub,
        methods=Counter(p.method for p in placements),
        implementations=sorted({p for p in (products or []) if p}),
    )


@pytest.mark.parametrize(("evolution", "expected"), [
    (0.0, 0.0), (0.34, 0.0), (0.35, 0.0), (0.525, 0.5), (0.70, 1.0), (0.95, 1.0),
])
def test_fit_rises_linearly_from_035_to_070(evolution, expected):
    assert fit(evolution) == pytest.approx(expected)


def test_library_score_is_fit_times_weighted_reach_share_and_hub():
    m = measures([0.6] * 5, all_maps=9, needs=4, all_needs=10, hub=0.5)
    # fit(0.6) = 0.25/0.35; reach 0.4; share (5-1)/(9-1) = 0.5
    expected = (0.25 / 0.35) * (0.4 * 0.4 + 0.4 * 0.5 + 0.2 * 0.5)
    assert m.reach == pytest.approx(0.4)
    assert m.map_share == pytest.approx(0.5)
    assert score(m) == pytest.approx(expected)


def test_single_map_score_uses_reach_fan_in_and_hub():
    m = measures([0.8], all_maps=1, needs=3, all_needs=4, hub=0.5)
    assert score(m) == pytest.approx(1.0 * (0.4 * 0.75 + 0.4 * 0.0 + 0.2 * 0.5))


def test_weights_come_from_settings():
    m = measures([0.8] * 3, all_maps=3, needs=2, all_needs=4, hub=1.0)
    settings = Settings(weight_reach=1.0, weight_map_share=0.0, weight_hub=0.0)
    assert score(m, settings) == pytest.approx(0.5)


def test_strong_needs_score_evolution_and_presence_on_half_the_maps():
    m = measures([0.8] * 6, all_maps=10, needs=9, all_needs=10, hub=0.8)
    assert score(m) >= 0.55
    assert tier(m, score(m)) == "strong"
    fewer = measures([0.8] * 4, all_maps=10, needs=9, all_needs=10, hub=1.0)
    value = score(fewer)
    assert value >= 0.55  # high score, but on 4 of 10 maps: not strong
    assert tier(fewer, value) == "possible"


def test_strong_needs_a_median_of_at_least_half():
    m = measures([0.49] * 10, all_maps=10, needs=10, all_needs=10, hub=1.0)
    settings = Settings(fit_start=0.0, fit_full=0.4)  # fit 1, so only the median rule can fail
    assert score(m, settings) >= 0.55
    assert tier(m, score(m, settings), settings) == "possible"


def test_on_one_map_strong_needs_three_needs():
    three = measures([0.8], all_maps=1, needs=3, all_needs=3, hub=1.0)
    two = measures([0.8], all_maps=1, needs=2, all_needs=2, hub=1.0)
    assert tier(three, score(three)) == "strong"
    assert tier(two, score(two)) == "possible"


def test_possible_from_035_and_none_below():
    m = measures([0.8] * 2, all_maps=10, needs=3, all_needs=10, hub=0.5)
    assert tier(m, 0.35) == "possible"
    assert tier(m, 0.3499) == "none"


def kinds(m, settings=Settings()):
    return {badge.kind for badge in badges(m, settings)}


def test_inconsistent_placement_from_a_spread_of_020():
    assert "inconsistent-placement" in kinds(measures([0.5, 0.7]))
    assert "inconsistent-placement" not in kinds(measures([0.5, 0.69]))


def test_custom_built_commodity_when_built_against_a_commodity_median():
    built = measures([0.75, 0.75, 0.72], methods=["none", "none", "build"])
    assert "custom-built-commodity" in kinds(built)
    below_median = measures([0.65, 0.65, 0.62], methods=["none", "none", "build"])
    assert "custom-built-commodity" not in kinds(below_median)


def test_custom_built_commodity_when_placed_far_left_of_the_median():
    m = measures([0.6, 0.6, 0.34])
    found = [badge for badge in badges(m) if badge.kind == "custom-built-commodity"]
    assert [p.evolution for p in found[0].placements] == [0.34]
    assert "custom-built-commodity" not in kinds(measures([0.6, 0.6, 0.36]))


def test_duplicated_supply_from_two_implementations():
    two = measures([0.8, 0.8, 0.8], products=["GOV.UK Pay", "Pay360", None])
    one = measures([0.8, 0.8, 0.8], products=["GOV.UK Pay", "GOV.UK Pay", None])
    assert "duplicated-supply" in kinds(two)
    assert "duplicated-supply" not in kinds(one)


def test_use_a_utility_from_a_median_of_080():
    assert "use-a-utility" in kinds(measures([0.8, 0.8]))
    assert "use-a-utility" not in kinds(measures([0.79, 0.79]))


def test_too_early_when_repeated_but_still_custom_built():
    assert "too-early" in kinds(measures([0.2, 0.3]))
    assert "too-early" not in kinds(measures([0.2], all_maps=10))  # on one map: nothing repeated
    assert "too-early" not in kinds(measures([0.35, 0.35]))
