"""Mermaid wardley-beta and Markdown: lossless round trips, hand-written diagrams, hostile input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import MAPS
from tests.io.test_generated_maps import maps as generated_maps
from wardley.io import MapFileError, load_map
from wardley.io.mermaid import format_markdown, format_mermaid, parse_markdown, parse_mermaid
from wardley.model.entities import WardleyMap

EXAMPLES = sorted(MAPS.glob("*.wardley.json"))

RICH = WardleyMap.model_validate({
    "title": "  Odd %% title\nwith a break ",
    "description": "why",
    "axis": {"stages": ["Idea", "Made", "Sold", "Utility"], "boundaries": [0.2, 0.5, 0.75], "show_value_chain": False},
    "presentation": {"style": "wardley", "size": [900, 500], "annotations_position": {"evolution": 0.9, "visibility": 0.1}},
    "elements": [
        {"id": "u", "kind": "user", "name": "Résident \"R\"", "evolution": 0.5, "visibility": 0.95, "label_offset": [4, 5]},
        {"id": "n", "kind": "need", "name": "Need\nwith break", "evolution": 0.5, "visibility": 0.8},
        {"id": "m", "kind": "market", "name": "Market", "evolution": 0.7, "visibility": 0.5, "method": "buy", "inertia": True},
        {"id": "c", "name": "Same", "evolution": 0.4, "visibility": 0.5, "label_offset": [-10.5, 3], "method": "build",
         "url": "https://example.org", "description": "because", "confidence": "low"},
        {"id": "c2", "name": "Same", "evolution": 0.6, "visibility": 0.4, "kind": "ecosystem"},
        {"id": "child", "name": "Child", "evolution": 0.2, "visibility": 0.3},
        {"id": "s", "kind": "submap", "name": "Sub", "evolution": 0.9, "visibility": 0.3},
    ],
    "links": [
        {"source": "u", "target": "n"},
        {"source": "n", "target": "c2", "label": "second of the same name"},
        {"source": "n", "target": "m", "flow": True, "flow_label": "it's"},
        {"source": "m", "target": "c", "flow": True, "flow_label": "money"},
    ],
    "evolves": [{"element": "c2", "evolution": 0.8, "name": "Later", "label_offset": [1, 2]}],
    "pipelines": [{"element": "m", "start": 0.1, "end": 0.6, "members": ["child"]}, {"element": "s", "start": 0.2, "end": 0.4}],
    "notes": [{"id": "nn", "text": "two\nlines", "evolution": 0.1, "visibility": 0.1}],
    "annotations": [{"number": 1, "text": "a", "positions": [{"evolution": 0.1, "visibility": 0.2}, {"evolution": 0.3, "visibility": 0.4}]}],
    "accelerators": [{"id": "acc", "name": "Push", "evolution": 0.5, "visibility": 0.5},
                     {"id": "dec", "name": "Drag", "evolution": 0.6, "visibility": 0.5, "negative": True}],
    "attitudes": [{"kind": "pioneers", "top": 0.9, "left": 0.1, "bottom": 0.5, "right": 0.3}],
    "snapshots": [{"name": "before", "content": {"title": "old"}}],
})


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_map_round_trips_through_mermaid_and_markdown(path: Path) -> None:
    wardley_map = load_map(path).map
    assert parse_mermaid(format_mermaid(wardley_map), "x.mmd") == wardley_map
    assert parse_markdown(format_markdown(wardley_map), "x.md") == wardley_map


def test_everything_mermaid_cannot_say_rides_in_comments_and_comes_back() -> None:
    text = format_mermaid(RICH)
    assert parse_mermaid(text, "x.mmd") == RICH
    assert "%% wardley-snapshot:" in text and "%% wardley-map:" in text
    # What Mermaid can say is said in its own words.
    assert 'anchor "Résident \\"R\\"" [0.95, 0.5]' in text
    assert 'component "Market" [0.5, 0.7] (market) (inertia)' in text
    assert 'component "Same" [0.5, 0.4] label [-10, 3] (build)' in text
    assert 'evolution "Idea"@0.2 -> "Made"@0.5 -> "Sold"@0.75 -> "Utility"' in text
    assert "size [900, 500]" in text and "annotations [0.1, 0.9]" in text
    assert '"Market" +\'money\'> "Same"' in text
    assert 'accelerator "Push" [0.5, 0.5]' in text and 'deaccelerator "Drag" [0.5, 0.6]' in text


def test_a_map_written_by_hand_in_mermaid_is_read() -> None:
    text = """wardley-beta
