from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, cast

from wardley.io.formats import formats

FORMATS = tuple(f.key for f in formats("report"))


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "analyse",
        help="find components to share as a platform across maps (a folder of maps or map files)",
        description="Match components across maps, score each capability as a shared-platform candidate, "
        "flag where teams disagree, and check each map. Exit 0 on success, 2 on bad input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a folder of maps, or map files (.wardley.json, OWM)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format: " + "; ".join(f"{f.key}: {f.description}" for f in formats("report"))
                        + " (default: text)")
    parser.add_argument(
        "--aliases", metavar="FILE",
        help="the library's aliases file (default: wardley-aliases.json in the folder given, if present)",
    )


def run(args: argparse.Namespace) -> int:
    from wardley.analysis import LibraryReport, analyse_library
    from wardley.io.formats import format_named, writer_of
    from wardley.io.problems import printable_lines

    report = analyse_library(args.paths, aliases=args.aliases)  # a MapFileError is reported by wardley.cli
    write = cast(Callable[[LibraryReport], str], writer_of(format_named("report", args.format)))
    text = write(report)
    # Names come from map files: no terminal escape sequences (CSV is data for a spreadsheet, kept as is).
    sys.stdout.write(text if args.format == "csv" else printable_lines(text))
    return 0
