"""File > Export and Edit > Copy Map as Image in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from tests.ui.shell_support import manager, shell_env, write_map  # noqa: F401 - fixtures

from wardley.render.export_files import DEFAULT_WIDTH_PX
from wardley.ui.editor_document import EditorDocument
from wardley.ui.export_actions import file_stem
from wardley.workshop.describe import describe_map


def _window(manager, tmp_path: Path):  # type: ignore[no-untyped-def]
    return manager.open_editor(EditorDocument.open(write_map(tmp_path / "library.wardley.json")))


def test_file_menu_has_export_for_each_format_and_edit_has_copy_image(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu()}
    file_entries = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert "Export" in file_entries
    kinds = [a.text() for a in window.export_actions.export_menu.actions() if not a.isSeparator() and not a.isCheckable()]
    assert kinds == ["PNG...", "SVG...", "PDF...", "&Describe Map..."]
    assert window.export_actions.copy_image in menus["Edit"].actions()


def test_export_asks_where_and_writes_the_selected_format(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    asked: list[tuple[str, str]] = []

    def ask(parent, caption, suggested, file_filter):  # type: ignore[no-untyped-def]
        asked.append((suggested, file_filter))
        return tmp_path / "out" / "library-map"  # no suffix: the format's is added

    (tmp_path / "out").mkdir()
    window.export_actions.ask_path = ask
    window.export_actions.export["pdf"].trigger()
    assert asked == [(str(tmp_path / "library.pdf"), "PDF document (*.pdf)")]
    assert (tmp_path / "out" / "library-map.pdf").read_bytes().startswith(b"%PDF")


def test_cancelled_export_writes_nothing(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    window.export_actions.ask_path = lambda *args: None
    window.export_actions.export["png"].trigger()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["library.wardley.json"]


def test_a_failed_export_says_why_in_plain_text(manager, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(manager, tmp_path)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    assert window.export_actions.export_to(tmp_path / "missing" / "map.png") is None
    assert len(shown) == 1 and "does not exist" in shown[0].text()


def test_selection_does_not_show_in_the_export(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    plain = window.export_actions.export_to(tmp_path / "plain.png")
    window.view.select_all()
    assert window.view.selected_element_ids()
    selected = window.export_actions.export_to(tmp_path / "selected.png")
    assert plain is not None and selected is not None
    assert plain.read_bytes() == selected.read_bytes()


def test_copy_map_as_image_puts_a_picture_on_the_clipboard(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    QGuiApplication.clipboard().clear()
    window.export_actions.copy_image.trigger()
    image = QGuiApplication.clipboard().image()
    assert image.width() == DEFAULT_WIDTH_PX and image.height() > 1000
    # The same copy carries the text alternative, for where only text can be pasted.
    text = QGuiApplication.clipboard().text()
    assert text == describe_map(window.editor.document.map)
    assert text.startswith(window.editor.document.map.title + ": a Wardley map of ")


def test_describe_map_shows_plain_read_only_text_and_copies_it(manager, tmp_path: Path) -> None:
    window = _window(manager, tmp_path)
    window.editor.document.add_element("<b>Bold</b> & co", 0.3, 0.3)
    window.export_actions.describe.trigger()
    dialog = window.export_actions.describe_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.isReadOnly()
    shown = dialog.text.toPlainText()
    assert shown == describe_map(window.editor.document.map)
    assert "<b>Bold</b> & co" in shown  # as typed, never rendered
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == shown
    # Asked again after an edit, the one dialog shows the map as it is now.
    window.editor.document.add_element("Another", 0.6, 0.3)
    window.export_actions.describe.trigger()
    assert window.export_actions.describe_dialog is dialog and "Another" in dialog.text.toPlainText()
    dialog.close()


def test_file_names_come_from_the_title() -> None:
    assert file_stem("Residents' parking permits") == "residents-parking-permits"
    assert file_stem("<b>/../") == "b"
    assert file_stem("???") == "map"


def test_analysis_highlight_and_focus_fading_stay_on_screen(manager, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import MAPS

    # The library map has a note and a pipeline, which a focus fades as well.
    path = tmp_path / "library.wardley.json"
    shutil.copy(MAPS / "county-library-service.wardley.json", path)
    window = manager.open_editor(EditorDocument.open(path))
    from wardley.model import Pipeline

    window.editor.document.set_pipeline("public-pcs", Pipeline(element="public-pcs", start=0.55, end=0.9))
    scene = window.view.map_scene
    assert scene.notes and scene.pipelines
    plain = window.export_actions.export_to(tmp_path / "plain.png")
    assert plain is not None

    scene.highlight(["payments", "notifications"])  # what the analysis panel does
    lit = window.export_actions.export_to(tmp_path / "lit.png")
    assert lit is not None and lit.read_bytes() == plain.read_bytes()
    assert scene.highlighted() == {"payments", "notifications"}  # the screen keeps it

    window.workshop.focus.focus_on("borrow-a-book")  # a workshop focus
    note = next(iter(scene.notes.values()))
    assert note.opacity() < 1.0 and any(p.opacity() < 1.0 for p in scene.pipelines.values())
    focused = window.export_actions.export_to(tmp_path / "focused.png")
    assert focused is not None and focused.read_bytes() == plain.read_bytes()
    assert note.opacity() < 1.0  # and the screen keeps the fading


def test_dialogs_for_an_unsaved_map_start_in_the_folder_last_used(manager, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.shell_support import small_map

    reports = tmp_path / "reports"
    reports.mkdir()
    window = _window(manager, tmp_path)
    window.export_actions.ask_path = lambda *args: reports / "library.png"
    window.export_actions.export["png"].trigger()
    assert (reports / "library.png").is_file()

    untitled = manager.open_editor(EditorDocument(small_map()))
    asked: list[str] = []
    untitled.export_actions.ask_path = lambda parent, caption, suggested, file_filter: asked.append(suggested)
    untitled.export_actions.export["svg"].trigger()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda parent, caption, suggested, *a: (asked.append(suggested), ("", ""))[1]))
    untitled.files.save_as()
    assert [Path(p).parent for p in asked] == [reports, reports], asked
