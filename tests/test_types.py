"""The whole package type-checks: mypy runs in the test suite so that type errors fail CI.

Every module, the drawing code (render, ui) and the CLI included, passes mypy's default checks.
The Qt-free model, io, analysis and workshop code is also held to ``--strict`` (the OWM reader,
``wardley/io/owm``, only to the default level). Qt code narrows PySide6's optional returns with
an explicit check rather than silencing them; a ``type: ignore`` must name its error code.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

STRICT = ["wardley/model", "wardley/analysis", "wardley/workshop",
          *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "wardley" / "io").glob("*.py"))]


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # No cache: a stale one from another checkout or mypy version can hide errors. The whole
    # package takes about 15 s of CPU (most of it reading PySide6's stubs), hence the long timeout.
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", "/dev/null", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)


def test_the_whole_package_type_checks() -> None:
    # The package folder, not a list of its parts: a new module or folder is checked at once.
    result = _mypy("--enable-error-code", "ignore-without-code", "wardley")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found" in result.stdout, result.stdout


def test_model_io_analysis_and_workshop_are_strictly_typed() -> None:
    # Modules these import (the OWM reader) are read for their types but not reported on.
    result = _mypy("--strict", "--follow-imports=silent", *STRICT)
    assert result.returncode == 0, result.stdout + result.stderr
