"""Every field of every record, in JSON and in OWM ``// wardley:`` comments, given every
value type a hostile file can hold: the file loads or is refused in one line naming it.

The grid goes through ``parse_map_text``, the one place loading ends, in-process; a few
cases go through the real command. A refusal must come from the readers themselves, not
from the last-resort catch in that one place (which would mean a reader bug).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wardley.io.files import parse_map_text
from wardley.io.problems import MapFileError

HUGE = "HUGE-INTEGER"
#: int, huge int, float, NaN, string, list, object, null, bool.
VALUES: dict[str, Any] = {
    "int": 7,
    "huge-int": HUGE,
    "float": 0.25,
    "nan": float("nan"),
    "string": "x y",
    "list": [1, "a"],
    "object": {"a": 1},
    "null": None,
    "bool": True,
}


def _text(data: Any) -> str:
    # json.dumps cannot write an integer of over 4,300 digits: put one in by hand.
    return json.dumps(data).replace(f'"{HUGE}"', "9" * 5000)


def _content() -> dict[str, Any]:
    return {
        "title": "Grid",
        "description": "d",
        "axis": {"stages": ["a", "b", "c", "d"], "boundaries": [0.2, 0.5, 0.7], "show_evolution": True,
                 "show_value_chain": True},
        "presentation": {"style": "wardley", "size": [800, 600], "annotations_position": {"evolution": 0.1, "visibility": 0.2}},
        "elements": [
            {"id": "a", "kind": "user", "name": "A", "evolution": 0.5, "visibility": 0.9, "label_offset": [5, -5],
             "method": "build", "inertia": True, "url": "https://example.org", "description": "why",
             "confidence": "low"},
            {"id": "b", "name": "B", "evolution": 0.4, "visibility": 0.5},
        ],
        "links": [{"source": "a", "target": "b", "flow": True, "flow_direction": "back", "flow_label": "£", "label": "c"}],
        "evolves": [{"element": "b", "evolution": 0.8, "name": "B2", "label_offset": [1, 1]}],
        "pipelines": [{"element": "b", "start": 0.2, "end": 0.6, "members": []}],
        "notes": [{"id": "n", "text": "note", "evolution": 0.3, "visibility": 0.3}],
        "annotations": [{"number": 1, "text": "t", "positions": [{"evolution": 0.2, "visibility": 0.2}]}],
        "accelerators": [{"id": "acc", "name": "Acc", "evolution": 0.6, "visibility": 0.6, "negative": True}],
        "attitudes": [{"kind": "pioneers", "top": 0.9, "left": 0.1, "bottom": 0.8, "right": 0.2}],
    }


def _base() -> dict[str, Any]:
    data = {"format": "wardley-map", "version": 1, **_content()}
    data["snapshots"] = [{"name": "s", "created": "2024-01-01T00:00:00Z", "content": _content()}]
    return data


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every field of every record (and of the map itself), at any depth."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*path, key))
            found.extend(_places(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.append((*path, i))
            found.extend(_places(value, (*path, i)))
    return found


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _loads_or_refuses(text: str, file_format: str, source: str) -> None:
    try:
        parse_map_text(text, file_format, source)  # type: ignore[arg-type]
    except MapFileError as error:
        summary = error.summary()
        assert "\n" not in summary and summary.startswith(f"{source}: "), summary
        assert "cannot be read (" not in summary, f"a reader let an exception escape: {summary}"


JSON_PLACES = _places(_base())


def test_the_grid_reaches_every_record() -> None:
    assert len(JSON_PLACES) > 150
    assert ("snapshots", 0, "content", "annotations", 0, "positions", 0, "evolution") in JSON_PLACES


@pytest.mark.parametrize("kind", list(VALUES))
def test_json_every_field_every_value_type(kind: str) -> None:
    assert parse_map_text(_text(_base()), "json", "grid.wardley.json").map.links[0].flow_direction == "back"
    for path in JSON_PLACES:
        data = _base()
        _put(data, path, VALUES[kind])
        _loads_or_refuses(_text(data), "json", "grid.wardley.json")


#: OWM lines and the keys their ``// wardley:`` comment is read for.
OWM_LINES: dict[str, tuple[str, ...]] = {
    "component A [0.9, 0.5]": ("id", "kind", "name", "description", "confidence", "url", "visibility"),
    "component B [0.5, 0.4]": ("id", "kind", "name"),
    "pipeline B [0.2, 0.6]": ("element", "start", "end", "members"),
    "evolve B 0.8": ("element", "name"),
    "A+<B": ("source", "target", "label", "flow_label", "flow_direction"),
    "note hello [0.3, 0.3]": ("id", "text"),
    "annotation 1 [0.2, 0.2] t": ("text",),
    "accelerator Acc [0.6, 0.6]": ("id", "name"),
}
MAP_KEYS = ("order", "pipelines", "title", "style", "stages", "boundaries", "description")


def _owm(lines: dict[str, str]) -> str:
    return "\n".join(line + lines.get(line, "") for line in OWM_LINES) + "\n"


@pytest.mark.parametrize("kind", list(VALUES))
def test_owm_comments_every_key_every_value_type(kind: str) -> None:
    value = VALUES[kind]
    for line, keys in OWM_LINES.items():
        for key in (*keys, "unknown"):
            text = _owm({line: " // wardley: " + _text({key: value})})
            _loads_or_refuses(text, "owm", "grid.owm")
    for key in MAP_KEYS:
        _loads_or_refuses(_owm({}) + "// wardley-map: " + _text({key: value}), "owm", "grid.owm")
    snapshot = {"name": "s", "created": "2024", "content": _content()}
    for path in _places(snapshot):
        copy = json.loads(json.dumps(snapshot))
        _put(copy, path, value)
        _loads_or_refuses(_owm({}) + "// wardley-snapshot: " + _text(copy), "owm", "grid.owm")


def test_a_huge_integer_anywhere_in_json_is_one_line_naming_file_and_line() -> None:
    data = _base()
    data["notes"][0]["evolution"] = HUGE
    with pytest.raises(MapFileError) as caught:
        parse_map_text(_text(data), "json", "big.wardley.json")
    assert caught.value.summary().startswith("big.wardley.json: line 1 column ")
    assert "digits" in caught.value.summary()


def test_an_unhashable_kind_in_an_owm_comment_is_ignored_with_a_warning() -> None:
    loaded = parse_map_text('component A [0.5, 0.5] // wardley: {"kind": ["user"]}\n', "owm", "k.owm")
    assert loaded.map.elements[0].kind == "component"
    loaded = parse_map_text('component A [0.5, 0.5] // wardley: {"kind": {"a": 1}}\n', "owm", "k.owm")
    assert loaded.map.elements[0].kind == "component"


def test_an_exception_escaping_a_reader_is_refused_naming_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from wardley.io.owm import reader

    def broken(self: Any, number: int, rest: str, meta: dict[str, Any]) -> None:
        raise KeyError("boom")

    monkeypatch.setitem(reader._HANDLERS, "note", broken)
    with pytest.raises(MapFileError) as caught:
        parse_map_text("component A [0.5, 0.5]\n\nnote x [0.1, 0.1]\n", "owm", "bug.owm")
    assert caught.value.summary() == "bug.owm: line 3: cannot be read (KeyError: 'boom')"


def test_memory_exhaustion_is_not_called_a_bad_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from wardley.io import json_format

    def exhausted(text: str, source: str) -> None:
        raise MemoryError

    monkeypatch.setattr(json_format, "parse_json_map", exhausted)
    monkeypatch.setattr("wardley.io.files.parse_json_map", exhausted)
    with pytest.raises(MemoryError):
        parse_map_text("{}", "json", "m.wardley.json")


CLI_CASES: dict[str, tuple[str, str]] = {
    "json-huge-int": ("h.wardley.json", _text({**_base(), "title": HUGE})),
    "json-list-as-title": ("l.wardley.json", _text({**_base(), "title": [1]})),
    "json-nan-evolution": ("n.wardley.json", _text({**_base(), "elements": [{**_content()["elements"][1], "evolution": float("nan")}]})),
    "owm-huge-annotation": ("a.owm", "component A [0.5, 0.5]\nannotation " + "9" * 5000 + " [0.1, 0.1] t\n"),
    "owm-comment-object-id": ("o.owm", 'component A [0.5, 0.5] // wardley: {"id": {"x": 1}, "kind": [1]}\nA->A\n'),
}


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_the_command_refuses_in_one_line_with_exit_2(case: str, tmp_path: Path) -> None:
    name, text = CLI_CASES[case]
    (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "wardley", "validate", name], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith(f"{name}: ") for line in lines), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_validate_goes_on_to_the_next_file_after_a_huge_integer(tmp_path: Path) -> None:
    (tmp_path / "h.wardley.json").write_text(_text({**_base(), "title": HUGE}), encoding="utf-8")
    (tmp_path / "ok.owm").write_text("component A [0.5, 0.5]\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "wardley", "validate", "h.wardley.json", "ok.owm"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("h.wardley.json: line 1 column ") and done.stderr.count("\n") == 1
    assert done.stdout.startswith("ok.owm: valid")
