"""Editor: open a generated 2,000-component, 3,000-link map to first paint, and the
cost of one mouse move while dragging a component that has 20 links.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wardley.model import Element, Link, MapDocument, WardleyMap  # noqa: E402
from wardley.render.geometry import to_scene  # noqa: E402
from wardley.ui.canvas import MapView  # noqa: E402

HUB = "c0"


def generated_map(components: int = 2_000, links: int = 3_000, hub_links: int = 20, seed: int = 3) -> WardleyMap:
    rng = random.Random(seed)
    kinds = ["component"] * 8 + ["need", "user"]
    elements = [
        Element(id=f"c{i}", name=f"Component number {i}" if i % 7 else f"A much longer component name {i} that wraps",
                kind=rng.choice(kinds), evolution=round(rng.random(), 4), visibility=round(rng.random(), 4),
                method=rng.choice(["none", "none", "build", "buy"]), inertia=i % 11 == 0)
        for i in range(components)
    ]
    pairs: set[tuple[int, int]] = {(0, b) for b in range(1, hub_links + 1)}
    while len(pairs) < links:
        a, b = rng.randrange(1, components), rng.randrange(1, components)
        if a != b and (b, a) not in pairs:
            pairs.add((a, b))
    # The hub goes last so it is drawn on top and a press on it picks it, however dense the map.
    elements.append(elements.pop(0))
    return WardleyMap(title="Generated", elements=elements,
                      links=[Link(source=f"c{a}", target=f"c{b}") for a, b in sorted(pairs)])


def mouse(view: MapView, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
    viewport = view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def drag_timings(app: QApplication, wardley_map: WardleyMap, moves: int = 200) -> tuple[list[float], list[float]]:
    """Per mouse move: the view's handling (scene update), and that plus the repaint."""
    document = MapDocument(wardley_map.model_copy(deep=True))
    stack = QUndoStack()
    view = MapView(document, stack)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    view.grab()
    hub = document.element(HUB)
    assert len(document.links_of(HUB)) == 20
    start = view.mapFromScene(to_scene(hub.evolution, hub.visibility))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mouse(view, QEvent.Type.MouseButtonPress, start, left, left)
    assert view.selected_element_ids() == [HUB], view.selected_element_ids()
    handler, with_paint = [], []
    for i in range(1, moves + 1):
        pos = start + QPoint((i * 3) % 240 - 120, (i * 2) % 160 - 80)
        t0 = time.perf_counter()
        mouse(view, QEvent.Type.MouseMove, pos, none, left)
        t1 = time.perf_counter()
        app.processEvents()  # the viewport repaints what this move changed
        t2 = time.perf_counter()
        handler.append((t1 - t0) * 1000)
        with_paint.append((t2 - t0) * 1000)
    t0 = time.perf_counter()
    mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(40, 30), left, none)
    app.processEvents()
    release = (time.perf_counter() - t0) * 1000
    assert stack.count() == 1
    view.close()
    print(f"  (first move, which starts the drag: {with_paint[0]:.1f} ms; release and repaint: {release:.1f} ms)")
    return handler, with_paint


def main() -> None:
    app = QApplication.instance() or QApplication([])
    wardley_map = generated_map()
    opens = []
    for _ in range(5):
        document = MapDocument(wardley_map.model_copy(deep=True))
        start = time.perf_counter()
        view = MapView(document, QUndoStack())
        view.resize(1400, 900)
        view.show()
        view.grab()  # first full paint of every visible item
        opens.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
        app.processEvents()

    handler, with_paint = drag_timings(app, wardley_map)
    small_handler, small_paint = drag_timings(app, generated_map(150, 220))

    print(f"map: {len(wardley_map.elements):,} components, {len(wardley_map.links):,} links")
    print(f"open to first paint: median {statistics.median(opens):.3f} s, best {min(opens):.3f} s (5 runs)")
    print(f"drag, scene update per move (20-link component, 200 moves): median {statistics.median(handler):.2f} ms, "
          f"p95 {percentile(handler, 0.95):.2f} ms")
    print(f"drag, scene update + viewport repaint per move: median {statistics.median(with_paint):.2f} ms, "
          f"p95 {percentile(with_paint, 0.95):.2f} ms")
    print(f"workshop-sized map (150 components, 220 links), same drag: scene update median "
          f"{statistics.median(small_handler):.2f} ms; with repaint median {statistics.median(small_paint):.2f} ms, "
          f"p95 {percentile(small_paint, 0.95):.2f} ms")


if __name__ == "__main__":
    main()
