"""PNG, SVG and PDF export of the map scene: sizes, content, metadata, chrome hidden."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from sample_maps import rich_map
from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import MapDocument
from wardley.render import MapScene, theme_named
from wardley.render.export_files import (
    DEFAULT_WIDTH_PX,
    ExportError,
    ExportOptions,
    export_map,
    export_region,
    render_image,
)
from wardley.render.geometry import MAP_HEIGHT, scene_x, scene_y

EXAMPLE = MAPS / "household-waste.wardley.json"


@pytest.fixture
def scene(qapp) -> MapScene:  # type: ignore[no-untyped-def]
    made = MapScene(MapDocument(load_map(EXAMPLE).map))
    yield made
    made.detach()


def dark_fraction(image: QImage, x: int, top: int, bottom: int) -> float:
    """Share of rows in ``top..bottom`` where a pixel near column x is dark."""
    dark = 0
    for y in range(top, bottom):
        if min(QColor(image.pixel(c, y)).lightness() for c in (x - 1, x, x + 1)) < 200:
            dark += 1
    return dark / (bottom - top)


# -- PNG --------------------------------------------------------------------------
def test_png_is_2400_wide_by_default_and_keeps_the_maps_proportions(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    export_map(scene, out)
    image = QImage(str(out))
    region = export_region(scene)
    assert image.width() == DEFAULT_WIDTH_PX
    assert image.height() == round(DEFAULT_WIDTH_PX * region.height() / region.width())


def test_png_draws_stage_separators_where_they_belong(scene: MapScene) -> None:
    image = render_image(scene)
    region = export_region(scene)
    scale = image.width() / region.width()

    def column(evolution: float) -> int:
        return round((scene_x(evolution) - region.left()) * scale)

    top = round((scene_y(0.95) - region.top()) * scale)
    bottom = round((scene_y(0.05) - region.top()) * scale)
    for boundary in (0.175, 0.40, 0.70):
        # A dashed line: dark on a good share of the rows, never on all of them.
        assert 0.3 < dark_fraction(image, column(boundary), top, bottom) < 0.9, boundary
    # Halfway through Genesis the example map is empty: no line there.
    assert dark_fraction(image, column(0.09), top, bottom) < 0.02


def test_png_is_not_blank_and_follows_the_theme(scene: MapScene) -> None:
    light = render_image(scene, ExportOptions(width_px=600))
    scene.set_theme(theme_named("dark"))
    dark = render_image(scene, ExportOptions(width_px=600))
    corner = QColor(dark.pixel(2, 2))
    assert corner.lightness() < 60  # dark background all the way to the edge
    assert QColor(light.pixel(2, 2)).lightness() > 250
    colours = {light.pixel(x, y) for x in range(0, 600, 3) for y in range(0, light.height(), 3)}
    assert len(colours) > 20


def test_dpi_sets_the_physical_size_and_scales_the_picture(scene: MapScene) -> None:
    region = export_region(scene)
    image = render_image(scene, ExportOptions(dpi=300))
    assert image.width() == round(region.width() / 96 * 300)
    assert image.dotsPerMeterX() == pytest.approx(300 / 0.0254, abs=1)
    sized = render_image(scene, ExportOptions(width_px=1000, dpi=150))
    assert sized.width() == 1000 and sized.dotsPerMeterY() == pytest.approx(150 / 0.0254, abs=1)


def test_a_selected_element_exports_exactly_as_an_unselected_one(scene: MapScene) -> None:
    plain = render_image(scene, ExportOptions(width_px=800))
    for item in scene.elements.values():
        item.setSelected(True)
    next(iter(scene.links.values())).setSelected(True)
    assert scene.selectedItems()
    assert render_image(scene, ExportOptions(width_px=800)) == plain
    assert scene.editing_chrome  # the canvas gets its selection marks back


def test_labels_placed_automatically_in_the_export_do_not_overlap(scene: MapScene) -> None:
    rects = [item.label_rect().translated(item.pos()) for item in scene.elements.values()]
    rects += [evolve.label_rect() for evolve in scene.evolves.values()]
    overlaps = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersected(b).width() * a.intersected(b).height() > 0.5]
    assert overlaps == []


def test_the_legend_takes_a_free_corner_or_goes_below(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(rich_map()))
    without = export_region(scene)
    with_legend = export_region(scene, legend=True)
    # The rich map leaves no room for its long key, so the legend goes below and the picture grows.
    assert with_legend.height() > without.height() and with_legend.width() == without.width()
    sparse = MapScene(MapDocument(load_map(MAPS / "parking-permits.wardley.json").map))
    assert export_region(sparse, legend=True) == export_region(sparse)
    scene.detach()
    sparse.detach()


# -- SVG --------------------------------------------------------------------------
def test_svg_is_xml_with_a_viewbox_and_every_name_as_text(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_map(scene, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(root.attrib["viewBox"].split()) == 4
    texts = " ".join(" ".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))
    texts = " ".join(texts.split())
    for element in scene.document.map.elements:
        assert element.name in texts, element.name
    assert "Household waste and recycling" in texts
    assert 'font-family="Sans Serif"' not in out.read_text()  # a family browsers know


# -- PDF --------------------------------------------------------------------------
def test_pdf_is_one_a4_landscape_page_with_title_and_embedded_fonts(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    export_map(scene, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-1.")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == 1
    title = "Household waste and recycling"
    assert b"/Title (\xfe\xff" + title.encode("utf-16-be") + b")" in data
    assert b"/Creator (\xfe\xff" + "wardley".encode("utf-16-be") + b")" in data
    assert b"/FontFile" in data
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    width, height = float(box.group(1)), float(box.group(2))
    assert (round(width), round(height)) == (842, 595)


# -- writing -----------------------------------------------------------------------
def test_unknown_extension_is_refused_before_anything_is_written(scene: MapScene, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"unknown picture type '\.gif'"):
        export_map(scene, tmp_path / "map.gif")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_gives_a_one_line_error(scene: MapScene, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as error:
        export_map(scene, tmp_path / "nowhere" / "map.png")
    assert "\n" not in str(error.value) and "does not exist" in str(error.value)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(scene: MapScene, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "map.png"
    out.write_bytes(b"old picture")
    def fail(image: QImage) -> bytes:
        raise ValueError("no picture to encode")

    monkeypatch.setattr("wardley.render.export_files.png_bytes", fail)
    with pytest.raises(ExportError, match="could not encode"):
        export_map(scene, out)
    assert out.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_an_existing_picture_is_replaced_whole(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("old")
    out.chmod(0o640)
    export_map(scene, out)
    assert out.read_text().startswith("<?xml")
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_every_example_map_exports_in_every_theme_with_nothing_clipped(qapp) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(MAPS.glob("*.wardley.json")):
        scene = MapScene(MapDocument(load_map(path).map))
        for name in ("default", "print", "dark"):
            scene.set_theme(theme_named(name))
            region = export_region(scene)
            assert region.contains(scene.itemsBoundingRect()), (path.name, name)
            assert region.bottom() > MAP_HEIGHT + 40  # stage names and the axis title
        scene.detach()
