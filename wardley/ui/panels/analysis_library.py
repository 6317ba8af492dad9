"""What the analysis dock reads and records, kept apart from its widgets: the maps
of a folder (read again only when a file changed on disk) and a room's merge
decisions (in the library's aliases file, or for this session when the map has
no folder yet). No Qt here."""

from __future__ import annotations

from pathlib import Path

from wardley.analysis import (
    ALIASES_FILE_NAME, Aliases, add_keep_apart, add_merge, add_rename, add_split, load_aliases,
)
from wardley.analysis.names import name_key
from wardley.io import MapFileError, load_map
from wardley.model import WardleyMap


def aliases_path(folder: Path | None, map_path: Path | None) -> Path | None:
    """Where a library's decisions are kept: the folder analysed, or the saved map's folder."""
    if folder is not None:
        return folder / ALIASES_FILE_NAME
    if map_path is not None:
        return map_path.parent / ALIASES_FILE_NAME
    return None


class MapLibrary:
    def __init__(self) -> None:
        #: Decisions on an unsaved map, which has no folder to keep an aliases file in.
        self.session_aliases = Aliases()
        #: Maps read, by path, with the (mtime, size) they were read at.
        self._loaded: dict[Path, tuple[tuple[int, int], WardleyMap]] = {}

    def read(self, path: Path) -> WardleyMap:
        """The map in ``path``; raises :class:`MapFileError` when it cannot be read."""
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._loaded.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, load_map(path).map)
            self._loaded[path] = cached
        return cached[1]

    def aliases(self, path: Path | None) -> tuple[Aliases, str | None]:
        """The decisions to analyse with, and a one-line warning when the file was unusable."""
        if path is None or not path.is_file():
            return self.session_aliases, None
        try:
            return load_aliases(path), None
        except MapFileError as error:
            return self.session_aliases, f"Ignoring the aliases file: {error.lines()[0]}"

    def record_merge(self, path: Path | None, kept: str, merged: str) -> None:
        """Count ``merged`` as ``kept`` from now on; raises :class:`MapFileError` if the file cannot be written."""
        if path is None:
            self.session_aliases.merges.setdefault(kept, []).append(merged)
            self.session_aliases.reindex()
        else:
            add_merge(path, kept, [merged])

    def record_keep_apart(self, path: Path | None, names: tuple[str, str]) -> None:
        """Never suggest merging ``names`` again; raises :class:`MapFileError` if the file cannot be written."""
        if path is None:
            self.session_aliases.keep_apart.append(names)
            self.session_aliases.reindex()
        else:
            add_keep_apart(path, *names)

    def record_rename(self, path: Path | None, capability: str, new_name: str) -> None:
        """Report ``capability`` as ``new_name`` from now on; raises :class:`MapFileError` if the file cannot be written."""
        if path is None:
            renames = self.session_aliases.renames
            earlier = next((old for old, new in renames.items() if name_key(new) == name_key(capability)), None)
            renames[earlier or capability] = new_name
            self.session_aliases.reindex()
        else:
            add_rename(path, capability, new_name)

    def record_split(self, path: Path | None, component_name: str) -> None:
        """Make ``component_name`` a capability of its own; raises :class:`MapFileError` if the file cannot be written."""
        if path is None:
            self.session_aliases.split.append(component_name)
            self.session_aliases.reindex()
        else:
            add_split(path, component_name)
