"""The wheel, installed into a fresh venv outside the clone, runs every command and the app.

Builds the wheel from a copy of just what the package is made of, installs it with its
dependencies into a new virtual environment in a temporary folder (from a local wheelhouse of
the versions this suite runs on, filled once by ``pip download``, then reused), and runs the
installed console script there: a resource read from the clone, or a command module that
is not packaged, fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.packaging.smoke import Timings, check_app_starts, check_every_command, clean_env

pytestmark = pytest.mark.install
#: Reused between runs: downloading PySide6 again each time would take minutes.
WHEELHOUSE = Path(os.environ.get("WARDLEY_WHEELHOUSE", Path(sys.prefix) / "wardley-wheelhouse"))
#: What a wheel is built from (everything else in the clone must not matter).
SOURCES = ("wardley", "resources", "maps", "pyproject.toml", "README.md", "LICENSE")


def _pip(*args: str, timeout: float = 600) -> str:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"pip {' '.join(args[:2])} failed: {result.stderr.strip()[-1500:]}"
    return result.stdout


def _runtime_requirements() -> list[str]:
    """``name==version`` for every package the installed wardley needs at run time, as installed here."""
    wanted, seen = ["wardley"], set()
    pins = []
    while wanted:
        name = re.sub(r"[-_.]+", "-", wanted.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        dist = metadata.distribution(name)
        if name != "wardley":
            pins.append(f"{dist.metadata['Name']}=={dist.version}")
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            if ";" in requirement and "sys_platform" in requirement:
                continue  # another OS's dependency
            wanted.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return sorted(pins)


def _build_wheel(work: Path) -> Path:
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(
            ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {})
        )
    _pip("wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source))
    [wheel] = (work / "dist").glob("wardley-*.whl")
    return wheel


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _script(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (f"{name}.exe" if os.name == "nt" else name)


def test_the_wheel_installed_outside_the_clone_runs_every_command_and_the_app(tmp_path: Path) -> None:
    start = time.perf_counter()
    wheel = _build_wheel(tmp_path)
    from zipfile import ZipFile

    names = set(ZipFile(wheel).namelist())
    assert {"wardley/resources/vocabulary.json", "wardley/maps/county-library-service.wardley.json",
            "wardley/resources/wardley.svg"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)

    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    _pip("download", "--no-deps", "-q", "-d", str(WHEELHOUSE), *_runtime_requirements())
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    _pip("--python", str(_venv_python(venv)), "install", "-q", "--no-index", "--find-links", str(WHEELHOUSE), str(wheel))

    command = [str(_script(venv, "wardley"))]
    assert _script(venv, "wardley-app").exists(), "the gui-scripts entry point is missing"
    timings = Timings()
    check_every_command(command, tmp_path / "work", timings)
    check_app_starts(command, tmp_path / "app", timings, {"QT_QPA_PLATFORM": "offscreen"})

    # --version needs no more than a fraction of a second of CPU (best of three, as it is noisy).
    env = clean_env(tmp_path / "home")
    cpu = []
    for _ in range(3):
        before = os.times()
        subprocess.run([str(_venv_python(venv)), "-m", "wardley", "--version"], env=env, check=True,
                       capture_output=True, timeout=60)
        after = os.times()
        cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)
    if os.name != "nt":  # Windows does not count children's CPU time
        assert min(cpu) < 0.1, f"wardley --version took {min(cpu):.3f} s of CPU"
    print(f"\nwheel check: {time.perf_counter() - start:.0f} s in all; --version CPU {min(cpu):.3f} s; "
          + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.seconds.items()))
