import os
from pathlib import Path

# Qt tests run offscreen; the end-to-end test starts its own X server for a real window.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT / "maps"
CORPUS = ROOT.parent / "shared" / "corpus" / "owm"


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    # pytest-qt keeps one QApplication until the process exits. Data a test put on the
    # clipboard is then deleted by Qt's exit handlers after Python has shut down, which
    # crashes the process (exit 139) although every test passed: free it while Python runs.
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        widgets.QApplication.clipboard().clear()
