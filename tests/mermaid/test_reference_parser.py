"""Our wardley-beta output against Mermaid's own parser (npm @mermaid-js/parser 2.x, pinned by
tests/mermaid/package-lock.json and installed with npm into a temporary folder by this test).

Every example map and every corpus map (read from OWM) is written as Mermaid, parsed by Mermaid
in one Node process, checked for what Mermaid read (element, link, evolve... counts) and read
back by us into the same map."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS, MAPS
from wardley.io import load_map
from wardley.io.mermaid import format_mermaid, parse_mermaid
from wardley.model.entities import WardleyMap
from wardley.workshop.describe import describe_map

HERE = Path(__file__).resolve().parent


def _need(condition: bool, reason: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this check may not be skipped)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def mermaid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the pinned parser installed and our script beside it."""
    _need(shutil.which("node") is not None and shutil.which("npm") is not None, "node and npm are not installed")
    folder = tmp_path_factory.mktemp("mermaid")
    for name in ("package.json", "package-lock.json", "parse_all.mjs"):
        shutil.copy(HERE / name, folder / name)
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"npm ci failed: {result.stderr[-2000:]}"
    return folder


def _parse_all(folder: Path, files: list[Path]) -> dict[str, dict[str, object]]:
    result = subprocess.run(["node", "parse_all.mjs", *map(str, files)], cwd=folder,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return {row["file"]: row for row in map(json.loads, result.stdout.splitlines())}


def _counts(wardley_map: WardleyMap) -> dict[str, object]:
    return {
        "elements": len(wardley_map.elements),
        "links": len(wardley_map.links),
        "evolves": len(wardley_map.evolves),
        "notes": len(wardley_map.notes),
        "annotations": len(wardley_map.annotations),
        "accelerators": len(wardley_map.accelerators),
    }


def _check(mermaid: Path, maps: dict[str, WardleyMap], out: Path) -> None:
    files = []
    for name, wardley_map in maps.items():
        text = format_mermaid(wardley_map, describe_map(wardley_map))
        assert parse_mermaid(text, name) == wardley_map, f"{name}: does not round-trip through Mermaid"
        path = out / (Path(name).name + ".mmd")
        path.write_text(text, encoding="utf-8")
        files.append(path)
    rows = _parse_all(mermaid, files)
    refused = [f"{Path(str(row['file'])).name}: {row['error']}" for row in rows.values() if not row["ok"]]
    assert not refused, "\n".join(refused[:10])
    for (name, wardley_map), path in zip(maps.items(), files):
        row = rows[str(path)]
        read = {key: row[key] for key in _counts(wardley_map)}
        assert read == _counts(wardley_map), name


HOSTILE = WardleyMap.model_validate({
    "title": "%% not a comment \\ \"quoted\" -> arrow\twith tab",
    "elements": [
        {"id": "a", "kind": "user", "name": "Tab\there \"quoted\" \\ back", "evolution": 1.0, "visibility": 0.0},
        {"id": "b", "name": "évolve -> note; %% [x, y] {z} (build)", "evolution": 0.0, "visibility": 1.0},
        {"id": "c", "name": "\u6771\u4eac \U0001F600", "evolution": 0.5, "visibility": 0.5, "label_offset": [-1e5, 1e5]},
    ],
    "links": [{"source": "a", "target": "b", "label": "x; y %% z"}, {"source": "b", "target": "c", "flow": True,
              "flow_label": "a'b>c"}],
    "notes": [{"id": "n", "text": "line\nbreak \"q\"", "evolution": 0.5, "visibility": 0.5}],
    "annotations": [{"number": 1, "text": "", "positions": [{"evolution": 0.1, "visibility": 0.1}]}],
})


def test_every_example_map_is_accepted_by_mermaid(mermaid: Path, tmp_path: Path) -> None:
    from tests.io.test_mermaid import RICH

    maps = {path.name: load_map(path).map for path in sorted(MAPS.glob("*.wardley.json"))}
    maps.update({"rich": RICH, "hostile": HOSTILE})
    _check(mermaid, maps, tmp_path)


def test_the_check_can_fail_mermaid_refuses_a_bare_integer_coordinate(mermaid: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.mmd"
    bad.write_text("wardley-beta\ncomponent A [1, 0.5]\n", encoding="utf-8")
    row = _parse_all(mermaid, [bad])[str(bad)]
    assert row["ok"] is False and "line 2" in str(row["error"])


def test_every_corpus_map_is_accepted_by_mermaid(mermaid: Path, tmp_path: Path) -> None:
    _need(CORPUS.is_dir(), f"the OWM corpus is not at {CORPUS}")
    maps = {path.name: load_map(path).map for path in sorted(CORPUS.glob("*.owm"))}
    assert len(maps) > 100
    _check(mermaid, maps, tmp_path)
