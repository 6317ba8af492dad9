"""``wardley describe MAP``: the map in plain English, for alt text and screen readers."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "describe",
        help="describe a map in plain English (alt text for its pictures)",
        description="Print a plain-English description of a map: a summary, then its users and needs, "
        "the chain beneath each need, components by stage, what is evolving, build / buy / outsource, "
        "inertia and notes. Written for alt text and screen readers.",
    )
    parser.add_argument("source", metavar="MAP", help="the map to describe (.wardley.json or OWM text)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help="plain text (default) or Markdown")


def run(args: argparse.Namespace) -> int:
    from wardley.io.files import load_map
    from wardley.io.problems import printable_lines
    from wardley.workshop.describe import describe_map

    loaded = load_map(args.source)
    print(printable_lines(describe_map(loaded.map, args.format)), end="")
    return 0
