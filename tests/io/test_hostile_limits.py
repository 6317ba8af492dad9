"""Hostile files within the size limits: problems counted past 100, the item limit for
OWM text as for JSON, ids that survive a trip through OWM, flows that keep their way."""

from __future__ import annotations

import json

import pytest

from wardley.io.files import parse_map_text
from wardley.io.json_format import dump_json_map, parse_json_map
from wardley.io.limits import MAX_ITEMS
from wardley.io.owm import format_owm, parse_owm
from wardley.io.problems import MAX_PROBLEMS, MapFileError


def _json(**lists: object) -> str:
    return json.dumps({"format": "wardley-map", "version": 1, "title": "t", **lists})


def test_problems_past_100_are_counted_not_listed() -> None:
    notes = [
        {"id": f"n{i}", "text": "t", "evolution": 0.5, "visibility": 0.5, **{f"k{j}": 1 for j in range(40)}}
        for i in range(3_000)
    ]
    with pytest.raises(MapFileError) as caught:
        parse_json_map(_json(notes=notes), "many.wardley.json")
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.count() == 120_000
    lines = error.lines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == "many.wardley.json: $.notes[0].k0: unknown field"
    assert lines[-1] == "many.wardley.json: ... and 119,900 more problems (only the first 100 are listed)"
    assert error.summary() == "many.wardley.json: $.notes[0].k0: unknown field (and 119,999 more problems; run 'wardley validate')"


def test_type_errors_past_100_are_counted_too() -> None:
    elements = [{"id": f"e{i}", "name": "E", "evolution": "x", "visibility": [1], "kind": 3} for i in range(1_000)]
    with pytest.raises(MapFileError) as caught:
        parse_json_map(_json(elements=elements), "types.wardley.json")
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.count() == 3_000
    # Each record's place is its own, across the slices records are validated in.
    assert caught.value.problems[-1].place.startswith("$.elements[33].")


def test_problems_in_a_valid_file_beside_unknown_keys_keep_their_places() -> None:
    elements = [{"id": "a", "name": "A", "evolution": 2, "visibility": 0.5, "shape": "hexagon"}]
    with pytest.raises(MapFileError) as caught:
        parse_json_map(_json(elements=elements, snapshots=[{"name": "s", "content": {"notes": [{"bad": 1}]}}]), "m.json")
    places = [problem.place for problem in caught.value.problems]
    assert "$.elements[0].shape" in places and "$.elements[0].evolution" in places
    assert "$.snapshots[0].content.notes[0].bad" in places
    assert "$.snapshots[0].content.notes[0].id" in places


def test_owm_warnings_past_100_are_counted() -> None:
    result = parse_owm("component A [0.5, 0.5]\n" + "free text here\n" * 5_000)
    assert len(result.warnings) == MAX_PROBLEMS + 1
    assert result.warnings[-1].message == "... and 4,900 more warnings (only the first 100 are listed)"
    assert result.warning_count == 5_000


def test_owm_text_over_the_item_limit_is_refused_while_reading() -> None:
    text = "".join(f"component C{i} [0.5, 0.5]\n" for i in range(MAX_ITEMS + 2_000))
    with pytest.raises(MapFileError) as caught:
        parse_map_text(text, "owm", "huge.owm")
    summary = caught.value.summary()
    assert summary.startswith("huge.owm: line ")
    assert f"items by this line (at most {MAX_ITEMS:,} are read)" in summary
    line = int(summary.split("line ")[1].split(":")[0])
    assert MAX_ITEMS < line <= MAX_ITEMS + 1_024  # stopped while reading, not after


def test_owm_links_count_toward_the_item_limit() -> None:
    text = "component A [0.5, 0.5]\ncomponent B [0.5, 0.5]\n" + "A->B\n" * (MAX_ITEMS + 1_500)
    with pytest.raises(MapFileError, match="too large"):
        parse_map_text(text, "owm", "links.owm")


def test_owm_text_at_the_item_limit_loads() -> None:
    text = "".join(f"component C{i} [0.5, 0.5]\n" for i in range(MAX_ITEMS))
    assert len(parse_map_text(text, "owm", "full.owm").map.elements) == MAX_ITEMS


