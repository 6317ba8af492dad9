"""The kind registry is the one list of kinds: the model type, files and analysis follow it.

The Qt layers (symbols, legend, Properties panel, canvas menu) are walked in
tests/ui/test_kinds_everywhere.py; a kind missing in any of them fails there.
"""

from __future__ import annotations

import json
from typing import get_args

import pytest

from wardley.analysis.graph import element_roles
from wardley.io import dump_json_map, json_schema_text, parse_json_map
from wardley.io.owm import format_owm, parse_owm
from wardley.model import Element, Link, WardleyMap
from wardley.model.kinds import ACTOR_KINDS, KIND_NAMES, KINDS, ElementKind, kind_info
from wardley.model.roles import need_ids

ALL = [info.kind for info in KINDS]


def test_registry_and_model_type_list_the_same_kinds() -> None:
    assert list(get_args(ElementKind)) == ALL == list(KIND_NAMES)
    schema = json.loads(json_schema_text())
    kind_enum = schema["$defs"]["Element"]["properties"]["kind"]["enum"]
    assert kind_enum == ALL
    assert ACTOR_KINDS == {"user", "need"}


def test_every_row_is_filled_in() -> None:
    for info in KINDS:
        assert info.label and info.plural and info.noun and info.hint, info.kind
        low, high = info.band
        assert 0 <= low < high <= 1, info.kind
        assert info.label.lower() == info.noun, "one name for a kind, only capitalised differently"
    assert len({info.label for info in KINDS}) == len(KINDS)
    # Users sit above needs, needs above everything else, so keyboard-added elements read top down.
    assert kind_info("user").band[0] > kind_info("need").band[1] > kind_info("component").band[1]


def _one_of_each(links: list[Link]) -> WardleyMap:
    elements = [
        Element(id=f"e-{kind}", kind=kind, name=f"The {kind}", evolution=0.1 + 0.1 * i, visibility=0.9 - 0.1 * i)
        for i, kind in enumerate(ALL)
    ]
    return WardleyMap(elements=elements, links=links)


@pytest.mark.parametrize("kind", ALL)
def test_each_kind_survives_owm_and_json(kind: ElementKind) -> None:
    wardley_map = WardleyMap(elements=[
        Element(id="thing", kind=kind, name="Thing", evolution=0.4, visibility=0.6, method="buy"),
        Element(id="other", name="Other", evolution=0.7, visibility=0.3),
    ], links=[Link(source="thing", target="other")])
    owm = format_owm(wardley_map)
    result = parse_owm(owm)
    assert result.warnings == [], owm
    assert result.map.elements[0].kind == kind, owm
    assert dump_json_map(result.map) == dump_json_map(wardley_map)
    assert parse_json_map(dump_json_map(wardley_map), "x.wardley.json").elements[0].kind == kind


@pytest.mark.parametrize("info", KINDS, ids=ALL)
def test_each_native_kind_is_written_in_owm_words_alone(info) -> None:  # type: ignore[no-untyped-def]
    """OWM draws what it can read: a kind it has words for needs no wardley comment."""
    wardley_map = WardleyMap(elements=[Element(id="thing", kind=info.kind, name="Thing", evolution=0.4, visibility=0.6)])
    line = next(line for line in format_owm(wardley_map).splitlines() if "Thing" in line)
    assert line.startswith(info.owm_keyword + " ")
    assert ("// wardley" not in line) == info.owm_native, line
    if info.owm_decorator:
        assert f"({info.owm_decorator})" in line
        # ... and the older keyword form OWM also reads.
        older = parse_owm(f"{info.owm_decorator} Thing [0.6, 0.4]")
        assert older.warnings == [] and older.map.elements[0].kind == info.kind


def test_analysis_roles_follow_the_registry() -> None:
    roles = element_roles(_one_of_each([]))
    for info in KINDS:
        assert roles[f"e-{info.kind}"] == info.role
    # What a user depends on directly is a need whatever its kind (OWM has no need keyword).
    assert need_ids(_one_of_each([Link(source="e-user", target="e-component")])) == ["e-need", "e-component"]
