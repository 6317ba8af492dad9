"""The standalone one-folder bundle (``./dev bundle`` builds it, then runs this file on it).

``WARDLEY_BUNDLE`` names the bundle's ``wardley`` executable; without it (a plain ``./dev test``)
these tests skip, since building the bundle takes minutes and PyInstaller is not a test
dependency. Each check runs the bundle in a folder outside the clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.smoke import Timings, check_app_starts, check_every_command

pytestmark = pytest.mark.install
BUNDLE = os.environ.get("WARDLEY_BUNDLE")
if not BUNDLE:
    pytest.skip("the standalone bundle is checked by ./dev bundle, which builds it", allow_module_level=True)


@pytest.fixture
def x_display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.fail("the bundle check needs Xvfb (./dev bundle installs it)")
    for number in range(140, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_bundle_runs_every_command_and_the_app_in_a_real_window(tmp_path: Path, x_display: str) -> None:
    bundle = Path(str(BUNDLE))
    assert bundle.is_file(), f"no bundle at {bundle}"
    timings = Timings()
    check_every_command([str(bundle)], tmp_path / "work", timings)
    display = {"DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    check_app_starts([str(bundle)], tmp_path / "app", timings, display)
    # The figures for tests/benchmarks/RESULTS.md.
    folder = bundle.parent
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    size = sum(path.stat().st_size for path in files)
    print(f"\nbundle: {size / 1e6:.0f} MB in {len(files)} files; "
          + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.seconds.items()), file=sys.stderr)
