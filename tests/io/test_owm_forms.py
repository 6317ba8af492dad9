"""Each form of OWM text (see ../shared/owm-syntax.md) is read into the model."""

from __future__ import annotations

import pytest

from wardley.io.owm import parse_owm
from wardley.model.entities import Element, WardleyMap


def read(text: str) -> WardleyMap:
    result = parse_owm(text)
    assert result.warnings == [], result.warnings
    return result.map


def by_name(wardley_map: WardleyMap, name: str) -> Element:
    found = [e for e in wardley_map.elements if e.name == name]
    assert len(found) == 1, [e.name for e in wardley_map.elements]
    return found[0]


def messages(text: str) -> list[tuple[str, str]]:
    return [(p.place, p.message) for p in parse_owm(text).warnings]


def test_title_first_wins_and_default() -> None:
    assert read("title  Tea Shop \ntitle Other").title == "Tea Shop"
    assert read("component A [0.5, 0.5]").title == "Untitled map"


def test_component_position_is_visibility_then_maturity() -> None:
    kettle = by_name(read("component Kettle [0.43, 0.35]"), "Kettle")
    assert (kettle.visibility, kettle.evolution, kettle.kind, kettle.id) == (0.43, 0.35, "component", "kettle")


def test_component_without_position_takes_owm_defaults() -> None:
    m = read("component FooWithNoCoords\ncomponent Bar []")
    assert {(e.name, e.visibility, e.evolution) for e in m.elements} == {
        ("FooWithNoCoords", 0.9, 0.1),
        ("Bar", 0.9, 0.1),
    }


def test_quoted_names_with_escapes() -> None:
    m = read('component "Multi\\nline \\"name\\"" [0.50, 0.40] label [10, -5] (buy)\ncomponent "a->b [x]" [0.1, 0.2]')
    multi = by_name(m, 'Multi\nline "name"')
    assert (multi.label_offset, multi.method) == ((10, -5), "buy")
    assert by_name(m, "a->b [x]").visibility == 0.1


def test_unquoted_names_collapse_spaces() -> None:
    assert by_name(read("component   Hot   water  [0.5, 0.5]"), "Hot water").evolution == 0.5


@pytest.mark.parametrize(
    ("line", "kind", "method"),
    [
        ("(build)", "component", "build"),
        ("(buy)", "component", "buy"),
        ("(outsource)", "component", "outsource"),
        ("(market)", "market", "none"),
        ("(ecosystem)", "ecosystem", "none"),
        ("(market, build)", "market", "build"),
    ],
)
def test_decorators(line: str, kind: str, method: str) -> None:
    element = read(f"component Customer [0.9, 0.2] {line}").elements[0]
    assert (element.name, element.kind, element.method) == ("Customer", kind, method)


def test_decorators_without_position() -> None:
    element = read("component MarketNoCoords (market) inertia").elements[0]
    assert (element.name, element.kind, element.inertia, element.evolution) == ("MarketNoCoords", "market", True, 0.1)


def test_a_name_ending_in_label_keeps_its_position() -> None:
    element = read("component Shipping label [0.4, 0.6] label [3, 4]").elements[0]
    assert (element.name, element.visibility, element.label_offset) == ("Shipping label", 0.4, (3, 4))


@pytest.mark.parametrize("clause", ["inertia", "(inertia)", "label [-97, -9] inertia", "inertia label [-97, -9]"])
def test_inertia(clause: str) -> None:
    assert read(f"component Kettle [0.43, 0.35] {clause}").elements[0].inertia


def test_inertia_in_a_name_is_not_a_decorator() -> None:
    # OWM sets inertia for any line containing the word; we read it only after the position.
    element = read("component organisational inertia [0.5, 0.5]").elements[0]
    assert (element.name, element.inertia) == ("organisational inertia", False)


def test_label_without_space_is_read() -> None:
    assert read("component A [0.5, 0.5] label[-33, -12]").elements[0].label_offset == (-33, -12)


def test_anchor_is_a_user() -> None:
    element = read("anchor Business [0.95, 0.63]").elements[0]
    assert (element.kind, element.visibility, element.evolution) == ("user", 0.95, 0.63)


