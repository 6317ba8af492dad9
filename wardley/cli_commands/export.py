"""``wardley export IN -o OUT.png|.svg|.pdf``: a map as a picture, headless.

Qt is imported only inside :func:`run`, so ``wardley --help`` and the other
commands stay Qt-free."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from wardley.io.formats import formats, suffix_list, suffixes

PICTURE_SUFFIXES = suffixes("picture")
THEME_NAMES = ("default", "print", "dark")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export",
        help=f"draw a map to a {', '.join(f.key.upper() for f in formats('picture'))} picture (works without a display)",
        description="Draw a map to a picture. The type comes from OUT's extension: "
        + "; ".join(f"{f.suffix}: {f.description}" for f in formats("picture"))
        + " (--width and --dpi size a PNG).",
    )
    parser.add_argument("input", metavar="IN", help=f"the map ({suffix_list('map')})")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help=f"the picture to write: {suffix_list('picture')}")
    parser.add_argument("--width", type=_positive, metavar="PX", help="PNG width in pixels (default 2400)")
    parser.add_argument(
        "--dpi", type=_positive, metavar="N",
        help="PNG print resolution, stored in the file; without --width the picture is its natural "
        "size (about 11 inches wide) at N dots per inch",
    )
    parser.add_argument("--theme", default="default", metavar="NAME", help=f"one of {', '.join(THEME_NAMES)} (default: default)")
    parser.add_argument("--legend", action="store_true", help="add a key to the symbols")
    parser.add_argument(
        "--relabel",
        action="store_true",
        help="place every label automatically, ignoring label positions set by hand "
        "(OWM's label [x, y]); the map file is not changed",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 20_000:
        raise argparse.ArgumentTypeError(f"must be between 1 and 20000: {value}")
    return value


def _fail(message: str) -> int:
    print(f"wardley export: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    out = str(args.output)
    if Path(out).suffix.lower() not in PICTURE_SUFFIXES:
        return _fail(f"{out}: unknown picture type {Path(out).suffix or '(none)'!r} (use {suffix_list('picture')})")
    if args.theme not in THEME_NAMES:
        return _fail(f"unknown theme {args.theme!r} (use {', '.join(THEME_NAMES)})")

    from wardley.io import MapFileError, load_map

    try:
        loaded = load_map(args.input)
    except MapFileError as error:
        return _fail(error.summary())
    for warning in loaded.warnings:
        print(f"wardley export: warning: {warning.format(str(args.input))}", file=sys.stderr)
    return _draw(loaded.map, out, args)


def _draw(wardley_map: Any, out: str, args: argparse.Namespace) -> int:
    _choose_platform()
    from PySide6.QtWidgets import QApplication

    from wardley.render import theme_named
    from wardley.render.export_files import ExportError, ExportOptions, export_map
    from wardley.render.export_scene import export_scene

    app = QApplication.instance() or QApplication(["wardley-export"])
    # The map was read for this picture alone: nothing else could see the scene change it.
    scene = export_scene(wardley_map, theme_named(args.theme), args.relabel, copy=False)
    options = ExportOptions(width_px=args.width, dpi=args.dpi, legend=args.legend)
    try:
        export_map(scene, out, options)
        if not args.relabel and scene.moved_hand_set_labels:
            print(f"wardley export: warning: {_moved_labels(str(args.input), scene.moved_hand_set_labels)}", file=sys.stderr)
    except ExportError as error:
        return _fail(str(error))
    finally:
        scene.detach()
        del scene
        del app
    return 0


#: Names listed in the warning about moved labels; the rest are counted.
MOVED_NAMES_SHOWN = 5


def _moved_labels(source: str, names: list[str]) -> str:
    """One line: which labels placed by hand were moved because they collided."""
    from wardley.io.problems import printable

    shown = ", ".join(repr(printable(name)) for name in names[:MOVED_NAMES_SHOWN])
    more = f" and {len(names) - MOVED_NAMES_SHOWN} more" if len(names) > MOVED_NAMES_SHOWN else ""
    count = "1 label" if len(names) == 1 else f"{len(names)} labels"
    return (f"{source}: moved {count} placed by hand that lay over a label or symbol or under a line "
            f"({shown}{more}); --relabel places every label automatically")


def _choose_platform(env: Any = os.environ) -> None:
    """The platform Qt draws the export on, unless the caller chose one.

    Offscreen only where there is no display platform: on Windows and macOS the native one draws
    with the system's font rendering. On Linux a named display may be gone, and Qt's xcb plugin
    then aborts the process; the fallback list makes it carry on offscreen instead (quietly)."""
    if env.get("QT_QPA_PLATFORM"):
        return
    from wardley.cli_commands.app import display_problem

    if display_problem(env) is not None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux"):
        native = "xcb" if env.get("DISPLAY") else "wayland"
        env["QT_QPA_PLATFORM"] = f"{native};offscreen"
        env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
