"""What a fuzzed input must never do to a reader, checked in-process.

A JSON map either loads or is refused with a :class:`MapFileError`; OWM text always
gives a map and warnings (only text over the item limit is refused). Whatever map
comes out survives both writers: read back, it is the same map. Anything else
(an exception escaping, a map that changes on the way round) is a crash.

The readers are called directly, not through ``parse_map_text``: that one turns any
exception into a one-line refusal, which would hide from the fuzzer the very bugs it hunts.
"""

from __future__ import annotations

from wardley.io.json_format import dump_json_map, parse_json_map
from wardley.io.owm import format_owm, parse_owm
from wardley.io.problems import MapFileError
from wardley.model.entities import WardleyMap


def _survives_writing(wardley_map: WardleyMap) -> None:
    assert parse_json_map(dump_json_map(wardley_map), "written.json") == wardley_map
    again = parse_owm(format_owm(wardley_map))
    assert again.warnings == [], again.warnings[:3]
    assert again.map == wardley_map


def check_json(text: str) -> None:
    try:
        wardley_map = parse_json_map(text, "fuzz.wardley.json")
    except MapFileError as error:
        assert error.problems, "a refusal names at least one problem"
        assert all("\n" not in line for line in error.lines())
        return
    _survives_writing(wardley_map)


def check_owm(text: str) -> None:
    try:
        result = parse_owm(text, "fuzz.owm")
    except MapFileError as error:
        assert "too large" in error.problems[0].message, error.lines()
        return
    for problem in result.warnings + result.dropped:
        assert problem.place == "" or problem.place.startswith("line ")
    _survives_writing(result.map)