def test_evolve_forms() -> None:
    m = read(
        "component Kettle [0.43, 0.35]\ncomponent Power [0.1, 0.7]\ncomponent Customer [0.9, 0.2]\n"
        'component "common library" [0.3, 0.3]\ncomponent Web 2.0 [0.2, 0.2]\n'
        "evolve Kettle->Electric Kettle 0.62 label [16, 5]\nevolve Power 0.89 label [-12, 21]\n"
        'evolve Customer .9 (market)\nevolve "common library" 0.73\nevolve Web 2.0 0.7'
    )
    evolves = {e.element: (e.evolution, e.name, e.label_offset) for e in m.evolves}
    assert evolves == {
        "kettle": (0.62, "Electric Kettle", (16, 5)),
        "power": (0.89, None, (-12, 21)),
        "customer": (0.9, None, None),
        "common-library": (0.73, None, None),
        "web-2-0": (0.7, None, None),
    }


def test_quoted_evolve_rename() -> None:
    m = read('component "Old\\nname" [0.5, 0.5]\nevolve "Old\\nname"->"New name" 0.8')
    assert (m.evolves[0].name, m.evolves[0].evolution) == ("New name", 0.8)


def test_inline_evolve_becomes_an_evolve() -> None:
    m = read("component Gateway [0.5, 0.4] evolve 0.9")
    assert [(e.element, e.evolution) for e in m.evolves] == [("gateway", 0.9)]


def test_evolve_applies_to_every_component_of_that_name() -> None:
    m = read("component A [0.5, 0.1]\ncomponent A [0.4, 0.2]\nevolve A 0.8")
    assert [e.element for e in m.evolves] == ["a", "a-2"]


def test_links_context_and_flows() -> None:
    m = read(
        "component A [0.9, 0.1]\ncomponent B [0.8, 0.2]\ncomponent C [0.7, 0.3]\ncomponent D [0.6, 0.4]\n"
        "component E [0.5, 0.5]\nA -> B; limited by\nA+>C\nB+<>C\nB+<D\nC+'$0.10'>D\nD+'x'<>E\nA+'y'<E\n"
    )
    links = {(l.source, l.target): (l.flow, l.flow_label, l.label) for l in m.links}
    assert links == {
        ("a", "b"): (False, "", "limited by"),
        ("a", "c"): (True, "", ""),
        ("b", "c"): (True, "", ""),
        ("b", "d"): (True, "", ""),
        ("c", "d"): (True, "$0.10", ""),
        ("d", "e"): (True, "x", ""),
        ("a", "e"): (True, "y", ""),
    }


def test_link_ends_match_case_insensitively_after_exact() -> None:
    m = read("component Whatif? [0.5, 0.5]\nanchor User [0.9, 0.5]\nuser->WhatIf?")
    assert [(l.source, l.target) for l in m.links] == [("user", "whatif")]


def test_link_ends_prefer_components_to_anchors() -> None:
    m = read("anchor Tea [0.9, 0.5]\ncomponent Tea [0.5, 0.5]\ncomponent Cup [0.4, 0.4]\nTea->Cup")
    assert [(l.source, l.target) for l in m.links] == [("tea-2", "cup")]


def test_links_whose_name_starts_with_a_keyword_are_read() -> None:
    m = read(
        "component building [0.5, 0.5]\ncomponent land [0.2, 0.5]\ncomponent build release cycle [0.6, 0.5]\n"
        "building->land\nbuild release cycle->building"
    )
    assert len(m.links) == 2


def test_quoted_link_ends() -> None:
    m = read('component "a->b" [0.5, 0.5]\ncomponent "c;d" [0.2, 0.5]\n"a->b"->"c;d"; why')
    assert [(l.source, l.target, l.label) for l in m.links] == [("a-b", "c-d", "why")]


def test_dangling_self_and_duplicate_links() -> None:
    result = parse_owm("component A [0.5, 0.5]\ncomponent B [0.4, 0.4]\nA->Gone\nA->A\nA->B\nA+>B")
    assert [(l.source, l.target, l.flow) for l in result.map.links] == [("a", "b", False)]
    assert [p.place for p in result.dropped] == ["line 3"]
    assert [(p.place, p.message) for p in result.warnings] == [
        ("line 4", "'A' is linked to itself: skipped"),
        ("line 6", "second link from 'A' to 'B': skipped"),
    ]


def test_pipeline_header_form() -> None:
    m = read("component Kettle [0.43, 0.35]\npipeline Kettle [0.15, 0.65]")
    assert [(p.element, p.start, p.end, p.members) for p in m.pipelines] == [("kettle", 0.15, 0.65, [])]


