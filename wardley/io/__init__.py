"""File formats: our JSON (validated, versioned, deterministic) and OWM text. No Qt.

The names below are loaded on first use (PEP 562): importing ``wardley.io.formats`` or
``wardley.io.atomic`` alone, as ``wardley --help`` does, must not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wardley.io.files import LoadedMap, format_of, load_map, map_text, parse_map_text, read_text, save_map
    from wardley.io.json_format import dump_json_map, json_schema_text, parse_json_map
    from wardley.io.problems import MapFileError, Problem

_HOMES = {
    "LoadedMap": "files", "format_of": "files", "load_map": "files", "map_text": "files",
    "parse_map_text": "files", "read_text": "files", "save_map": "files",
    "dump_json_map": "json_format", "json_schema_text": "json_format", "parse_json_map": "json_format",
    "MapFileError": "problems", "Problem": "problems",
}

__all__ = [
    "LoadedMap", "MapFileError", "Problem", "dump_json_map", "format_of", "json_schema_text",
    "load_map", "map_text", "parse_json_map", "parse_map_text", "read_text", "save_map",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'wardley.io' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"wardley.io.{home}"), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value
