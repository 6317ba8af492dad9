"""Comparison overlay: arrows for moves, rings for additions, ghosts for removals; the map never changes."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from tests.ui.workshop.workshop_support import COACHING, manager, paint_scene, shell_env  # noqa: F401
from wardley.io import dump_json_map
from wardley.render.comparison import GHOST_OPACITY, MOVED_COLOUR
from wardley.render.geometry import SCENE_RECT, to_scene
from wardley.ui.editor_document import EditorDocument
from wardley.ui.workshop import install as workshop_install

MOVED = {"wardley-mapping-practice", "service-maps", "data-dashboards"}


@pytest.fixture
def window(manager, qtbot, tmp_path):  # noqa: ANN001
    path = tmp_path / COACHING.name
    shutil.copy(COACHING, path)
    window = manager.open_editor(EditorDocument.open(path))
    qtbot.waitExposed(window)
    return window


def pixel(image: QImage, point: QPointF) -> QColor:
    return QColor(image.pixel(round(point.x() - SCENE_RECT.left()), round(point.y() - SCENE_RECT.top())))


def test_latest_snapshot_against_the_map_draws_each_kind_of_change(window) -> None:  # noqa: ANN001
    editor = window.editor
    before = dump_json_map(editor.document.map)
    comparison = window.workshop.compare_latest() and window.workshop.comparison
    assert comparison is not None and comparison.isVisible()
    overlay = comparison.overlay
    assert set(overlay.arrows) == MOVED
    arrow = overlay.arrows["data-dashboards"]
    assert (arrow.old, arrow.new) == (to_scene(0.5, 0.45), to_scene(0.6, 0.45))
    assert set(overlay.added) == {"shared-platform-catalogue"}
    assert overlay.added["shared-platform-catalogue"].pos() == to_scene(0.2, 0.48)
    ghost = overlay.ghosts["spreadsheet-tracker"]
    assert ghost.opacity() == GHOST_OPACITY and ghost.pos() == to_scene(0.36, 0.36)
    assert ghost.element.name == "Spreadsheet tracker (removed)"
    assert comparison.map_scene.elements["performance-data"].element.name == "Performance data (was KPI returns)"
    assert "3 moved, 1 added, 1 removed, 1 renamed" in comparison.banner.text()
    # The arrow is really drawn: mid-way along it the comparison is blue, the plain map is not.
    middle = to_scene(0.55, 0.45)
    drawn, plain = pixel(paint_scene(comparison.map_scene), middle), pixel(paint_scene(window.view.map_scene), middle)
    assert drawn.blue() > drawn.red() + 60 and abs(plain.blue() - plain.red()) < 30
    assert QColor(MOVED_COLOUR).blue() > QColor(MOVED_COLOUR).red()
    # Nothing in the map changed, and nothing to undo or save.
    assert dump_json_map(editor.document.map) == before
    assert editor.undo_stack.count() == 0 and not editor.is_modified


def test_escape_clears_the_overlay_and_gives_the_canvas_back(window, qtbot) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    comparison = window.workshop.show_comparison(*_sides(window, "after session 1", "after session 2"))
    qtbot.keyClick(comparison, Qt.Key.Key_Escape)
    assert window.workshop.comparison is None and not comparison.isVisible()
    assert window.view.hasFocus() and not window.workshop.escape.isEnabled()
    # The live scene never had overlay items in it.
    assert all(type(item).__module__ != "wardley.render.comparison" for item in window.view.map_scene.items())


def _sides(window, before: str, after: str):  # noqa: ANN001, ANN202
    from wardley.ui.workshop.snapshots import snapshot_side

    return snapshot_side(window.editor.document, before), snapshot_side(window.editor.document, after)


def test_two_snapshots_from_the_panel_with_enter(window, qtbot) -> None:  # noqa: ANN001
    panel = window.workshop.panel
    panel.list.item(0).setSelected(True)
    panel.list.item(1).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    overlay = window.workshop.comparison.overlay
    assert set(overlay.arrows) == MOVED and set(overlay.added) == {"peer-network-of-councils"}
    assert not overlay.ghosts
    assert "snapshot \u201cafter session 1\u201d \u2192 snapshot \u201cafter session 2\u201d" in window.workshop.comparison.banner.text()


def test_compare_dialog_defaults_to_latest_snapshot_against_the_map(window, monkeypatch) -> None:  # noqa: ANN001
    def accept_defaults(dialog: QDialog) -> int:
        assert dialog.before.currentText() == "Snapshot: after session 2"
        assert dialog.after.currentText() == "The current map"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(workshop_install.CompareDialog, "exec", accept_defaults)
    window.workshop.compare_dialog()
    assert set(window.workshop.comparison.overlay.arrows) == MOVED


def test_compare_with_another_file_and_a_broken_file(window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    other = tmp_path / "other.wardley.json"
    moved = window.editor.document.map.model_copy(deep=True)
    moved.elements[-1] = moved.elements[-1].model_copy(update={"evolution": 0.5})
    other.write_text(dump_json_map(moved), encoding="utf-8")
    window.workshop.ask_file = lambda: other
    window.workshop.compare_with_file()
    comparison = window.workshop.comparison
    assert set(comparison.overlay.arrows) == {moved.elements[-1].id}
    assert "file other.wardley.json" in comparison.banner.text()
    broken = tmp_path / "broken.wardley.json"
    broken.write_text("{", encoding="utf-8")
    window.workshop.ask_file = lambda: broken
    shown: list[str] = []
    monkeypatch.setattr(workshop_install.dialogs, "show_file_error", lambda _w, _a, error: shown.extend(error.lines()))
    window.workshop.compare_with_file()  # an error dialog naming the file; the last comparison is kept
    assert shown and shown[0].startswith(str(broken))
    assert window.workshop.comparison is comparison


def test_comparison_follows_presentation_type_size(window) -> None:  # noqa: ANN001
    comparison = window.workshop.compare_latest() and window.workshop.comparison
    size = comparison.map_scene.theme.font_size
    window.workshop.toggle_presentation()
    assert comparison.map_scene.theme.font_size > size and set(comparison.overlay.arrows) == MOVED
    window.workshop.leave_innermost()  # Escape: first the comparison...
    assert window.workshop.comparison is None and window.workshop.presentation.active
    window.workshop.leave_innermost()  # ...then presentation
    assert not window.workshop.presentation.active


def test_overlay_on_any_scene_clears_to_exactly_what_was_there(qapp) -> None:  # noqa: ANN001
    from wardley.io import load_map
    from wardley.model import MapDocument
    from wardley.model.compare import compare_maps
    from wardley.render.comparison import ComparisonOverlay
    from wardley.render.scene import MapScene

    loaded = load_map(COACHING).map
    document = MapDocument(loaded)
    scene = MapScene(document)
    before_items = set(scene.items())
    overlay = ComparisonOverlay(scene, compare_maps(loaded.snapshots[0].content, loaded.content()))
    assert len(scene.items()) == len(before_items) + 3 + 2 + 1  # 3 moved, added: 2 since session 1, 1 removed
    overlay.clear()
    assert set(scene.items()) == before_items


def test_banner_summary_counts_every_kind_of_change() -> None:
    from tests.model.test_compare import workshop_edits
    from wardley.model.compare import compare_maps
    from wardley.ui.workshop.comparison_view import summary

    old, new = workshop_edits()
    assert summary(compare_maps(old.map, new.map)) == "2 changed, 1 linked, 1 unlinked, 2 evolve arrows changed"
    assert summary(compare_maps(old.map, old.map)) == "no differences"


def test_labels_keep_off_the_move_arrows(qapp) -> None:  # noqa: ANN001
    from wardley.model import Element, MapDocument, WardleyMap
    from wardley.model.compare import compare_maps
    from wardley.render.comparison import ComparisonOverlay
    from wardley.render.label_geometry import Box, Segment
    from wardley.render.scene import MapScene

    def tea(kettle_at: float) -> WardleyMap:
        return WardleyMap(elements=[
            Element(id="kettle", name="Kettle", evolution=kettle_at, visibility=0.5),
            Element(id="cup", name="Cup of tea", evolution=0.5, visibility=0.48),
        ])

    scene = MapScene(MapDocument(tea(0.8)))
    try:
        arrow = Segment(*(lambda a, b: (a.x(), a.y(), b.x(), b.y()))(to_scene(0.2, 0.5), to_scene(0.8, 0.5)))

        def label_box() -> Box:
            item = scene.elements["cup"]
            rect = item.mapRectToScene(item.label_rect())
            return Box(rect.left(), rect.top(), rect.right(), rect.bottom())

        assert label_box().hits_segment(arrow)  # where it sits without a comparison
        overlay = ComparisonOverlay(scene, compare_maps(tea(0.2), tea(0.8)))
        assert not label_box().hits_segment(arrow)
        overlay.clear()
        assert label_box().hits_segment(arrow)  # and back
    finally:
        scene.detach()
