"""Upgrades for files written by older versions of the format.

Each step takes the file's JSON object at version N and returns it at N + 1.
Version 1 is the first, so there is nothing to upgrade yet; the next format
change adds ``_v1_to_v2`` here and a test file written by version 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_VERSION = 1

Step = Callable[[dict[str, Any]], dict[str, Any]]
STEPS: dict[int, Step] = {}


class MigrationError(ValueError):
    pass


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring ``data`` from ``version`` up to :data:`CURRENT_VERSION`."""
    if version < 1:
        raise MigrationError(f"unknown file format version {version}")
    while version < CURRENT_VERSION:
        step = STEPS.get(version)
        if step is None:
            raise MigrationError(f"no upgrade from file format version {version}")
        data = step(data)
        version += 1
    return data