def test_json_annotation_points_count_toward_the_item_limit() -> None:
    annotation = {"number": 1, "positions": [{"evolution": 0.1, "visibility": 0.1}] * (MAX_ITEMS + 1)}
    with pytest.raises(MapFileError, match="too large"):
        parse_json_map(_json(annotations=[annotation]), "points.wardley.json")


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"accelerators": [{"id": "x", "name": "P", "evolution": 0.1, "visibility": 0.1}] * 2}, "duplicate accelerator id 'x'"),
        ({"notes": [{"id": "a", "text": "n", "evolution": 0.1, "visibility": 0.1}]}, "duplicate note id 'a' (taken by an element)"),
        ({"accelerators": [{"id": "a", "name": "P", "evolution": 0.1, "visibility": 0.1}]}, "duplicate accelerator id 'a'"),
        (
            {"notes": [{"id": "x", "text": "n", "evolution": 0.1, "visibility": 0.1}],
             "accelerators": [{"id": "x", "name": "P", "evolution": 0.1, "visibility": 0.1}]},
            "taken by another note or accelerator",
        ),
    ],
)
def test_ids_shared_across_records_are_refused_as_in_owm(lists: dict[str, object], message: str) -> None:
    elements = [{"id": "a", "name": "A", "evolution": 0.5, "visibility": 0.5}]
    with pytest.raises(MapFileError) as caught:
        parse_json_map(_json(elements=elements, **lists), "ids.wardley.json")
    assert message in caught.value.summary()


@pytest.mark.parametrize(
    ("line", "direction"),
    [("A+>B", "forward"), ("A+<B", "back"), ("A+<>B", "both"), ("A+'£5'<B", "back"), ("A+'£5'<>B", "both")],
)
def test_owm_flow_direction_survives_open_and_save(line: str, direction: str) -> None:
    text = f"component A [0.9, 0.5]\ncomponent B [0.5, 0.5]\n{line}\n"
    wardley_map = parse_owm(text).map
    assert wardley_map.links[0].flow and wardley_map.links[0].flow_direction == direction
    written = format_owm(wardley_map)
    assert line in written.splitlines()
    assert parse_owm(written).map == wardley_map
    assert parse_json_map(dump_json_map(wardley_map), "m.json") == wardley_map


def test_a_flow_direction_on_a_plain_link_rides_in_our_comment() -> None:
    elements = [{"id": "a", "name": "A", "evolution": 0.5, "visibility": 0.9},
                {"id": "b", "name": "B", "evolution": 0.5, "visibility": 0.5}]
    wardley_map = parse_json_map(_json(elements=elements, links=[{"source": "a", "target": "b", "flow_direction": "back"}]), "m")
    again = parse_owm(format_owm(wardley_map))
    assert again.warnings == [] and again.map == wardley_map


def test_owm_snapshot_items_count_toward_the_limit_while_reading() -> None:
    content = {"notes": [{"id": f"n{i}", "text": "t", "evolution": 0.1, "visibility": 0.1} for i in range(MAX_ITEMS // 2)]}
    line = "// wardley-snapshot: " + json.dumps({"name": "s", "content": content})
    with pytest.raises(MapFileError) as caught:
        parse_map_text(f"component A [0.5, 0.5]\n{line}\n{line}\n", "owm", "snap.owm")
    assert caught.value.summary().startswith("snap.owm: line 3: too large")


def test_an_owm_snapshot_with_many_unknown_keys_is_skipped_cheaply() -> None:
    notes = [{"id": f"n{i}", "text": "t", "evolution": 0.1, "visibility": 0.1, **{f"k{j}": 1 for j in range(40)}}
             for i in range(2_000)]
    line = "// wardley-snapshot: " + json.dumps({"name": "s", "content": {"notes": notes}})
    result = parse_owm(f"component A [0.5, 0.5]\n{line}\n")
    assert result.map.snapshots == []
    assert [w.message for w in result.warnings] == ["wardley-snapshot comment is not a valid snapshot: skipped"]


def test_owm_text_over_the_line_limit_is_refused_before_it_is_split() -> None:
    from wardley.io.limits import MAX_OWM_LINES

    with pytest.raises(MapFileError) as caught:
        parse_map_text("// nothing\n" * (MAX_OWM_LINES + 1), "owm", "long.owm")
    assert caught.value.summary() == f"long.owm: too large: {MAX_OWM_LINES + 1:,} lines (at most {MAX_OWM_LINES:,} are read)"
    assert parse_map_text("// nothing\n" * 1_000 + "component A [0.5, 0.5]\n", "owm", "ok.owm").map.elements


def test_owm_text_of_unreadable_lines_stops_being_read_past_the_item_limit() -> None:
    text = "component A [0.5, 0.5]\n" + "no such line\n" * (MAX_ITEMS + 5_000)
    with pytest.raises(MapFileError) as caught:
        parse_map_text(text, "owm", "junk.owm")
    summary = caught.value.summary()
    assert summary.startswith("junk.owm: line ") and "lines that cannot be read by this line" in summary
    assert int(summary.split("line ")[1].split(":")[0]) <= MAX_ITEMS + 1_025
