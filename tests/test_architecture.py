"""The model, file formats, analysis and non-drawing commands must work without Qt."""

import subprocess
import sys

from tests.conftest import ROOT

QT_FREE = ["wardley.model", "wardley.io", "wardley.io.owm", "wardley.analysis", "wardley.cli"]


def test_qt_free_packages_do_not_import_qt() -> None:
    # Block PySide6 outright: an import anywhere below these packages then fails loudly.
    probe = (
        "import importlib, importlib.util, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt imported by ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {QT_FREE!r}:\n"
        "    if importlib.util.find_spec(name) is not None:\n"
        "        importlib.import_module(name)\n"
        "import pkgutil, wardley.cli_commands as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('wardley.cli_commands.' + m.name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr
