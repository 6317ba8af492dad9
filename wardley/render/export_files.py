"""Writing a map's scene to PNG, SVG or PDF files (and to a QImage for the
clipboard). The picture is the canvas's own scene painted with editing chrome
hidden; nothing here draws map content itself.

Qt paints into memory; the bytes go to disk through the one atomic writer
(wardley/io/atomic.py), so a failed export leaves the old file as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFontInfo, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from wardley.io.atomic import FileInUseError, write_atomically
from wardley.io.formats import formats, suffix_list
from wardley.render.export import map_bounds, render_map
from wardley.render.items.text_block import TextBlock, recording_blocks
from wardley.render.legend import Legend, legend_entries, legend_placement
from wardley.render.pdf_info import PdfInfoError, with_info
from wardley.render.png_file import png_bytes
from wardley.render.scene import MapScene
from wardley.workshop.describe import describe_map, describe_one_line

ImageFormat = Literal["png", "svg", "pdf"]
#: Suffix -> picture type, from the format registry (wardley/io/formats.py).
FORMATS: dict[str, ImageFormat] = {f.suffix: cast(ImageFormat, f.key) for f in formats("picture")}
DEFAULT_WIDTH_PX = 2400
#: Scene units are laid out as screen pixels at 96 per inch (the map is about
#: 11 inches wide: it fills an A4 landscape page at its natural size).
SCENE_DPI = 96.0
PDF_MARGIN_MM = 10.0
#: White space around the drawing, in scene units, so nothing touches the edge.
PADDING = 12.0


class ExportError(Exception):
    """A picture could not be written; the message is one line for the user."""


@dataclass(frozen=True)
class ExportOptions:
    #: PNG width in pixels; None means 2,400 px, or the natural size at ``dpi``.
    width_px: int | None = None
    #: PNG print resolution: written into the file and, without ``width_px``,
    #: sets the pixel size (natural size in inches times dpi).
    dpi: int | None = None
    legend: bool = False


def image_format(path: str | os.PathLike[str]) -> ImageFormat:
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise ExportError(
            f"{path}: unknown picture type {suffix or '(none)'!r} (use {suffix_list('picture')})"
        ) from None


# -- what gets painted -------------------------------------------------------
class _Picture:
    """The scene region to paint plus, optionally, a legend beside it."""

    def __init__(self, scene: MapScene, legend: bool) -> None:
        self.scene = scene
        scene.flush_label_layout()
        body = map_bounds(scene)
        self.legend: Legend | None = None
        self.legend_at = QPointF()
        entries = legend_entries(scene.document.map) if legend else []
        if entries:  # an empty map has nothing to explain
            self.legend = Legend(scene.ctx, entries)
            self.legend_at, body = legend_placement(scene, self.legend, body)
        self.source = body.adjusted(-PADDING, -PADDING, PADDING, PADDING)

    def aspect(self) -> float:
        return self.source.height() / self.source.width()

    def paint(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # The map's face as the painter's default too: SVG names it even on groups without text.
        painter.setFont(self.scene.ctx.label_font)
        painter.fillRect(target, QColor(self.scene.theme.background))
        render_map(painter, target, self.scene, self.source)
        if self.legend is not None:
            # Same mapping as the scene's render: scale to fit, centred.
            scale = min(target.width() / self.source.width(), target.height() / self.source.height())
            dx = target.x() + (target.width() - self.source.width() * scale) / 2
            dy = target.y() + (target.height() - self.source.height() * scale) / 2
            painter.save()
            painter.translate(dx, dy)
            painter.scale(scale, scale)
            painter.translate(-self.source.x(), -self.source.y())
            self.legend.paint(painter, self.legend_at)
            painter.restore()


# -- formats -------------------------------------------------------------------
def export_region(scene: MapScene, legend: bool = False) -> QRectF:
    """The scene rectangle a picture shows (map, overhanging labels, legend, padding)."""
    return QRectF(_Picture(scene, legend).source)


def render_image(scene: MapScene, options: ExportOptions = ExportOptions()) -> QImage:
    """The map as a bitmap (what PNG export and the clipboard get)."""
    picture = _Picture(scene, options.legend)
    natural_inches = picture.source.width() / SCENE_DPI
    if options.width_px is not None:
        width = options.width_px
    elif options.dpi is not None:
        width = round(natural_inches * options.dpi)
    else:
        width = DEFAULT_WIDTH_PX
    width = max(16, min(width, 20_000))
    height = max(1, round(width * picture.aspect()))
    # Opaque: every theme paints its background, and RGB encodes faster than RGBA.
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(scene.theme.background))
    # Physical size: the natural size unless a dpi was asked for.
    dpi = options.dpi if options.dpi is not None else width / natural_inches
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    # The text alternative travels with the picture (a PNG text chunk; the clipboard's image).
    image.setText("Title", scene.document.map.title)
    image.setText("Description", describe_map(scene.document.map))
    painter = QPainter(image)
    try:
        picture.paint(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


class _Memory:
    """A QBuffer to paint into, whose bytes are the file's content."""

    def __init__(self) -> None:
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)

    def bytes(self) -> bytes:
        self.buffer.close()
        return bytes(self.buffer.data().data())


