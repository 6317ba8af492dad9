"""``wardley diff OLD NEW``: what moved, appeared, went, was renamed or changed between two maps,
and which links and evolve arrows were added or removed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wardley.model.compare import MapDiff, PropertyChange

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


def format_text(diff: MapDiff) -> str:
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
    lines += [f"changed  {plain(change.name)}: {describe_change(change)}" for change in diff.changed]
    lines += [f"linked   {plain(link.source)} -> {plain(link.target)}" for link in diff.links_added]
    lines += [f"unlinked {plain(link.source)} -> {plain(link.target)}" for link in diff.links_removed]
    for evolve in diff.evolves:
        if evolve.old is None:
            what = f"evolve arrow added, to {evolve.new:.2f}"
        elif evolve.new is None:
            what = f"evolve arrow to {evolve.old:.2f} removed"
        else:
            what = f"evolve arrow now to {evolve.new:.2f} (was {evolve.old:.2f})"
        lines.append(f"evolve   {plain(evolve.name)}: {what}")
    return "\n".join(lines) + "\n"


def describe_change(change: PropertyChange) -> str:
    """A changed property in words; free text (rationale, url) is named, not printed."""
    if change.what == "inertia":
        return "inertia marked" if change.new else "inertia cleared"
    if change.what == "description":
        return "rationale (why here) edited"
    if change.what == "url":
        return "url changed"
    before = "not set" if change.old is None else change.old
    after = "not set" if change.new is None else change.new
    return f"{change.what} {before} -> {after}"


def run(args: argparse.Namespace) -> int:
    from wardley.model.compare import compare_maps

    diff = compare_maps(load_side(args.old), load_side(args.new))
    if args.format == "json":
        print(json.dumps(diff.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_text(diff), end="")
    return 0
