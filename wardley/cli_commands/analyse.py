from __future__ import annotations

import argparse
import sys
from typing import Any

FORMATS = ("text", "json", "markdown", "csv")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "analyse",
        help="find components to share as a platform across maps (a folder of maps or map files)",
        description="Match components across maps, score each capability as a shared-platform candidate, "
        "flag where teams disagree, and check each map. Exit 0 on success, 2 on bad input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a folder of maps, or map files (.wardley.json, OWM)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--aliases", metavar="FILE",
        help="the library's aliases file (default: wardley-aliases.json in the folder given, if present)",
    )


def run(args: argparse.Namespace) -> int:
    from wardley.analysis import analyse_library, report_to_csv, report_to_json, report_to_markdown, report_to_text
    from wardley.io.problems import printable_lines

    report = analyse_library(args.paths, aliases=args.aliases)  # a MapFileError is reported by wardley.cli
    writer = {"text": report_to_text, "json": report_to_json, "markdown": report_to_markdown, "csv": report_to_csv}
    text = writer[args.format](report)
    # Names come from map files: no terminal escape sequences (CSV is data for a spreadsheet, kept as is).
    sys.stdout.write(text if args.format == "csv" else printable_lines(text))
    return 0
