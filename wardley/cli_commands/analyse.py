from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

TEXT_FORMATS = ("text", "json", "markdown", "csv")
#: The spread picture (see wardley.render.spread); only these need Qt, imported when chosen.
PICTURE_FORMATS = ("png", "svg", "pdf")
FORMATS = TEXT_FORMATS + PICTURE_FORMATS


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "analyse",
        help="find components to share as a platform across maps (a folder of maps or map files)",
        description="Match components across maps, score each capability as a shared-platform candidate, "
        "flag where teams disagree, and check each map. Exit 0 on success, 2 on bad input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a folder of maps, or map files (.wardley.json, OWM)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output format (default: text); png, svg and pdf draw the spread picture to -o")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output "
                        "(needed for png, svg and pdf)")
    parser.add_argument(
        "--aliases", metavar="FILE",
        help="the library's aliases file (default: wardley-aliases.json in the folder given, if present)",
    )


def _fail(message: str) -> int:
    print(f"wardley analyse: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from wardley.analysis import analyse_library, report_to_csv, report_to_json, report_to_markdown, report_to_text
    from wardley.io.problems import printable_lines

    output = args.output
    if args.format in PICTURE_FORMATS:
        if not output:
            return _fail(f"--format {args.format} draws a picture: name the file with -o OUT")
        if Path(output).suffix.lower() != f".{args.format}":
            return _fail(f"{output}: the file name must end in .{args.format} for --format {args.format}")
        if Path(output).is_dir():
            return _fail(f"{output}: is a folder")
    report = analyse_library(args.paths, aliases=args.aliases)  # a MapFileError is reported by wardley.cli
    if args.format in PICTURE_FORMATS:
        return _draw(report, output, args.format)
    writer = {"text": report_to_text, "json": report_to_json, "markdown": report_to_markdown, "csv": report_to_csv}
    text = writer[args.format](report)
    if output:
        from wardley.io.atomic import write_atomically

        try:
            write_atomically(output, text.encode("utf-8"))
        except OSError as error:
            return _fail(f"{output}: cannot write: {error.strerror or error}")
        return 0
    # Names come from map files: no terminal escape sequences (CSV is data for a spreadsheet, kept as is).
    sys.stdout.write(text if args.format == "csv" else printable_lines(text))
    return 0


def _draw(report: Any, output: str, kind: str) -> int:
    from wardley.cli_commands.export import _choose_platform

    if kind != "svg":  # the SVG is written as text; only PNG and PDF paint with Qt
        _choose_platform()
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(["wardley-analyse"])  # noqa: F841 - fonts need it
    from wardley.render.spread import write_spread

    try:
        write_spread(report, output, kind)
    except OSError as error:
        return _fail(f"{output}: cannot write: {error.strerror or error}")
    return 0
