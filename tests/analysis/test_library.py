from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from wardley.analysis import analyse_library, analyse_map, analyse_maps
from wardley.analysis.graph import element_roles
from wardley.io import MapFileError, save_map
from wardley.model.entities import Element, Link, WardleyMap
from tests.analysis.builders import make_map, service_map

NAMES = ["GOV.UK Pay", "Pay360", "Card payments", "Notify", "SMS and email", "LLPG", "Address lookup",
         "Permit system", "Admissions system", "Widget", "widgets", "Online forms", "AWS", "Hosting",
         "Care needs assessment", "Financial assessment", "Documnet management", "Payment reconciliation"]


@st.composite
def libraries(draw):
    maps = []
    for index in range(draw(st.integers(1, 4))):
        count = draw(st.integers(1, 9))
        kinds = draw(st.lists(st.sampled_from(["user", "need", "component", "component", "market"]),
                              min_size=count, max_size=count))
        names = draw(st.lists(st.sampled_from(NAMES), min_size=count, max_size=count))
        elements = [
            Element(id=f"e{i}", kind=kind, name=name, evolution=draw(st.floats(0, 1)),
                    visibility=draw(st.floats(0, 1)))  # type: ignore[arg-type]
            for i, (kind, name) in enumerate(zip(kinds, names, strict=True))
        ]
        pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=12,
                              unique=True))
        links = [Link(source=f"e{a}", target=f"e{b}") for a, b in pairs if a != b]
        maps.append((f"map{index}.wardley.json", WardleyMap(title=f"Map {index}", elements=elements, links=links)))
    return maps


@given(libraries())
@hypothesis_settings(max_examples=60, deadline=None)
def test_every_component_placement_is_in_exactly_one_capability(maps):
    report = analyse_maps(maps)
    seen = [(p.map_path, p.element_id) for capability in report.capabilities for p in capability.placements]
    expected = [
        (path, element_id) for path, wardley_map in maps
        for element_id, role in element_roles(wardley_map).items() if role == "component"
    ]
    assert sorted(seen) == sorted(expected)
    assert len(seen) == len(set(seen))


def test_needs_are_walked_per_map_and_never_joined_across_maps():
    # On map A the need reaches Payments only through "Checkout"; on map B "Checkout" has no
    # payments below it. Joining the maps would invent B's need -> Payments.
    first = make_map("A", ["User"], [("Buy", 0.5, 0.9)], [("Checkout", 0.5, 0.6), ("GOV.UK Pay", 0.8, 0.4)],
                     [("User", "Buy"), ("Buy", "Checkout"), ("Checkout", "GOV.UK Pay")])
    second = make_map("B", ["User"], [("Browse", 0.5, 0.9), ("Pay", 0.5, 0.9)],
                      [("Checkout", 0.5, 0.6), ("Pay360", 0.8, 0.4)],
                      [("User", "Browse"), ("User", "Pay"), ("Browse", "Checkout"), ("Pay", "Pay360")])
    report = analyse_maps([("a", first), ("b", second)])
    payments = report.capability("Payments")
    assert payments is not None
    assert payments.needs == 2
    assert payments.needs_by_map == {"a": ["buy"], "b": ["pay"]}


def test_highlight_gives_element_and_need_ids_on_one_map():
    first = service_map("Parking", [("GOV.UK Pay", 0.8, 0.5), ("Notify", 0.85, 0.4)], needs=2)
    second = service_map("Library", [("Pay360", 0.8, 0.5)])
    report = analyse_maps([("parking.wardley.json", first), ("library.wardley.json", second)])
    lit = report.highlight("Payments", "parking.wardley.json")
    assert lit.element_ids == ["gov-uk-pay"]
    assert lit.need_ids == ["parking-need-1", "parking-need-2"]
    assert report.highlight("Notifications", "library.wardley.json").element_ids == []
    assert report.highlight("No such thing", "parking.wardley.json").element_ids == []
    assert [c.name for c in report.on_map("library.wardley.json")] == ["Payments"]


def test_users_and_needs_are_never_capabilities():
    wardley_map = service_map("Parking", [("Payments", 0.8, 0.5)], needs=3)
    report = analyse_map(wardley_map)
    assert [c.name for c in report.capabilities] == ["Payments"]


def test_one_map_uses_the_single_map_rules():
    wardley_map = service_map("Parking", [("Payments", 0.8, 0.5), ("Permit system", 0.4, 0.6)], needs=3)
    report = analyse_map(wardley_map, path="parking.wardley.json")
    payments = report.capability("Payments")
    # fit 1 x (0.4 x reach 3/3 + 0.4 x fan-in 0 (nothing else rests on it) + 0.2 x hub 1), serving 3 needs
    assert payments.tier == "strong"
    assert payments.score == pytest.approx(0.6)
    assert "3 of 3 user needs on this map" in payments.explanation
    assert report.maps[0].path == "parking.wardley.json"


def test_folder_holds_maps_and_other_files_are_left_alone(tmp_path: Path):
    save_map(tmp_path / "a.wardley.json", service_map("A", [("GOV.UK Pay", 0.8, 0.5)]))
    save_map(tmp_path / "b.wardley.json", service_map("B", [("Pay360", 0.8, 0.5)]))
    (tmp_path / "wardley-aliases.json").write_text('{"merges": {}}')
    (tmp_path / "notes.md").write_text("# not a map")
    (tmp_path / "sub").mkdir()
    report = analyse_library([tmp_path])
    assert [Path(m.path).name for m in report.maps] == ["a.wardley.json", "b.wardley.json"]
    assert report.capability("Payments").implementations == ["GOV.UK Pay", "Pay360"]


def test_missing_paths_and_empty_folders_are_errors(tmp_path: Path):
    with pytest.raises(MapFileError, match="no such file or folder"):
        analyse_library([tmp_path / "nope"])
    with pytest.raises(MapFileError, match="no map files"):
        analyse_library([tmp_path])


def test_capabilities_are_ordered_by_tier_then_score():
    maps = [(f"m{i}", service_map(f"S{i}", [("GOV.UK Pay", 0.8, 0.5), (f"Local thing {i}", 0.3, 0.4)]))
            for i in range(4)]
    report = analyse_maps(maps)
    order = {"strong": 0, "possible": 1, "none": 2}
    keys = [(order[c.tier], -c.score) for c in report.capabilities]
    assert keys == sorted(keys)
    assert report.capabilities[0].name == "Payments"


def test_an_element_on_the_canvas_leads_to_its_capability():
    first = service_map("Parking", [("GOV.UK Pay", 0.8, 0.5)])
    second = service_map("Library", [("Pay360", 0.8, 0.5)])
    report = analyse_maps([("p", first), ("l", second)])
    assert report.capability_of("l", "pay360").name == "Payments"
    assert report.capability_of("l", "user") is None
    assert report.capability_of("l", "library-need-1") is None


def test_a_map_named_twice_is_analysed_once(tmp_path: Path):
    save_map(tmp_path / "a.wardley.json", service_map("A", [("GOV.UK Pay", 0.8, 0.5)]))
    report = analyse_library([tmp_path, tmp_path / "a.wardley.json"])
    assert len(report.maps) == 1
