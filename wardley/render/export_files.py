"""Writing a map's scene to PNG, SVG or PDF files (and to a QImage for the
clipboard). The picture is the canvas's own scene painted with editing chrome
hidden; nothing here draws map content itself.

Files are written atomically: Qt paints into a temporary file beside the
target, which is renamed over it only when painting succeeded."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import QMarginsF, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFontInfo, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from wardley.io.formats import formats, suffix_list
from wardley.render.export import map_bounds, render_map
from wardley.render.items.text_block import TextBlock, recording_blocks
from wardley.render.legend import Legend, legend_entries, legend_placement
from wardley.render.scene import MapScene

ImageFormat = Literal["png", "svg", "pdf"]
#: Suffix -> picture type, from the format registry (wardley/io/formats.py).
FORMATS: dict[str, ImageFormat] = {f.suffix: cast(ImageFormat, f.key) for f in formats("picture")}
DEFAULT_WIDTH_PX = 2400
#: Scene units are laid out as screen pixels at 96 per inch (the map is about
#: 11 inches wide: it fills an A4 landscape page at its natural size).
SCENE_DPI = 96.0
PDF_MARGIN_MM = 10.0
#: For Qt's PNG writer "quality" only sets the zlib effort (PNG is lossless):
#: 80 means level 1, measured the quickest with files within 5% of the default.
PNG_QUALITY = 80
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
    painter = QPainter(image)
    try:
        picture.paint(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def _write_png(scene: MapScene, temp: str, options: ExportOptions) -> None:
    if not render_image(scene, options).save(temp, "PNG", PNG_QUALITY):
        raise ExportError("Qt could not encode the PNG")


def _write_svg(scene: MapScene, temp: str, options: ExportOptions) -> None:
    from PySide6.QtSvg import QSvgGenerator  # only SVG needs the module: keep PNG start-up short

    picture = _Picture(scene, options.legend)
    # One SVG user unit per scene unit: text sizes stay what the map uses.
    width = round(picture.source.width())
    height = round(picture.source.height())
    generator = QSvgGenerator()
    generator.setFileName(temp)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setResolution(round(SCENE_DPI))
    generator.setTitle(scene.document.map.title)
    generator.setDescription("Wardley map drawn by wardley")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError("Qt could not start the SVG")
    with recording_blocks() as blocks:
        try:
            picture.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
    _name_real_fonts(temp, scene, blocks)


def _name_real_fonts(svg_path: str, scene: MapScene, blocks: list[TextBlock]) -> None:
    """Qt writes the family as asked ("Sans Serif", a Qt alias no browser knows,
    so they fall back to a serif face). Name the face Qt really used, then
    common sans-serif faces of similar width, then the generic family.
    Also joins each wrapped label's lines into one searchable ``<text>``."""
    from wardley.render.svg_text import join_wrapped_labels

    asked = scene.ctx.theme.font_family
    used = QFontInfo(scene.ctx.label_font).family()
    families = ", ".join(dict.fromkeys(f"'{name}'" for name in (used, "DejaVu Sans", "Verdana", "Arial") if name))
    with open(svg_path, "rb") as handle:
        data = join_wrapped_labels(handle.read().decode("utf-8"), blocks).encode("utf-8")
    before = f'font-family="{_xml_attr(asked)}"'.encode()
    after = f'font-family="{_xml_attr(families)}, sans-serif"'.encode()
    with open(svg_path, "wb") as handle:
        handle.write(data.replace(before, after))


def _xml_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _write_pdf(scene: MapScene, temp: str, options: ExportOptions) -> None:
    picture = _Picture(scene, options.legend)
    writer = QPdfWriter(temp)
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
        painter.end()


_WRITERS: dict[ImageFormat, Callable[[MapScene, str, ExportOptions], None]] = {
    "png": _write_png,
    "svg": _write_svg,
    "pdf": _write_pdf,
}


def export_map(scene: MapScene, path: str | os.PathLike[str], options: ExportOptions = ExportOptions()) -> None:
    """Write the scene to ``path`` (type from its extension), atomically.

    Raises :class:`ExportError` with a one-line message; on failure the target
    is untouched and no temporary file is left behind."""
    kind = image_format(path)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}")
    except FileNotFoundError:
        why = f"no file can be created in folder {str(folder)!r}" if folder.is_dir() else f"folder {str(folder)!r} does not exist"
        raise ExportError(f"{path}: cannot write: {why}") from None
    except PermissionError:
        raise ExportError(f"{path}: cannot write: permission denied in {str(folder)!r}") from None
    except OSError as error:
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    os.close(fd)
    try:
        _WRITERS[kind](scene, temp, options)
        if os.path.getsize(temp) == 0:
            raise ExportError("nothing was written")
        _fsync(temp)
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except ExportError as error:
        _remove(temp)
        raise ExportError(f"{path}: cannot write the {kind.upper()}: {error}") from None
    except OSError as error:
        _remove(temp)
        raise ExportError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        _remove(temp)
        raise


def _mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets the umask's (mkstemp's are 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync(path: str) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


__all__ = ["DEFAULT_WIDTH_PX", "ExportError", "ExportOptions", "export_map", "export_region", "image_format", "render_image"]
