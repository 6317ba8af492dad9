"""A scene built only to be drawn (``interactive=False``, what ``wardley export``
uses) skips what editing needs, and draws exactly the same picture."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from sample_maps import rich_map
from wardley.model import MapDocument
from wardley.render import MapScene
from wardley.render.export_files import ExportOptions, render_image
from wardley.render.items import text_block


def test_an_export_scene_has_no_tooltips_or_move_notifications_and_draws_the_same(qapp) -> None:  # type: ignore[no-untyped-def]
    editing = MapScene(MapDocument(rich_map()))
    drawing = MapScene(MapDocument(rich_map()), interactive=False)
    try:
        assert any(item.toolTip() for item in editing.items())
        assert not any(item.toolTip() for item in drawing.items())
        notifying = QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        assert any(item.flags() & notifying for item in editing.elements.values())
        assert not any(item.flags() & notifying for item in drawing.items())
        options = ExportOptions(width_px=800)
        assert render_image(editing, options) == render_image(drawing, options)
    finally:
        editing.detach()
        drawing.detach()


def test_text_is_measured_once_per_name_font_and_width(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from wardley.render.context import RenderContext

    calls: list[str] = []
    real = text_block.wrap_lines

    def counting(text, metrics, width):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text, metrics, width)

    monkeypatch.setattr(text_block, "wrap_lines", counting)
    monkeypatch.setattr(text_block, "_MEASURED", {})
    ctx = RenderContext()
    from PySide6.QtCore import QPointF

    first = text_block.TextBlock("A name long enough to wrap over lines", ctx.label_font, ctx.label_metrics, QPointF(), 80)
    again = text_block.TextBlock("A name long enough to wrap over lines", ctx.label_font, ctx.label_metrics, QPointF(5, 5), 80)
    bold = text_block.TextBlock("A name long enough to wrap over lines", ctx.bold_font, ctx.bold_metrics, QPointF(), 80)
    assert len(calls) == 2  # the bold font is measured on its own
    assert first.lines == again.lines and len(first.lines) > 1
    assert first.rect().width() == again.rect().width() < bold.rect().width()
