"""The example map's PNG compared with a stored reference picture, with a tolerance
for anti-aliasing and font-version noise (see reference/README.md to regenerate)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import MapDocument
from wardley.render import MapScene
from wardley.render.export_files import ExportOptions, render_image

REFERENCE = Path(__file__).parent / "reference" / "parking-permits-600.png"
WIDTH = 600


def pixel_difference(a: QImage, b: QImage) -> tuple[float, float]:
    """(mean absolute channel difference 0..255, share of pixels off by more than 96)."""
    total = 0
    far = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            d = max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()), abs(ca.blue() - cb.blue()))
            total += d
            far += d > 96
    n = a.width() * a.height()
    return total / n, far / n


def test_example_map_matches_the_reference_picture(qapp) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(load_map(MAPS / "parking-permits.wardley.json").map))
    image = render_image(scene, ExportOptions(width_px=WIDTH)).convertToFormat(QImage.Format.Format_RGB32)
    scene.detach()
    if os.environ.get("WARDLEY_REGENERATE_REFERENCE"):
        image.save(str(REFERENCE), "PNG")
    reference = QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_RGB32)
    assert not reference.isNull(), f"missing {REFERENCE}"
    assert (image.width(), image.height()) == (reference.width(), reference.height())
    mean, far = pixel_difference(image, reference)
    assert mean < 3.0 and far < 0.01, (mean, far)


def test_the_comparison_notices_a_changed_picture(qapp) -> None:  # type: ignore[no-untyped-def]
    reference = QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_RGB32)
    shifted = reference.copy(8, 0, reference.width(), reference.height())  # map moved 8 px left
    mean, far = pixel_difference(reference, shifted)
    assert mean >= 3.0 or far >= 0.01
