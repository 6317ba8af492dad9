"""The capture line's grammar, name completion and placement, without Qt."""

from __future__ import annotations

import itertools

import pytest

from wardley.model import MapDocument, WardleyMap, stage_index
from wardley.workshop.capture import CaptureError, complete_name, entry_lines, parse_entry, read_mention
from wardley.workshop.capture_layout import Placed, collides
from wardley.workshop.capture_plan import Ambiguous, CapturePlan, plan_entry


def apply(document: MapDocument, plan: CapturePlan) -> None:
    for element in plan.new_elements:
        document.insert_element(element)
    if plan.changes:
        document.set_elements(plan.changes)
    for source, target in plan.links:
        document.add_link(source, target)


def capture(document: MapDocument, line: str, **kwargs: object) -> CapturePlan:
    plan = plan_entry(document.map, parse_entry(line, document.map.axis.stages), **kwargs)  # type: ignore[arg-type]
    assert isinstance(plan, CapturePlan), plan
    apply(document, plan)
    return plan


def named(document: MapDocument, name: str):  # noqa: ANN201
    [element] = [e for e in document.map.elements if e.name == name]
    return element


# -- reading an entry -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind", "stage", "evolution"),
    [
        ("Hosting", "Hosting", None, None, None),
        ("Hosting commodity", "Hosting", None, 3, None),
        ("Repair scheduling custom", "Repair scheduling", None, 1, None),
        ("Repair scheduling custom built", "Repair scheduling", None, 1, None),
        ("Repair scheduling Custom-built", "Repair scheduling", None, 1, None),
        ("Road survey 0.3", "Road survey", None, None, 0.3),
        ("Road survey .35", "Road survey", None, None, 0.35),
        ("Phase 1", "Phase 1", None, None, None),  # no decimal point: part of the name
        ("user Resident", "Resident", "user", None, None),
        ("need Report a pothole", "Report a pothole", "need", None, None),
        ("need Report a pothole genesis", "Report a pothole", "need", 0, None),
        ("User research", "User research", None, None, None),  # capitalised: a name
        ("user", "user", None, None, None),  # a kind word alone is a name
        ("Commodity", "Commodity", None, None, None),  # so is a stage word alone
        ('"Cloud commodity"', "Cloud commodity", None, None, None),
        ("  Council   website  ", "Council website", None, None, None),
    ],
)
def test_a_mention_is_read_as_name_kind_and_stage(text, name, kind, stage, evolution) -> None:  # noqa: ANN001
    mention = read_mention(text)
    assert (mention.name, mention.kind, mention.stage, mention.evolution) == (name, kind, stage, evolution)


def test_a_fan_of_links_from_either_end() -> None:
    entry = parse_entry("Report a pothole -> Council website, Online forms, Highways asset system")
    assert [(a.name, b.name) for a, b in entry.links()] == [
        ("Report a pothole", "Council website"),
        ("Report a pothole", "Online forms"),
        ("Report a pothole", "Highways asset system"),
    ]
    entry = parse_entry("Hosting <- Council website, Document store")
    assert [(a.name, b.name) for a, b in entry.links()] == [("Council website", "Hosting"), ("Document store", "Hosting")]


def test_a_chain_and_lists_on_both_sides() -> None:
    entry = parse_entry("user Resident -> need Pay council tax -> Payments product")
    assert [(a.name, b.name) for a, b in entry.links()] == [("Resident", "Pay council tax"), ("Pay council tax", "Payments")]
    assert [m.kind for m in entry.mentions()] == ["user", "need", None]
    entry = parse_entry("A, B -> C, D")
    assert len(entry.links()) == 4


def test_quotes_keep_arrows_and_commas_in_a_name() -> None:
    entry = parse_entry('"Fix, test -> ship" -> Hosting')
    assert [m.name for m in entry.mentions()] == ["Fix, test -> ship", "Hosting"]
    assert entry.mentions()[0].exact


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "nothing to add"),
        ("   ", "nothing to add"),
        ("A ->", "a name is missing after ->"),
        ("-> B", "a name is missing before ->"),
        ("A, , B", "a name is missing before ,"),
        ("A -> B,", "a name is missing after ,"),
        ('A "B', "not closed"),
        ('Say "hi" now', "double quotes"),
        ("Road survey 1.5", "evolution runs from 0 to 1"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_entries_that_cannot_be_read_say_why(text: str, problem: str) -> None:
    with pytest.raises(CaptureError, match=problem):
        parse_entry(text)


def test_the_maps_own_stage_labels_are_stage_words() -> None:
    entry = parse_entry("Hosting uncharted", ("Uncharted", "Emerging", "Good", "Best"))
    assert entry.mentions()[0].stage == 0 and entry.mentions()[0].name == "Hosting"
    assert parse_entry("Hosting emerging").mentions()[0].name == "Hosting emerging"


def test_pasted_text_is_one_entry_per_line() -> None:
    assert entry_lines("user Resident\n\n  Hosting commodity \r\nA -> B\n") == ["user Resident", "Hosting commodity", "A -> B"]


# -- completing names -------------------------------------------------------------------

NAMES = [("website", "Council website"), ("forms", "Online forms"), ("highways", "Highways asset system"),
         ("hosting", "Hosting"), ("hosting-2", "Hosting platform"), ("council-tax", "Council tax")]


@pytest.mark.parametrize(
    ("typed", "ids"),
    [
        ("Council website", ("website",)),
        ("council  WEBSITE ", ("website",)),  # case and spacing ignored
        ("Highways", ("highways",)),  # a unique prefix
        ("asset", ("highways",)),  # a unique word
        ("asset sys", ("highways",)),
        ("forms", ("forms",)),
        ("Hosting", ("hosting",)),  # the exact name wins over a longer one
        ("Host", ("hosting", "hosting-2")),  # ambiguous
        ("Council", ("website", "council-tax")),
        ("sset", ()),  # inside a word: not a match
        ("Document store", ()),
        ("", ()),
    ],
)
def test_complete_name(typed: str, ids: tuple[str, ...]) -> None:
    assert complete_name(NAMES, typed) == ids


# -- planning ---------------------------------------------------------------------------


def test_a_partial_name_that_one_element_starts_with_is_that_element() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "Council website")
    plan = capture(document, "Council")
    assert plan.new_elements == [] and plan.named == ["council-website"]
    assert len(document.map.elements) == 1


