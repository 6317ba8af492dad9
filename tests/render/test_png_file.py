"""The PNG encoder: files any reader decodes to the exact pixels, with resolution and text kept."""

from __future__ import annotations

import struct
import zlib

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from wardley.render.png_file import png_bytes


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, body) of every chunk, checking each CRC as a strict reader would."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        at += 12 + length
    assert at == len(data)
    return found


def patterned(width: int, height: int) -> QImage:
    """Every pixel different from its neighbours, so a misplaced row or byte shows."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            image.setPixel(x, y, QColor((x * 37) % 256, (y * 91) % 256, (x * y + 5) % 256).rgb())
    return image


def decoded_by_qt(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(QByteArray(data), "PNG")
    return image


@pytest.mark.parametrize("width", [1, 7, 64])  # 7: RGB rows padded to 4 bytes in memory
def test_any_reader_gets_back_the_exact_pixels(qapp, width: int) -> None:  # type: ignore[no-untyped-def]
    image = patterned(width, 5)
    data = png_bytes(image)
    parts = dict(chunks(data))
    assert struct.unpack(">IIBBBBB", parts[b"IHDR"]) == (width, 5, 8, 2, 0, 0, 0)
    # Read by the specification, not by Qt: each row is a filter byte then RGB triples.
    raw = zlib.decompress(b"".join(body for kind, body in chunks(data) if kind == b"IDAT"))
    assert len(raw) == (3 * width + 1) * 5
    for y in range(5):
        row = raw[y * (3 * width + 1) : (y + 1) * (3 * width + 1)]
        assert row[0] == 0
        for x in range(width):
            colour = QColor(image.pixel(x, y))
            assert tuple(row[1 + 3 * x : 4 + 3 * x]) == (colour.red(), colour.green(), colour.blue())
    assert decoded_by_qt(data).convertToFormat(QImage.Format.Format_RGB32) == image


def test_resolution_is_kept(qapp) -> None:  # type: ignore[no-untyped-def]
    image = patterned(4, 4)
    image.setDotsPerMeterX(11811)  # 300 dpi
    image.setDotsPerMeterY(11811)
    back = decoded_by_qt(png_bytes(image))
    assert (back.dotsPerMeterX(), back.dotsPerMeterY()) == (11811, 11811)


def test_text_survives_in_the_chunk_that_can_hold_it(qapp) -> None:  # type: ignore[no-untyped-def]
    image = patterned(3, 3)
    texts = {
        "Title": "Parking permits",
        "Description": "A long Latin-1 description, café included, " * 20,
        "Unicode": "東京 → map",
        "UnicodeLong": "Résumé 東京 " * 30,
    }
    for key, value in texts.items():
        image.setText(key, value)
    data = png_bytes(image)
    kinds = {body.partition(b"\x00")[0].decode(): kind for kind, body in chunks(data) if kind.endswith(b"Xt")}
    assert kinds == {"Title": b"tEXt", "Description": b"zTXt", "Unicode": b"iTXt", "UnicodeLong": b"iTXt"}
    back = decoded_by_qt(data)
    for key, value in texts.items():
        assert back.text(key) == value


def test_a_nul_in_map_text_cannot_end_a_text_chunk_early(qapp) -> None:  # type: ignore[no-untyped-def]
    image = patterned(2, 2)
    image.setText("Title", "Bins\x00 and boxes")
    assert decoded_by_qt(png_bytes(image)).text("Title") == "Bins and boxes"


def test_files_are_no_bigger_than_qts_own_for_a_flat_picture(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for y in range(0, 800, 40):
        for x in range(1200):
            image.setPixel(x, y, QColor("black").rgb())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG", 80)  # type: ignore[call-overload]
    assert len(png_bytes(image)) <= buffer.data().size()


def test_an_empty_image_is_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        png_bytes(QImage())
