"""The spread picture: where maps place each shared-platform candidate, for a cabinet paper.

One row per candidate; along it, one mark per placement at its evolution (shape by method:
build an open circle, buy a square, outsource a filled triangle, unmarked a small diamond), the
median as a bar, and the tier at the end of the row. The drawing is an SVG document (so each
mark can carry the map's title as a ``<title>``, shown on hover); PNG and PDF are that same
document painted by Qt's SVG renderer, so the three files show one picture.

Text from maps is escaped as XML text: it can never become markup.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from wardley.analysis.report import Capability, LibraryReport
from wardley.model.evolution import DEFAULT_BOUNDARIES, DEFAULT_STAGES

SPREAD_FORMATS = ("png", "svg", "pdf")
#: Rows drawn at most: a cabinet paper needs the candidates, not the long tail.
MAX_ROWS = 30
_LEFT, _RIGHT, _TOP, _ROW, _WIDTH = 260.0, 160.0, 70.0, 34.0, 1150.0
_INK, _GRID, _MEDIAN = "#1a1a1a", "#b0b0b0", "#d55e00"
_FILL = {"build": "#ffffff", "buy": "#56b4e9", "outsource": "#009e73", "none": "#7f7f7f"}
_PNG_WIDTH = 2400


def spread_rows(report: LibraryReport, limit: int = MAX_ROWS) -> list[Capability]:
    """The candidates (strong, then possible); when there are none, the best-scored capabilities."""
    rows = report.candidates() or sorted(report.capabilities, key=lambda item: -item.score)
    return rows[:limit]


def _mark(method: str, x: float, y: float, title: str) -> str:
    fill = _FILL.get(method, _FILL["none"])
    tip = f"<title>{escape(title)}</title>"
    style = f'fill="{fill}" stroke="{_INK}" stroke-width="1.3"'
    if method == "build":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6.5" {style}>{tip}</circle>'
    if method == "buy":
        return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" {style}>{tip}</rect>'
    if method == "outsource":
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y + 6:.1f} {x - 7:.1f},{y + 6:.1f}"
        return f'<polygon points="{points}" {style}>{tip}</polygon>'
    points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
    return f'<polygon points="{points}" {style}>{tip}</polygon>'


def spread_svg(report: LibraryReport, title: str = "Where maps place the shared-platform candidates") -> str:
    rows = spread_rows(report)
    titles = {summary.path: summary.title or Path(summary.path).name for summary in report.maps}
    plot = _WIDTH - _LEFT - _RIGHT
    height = _TOP + _ROW * max(len(rows), 1) + 90

    def x_at(evolution: float) -> float:
        return _LEFT + plot * min(max(evolution, 0.0), 1.0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {_WIDTH:.0f} {height:.0f}" font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{_WIDTH:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        f'<text x="{_LEFT:.0f}" y="28" font-size="17" fill="{_INK}">{escape(title)}</text>',
    ]
    bottom = _TOP + _ROW * max(len(rows), 1)
    edges = (0.0, *DEFAULT_BOUNDARIES, 1.0)
    for index, stage in enumerate(DEFAULT_STAGES):
        left, right = x_at(edges[index]), x_at(edges[index + 1])
        parts.append(f'<text x="{(left + right) / 2:.1f}" y="{_TOP - 12:.0f}" font-size="12" text-anchor="middle" '
                     f'fill="{_INK}">{escape(stage)}</text>')
    for boundary in edges:
        parts.append(f'<line x1="{x_at(boundary):.1f}" y1="{_TOP - 6:.0f}" x2="{x_at(boundary):.1f}" '
                     f'y2="{bottom:.0f}" stroke="{_GRID}" stroke-dasharray="4 3"/>')
    if not rows:
        parts.append(f'<text x="{_LEFT:.0f}" y="{_TOP + 22:.0f}" font-size="13" fill="{_INK}">'
                     "No capabilities to show.</text>")
    for row, capability in enumerate(rows):
        y = _TOP + _ROW * row + _ROW / 2
        parts.append(f'<line x1="{_LEFT:.0f}" y1="{y:.1f}" x2="{_LEFT + plot:.0f}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{_LEFT - 10:.0f}" y="{y + 4:.1f}" font-size="13" text-anchor="end" fill="{_INK}">'
                     f"{escape(_short(capability.name, 34))}<title>{escape(capability.name)}</title></text>")
        median = x_at(capability.evolution)
        parts.append(f'<line x1="{median:.1f}" y1="{y - 12:.1f}" x2="{median:.1f}" y2="{y + 12:.1f}" '
                     f'stroke="{_MEDIAN}" stroke-width="3"><title>median {capability.evolution:.2f}</title></line>')
        for order, placement in enumerate(capability.placements):
            # A small vertical offset keeps marks at one evolution from hiding each other.
            offset = ((order % 5) - 2) * 2.5
            label = f"{titles.get(placement.map_path, placement.map_path)}: {placement.name} at " \
                    f"{placement.evolution:.2f} ({placement.method})"
            parts.append(_mark(placement.method, x_at(placement.evolution), y + offset, label))
        parts.append(f'<text x="{_LEFT + plot + 12:.0f}" y="{y + 4:.1f}" font-size="12" fill="{_INK}">'
                     f"{escape(capability.tier)} ({len(capability.maps)} maps)</text>")
    legend_y = bottom + 40
    legend = [("build", "build"), ("buy", "buy"), ("outsource", "outsource"), ("none", "not marked")]
    x = _LEFT
    for method, words in legend:
        parts.append(_mark(method, x, legend_y, words))
        parts.append(f'<text x="{x + 12:.0f}" y="{legend_y + 4:.0f}" font-size="12" fill="{_INK}">{words}</text>')
        x += 120
    parts.append(f'<line x1="{x:.0f}" y1="{legend_y - 10:.0f}" x2="{x:.0f}" y2="{legend_y + 10:.0f}" '
                 f'stroke="{_MEDIAN}" stroke-width="3"/>')
    parts.append(f'<text x="{x + 10:.0f}" y="{legend_y + 4:.0f}" font-size="12" fill="{_INK}">median placement</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def spread_bytes(report: LibraryReport, kind: str) -> bytes:
    """The picture as file contents of ``kind`` (png, svg or pdf)."""
    svg = spread_svg(report).encode("utf-8")
    if kind == "svg":
        return svg
    if kind not in SPREAD_FORMATS:
        raise ValueError(f"unknown picture type {kind!r}")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    size = renderer.defaultSize()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    painter = QPainter()
    if kind == "png":
        scale = _PNG_WIDTH / size.width()
        image = QImage(_PNG_WIDTH, round(size.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter.begin(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes a str; its stubs say bytes
    else:
        writer = QPdfWriter(buffer)
        writer.setCreator("wardley")
        writer.setTitle("Shared-platform spread")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        painter.begin(writer)
        page = QRectF(painter.viewport())
        ratio = min(page.width() / size.width(), page.height() / size.height())
        renderer.render(painter, QRectF(0, 0, size.width() * ratio, size.height() * ratio))
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def write_spread(report: LibraryReport, path: str | os.PathLike[str], kind: str | None = None) -> None:
    """Write the picture to ``path`` atomically (type from ``kind`` or the extension)."""
    from wardley.io.atomic import write_atomically

    chosen = kind or Path(path).suffix.lower().lstrip(".")
    write_atomically(path, spread_bytes(report, chosen))


__all__: Sequence[str] = ["SPREAD_FORMATS", "spread_bytes", "spread_rows", "spread_svg", "write_spread"]
