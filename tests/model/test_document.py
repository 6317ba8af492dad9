import pytest

from wardley.io import dump_json_map
from wardley.model import Change, EditError, Evolve, MapDocument, Pipeline, stage_name


@pytest.fixture
def doc() -> MapDocument:
    d = MapDocument()
    d.set_map_fields(title="Library")
    for name, kind, evo, vis in [
        ("Resident", "user", 0.5, 0.95),
        ("Borrow a book", "need", 0.6, 0.85),
        ("Catalogue", "component", 0.55, 0.6),
        ("Payments", "component", 0.8, 0.4),
        ("Hosting", "component", 0.9, 0.1),
    ]:
        d.add_element(name, evo, vis, kind)
    d.add_link("resident", "borrow-a-book")
    d.add_link("borrow-a-book", "catalogue")
    d.add_link("catalogue", "payments", label="fines")
    d.add_link("payments", "hosting")
    d.set_evolve("catalogue", Evolve(element="catalogue", evolution=0.8))
    d.set_pipeline("payments", Pipeline(element="payments", start=0.6, end=0.9, members=["hosting"]))
    return d


def test_ids_are_readable_slugs_and_unique(doc: MapDocument) -> None:
    assert doc.add_element("Payments", 0.1, 0.1).id == "payments-2"
    assert doc.add_element("<b>!!</b>", 0.1, 0.1).id == "b-b"
    assert doc.add_element("???", 0.1, 0.1).id == "element"


def test_each_edit_emits_one_change(doc: MapDocument) -> None:
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    doc.move_element("payments", 0.7, 0.45)
    doc.rename_element("payments", "Card payments")
    assert seen == [Change("element_changed", "payments"), Change("element_changed", "payments")]
    assert doc.element("payments").name == "Card payments"


def test_remove_takes_links_arrows_and_memberships_and_restore_puts_them_back(doc: MapDocument) -> None:
    before = dump_json_map(doc.map)
    removal = doc.remove_elements(["hosting", "catalogue"])
    assert [l.target for l in doc.map.links] == ["borrow-a-book"]
    assert doc.map.evolves == []
    assert doc.pipeline_of("payments").members == []
    doc.restore(removal)
    assert dump_json_map(doc.map) == before


def test_removing_pipeline_owner_removes_its_pipeline(doc: MapDocument) -> None:
    before = dump_json_map(doc.map)
    removal = doc.remove_elements(["payments"])
    assert doc.map.pipelines == []
    doc.restore(removal)
    assert dump_json_map(doc.map) == before


@pytest.mark.parametrize(
    ("source", "target", "reason"),
    [
        ("catalogue", "catalogue", "itself"),
        ("catalogue", "payments", "already linked"),
        ("catalogue", "nowhere", "no element"),
    ],
)
def test_bad_links_are_refused(doc: MapDocument, source: str, target: str, reason: str) -> None:
    assert reason in (doc.check_link(source, target) or "")
    links = list(doc.map.links)
    with pytest.raises(EditError, match=reason):
        doc.add_link(source, target)
    assert doc.map.links == links


def test_reverse_link_is_a_different_link(doc: MapDocument) -> None:
    assert doc.check_link("payments", "catalogue") is None


def test_invalid_values_are_refused_and_leave_the_map_alone(doc: MapDocument) -> None:
    before = dump_json_map(doc.map)
    for bad in ({"evolution": 1.5}, {"visibility": float("nan")}, {"name": "  "}, {"name": ""}, {"method": "steal"}):
        with pytest.raises(ValueError):
            doc.set_element("payments", **bad)
    with pytest.raises(EditError):
        doc.set_element("payments", id="other")
    assert dump_json_map(doc.map) == before


def test_multi_element_change_is_all_or_nothing(doc: MapDocument) -> None:
    before = dump_json_map(doc.map)
    with pytest.raises(ValueError):
        doc.set_elements({"payments": {"evolution": 0.3}, "hosting": {"evolution": 7}})
    assert dump_json_map(doc.map) == before


def test_coordinates_are_rounded_to_four_places(doc: MapDocument) -> None:
    doc.move_element("payments", 0.123456789, 0.987654321)
    element = doc.element("payments")
    assert (element.evolution, element.visibility) == (0.1235, 0.9877)


