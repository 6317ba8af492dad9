"""Names stay searchable in vector pictures: a wrapped label is one SVG <text>
(a <tspan> a line, the whole name in its <title>) and a PDF's text layer holds
every name (read back with poppler's pdftotext, installed by ./dev test)."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import Accelerator, Element, Evolve, MapDocument, WardleyMap
from wardley.render import MapScene
from wardley.render.export_files import export_map

SVG = "{http://www.w3.org/2000/svg}"
NAMES = [
    "Find information and advice about bins",
    "Notifications & <alerts> for office staff",
    "Supercalifragilisticexpialidociousservicename",
    "Short",
    "Identity verification for residents",
]


def wrapped_map() -> WardleyMap:
    elements = [
        Element(id=f"e{i}", name=name, evolution=0.1 + 0.2 * i, visibility=0.8 - 0.15 * i)
        for i, name in enumerate(NAMES)
    ]
    return WardleyMap(
        title="Searchable",
        elements=elements,
        evolves=[Evolve(element="e4", evolution=0.95, name="Identity verification as a national service")],
        accelerators=[Accelerator(id="a", name="Open standards for case records", evolution=0.5, visibility=0.3)],
    )


@pytest.fixture
def scene(qapp):  # type: ignore[no-untyped-def]
    made = MapScene(MapDocument(wrapped_map()))
    yield made
    made.detach()


def test_each_wrapped_name_is_one_svg_text_with_tspans_and_a_title(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_map(scene, out)
    root = ET.parse(out).getroot()
    texts = [node for node in root.iter(f"{SVG}text")]
    titled = {}
    for node in texts:
        title = node.find(f"{SVG}title")
        if title is not None:
            spans = node.findall(f"{SVG}tspan")
            assert len(spans) >= 2
            titled[title.text] = "".join(span.text or "" for span in spans)
    wanted = [*NAMES, "Identity verification as a national service", "Open standards for case records"]
    assert sorted(titled) == sorted(name for name in wanted if name != "Short")
    for name, text in titled.items():
        # What a search sees (the element's text, tspans run together) is the name itself.
        assert text == name
    loose = {node.text for node in texts if node.find(f"{SVG}title") is None}
    assert "Short" in loose


def placed_lines(root: ET.Element) -> list[tuple[str, str, str]]:
    """Every line of text as (x, y, text), in document order, whether loose or in tspans."""
    lines = []
    for node in root.iter(f"{SVG}text"):
        spans = node.findall(f"{SVG}tspan")
        for part in spans or [node]:
            lines.append((part.attrib["x"], part.attrib["y"], (part.text or "").strip()))
    return lines


def test_joining_keeps_every_line_where_qt_drew_it(scene: MapScene, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import wardley.render.svg_text as svg_text

    joined = tmp_path / "joined.svg"
    export_map(scene, joined)
    monkeypatch.setattr(svg_text, "join_wrapped_labels", lambda svg, blocks: svg)
    loose = tmp_path / "loose.svg"
    export_map(scene, loose)
    assert joined.read_bytes() != loose.read_bytes()
    assert placed_lines(ET.parse(joined).getroot()) == placed_lines(ET.parse(loose).getroot())


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (Debian package poppler-utils) is missing: ./dev test installs it")
    result = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def test_the_pdf_text_layer_holds_every_name(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    export_map(scene, out)
    text = pdf_text(out)
    for name in [*NAMES, "Identity verification as a national service", "Open standards for case records"]:
        if " " in name:
            assert name in text, name
        else:  # a word too long for a line is cut: its pieces follow each other
            assert name in text.replace(" ", ""), name
    assert "\ufb01" not in text and "\ufb02" not in text  # no ligatures: "fi" is found as typed


@pytest.mark.parametrize("example", sorted(MAPS.glob("*.wardley.json")), ids=lambda p: p.name)
def test_every_example_maps_names_are_found_in_its_pdf_and_svg(qapp, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scene = MapScene(MapDocument(load_map(example).map))
    try:
        export_map(scene, tmp_path / "map.pdf")
        export_map(scene, tmp_path / "map.svg")
    finally:
        scene.detach()
    text = pdf_text(tmp_path / "map.pdf")
    root = ET.parse(tmp_path / "map.svg").getroot()
    svg_names = {" ".join("".join(node.itertext()).split()) for node in root.iter(f"{SVG}text")}
    svg_names |= {node.text for node in root.iter(f"{SVG}title")}
    for element in load_map(example).map.elements:
        name = " ".join(element.name.split())
        assert name in text, (example.name, name)
        assert name in svg_names or any(name in found for found in svg_names), (example.name, name)
    assert os.path.getsize(tmp_path / "map.svg") > 0
