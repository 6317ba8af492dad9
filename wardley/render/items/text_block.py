"""Plain-text blocks. Map text is laid out as QStaticText with the format forced
to Qt.PlainText (never the default auto-detection), so a name like ``<b>x</b>``
shows exactly those characters; the static layout is also what keeps painting
thousands of labels fast."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QStaticText

from wardley.render.context import wrap_lines


#: How far a label's halo reaches past its text, in scene units.
HALO = 2.0


#: Wrapped lines and width by (text, font, wrap width): measuring text is most of what laying
#: out a label costs, and placement lays a label out again each time it moves it.
_MEASURED: dict[tuple[str, str, float], tuple[list[str], float]] = {}
MEASURED_LIMIT = 50_000

#: While an SVG is painted: every block in paint order (render/svg_text.py joins each
#: wrapped one's lines into a single <text> afterwards).
_recording: list[TextBlock] | None = None


@contextmanager
def recording_blocks() -> Iterator[list[TextBlock]]:
    global _recording
    found: list[TextBlock] = []
    _recording = found
    try:
        yield found
    finally:
        _recording = None


def plain_static_text(line: str) -> QStaticText:
    text = QStaticText(line)
    text.setTextFormat(Qt.TextFormat.PlainText)
    return text


class TextBlock:
    """Wrapped lines whose first baseline starts at ``origin`` (OWM label semantics);
    with ``grow_up`` the LAST line's baseline sits there instead."""

    __slots__ = ("text", "lines", "font", "origin", "_ascent", "_spacing", "_width", "_static")

    def __init__(
        self, text: str, font: QFont, metrics: QFontMetricsF, origin: QPointF, wrap_width: float, grow_up: bool = False
    ) -> None:
        self.text = text
        key = (text, font.key(), wrap_width)
        measured = _MEASURED.get(key)
        if measured is None:
            lines = wrap_lines(text, metrics, wrap_width)
            measured = (lines, max((metrics.horizontalAdvance(line) for line in lines), default=0.0))
            if len(_MEASURED) >= MEASURED_LIMIT:
                _MEASURED.clear()
            _MEASURED[key] = measured
        self.lines = list(measured[0])
        self.font = font
        self._ascent = metrics.ascent()
        self._spacing = metrics.lineSpacing()
        # A label above its symbol grows upwards, so extra lines never cover the symbol.
        lift = self._spacing * (len(self.lines) - 1) if grow_up else 0.0
        self.origin = QPointF(origin.x(), origin.y() - lift)
        self._width = measured[1]
        self._static: list[QStaticText] | None = None

    def rect(self) -> QRectF:
        return QRectF(
            self.origin.x(), self.origin.y() - self._ascent, self._width, self._spacing * len(self.lines)
        )

    def paint(self, painter: QPainter, color: QColor, halo: QColor | None = None) -> None:
        """``halo``: a patch of this colour behind the text, so a line that had to cross
        the label (no clear spot was left) runs under it instead of through the letters."""
        if halo is not None:
            painter.fillRect(self.rect().adjusted(-HALO, -HALO / 2, HALO, HALO / 2), halo)
        if _recording is not None:
            _recording.append(self)
        if self._static is None:
            # Laid out on first paint: a scene built only for hit-testing never pays for it.
            self._static = [plain_static_text(line) for line in self.lines]
        painter.setFont(self.font)
        painter.setPen(color)
        # QStaticText positions by the top of the line, not the baseline.
        x, top = self.origin.x(), self.origin.y() - self._ascent
        for text in self._static:
            painter.drawStaticText(QPointF(x, top), text)
            top += self._spacing
