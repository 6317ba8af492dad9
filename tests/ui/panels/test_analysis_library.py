"""What the analysis dock reads and records, without a window: where decisions are
kept, a broken aliases file, and maps read again only when they changed."""

from __future__ import annotations

from pathlib import Path

from tests.ui.shell_support import small_map, write_map

from wardley.analysis import ALIASES_FILE_NAME, load_aliases
from wardley.model import Element
from wardley.ui.panels.analysis_library import MapLibrary, aliases_path


def test_decisions_are_kept_by_the_folder_analysed_else_by_the_saved_map(tmp_path: Path) -> None:
    folder, saved = tmp_path / "library", tmp_path / "elsewhere" / "map.wardley.json"
    assert aliases_path(folder, saved) == folder / ALIASES_FILE_NAME
    assert aliases_path(None, saved) == saved.parent / ALIASES_FILE_NAME
    assert aliases_path(None, None) is None


def test_a_broken_aliases_file_is_ignored_with_a_warning_naming_it(tmp_path: Path) -> None:
    path = tmp_path / ALIASES_FILE_NAME
    path.write_text("{ not json", encoding="utf-8")
    library = MapLibrary()
    aliases, warning = library.aliases(path)
    assert aliases is library.session_aliases
    assert warning is not None and ALIASES_FILE_NAME in warning and "not valid JSON" in warning
    assert library.aliases(tmp_path / "missing.json") == (library.session_aliases, None)


def test_decisions_go_to_the_file_or_else_to_the_session(tmp_path: Path) -> None:
    library = MapLibrary()
    path = tmp_path / ALIASES_FILE_NAME
    library.record_merge(path, "Payments", "Card machines")
    assert load_aliases(path).lookup("Card machines").capability == "Payments"
    library.record_merge(None, "Hosting", "Cloud hosting")
    library.record_keep_apart(None, ("Hosting", "Web site"))
    assert library.session_aliases.lookup("Cloud hosting").capability == "Hosting"
    assert ("Hosting", "Web site") in library.session_aliases.keep_apart
    assert library.aliases(path)[0].lookup("Cloud hosting") is None, "session decisions stay out of the file"


def test_a_map_is_read_again_only_when_the_file_changed(tmp_path: Path) -> None:
    path = write_map(tmp_path / "a.wardley.json")
    library = MapLibrary()
    first = library.read(path)
    assert library.read(path) is first
    bigger = small_map().model_copy(
        update={"elements": [*small_map().elements, Element(id="new", name="New thing", evolution=0.5, visibility=0.5)]}
    )
    write_map(path, bigger)
    assert [e.name for e in library.read(path).elements][-1] == "New thing"
