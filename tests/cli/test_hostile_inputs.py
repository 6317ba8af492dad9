"""Every command, run as a real process, over files and arguments meant to break it.

Each case must end with exit 2, no traceback, one stderr line (``validate`` gives one per
problem) naming the file at fault (or the flag, for a usage error), and nothing written or
changed on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import MAPS

#: The wardley of the Python running the tests, wherever and however it was installed.
WARDLEY = [sys.executable, "-m", "wardley"]
EXAMPLE = MAPS / "parking-permits.wardley.json"
#: Root reads any file, so the "unreadable" case runs root without its capabilities
#: (among them the one that overrides file modes): a mode-000 file is then unreadable.
WITHOUT_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"]


def _newer_version() -> bytes:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["version"] = 99
    data["elements"][0]["shape"] = "hexagon"  # a field this version has never heard of
    return json.dumps(data).encode()


def _many_problems() -> bytes:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["elements"][0]["evolution"] = 2
    data["elements"][1]["visibility"] = -1
    data["links"].append({"source": "nobody", "target": "nothing"})
    return json.dumps(data).encode()


#: Bad map files: name -> (file name, content; None = missing, "folder" = a folder).
BAD_FILES: dict[str, tuple[str, bytes | str | None]] = {
    "missing": ("gone.wardley.json", None),
    "folder": ("folder.wardley.json", "folder"),
    "named-pipe": ("pipe.owm", "fifo"),  # opening one for reading waits for a writer: must not hang
    "unreadable": ("locked.wardley.json", EXAMPLE.read_bytes()),
    "binary": ("binary.wardley.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"),
    "not-utf8": ("latin.owm", "café [0.5, 0.5]\n".encode("latin-1")),
    "empty": ("empty.wardley.json", b""),
    "json-array": ("array.wardley.json", b"[1, 2, 3]\n"),
    "truncated-json": ("truncated.wardley.json", EXAMPLE.read_bytes()[:400]),
    "newer-version": ("newer.wardley.json", _newer_version()),
    "many-problems": ("invalid.wardley.json", _many_problems()),
    "owm-garbage": ("garbage.owm", b"%PDF-1.4 junk\n<<>> stream \x7f\x7f\nendobj }}{{ ][\n" * 20),
    "unknown-extension": ("map.docx", EXAMPLE.read_bytes()),
}

#: How each command is called on a bad map: FILE stands for it, GOOD for a valid map.
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "FILE"],
    "convert": ["convert", "FILE", "-o", "converted.wardley.json"],
    "export": ["export", "FILE", "-o", "picture.png"],
    "analyse": ["analyse", "FILE"],
    "diff-old": ["diff", "FILE", "GOOD"],
    "diff-new": ["diff", "GOOD", "FILE"],
    "app": ["FILE"],
}


@dataclass(frozen=True)
class Case:
    argv: list[str]
    #: What every stderr line must name.
    named: str
    #: A bad file to lay down first: (name, content).
    bad: tuple[str, bytes | str | None] | None = None


def _cases() -> Iterator[object]:
    for file_id, (name, content) in BAD_FILES.items():
        for command_id, template in COMMANDS.items():
            argv = [name if arg == "FILE" else arg for arg in template]
            yield pytest.param(Case(argv, name, (name, content)), id=f"{command_id}-{file_id}")
    outputs = {
        "unknown-extension": "out.xyz",
        "no-such-folder": "nowhere/out.EXT",
        "folder-is-a-file": "good.wardley.json/out.EXT",
        "folder": "taken.EXT",
        "same-as-input": "GOOD",
    }
    for command, ext in (("convert", "owm"), ("export", "svg")):
        for output_id, output in outputs.items():
            output = output.replace("EXT", ext)
            named = "good.wardley.json" if output == "GOOD" else output
            yield pytest.param(Case([command, "GOOD", "-o", output], named), id=f"{command}-output-{output_id}")
    good_calls = {
        "validate": ["GOOD"], "convert": ["GOOD", "-o", "out.owm"], "export": ["GOOD", "-o", "out.png"],
        "analyse": ["GOOD"], "diff": ["GOOD", "GOOD"], "schema": [],
    }
    for command, rest in good_calls.items():
        argv = [command, "--no-such-flag", *rest]
        yield pytest.param(Case(argv, "--no-such-flag"), id=f"{command}-wrong-flag")


def _lay_down(folder: Path, name: str, content: bytes | str | None) -> None:
    path = folder / name
    if content == "folder":
        path.mkdir()
    elif content == "fifo":
        os.mkfifo(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
        if name.startswith("locked"):
            path.chmod(0)


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("case", list(_cases()))
def test_hostile_input_gives_one_clear_line_and_exit_2(tmp_path: Path, case: Case) -> None:
    folder = tmp_path
    shutil.copy(EXAMPLE, folder / "good.wardley.json")
    (folder / "taken.owm").mkdir()
    (folder / "taken.svg").mkdir()
    if case.bad is not None:
        _lay_down(folder, *case.bad)
    argv = [*WARDLEY, *("good.wardley.json" if arg == "GOOD" else arg for arg in case.argv)]
    if case.bad is not None and case.bad[0].startswith("locked") and os.geteuid() == 0:
        argv = WITHOUT_CAPABILITIES + argv
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WARDLEY_DEBUG", None)
    before = _snapshot(folder)
    result = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    # `validate` lists every problem in a file, one a line; the rest give one line in all.
    assert len(lines) == 1 or (case.argv[0] == "validate" and lines), result.stderr
    assert all(case.named in line for line in lines), result.stderr
    assert _snapshot(folder) == before, "a failed command left a file behind or changed one"


def test_a_full_disk_on_standard_output_is_one_line_not_an_internal_error(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "good.wardley.json")
    with open("/dev/full", "w") as full:
        result = subprocess.run([*WARDLEY, "validate", "good.wardley.json"], cwd=tmp_path, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "wardley: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("argv", [
    ["diff", "good.wardley.json", "evil.wardley.json"],
    ["analyse", "good.wardley.json", "evil.wardley.json"],
    ["analyse", "--format", "markdown", "good.wardley.json", "evil.wardley.json"],
    ["validate", "evil.owm"],
    ["convert", "evil.owm", "-o", "evil-out.wardley.json"],
], ids=["diff", "analyse", "analyse-markdown", "validate-owm", "convert-owm"])
def test_names_from_a_map_never_reach_the_terminal_as_escape_sequences(tmp_path: Path, argv: list[str]) -> None:
    escape = "\x1b]0;pwned\x07\x1b[2J"
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for element in data["elements"]:
        element["name"] += escape  # every element: renamed in the diff, and in the analysis
    shutil.copy(EXAMPLE, tmp_path / "good.wardley.json")
    (tmp_path / "evil.wardley.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "evil.owm").write_text(f"component A{escape} [0.4, 0.5]\nA{escape}->Nowhere{escape}\n"
                                       f"pipeline Nothing{escape}\nfoo{escape} bar\n", encoding="utf-8")
    result = subprocess.run([*WARDLEY, *argv], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() or result.stderr.strip()
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    if argv[0] in ("diff", "analyse"):
        assert "\\x1b" in result.stdout  # the names are shown, escaped
