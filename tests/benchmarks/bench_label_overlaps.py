"""Overlapping label pairs on every corpus map, before and after label placement.

Run: ``.venv/bin/python tests/benchmarks/bench_label_overlaps.py [--worst N] [--faults-only | --presentation]``

"Labels" are element names and evolve-target names (what the placement pass
moves). "Before" puts every label where OWM would (its hand-set offset or the
default); "after" reads the label rectangles back from the scene's items, so
it measures what the canvas and the exports really draw.

Most corpus maps were laid out by hand in OWM (``label [x, y]`` on nearly every
component), and hand-set labels are kept as they are. So the run also reports
"all automatic": every label's hand-set offset dropped, everything placed by
the pass, which shows what it does with real maps' geometry; and what
``wardley export --relabel`` really draws (the scene told to ignore hand-set
offsets)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.conftest import CORPUS, corpus_missing  # noqa: E402


def drawn_label_boxes(scene):  # type: ignore[no-untyped-def]
    from wardley.render.label_layout import Box

    boxes = []
    for item in scene.elements.values():
        rect = item.label_rect().translated(item.pos())
        boxes.append(Box(rect.left(), rect.top(), rect.right(), rect.bottom()))
    for evolve in scene.evolves.values():
        rect = evolve.label_rect()
        boxes.append(Box(rect.left(), rect.top(), rect.right(), rect.bottom()))
    return boxes


def default_offset(scene, key):  # type: ignore[no-untyped-def]
    from wardley.render.items.element import DEFAULT_LABEL_OFFSET, label_offset

    kind, element_id = key
    if kind == "evolve":
        return DEFAULT_LABEL_OFFSET
    return label_offset(scene.elements[element_id].element.model_copy(update={"label_offset": None}))


def pairs(boxes) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlap_area(b) > 0.5)


def faults(paths: list[Path], relabel: bool) -> dict[str, tuple[int, int, int, int, float]]:
    """Per map, as drawn (the scene an export paints): (labels, labels over a label,
    labels over a foreign symbol, labels crossed by a line not their own, seconds to build the scene)."""
    from wardley.io import MapFileError, load_map
    from wardley.model import MapDocument
    from wardley.render import MapScene
    from wardley.render.label_audit import audit_labels

    found = {}
    for path in paths:
        try:
            wardley_map = load_map(path).map
        except MapFileError:
            continue
        start = time.process_time()
        scene = MapScene(MapDocument(wardley_map))
        if relabel:
            scene.keep_hand_set_labels = False
            scene.flush_label_layout(force=True)
        seconds = time.process_time() - start
        audit = audit_labels(scene)
        found[path.name] = (len(audit.labels), len(audit.over_label), len(audit.over_symbol), len(audit.crossed), seconds)
        scene.detach()
    return found


def report_faults(title: str, found: dict[str, tuple[int, int, int, int, float]], worst: int) -> None:
    n = len(found) or 1
    clean = sum(1 for r in found.values() if r[1] == 0 and r[2] == 0)
    print(f"{title}: {len(found)} maps, {sum(r[0] for r in found.values())} labels; "
          f"maps with no label over a label or foreign symbol {clean} ({100 * clean / n:.1f}%); "
          f"labels over a label {sum(r[1] for r in found.values())}, over a foreign symbol "
          f"{sum(r[2] for r in found.values())}, crossed by a line {sum(r[3] for r in found.values())}; "
          f"scene build CPU median {1000 * statistics.median(r[4] for r in found.values()):.1f} ms")
    for name, row in sorted(found.items(), key=lambda kv: -(kv[1][1] + kv[1][2] + kv[1][3]))[:worst]:
        print(f"  {name}: {row[0]} labels, over label {row[1]}, over symbol {row[2]}, crossed {row[3]}")


def not_nearest(scene) -> int:  # type: ignore[no-untyped-def]
    """Element labels whose middle lies nearer another element's symbol than their own."""
    import math

    centres = {element_id: (item.pos().x(), item.pos().y()) for element_id, item in scene.elements.items()}
    count = 0
    for element_id, item in scene.elements.items():
        middle = item.mapRectToScene(item.label_rect()).center()
        point = (middle.x(), middle.y())
        own = math.dist(point, centres[element_id])
        count += any(other != element_id and math.dist(point, c) < own for other, c in centres.items())
    return count


