"""Whatever the text, reading OWM gives a map and warnings: never an exception.

And whatever map a text gives, writing it and reading it back gives the same map.
"""

from __future__ import annotations

import os
from functools import cache

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS
from wardley.io.owm import format_owm, parse_owm
from wardley.model.entities import WardleyMap

#: OWM_FUZZ_EXAMPLES=5000 for a longer run by hand.
FUZZ = settings(
    max_examples=int(os.environ.get("OWM_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TOKENS = [
    "component ",
    "anchor ",
    "submap ",
    "evolve ",
    "pipeline ",
    "note ",
    "annotation ",
    "annotations ",
    "url ",
    "title ",
    "evolution ",
    "valuechain --hide",
    "style ",
    "size ",
    "pioneers ",
    "accelerator ",
    "deaccelerator ",
    "market ",
    "build ",
    "{",
    "}",
    "[",
    "]",
    "[[",
    "]]",
    "(",
    ")",
    "->",
    "+>",
    "+<>",
    "+<",
    "+'",
    "'",
    ";",
    '"',
    "\\",
    "\\n",
    "//",
    "/*",
    "*/",
    "\n",
    "\r\n",
    "\t",
    " ",
    ",",
    ".",
    "-",
    "0.5",
    "1.01",
    "-3",
    "1e308",
    "NaN",
    "label [",
    "inertia",
    "(build)",
    "(market)",
    "url(",
    "--hide",
    "// wardley: ",
    '{"id": "x"}',
    "// wardley-map: ",
    '{"order": []}',
    "// wardley-snapshot: ",
    "{}",
    "A",
    "é",
    "\x00",
    "\u2028",
]


@cache
def corpus_lines() -> tuple[str, ...]:
    lines: list[str] = []
    for path in sorted(CORPUS.glob("*.owm")):
        lines.extend(path.read_text(encoding="utf-8").split("\n"))
    assert len(lines) > 1000
    return tuple(lines)


def check(text: str) -> None:
    result = parse_owm(text)
    assert isinstance(result.map, WardleyMap)
    assert WardleyMap.model_validate(result.map.model_dump()) == result.map
    for problem in result.warnings + result.dropped:
        assert problem.place == "" or problem.place.startswith("line ")
        assert problem.message and "\n" not in problem.message.strip("'")
    written = format_owm(result.map)
    again = parse_owm(written)
    assert again.warnings == []
    assert again.map == result.map


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    check(text)


@FUZZ
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=60).map("".join))
def test_random_owm_like_text(text: str) -> None:
    check(text)


@st.composite
def mutated_corpus(draw: st.DrawFn) -> str:
    pool = corpus_lines()
    lines = [pool[i] for i in draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=40))]
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        cut = draw(st.integers(0, len(line)))
        action = draw(st.sampled_from(["insert", "delete", "truncate", "duplicate", "swap"]))
        if action == "insert":
            lines[i] = line[:cut] + draw(st.sampled_from(TOKENS) | st.text(max_size=3)) + line[cut:]
        elif action == "delete":
            lines[i] = line[:cut] + line[cut + draw(st.integers(1, 5)) :]
        elif action == "truncate":
            lines[i] = line[:cut]
        elif action == "duplicate":
            lines.insert(i, line)
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@FUZZ
@pytest.mark.usefixtures("corpus")
@given(mutated_corpus())
def test_mutated_corpus_lines(text: str) -> None:
    check(text)


def test_long_pathological_lines_are_read() -> None:
    """Shapes that make naive patterns quadratic; each line is 100,000+ characters."""
    n = 25_000
    lines = [
        "component A [0.5, 0.5] " + "url(" * n,
        "component A [0.5, 0.5] " + "label [" * n,
        "evolve A " + "(x)" * n + " 0.5",
        "A" + "->A" * n + "; context",
        "A" + "+'" * n + ">B",
        "/**/" * n + "component B [0.1, 0.1]",
        "note " + "[" * n,
        "annotation 1 " + "[[" * n,
        "component " + "a " * n,
        "a " * n + "->",
    ]
    for line in lines:
        check(line)
