"""What the analysis says reads right when the numbers are small: one need, one map, shared titles."""

from __future__ import annotations

from tests.analysis.builders import make_map
from wardley.analysis import analyse_map, analyse_maps
from wardley.wording import counted


def tea_shop(title: str = "Tea shop"):  # type: ignore[no-untyped-def]
    return make_map(
        title=title,
        users=["Customer"],
        needs=[("Cup of tea", 0.6, 0.9)],
        components=[("Kettle", 0.75, 0.5), ("Power", 0.95, 0.1)],
        links=[("Customer", "Cup of tea"), ("Cup of tea", "Kettle"), ("Kettle", "Power")],
    )


def test_counted() -> None:
    assert counted(1, "map") == "1 map"
    assert counted(0, "map") == "0 maps"
    assert counted(2_000, "capability", "capabilities") == "2000 capabilities"


def test_one_need_reads_in_the_singular() -> None:
    report = analyse_map(tea_shop(), path="tea.owm")
    power = next(item for item in report.capabilities if item.name == "Power")
    assert "serves 1 of 1 user need on this map" in power.tier_sentence
    assert "1 needs" not in power.tier_sentence and "only 1 need " in power.tier_sentence


def test_a_utility_on_one_map_is_not_said_to_be_on_most_maps() -> None:
    report = analyse_map(tea_shop(), path="tea.owm")
    power = next(item for item in report.capabilities if item.name == "Power")
    sentence = power.badge_sentences["use-a-utility"]
    assert sentence.startswith("Tea shop places Power far to the right") and "Most maps" not in sentence


def test_a_map_analysed_alone_with_one_need_is_pointed_out() -> None:
    report = analyse_map(tea_shop(), path="tea.owm")
    assert [(issue.kind, issue.element) for issue in report.lint] == [("one-need", "Cup of tea")]
    # With other maps, map share tells shared parts apart: no such note.
    other = tea_shop("Cafe")
    assert not [issue for issue in analyse_maps([("a.owm", tea_shop()), ("b.owm", other)]).lint
                if issue.kind == "one-need"]


def test_maps_sharing_a_title_are_told_apart_by_file_name() -> None:
    report = analyse_maps([("north/tea.owm", tea_shop()), ("south/tea-2.owm", tea_shop())])
    kettle = next(item for item in report.capabilities if item.name == "Kettle")
    assert "Tea shop (tea.owm) and Tea shop (tea-2.owm)" in kettle.tier_sentence
