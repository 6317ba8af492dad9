"""The app shell on a big map: opening it in a window, and the 30-second crash-recovery copy.

The recovery copy runs on the UI thread, so its time is a pause the facilitator would feel
every 30 seconds while a big map has unsaved changes.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_shell.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_json import generated_map, timed  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wardley.io import save_map  # noqa: E402
from wardley.ui.commands import SetElementsCommand  # noqa: E402
from wardley.ui.editor_document import EditorDocument  # noqa: E402
from wardley.ui.windows import WindowManager  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WARDLEY_RECOVERY_DIR"] = str(Path(folder) / "recovery")
        for components, links in ((2_000, 3_000), (10_000, 15_000)):
            path = Path(folder) / f"big-{components}.wardley.json"
            save_map(path, generated_map(components, links))
            manager = WindowManager()

            def open_window() -> None:
                window = manager.open_editor(EditorDocument.open(path))
                window.repaint()  # the first paint is part of "open"
                app.processEvents()
                window.close()
                # Delete it now, or the closed windows pile up across runs.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

            opened = timed(open_window, repeat=3)
            window = manager.open_editor(EditorDocument.open(path))
            editor = window.editor
            steps = iter(range(1, 100))

            def edit_and_copy() -> None:
                # One small edit first: an unchanged map is not copied again.
                editor.undo_stack.push(SetElementsCommand(editor.document, {"c1": {"evolution": next(steps) / 100}}))
                window.autosaver.autosave_now()

            autosave = timed(edit_and_copy, repeat=7)
            editor.undo_stack.setClean()
            window.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            print(f"{components:,} components, {links:,} links:")
            print(f"  open in a window (load, build scene, first paint): median {opened[0]:.2f} s (best {opened[1]:.2f} s)")
            print(f"  one edit + recovery copy (autosave_now):            median {autosave[0] * 1000:.0f} ms (best {autosave[1] * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
