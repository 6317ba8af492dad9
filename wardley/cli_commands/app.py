"""``wardley [FILE]``: the desktop app. Until the editor lands this prints the help."""

from __future__ import annotations


def run_app(argv: list[str]) -> int:
    from wardley.cli import EXIT_BAD_INPUT, build_parser

    parser = build_parser()
    if argv:
        parser.exit(EXIT_BAD_INPUT, f"wardley: unknown command {argv[0]!r} (see 'wardley --help')\n")
    parser.print_help()
    return 0