def test_pipeline_block_form() -> None:
    m = read(
        "component Power [0.21, 0.67] label [11, -13]\npipeline Power [0.1,0.1]\n{\n"
        "  component Wind [0.72] label [-13.00, 35.00]\n  component Batteries [0.58]\n"
        "  evolve Batteries 0.65\n  component Nuclear [0.77]\n}  \nPower->Wind"
    )
    (pipeline,) = m.pipelines
    assert (pipeline.element, pipeline.start, pipeline.end) == ("power", 0.58, 0.77)
    assert pipeline.members == ["wind", "batteries", "nuclear"]
    assert by_name(m, "Wind").visibility == 0.21  # children sit at their pipeline's visibility
    assert by_name(m, "Wind").label_offset == (-13, 35)
    assert [e.element for e in m.evolves] == ["batteries"]
    assert [(l.source, l.target) for l in m.links] == [("power", "wind")]


def test_pipeline_brace_on_the_header_line() -> None:
    m = read("component Power [0.21, 0.67]\npipeline Power {\n  component Wind [0.72]\n}")
    assert m.pipelines[0].members == ["wind"]


def test_a_pipeline_line_alone_is_hidden_as_in_owm() -> None:
    result = parse_owm("component S [0.9, 0.6]\npipeline S // [0.40, 0.71]")
    assert result.map.pipelines == [] and result.warnings == []
    assert [p.place for p in result.dropped] == ["line 2"]


def test_repeated_pipeline_lines_merge() -> None:
    m = read("component S [0.9, 0.6]\npipeline S\npipeline S [0.40, 0.71]")
    assert [(p.start, p.end) for p in m.pipelines] == [(0.4, 0.71)]


def test_notes() -> None:
    m = read(
        'note Hot water is obvious [0.48, 0.85]\nnote "first line\\nsecond \\"q\\"" [0.30, 0.20]\n'
        "note +a generic note [0.23, 0.33] label [0.4, 0.2]"
    )
    assert [(n.id, n.text, n.visibility, n.evolution) for n in m.notes] == [
        ("hot-water-is-obvious", "Hot water is obvious", 0.48, 0.85),
        ("first-line-second-q", 'first line\nsecond "q"', 0.3, 0.2),
        ("a-generic-note", "+a generic note", 0.23, 0.33),
    ]


def test_annotations() -> None:
    m = read(
        "annotation 1 [0.48, 0.85] Hot water is obvious\n"
        "annotation 2 [[0.43,0.49],[0.08,0.79] ] Standardising power\nannotations [0.72, 0.03]"
    )
    assert [(a.number, a.text, [(p.visibility, p.evolution) for p in a.positions]) for a in m.annotations] == [
        (1, "Hot water is obvious", [(0.48, 0.85)]),
        (2, "Standardising power", [(0.43, 0.49), (0.08, 0.79)]),
    ]
    position = m.presentation.annotations_position
    assert position is not None and (position.visibility, position.evolution) == (0.72, 0.03)


def test_submap_and_url() -> None:
    m = read(
        "submap Website [0.83, 0.50] url(submapUrl)\n"
        "url submapUrl [https://onlinewardleymaps.com/#clone:qu4VDDQryoZEnuw0ZZ]"
    )
    element = m.elements[0]
    assert (element.kind, element.url) == ("submap", "https://onlinewardleymaps.com/#clone:qu4VDDQryoZEnuw0ZZ")


def test_evolution_labels_and_hiding() -> None:
    m = read("evolution genesis / concept -> custom -> product/ converging -> commodity\nvaluechain --hide")
    assert m.axis.stages == ("genesis / concept", "custom", "product/ converging", "commodity")
    assert (m.axis.show_evolution, m.axis.show_value_chain) == (True, False)
    hidden = read("evolution --hide First->Second->->Fourth")
    assert (hidden.axis.show_evolution, hidden.axis.stages) == (False, ("First", "Second", "", "Fourth"))


def test_style_size_last_wins() -> None:
    m = read("style dark\nstyle wardley\nsize [1024, 768]")
    assert (m.presentation.style, m.presentation.size) == ("wardley", (1024, 768))


def test_attitudes() -> None:
    m = read("pioneers [0.74, 0.83, 0.68, 0.98]\nsettlers [0.88]\ntownplanners [0.81, 0.83, 0.75, 0.98]")
    assert [(a.kind, a.top, a.left, a.bottom, a.right) for a in m.attitudes] == [
        ("pioneers", 0.74, 0.83, 0.68, 0.98),
        ("settlers", 0.88, 0.1, 0.8, 0.2),
        ("townplanners", 0.81, 0.83, 0.75, 0.98),
    ]


