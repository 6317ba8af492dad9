"""``--relabel`` (and the app's "Place All Labels Automatically"): hand-set label
positions are ignored for the picture only, so piled-up labels part."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ui.shell_support import manager, shell_env  # noqa: F401 - fixtures
from wardley.cli import main
from wardley.io import save_map
from wardley.model import Element, WardleyMap


def piled_map() -> WardleyMap:
    # Three names placed by hand onto the same spot, as OWM files made with other fonts often are.
    return WardleyMap(
        title="Piled",
        elements=[
            Element(id=f"e{i}", name=f"Component number {i}", evolution=0.5 + i * 0.005, visibility=0.5,
                    label_offset=(8.0, 16.0))
            for i in range(3)
        ],
    )


def test_relabel_changes_the_picture_not_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "piled.wardley.json"
    save_map(source, piled_map())
    original = source.read_bytes()
    kept, relabelled = tmp_path / "kept.png", tmp_path / "relabelled.png"
    assert main(["export", str(source), "-o", str(kept), "--width", "900"]) == 0
    # The labels placed by hand that collide are moved even so, and the export says which, in one line.
    warning = capsys.readouterr().err
    assert warning.count("\n") == 1 and "warning" in warning and "placed by hand" in warning
    assert "'Component number 1'" in warning and "--relabel" in warning
    assert main(["export", str(source), "-o", str(relabelled), "--width", "900", "--relabel"]) == 0
    assert capsys.readouterr().err == ""
    assert QImage(str(kept)) != QImage(str(relabelled))
    assert source.read_bytes() == original


def test_app_export_toggle_relabels_the_picture_and_leaves_the_canvas(manager, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wardley.ui.editor_document import EditorDocument

    window = manager.open_editor(EditorDocument(piled_map()))
    actions = window.export_actions
    assert actions.relabel.isCheckable() and actions.relabel in window.export_actions.export_menu.actions()
    canvas = window.view.map_scene.elements
    before = {key: item.auto_label_offset for key, item in canvas.items()}
    assert sum(offset is None for offset in before.values()) == 1  # one keeps its hand-set place, two collide
    kept = actions.export_to(tmp_path / "kept.png")
    relabelled = actions.export_to(tmp_path / "relabelled.png", relabel=True)
    assert kept and relabelled and QImage(str(kept)) != QImage(str(relabelled))
    assert {key: item.auto_label_offset for key, item in canvas.items()} == before

