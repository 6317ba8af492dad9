"""What an installed wardley must do outside the clone: every command and the app.

Shared by the wheel check (tests/packaging/test_wheel.py) and the bundle check
(tests/packaging/test_bundle.py, run by ``./dev bundle``). Every command runs in a folder
outside the repository, on copies of the example maps, so nothing can be found by accident
through the clone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import MAPS

MAP = "household-waste.wardley.json"
OTHER = "parking-permits.wardley.json"


@dataclass
class Timings:
    """Wall-clock seconds of the runs worth reporting (RESULTS.md)."""

    seconds: dict[str, float] = field(default_factory=dict)


def clean_env(home: Path) -> dict[str, str]:
    """The environment a user's shell gives: no PYTHONPATH into the clone, state kept in ``home``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "WARDLEY_"))}
    env.update({"HOME": str(home), "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"),
                "WARDLEY_RECOVERY_DIR": str(home / "recovery")})
    return env


def run(command: list[str], *args: str, cwd: Path, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} exited {result.returncode}: {result.stderr.strip()[-800:]}"
    return result


def timed(timings: Timings, name: str, command: list[str], *args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    start = time.perf_counter()
    result = run(command, *args, cwd=cwd, env=env)
    timings.seconds[name] = time.perf_counter() - start
    return result


def check_every_command(command: list[str], work: Path, timings: Timings) -> None:
    """``--version``, validate, convert, export (PNG, SVG, PDF), analyse (every format), diff, schema."""
    work.mkdir(parents=True, exist_ok=True)
    for name in (MAP, OTHER):
        shutil.copy(MAPS / name, work / name)
    env = clean_env(work / "home")
    offscreen = {**env, "QT_QPA_PLATFORM": "offscreen"}

    version = timed(timings, "--version", command, "--version", cwd=work, env=env)
    assert version.stdout.startswith("wardley ")
    assert "valid" in run(command, "validate", MAP, OTHER, cwd=work, env=env).stdout
    run(command, "convert", MAP, "-o", "waste.owm", cwd=work, env=env)
    assert "Household waste" in (work / "waste.owm").read_text(encoding="utf-8")
    for kind, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        timed(timings, f"export {kind}", command, "export", MAP, "-o", f"map.{kind}", cwd=work, env=env)
        assert (work / f"map.{kind}").read_bytes().startswith(magic)
    # A display's platform may be missing where the program is installed: export also says so
    # when forced offscreen, which every install must have.
    run(command, "export", MAP, "-o", "forced.png", cwd=work, env=offscreen)
    svg = (work / "map.svg").read_text(encoding="utf-8")
    assert "Atkinson Hyperlegible" in svg, "the shipped font is not used by the installed program"
    for kind in ("text", "json", "markdown", "csv"):
        out = timed(timings, f"analyse {kind}", command, "analyse", ".", "--format", kind, cwd=work, env=env).stdout
        assert "Payments" in out or "payments" in out.lower(), f"analyse --format {kind}: no vocabulary match"
    json.loads(run(command, "analyse", MAP, "--format", "json", cwd=work, env=env).stdout)
    diff = run(command, "diff", MAP, OTHER, "--format", "json", cwd=work, env=env).stdout
    assert set(json.loads(diff)) >= {"moved", "added", "removed"}
    schema = json.loads(run(command, "schema", cwd=work, env=env).stdout)
    assert schema.get("title") or schema.get("properties")


def check_app_starts(command: list[str], work: Path, timings: Timings, display_env: dict[str, str]) -> None:
    """The app on its built-in example map, drawn, then closed: exit 0."""
    work.mkdir(parents=True, exist_ok=True)
    env = {**clean_env(work / "home"), **display_env, "WARDLEY_QUIT_AFTER_START": "1"}
    started = timed(timings, "app start", command, cwd=work, env=env)
    assert "started County library service" in started.stdout, started.stderr
