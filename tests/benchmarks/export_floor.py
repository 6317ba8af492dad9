"""The bare-Qt floor for ``bench_export.py``: the least a program must do to draw a map's
picture with Qt, run as its own process so its whole cost is measured as ours is.

    python export_floor.py MAP.wardley.json OUT.png [--encoder qt|zlib] [--width PX]

It imports only PySide6.QtGui and the standard library (no wardley, no pydantic, no
QtWidgets scene), reads the map with ``json``, and paints straight onto a QImage what
``wardley export`` paints for the same map: the frame and stage lines, one line per link with
the export's pen, each element's symbol (a ring) with its build / buy / outsource halo
drawn as the export draws it, and one line of label text per element, at the same scale
(2,400 px wide). It leaves out what the real picture adds: label placement, wrapping,
the shipped font (Qt's default face is used), legend, title layout, evolve arrows, notes.

``--encoder qt`` saves with Qt's PNG writer at quality 80 (the issue's floor);
``--encoder zlib`` writes the PNG as ``wardley export`` now does (no row filters,
zlib level 1), so the floor pays no more for encoding than we do.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import zlib

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPen

# Scene geometry and padding as wardley/render/geometry.py and export_files.py (copied
# numbers, not imports: the floor must not pay for importing wardley).
MAP_W, MAP_H = 1000.0, 700.0
SCENE = QRectF(-46.0 - 12.0, -46.0 - 12.0, 1070.0 + 24.0, 800.0 + 24.0)
HALO = 17.0


def quick_png(image: QImage) -> bytes:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = memoryview(rgb.constBits()).cast("B")
    compressor = zlib.compressobj(1)
    parts = []
    for y in range(height):
        parts.append(compressor.compress(b"\x00"))
        parts.append(compressor.compress(pixels[y * stride : y * stride + 3 * width]))
    parts.append(compressor.flush())

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts))
            + chunk(b"IEND", b""))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("map")
    parser.add_argument("out")
    parser.add_argument("--encoder", choices=("qt", "zlib"), default="zlib")
    parser.add_argument("--width", type=int, default=2400)
    args = parser.parse_args()
    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    with open(args.map, encoding="utf-8") as file:
        data = json.load(file)
    where = {e["id"]: QPointF(e["evolution"] * MAP_W, (1 - e["visibility"]) * MAP_H) for e in data["elements"]}

    width = args.width
    height = round(width * SCENE.height() / SCENE.width())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scale = width / SCENE.width()
    painter.scale(scale, scale)
    painter.translate(-SCENE.x(), -SCENE.y())
    font = QFont()
    font.setPixelSize(11)
    painter.setFont(font)

    painter.setPen(QPen(QColor("#000000"), 1.0))
    painter.drawRect(QRectF(0, 0, MAP_W, MAP_H))
    painter.setPen(QPen(QColor("#999999"), 1.0, Qt.PenStyle.DashLine))
    for x in (0.174, 0.4, 0.7):
        painter.drawLine(QPointF(x * MAP_W, 0), QPointF(x * MAP_W, MAP_H))
    painter.drawText(QPointF(0, -20), str(data.get("title", "")))

    painter.setPen(QPen(QColor("#6B6B6B"), 1.1))
    for link in data.get("links", []):
        painter.drawLine(where[link["source"]], where[link["target"]])

    halo_pen = QPen(QColor("#555555"), 1.2)
    ring_pen = QPen(QColor("#000000"), 1.5)
    white = QBrush(QColor("#FFFFFF"))
    for element in data["elements"]:
        at = where[element["id"]]
        method = element.get("method", "none")
        if method != "none":
            painter.setPen(halo_pen)
            if method == "buy":
                painter.setBrush(white)
                painter.drawEllipse(at, HALO, HALO)
                painter.setBrush(QBrush(QColor("#56B4E9"), Qt.BrushStyle.BDiagPattern))
            else:
                painter.setBrush(QBrush(QColor("#FFFFFF" if method == "build" else "#4D4D4D")))
            painter.drawEllipse(at, HALO, HALO)
        painter.setPen(ring_pen)
        painter.setBrush(white)
        painter.drawEllipse(at, 6.0, 6.0)
        painter.setPen(QColor("#000000"))
        painter.drawText(at + QPointF(10.0, -10.0), element["name"])
    painter.end()

    if args.encoder == "qt":
        return 0 if image.save(args.out, "PNG", 80) else 1
    with open(args.out, "wb") as file:
        file.write(quick_png(image))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
