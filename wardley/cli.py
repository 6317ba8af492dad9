"""The ``wardley`` command. Commands that do not draw never import Qt."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from wardley import __version__

#: One module per command under ``wardley.cli_commands``, each with ``register``
#: (adds its sub-parser; imports nothing heavy) and ``run(args) -> int``.
COMMANDS = ("validate", "schema", "diff", "export", "analyse", "convert", "describe")

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
#: Errors writing to standard output that say nothing about wardley's code.
_OUTPUT_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EIO)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not argparse's usage block: the hint says where the usage is.
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wardley",
        description="Wardley maps for public services: draw them, read OWM text, export images, "
        "and find what to share as a platform. With no command, or a FILE, it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"wardley {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"wardley.cli_commands.{name}")
        module.register(sub)
    return parser


def _is_app_call(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return first not in COMMANDS and not first.startswith("-")


def _run(argv: list[str]) -> int:
    if argv in (["--version"], ["-V"]):
        print(f"wardley {__version__}")
        return EXIT_OK
    if _is_app_call(argv):
        from wardley.cli_commands import app

        return app.run_app(argv)
    args = build_parser().parse_args(argv)
    module = importlib.import_module(f"wardley.cli_commands.{args.command}")
    return int(module.run(args))


def _map_file_error(error: BaseException) -> bool:
    # Not imported up front: wardley.io loads pydantic, which `--version` and `--help` never need.
    # An error can only be a MapFileError once the module that defines it has been loaded.
    problems = sys.modules.get("wardley.io.problems")
    return problems is not None and isinstance(error, problems.MapFileError)


def main(argv: Sequence[str] | None = None) -> int:
    # The program, not the library, decides this: code importing wardley.model keeps its plugins.
    from wardley.pydantic_plugins import skip_plugin_search

    skip_plugin_search()
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `wardley schema | head`): nothing to report.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - a user never sees a traceback
        if _map_file_error(error):
            # One line: `wardley validate` lists every problem; the other commands name the first.
            print(error.summary(), file=sys.stderr)  # type: ignore[attr-defined]
            return EXIT_BAD_INPUT
        if os.environ.get("WARDLEY_DEBUG"):
            raise
        if isinstance(error, OSError) and error.errno in _OUTPUT_FAILURES:
            # Not our bug: the output went to a full disk or a dead terminal.
            print(f"wardley: cannot write the output: {error.strerror}", file=sys.stderr)
            return EXIT_INTERNAL
        print(f"wardley: internal error: {type(error).__name__}: {error} (set WARDLEY_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL


def gui_main() -> int:
    """The ``wardley-app`` entry point (gui-scripts): on Windows it runs without a console, where
    ``sys.stdout`` and ``sys.stderr`` are None; what would be printed goes nowhere instead of
    failing, and everything a user must see is a dialog."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
    return main()
