"""A short fuzz of both readers on every test run (``./dev fuzz MINUTES`` runs it for longer)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz.strategies import json_maps, mutated_examples, owm_texts
from tests.fuzz.targets import check_json, check_owm

#: A few seconds in all: enough to catch a reader that starts crashing on common shapes.
BRIEF = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@BRIEF
@given(json_maps())
def test_structured_json_maps(text: str) -> None:
    check_json(text)


@BRIEF
@given(mutated_examples())
def test_mutated_example_maps(text: str) -> None:
    check_json(text)


@BRIEF
@given(owm_texts())
def test_structured_owm_text(text: str) -> None:
    check_owm(text)
