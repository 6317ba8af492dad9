"""Structure-aware inputs for both readers: maps built from the model's own shape with
hostile values put in, OWM text built from its keywords and our comments, and the
example maps with their bytes mutated."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hypothesis import strategies as st

from tests.conftest import MAPS

# -- values ----------------------------------------------------------------------------

#: The value types a hostile file puts where any field is expected.
HOSTILE_VALUES = st.one_of(
    st.integers(-(10**6), 10**6),
    st.sampled_from([10**50, -(10**50), 2**63, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 0.5, -0.0, 1e-320, 1.0000001]),
    st.text(max_size=12),
    st.sampled_from(["", " ", "x", "a.b", "<b>x</b>", "\u202e", "component", "->", "A", "B"]),
    st.just([]),
    st.lists(st.integers(0, 3), max_size=3),
    st.just({}),
    st.dictionaries(st.sampled_from(["id", "x", "name"]), st.integers(0, 2), max_size=2),
    st.none(),
    st.booleans(),
)

_IDS = st.sampled_from(["a", "b", "c", "n1", "x"])
_COORD = st.sampled_from([0.0, 0.1, 0.5, 0.9, 1.0])


def _maybe_hostile(draw: st.DrawFn, value: Any) -> Any:
    return draw(HOSTILE_VALUES) if draw(st.integers(0, 9)) == 0 else value


@st.composite
def _record(draw: st.DrawFn, fields: dict[str, Any]) -> dict[str, Any]:
    record = {key: _maybe_hostile(draw, draw(value)) for key, value in fields.items() if draw(st.integers(0, 7))}
    if draw(st.integers(0, 15)) == 0:
        record[draw(st.sampled_from(["extra", "id", "kind", "flow_direction"]))] = draw(HOSTILE_VALUES)
    return record


_ELEMENT = {
    "id": _IDS, "kind": st.sampled_from(["user", "need", "component", "market", "ecosystem", "submap"]),
    "name": st.sampled_from(["A", "B", "Web 2.0", "a->b", '"q"', "x" * 3]), "evolution": _COORD,
    "visibility": _COORD, "label_offset": st.just([5, -5]), "method": st.sampled_from(["none", "build", "buy"]),
    "inertia": st.booleans(), "url": st.sampled_from(["https://x", "x]y"]), "description": st.text(max_size=5),
    "confidence": st.sampled_from(["low", "high"]),
}
_LINK = {"source": _IDS, "target": _IDS, "flow": st.booleans(),
         "flow_direction": st.sampled_from(["forward", "back", "both"]), "flow_label": st.sampled_from(["", "£5", "x'y"]),
         "label": st.sampled_from(["", "ctx", "a;b"])}
_NOTE = {"id": _IDS, "text": st.sampled_from(["n", "Note 1", "a]b"]), "evolution": _COORD, "visibility": _COORD}
_ACCEL = {"id": _IDS, "name": st.sampled_from(["Acc", "A"]), "evolution": _COORD, "visibility": _COORD,
          "negative": st.booleans()}
_EVOLVE = {"element": _IDS, "evolution": _COORD, "name": st.sampled_from(["A2", "B"])}
_PIPELINE = {"element": _IDS, "start": _COORD, "end": _COORD, "members": st.lists(_IDS, max_size=3)}
_ANNOTATION = {"number": st.integers(0, 5), "text": st.text(max_size=5),
               "positions": st.lists(st.fixed_dictionaries({"evolution": _COORD, "visibility": _COORD}), max_size=2)}
_ATTITUDE = {"kind": st.sampled_from(["pioneers", "settlers"]), "top": _COORD, "left": _COORD, "bottom": _COORD,
             "right": _COORD}
RECORDS = {"elements": _ELEMENT, "links": _LINK, "evolves": _EVOLVE, "pipelines": _PIPELINE, "notes": _NOTE,
           "annotations": _ANNOTATION, "accelerators": _ACCEL, "attitudes": _ATTITUDE}


@st.composite
def map_data(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {"title": _maybe_hostile(draw, "T")}
    for name, fields in RECORDS.items():
        if draw(st.booleans()):
            data[name] = _maybe_hostile(draw, draw(st.lists(_record(fields), max_size=4)))
    if draw(st.integers(0, 5)) == 0:
        data["axis"] = {"stages": _maybe_hostile(draw, ["a", "b", "c", "d"]), "boundaries": [0.2, 0.5, 0.7]}
    if draw(st.integers(0, 5)) == 0:
        data["presentation"] = {"style": _maybe_hostile(draw, "wardley"), "size": _maybe_hostile(draw, [10, 10])}
    if depth == 0 and draw(st.integers(0, 6)) == 0:
        data["snapshots"] = [{"name": _maybe_hostile(draw, "s"), "created": _maybe_hostile(draw, "2024-01-01T00:00:00Z"),
                              "content": draw(map_data(depth=1))}]
    return data


def _dumps(data: Any) -> str:
    return json.dumps(data, allow_nan=True)  # NaN and Infinity too: Python's reader takes them


@st.composite
def json_maps(draw: st.DrawFn) -> str:
    data = {"format": "wardley-map", "version": _maybe_hostile(draw, 1), **draw(map_data())}
    return _dumps(data)


# -- OWM -------------------------------------------------------------------------------

_NAMES = st.sampled_from(["A", "B", "C", "Web 2.0", '"Quoted ] name"', "a b", "build x", "é", "A->B"])
_NUM = st.sampled_from(["0", "0.5", "1", "1.5", "-1", ".3", "1e3", "NaN", "9" * 5000, ""])


@st.composite
def _point(draw: st.DrawFn) -> str:
    return f"[{draw(_NUM)}, {draw(_NUM)}]"


@st.composite
def _meta(draw: st.DrawFn) -> str:
    keys = st.sampled_from(["id", "kind", "name", "text", "visibility", "start", "end", "members", "element",
                            "source", "target", "label", "flow_label", "flow_direction", "url", "description",
                            "confidence", "x"])
    data = draw(st.dictionaries(keys, HOSTILE_VALUES, max_size=3))
    return " // wardley: " + _dumps(data)


@st.composite
def owm_line(draw: st.DrawFn) -> str:
    n, p = draw(_NAMES), draw(_point())
    line = draw(st.sampled_from([
        f"component {n} {p}", f"anchor {n} {p}", f"submap {n} {p} url(u)", f"market {n} {p}",
        f"component {n} {p} label [5, -5] (build) inertia", f"pipeline {n} [{draw(_NUM)}, {draw(_NUM)}]",
        "{", "}", f"  component {n} [{draw(_NUM)}]", f"evolve {n} {draw(_NUM)}", f"evolve {n}->{draw(_NAMES)} 0.8",
        f"{n}->{draw(_NAMES)}", f"{n}+>{draw(_NAMES)}", f"{n}+<{draw(_NAMES)}", f"{n}+<>{draw(_NAMES)}",
        f"{n}+'£5'<>{draw(_NAMES)}; ctx", f"note {n} {p}", f"annotation {draw(_NUM)} {p} text",
        f"annotation 1 [{p},{p}]", f"annotations {p}", f"accelerator {n} {p}", f"deaccelerator {n} {p}",
        "url u [https://x]", f"title {n}", "evolution a->b->c->d", "style wardley", f"size [{draw(_NUM)}, 10]",
        f"pioneers [{draw(_NUM)}, 0.1, 0.2, 0.3]", f"build {n}", "valuechain --hide",
        "// wardley-map: " + _dumps(draw(st.dictionaries(st.sampled_from(["order", "pipelines", "title", "style",
                                                                            "stages", "boundaries"]),
                                                          HOSTILE_VALUES, max_size=2))),
        "// wardley-snapshot: " + _dumps({"name": "s", "created": draw(HOSTILE_VALUES), "content": {}}),
    ]))
    if draw(st.integers(0, 3)) == 0:
        line += draw(_meta())
    return line


@st.composite
def owm_texts(draw: st.DrawFn) -> str:
    return "\n".join(draw(st.lists(owm_line(), min_size=1, max_size=25)))


# -- the example maps, mutated -----------------------------------------------------------


@cache
def example_texts() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in sorted(MAPS.glob("*.wardley.json")))


@st.composite
def mutated_examples(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(example_texts()))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace-value"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(['"', "{", "}", "[", "]", ",", "1" * 5000, "null", "-1e999",
                                                     '"x": 1,', "\\u0000"])) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            colon = text.find(": ", at)
            if colon >= 0:
                end = min(i for i in (text.find(",\n", colon), text.find("\n", colon), len(text)) if i >= 0)
                text = text[: colon + 2] + _dumps(draw(HOSTILE_VALUES)) + text[end:]
    return text
