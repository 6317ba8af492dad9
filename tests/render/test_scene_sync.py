"""The scene follows every change made through MapDocument, whoever makes it."""

from __future__ import annotations

import pytest

from sample_maps import rich_map
from wardley.model import Annotation, Axis, Evolve, Link, MapDocument, Note, Pipeline, Point, WardleyMap
from wardley.render import MapScene
from wardley.render.geometry import to_scene
from wardley.render.items.evolve_pipeline import PipelineItem
from wardley.render.items.forces import AcceleratorItem, AttitudeItem
from wardley.render.items.notes import AnnotationItem, AnnotationLegendItem


@pytest.fixture
def doc_scene(qapp):  # type: ignore[no-untyped-def]
    document = MapDocument(rich_map())
    scene = MapScene(document)
    yield document, scene
    scene.detach()


def test_scene_mirrors_the_map(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    m = document.map
    assert set(scene.elements) == {e.id for e in m.elements}
    assert set(scene.links) == {(l.source, l.target) for l in m.links}
    assert set(scene.evolves) == {"case"}
    assert set(scene.pipelines) == {"hosting"}
    assert set(scene.notes) == {"note"}
    items = scene.items()
    assert sum(isinstance(i, AnnotationItem) for i in items) == 2
    assert sum(isinstance(i, AnnotationLegendItem) for i in items) == 1
    assert sum(isinstance(i, AcceleratorItem) for i in items) == 2
    assert sum(isinstance(i, AttitudeItem) for i in items) == 1
    portal = document.element("portal")
    assert scene.elements["portal"].pos() == to_scene(portal.evolution, portal.visibility)


def test_add_move_remove_through_document(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    added = document.add_element("Library", 0.3, 0.3)
    assert scene.elements[added.id].element.name == "Library"
    document.add_link("case", added.id)
    assert ("case", added.id) in scene.links
    document.move_element(added.id, 0.9, 0.1)
    item = scene.elements[added.id]
    assert item.pos() == to_scene(0.9, 0.1)
    link = scene.links[("case", added.id)]
    assert link._line.p2() == item.pos()
    document.rename_element(added.id, "Libraries")
    assert scene.elements[added.id].element.name == "Libraries"
    document.remove_elements([added.id])
    assert added.id not in scene.elements
    assert ("case", added.id) not in scene.links
    assert item.scene() is None and link.scene() is None


def test_remove_and_restore_brings_back_links_evolve_pipeline(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    removal = document.remove_elements(["case", "hosting"])
    assert "case" not in scene.evolves and "hosting" not in scene.pipelines
    assert not any("case" in key for key in scene.links)
    document.restore(removal)
    assert "case" in scene.evolves and "hosting" in scene.pipelines
    assert {k for k in scene.links} == {(l.source, l.target) for l in document.map.links}


def test_link_evolve_pipeline_note_changes(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    document.set_link("case", "data", label="nightly file", flow=True)
    assert scene.links[("case", "data")].link.label == "nightly file"
    document.remove_link("case", "data")
    assert ("case", "data") not in scene.links
    document.set_evolve("portal", Evolve(element="portal", evolution=0.9))
    assert scene.evolves["portal"].future_point().x() == pytest.approx(900.0)
    document.set_evolve("portal", None)
    assert "portal" not in scene.evolves
    document.set_pipeline("payments", Pipeline(element="payments", start=0.6, end=0.9, members=["payments"]))
    assert isinstance(scene.pipelines["payments"], PipelineItem)
    note = document.add_note("Ask finance", 0.5, 0.5)
    assert scene.notes[note.id].note.text == "Ask finance"
    document.set_note(note.id, text="Ask finance again")
    assert scene.notes[note.id].note.text == "Ask finance again"
    document.remove_note(note.id)
    assert note.id not in scene.notes


def test_collections_and_map_fields(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    document.replace_collection("annotations", [Annotation(number=7, text="x", positions=[Point(evolution=0.1, visibility=0.1)])])
    annotations = [i for i in scene.items() if isinstance(i, AnnotationItem)]
    assert [a.annotation.number for a in annotations] == [7]
    document.replace_collection("attitudes", [])
    assert not any(isinstance(i, AttitudeItem) for i in scene.items())
    document.set_map_fields(title="Renamed", axis=Axis(show_evolution=False))
    assert scene._frame is not None and scene._frame.title == "Renamed"
    assert scene._frame.axis.show_evolution is False


def test_reset_rebuilds(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    replacement = WardleyMap(
        elements=[
            {"id": "a", "name": "A", "evolution": 0.2, "visibility": 0.8},
            {"id": "b", "name": "B", "evolution": 0.4, "visibility": 0.2},
        ],
        links=[Link(source="a", target="b")],
        notes=[Note(id="n", text="N", evolution=0.5, visibility=0.5)],
    )
    document.replace_map(replacement)
    assert set(scene.elements) == {"a", "b"}
    assert set(scene.links) == {("a", "b")}
    assert set(scene.notes) == {"n"} and not scene.evolves and not scene.pipelines


def test_detached_scene_stops_following(qapp) -> None:  # type: ignore[no-untyped-def]
    document = MapDocument(rich_map())
    scene = MapScene(document)
    scene.detach()
    document.add_element("Later", 0.5, 0.5)
    assert "later" not in scene.elements


def test_deleted_scene_is_ignored(qapp) -> None:  # type: ignore[no-untyped-def]
    document = MapDocument(rich_map())
    scene = MapScene(document)
    import shiboken6

    shiboken6.delete(scene)
    document.add_element("Later", 0.5, 0.5)  # must not raise on the dead scene
    assert document.has_element("later")


def test_highlight_fades_the_rest(doc_scene) -> None:  # type: ignore[no-untyped-def]
    document, scene = doc_scene
    scene.highlight(["case", "data"])
    assert scene.elements["case"].emphasised and scene.elements["case"].opacity() == 1.0
    assert scene.elements["portal"].opacity() < 1.0 and not scene.elements["portal"].emphasised
    assert scene.links[("case", "data")].opacity() == 1.0
    assert scene.links[("case", "payments")].opacity() < 1.0
    added = document.add_element("New", 0.5, 0.5)
    assert scene.elements[added.id].opacity() < 1.0
    scene.highlight([])
    assert all(i.opacity() == 1.0 and not i.emphasised for i in scene.elements.values())
    assert all(i.opacity() == 1.0 for i in scene.links.values())


def test_highlight_fades_notes_and_other_pipelines_too(doc_scene) -> None:  # type: ignore[no-untyped-def]
    from wardley.model import Pipeline

    document, scene = doc_scene
    document.add_note("Ask the room", 0.2, 0.2)
    for owner in ("case", "portal"):
        document.set_pipeline(owner, Pipeline(element=owner, start=0.3, end=0.8))
    for emphasise in (True, False):  # the analysis panel's highlight, a workshop focus
        scene.highlight(["case", "data"], emphasise=emphasise)
        assert all(note.opacity() < 1.0 for note in scene.notes.values())
        assert scene.pipelines["case"].opacity() == 1.0 and scene.pipelines["portal"].opacity() < 1.0
        scene.highlight([])
        assert all(note.opacity() == 1.0 for note in scene.notes.values())
        assert all(pipeline.opacity() == 1.0 for pipeline in scene.pipelines.values())


def test_reset_and_theme_change_keep_the_selection(doc_scene) -> None:  # type: ignore[no-untyped-def]
    from wardley.render import DARK

    document, scene = doc_scene
    scene.elements["case"].setSelected(True)
    scene.links[("case", "data")].setSelected(True)
    scene.set_theme(DARK)
    assert scene.elements["case"].isSelected() and scene.links[("case", "data")].isSelected()
    smaller = document.map.model_copy(deep=True)
    smaller.elements = [e for e in smaller.elements if e.id != "data"]
    smaller.links = [l for l in smaller.links if "data" not in (l.source, l.target)]
    smaller.evolves = []
    document.replace_map(smaller)
    assert [i.element_id for i in scene.selectedItems()] == ["case"]
