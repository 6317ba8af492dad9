"""The ``NAME.wardley.json`` format: strict loading that reports every problem, and
deterministic writing so that maps diff and merge well in git."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from wardley.io.integrity import integrity_problems
from wardley.io.limits import MAX_ITEMS, count_items
from wardley.io.migrations import CURRENT_VERSION, MigrationError, migrate
from wardley.io.bounded_validation import validate_map
from wardley.io.problems import MapFileError, Problem, ProblemList
from wardley.model.entities import WardleyMap

FORMAT_NAME = "wardley-map"
SUFFIX = ".wardley.json"

_LONG_NUMBER = re.compile(r"[0-9]{1000,}")
#: Files up to this size are first validated in one pass, the quickest way to read a valid map
#: (a library of thousands is read this way); only a file that fails it is read again a slice at
#: a time to list its problems. Past this size one pass is not tried: a broken file could make
#: pydantic build millions of errors at once (see wardley.io.bounded_validation).
ONE_PASS_BYTES = 256 * 1024


def json_path(loc: tuple[int | str, ...]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**40 else "a number of over 40 digits"
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    field = str(error["loc"][-1]) if error["loc"] else ""
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    if kind == "finite_number":
        return "must be a finite number"
    if kind in ("greater_than_equal", "less_than_equal") and field in (
        "evolution", "visibility", "start", "end", "top", "left", "bottom", "right",
    ):
        return f"must be a number from 0 to 1 (found {_shown(error.get('input'))})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {error['ctx']['max_length']} characters)"
    if kind == "string_pattern_mismatch":
        if field in ("name", "text"):
            return "must not be blank"
        return "an id may hold only letters, digits and - _ . :"
    return error["msg"][:1].lower() + error["msg"][1:]


def parse_json_map(text: str, source: str) -> WardleyMap:
    """Read map JSON text; raises :class:`MapFileError` listing every problem found."""
    if not text.strip():
        raise MapFileError.single(source, "the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MapFileError.single(source, f"not valid JSON: {error.msg}", f"line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise MapFileError.single(source, "not a map: the JSON is nested too deeply") from None
    except ValueError:
        # Python refuses to turn a number of over 4,300 digits into an int (a guard against slow
        # conversion); no map holds one, so it is a broken or hostile file.
        raise MapFileError.single(source, "not a map: a number in it has thousands of digits", _long_number_at(text)) from None
    return map_from_data(data, source, one_pass=len(text) <= ONE_PASS_BYTES)


def _long_number_at(text: str) -> str:
    found = _LONG_NUMBER.search(text)
    if found is None:
        return ""
    line_start = text.rfind("\n", 0, found.start()) + 1
    return f"line {text.count(chr(10), 0, found.start()) + 1} column {found.start() - line_start + 1}"


def map_from_data(data: Any, source: str, one_pass: bool = False) -> WardleyMap:
    """The map in ``data``, or a :class:`MapFileError` listing every problem found. ``one_pass``
    tries a single validation first (only for data whose size bounds its errors)."""
    if not isinstance(data, dict):
        found = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(type(data), "a number")
        raise MapFileError.single(source, f"expected a JSON object holding a wardley map, found {found}", "$")
    if data.get("format") != FORMAT_NAME:
        raise MapFileError.single(source, f'not a wardley map file (expected "format": "{FORMAT_NAME}")', "$.format")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise MapFileError.single(source, "the file format version must be a whole number", "$.version")
    if version > CURRENT_VERSION:
        raise MapFileError.single(
            source,
            f"made by a newer version of wardley (file format version {version}; "
            f"this version reads up to {CURRENT_VERSION}): please upgrade wardley",
            "$.version",
        )
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    try:
        body = migrate(body, version)
    except MigrationError as error:
        raise MapFileError.single(source, str(error), "$.version") from None
    items = count_items(body)
    if items > MAX_ITEMS:
        raise MapFileError.single(source, f"too large: {items:,} items (at most {MAX_ITEMS:,} are read)")

    if one_pass:
        try:
            quick = WardleyMap.model_validate(body)
        except (ValidationError, RecursionError):
            pass  # read again below, to list every problem in the file's own words
        else:
            if _plainly_whole(quick) or not integrity_problems(body):
                return quick
    problems = ProblemList()
    wardley_map: WardleyMap | None = None
    try:
        wardley_map = validate_map(body, problems, _describe)
    except RecursionError:
        problems.add(Problem("$", "nested too deeply"))
    problems.extend(integrity_problems(body))
    if problems or wardley_map is None:
        raise problems.error(source)
    return wardley_map


def _plainly_whole(wardley_map: WardleyMap) -> bool:
    """A quick yes for the usual map, of elements and links only: ids unique, and each link between
    two of its elements, once, not to itself. A no means only that :func:`integrity_problems`
    must look (and word what it finds)."""
    if (wardley_map.evolves or wardley_map.pipelines or wardley_map.notes or wardley_map.accelerators
            or wardley_map.snapshots):
        return False
    ids = {element.id for element in wardley_map.elements}
    if len(ids) != len(wardley_map.elements):
        return False
    pairs = {(link.source, link.target) for link in wardley_map.links}
    return len(pairs) == len(wardley_map.links) and all(
        source in ids and target in ids and source != target for source, target in pairs)


def dump_json_map(wardley_map: WardleyMap) -> str:
    """The map as file text: the same map always gives the same bytes."""
    body = wardley_map.model_dump(mode="json", exclude_defaults=True)
    data = {"format": FORMAT_NAME, "version": CURRENT_VERSION, "title": wardley_map.title, **body}
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def json_schema() -> dict[str, Any]:
    schema = WardleyMap.model_json_schema()
    schema["properties"] = {
        "format": {"const": FORMAT_NAME, "description": "Marks the file as a wardley map."},
        "version": {"type": "integer", "const": CURRENT_VERSION, "description": "File format version."},
        **schema["properties"],
    }
    schema["required"] = ["format", "version", *schema.get("required", [])]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "wardley map file"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
