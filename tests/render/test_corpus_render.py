"""Every real map we hold (the public OWM corpus and our examples) builds a scene
and paints without an error; an exception in any item's paint fails the test
(pytest-qt catches exceptions raised inside Qt virtual methods)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.conftest import CORPUS, MAPS, OWM_SUFFIXES, corpus_files, need_corpus
from wardley.io.files import load_map
from wardley.model import MapDocument
from wardley.render import MapScene, render_map

CORPUS_FILES = corpus_files(OWM_SUFFIXES)
FILES = CORPUS_FILES + sorted(MAPS.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_real_map_renders(qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    if path.parent == CORPUS:
        need_corpus()
    wardley_map = load_map(path).map
    scene = MapScene(MapDocument(wardley_map))
    assert len(scene.elements) == len(wardley_map.elements)
    assert len(scene.links) == len(wardley_map.links)
    image = QImage(240, 180, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    render_map(painter, QRectF(0, 0, 240, 180), scene)
    painter.end()
    scene.detach()


def test_the_corpus_is_there(corpus: Path) -> None:
    assert len(CORPUS_FILES) > 100
