"""Presentation mode: full screen, large type, no chrome; Escape puts the window back exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from tests.ui.workshop.workshop_support import COACHING, manager, shell_env  # noqa: F401
from wardley.ui.editor_document import EditorDocument
from wardley.ui.workshop.presentation import TYPE_SCALE


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument.open(COACHING))
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def chrome_state(window) -> dict[str, bool]:  # noqa: ANN001
    widgets = {"menu": window.menuBar(), "status": window.statusBar()}
    widgets.update({f"bar:{b.objectName()}": b for b in window.findChildren(QToolBar)})
    widgets.update({f"dock:{d.objectName()}": d for d in window.findChildren(QDockWidget)})
    return {name: widget.isVisible() for name, widget in widgets.items()}


def test_f5_presents_and_escape_restores_everything(window, qtbot) -> None:  # noqa: ANN001
    view = window.view
    view.zoom_in()  # a hand-set zoom, to be given back on leaving
    before = {
        "geometry": window.geometry(), "state": window.windowState(), "chrome": chrome_state(window),
        "theme": view.map_scene.theme, "transform": view.transform(), "title": window.windowTitle(),
    }
    assert before["chrome"]["menu"] and before["chrome"]["dock:properties"] and not before["chrome"]["dock:snapshots"]

    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.isFullScreen)
    assert window.workshop.presentation.active
    assert not any(chrome_state(window).values()), chrome_state(window)
    assert view.map_scene.theme.font_size >= before["theme"].font_size * TYPE_SCALE and TYPE_SCALE >= 1.3
    assert view.transform().m11() != before["transform"].m11()  # fitted to the screen

    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.workshop.presentation.active
    qtbot.waitUntil(lambda: window.geometry() == before["geometry"])
    assert window.windowState() == before["state"]
    assert chrome_state(window) == before["chrome"]
    assert view.map_scene.theme == before["theme"]
    assert view.transform() == before["transform"]
    assert window.windowTitle() == before["title"]
    assert not window.workshop.escape.isEnabled()  # Escape is the canvas's again


def test_presenting_changes_nothing_in_the_map(window, qtbot) -> None:  # noqa: ANN001
    from wardley.io import dump_json_map

    before = dump_json_map(window.editor.document.map)
    window.workshop.toggle_presentation()
    window.workshop.toggle_presentation()
    assert dump_json_map(window.editor.document.map) == before
    assert window.editor.undo_stack.count() == 0 and not window.editor.is_modified


def test_opening_another_map_while_presenting_keeps_presenting_in_large_type(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    import shutil

    normal = window.view.map_scene.theme.font_size
    window.workshop.toggle_presentation()
    other = tmp_path / "other.wardley.json"
    shutil.copy(COACHING, other)
    assert window.open_path(other)
    assert window.view.map_scene.theme.font_size > normal
    window.workshop.toggle_presentation()
    assert window.view.map_scene.theme.font_size == normal and window.menuBar().isVisible()


def test_a_maximised_window_comes_back_maximised_with_its_normal_size_kept(window, qtbot) -> None:  # noqa: ANN001
    window.showNormal()
    window.setGeometry(40, 50, 700, 500)
    qtbot.waitUntil(lambda: window.geometry().width() == 700)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.workshop.toggle_presentation()
    qtbot.waitUntil(window.isFullScreen)
    window.workshop.leave_innermost()
    qtbot.waitUntil(lambda: window.isMaximized() and not window.isFullScreen())
    window.showNormal()
    qtbot.waitUntil(lambda: window.geometry().width() == 700)
    assert window.geometry().topLeft().x() == 40


def test_presenting_shows_no_selection_marks_but_keeps_the_selection(window, qtbot) -> None:  # noqa: ANN001
    view = window.view
    chosen = [e.id for e in window.editor.document.map.elements[:2]]
    view.select_elements(chosen)
    key = next(iter(view.map_scene.links))
    view.map_scene.links[key].setSelected(True)
    assert view.map_scene.editing_chrome

    window.workshop.toggle_presentation()  # (the larger type rebuilds the scene's items)
    assert window.workshop.presentation.active
    assert not view.map_scene.editing_chrome  # no marks for the room
    assert view.selected_element_ids() == chosen and view.map_scene.links[key].isSelected()

    window.workshop.toggle_presentation()
    assert view.map_scene.editing_chrome
    assert view.selected_element_ids() == chosen and view.map_scene.links[key].isSelected()


def test_f6_while_presenting_focuses_on_the_selected_need(window) -> None:  # noqa: ANN001
    from wardley.workshop.value_chain import needs_of

    needs = [need_id for need_id, _ in needs_of(window.editor.document.map)]
    assert len(needs) >= 2
    window.view.select_elements([needs[1]])  # not the first need: the selection must count
    window.workshop.toggle_presentation()
    window.workshop.focus_next.trigger()
    assert window.workshop.focus.need_id == needs[1]


def test_the_front_panel_tab_stays_in_front_after_presenting(window, qtbot) -> None:  # noqa: ANN001
    analysis, snapshots = window.analysis, window.workshop.panel
    assert window.workshop.take_snapshot("first")
    analysis.toggleViewAction().trigger()  # analysis in front, snapshots a tab behind
    qtbot.waitUntil(lambda: not analysis.visibleRegion().isEmpty())
    window.workshop.toggle_presentation()
    window.workshop.toggle_presentation()
    qtbot.waitUntil(lambda: not analysis.visibleRegion().isEmpty())
    assert snapshots.visibleRegion().isEmpty()


def test_messages_show_on_the_map_while_presenting(manager, qtbot) -> None:  # noqa: ANN001
    from wardley.model.entities import WardleyMap
    from wardley.ui.workshop.install import CornerCaption

    no_needs = WardleyMap.model_validate(
        {"elements": [{"id": "a", "name": "Hosting", "evolution": 0.8, "visibility": 0.3}]}
    )
    window = manager.open_editor(EditorDocument(no_needs))
    qtbot.waitExposed(window)
    workshop = window.workshop
    workshop.toggle_presentation()
    assert not window.statusBar().isVisible()

    workshop.focus_next.trigger()  # F6 on a map without needs: the room must learn why nothing happened
    notices = [c for c in window.view.findChildren(CornerCaption) if c.isVisible()]
    assert len(notices) == 1 and "no user needs" in notices[0].text()
    assert notices[0].textFormat() == Qt.TextFormat.PlainText

    workshop._notice_timer.timeout.emit()  # its time is up
    assert not notices[0].isVisible()

    workshop.focus_next.trigger()
    workshop.toggle_presentation()  # leaving takes it away at once; the status bar has it
    assert not notices[0].isVisible()
    assert "no user needs" in window.statusBar().currentMessage()


def test_messages_outside_presentation_stay_in_the_status_bar(manager, qtbot) -> None:  # noqa: ANN001
    from wardley.model.entities import WardleyMap
    from wardley.ui.workshop.install import CornerCaption

    window = manager.open_editor(EditorDocument(WardleyMap()))
    qtbot.waitExposed(window)
    window.workshop.focus_next.trigger()
    assert "no user needs" in window.statusBar().currentMessage()
    assert not [c for c in window.view.findChildren(CornerCaption) if c.isVisible()]


def test_a_hand_set_label_keeps_its_side_of_the_symbol_in_large_type(manager, qtbot) -> None:  # noqa: ANN001
    from wardley.model.entities import WardleyMap

    # OWM's "label [-80, -4]": the label ends left of the symbol. At 1.4x type the text is
    # wider; it must still end left of the symbol, not run into it.
    tea = WardleyMap.model_validate({"elements": [
        {"id": "cup", "kind": "need", "name": "Cup of Tea", "evolution": 0.5, "visibility": 0.8,
         "label_offset": [-80, -4]},
    ]})
    window = manager.open_editor(EditorDocument(tea))
    qtbot.waitExposed(window)
    item = window.view.map_scene.elements["cup"]
    assert item.label_rect().right() < -item.symbol_radius()
    window.workshop.toggle_presentation()
    item = window.view.map_scene.elements["cup"]
    # Wider still, it may be moved (above the symbol here) but never onto the symbol.
    r = item.symbol_radius()
    assert not item.label_rect().intersects(QRectF(-r, -r, 2 * r, 2 * r))
    window.workshop.toggle_presentation()
    assert window.editor.document.element("cup").label_offset == (-80.0, -4.0)  # the map is untouched


def test_panels_come_back_the_size_they_were(window, qtbot) -> None:  # noqa: ANN001
    analysis = window.analysis
    analysis.toggleViewAction().trigger()
    qtbot.waitUntil(analysis.isVisible)
    window.resizeDocks([analysis], [470], Qt.Orientation.Horizontal)
    window.resizeDocks([window.properties, analysis], [150, 500], Qt.Orientation.Vertical)
    QApplication.processEvents()
    before = analysis.size()
    window.workshop.toggle_presentation()
    window.workshop.toggle_presentation()
    qtbot.waitUntil(lambda: abs(analysis.width() - before.width()) <= 2 and abs(analysis.height() - before.height()) <= 2)


def test_presenting_again_at_once_keeps_the_panels_hidden(window, qtbot) -> None:  # noqa: ANN001
    window.analysis.toggleViewAction().trigger()
    qtbot.waitUntil(window.analysis.isVisible)
    window.workshop.toggle_presentation()
    window.workshop.toggle_presentation()
    window.workshop.toggle_presentation()  # F5 F5 F5 before the event loop turns
    QApplication.processEvents()
    assert window.workshop.presentation.active
    assert not window.analysis.isVisible() and not window.properties.isVisible()


def test_keys_cannot_change_the_map_while_presenting(window, qtbot) -> None:  # noqa: ANN001
    from wardley.io import dump_json_map

    view = window.view
    first = window.editor.document.map.elements[0].id
    view.select_elements([first])  # selected before F5, its marks now hidden
    before = dump_json_map(window.editor.document.map)
    window.workshop.toggle_presentation()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Delete, Qt.Key.Key_F2, Qt.Key.Key_C):
        qtbot.keyClick(view, key)
    for key in (Qt.Key.Key_D, Qt.Key.Key_3, Qt.Key.Key_X):  # duplicate, insert a component, cut
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)
    assert dump_json_map(window.editor.document.map) == before and not window.editor.is_modified
    zoom = view.zoom_level()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # zooming still works
    assert view.zoom_level() > zoom
    window.workshop.toggle_presentation()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # and editing keys are back afterwards
    assert window.editor.is_modified


def _label_ink_rows(view, item) -> int:  # noqa: ANN001
    """Rows of the screen where the label's letters left ink: its drawn height, in pixels."""
    image = view.viewport().grab().toImage()
    box = view.mapFromScene(item.mapToScene(item.label_rect())).boundingRect()
    background = QColor(view.map_scene.theme.map_background)
    rows = 0
    for y in range(max(box.top(), 0), min(box.bottom() + 1, image.height())):
        line = (image.pixelColor(x, y) for x in range(max(box.left(), 0), min(box.right() + 1, image.width())))
        if any(abs(c.red() - background.red()) + abs(c.green() - background.green())
               + abs(c.blue() - background.blue()) > 120 for c in line):
            rows += 1
    return rows


