""""Why here?": rationale and confidence are edited undoably in the properties panel,
show on the canvas (the low-confidence band), and survive JSON and OWM files."""

from __future__ import annotations

import pytest

from tests.ui.shell_support import small_map
from tests.ui.workshop.workshop_support import manager, shell_env  # noqa: F401
from wardley.io import load_map, save_map
from wardley.model import MapDocument
from wardley.ui.editor_document import EditorDocument

WHY = "Bought in 2019.\nThe room split: some say it is a product now // not custom"


@pytest.fixture
def window(manager, qtbot):  # noqa: ANN001
    window = manager.open_editor(EditorDocument(small_map()))
    window.view.select_elements(["catalogue"])
    return window


def test_low_confidence_from_the_panel_draws_the_band_and_undo_takes_it_away(window) -> None:  # noqa: ANN001
    panel, item = window.properties, window.view.map_scene.elements["catalogue"]
    assert item._band is None
    panel.confidence.setCurrentIndex(1)
    panel.confidence.activated.emit(1)
    assert window.editor.document.element("catalogue").confidence == "low"
    item = window.view.map_scene.elements["catalogue"]
    assert item._band is not None and item.boundingRect().contains(item._band)
    assert "Confidence: low" in item.toolTip()
    window.editor.undo_stack.undo()
    assert window.view.map_scene.elements["catalogue"]._band is None


@pytest.mark.parametrize("suffix", [".wardley.json", ".owm"])
def test_rationale_and_confidence_survive_the_file(tmp_path, suffix: str) -> None:
    document = MapDocument(small_map())
    document.set_element("catalogue", description=WHY, confidence="low")
    document.set_element("lms", confidence="high")
    path = tmp_path / f"map{suffix}"
    save_map(path, document.map)
    if suffix == ".owm":
        assert "wardley:" in path.read_text(encoding="utf-8")  # OWM has no words for them: a comment
    loaded = load_map(path).map
    catalogue, lms = loaded.element("catalogue"), loaded.element("lms")
    assert catalogue is not None and (catalogue.description, catalogue.confidence) == (WHY, "low")
    assert lms is not None and lms.confidence == "high"
