"""The parser's shortcuts change nothing: one-regex line readings and validating records in bulk.

Each shortcut has a long way that is the reference: reading a line through the
general code, validating records one by one. These tests turn the shortcuts off
and compare, on the whole corpus and on mutated corpus lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import corpus_files
from tests.io.test_owm_fuzz import mutated_corpus
from wardley.io.owm import OwmResult, parse_owm
from wardley.io.owm.assemble import Assembler, owm_problems
from wardley.io.owm.reader import LineReader
from wardley.io.owm.records import RawPipeline
from wardley.model.entities import WardleyMap

FILES = corpus_files()


class LongWayReader(LineReader):
    """Every line through the general code."""

    def _fast(self, number: int, code: str) -> bool:
        return False

    def _fast_pipeline(self, number: int, code: str) -> RawPipeline | None:
        return None


def parse_long_way(text: str) -> OwmResult:
    reader = LongWayReader()
    reader.read(text)
    assembler = Assembler(reader)
    return OwmResult(assembler.build(), owm_problems(reader.problems), owm_problems(assembler.dropped))


def assert_same(text: str) -> None:
    fast, slow = parse_owm(text), parse_long_way(text)
    assert fast.map == slow.map
    assert fast.map.model_dump() == slow.map.model_dump()
    assert fast.warnings == slow.warnings
    assert fast.dropped == slow.dropped


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_corpus_maps_are_read_the_same_without_fast_paths(corpus: Path, path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@pytest.mark.usefixtures("corpus")
@given(mutated_corpus())
def test_mutated_corpus_lines_are_read_the_same_without_fast_paths(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "line",
    [
        "component A [0.5, 0.5] label [200000, 1]",
        "component A-b/c (x) [0.5, 0.5]",
        "component A   [0.5, 0.5]",
        "component A\u3000[0.5, 0.5]",
        "component \u3000 [0.5, 0.5]",
        "component A\x7fB [0.5, 0.5]",
        "component A->B [0.5, 0.5]",
        "component A [1.5, 0.5]",
        "component A [0.5, 0.5] label [-1e3, 2]",
        "component A [0.5,0.5]label [1, 2]",
        "pipeline Z [0.2, 0.8]",
        "pipeline Z [0.2, 1.8]",
        "pipeline Z  [0.2,0.8]\n{\ncomponent P [0.3]\n}",
        "pipeline Z [0.2, 0.8]\n{\n{\ncomponent P [0.3]",
        "pipeline Y [0.2, 0.8]\ncomponent Y [0.5, 0.5]",
        "pipeline \u3000 [0.2, 0.8]",
    ],
)
def test_edge_lines_are_read_the_same_without_fast_paths(line: str) -> None:
    assert_same(f"{line}\ncomponent Z [0.1, 0.1]\nA->Z\n")


def test_a_huge_label_offset_is_dropped_not_the_component() -> None:
    result = parse_owm("component A [0.5, 0.5] label [200000, 1]")
    assert [(e.name, e.label_offset) for e in result.map.elements] == [("A", None)]
    assert [w.message for w in result.warnings] == ["label offset is too large: ignored"]


def test_one_invalid_link_is_skipped_once_and_the_others_kept() -> None:
    text = "component A [0.5, 0.5]\ncomponent B [0.4, 0.4]\ncomponent C [0.3, 0.3]\n"
    text += "A->B\nA->C; " + "x" * 20_001 + "\nB->C\nB->C\nC->C\n"
    result = parse_owm(text)
    assert [(link.source, link.target) for link in result.map.links] == [("a", "b"), ("b", "c")]
    assert [(w.place, w.message.split(" (")[0]) for w in result.warnings] == [
        ("line 5", "link is not valid"),
        ("line 7", "second link from 'B' to 'C': skipped"),
        ("line 8", "'C' is linked to itself: skipped"),
    ]
    assert WardleyMap.model_validate(result.map.model_dump()) == result.map


def test_one_invalid_element_is_skipped_once_and_the_others_kept() -> None:
    text = 'component A [0.5, 0.5] // wardley: {"confidence": "sure"}\ncomponent B\ud800 [0.4, 0.4]\n'
    text += "component C [0.3, 0.3]\nA->C\nC->B\ud800\n"
    result = parse_owm(text)
    assert [e.name for e in result.map.elements] == ["A", "C"]
    assert [(link.source, link.target) for link in result.map.links] == [("a", "c")]
    assert [(w.place, w.message.split(" (")[0]) for w in result.warnings] == [
        ("line 1", "wardley comment holds values that are not valid: they are ignored"),
        ("line 2", "element is not valid"),
    ]
    assert [d.message for d in result.dropped] == ["link end 'B\ud800' names no element: left out"]


def test_one_invalid_pipeline_is_skipped_once_and_the_others_kept() -> None:
    text = "component A [0.5, 0.5]\ncomponent B [0.4, 0.4]\n"
    text += 'pipeline A [0.2, 0.8] // wardley: {"start": 5}\npipeline B [0.3, 0.6]\n'
    result = parse_owm(text)
    assert [(p.element, p.start, p.end) for p in result.map.pipelines] == [("b", 0.3, 0.6)]
    assert [(w.place, w.message.split(" (")[0]) for w in result.warnings] == [("line 3", "pipeline is not valid")]
