import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MAPS, ROOT
from wardley import __version__
from wardley.cli import main

EXAMPLE = MAPS / "parking-permits.wardley.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"wardley {__version__}\n", "")


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "validate" in out and "schema" in out


def test_validate_all_examples(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in sorted(MAPS.glob("*.wardley.json"))]
    code, out, err = run(capsys, "validate", *files)
    assert (code, err) == (0, "")
    assert out.count(": valid (") == len(files)


def test_validate_reports_every_problem_and_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    data["elements"][0]["evolution"] = 2
    data["links"].append({"source": "resident", "target": "nobody"})
    bad = tmp_path / "bad.wardley.json"
    bad.write_text(json.dumps(data))
    code, out, err = run(capsys, "validate", str(EXAMPLE), str(bad))
    assert code == 2
    assert err.splitlines() == [
        f"{bad}: $.elements[0].evolution: must be a number from 0 to 1 (found 2)",
        f"{bad}: $.links[{len(data['links']) - 1}].target: links to missing element 'nobody'",
    ]
    assert str(EXAMPLE) in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("folder", "is a folder, not a map file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (it holds binary data)"),
        (b"\xff\xfe garbage \xc3\x28", "not UTF-8 text (bad byte at offset 0)"),
        (b"", "the file is empty"),
        (b"[1, 2, 3]", "$: expected a JSON object holding a wardley map, found an array"),
        (EXAMPLE.read_bytes()[:300], "not valid JSON"),
    ],
    ids=["missing", "folder", "binary", "not-utf8", "empty", "array", "truncated"],
)
def test_bad_files_give_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "map.wardley.json"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"{path}: ") and message in err
    assert "Traceback" not in err


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, for whom chmod 000 does not stop reading: simulate the refusal.
    path = tmp_path / "secret.wardley.json"
    path.write_text("{}")
    real_open = os.open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", refusing_open)
    code, _, err = run(capsys, "validate", str(path))
    assert (code, err) == (2, f"{path}: permission denied: cannot read the file\n")


def test_unknown_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("title: x")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2 and err.startswith(f"{path}: unknown file type")


def test_wrong_flag_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--frobnicate", str(EXAMPLE)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err == "wardley: unrecognized arguments: --frobnicate (see 'wardley --help')\n"


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["properties"]["format"]["const"] == "wardley-map"
    assert "Element" in schema["$defs"]


def test_non_drawing_commands_never_import_qt() -> None:
    probe = (
        "import sys; from wardley.cli import main; "
        f"main(['validate', {str(EXAMPLE)!r}]); main(['schema']); main(['--version']); "
        "sys.stdout = sys.__stdout__; print('QT', any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip().endswith("QT False")


def test_installed_entry_point_runs() -> None:
    wardley = Path(sys.executable).with_name("wardley")
    result = subprocess.run([str(wardley), "validate", str(EXAMPLE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