title Tea shop
%% the author's own comment
size [1100, 600]
anchor Business [0.95, 0.63]
component Cup of Tea [0.79, 0.61] label [19, -4]
component Kettle [0.43, 0.35] (build) (inertia)
component "GOV.UK Pay" [0.3, 0.9] (buy)
Business -> Cup of Tea
Cup of Tea -> Kettle; boils
Cup of Tea +'cash'> "GOV.UK Pay"
evolve Kettle 0.62
pipeline Kettle {
  component "Electric" [0.5]
}
note "Standards" [0.2, 0.2]
annotation 1,[0.48, 0.85] "Hot water"
accelerator "Faster" [0.4, 0.4]
"""
    wardley_map = parse_mermaid(text, "tea.mmd")
    assert wardley_map.title == "Tea shop"
    assert [(e.id, e.kind, e.name) for e in wardley_map.elements][:2] == [("business", "user", "Business"),
                                                                        ("cup-of-tea", "component", "Cup of Tea")]
    kettle = wardley_map.element("kettle")
    assert kettle is not None and kettle.method == "build" and kettle.inertia
    assert wardley_map.links[1].label == "boils"
    assert wardley_map.links[2].flow and wardley_map.links[2].flow_label == "cash"
    assert wardley_map.pipelines[0].members == ["electric"]
    assert wardley_map.element("electric").visibility == 0.43  # type: ignore[union-attr]
    assert wardley_map.evolves[0].evolution == 0.62
    assert wardley_map.notes[0].text == "Standards" and wardley_map.accelerators[0].name == "Faster"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("component A [0.5, 0.5]\n", "x.mmd: line 1: not a Mermaid Wardley map: the first line must be 'wardley-beta'"),
        ("wardley-beta\ncomponent A [0.5, 1.5]\n", "x.mmd: line 2: coordinate 1.5 is outside 0..1"),
        ("wardley-beta\n\nthis is prose\n", "x.mmd: line 3: not a wardley-beta line: 'this is prose'"),
        ("wardley-beta\ncomponent A [0.5, 0.5]\nA -> B\n", "x.mmd: line 3: the link names no component on the map: 'B'"),
        ("wardley-beta\n%% wardley: {nope\ncomponent A [0.5, 0.5]\n", "x.mmd: line 2: the wardley comment is not valid JSON"),
        ("wardley-beta\n%% wardley: {\"evolution\": 7}\ncomponent A [0.5, 0.5]\n", "x.mmd: $.elements[0].evolution:"),
        ("wardley-beta\ncomponent A [0.5, 0.5]\npipeline A {\n  component B [0.5]\n", "x.mmd: line 5: a pipeline block is not closed"),
        ("", "x.mmd: line 1: not a Mermaid Wardley map: no 'wardley-beta' line"),
    ],
)
def test_bad_diagrams_are_refused_naming_the_line(text: str, expected: str) -> None:
    with pytest.raises(MapFileError) as caught:
        parse_mermaid(text, "x.mmd")
    assert caught.value.lines()[0].startswith(expected)


def test_markdown_reads_the_first_wardley_block_with_the_files_line_numbers() -> None:
    text = "# Notes\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n~~~mermaid\nwardley-beta\ncomponent A [0.5, 0.5]\n~~~\n"
    assert [e.name for e in parse_markdown(text, "x.md").elements] == ["A"]
    broken = "# Notes\n\n```mermaid\nwardley-beta\ncomponent A [2.0, 0.5]\n```\n"
    with pytest.raises(MapFileError, match=r"x\.md: line 5: coordinate 2\.0 is outside"):
        parse_markdown(broken, "x.md")
    with pytest.raises(MapFileError, match="no fenced mermaid block"):
        parse_markdown("# Just prose\n", "x.md")


def test_markdown_has_the_title_the_block_and_the_description() -> None:
    wardley_map = load_map(MAPS / "parking-permits.wardley.json").map
    text = format_markdown(wardley_map)
    assert text.startswith("# Residents' parking permits\n\n```mermaid\nwardley-beta\n")
    after = text.split("```\n", 2)[-1]
    assert "Residents' parking permits: a Wardley map of 2 users, 3 needs and 12 components." in after
    assert "- Inertia: Permit database." in after


def test_convert_writes_and_reads_mermaid_and_markdown(tmp_path: Path) -> None:
    source = MAPS / "household-waste.wardley.json"
    for suffix in (".mmd", ".md"):
        middle, back = tmp_path / f"map{suffix}", tmp_path / f"back{suffix}.wardley.json"
        run = [sys.executable, "-m", "wardley", "convert"]
        assert subprocess.run([*run, str(source), "-o", str(middle)], capture_output=True).returncode == 0
        assert subprocess.run([*run, str(middle), "-o", str(back)], capture_output=True).returncode == 0
        assert back.read_bytes() == source.read_bytes()
    bad = tmp_path / "bad.mmd"
    bad.write_text("wardley-beta\ncomponent A [0.5, 0.5]\nA -> Missing\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "wardley", "convert", str(bad), "-o", str(tmp_path / "o.json")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}: line 3: the link names no component on the map: 'Missing'"
    assert not (tmp_path / "o.json").exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_maps())
def test_generated_maps_round_trip_through_mermaid(wardley_map: WardleyMap) -> None:
    """Any valid map (odd names, shared names, pipelines in cycles, snapshots...) comes back whole."""
    assert parse_mermaid(format_mermaid(wardley_map, "a description"), "generated.mmd") == wardley_map
    assert parse_markdown(format_markdown(wardley_map), "generated.md") == wardley_map