def _write_png(scene: MapScene, options: ExportOptions) -> bytes:
    try:
        return png_bytes(render_image(scene, options))
    except ValueError as error:
        raise ExportError(f"could not encode the PNG: {error}") from None


def _write_svg(scene: MapScene, options: ExportOptions) -> bytes:
    from PySide6.QtSvg import QSvgGenerator  # only SVG needs the module: keep PNG start-up short

    picture = _Picture(scene, options.legend)
    # One SVG user unit per scene unit: text sizes stay what the map uses.
    width = round(picture.source.width())
    height = round(picture.source.height())
    memory = _Memory()
    generator = QSvgGenerator()
    generator.setOutputDevice(memory.buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setResolution(round(SCENE_DPI))
    generator.setTitle(scene.document.map.title)
    generator.setDescription(describe_map(scene.document.map))
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError("Qt could not start the SVG")
    with recording_blocks() as blocks:
        try:
            picture.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
    return _name_real_fonts(memory.bytes(), scene, blocks)


def _name_real_fonts(data: bytes, scene: MapScene, blocks: list[TextBlock]) -> bytes:
    """Qt writes the family as asked. Name the face Qt really used (the shipped
    Atkinson Hyperlegible, or with its fallback "Sans Serif", a Qt alias no browser
    knows), then common sans-serif faces of similar width, then the generic family.
    Also joins each wrapped label's lines into one searchable ``<text>``."""
    from wardley.render.svg_text import join_wrapped_labels

    asked = scene.ctx.label_font.family()
    used = QFontInfo(scene.ctx.label_font).family()
    families = ", ".join(dict.fromkeys(f"'{name}'" for name in (used, "DejaVu Sans", "Verdana", "Arial") if name))
    data = join_wrapped_labels(data.decode("utf-8"), blocks).encode("utf-8")
    before = f'font-family="{_xml_attr(asked)}"'.encode()
    after = f'font-family="{_xml_attr(families)}, sans-serif"'.encode()
    return data.replace(before, after)


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _write_pdf(scene: MapScene, options: ExportOptions) -> bytes:
    picture = _Picture(scene, options.legend)
    memory = _Memory()
    writer = QPdfWriter(memory.buffer)
    writer.setTitle(scene.document.map.title)
    writer.setCreator("wardley")
    writer.setResolution(1200)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("Qt could not start the PDF")
    try:
        page = QRectF(painter.viewport())
        picture.paint(painter, page)
    finally:
        ended = painter.end()
    del writer  # finishes the file before the buffer is read
    data = memory.bytes()
    # Qt's PDF writer reports no failure of its own: a PDF it did not finish lacks the
    # end-of-file marker it writes last (a full disk once cut one short; now it is kept in memory).
    if not ended or b"%%EOF" not in data[-32:]:
        raise ExportError("Qt did not finish the PDF")
    return _with_pdf_description(data, scene)


def _with_pdf_description(data: bytes, scene: MapScene) -> bytes:
    """Subject: the text alternative; keywords: the names on the map (Qt's writer sets neither)."""
    wardley_map = scene.document.map
    names = dict.fromkeys(" ".join(e.name.split()) for e in wardley_map.elements)
    fields = {
        "Title": wardley_map.title,
        "Creator": "wardley",
        "Subject": describe_one_line(wardley_map),
        "Keywords": ", ".join(["Wardley map", *names]),
    }
    try:
        return with_info(data, fields)
    except PdfInfoError as error:
        raise ExportError(f"Qt wrote a PDF this version cannot add a description to ({error})") from None


_WRITERS: dict[ImageFormat, Callable[[MapScene, ExportOptions], bytes]] = {
    "png": _write_png,
    "svg": _write_svg,
    "pdf": _write_pdf,
}


def export_map(scene: MapScene, path: str | os.PathLike[str], options: ExportOptions = ExportOptions()) -> None:
    """Write the scene to ``path`` (type from its extension), atomically.

    Raises :class:`ExportError` with a one-line message; on failure the target
    is untouched and no temporary file is left behind."""
    kind = image_format(path)
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if not folder.is_dir():
        # Said before painting: a big map takes a while to draw for nothing.
        why = "is not a folder" if folder.exists() else "does not exist"
        raise ExportError(f"{path}: cannot write: folder {str(folder)!r} {why}")
    try:
        data = _WRITERS[kind](scene, options)
    except ExportError as error:
        raise ExportError(f"{path}: cannot write the {kind.upper()}: {error}") from None
    if not data:
        raise ExportError(f"{path}: cannot write the {kind.upper()}: nothing was written")
    try:
        write_atomically(path, data)
    except FileInUseError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror}") from None
    except PermissionError:
        raise ExportError(f"{path}: cannot write: permission denied in {str(folder)!r}") from None
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None


__all__ = ["DEFAULT_WIDTH_PX", "ExportError", "ExportOptions", "export_map", "export_region", "image_format", "render_image"]
