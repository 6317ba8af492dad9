"""Guards the Qt binding version pinned in pyproject.toml.

PySide6 6.12.0 on Python 3.11 returns None from void methods without taking a
reference, so a long editing session lowers None's reference count until the
interpreter aborts (``Fatal Python error: none_dealloc``). Run in a child
process: if the binding regresses, this test fails instead of the suite crashing.
"""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QGraphicsRectItem
app = QApplication([])
item = QGraphicsRectItem(0, 0, 1, 1)
before = sys.getrefcount(None)
for _ in range(20000):
    item.setPos(1, 1)
    item.setZValue(2)
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_keep_none_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
