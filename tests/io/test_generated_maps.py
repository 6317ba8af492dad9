"""Property-based round trips: any valid map survives save and load unchanged."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardley.io import dump_json_map, parse_json_map
from wardley.model import Annotation, Evolve, MapDocument, Pipeline, Point, WardleyMap

coordinate = st.floats(min_value=0, max_value=1, allow_nan=False)
name = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
kind = st.sampled_from(["user", "need", "component", "market", "ecosystem", "submap"])


@st.composite
def maps(draw: st.DrawFn) -> WardleyMap:
    document = MapDocument()
    document.set_map_fields(title=draw(st.text(max_size=60)), description=draw(st.text(max_size=80)))
    ids = []
    for _ in range(draw(st.integers(0, 12))):
        element = document.add_element(
            draw(name), draw(coordinate), draw(coordinate), draw(kind),
            method=draw(st.sampled_from(["none", "build", "buy", "outsource"])),
            inertia=draw(st.booleans()),
            description=draw(st.text(max_size=30)),
            confidence=draw(st.sampled_from([None, "low", "medium", "high"])),
            label_offset=draw(st.none() | st.tuples(st.floats(-200, 200), st.floats(-200, 200))),
        )
        ids.append(element.id)
    for _ in range(draw(st.integers(0, 20))):
        if len(ids) < 2:
            break
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if document.check_link(a, b) is None:
            document.add_link(a, b, flow=draw(st.booleans()), label=draw(st.text(max_size=10)))
    for element_id in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []:
        document.set_evolve(element_id, Evolve(element=element_id, evolution=draw(coordinate), name=draw(st.none() | name)))
    if ids:
        owner = draw(st.sampled_from(ids))
        members = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
        document.set_pipeline(owner, Pipeline(element=owner, start=draw(coordinate), end=draw(coordinate), members=members))
    for _ in range(draw(st.integers(0, 3))):
        document.add_note(draw(name), draw(coordinate), draw(coordinate))
    points = st.lists(st.builds(Point, evolution=coordinate, visibility=coordinate), min_size=1, max_size=3)
    document.replace_collection(
        "annotations", [Annotation(number=i, text=draw(st.text(max_size=20)), positions=draw(points)) for i in range(draw(st.integers(0, 2)))]
    )
    if draw(st.booleans()):
        document.add_snapshot(draw(name))
    return document.map


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_generated_maps_round_trip(wardley_map: WardleyMap) -> None:
    text = dump_json_map(wardley_map)
    again = parse_json_map(text, "generated")
    assert again == wardley_map
    assert dump_json_map(again) == text
