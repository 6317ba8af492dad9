"""Gaps a new user hit in a real window: each test failed before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401 - fixtures

from wardley.ui.editor_document import EditorDocument


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    qtbot.waitExposed(window)
    return window


def test_map_title_is_edited_in_the_properties_panel_as_one_undo_step(window, qtbot) -> None:  # noqa: ANN001
    panel, editor = window.properties, window.editor
    window.view.select_elements([])
    assert not panel.map_title.isHidden() and panel.map_title.text() == "Library"
    panel.map_title.setFocus()
    panel.map_title.selectAll()
    qtbot.keyClicks(panel.map_title, "  School   <b>admissions</b> ")
    qtbot.keyClick(panel.map_title, Qt.Key.Key_Return)
    assert editor.document.map.title == "School <b>admissions</b>"
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "Change map title"
    editor.undo_stack.undo()
    assert panel.map_title.text() == "Library"


def test_an_empty_map_title_is_refused_and_the_field_shows_the_real_one(window, qtbot) -> None:  # noqa: ANN001
    panel, editor = window.properties, window.editor
    window.view.select_elements([])
    panel.map_title.setFocus()
    panel.map_title.selectAll()
    qtbot.keyClick(panel.map_title, Qt.Key.Key_Delete)
    qtbot.keyClick(panel.map_title, Qt.Key.Key_Return)
    assert editor.document.map.title == "Library" and editor.undo_stack.count() == 0
    assert panel.map_title.text() == "Library"


def test_the_title_field_gives_way_to_the_element_fields_on_a_selection(window) -> None:  # noqa: ANN001
    panel = window.properties
    window.view.select_elements(["catalogue"])
    assert panel.map_box.isHidden() and not panel.fields_box.isHidden()
    window.view.select_elements([])
    assert not panel.map_box.isHidden()


def test_a_snapshot_taken_while_presenting_keeps_the_screen_to_the_map(window, qtbot) -> None:  # noqa: ANN001
    workshop = window.workshop
    workshop.toggle_presentation()
    assert workshop.take_snapshot("During the session")
    assert workshop.panel.isHidden()
    workshop.toggle_presentation()
    assert window.editor.document.map.snapshots[0].name == "During the session"


def test_a_folder_without_the_open_map_does_not_claim_capabilities_are_missing_from_it(manager, tmp_path) -> None:  # noqa: ANN001
    from pathlib import Path

    from tests.ui.shell_support import write_map

    maps = Path(__file__).resolve().parents[2] / "maps"
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "mine.wardley.json")))
    panel = window.analysis
    panel.toggleViewAction().trigger()
    assert panel.run_on_folder(maps)
    panel.select_capability("Hosting")
    assert "Not on the open map" not in panel.detail.text()
    assert "not in this folder" in panel.detail.text()
    hosting = panel.tree.selectedItems()[0]
    assert hosting.toolTip(0) == ""  # no greyed "Not on the open map" row


def test_the_app_exports_a_print_theme_picture_with_a_legend_and_leaves_the_canvas_alone(manager, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtGui import QImage

    from wardley.model import Evolve

    wardley_map = small_map()
    wardley_map.evolves.append(Evolve(element="catalogue", evolution=0.9))  # drawn orange in the default theme
    window = manager.open_editor(EditorDocument(wardley_map))
    actions = window.export_actions
    assert actions.print_theme in actions.export_menu.actions() and actions.with_legend in actions.export_menu.actions()

    def export(name: str, print_theme: bool, legend: bool) -> QImage:
        actions.print_theme.setChecked(print_theme)
        actions.with_legend.setChecked(legend)
        actions.ask_path = lambda *args: tmp_path / name
        actions.export["png"].trigger()
        return QImage(str(tmp_path / name))

    def colourful(image: QImage) -> int:
        samples = (image.pixelColor(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))
        return sum(1 for c in samples if max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 60)

    plain, printed, keyed = export("plain.png", False, False), export("print.png", True, False), export("key.png", True, True)
    assert colourful(plain) > 0 and colourful(printed) == 0
    assert keyed != printed  # the legend is drawn
    assert window.view.map_scene.theme.name == "default"


def test_focus_on_a_map_without_needs_says_why_nothing_happens(manager) -> None:  # noqa: ANN001
    from wardley.io.owm import parse_owm

    imported = parse_owm("title Tea\ncomponent Cup [0.8, 0.6]\ncomponent Tea [0.6, 0.7]\nCup->Tea\n").map
    window = manager.open_editor(EditorDocument(imported))
    window.workshop.focus_next.trigger()
    assert "no user needs" in window.statusBar().currentMessage()
    assert window.workshop.focus.need_id is None