def test_accelerators() -> None:
    m = read("component Power [0.1, 0.7]\naccelerator Market pressure [0.45, 0.40]\ndeaccelerator Power [0.15, 0.72]")
    assert [(a.id, a.name, a.negative, a.visibility) for a in m.accelerators] == [
        ("market-pressure", "Market pressure", False, 0.45),
        ("power-2", "Power", True, 0.15),
    ]


def test_comments() -> None:
    m = read(
        "// a comment\ncomponent A [0.5, 0.5] // trailing (build)\n/* block\ncomponent B [0.1, 0.1]\n*/ component C [0.2, 0.2]\n"
        "component D /* inline */ [0.3, 0.3]"
    )
    assert [(e.name, e.method) for e in m.elements] == [("A", "none"), ("C", "none"), ("D", "none")]


def test_url_lines_keep_double_slashes() -> None:
    m = read("submap W [0.5, 0.5] url(w)\nurl w [https://example.org/x]")
    assert m.elements[0].url == "https://example.org/x"


def test_legacy_forms() -> None:
    m = read(
        "market Customers [0.9, 0.5]\necosystem Partners [0.5, 0.5]\ncomponent Kettle [0.4, 0.3]\n"
        "build Kettle\ncomponent Cup [0.7, 0.7]\nbuy Cup\noutsource Partners"
    )
    assert [(e.name, e.kind, e.method) for e in m.elements] == [
        ("Customers", "market", "none"),
        ("Partners", "ecosystem", "outsource"),
        ("Kettle", "component", "build"),
        ("Cup", "component", "buy"),
    ]


def test_crlf_text() -> None:
    m = read("title T\r\ncomponent A [0.5, 0.5]\r\nanchor U [0.9, 0.5]\r\nU->A\r\n")
    assert (m.title, len(m.elements), len(m.links)) == ("T", 2, 1)


def test_ids_are_unique_slugs_across_elements_notes_and_accelerators() -> None:
    m = read("component Tea [0.5, 0.5]\ncomponent Tea [0.4, 0.4]\nnote Tea [0.1, 0.1]\naccelerator Tea [0.2, 0.2]")
    assert [e.id for e in m.elements] + [n.id for n in m.notes] + [a.id for a in m.accelerators] == [
        "tea",
        "tea-2",
        "tea-3",
        "tea-4",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "component A [1.01, -0.01]",
            [
                ("line 1", "visibility 1.01 is outside 0..1: clamped to 1"),
                ("line 1", "maturity -0.01 is outside 0..1: clamped to 0"),
            ],
        ),
        ("foobar", [("line 1", "not an OWM line (unknown keyword or free text): skipped")]),
        ("component", [("line 1", "no name: skipped")]),
        ("component A [0.55. 0.18]", [("line 1", "position has one number: maturity set to its default 0.1")]),
        ("component A [0.5, 0.5] (dataProduct)", [("line 1", "unknown decorator '(dataProduct)': ignored")]),
        ("evolution a->b->c", [("line 1", "evolution needs exactly 4 stages (found 3): default stages kept")]),
        ("valuechain --show", [("line 1", "valuechain takes only --hide: ignored")]),
        ("style fancy", [("line 1", "unknown style 'fancy': plain used")]),
        ("annotation 1 text only", [("line 1", "annotation without a position: skipped")]),
        ("title", [("line 1", "title without text: ignored")]),
        ("\n\nA->B->C", [("line 3", "link has more than two ends: only 'A' to 'B' is read")]),
        (
            "component P [0.5, 0.5]\npipeline P\n{\n  component C [0.2]",
            [("line 2", "pipeline block has no closing '}': it runs to the end of the text")],
        ),
        ("}", [("line 1", "'}' outside a pipeline block: ignored")]),
        ('component "A [0.5, 0.5]', [("line 1", "unclosed quote in the name: read up to the position")]),
    ],
)
def test_lines_outside_the_syntax_warn_with_their_line(text: str, expected: list[tuple[str, str]]) -> None:
    assert messages(text) == expected


def test_a_bad_line_does_not_stop_the_rest() -> None:
    result = parse_owm("component A [0.5, 0.5]\nthis is prose\ncomponent B [0.4, 0.4]\nA->B")
    assert [e.name for e in result.map.elements] == ["A", "B"]
    assert len(result.map.links) == 1
    assert [p.place for p in result.warnings] == ["line 2"]


def test_coordinates_with_four_decimals_survive_exactly() -> None:
    m = read("component A [0.1234, 0.9876]\nnote N [0.0001, 0.9999]")
    assert (m.elements[0].visibility, m.elements[0].evolution) == (0.1234, 0.9876)
    assert (m.notes[0].visibility, m.notes[0].evolution) == (0.0001, 0.9999)
