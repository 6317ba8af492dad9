"""Hostile map files within the size limits (issue 16), shared by the benchmark and the resource-limit test."""

from __future__ import annotations

import json
from pathlib import Path


def many_unknown_keys(path: Path, notes: int = 99_999, keys: int = 40) -> Path:
    """The issue's file: about 31 MB of notes, each with ``keys`` unknown keys (4 million problems)."""
    extra = ", ".join(f'"k{j}": {j}' for j in range(keys))
    body = ",\n".join(
        f'{{"id": "n{i}", "text": "t", "evolution": 0.5, "visibility": 0.5, {extra}}}' for i in range(notes)
    )
    path.write_text(f'{{"format": "wardley-map", "version": 1, "title": "t", "notes": [\n{body}\n]}}\n', encoding="utf-8")
    return path


def valid_notes(path: Path, notes: int = 99_999) -> Path:
    """The same notes without the unknown keys: a valid file, the floor to compare with."""
    data = {"format": "wardley-map", "version": 1, "title": "t",
            "notes": [{"id": f"n{i}", "text": "t", "evolution": 0.5, "visibility": 0.5} for i in range(notes)]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def owm_components(path: Path, count: int = 1_000_000) -> Path:
    path.write_text("".join(f"component Component number {i} [0.5, 0.5]\n" for i in range(count)), encoding="utf-8")
    return path


def owm_links(path: Path, count: int = 1_000_000) -> Path:
    path.write_text("component A [0.9, 0.5]\ncomponent B [0.5, 0.5]\n" + "A->B\n" * count, encoding="utf-8")
    return path
