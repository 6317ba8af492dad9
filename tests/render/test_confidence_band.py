"""Low confidence draws the position as a range: a band behind the symbol, on the
canvas and in exports, and only for "low"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from tests.ui.workshop.workshop_support import paint_scene
from wardley.model import MapDocument, WardleyMap
from wardley.render.export_files import render_image
from wardley.render.geometry import SCENE_RECT, to_scene
from wardley.render.items.confidence import BAND_SPREAD
from wardley.render.scene import MapScene
from wardley.render.themes import PRINT

CONFIDENCES = {"sure": "high", "fairly": "medium", "unsure": "low", "unset": None}


def confidence_map() -> WardleyMap:
    return WardleyMap.model_validate({"elements": [
        {"id": element_id, "name": element_id.title(), "evolution": 0.5, "visibility": 0.85 - 0.2 * i,
         "label_offset": [8, -10], **({"confidence": c} if c else {})}
        for i, (element_id, c) in enumerate(CONFIDENCES.items())
    ]})


def ink_left_of(image: QImage, element_id: str, scene: MapScene, distance: float) -> bool:
    """Any ink on a short vertical run ``distance`` scene units left of the element's centre?"""
    point = scene.elements[element_id].pos()
    x = round(point.x() - distance - SCENE_RECT.left())
    y0 = round(point.y() - SCENE_RECT.top())
    return any(QColor(image.pixel(x, y)).lightness() < 245 for y in range(y0 - 3, y0 + 4))


@pytest.mark.parametrize("theme", [None, PRINT], ids=["default", "print"])
def test_band_only_behind_low_confidence(qapp, theme) -> None:  # noqa: ANN001
    scene = MapScene(MapDocument(confidence_map()), *(() if theme is None else (theme,)))
    image = paint_scene(scene)
    for element_id, confidence in CONFIDENCES.items():
        assert ink_left_of(image, element_id, scene, 60) == (confidence == "low"), element_id
        assert not ink_left_of(image, element_id, scene, BAND_SPREAD * 1000 + 8), element_id


def test_band_follows_confidence_changes_and_reaches_exports(qapp) -> None:
    document = MapDocument(confidence_map())
    scene = MapScene(document)
    document.set_element("sure", confidence="low")
    document.set_element("unsure", confidence="medium")
    image = paint_scene(scene)
    assert ink_left_of(image, "sure", scene, 60) and not ink_left_of(image, "unsure", scene, 60)
    exported = render_image(scene)
    # Export draws the same scene: the band's tint is there, absent from a map without low confidence.
    document.set_element("sure", confidence=None)
    plain = render_image(scene)
    blue = lambda img: sum(  # noqa: E731
        1 for y in range(0, img.height(), 3) for x in range(0, img.width(), 3)
        if (c := QColor(img.pixel(x, y))).blue() > c.red() + 30)
    assert blue(exported) > blue(plain) + 50


def test_band_stays_inside_the_map_at_the_edge(qapp) -> None:
    document = MapDocument(confidence_map())
    document.set_element("unsure", evolution=0.02)
    scene = MapScene(document)
    item = scene.elements["unsure"]
    band_left = item.mapToScene(item.boundingRect()).boundingRect().left()
    assert band_left >= to_scene(0, 0).x() - 8  # the item's margin, not 0.1 evolution past the axis
