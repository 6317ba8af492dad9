import os
from pathlib import Path

import pytest

# Qt tests run offscreen; the end-to-end test starts its own X server for a real window.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT / "maps"
CORPUS = ROOT.parent / "shared" / "corpus" / "owm"
OWM_SUFFIXES = (".owm", ".wm", ".txt")


# -- the shared OWM corpus ---------------------------------------------------------------------
# A clone with nothing beside it has no ../shared. Its tests then skip with one line saying so,
# except under CI (CI set), which must always run them: there its absence is a failure.
def corpus_missing() -> str | None:
    """Why the corpus cannot be used, or None when it is there (benchmarks print this)."""
    if CORPUS.is_dir() and any(CORPUS.glob("*.owm")):
        return None
    return f"the shared OWM corpus is not at {CORPUS} (it lives in ../shared beside the clone)"


def need_corpus() -> Path:
    """The corpus folder; skips the calling test when it is missing, or fails it when CI is set."""
    reason = corpus_missing()
    if reason is None:
        return CORPUS
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the corpus tests must run", pytrace=False)
    pytest.skip(reason)


def corpus_files(suffixes: tuple[str, ...] = (".owm",)) -> list[Path]:
    """The corpus's maps, for parametrize. Without the corpus: one placeholder, so the test is
    still collected and its ``corpus`` fixture skips it (or fails it under CI)."""
    files = sorted(path for path in CORPUS.glob("*") if path.suffix in suffixes)
    return files or [CORPUS / "(corpus missing)"]


@pytest.fixture
def corpus() -> Path:
    """Every test that reads the shared corpus asks for this fixture."""
    return need_corpus()


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    # pytest-qt keeps one QApplication until the process exits. Data a test put on the
    # clipboard is then deleted by Qt's exit handlers after Python has shut down, which
    # crashes the process (exit 139) although every test passed: free it while Python runs.
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        widgets.QApplication.clipboard().clear()
