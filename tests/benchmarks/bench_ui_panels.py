"""Live OWM text and analysis dock speed, in a real (offscreen) window.

    .venv/bin/python tests/benchmarks/bench_ui_panels.py

- OWM text: one coordinate changed in the text, then the pause ends (parse, id matching, one
  ReplaceMapCommand, the canvas rebuilt); and a canvas move shown in the text (format_owm plus
  the minimal rewrite). On maps of 500 and 2,000 lines generated as in ``bench_owm.py``.
- Analysis dock: "This Map" on an example map; a folder of 10 maps (the evaluation library);
  a folder of the 172 corpus OWM maps (first run reads them; a re-run after an edit reads
  only what changed on disk).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.bench_owm import generated_text  # noqa: E402
from tests.conftest import CORPUS, MAPS, corpus_missing  # noqa: E402
from wardley.io.owm import parse_owm  # noqa: E402
from wardley.ui.commands import SetElementsCommand  # noqa: E402
from wardley.ui.editor_document import EditorDocument  # noqa: E402
from wardley.ui.windows import WindowManager  # noqa: E402


def timed(fn: Callable[[], object], repeat: int = 7) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs)


def ms(value: tuple[float, float]) -> str:
    return f"{value[0] * 1000:.1f} ms (best {value[1] * 1000:.1f})"


def owm_text(manager: WindowManager, lines: int) -> None:
    window = manager.open_editor(EditorDocument(parse_owm(generated_text(lines)).map))
    window.owm_text.toggle.trigger()
    QApplication.processEvents()
    panel = window.owm_text.panel
    document, stack = window.editor.document, window.editor.undo_stack
    state = {"flip": False}

    def apply_one_edit() -> None:
        text = panel.editor.toPlainText()
        state["flip"] = not state["flip"]
        old, new = ("Component 3 [", "Component 3x [") if state["flip"] else ("Component 3x [", "Component 3 [")
        panel.editor.setPlainText(text.replace(old, new, 1))
        panel.apply_text()

    def show_a_canvas_move() -> None:
        element = document.map.elements[5]
        stack.push(SetElementsCommand(document, {element.id: {"evolution": 1 - element.evolution}}, "Move"))
        panel.refresh_from_map()

    elements = len(document.map.elements)
    print(f"| {lines} lines ({elements} elements) | {ms(timed(apply_one_edit))} | {ms(timed(show_a_canvas_move))} |")
    window.editor.undo_stack.setClean()
    window.close()


def analysis(manager: WindowManager) -> None:
    window = manager.open_editor(EditorDocument.open(MAPS / "household-waste.wardley.json"))
    panel = window.analysis
    panel.show()
    print(f"| This Map (household waste) | {ms(timed(panel.run_on_map))} |")
    library = ROOT / "tests" / "analysis" / "eval_library"
    print(f"| folder of 10 maps (evaluation library), first run | {ms(timed(lambda: panel.run_on_folder(library), 1))} |")
    print(f"| folder of 10 maps, re-run | {ms(timed(panel.rerun))} |")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("*.md"))
        count = len(list(folder.glob("*.owm")))
        print(f"| folder of {count} corpus maps, first run | {ms(timed(lambda: panel.run_on_folder(folder), 1))} |")
        print(f"| folder of {count} corpus maps, re-run | {ms(timed(panel.rerun, 3))} |")
    window.editor.undo_stack.setClean()
    window.close()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    os.environ.setdefault("WARDLEY_RECOVERY_DIR", tempfile.mkdtemp())
    manager = WindowManager()
    print("| map | text edit applied | canvas move shown in the text |\n|---|---|---|")
    for lines in (500, 2000):
        owm_text(manager, lines)
    print("\n| analysis dock | median |\n|---|---|")
    analysis(manager)
    app.processEvents()


if __name__ == "__main__":
    if corpus_missing():  # the same check the corpus tests make (tests/conftest.py)
        sys.exit(f"{Path(__file__).name}: {corpus_missing()}")
    main()
