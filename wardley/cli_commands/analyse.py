from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
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
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format: " + "; ".join(
        f"{f.key}: {f.description}" for f in formats("report")) + " (default: text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output "
                        "(needed for the pictures: png, svg and pdf)")
    parser.add_argument(
        "--aliases", metavar="FILE",
        help="the library's aliases file (default: wardley-aliases.json in the folder given, if present)",
    )


def _fail(message: str) -> int:
    print(f"wardley analyse: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from wardley.analysis import LibraryReport, analyse_library
    from wardley.io.formats import format_named, writer_of
    from wardley.io.problems import has_control_bytes, printable_lines

    chosen = format_named("report", args.format)
    output = args.output
    if chosen.needs_qt:  # the spread picture
        if not output:
            return _fail(f"--format {args.format} draws a picture: name the file with -o OUT")
        if not chosen.matches(output):
            return _fail(f"{output}: the file name must end in {chosen.suffix} for --format {args.format}")
        if Path(output).is_dir():
            return _fail(f"{output}: is a folder")
    report = analyse_library(args.paths, aliases=args.aliases)  # a MapFileError is reported by wardley.cli
    if chosen.needs_qt:
        return _draw(report, output, args.format)
    data: bytes | None = None  # the JSON: bytes from the encoder, never copied as text (a sector's is 200 MB)
    if args.format == "json":
        from wardley.analysis.formats import report_json_bytes

        data = report_json_bytes(report)
    else:
        text = cast(Callable[[LibraryReport], str], writer_of(chosen))(report)
    if output:
        from wardley.io.atomic import write_atomically

        try:
            write_atomically(output, data if data is not None else text.encode("utf-8"))
        except OSError as error:
            return _fail(f"{output}: cannot write: {error.strerror or error}")
        return 0
    # Names come from map files: no terminal escape sequences (CSV is data for a spreadsheet, kept as is).
    stream = getattr(sys.stdout, "buffer", None)
    if data is not None:
        if stream is not None and not has_control_bytes(data):
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
            return 0
        text = data.decode("utf-8")
    sys.stdout.write(text if args.format == "csv" else printable_lines(text))
    return 0


def _draw(report: Any, output: str, kind: str) -> int:
    from wardley.cli_commands.export import _choose_platform
    from wardley.io.formats import format_named, writer_of

    if kind != "svg":  # the SVG is written as text; only PNG and PDF paint with Qt
        _choose_platform()
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(["wardley-analyse"])  # noqa: F841 - fonts need it
    write = cast(Callable[[Any, str, str], None], writer_of(format_named("report", kind)))
    try:
        write(report, output, kind)
    except OSError as error:
        return _fail(f"{output}: cannot write: {error.strerror or error}")
    return 0
