"""Code that runs the same on Windows, macOS and Linux, and a package that carries its own data."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import MAPS, ROOT
from wardley.io import MapFileError, load_map, save_map
from wardley.io import atomic

PACKAGE = ROOT / "wardley"


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_atomic_writer_replaces_files() -> None:
    replacing = [str(path.relative_to(ROOT)) for path in _sources() if "os.replace(" in path.read_text(encoding="utf-8")
                 or "os.rename(" in path.read_text(encoding="utf-8")]
    assert replacing == [str(Path("wardley/io/atomic.py"))]


def test_no_linux_only_probes_or_paths() -> None:
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for banned in ("/proc", "os.kill(", ".local/state", '".local"', "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
            assert banned not in text, f"{path.relative_to(ROOT)} uses {banned!r}"


def test_a_target_open_in_another_program_gets_one_clear_line_and_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "map.wardley.json"
    target.write_bytes((MAPS / "parking-permits.wardley.json").read_bytes())
    before = target.read_bytes()

    def locked(source: str, destination: object) -> None:  # what Windows does while Excel has it open
        raise PermissionError(13, "Access is denied", str(destination))

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(MapFileError) as error:
        save_map(target, load_map(target).map.model_copy(update={"title": "changed"}))
    message = error.value.summary()
    assert "\n" not in message and str(target) in message and "open in another program" in message
    assert target.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["map.wardley.json"]  # no temporary left


def test_an_export_over_a_picture_open_elsewhere_says_so(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from wardley.model import MapDocument
    from wardley.render import MapScene
    from wardley.render.export_files import ExportError, export_map

    out = tmp_path / "map.pdf"
    out.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", lambda *args: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(ExportError, match="open in another program") as error:
        export_map(MapScene(MapDocument(load_map(MAPS / "parking-permits.wardley.json").map)), out)
    assert "\n" not in str(error.value)
    assert out.read_bytes() == b"old" and [path.name for path in tmp_path.iterdir()] == ["map.pdf"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the platform names checked are Linux's")
def test_export_is_offscreen_only_without_a_display() -> None:
    from wardley.cli_commands.export import _choose_platform

    for env, expected in (
        ({}, "offscreen"),
        ({"DISPLAY": ":0"}, "xcb;offscreen"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland;offscreen"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "minimal"}, "minimal"),
    ):
        _choose_platform(env)
        assert env["QT_QPA_PLATFORM"] == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder named is Linux's")
def test_the_recovery_folder_is_the_platforms_state_folder(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from wardley.ui.recovery import FOLDER_ENV, recovery_folder

    monkeypatch.delenv(FOLDER_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert recovery_folder() == tmp_path / "state" / "wardley" / "recovery"
    monkeypatch.setenv(FOLDER_ENV, str(tmp_path / "elsewhere"))
    assert recovery_folder() == tmp_path / "elsewhere"


def test_every_package_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(path.parent.relative_to(ROOT).parts) for path in PACKAGE.rglob("__init__.py")}
    missing = found - set(config["packages"])
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert config["package-dir"] == {"wardley.resources": "resources", "wardley.maps": "maps"}


def test_data_is_read_from_the_package_not_from_beside_it() -> None:
    from wardley.analysis.vocabulary import load_vocabulary
    from wardley.package_data import example_map, example_maps, resource

    assert resource("vocabulary.json").is_file() and resource("wardley.svg").is_file()
    assert example_map().name == "county-library-service.wardley.json"
    assert {item.name for item in example_maps()} == {path.name for path in MAPS.glob("*.wardley.json")}
    assert "Payments" in load_vocabulary().capabilities
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            # parents[2] of a module is the clone's top: a path that does not exist once installed.
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "parents":
                pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno} finds files relative to the clone")


STARTUP_PROBE = """
import sys
from wardley.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as leaving:  # --help
    code = leaving.code
# The stand-in for pydantic's plugin loader (wardley/pydantic_plugins.py) is a name, not an import.
loaded = {name.split(".")[0] for name in sys.modules if name != "pydantic.plugin._loader"}
heavy = sorted(loaded & {"pydantic", "PySide6", "networkx", "rapidfuzz"})
print(code, " ".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize(("argv", "allowed"), [
    (["--version"], set()),
    (["--help"], set()),
    (["validate", str(MAPS / "parking-permits.wardley.json")], {"pydantic"}),
])
def test_quick_commands_import_only_what_they_use(argv: list[str], allowed: set[str]) -> None:
    result = subprocess.run([sys.executable, "-c", STARTUP_PROBE, *argv], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    code, *heavy = result.stderr.strip().splitlines()[-1].split(" ")
    assert code in ("0", ""), result.stderr
    assert set(filter(None, heavy)) <= allowed, f"wardley {argv[0]} imported {heavy}"


def test_without_the_shared_corpus_its_tests_skip_but_fail_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.conftest as conftest

    monkeypatch.setattr(conftest, "CORPUS", tmp_path / "shared" / "corpus" / "owm")
    assert conftest.corpus_files() == [conftest.CORPUS / "(corpus missing)"]  # still collected
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="shared OWM corpus is not at"):
        conftest.need_corpus()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        conftest.need_corpus()