def presentation(weighed: bool) -> None:
    """The example maps and the workshop fixture as presentation mode shows them on a 1920x1080
    screen (type grown until a label line is 24 px, map fitted), placed with the presentation's
    rule (each label's middle nearest its own symbol) or, ``weighed=False``, without it."""
    from dataclasses import replace

    from PySide6.QtGui import QUndoStack

    from wardley.io import load_map
    from wardley.model import MapDocument
    from wardley.render.label_audit import audit_labels
    from wardley.render.themes import DEFAULT
    from wardley.ui.canvas.view import MapView
    from wardley.ui.workshop.presentation import label_line_px, show_readable

    paths = [*sorted((ROOT / "maps").glob("*.wardley.json")), ROOT / "tests/ui/workshop/fixtures/coaching-sessions.wardley.json"]
    totals = [0, 0, 0, 0, 0]
    kept = []  # documents outlive their views (a view's scene lets go of its document when it goes)
    for path in paths:
        document = MapDocument(load_map(path).map)
        kept.append(document)
        view = MapView(document, QUndoStack())
        view.resize(1920, 1080)
        view.show()
        scale = show_readable(view, DEFAULT, 1080)
        if not weighed:
            view.set_theme(replace(view.map_scene.theme, labels_nearest_symbol=False))
        scene = view.map_scene
        audit = audit_labels(scene)
        row = [len(scene.elements), not_nearest(scene), len(audit.over_label), len(audit.over_symbol), len(audit.crossed)]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"  {path.name}: type {scale:.2f}x, label line {label_line_px(view):.1f} px; {row[0]} element labels, "
              f"not nearest their own symbol {row[1]}, over a label {row[2]}, over a foreign symbol {row[3]}, crossed {row[4]}")
        view.close()
        view.deleteLater()
    print(f"presentation at 1920x1080, {'with' if weighed else 'without'} the nearest-symbol rule: {totals[0]} element labels, "
          f"not nearest their own symbol {totals[1]}, labels over a label {totals[2]}, over a foreign symbol {totals[3]}, "
          f"crossed by a line {totals[4]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worst", type=int, default=5, help="list the N maps with most overlaps left")
    parser.add_argument("--faults-only", action="store_true", help="only the as-drawn fault counts")
    parser.add_argument("--presentation", action="store_true",
                        help="only the example maps at presentation size (1920x1080), with and without its rule")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if args.presentation:
        presentation(weighed=False)
        presentation(weighed=True)
        return 0
    corpus = sorted(CORPUS.glob("*.owm"))
    examples = sorted((ROOT / "maps").glob("*.wardley.json"))
    report_faults("corpus, as drawn", faults(corpus, relabel=False), args.worst)
    report_faults("corpus, export --relabel", faults(corpus, relabel=True), args.worst)
    report_faults("example maps, as drawn", faults(examples, relabel=False), args.worst)
    if args.faults_only:
        return 0

    from wardley.io import MapFileError, load_map
    from wardley.model import MapDocument
    from wardley.render import MapScene
    from wardley.render.label_layout import overlapping_pairs, place_labels
    from wardley.render.label_placement import layout_problem

    rows = []
    for path in sorted(CORPUS.glob("*.owm")):
        try:
            wardley_map = load_map(path).map
        except MapFileError:
            continue
        scene = MapScene(MapDocument(wardley_map))
        problem = layout_problem(scene)
        before = overlapping_pairs(problem.labels)
        start = time.perf_counter()
        place_labels(problem)
        seconds = time.perf_counter() - start
        after = pairs(drawn_label_boxes(scene))
        fixed = sum(label.fixed for label in problem.labels)
        automatic = [replace(label, fixed=False, offset=default_offset(scene, label.key)) for label in problem.labels]
        problem.labels = automatic
        auto_before = overlapping_pairs(automatic)
        auto_after = overlapping_pairs(automatic, place_labels(problem))
        scene.detach()
        # What `wardley export --relabel` draws: the scene itself ignoring hand-set offsets.
        relabelled = MapScene(MapDocument(wardley_map))
        relabelled.keep_hand_set_labels = False
        relabelled.flush_label_layout(force=True)
        relabel_drawn = pairs(drawn_label_boxes(relabelled))
        relabelled.detach()
        rows.append((path.name, len(problem.labels), fixed, before, after, seconds, auto_before, auto_after, relabel_drawn))
    del app

    n = len(rows)
    clean_before = sum(1 for r in rows if r[3] == 0)
    clean_after = sum(1 for r in rows if r[4] == 0)
    print(f"maps: {n}  labels: {sum(r[1] for r in rows)} ({sum(r[2] for r in rows)} hand-placed, kept)")
    print(f"maps with no overlapping labels: before {clean_before} ({100 * clean_before / n:.1f}%), "
          f"after {clean_after} ({100 * clean_after / n:.1f}%)")
    print(f"overlapping pairs in all maps: before {sum(r[3] for r in rows)}, after {sum(r[4] for r in rows)}")
    auto_clean_before = sum(1 for r in rows if r[6] == 0)
    auto_clean_after = sum(1 for r in rows if r[7] == 0)
    print(f"all automatic (hand-set offsets dropped): maps with none before {auto_clean_before} "
          f"({100 * auto_clean_before / n:.1f}%), after {auto_clean_after} ({100 * auto_clean_after / n:.1f}%); "
          f"pairs {sum(r[6] for r in rows)} -> {sum(r[7] for r in rows)}")
    relabel_clean = sum(1 for r in rows if r[8] == 0)
    print(f"export --relabel, as drawn: maps with none {relabel_clean} ({100 * relabel_clean / n:.1f}%), "
          f"pairs {sum(r[8] for r in rows)}")
    times = [r[5] * 1000 for r in rows]
    print(f"placement time per map: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    worst = sorted(rows, key=lambda r: -r[4])[: args.worst]
    for name, labels, fixed, before, after, *_ in worst:
        if after:
            print(f"  {name}: {labels} labels ({fixed} hand-placed), pairs {before} -> {after}")
    return 0


if __name__ == "__main__":
    if corpus_missing():  # the same check the corpus tests make (tests/conftest.py)
        sys.exit(f"{Path(__file__).name}: {corpus_missing()}")
    raise SystemExit(main())
