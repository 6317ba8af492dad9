"""The text alternative: short enough for alt text, and saying what the map says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model.entities import WardleyMap
from wardley.workshop.describe import describe_map, describe_one_line, word_count

EXAMPLES = sorted(MAPS.glob("*.wardley.json"))


def _first(wardley_map: WardleyMap, count: int) -> WardleyMap:
    """The map cut down to its first ``count`` elements (what links them stays)."""
    data = wardley_map.model_dump()
    keep = {e["id"] for e in data["elements"][:count]}
    data["elements"] = [e for e in data["elements"] if e["id"] in keep]
    data["links"] = [l for l in data["links"] if l["source"] in keep and l["target"] in keep]
    data["evolves"] = [e for e in data["evolves"] if e["element"] in keep]
    data["pipelines"] = []
    return WardleyMap.model_validate(data)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_fifteen_element_map_is_described_in_under_150_words(path: Path) -> None:
    small = _first(load_map(path).map, 15)
    assert len(small.elements) == 15
    assert word_count(describe_map(small)) < 150


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_element_of_an_example_map_is_named(path: Path) -> None:
    wardley_map = load_map(path).map
    text = describe_map(wardley_map)
    for element in wardley_map.elements:
        assert element.name in text
    assert text.startswith(wardley_map.title + ": a Wardley map of ")


def test_the_summary_comes_first_then_each_topic() -> None:
    text = describe_map(load_map(MAPS / "parking-permits.wardley.json").map)
    lines = text.splitlines()
    assert lines[0] == (
        "Residents' parking permits: a Wardley map of 2 users, 3 needs and 12 components. "
        "The largest group is in Product (+rental)."
    )
    assert lines[1].startswith("Needs of Resident: Get a parking permit (on Permit application, 11 in all); ")
    assert "Needs of Civil enforcement officer: Check a permit is valid (on Handheld enforcement devices, " in lines[1]
    assert lines[2].startswith("By stage: Custom-built: Eligibility rules, Permit database; Product (+rental): ")
    assert lines[3] == (
        "Evolving: Permit application to Product (+rental) as Council forms platform; "
        "Permit database to Product (+rental)."
    )
    assert lines[4] == (
        "Built: Permit application, Permit database; "
        "bought: Handheld enforcement devices, Vehicle registration lookup, Income management."
    )
    assert lines[5] == "Inertia: Permit database."
    assert lines[6] == "Notes: Virtual permits: no paper since 2024."


def test_a_shared_need_is_told_once_and_a_need_with_no_user_is_still_listed() -> None:
    wardley_map = WardleyMap.model_validate({
        "title": "T",
        "elements": [
            {"id": "a", "kind": "user", "name": "A", "evolution": 0.5, "visibility": 0.9},
            {"id": "b", "kind": "user", "name": "B", "evolution": 0.5, "visibility": 0.9},
            {"id": "n", "kind": "need", "name": "N", "evolution": 0.5, "visibility": 0.8},
            {"id": "lonely", "kind": "need", "name": "Lonely", "evolution": 0.5, "visibility": 0.8},
            {"id": "c", "name": "C", "evolution": 0.1, "visibility": 0.5},
        ],
        "links": [{"source": "a", "target": "n"}, {"source": "b", "target": "n"}, {"source": "n", "target": "c"}],
    })
    lines = describe_map(wardley_map).splitlines()
    assert lines[0] == "T: a Wardley map of 2 users, 2 needs and 1 component. All components are in Genesis."
    assert lines[1] == "Needs of A: N (on C). Needs of B: N. Other needs: Lonely (nothing beneath it)."


def test_an_empty_map_is_described_without_failing() -> None:
    assert describe_map(WardleyMap()) == "Untitled map: a Wardley map of 0 users, 0 needs and 0 components.\n"


def test_markdown_has_a_heading_and_escapes_text_from_the_map() -> None:
    wardley_map = WardleyMap.model_validate({
        "title": "Links [here](http://x)",
        "elements": [{"id": "a", "name": "<b>bold</b> *x*", "evolution": 0.5, "visibility": 0.5}],
    })
    text = describe_map(wardley_map, "markdown")
    assert text.startswith("## Links \\[here\\](http://x)\n")
    assert "&lt;b&gt;bold&lt;/b&gt; \\*x\\*" in text
    assert "<b>" not in text
    assert "\n- By stage: Product (+rental): &lt;b&gt;" in text


def test_one_line_form_has_no_line_breaks() -> None:
    text = describe_one_line(load_map(MAPS / "household-waste.wardley.json").map)
    assert "\n" not in text and text.startswith("Household waste and recycling: ")


def test_the_command_prints_text_or_markdown_and_refuses_a_missing_file(tmp_path: Path) -> None:
    path = MAPS / "household-waste.wardley.json"
    text = subprocess.run([sys.executable, "-m", "wardley", "describe", str(path)], capture_output=True, text=True)
    assert text.returncode == 0 and text.stdout == describe_map(load_map(path).map)
    markdown = subprocess.run(
        [sys.executable, "-m", "wardley", "describe", str(path), "--format", "markdown"], capture_output=True, text=True
    )
    assert markdown.returncode == 0 and markdown.stdout.startswith("## Household waste and recycling\n")
    missing = subprocess.run(
        [sys.executable, "-m", "wardley", "describe", str(tmp_path / "gone.wardley.json")], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"{tmp_path / 'gone.wardley.json'}: no such file"
