"""File formats: our JSON (validated, versioned, deterministic) and OWM text. No Qt."""

from wardley.io.files import LoadedMap, format_of, load_map, map_text, parse_map_text, read_text, save_map
from wardley.io.json_format import dump_json_map, json_schema_text, parse_json_map
from wardley.io.problems import MapFileError, Problem

__all__ = [
    "LoadedMap", "MapFileError", "Problem", "dump_json_map", "format_of", "json_schema_text",
    "load_map", "map_text", "parse_json_map", "parse_map_text", "read_text", "save_map",
]
