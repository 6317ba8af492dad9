from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    sub.add_parser("schema", help="print the JSON Schema of .wardley.json files")


def run(args: argparse.Namespace) -> int:
    from wardley.io import json_schema_text

    print(json_schema_text(), end="")
    return 0
