import os
from pathlib import Path

# Qt tests run offscreen; the end-to-end test starts its own X server for a real window.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT / "maps"
CORPUS = ROOT.parent / "shared" / "corpus" / "owm"
