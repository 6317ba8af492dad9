"""``wardley convert``: OWM <-> JSON by extension, warnings on stderr, atomic output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.cli import main
from wardley.io import load_map

OWM_TEXT = """title Tea shop
anchor Business [0.95, 0.63]
component Cup of tea [0.79, 0.61]
this line is prose
component Kettle [1.01, 0.35]
Business->Cup of tea
Cup of tea->Kettle
Cup of tea->Commented out
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_owm_to_json_prints_warnings_and_succeeds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source, target = tmp_path / "tea.owm", tmp_path / "tea.wardley.json"
    source.write_text(OWM_TEXT, encoding="utf-8")
    code, out, err = run(capsys, "convert", str(source), "-o", str(target))
    assert code == 0
    assert err.splitlines() == [
        f"{source}: line 4: not an OWM line (unknown keyword or free text): skipped",
        f"{source}: line 5: visibility 1.01 is outside 0..1: clamped to 1",
        f"{source}: left out 1 line that OWM does not draw either (links and evolve lines naming "
        "nothing on the map, hidden pipelines): lines 8",
    ]
    assert out == f"{target}: written (3 elements, 2 links)\n"
    converted = load_map(target)
    assert converted.format == "json"
    assert [e.name for e in converted.map.elements] == ["Business", "Cup of tea", "Kettle"]


def test_json_to_owm_and_back_is_lossless(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = MAPS / "shared-infrastructure-three-councils.wardley.json"
    owm, back = tmp_path / "map.owm", tmp_path / "back.wardley.json"
    assert run(capsys, "convert", str(source), "-o", str(owm))[0] == 0
    assert run(capsys, "convert", str(owm), "-o", str(back))[2] == ""
    assert back.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".wm", ".txt"])
def test_other_owm_extensions(capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"tea{suffix}"
    source.write_text("component A [0.5, 0.5]\n", encoding="utf-8")
    code, _, err = run(capsys, "convert", str(source), "-o", str(tmp_path / "a.json"))
    assert (code, err) == (0, "")


def test_bad_input_exits_2_and_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.owm"
    code, out, err = run(capsys, "convert", str(tmp_path / "missing.owm"), "-o", str(target))
    assert (code, out, err) == (2, "", f"{tmp_path / 'missing.owm'}: no such file\n")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "convert", str(broken), "-o", str(target))
    assert code == 2 and err.startswith(f"{broken}: line 1 column 2: not valid JSON")
    assert not target.exists()


def test_unknown_output_type_exits_2_before_reading(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a.owm"
    source.write_text("component A [0.5, 0.5]\n", encoding="utf-8")
    code, _, err = run(capsys, "convert", str(source), "-o", str(tmp_path / "a.png"))
    assert code == 2 and "unknown file type" in err
    assert os.listdir(tmp_path) == ["a.owm"]


def test_output_that_cannot_be_written_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a.owm"
    source.write_text("component A [0.5, 0.5]\n", encoding="utf-8")
    folder = tmp_path / "taken.json"
    folder.mkdir()
    code, _, err = run(capsys, "convert", str(source), "-o", str(folder))
    assert (code, err) == (2, f"{folder}: is a folder: cannot save over it\n")
    assert sorted(os.listdir(tmp_path)) == ["a.owm", "taken.json"] and not os.listdir(folder)


def test_missing_output_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(tmp_path / "a.owm")])
    assert exit_.value.code == 2


def test_validate_reports_owm_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "tea.owm"
    source.write_text(OWM_TEXT, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(source))
    assert code == 2
    assert f"{source}: line 4: not an OWM line" in err