def test_an_ambiguous_name_asks_and_the_answer_is_used() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "Council website")
    capture(document, "Council tax")
    entry = parse_entry("Report a pothole -> Council")
    asked = plan_entry(document.map, entry)
    assert asked == Ambiguous("Council", ("council-website", "council-tax"))
    plan = plan_entry(document.map, entry, {"council": "council-website"})
    assert isinstance(plan, CapturePlan) and plan.links == [("report-a-pothole", "council-website")]
    new = plan_entry(document.map, entry, {"council": None})  # "a new one" was the answer
    assert isinstance(new, CapturePlan) and [e.name for e in new.new_elements] == ["Report a pothole", "Council"]
    twice = plan_entry(document.map, parse_entry("Council -> Hosting <- Council"), {"council": None})
    assert isinstance(twice, CapturePlan) and [e.name for e in twice.new_elements] == ["Council", "Hosting"]


def test_a_quoted_name_is_new_even_when_a_longer_name_starts_with_it() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "Hosting platform")
    plan = capture(document, '"Hosting"')
    assert [e.name for e in plan.new_elements] == ["Hosting"]


def test_stage_words_and_numbers_place_new_components_in_that_stage() -> None:
    document = MapDocument(WardleyMap())
    for stage, word in enumerate(("genesis", "custom", "product", "commodity")):
        for n in range(4):  # several in one stage still stay in it
            capture(document, f"Thing {word} {n} {word}")
            assert stage_index(named(document, f"Thing {word} {n}").evolution) == stage
    capture(document, "Road survey 0.3")
    assert abs(named(document, "Road survey").evolution - 0.3) <= 0.05


def test_kinds_go_in_their_bands_and_components_below_what_depends_on_them() -> None:
    document = MapDocument(WardleyMap())
    plan = capture(document, "user Resident -> need Report a pothole -> Council website product")
    resident, need, website = (named(document, n) for n in ("Resident", "Report a pothole", "Council website"))
    assert (resident.kind, need.kind, website.kind) == ("user", "need", "component")
    assert resident.visibility > need.visibility > website.visibility
    assert plan.links == [("resident", "report-a-pothole"), ("report-a-pothole", "council-website")]
    capture(document, "Hosting commodity <- Council website")
    assert named(document, "Hosting").visibility < website.visibility
    # Something new that an element on the map depends on goes above it, not below.
    capture(document, "Payments -> Hosting")
    assert named(document, "Payments").visibility > named(document, "Hosting").visibility


def test_a_lone_component_goes_below_the_selection() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "Council website 0.6")
    website = named(document, "Council website")
    capture(document, "Analytics", near=["council-website"])
    assert named(document, "Analytics").visibility < website.visibility


def test_saying_a_stage_of_an_element_on_the_map_moves_it_there() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "Hosting custom")
    plan = capture(document, "Hosting commodity")
    assert plan.changes == {"hosting": {"evolution": 0.85}} and plan.new_elements == []
    assert capture(document, "Hosting utility").changes == {}  # already in that stage: left where it is
    capture(document, "need Hosting")
    assert named(document, "Hosting").kind == "need"


def test_self_links_and_links_already_there_are_skipped_with_a_reason() -> None:
    document = MapDocument(WardleyMap())
    capture(document, "A -> B")
    plan = capture(document, "A -> B, A")
    assert plan.links == []
    assert plan.skipped == ["A -> B is already there", "A cannot depend on itself"]


def test_whole_text_naming_an_element_beats_a_kind_word() -> None:
    document = MapDocument(WardleyMap())
    capture(document, '"user research"')
    plan = capture(document, "user research")
    assert plan.new_elements == [] and plan.named == ["user-research"]


COUNCIL_MAP = [
    "user Resident -> need Report a pothole",
    "Report a pothole -> Council website product, Online forms product, Highways asset system custom",
    "Council website -> Content management product, Hosting commodity",
    "Hosting <- Online forms",
    "Online forms -> Case management custom",
    "Highways -> Repair scheduling custom, Mapping product",
    "Repair scheduling -> Contractor portal genesis",
    "Case -> Identity verification product, Document store commodity",
]


def test_a_council_service_map_in_eight_entries() -> None:
    document = MapDocument(WardleyMap())
    for line in COUNCIL_MAP:
        capture(document, line)
    elements = document.map.elements
    assert len(elements) == 13 and len(document.map.links) == 13
    said = {"Hosting": 3, "Document store": 3, "Council website": 2, "Online forms": 2, "Content management": 2,
            "Mapping": 2, "Identity verification": 2, "Highways asset system": 1, "Case management": 1,
            "Repair scheduling": 1, "Contractor portal": 0}
    for name, stage in said.items():
        assert stage_index(named(document, name).evolution) == stage, name
    for link in document.map.links:  # every dependency sits below what depends on it
        assert document.element(link.source).visibility > document.element(link.target).visibility, link
    placed = [Placed(e.evolution, e.visibility, e.name) for e in elements]
    clashes = [(a.name, b.name) for a, b in itertools.combinations(placed, 2) if collides(a, b)]
    assert clashes == []
