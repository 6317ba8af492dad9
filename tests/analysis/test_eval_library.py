"""The evaluation library: ten realistic maps and the flags written down for them beforehand."""

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wardley.analysis import LibraryReport, analyse_library

EVAL = ROOT / "tests" / "analysis" / "eval_library"
EXPECTED = json.loads((EVAL / "expected.json").read_text())


@pytest.fixture(scope="module")
def report() -> LibraryReport:
    return analyse_library([EVAL])


def capability_of(report: LibraryReport, element_name: str):
    matches = [c for c in report.capabilities if element_name in {p.name for p in c.placements}]
    assert len(matches) == 1, f"{element_name!r} is in {len(matches)} capabilities"
    return matches[0]


def test_the_library_is_ten_maps(report):
    assert len(report.maps) == EXPECTED["maps"]


@pytest.mark.parametrize("name", sorted(EXPECTED["capabilities"]))
def test_expected_capability(report, name):
    expected = EXPECTED["capabilities"][name]
    found = [c for c in report.capabilities if c.name.casefold() == name.casefold()]
    assert len(found) == 1, f"no capability {name!r}"
    capability = found[0]
    if "tier" in expected:
        assert capability.tier in expected["tier"], capability.explanation
    if "maps" in expected:
        assert len(capability.maps) == expected["maps"]
    for badge in expected.get("badges", []):
        assert badge in capability.badges, capability.explanation
    for badge in expected.get("not_badges", []):
        assert badge not in capability.badges, capability.explanation
    if "implementations" in expected:
        assert capability.implementations == expected["implementations"]
    for element_name in expected.get("names", []):
        assert capability_of(report, element_name) is capability, element_name


@pytest.mark.parametrize("pair", EXPECTED["apart"], ids=lambda pair: " / ".join(pair))
def test_kept_apart(report, pair):
    first, second = (capability_of(report, name) for name in pair)
    assert first is not second
    suggested = {frozenset(merge.names) for merge in report.suggested_merges}
    assert frozenset((first.name, second.name)) not in suggested


def test_suggested_merges(report):
    suggested = {frozenset(merge.names) for merge in report.suggested_merges}
    for pair in EXPECTED["suggested"]:
        assert frozenset(pair) in suggested
        # a suggestion never merges by itself
        assert capability_of(report, pair[1]).name == pair[1]


@pytest.mark.parametrize("expected", EXPECTED["lint"], ids=lambda item: f"{item['map']}:{item['kind']}")
def test_lint(report, expected):
    issues = [issue for issue in report.lint
              if Path(issue.map).name.startswith(expected["map"] + ".") and issue.kind == expected["kind"]]
    assert issues, f"no {expected['kind']} on {expected['map']}"
    if "element" in expected:
        assert expected["element"] in [issue.element for issue in issues]


def test_every_strong_candidate_explains_itself_with_maps_and_numbers(report):
    strong = [capability for capability in report.capabilities if capability.tier == "strong"]
    assert strong, "the evaluation library has strong candidates; with none this test would check nothing"
    for capability in strong:
        assert f"on {len(capability.maps)} of 10 maps" in capability.explanation
        assert f"serves {capability.needs} of " in capability.explanation
