"""``wardley convert IN -o OUT``: between OWM text and our JSON, chosen by file extension."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from wardley.io.formats import formats
from wardley.wording import counted

#: How many line numbers the "left out" summary names before it says "and N more".
_SHOWN = 10


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "convert",
        help="convert a map between formats by file extension ("
        + "; ".join(f"{f.name}: {' '.join(f.suffixes)}" for f in formats("map")) + ")",
        description="Convert a map between any two map formats, chosen by file extension ("
        + "; ".join(f"{f.name}: {' '.join(f.suffixes)}" for f in formats("map"))
        + "). Lines that cannot be read are reported as warnings (FILE: line N: reason) and do not stop "
        "the conversion.",
    )
    parser.add_argument("source", metavar="IN", help="the map to read")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write (replaced atomically)")


def run(args: argparse.Namespace) -> int:
    from wardley.io.files import format_of, load_map, save_map
    from wardley.io.problems import MapFileError

    source, output = args.source, args.output
    format_of(output)  # refuse an unknown output type before any work
    if _same_file(source, output):
        # Converting in place would replace the user's text with ours: lossy, and never undoable.
        raise MapFileError.single(output, "is the input file: write the converted map to another file")
    loaded = load_map(source)
    for warning in loaded.warnings:
        print(warning.format(source), file=sys.stderr)
    if loaded.dropped:
        print(_dropped_summary(source, [p.place for p in loaded.dropped]), file=sys.stderr)
    wardley_map = loaded.map
    save_map(output, wardley_map)
    print(f"{output}: written ({counted(len(wardley_map.elements), 'element')}, {counted(len(wardley_map.links), 'link')})")
    return 0


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:  # either is missing: compare the names the paths resolve to
        return Path(first).resolve() == Path(second).resolve()


def _dropped_summary(source: str, places: list[str]) -> str:
    numbers = [place.removeprefix("line ") for place in places]
    shown = ", ".join(numbers[:_SHOWN])
    more = f" and {len(numbers) - _SHOWN} more" if len(numbers) > _SHOWN else ""
    lines = "line" if len(numbers) == 1 else "lines"
    return (
        f"{source}: left out {len(numbers)} {lines} that OWM does not draw either (links and evolve lines naming "
        f"nothing on the map, hidden pipelines): lines {shown}{more}"
    )
