"""The model, file formats, analysis, workshop logic and non-drawing commands must work
without Qt: every module below them is imported with PySide6 blocked."""

import subprocess
import sys

from tests.conftest import ROOT

QT_FREE = ["wardley.model", "wardley.io", "wardley.analysis", "wardley.workshop", "wardley.cli_commands"]

PROBE = f"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt imported by a Qt-free module: ' + name)

sys.meta_path.insert(0, BlockQt())
import wardley.cli
count = 0
for package_name in {QT_FREE!r}:
    package = importlib.import_module(package_name)
    for module in pkgutil.walk_packages(package.__path__, package_name + '.'):
        importlib.import_module(module.name)
        count += 1
print('imported', count)
"""


def test_qt_free_packages_do_not_import_qt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 40
