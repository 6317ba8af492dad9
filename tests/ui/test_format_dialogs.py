"""Every format in the registry reaches the app: File > Export offers each picture
format with its filter, Save As each map format (a bare name gets the chosen
format's suffix), and drag-and-drop takes every map suffix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QFileDialog
from tests.ui.shell_support import manager, shell_env, write_map  # noqa: F401 - fixtures

from wardley.io import load_map, save_map
from wardley.io.formats import Format, formats
from wardley.ui import dialogs
from wardley.ui.editor_document import EditorDocument
from wardley.ui.main_window import dropped_map_path


@pytest.mark.parametrize("picture", formats("picture"), ids=lambda f: f.key)
def test_export_menu_writes_every_picture_format(manager, tmp_path: Path, picture: Format) -> None:  # type: ignore[no-untyped-def]
    window = manager.open_editor(EditorDocument.open(write_map(tmp_path / "library.wardley.json")))
    filters: list[str] = []

    def ask(parent, caption, suggested, file_filter):  # type: ignore[no-untyped-def]
        filters.append(file_filter)
        return tmp_path / "picture"

    window.export_actions.ask_path = ask
    window.export_actions.export[picture.key].trigger()
    assert filters == [f"{picture.name} (*{picture.suffix})"]
    assert (tmp_path / f"picture{picture.suffix}").stat().st_size > 1000


@pytest.mark.parametrize("map_format", formats("map"), ids=lambda f: f.key)
def test_save_as_offers_every_map_format(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, map_format: Format) -> None:
    offered: list[str] = []

    def ask(parent, caption, suggestion, filters):  # type: ignore[no-untyped-def]
        offered.extend(filters.split(";;"))
        return str(tmp_path / "bare"), map_format.dialog_filter(all_suffixes=False)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    assert dialogs.choose_save_path(None, str(tmp_path / "x")) == tmp_path / f"bare{map_format.suffix}"
    assert [f.dialog_filter(all_suffixes=False) for f in formats("map")] == offered


@pytest.mark.parametrize("suffix", [s for f in formats("map") for s in f.suffixes])
def test_every_map_suffix_opens_and_drops(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str) -> None:
    path = write_map(tmp_path / "library.wardley.json")
    other = tmp_path / f"copy{suffix}"
    save_map(other, load_map(path).map)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])

    class Drop:
        def mimeData(self) -> QMimeData:  # noqa: N802 - Qt's name
            return data

    assert dropped_map_path(Drop()) == other  # type: ignore[arg-type]
    assert f"*{suffix}" in dialogs.MAP_FILTERS.split(";;")[0]
