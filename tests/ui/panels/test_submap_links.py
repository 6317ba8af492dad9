"""A submap's link to a local map file: set in Properties (undoable), opened in a new window;
an address is never followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.shell_support import manager, shell_env, small_map, write_map  # noqa: F401

from wardley.io.submap_links import SubmapLinkError, link_for, submap_path
from wardley.model import WardleyMap
from wardley.ui import main_window as main_window_module
from wardley.ui.editor_document import EditorDocument


def _with_submap(tmp_path: Path) -> Path:
    data = small_map().model_dump()
    data["elements"].append({"id": "highways", "kind": "submap", "name": "Highways", "evolution": 0.4, "visibility": 0.2})
    return write_map(tmp_path / "council.wardley.json", WardleyMap.model_validate(data))


def test_links_resolve_to_local_map_files_only(tmp_path: Path) -> None:
    holder = tmp_path / "council.wardley.json"
    (tmp_path / "sub").mkdir()
    target = write_map(tmp_path / "sub" / "highways.wardley.json")
    assert submap_path("sub/highways.wardley.json", holder) == target
    assert link_for(target, holder) == "sub/highways.wardley.json"
    for address in ("https://example.org/map.owm", "file:///etc/passwd.owm", "mailto:a@b.c", "javascript:alert(1)"):
        with pytest.raises(SubmapLinkError, match="address"):
            submap_path(address, holder)
    with pytest.raises(SubmapLinkError, match="not a map file"):
        submap_path("notes.pdf", holder)
    with pytest.raises(SubmapLinkError, match="does not exist"):
        submap_path("missing.owm", holder)
    with pytest.raises(SubmapLinkError, match="no linked"):
        submap_path("  ", holder)


def test_a_submap_link_is_set_in_properties_undoably_and_opens_in_a_new_window(manager, tmp_path: Path) -> None:  # noqa: ANN001
    target = write_map(tmp_path / "highways.wardley.json")
    window = manager.open_editor(EditorDocument.open(_with_submap(tmp_path)))
    panel = window.properties
    window.view.select_elements(["highways"])
    assert panel.submap_row.isVisibleTo(panel) and not panel.submap_open.isEnabled()
    panel.submap_link.setText("highways.wardley.json")
    panel.submap_link.editingFinished.emit()
    document, stack = window.editor.document, window.editor.undo_stack
    assert document.element("highways").url == "highways.wardley.json"
    assert stack.undoText() == "Set submap link" and panel.submap_open.isEnabled()
    panel.submap_open.click()
    [opened] = [w for w in manager.windows if w is not window]
    assert opened.editor.path == target and opened.editor.document.map == small_map()
    stack.undo()
    assert document.element("highways").url is None
    # Not a submap: no link row.
    window.view.select_elements(["catalogue"])
    assert not panel.submap_row.isVisibleTo(panel)


def test_an_address_as_a_submap_link_is_explained_not_opened(manager, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    said: list[str] = []

    class Box:
        def __init__(self, text: str) -> None:
            said.append(text)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(main_window_module.dialogs, "plain_message",
                        lambda parent, icon, title, text, details="": Box(text))
    window = manager.open_editor(EditorDocument.open(_with_submap(tmp_path)))
    before = len(manager.windows)
    assert window.open_submap("https://example.org/highways.owm") is None
    assert len(manager.windows) == before and "is an address" in said[0] and "only opens local map files" in said[0]
