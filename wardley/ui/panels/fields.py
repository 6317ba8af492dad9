"""Small input widgets shared by the dock panels."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox


def coordinate_box(tooltip: str) -> QDoubleSpinBox:
    """A 0..1 map coordinate. Only finished values (Enter, focus out, a step) are
    reported, so typing "0.75" is one undo step, not three."""
    box = QDoubleSpinBox()
    box.setRange(0.0, 1.0)
    box.setDecimals(3)
    box.setSingleStep(0.01)
    box.setKeyboardTracking(False)
    box.setToolTip(tooltip)
    return box
