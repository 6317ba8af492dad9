"""The scene applies label placement: boxes match what items draw, hand-set
offsets are kept, the model is never written, and edits re-run the pass."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from sample_maps import rich_map
from wardley.model import Element, MapDocument, WardleyMap
from wardley.render import MapScene
from wardley.render.items.element import DEFAULT_LABEL_OFFSET
from wardley.render.label_layout import overlapping_pairs
from wardley.render.label_placement import layout_problem


def crowded_map(hand_set: tuple[float, float] | None = None) -> WardleyMap:
    # Three components close together: their default labels pile up.
    return WardleyMap(
        title="Crowd",
        elements=[
            Element(id="a", name="Alpha service", evolution=0.5, visibility=0.5, label_offset=hand_set),
            Element(id="b", name="Beta service", evolution=0.505, visibility=0.495),
            Element(id="c", name="Gamma service two lines long enough to wrap", evolution=0.51, visibility=0.49),
        ],
    )


@pytest.fixture
def make_scene(qapp):  # type: ignore[no-untyped-def]
    made: list[MapScene] = []

    def make(wardley_map: WardleyMap) -> MapScene:
        scene = MapScene(MapDocument(wardley_map))
        made.append(scene)
        return scene

    yield make
    for scene in made:
        scene.detach()


def drawn_boxes(scene: MapScene):  # type: ignore[no-untyped-def]
    return {key: item.label_rect().translated(item.pos()) for key, item in scene.elements.items()}


def test_label_boxes_match_what_the_items_draw(make_scene) -> None:  # type: ignore[no-untyped-def]
    scene = make_scene(rich_map())
    problem = layout_problem(scene)
    drawn = drawn_boxes(scene)
    for label in problem.labels:
        kind, element_id = label.key
        if kind != "element":
            continue
        item = scene.elements[element_id]
        offset = item.auto_label_offset or label.offset
        box, rect = label.box(offset), drawn[element_id]
        assert (box.left, box.top, box.right, box.bottom) == pytest.approx(
            (rect.left(), rect.top(), rect.right(), rect.bottom()), abs=0.01
        ), element_id


def test_crowded_labels_are_moved_apart_without_touching_the_model(make_scene) -> None:  # type: ignore[no-untyped-def]
    wardley_map = crowded_map()
    scene = make_scene(wardley_map)
    problem = layout_problem(scene)
    assert overlapping_pairs(problem.labels) > 0  # where OWM would put them
    rects = list(drawn_boxes(scene).values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(e.label_offset is None for e in scene.document.map.elements)


def test_a_hand_set_label_stays_exactly_where_the_user_put_it(make_scene) -> None:  # type: ignore[no-untyped-def]
    scene = make_scene(crowded_map(hand_set=(5.0, -10.0)))
    item = scene.elements["a"]
    assert item.auto_label_offset is None
    rect = item.label_rect()
    assert rect.left() == 5.0
    # The others moved out of its way instead.
    assert scene.elements["b"].auto_label_offset not in (None, DEFAULT_LABEL_OFFSET)


def test_placement_can_be_switched_off(make_scene) -> None:  # type: ignore[no-untyped-def]
    scene = make_scene(WardleyMap())
    scene.auto_label_layout = False
    scene.document.replace_map(crowded_map())  # a reset: the scene rebuilds
    scene.flush_label_layout()
    assert len(scene.elements) == 3
    assert all(item.auto_label_offset is None for item in scene.elements.values())


def test_an_edit_re_runs_placement_once_the_event_loop_turns(make_scene, qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = make_scene(crowded_map())
    document = scene.document
    assert scene.elements["b"].auto_label_offset not in (None, DEFAULT_LABEL_OFFSET)  # crowded: moved aside
    document.move_element("b", 0.9, 0.1)  # nothing near it any more
    document.move_element("c", 0.1, 0.9)
    qtbot.waitUntil(lambda: all(item.auto_label_offset in (None, DEFAULT_LABEL_OFFSET) for item in scene.elements.values()))


def test_a_stray_hand_set_offset_is_placed_like_an_unset_one(make_scene) -> None:  # type: ignore[no-untyped-def]
    # Real OWM files hold offsets like label [-945, 356]: far off the map, a slip.
    scene = make_scene(crowded_map(hand_set=(-945.0, 356.0)))
    item = scene.elements["a"]
    assert item.auto_label_offset is not None
    rect = item.label_rect().translated(item.pos())
    assert abs(rect.left() - item.pos().x()) < 100 and abs(rect.top() - item.pos().y()) < 100
    assert scene.document.map.element("a").label_offset == (-945.0, 356.0)  # the file keeps it


def test_relabel_moves_hand_set_labels_that_collide_and_keeps_the_file(make_scene) -> None:  # type: ignore[no-untyped-def]
    # Every label set by hand onto the same spot: kept, they pile up; relabelled, they part.
    piled = WardleyMap.model_validate(
        {**crowded_map().model_dump(), "elements": [
            {**e.model_dump(), "label_offset": (5.0, -10.0)} for e in crowded_map().elements
        ]}
    )
    kept = make_scene(piled)
    rects = list(drawn_boxes(kept).values())
    assert any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])

    relabelled = make_scene(piled)
    relabelled.keep_hand_set_labels = False
    relabelled.flush_label_layout(force=True)
    rects = list(drawn_boxes(relabelled).values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert [e.label_offset for e in relabelled.document.map.elements] == [(5.0, -10.0)] * 3


def test_labels_keep_off_an_attitude_box_title(make_scene) -> None:  # type: ignore[no-untyped-def]
    from wardley.model import Attitude
    from wardley.render.items.forces import AttitudeItem

    box = Attitude(kind="pioneers", top=0.8, left=0.3, bottom=0.4, right=0.7)
    # Find a spot just below the title where the default label would cover it.
    for evolution in (0.29, 0.3, 0.31, 0.32):
        for visibility in (0.79, 0.78, 0.77, 0.76, 0.75):
            element = Element(id="a", name="Street lighting", evolution=evolution, visibility=visibility)
            scene = make_scene(WardleyMap(elements=[element], attitudes=[box]))
            title = next(i for i in scene.items() if isinstance(i, AttitudeItem)).title_rect()
            spec = next(label for label in layout_problem(scene).labels if label.key == ("element", "a"))
            b = spec.box(spec.offset)
            if title.intersects(QRectF(b.left, b.top, b.right - b.left, b.bottom - b.top)):
                drawn = drawn_boxes(scene)["a"]
                assert not drawn.intersects(title), (evolution, visibility)
                assert scene.elements["a"].auto_label_offset is not None
                return
    pytest.fail("no spot puts the default label on the title: the test needs another map")
