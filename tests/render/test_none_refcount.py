"""PySide6 6.12 on Python 3.11 drops a reference to None on many calls that
return nothing; importing wardley.render must keep a long session alive."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

LOOP = (
    "from PySide6.QtWidgets import QApplication, QGraphicsRectItem\n"
    "app = QApplication([])\n"
    "item = QGraphicsRectItem(0, 0, 1, 1)\n"
    "for _ in range(200_000):\n"
    "    item.setPos(1, 1)\n"
    "print('alive')\n"
)


def test_many_qt_calls_do_not_exhaust_none() -> None:
    script = "import wardley.render\n" + LOOP
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "alive", result.stderr[-500:]
