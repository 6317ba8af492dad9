"""A big map's PNG draws symbols from images made once per kind and sub-pixel offset; the
picture must look as the vector drawing does (only edge shading and hatch phase may differ)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from wardley.model import Element, MapDocument, WardleyMap
from wardley.model.kinds import ElementKind
from wardley.render import MapScene, theme_named
from wardley.render import export as export_module
from wardley.render.export_files import ExportOptions, render_image
from wardley.render.items import symbol_cache

ALL_KINDS: tuple[ElementKind, ...] = ("user", "need", "component", "market", "ecosystem", "submap")
ALL_METHODS = ("none", "build", "buy", "outsource")
#: Without the hatched ones (ecosystem, buy): a hatch's pattern starts where its image does,
#: so hatching is compared separately, more loosely.
PLAIN_KINDS: tuple[ElementKind, ...] = ("user", "need", "component", "market", "submap")
PLAIN_METHODS = ("none", "build", "outsource")


def big_map(kinds: tuple[ElementKind, ...] = PLAIN_KINDS, methods: tuple[str, ...] = PLAIN_METHODS) -> WardleyMap:
    """Each kind x method x inertia, 300 elements at irregular (sub-pixel) places."""
    elements = []
    for i in range(300):
        kind, method = kinds[i % len(kinds)], methods[(i // len(kinds)) % len(methods)]
        elements.append(Element(
            id=f"e{i}", name=f"E{i}", kind=kind, method=method, inertia=(i // 24) % 2 == 1,
            evolution=0.02 + (i % 20) * 0.049 + (i % 7) * 0.00137, visibility=0.03 + (i // 20) * 0.064 + (i % 5) * 0.0011,
        ))
    return WardleyMap(title="Big", elements=elements)


def difference(a: QImage, b: QImage) -> tuple[float, float]:
    """(mean channel difference 0..255, share of channel values off by more than 96)."""
    rgb_a = a.convertToFormat(QImage.Format.Format_RGB888)  # kept: constBits points into it
    rgb_b = b.convertToFormat(QImage.Format.Format_RGB888)
    da, db = bytes(rgb_a.constBits()), bytes(rgb_b.constBits())
    diffs = [abs(x - y) for x, y in zip(da, db)]
    return sum(diffs) / len(diffs), sum(d > 96 for d in diffs) / len(diffs)


def close_enough(mean: float, far: float) -> bool:
    """Only edge shading differs (measured: mean 0.6-0.8, nothing far off); symbols a pixel
    out give a mean of about 8 with 3-4% of values far off."""
    return mean < 1.5 and far < 0.001


def both_ways(wardley_map: WardleyMap, theme: str, monkeypatch) -> tuple[QImage, QImage]:  # type: ignore[no-untyped-def]
    """The map's picture drawn from symbol images and from vectors, 1,600 px wide."""
    scene = MapScene(MapDocument(wardley_map), theme_named(theme))
    assert len(scene.elements) >= export_module.SYMBOL_IMAGES_FROM
    options = ExportOptions(width_px=1600)
    from_images = render_image(scene, options)
    monkeypatch.setattr(export_module, "SYMBOL_IMAGES_FROM", 10**9)
    from_vectors = render_image(scene, options)
    scene.detach()
    assert from_images.size() == from_vectors.size()
    return from_images, from_vectors


@pytest.mark.parametrize("theme", ["default", "dark"])
def test_a_big_maps_picture_matches_the_vector_drawing(qapp, monkeypatch, theme: str) -> None:  # type: ignore[no-untyped-def]
    mean, far = difference(*both_ways(big_map(), theme, monkeypatch))
    assert close_enough(mean, far), (mean, far)


def test_hatched_symbols_differ_only_in_where_the_hatch_starts(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    mean, far = difference(*both_ways(big_map(ALL_KINDS, ALL_METHODS), "default", monkeypatch))
    assert mean < 4.0 and far < 0.012, (mean, far)


def test_the_comparison_notices_symbols_a_pixel_out(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The tolerance above is tight enough to catch the symbols landing one pixel off."""
    scene = MapScene(MapDocument(big_map()))
    options = ExportOptions(width_px=1600)
    exact = render_image(scene, options)
    render_at = symbol_cache._render_at

    def one_pixel_out(*args):  # type: ignore[no-untyped-def]
        image, corner = render_at(*args)
        return image, corner + QPoint(1, 0)

    monkeypatch.setattr(symbol_cache, "_render_at", one_pixel_out)
    scene.ctx.symbols.clear()
    shifted = render_image(scene, options)
    scene.detach()
    mean, far = difference(exact, shifted)
    assert not close_enough(mean, far), (mean, far)


def test_symbols_land_within_an_eighth_of_a_pixel(qapp) -> None:  # type: ignore[no-untyped-def]
    """Drawn alone at many sub-pixel places, each image-drawn symbol matches its vector twin."""
    from PySide6.QtGui import QColor, QPainter

    theme = theme_named("default")
    cache = symbol_cache.SymbolCache()
    worst = 0.0
    for kind in ("component", "need", "user", "market", "submap"):  # no hatching: every pixel comparable
        for method in ("none", "build", "outsource"):
            for step in range(8):
                images = []
                for aligned in (True, False):
                    image = QImage(120, 120, QImage.Format.Format_RGB32)
                    image.fill(QColor("white"))
                    painter = QPainter(image)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    painter.translate(60 + step / 8, 60 + step / 5)
                    painter.scale(2.2, 2.2)
                    if aligned:
                        cache.draw_aligned(painter, kind, method, False, theme)
                    else:
                        symbol_cache.draw_symbol_vector(painter, kind, method, False, theme)
                    painter.end()
                    images.append(image)
                mean, far = difference(*images)
                assert far < 0.01, (kind, method, step, far)
                worst = max(worst, mean)
    assert worst < 3.0, worst


def test_a_small_map_draws_vectors(qapp) -> None:  # type: ignore[no-untyped-def]
    small = WardleyMap(title="Small", elements=big_map().elements[:20])
    scene = MapScene(MapDocument(small))
    render_image(scene, ExportOptions(width_px=800))
    scene.detach()
    assert len(scene.ctx.symbols) == 0  # no symbol image was made
