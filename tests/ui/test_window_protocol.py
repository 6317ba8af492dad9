"""What add-ons use of a window (wardley.ui.window_protocol.MapWindow): menus by object
name, the view and editor of the map shown, its undo stack and status messages."""

from __future__ import annotations

import inspect

import pytest
from tests.ui.shell_support import manager, shell_env, small_map  # noqa: F401 - fixtures

from wardley.ui.editor_document import EditorDocument
from wardley.ui.window_protocol import MENU_EDIT, MENU_FILE, MENU_INSERT, MENU_VIEW, MENU_WORKSHOP, MapWindow


def test_main_window_offers_everything_the_protocol_names(manager) -> None:  # type: ignore[no-untyped-def]
    window = manager.open_editor(EditorDocument(small_map()))
    wanted = {name for name, _ in inspect.getmembers(MapWindow) if not name.startswith("_")}
    assert wanted == {"view", "editor", "undo_stack", "menu", "show_status"}
    assert window.undo_stack is window.editor.undo_stack
    assert window.view.document is window.editor.document
    window.show_status("Hello")
    assert window.statusBar().currentMessage() == "Hello"


def test_menus_are_found_by_object_name_whatever_their_title(manager) -> None:  # type: ignore[no-untyped-def]
    window = manager.open_editor(EditorDocument(small_map()))
    for name, title in ((MENU_FILE, "File"), (MENU_EDIT, "Edit"), (MENU_INSERT, "Insert"), (MENU_VIEW, "View"),
                        (MENU_WORKSHOP, "Workshop")):
        menu = window.menu(name)
        assert menu.title().replace("&", "") == title
        menu.setTitle(f"Renamed {title}")  # a translation, say
        assert window.menu(name) is menu
    with pytest.raises(KeyError):
        window.menu("help")
    # The add-ons put their entries in by name: Export in File, the OWM pair and the picture copy in Edit.
    assert window.export_actions.export_menu.menuAction() in window.menu(MENU_FILE).actions()
    edit = window.menu(MENU_EDIT).actions()
    assert window.export_actions.copy_image in edit and window.owm_text.copy_owm in edit
    # Workshop comes right after View.
    bar = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert bar.index(window.menu(MENU_WORKSHOP)) == bar.index(window.menu(MENU_VIEW)) + 1