def test_evolve_and_pipeline_set_replace_and_clear(doc: MapDocument) -> None:
    old = doc.set_evolve("catalogue", Evolve(element="catalogue", evolution=0.9, name="Shared catalogue"))
    assert old is not None and old.evolution == 0.8
    assert doc.evolve_of("catalogue").name == "Shared catalogue"
    doc.set_evolve("catalogue", None)
    assert doc.evolve_of("catalogue") is None
    with pytest.raises(EditError):
        doc.set_pipeline("payments", Pipeline(element="payments", start=0.1, end=0.2, members=["ghost"]))


def test_notes_and_map_fields(doc: MapDocument) -> None:
    note = doc.add_note("Every branch has its own till", 0.8, 0.5)
    doc.set_note(note.id, text="One till for all")
    assert doc.note(note.id).text == "One till for all"
    old = doc.set_map_fields(title="County library")
    assert old == {"title": "Library"}
    with pytest.raises(EditError):
        doc.set_map_fields(elements=[])


def test_snapshot_freezes_the_map(doc: MapDocument) -> None:
    doc.add_snapshot("after session 1")
    doc.move_element("payments", 0.9, 0.4)
    frozen = doc.map.snapshots[0].content
    assert next(e for e in frozen.elements if e.id == "payments").evolution == 0.8
    with pytest.raises(EditError):
        doc.add_snapshot("after session 1")


def test_replace_map_emits_reset(doc: MapDocument) -> None:
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    old = doc.replace_map(MapDocument().map)
    assert seen == [Change("reset")]
    assert doc.map.elements == [] and len(old.elements) == 5
    assert not doc.has_element("payments")


def test_stage_names_follow_boundaries() -> None:
    assert [stage_name(x) for x in (0.0, 0.174, 0.175, 0.5, 0.7, 1.0)] == [
        "Genesis", "Genesis", "Custom-built", "Product (+rental)", "Commodity (+utility)", "Commodity (+utility)",
    ]


def test_taking_away_and_giving_back_an_arrow_or_pipeline_keeps_the_file_order(doc: MapDocument) -> None:
    # Undo sets the old record back with set_evolve / set_pipeline; the saved file must
    # not change order, or an undone edit still leaves a different file behind.
    doc.set_evolve("payments", Evolve(element="payments", evolution=0.95))
    doc.set_pipeline("hosting", Pipeline(element="hosting", start=0.8, end=1.0))
    before = dump_json_map(doc.map)
    old_evolve = doc.set_evolve("catalogue", None)
    old_pipeline = doc.set_pipeline("payments", None)
    doc.restore(doc.remove_elements(["resident"]))  # another edit, and its undo, in between
    doc.replace_map(doc.replace_map(MapDocument().map))  # a text edit of the whole map, and its undo
    doc.set_pipeline("payments", old_pipeline)
    doc.set_evolve("catalogue", old_evolve)
    assert [e.element for e in doc.map.evolves] == ["catalogue", "payments"]
    assert dump_json_map(doc.map) == before


def test_snapshots_cannot_share_a_name(doc: MapDocument) -> None:
    first = doc.add_snapshot("Session 1")
    with pytest.raises(EditError):
        doc.replace_collection("snapshots", [first, first])
    assert [s.name for s in doc.map.snapshots] == ["Session 1"]


def test_records_built_without_validation_are_checked_on_the_way_in(doc: MapDocument) -> None:
    # model_copy(update=...) skips pydantic's checks; the document must not take such a record as is.
    arrow = doc.evolve_of("catalogue")
    assert arrow is not None
    with pytest.raises(ValueError):
        doc.set_evolve("catalogue", arrow.model_copy(update={"evolution": 1.5}))
    doc.set_evolve("catalogue", arrow.model_copy(update={"evolution": 0.123456789}))
    assert doc.evolve_of("catalogue") == Evolve(element="catalogue", evolution=0.1235)
    element = doc.element("hosting").model_copy(update={"id": "hosting-2", "visibility": -2.0})
    with pytest.raises(ValueError):
        doc.insert_element(element)
    assert not doc.has_element("hosting-2")


def test_new_snapshot_tidies_the_name_and_refuses_empty_or_taken_ones(doc: MapDocument) -> None:
    snapshot = doc.new_snapshot("  after   session 2 ")
    assert snapshot.name == "after session 2" and doc.map.snapshots == []
    doc.add_snapshot("after session 2")
    for bad in ("after session 2", "   "):
        with pytest.raises(EditError):
            doc.new_snapshot(bad)
