"""Conformance on 172 real and reference OWM maps (../shared/corpus/owm, sources in SOURCES.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_files
from wardley.io.owm import format_owm, parse_owm
from wardley.model.entities import WardleyMap

#: Every warning the corpus raises, reviewed line by line: each is for a line outside OWM's
#: syntax or a value our model cannot hold (duplicate or self links, coordinates outside 0..1).
#: A new warning, or one gone, fails the test until this list is reviewed again.
EXPECTED_WARNINGS = Path(__file__).with_name("owm_corpus_warnings.txt")
FILES = corpus_files()
#: Every test here reads the corpus: without it they skip, or fail under CI.
pytestmark = pytest.mark.usefixtures("corpus")
_SIMPLE = re.compile(r"^component ([A-Za-z][A-Za-z0-9 ]*?) \[(\d?\.\d+|[01]), ?(\d?\.\d+|[01])\]")


def test_corpus_is_there() -> None:
    assert len(FILES) >= 170, f"OWM corpus missing or short at {CORPUS}"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_warnings_are_exactly_the_reviewed_list() -> None:
    found = [
        f"{path.name}\t{warning.place}\t{warning.message}"
        for path in FILES
        for warning in parse_owm(_read(path)).warnings
    ]
    expected = EXPECTED_WARNINGS.read_text(encoding="utf-8").splitlines()
    assert found == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_import_export_reimport(path: Path) -> None:
    first = parse_owm(_read(path))
    # The parser validates in bulk and takes fast paths: what it returns must be what validation gives.
    assert WardleyMap.model_validate(first.map.model_dump()) == first.map
    text = format_owm(first.map)
    again = parse_owm(text)
    assert again.warnings == [] and again.dropped == []
    assert again.map == first.map
    assert format_owm(again.map) == text


def test_coordinates_survive_as_written() -> None:
    checked = 0
    for path in FILES:
        text = _read(path)
        wardley_map = parse_owm(text).map
        positions = {(e.name, e.visibility, e.evolution) for e in wardley_map.elements}
        for line in text.split("\n"):
            found = _SIMPLE.match(line.strip())
            if found and "//" not in line and "/*" not in line:
                name, visibility, evolution = found.group(1).strip(), float(found.group(2)), float(found.group(3))
                visibility, evolution = min(visibility, 1.0), min(evolution, 1.0)  # clamped, with a warning
                assert (" ".join(name.split()), visibility, evolution) in positions, (path.name, line)
                checked += 1
    assert checked > 3000


def test_real_maps_keep_their_shape() -> None:
    tea = parse_owm(_read(CORPUS / "owm-app__tea-shop-example.owm")).map
    assert tea.title == "Tea Shop"
    assert {e.kind for e in tea.elements} == {"user", "component"}
    golden = parse_owm(_read(CORPUS / "owm-app__golden-master-map-text.owm")).map
    kinds = {e.name: (e.kind, e.method, e.inertia) for e in golden.elements}
    assert kinds["BuildComponent"] == ("component", "build", False)
    assert kinds["EcoSystemWithCoords"] == ("ecosystem", "none", False)
    assert kinds["InertiaComponent"] == ("component", "none", True)
    assert kinds["Website"][0] == "submap"
    assert golden.presentation.style == "plain"  # the last style line wins
    assert [p.members for p in golden.pipelines] == [[], ["wind", "batteries", "nuclear"]]
    assert len(golden.annotations) == 2 and len(golden.attitudes) == 3 and len(golden.accelerators) == 2
