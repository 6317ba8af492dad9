from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> QApplication:
    # Undo stacks and the Edit menu's actions are QObjects: they want an application.
    return qapp
