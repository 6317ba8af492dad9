"""Our maps -> OWM text -> our maps loses nothing, whatever the names and texts hold."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MAPS
from wardley.io import dump_json_map, parse_json_map
from wardley.io.owm import format_owm, parse_owm
from wardley.model import Annotation, Evolve, MapDocument, Pipeline, Point, WardleyMap
from wardley.model.entities import Accelerator, Attitude, Axis, Presentation
from wardley.model.ids import unique_id

coordinate = st.floats(min_value=0, max_value=1, allow_nan=False)
#: Text built to hit every rule of the format: quotes, escapes, comment markers,
#: brackets, link operators, keywords, padding and line breaks.
awkward = st.sampled_from(
    [
        '"',
        "\\",
        "//",
        "/*",
        "*/",
        "[",
        "]",
        "->",
        "+>",
        "+<",
        "+'",
        ";",
        "\n",
        "\r",
        "\t",
        " ",
        "  ",
        "{",
        "}",
        "(build)",
        "inertia",
        "label [1, 2]",
        "url(x)",
        "evolve 0.5",
        "0.5",
        "note ",
        "build ",
        "component ",
        "a",
        "B",
        "Kettle",
        "é",
        "\u2028",
        "\x01",
        "'",
        "<>",
        ",",
        "wardley: {}",
        "0",
        "-",
    ]
)
text = st.lists(awkward, max_size=6).map("".join) | st.text(max_size=12)
name = text.filter(lambda s: s.strip() and len(s) <= 200)
kind = st.sampled_from(["user", "need", "component", "market", "ecosystem", "submap"])


@st.composite
def maps(draw: st.DrawFn) -> WardleyMap:
    document = MapDocument()
    document.set_map_fields(title=draw(text), description=draw(text))
    ids: list[str] = []
    for _ in range(draw(st.integers(0, 10))):
        element = document.add_element(
            draw(st.sampled_from(["Tea", "tea", "Kettle"]) | name),
            draw(coordinate),
            draw(coordinate),
            draw(kind),
            method=draw(st.sampled_from(["none", "build", "buy", "outsource"])),
            inertia=draw(st.booleans()),
            description=draw(text),
            confidence=draw(st.sampled_from([None, "low", "medium", "high"])),
            url=draw(st.none() | st.sampled_from(["https://example.org/map#a", "x]y", "", "a /* b"])),
            label_offset=draw(st.none() | st.tuples(st.floats(-200, 200), st.floats(-200, 200))),
        )
        ids.append(element.id)
    if ids and draw(st.booleans()):
        document.rename_element(ids[0], draw(name))
    for _ in range(draw(st.integers(0, 12))):
        if len(ids) < 2:
            break
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if document.check_link(a, b) is None:
            document.add_link(a, b, flow=draw(st.booleans()), label=draw(text), flow_label=draw(text))
    for element_id in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []:
        evolve = Evolve(
            element=element_id,
            evolution=draw(coordinate),
            name=draw(st.none() | name),
            label_offset=draw(st.none() | st.tuples(st.integers(-50, 50), st.integers(-50, 50))),
        )
        document.set_evolve(element_id, evolve)
    for owner in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []:
        members = draw(st.lists(st.sampled_from(ids), unique=True, max_size=4))
        document.set_pipeline(
            owner, Pipeline(element=owner, start=draw(coordinate), end=draw(coordinate), members=members)
        )
    for _ in range(draw(st.integers(0, 3))):
        document.add_note(draw(name), draw(coordinate), draw(coordinate))
    points = st.lists(st.builds(Point, evolution=coordinate, visibility=coordinate), min_size=1, max_size=3)
    document.replace_collection(
        "annotations",
        [
            Annotation(number=draw(st.integers(0, 99)), text=draw(text), positions=draw(points))
            for _ in range(draw(st.integers(0, 2)))
        ],
    )
    # Element, note and accelerator ids are one namespace (a file breaking that is refused), so
    # each accelerator's id is made unique against all three, as the editor does.
    accelerators: list[Accelerator] = []
    for n in draw(st.lists(name, max_size=2)):
        taken = {e.id for e in document.map.elements} | {note.id for note in document.map.notes} | {
            a.id for a in accelerators}
        accelerators.append(Accelerator(
            id=unique_id(n, taken, "accelerator"),
            name=n,
            evolution=draw(coordinate),
            visibility=draw(coordinate),
            negative=draw(st.booleans()),
        ))
    document.replace_collection("accelerators", accelerators)
    document.replace_collection(
        "attitudes",
        [
            Attitude(
                kind=draw(st.sampled_from(["pioneers", "settlers", "townplanners"])),
                top=draw(coordinate),
                left=draw(coordinate),
                bottom=draw(coordinate),
                right=draw(coordinate),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
    )
    stages = draw(st.none() | st.tuples(text, text, text, text))
    axis = (
        Axis(stages=stages, show_evolution=draw(st.booleans()), show_value_chain=draw(st.booleans()))
        if stages
        else Axis(show_evolution=draw(st.booleans()))
    )
    size = draw(st.none() | st.tuples(st.integers(0, 3000), st.integers(0, 3000)))
    style = draw(st.sampled_from(["plain", "wardley", "dark", "colour", "fancy"]))
    position = draw(st.none() | st.builds(Point, evolution=coordinate, visibility=coordinate))
    document.set_map_fields(axis=axis, presentation=Presentation(style=style, size=size, annotations_position=position))
    if draw(st.booleans()):
        document.add_snapshot(draw(name))
    wardley_map = document.map
    if draw(st.booleans()):  # any element order, not only the one the app makes
        order = draw(st.permutations(wardley_map.elements))
        wardley_map = wardley_map.model_copy(update={"elements": list(order)})
    return wardley_map


def assert_lossless(wardley_map: WardleyMap) -> None:
    text_out = format_owm(wardley_map)
    result = parse_owm(text_out)
    assert result.warnings == []
    assert result.dropped == []
    # The parser validates in bulk and takes fast paths: what it returns must be what validation gives.
    assert WardleyMap.model_validate(result.map.model_dump()) == result.map
    assert result.map == wardley_map
    assert format_owm(result.map) == text_out


@settings(
    max_examples=int(os.environ.get("OWM_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(maps())
def test_any_map_survives_owm_round_trip(wardley_map: WardleyMap) -> None:
    assert_lossless(wardley_map)


def test_example_maps_survive_owm_round_trip() -> None:
    paths = sorted(MAPS.glob("*.wardley.json"))
    assert paths, "the example maps are missing"
    for path in paths:
        assert_lossless(parse_json_map(path.read_text(encoding="utf-8"), str(path)))


def test_plain_map_is_written_without_our_comments() -> None:
    document = MapDocument()
    document.set_map_fields(title="Tea shop")
    business = document.add_element("Business", 0.5, 0.95, "user")
    cup = document.add_element("Cup of tea", 0.6, 0.79, "component", method="buy", label_offset=(-57, 4))
    document.add_link(business.id, cup.id)
    document.set_evolve(cup.id, Evolve(element=cup.id, evolution=0.8))
    text_out = format_owm(document.map)
    assert "wardley:" not in text_out
    assert text_out == (
        "title Tea shop\n\n"
        "anchor Business [0.95, 0.50]\n"
        "component Cup of tea [0.79, 0.60] label [-57, 4] (buy)\n\n"
        "evolve Cup of tea 0.80\n\n"
        "Business->Cup of tea\n"
    )


def test_what_owm_cannot_hold_rides_in_a_trailing_comment() -> None:
    document = MapDocument()
    need = document.add_element("Renew a permit", 0.5, 0.9, "need", description="Why: residents ask", confidence="low")
    document.rename_element(need.id, "Renew a parking permit")
    line = format_owm(document.map).splitlines()[2]
    assert line.startswith("component Renew a parking permit [0.90, 0.50] // wardley: ")
    meta = json.loads(line.split("// wardley: ", 1)[1])
    assert meta == {"id": "renew-a-permit", "kind": "need", "description": "Why: residents ask", "confidence": "low"}


def test_json_dump_is_unchanged_by_an_owm_round_trip() -> None:
    for path in sorted(MAPS.glob("*.wardley.json")):
        original = path.read_text(encoding="utf-8")
        again = parse_owm(format_owm(parse_json_map(original, str(path)))).map
        assert dump_json_map(again) == original
