from __future__ import annotations

import argparse
import sys
from typing import Any

from wardley.wording import counted


def register(sub: Any) -> None:
    parser = sub.add_parser("validate", help="check map files (exit 0 when all are valid, 2 otherwise)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .wardley.json map or an OWM text file")


def run(args: argparse.Namespace) -> int:
    from wardley.io import MapFileError, load_map

    failed = False
    for path in args.files:
        try:
            loaded = load_map(path)
        except MapFileError as error:
            failed = True
            for line in error.lines():
                print(line, file=sys.stderr)
            continue
        for warning in loaded.warnings:
            failed = True
            print(warning.format(path), file=sys.stderr)
        if not loaded.warnings:
            m = loaded.map
            print(f"{path}: valid ({counted(len(m.elements), 'element')}, {counted(len(m.links), 'link')})")
    return 2 if failed else 0
