"""Shared-platform analysis: which components many services rebuild, and where teams disagree.

No Qt here. The app's analysis panel and the ``wardley analyse`` command both call:

- :func:`analyse_library` (paths, settings, aliases) and :func:`analyse_map` (one map) ->
  :class:`LibraryReport`, whose ``highlight(capability, map_path)`` gives the element ids
  and need ids to light up on a canvas;
- :func:`report_to_markdown`, :func:`report_to_text`, :func:`report_to_csv`, and
  ``LibraryReport.to_data()`` for the JSON;
- :func:`add_merge` / :func:`add_keep_apart` to record a room's decision in the library's
  ``wardley-aliases.json``.
"""

from wardley.analysis.aliases import (
    ALIASES_FILE_NAME, Aliases, add_keep_apart, add_merge, add_rename, add_split, load_aliases,
)
from wardley.analysis.formats import report_to_csv, report_to_json, report_to_markdown, report_to_text
from wardley.analysis.library import analyse_library, analyse_map, analyse_maps, map_files
from wardley.analysis.report import Capability, Highlight, LibraryReport, MapSummary
from wardley.analysis.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "ALIASES_FILE_NAME", "Aliases", "Capability", "DEFAULT_SETTINGS", "Highlight", "LibraryReport", "MapSummary",
    "Settings", "add_keep_apart", "add_merge", "add_rename", "add_split", "analyse_library", "analyse_map", "analyse_maps", "load_aliases",
    "map_files", "report_to_csv", "report_to_json", "report_to_markdown", "report_to_text",
]
