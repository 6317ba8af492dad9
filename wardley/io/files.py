"""Opening and saving map files of either format, with one-line errors for bad input."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from wardley.io import formats as registry
from wardley.io.atomic import FileInUseError, write_atomically
from wardley.io.json_format import parse_json_map
from wardley.io.limits import MAX_FILE_BYTES
from wardley.io.problems import MapFileError, Problem, ReadFailure
from wardley.model.entities import WardleyMap
from wardley.wording import counted

#: A map format's key in :mod:`wardley.io.formats` ("json", "owm", ...).
FileFormat = str
OWM_SUFFIXES = registry.format_named("map", "owm").suffixes
JSON_SUFFIXES = registry.format_named("map", "json").suffixes
#: Every suffix a map file may have (Open, drag-and-drop).
MAP_SUFFIXES = registry.suffixes("map")


@dataclass
class LoadedMap:
    map: WardleyMap
    format: FileFormat
    #: Lines an OWM import skipped or read in a guessed way; empty for JSON.
    warnings: list[Problem] = field(default_factory=list)
    #: OWM lines naming nothing on the map, left out as OWM leaves them out; empty for JSON.
    dropped: list[Problem] = field(default_factory=list)


def format_of(path: str | os.PathLike[str]) -> FileFormat:
    found = registry.format_for(path, "map")
    if found is not None:
        return found.key
    uses = ", ".join(f"{' '.join(f.suffixes)} for {f.name}" for f in registry.formats("map"))
    raise MapFileError.single(str(path), f"unknown file type (use {uses})")


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text, or a :class:`MapFileError` saying plainly why not."""
    source = str(path)
    try:
        # Non-blocking, so that a named pipe is refused below instead of waiting for a writer;
        # O_BINARY (Windows only) so no newline or Ctrl+Z is translated before the bytes are checked.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise MapFileError.single(source, "not a regular file (a pipe, device or socket)")
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise MapFileError.single(source, "no such file") from None
    except IsADirectoryError:
        raise MapFileError.single(source, "is a folder, not a map file") from None
    except PermissionError:
        raise MapFileError.single(source, "permission denied: cannot read the file") from None
    except OSError as error:
        raise MapFileError.single(source, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise MapFileError.single(source, f"too large: over {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data:
        raise MapFileError.single(source, "not a text file (it holds binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MapFileError.single(source, f"not UTF-8 text (bad byte at offset {error.start})") from None


def parse_map_text(text: str, file_format: FileFormat, source: str) -> LoadedMap:
    """The one place loading ends: the map, or a :class:`MapFileError` naming ``source``.

    A reader is meant to refuse bad text itself; anything else it lets escape (a bug found by
    a hostile file) is still refused in one line here, never shown as a traceback. Running out
    of memory is not the file's fault, so it is left to reach the top.
    """
    try:
        return _parse_map_text(text, file_format, source)
    except (MapFileError, MemoryError):
        raise
    except ReadFailure as failure:
        raise _unreadable(source, failure.cause, f"line {failure.line}" if failure.line else "") from None
    except RecursionError:
        raise MapFileError.single(source, "not a map: it is nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - see the docstring
        raise _unreadable(source, error, "") from None


def _unreadable(source: str, error: BaseException, place: str) -> MapFileError:
    if isinstance(error, MemoryError):
        raise error
    if isinstance(error, RecursionError):
        return MapFileError.single(source, "too complex to read: it is nested too deeply", place)
    detail = (str(error).splitlines() or [""])[0][:120]
    return MapFileError.single(source, f"cannot be read ({type(error).__name__}: {detail})", place)


def _parse_map_text(text: str, file_format: FileFormat, source: str) -> LoadedMap:
    return registry.map_reader(registry.format_named("map", file_format))(text, source)


def read_json_map(text: str, source: str) -> LoadedMap:
    return LoadedMap(parse_json_map(text, source), "json")


def read_owm_map(text: str, source: str) -> LoadedMap:
    from wardley.io.owm import parse_owm

    result = parse_owm(text, source)
    if result.warnings and _nothing_read(result.map):
        # Every line was skipped: most likely not OWM at all (a wrong file, or binary junk that
        # happens to decode). One error beats an empty map and a warning for every line.
        raise MapFileError.single(
            source,
            "not an OWM map: "
            + ("its one line could not be read" if result.warning_count == 1
               else f"none of its {counted(result.warning_count, 'line')} could be read"),
            result.warnings[0].place,
        )
    return LoadedMap(result.map, "owm", result.warnings, result.dropped)


def _nothing_read(wardley_map: WardleyMap) -> bool:
    return wardley_map == WardleyMap()


def load_map(path: str | os.PathLike[str]) -> LoadedMap:
    text = read_text(path)  # first, so a missing file is called missing, whatever its name
    return parse_map_text(text, format_of(path), str(path))


def map_text(wardley_map: WardleyMap, file_format: FileFormat) -> str:
    return registry.map_writer(registry.format_named("map", file_format))(wardley_map)


def save_map(path: str | os.PathLike[str], wardley_map: WardleyMap, file_format: FileFormat | None = None) -> None:
    """Save atomically in the format the name asks for; the old file survives any failure."""
    write_text_file(path, map_text(wardley_map, file_format or format_of(path)))


def write_text_file(path: str | os.PathLike[str], text: str) -> None:
    """Replace the file atomically; a failure is a :class:`MapFileError` saying why, in plain words."""
    try:
        write_atomically(path, text.encode("utf-8"))
    except IsADirectoryError:
        raise MapFileError.single(str(path), "is a folder: cannot save over it") from None
    except FileNotFoundError:
        folder = Path(path).parent
        why = f"no file can be created in folder '{folder}'" if folder.is_dir() else f"folder '{folder}' does not exist"
        raise MapFileError.single(str(path), f"cannot save: {why}") from None
    except NotADirectoryError:
        raise MapFileError.single(str(path), f"cannot save: '{Path(path).parent}' is not a folder") from None
    except FileInUseError as error:
        raise MapFileError.single(str(path), f"cannot save: {error.strerror}") from None
    except PermissionError:
        raise MapFileError.single(str(path), "permission denied: cannot write here") from None
    except OSError as error:
        raise MapFileError.single(str(path), f"cannot save: {error.strerror or error}") from None
