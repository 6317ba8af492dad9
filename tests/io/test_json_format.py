import json
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import MAPS, ROOT
from wardley.io import MapFileError, dump_json_map, json_schema_text, load_map, parse_json_map, save_map
from wardley.io.limits import MAX_ITEMS
from wardley.model import MapDocument

EXAMPLES = sorted(MAPS.glob("*.wardley.json"))


def problems_of(data: object) -> list[str]:
    with pytest.raises(MapFileError) as caught:
        parse_json_map(json.dumps(data), "m.json")
    return caught.value.lines()


def base() -> dict:
    return json.loads(dump_json_map(load_map(MAPS / "parking-permits.wardley.json").map))


def test_there_are_at_least_five_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_byte_identical(path: Path, tmp_path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    first = load_map(path).map
    copy = tmp_path / path.name
    save_map(copy, first)
    assert copy.read_text(encoding="utf-8") == original
    assert load_map(copy).map == first


def test_every_problem_is_reported_with_its_path() -> None:
    data = base()
    elements = data["elements"]
    elements[1]["id"] = elements[0]["id"]
    elements[2]["evolution"] = 1.2
    elements[3]["name"] = ""
    elements[4]["name"] = "x" * 201
    elements[5]["colour"] = "red"
    data["links"].append({"source": "resident", "target": "resident"})
    data["links"].append(dict(data["links"][0]))
    data["links"].append({"source": "resident", "target": "ghost"})
    lines = problems_of(data)
    expected = [
        "m.json: $.elements[1].id: duplicate id 'resident'",
        # the renamed id leaves that element's own link dangling, which is reported too
        "m.json: $.links[2].source: links from missing element 'civil-enforcement-officer'",
        "m.json: $.elements[2].evolution: must be a number from 0 to 1 (found 1.2)",
        "m.json: $.elements[3].name: must not be empty",
        "m.json: $.elements[4].name: is too long (at most 200 characters)",
        "m.json: $.elements[5].colour: unknown field",
        f"m.json: $.links[{len(data['links']) - 3}]: 'resident' is linked to itself",
        f"m.json: $.links[{len(data['links']) - 2}]: duplicate link from 'resident' to 'get-a-parking-permit'",
        f"m.json: $.links[{len(data['links']) - 1}].target: links to missing element 'ghost'",
    ]
    assert sorted(lines) == sorted(expected)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity"])
def test_coordinates_must_be_finite(bad: str) -> None:
    text = dump_json_map(load_map(MAPS / "parking-permits.wardley.json").map)
    text = text.replace('"evolution": 0.5,', f'"evolution": {bad},', 1)
    with pytest.raises(MapFileError) as caught:
        parse_json_map(text, "m.json")
    assert caught.value.lines() == ["m.json: $.elements[0].evolution: must be a finite number"]


def test_blank_names_and_bad_ids_are_refused() -> None:
    data = base()
    data["elements"][0]["name"] = "   "
    data["elements"][1]["id"] = "has space"
    assert problems_of(data) == [
        "m.json: $.elements[0].name: must not be blank",
        "m.json: $.elements[1].id: an id may hold only letters, digits and - _ . :",
        "m.json: $.links[2].source: links from missing element 'civil-enforcement-officer'",
    ]


def test_broken_references_elsewhere_are_found() -> None:
    data = base()
    data["evolves"].append({"element": "ghost", "evolution": 0.5})
    data["pipelines"] = [{"element": "resident", "start": 0.1, "end": 0.5, "members": ["nobody"]}]
    assert problems_of(data) == [
        f"m.json: $.evolves[{len(data['evolves']) - 1}].element: evolves missing element 'ghost'",
        "m.json: $.pipelines[0].members[0]: pipeline holds missing element 'nobody'",
    ]


def test_newer_version_is_refused_clearly() -> None:
    data = base()
    data["version"] = 7
    (line,) = problems_of(data)
    assert "made by a newer version of wardley" in line and "$.version" in line


def test_not_our_format() -> None:
    assert problems_of({"title": "x"}) == ['m.json: $.format: not a wardley map file (expected "format": "wardley-map")']
    assert problems_of([1, 2]) == ["m.json: $: expected a JSON object holding a wardley map, found an array"]


def test_too_many_items_is_refused_before_validation() -> None:
    data = base()
    data["notes"] = [{"id": f"n{i}", "text": "x", "evolution": 0.1, "visibility": 0.1} for i in range(MAX_ITEMS + 1)]
    (line,) = problems_of(data)
    assert "too large" in line


def test_deep_nesting_cannot_crash_the_loader() -> None:
    deep = "[" * 200_000 + "]" * 200_000
    with pytest.raises(MapFileError) as caught:
        parse_json_map(deep, "deep.json")
    assert "nested too deeply" in caught.value.lines()[0]
    text = dump_json_map(load_map(MAPS / "parking-permits.wardley.json").map)
    hostile = text.replace('"title": "Residents\' parking permits"', '"title": ' + "[" * 3000 + "]" * 3000)
    with pytest.raises(MapFileError):
        parse_json_map(hostile, "deep.json")


def test_serialisation_is_deterministic_and_local() -> None:
    document = MapDocument(load_map(MAPS / "county-library-service.wardley.json").map)
    before = dump_json_map(document.map).splitlines()
    assert dump_json_map(document.map).splitlines() == before
    document.move_element("payments", 0.81, 0.42)
    after = dump_json_map(document.map).splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [('      "evolution": 0.78,', '      "evolution": 0.81,'), ('      "visibility": 0.4,', '      "visibility": 0.42,')]
    assert dump_json_map(document.map).endswith("}\n")


def test_schema_copy_in_resources_is_current() -> None:
    copy = (ROOT / "resources" / "wardley-map.schema.json").read_text(encoding="utf-8")
    assert copy == json_schema_text(), "run: wardley schema > resources/wardley-map.schema.json"


def test_save_is_atomic_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "m.wardley.json"
    wardley_map = load_map(MAPS / "parking-permits.wardley.json").map
    save_map(target, wardley_map)
    os.chmod(target, 0o640)
    document = MapDocument(wardley_map.model_copy(deep=True))
    document.rename_element("resident", "Household")
    save_map(target, document.map)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert load_map(target).map.element("resident").name == "Household"
    assert [p.name for p in tmp_path.iterdir()] == ["m.wardley.json"]


def test_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.wardley.json"
    wardley_map = load_map(MAPS / "parking-permits.wardley.json").map
    save_map(target, wardley_map)
    original = target.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    document = MapDocument(wardley_map.model_copy(deep=True))
    document.rename_element("resident", "Household")
    with pytest.raises(MapFileError) as caught:
        save_map(target, document.map)
    assert caught.value.lines() == [f"{target}: cannot save: No space left on device"]
    assert target.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["m.wardley.json"]


def test_save_into_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(MapFileError) as caught:
        save_map(tmp_path / "nope" / "m.wardley.json", MapDocument().map)
    assert len(caught.value.lines()) == 1


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.wardley.json"
    with open(path, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert caught.value.lines() == [f"{path}: too large: over 50 MB"]
