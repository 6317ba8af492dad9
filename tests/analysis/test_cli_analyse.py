import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wardley.cli import main

EVAL = ROOT / "tests" / "analysis" / "eval_library"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_follows_the_documented_contract(capsys):
    code, out, err = run(capsys, "analyse", str(EVAL), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"maps", "capabilities", "suggested_merges", "lint"}
    assert len(data["maps"]) == 10
    assert set(data["maps"][0]) == {"path", "title", "components"}
    capability = data["capabilities"][0]
    assert set(capability) == {"name", "tier", "score", "maps", "placements", "implementations", "needs",
                               "evolution", "spread", "badges", "explanation"}
    assert capability["tier"] in ("strong", "possible", "none")
    assert set(capability["placements"][0]) == {"map", "name", "evolution", "visibility", "method",
                                                 "product", "qualifiers"}
    assert set(data["suggested_merges"][0]) == {"names", "similarity", "reason"}
    assert set(data["lint"][0]) == {"map", "kind", "element", "message"}
    placements = sum(len(c["placements"]) for c in data["capabilities"])
    assert placements == sum(m["components"] for m in data["maps"])


def test_markdown_has_sections_for_a_workshop(capsys):
    code, out, _ = run(capsys, "analyse", str(EVAL), "--format", "markdown")
    assert code == 0
    assert out.startswith("# Shared-platform analysis\n")
    for heading in ("## Strong candidates", "## Possible candidates", "## All capabilities",
                    "## Suggested merges (confirm or reject)", "## Map checks"):
        assert heading in out
    assert "### Notifications (score " in out


def test_csv_has_one_row_per_capability(capsys):
    code, out, _ = run(capsys, "analyse", str(EVAL), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    json_code, json_out, _ = run(capsys, "analyse", str(EVAL), "--format", "json")
    assert [row["name"] for row in rows] == [c["name"] for c in json.loads(json_out)["capabilities"]]
    assert rows[0]["tier"] == "strong"


def test_text_is_the_default(capsys):
    code, out, _ = run(capsys, "analyse", str(EVAL))
    assert code == 0
    assert out.startswith("10 maps, ")
    assert "STRONG" in out and "Suggested merges" in out


def test_files_can_be_named_one_by_one(capsys):
    files = sorted(str(path) for path in EVAL.glob("riverton-*.wardley.json"))
    code, out, _ = run(capsys, "analyse", *files, "--format", "json")
    assert code == 0
    assert [m["path"] for m in json.loads(out)["maps"]] == files


def test_an_aliases_file_can_be_given(capsys, tmp_path: Path):
    aliases = tmp_path / "mine.json"
    aliases.write_text('{"merges": {"Document storage": ["Documnet management"]}}')
    code, out, _ = run(capsys, "analyse", str(EVAL), "--format", "json", "--aliases", str(aliases))
    assert code == 0
    data = json.loads(out)
    assert data["suggested_merges"] == []
    storage = next(c for c in data["capabilities"] if c["name"] == "Document storage")
    assert "Documnet management" in [p["name"] for p in storage["placements"]]


@pytest.mark.parametrize("problem", ["missing", "empty-folder", "bad-map", "bad-aliases", "missing-aliases"])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path: Path, problem):
    args = ["analyse"]
    if problem == "missing":
        args.append(str(tmp_path / "nope"))
    elif problem == "empty-folder":
        args.append(str(tmp_path))
    elif problem == "bad-map":
        bad = tmp_path / "bad.wardley.json"
        bad.write_text('{"format": "wardley-map", "version": 1, "elements": [{"id": "a"}, {"id": "a"}]}')
        args.append(str(bad))
    else:
        args.append(str(EVAL))
        aliases = tmp_path / "aliases.json"
        if problem == "bad-aliases":
            aliases.write_text("[1, 2]")
        args += ["--aliases", str(aliases)]
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(tmp_path) in err
    assert "Traceback" not in err


def test_a_wrong_format_name_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyse", str(EVAL), "--format", "docx"])
    assert exit_.value.code == 2


def test_a_picture_format_without_a_file_is_bad_input(capsys):
    code, out, err = run(capsys, "analyse", str(EVAL), "--format", "pdf")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "-o OUT" in err


def test_the_command_never_imports_qt():
    code = ("import sys; from wardley.cli import main; "
            f"main(['analyse', {str(EVAL)!r}, '--format', 'json']); "
            "assert not any(name.startswith('PySide6') for name in sys.modules), 'Qt was imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
