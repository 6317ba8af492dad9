"""``wardley convert IN -o OUT``: between OWM text and our JSON, chosen by file extension."""

from __future__ import annotations

import argparse
import sys
from typing import Any

#: How many line numbers the "left out" summary names before it says "and N more".
_SHOWN = 10


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "convert",
        help="convert a map between OWM text (.owm, .wm, .txt) and wardley JSON (.json) by file extension",
        description="Convert a map between OWM text (.owm, .wm, .txt) and wardley JSON (.json). OWM lines that "
        "cannot be read are reported as warnings (FILE: line N: reason) and do not stop the conversion.",
    )
    parser.add_argument("source", metavar="IN", help="the map to read")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write (replaced atomically)")


def run(args: argparse.Namespace) -> int:
    from wardley.io.files import format_of, parse_map_text, read_text, save_map

    source = args.source
    text = read_text(source)
    in_format = format_of(source)
    format_of(args.output)  # refuse an unknown output type before any work
    if in_format == "owm":
        from wardley.io.owm import parse_owm

        result = parse_owm(text)
        wardley_map = result.map
        for warning in result.warnings:
            print(warning.format(source), file=sys.stderr)
        if result.dropped:
            print(_dropped_summary(source, [p.place for p in result.dropped]), file=sys.stderr)
    else:
        wardley_map = parse_map_text(text, in_format, source).map
    save_map(args.output, wardley_map)
    print(f"{args.output}: written ({len(wardley_map.elements)} elements, {len(wardley_map.links)} links)")
    return 0


def _dropped_summary(source: str, places: list[str]) -> str:
    numbers = [place.removeprefix("line ") for place in places]
    shown = ", ".join(numbers[:_SHOWN])
    more = f" and {len(numbers) - _SHOWN} more" if len(numbers) > _SHOWN else ""
    lines = "line" if len(numbers) == 1 else "lines"
    return (
        f"{source}: left out {len(numbers)} {lines} that OWM does not draw either (links and evolve lines naming "
        f"nothing on the map, hidden pipelines): lines {shown}{more}"
    )
