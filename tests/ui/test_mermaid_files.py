"""Mermaid and Markdown maps in the app: opened, saved back, and a page's prose never lost unasked."""

from __future__ import annotations

from pathlib import Path

from tests.ui.shell_support import manager, shell_env  # noqa: F401 - fixtures

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.io.mermaid import format_markdown
from wardley.ui import dialogs
from wardley.ui.commands import SetElementsCommand
from wardley.ui.editor_document import EditorDocument

PAGE = """# Our services

Some prose the team wrote about the map.

```mermaid
wardley-beta
title Tea
component Kettle [0.5, 0.4]
```

More prose after it.
"""


def _move(window, element_id: str, evolution: float) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    editor.undo_stack.push(SetElementsCommand(editor.document, {element_id: {"evolution": evolution}}, "Move"))


def test_a_markdown_page_with_prose_asks_before_saving_over_it(manager, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "services.md"
    path.write_text(PAGE, encoding="utf-8")
    window = manager.open_editor(EditorDocument.open(path))
    assert [e.name for e in window.editor.document.map.elements] == ["Kettle"]
    _move(window, "kettle", 0.6)
    asked: list[int] = []
    window.files.ask_overwrite_comments = lambda target, lines: asked.append(lines) or "cancel"
    assert not window.save()
    assert path.read_text(encoding="utf-8") == PAGE
    assert asked == [4]  # the heading, the two paragraphs and the fence's own line
    window.files.ask_overwrite_comments = lambda target, lines: "overwrite"
    assert window.save()
    assert load_map(path).map.element("kettle").evolution == 0.6  # type: ignore[union-attr]


def test_a_page_wardley_wrote_saves_without_a_question(manager, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "waste.md"
    path.write_text(format_markdown(load_map(MAPS / "household-waste.wardley.json").map), encoding="utf-8")
    window = manager.open_editor(EditorDocument.open(path))
    window.files.ask_overwrite_comments = lambda *a: (_ for _ in ()).throw(AssertionError("asked"))
    _move(window, "depots", 0.9)
    assert window.save()
    assert load_map(path).map.element("depots").evolution == 0.9  # type: ignore[union-attr]
    assert path.read_text(encoding="utf-8").startswith("# Household waste and recycling\n\n```mermaid\n")


def test_save_as_offers_mermaid_and_markdown() -> None:
    assert "Mermaid diagram (*.mmd)" in dialogs.SAVE_FILTERS
    assert "Markdown with a Mermaid diagram (*.md)" in dialogs.SAVE_FILTERS
    assert "*.mmd *.md" in dialogs.MAP_FILTERS