def test_presented_labels_are_readable_from_the_back_of_the_room_and_the_map_fits(manager, qtbot) -> None:  # noqa: ANN001
    from wardley.render.export import map_bounds
    from wardley.ui.workshop.presentation import label_line_px, readable_label_px

    window = manager.open_editor(EditorDocument.open(COACHING))
    qtbot.waitExposed(window)
    view = window.view
    window.workshop.toggle_presentation()
    qtbot.waitUntil(window.isFullScreen)
    QApplication.processEvents()
    screen = window.screen().geometry()
    wanted = readable_label_px(screen.height())  # 24 px on a 1080-line screen
    assert label_line_px(view) >= wanted
    # Every element's label, as drawn: each line at least that tall.
    for item in view.map_scene.elements.values():
        box = view.mapFromScene(item.mapToScene(item.label_rect())).boundingRect()
        assert box.height() / len(item._label.lines) >= wanted, item.element.name
    # The whole map, labels included, is still on screen.
    shown = view.mapFromScene(map_bounds(view.map_scene)).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(shown)
    # Pixels: the ink of a label with ascenders and descenders ("Kettle", "Cup") is near that tall.
    kettle = next(i for i in view.map_scene.elements.values() if len(i._label.lines) == 1 and
                  any(ch in i.element.name for ch in "gjpqy") and any(ch in i.element.name for ch in "bdfhklt"))
    assert _label_ink_rows(view, kettle) >= 0.75 * wanted
    window.workshop.toggle_presentation()

