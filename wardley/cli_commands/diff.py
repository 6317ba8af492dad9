"""``wardley diff OLD NEW``: what moved, appeared, went or was renamed between two maps."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

SNAPSHOT_SEPARATOR = "#"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "diff",
        help="compare two maps (files, or snapshots inside a file as FILE#SNAPSHOT)",
        description="Compare two maps. Each side is a map file, or FILE#SNAPSHOT for a named snapshot saved "
        "inside a file. Elements are matched by id, then by name.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def load_side(spec: str) -> Any:
    """A map's content from ``FILE`` or ``FILE#SNAPSHOT``."""
    from wardley.io import MapFileError, load_map

    path, snapshot = spec, None
    if not Path(spec).exists() and SNAPSHOT_SEPARATOR in spec:
        path, snapshot = spec.rsplit(SNAPSHOT_SEPARATOR, 1)
    loaded = load_map(path).map
    if snapshot is None:
        return loaded.content()
    for candidate in loaded.snapshots:
        if candidate.name == snapshot:
            return candidate.content
    names = ", ".join(repr(s.name) for s in loaded.snapshots) or "none"
    raise MapFileError.single(path, f"no snapshot named {snapshot!r} (snapshots: {names})")


def format_text(diff: Any) -> str:
    from wardley.io.problems import printable as plain  # names from a file: no terminal escapes, one line each
    from wardley.model import stage_name

    if diff.unchanged:
        return "No differences.\n"
    lines = []
    for rename in diff.renamed:
        lines.append(f"renamed  {plain(rename.old)} -> {plain(rename.new)}")
    for move in diff.moved:
        (e0, v0), (e1, v1) = move.old, move.new
        stages = "" if stage_name(e0) == stage_name(e1) else f"  ({stage_name(e0)} -> {stage_name(e1)})"
        lines.append(
            f"moved    {plain(move.name)}: evolution {e0:.2f} -> {e1:.2f}, visibility {v0:.2f} -> {v1:.2f}{stages}"
        )
    lines += [f"added    {plain(element.name)}" for element in diff.added]
    lines += [f"removed  {plain(element.name)}" for element in diff.removed]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from wardley.model.compare import compare_maps

    diff = compare_maps(load_side(args.old), load_side(args.new))
    if args.format == "json":
        print(json.dumps(diff.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_text(diff), end="")
    return 0
