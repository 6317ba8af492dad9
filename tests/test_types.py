"""The Qt-free packages type-check: checked by mypy in the test suite so that type errors fail CI.

The OWM reader (``wardley/io/owm``) is checked at the default level only; the rest of the
model, io, analysis and workshop code is held to ``--strict``. Drawing code (render, ui) is
not checked here: PySide6's stubs make most of Qt's getters optional.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

STRICT = ["wardley/model", "wardley/analysis", "wardley/workshop",
          *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "wardley" / "io").glob("*.py"))]


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # No cache: a stale one from another checkout or mypy version can hide errors.
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", "/dev/null", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_model_io_and_analysis_type_check() -> None:
    result = _mypy("wardley/model", "wardley/io", "wardley/analysis")
    assert result.returncode == 0, result.stdout + result.stderr


def test_model_io_analysis_and_workshop_are_strictly_typed() -> None:
    # Modules these import (the OWM reader) are read for their types but not reported on.
    result = _mypy("--strict", "--follow-imports=silent", *STRICT)
    assert result.returncode == 0, result.stdout + result.stderr
