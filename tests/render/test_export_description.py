"""The text alternative travels inside every picture: PNG text chunk, SVG title/desc, PDF info."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from tests.conftest import MAPS
from wardley.io import load_map
from wardley.model import MapDocument
from wardley.model.entities import WardleyMap
from wardley.render import MapScene
from wardley.render.export_files import export_map, render_image
from wardley.render.pdf_info import PdfInfoError, with_info
from wardley.workshop.describe import describe_map, describe_one_line

EXAMPLE = MAPS / "parking-permits.wardley.json"
HOSTILE = WardleyMap.model_validate({
    "title": "Ünïcode 東京 → </title><b>x</b> & (paren) \\ ]]>",
    "elements": [
        {"id": "a", "kind": "user", "name": "Résident <script>", "evolution": 0.5, "visibility": 0.9},
        {"id": "b", "name": "Pay & \"quote\" ) (", "evolution": 0.8, "visibility": 0.5},
    ],
    "links": [{"source": "a", "target": "b"}],
})


@pytest.fixture(params=["example", "hostile"])
def scene(request, qapp) -> MapScene:  # type: ignore[no-untyped-def]
    wardley_map = load_map(EXAMPLE).map if request.param == "example" else HOSTILE
    made = MapScene(MapDocument(wardley_map))
    yield made
    made.detach()


def png_texts(data: bytes) -> dict[str, str]:
    """Every tEXt, zTXt and iTXt chunk of a PNG, read by the PNG specification (not by Qt)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    texts: dict[str, str] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        key, _, rest = body.partition(b"\x00")
        if kind == b"tEXt":
            texts[key.decode("latin-1")] = rest.decode("latin-1")
        elif kind == b"zTXt":
            texts[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            compressed, rest = rest[0], rest[2:]
            _language, _, rest = rest.partition(b"\x00")
            _translated, _, text = rest.partition(b"\x00")
            texts[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode("utf-8")
        at += 12 + length
    return texts


def pdf_info(data: bytes) -> dict[str, str]:
    """The document information a PDF reader finds: last trailer, its /Info object through the
    cross-reference table, hex or literal UTF-16 strings decoded."""
    startxref = int(re.findall(rb"startxref\s+(\d+)\s+%%EOF", data)[-1])
    section = data[startxref:]
    assert section.startswith(b"xref")
    trailer = section[section.index(b"trailer") : section.index(b"startxref")]
    info_number = int(re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer).group(1))  # type: ignore[union-attr]
    offset = None
    lines = section.split(b"\n")[1:]
    while lines and not lines[0].startswith(b"trailer"):
        first, count = (int(x) for x in lines[0].split())
        for i in range(count):
            if first + i == info_number:
                offset = int(lines[1 + i][:10])
        lines = lines[1 + count :]
    assert offset is not None, "the /Info object is not in the last cross-reference section"
    body = data[offset : data.index(b"endobj", offset)]
    assert body.startswith(b"%d 0 obj" % info_number)
    fields = {}
    for key, value in re.findall(rb"/(\w+)\s*<FEFF([0-9A-F]*)>", body):
        fields[key.decode()] = bytes.fromhex(value.decode()).decode("utf-16-be")
    return fields


def test_png_carries_the_description_in_a_text_chunk(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    export_map(scene, out)
    texts = png_texts(out.read_bytes())
    assert texts["Description"] == describe_map(scene.document.map)
    assert texts["Title"] == scene.document.map.title


def test_svg_has_the_title_and_the_description(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_map(scene, out)
    root = ET.parse(out).getroot()
    title = next(node for node in root if node.tag.endswith("title"))
    desc = next(node for node in root if node.tag.endswith("desc"))
    assert title.text == scene.document.map.title
    assert desc.text == describe_map(scene.document.map)
    assert len(list(desc)) == 0  # plain text: a name with markup made no elements


def test_pdf_has_subject_and_keywords(scene: MapScene, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    export_map(scene, out)
    info = pdf_info(out.read_bytes())
    wardley_map = scene.document.map
    assert info["Title"] == wardley_map.title
    assert info["Subject"] == describe_one_line(wardley_map)
    keywords = info["Keywords"].split(", ")
    assert keywords[0] == "Wardley map"
    assert wardley_map.elements[1].name in keywords


def test_the_clipboard_image_carries_the_description_too(scene: MapScene) -> None:
    assert render_image(scene).text("Description") == describe_map(scene.document.map)


def test_a_pdf_without_a_trailer_is_refused() -> None:
    with pytest.raises(PdfInfoError):
        with_info(b"%PDF-1.4\nnot really\n", {"Subject": "x"})
