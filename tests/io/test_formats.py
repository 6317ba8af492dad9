"""The format registry is the one list of files wardley reads and writes: every
format goes through the CLI, and every suffix is in the app's dialogs and the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wardley.io import load_map, save_map
from wardley.io.files import MAP_SUFFIXES, format_of
from wardley.io.formats import FORMATS, Format, format_for, formats, open_filters, save_filters, suffix_list

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "maps" / "county-library-service.wardley.json"


def wardley(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wardley", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_each_format_is_complete_and_unambiguous() -> None:
    for role in ("map", "picture", "report"):
        keys = [f.key for f in formats(role)]
        assert len(keys) == len(set(keys)), role
        taken = [s for f in formats(role) for s in f.suffixes]
        assert len(taken) == len(set(taken)), role
    for f in FORMATS:
        assert f.name and f.description and f.suffixes, f.key
        assert all(s == s.lower() and s.startswith(".") for s in f.suffixes), f.key
        assert f.writer is not None, f.key
        assert (f.role == "map") == (f.reader is not None), f.key
        # pictures need Qt: map pictures, and the analysis's spread picture among the reports
        assert f.needs_qt == (f.role == "picture" or f.suffix in (".png", ".svg", ".pdf")), f.key


def test_longest_suffix_wins_and_case_is_ignored() -> None:
    assert format_for("a.WARDLEY.json", "map") == format_for("a.json", "map")
    assert format_for("notes.txt", "map") is not None and format_of("notes.TXT") == "owm"
    assert format_for("a.gif", "picture") is None
    assert suffix_list("picture") == ".png, .svg or .pdf"


def test_dialog_filters_name_every_map_suffix() -> None:
    for suffix in MAP_SUFFIXES:
        assert f"*{suffix}" in open_filters("map").split(";;")[0]
    for map_format in formats("map"):
        assert map_format.dialog_filter() in open_filters("map")
        assert f"{map_format.name} (*{map_format.suffix})" in save_filters("map")


def test_readme_lists_every_suffix() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for f in FORMATS:
        for suffix in f.suffixes:
            assert f"`{suffix}`" in readme or f"`*{suffix}`" in readme, f"README does not mention {suffix} ({f.name})"


@pytest.mark.parametrize("source", formats("map"), ids=lambda f: f.key)
@pytest.mark.parametrize("target", formats("map"), ids=lambda f: f.key)
def test_convert_handles_every_map_format_pair(tmp_path: Path, source: Format, target: Format) -> None:
    original = load_map(EXAMPLE).map
    first = tmp_path / f"in{source.suffix}"
    save_map(first, original)
    out = tmp_path / f"out{target.suffix}"
    result = wardley("convert", first, "-o", out)
    assert result.returncode == 0, result.stderr
    back = load_map(out).map
    assert [(e.name, e.kind) for e in back.elements] == [(e.name, e.kind) for e in original.elements]


@pytest.mark.parametrize("picture", formats("picture"), ids=lambda f: f.key)
def test_export_writes_every_picture_format(tmp_path: Path, picture: Format) -> None:
    out = tmp_path / f"map{picture.suffix}"
    result = wardley("export", EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_export_refuses_a_map_format_as_a_picture(tmp_path: Path) -> None:
    result = wardley("export", EXAMPLE, "-o", tmp_path / "map.owm")
    assert result.returncode == 2 and "use .png, .svg or .pdf" in result.stderr
    assert not (tmp_path / "map.owm").exists()


@pytest.mark.parametrize("report", [f for f in formats("report") if not f.needs_qt], ids=lambda f: f.key)
def test_analyse_writes_every_report_format(report: Format) -> None:
    result = wardley("analyse", ROOT / "maps", "--format", report.key)
    assert result.returncode == 0, result.stderr
    assert "library" in result.stdout.lower()


@pytest.mark.parametrize("report", [f for f in formats("report") if f.needs_qt], ids=lambda f: f.key)
def test_analyse_draws_every_picture_format_to_a_file(report: Format, tmp_path: Path) -> None:
    out = tmp_path / f"spread{report.suffix}"
    result = wardley("analyse", ROOT / "maps", "--format", report.key, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
