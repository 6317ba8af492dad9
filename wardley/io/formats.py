"""Every kind of file wardley reads or writes, in one table.

Three roles: MAP formats (read and written by Open/Save, ``convert``, ``validate``,
``diff``, ``analyse`` and drag-and-drop), PICTURE formats (``export`` and File >
Export) and REPORT formats (``analyse --format``). The CLI's help and errors, the
app's dialog filters and menus, and the README all follow this table.

Readers and writers are named as ``"module:function"`` and imported only when
used, so this module (like all of ``wardley.io``) never imports Qt; pictures are
drawn by ``wardley.render`` and say so with ``needs_qt``.

Adding a text MAP format (say Mermaid) is one ``Format`` row below plus a module
with its reader ``(text, source) -> LoadedMap`` and writer ``(WardleyMap) -> str``:
``convert`` then handles it with every other map format, and Open/Save offer it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from wardley.io.files import LoadedMap
    from wardley.model.entities import WardleyMap

Role = Literal["map", "picture", "report"]
#: Map readers turn a file's text (and its name, for messages) into a map and its warnings.
MapReader = Callable[[str, str], "LoadedMap"]
MapWriter = Callable[["WardleyMap"], str]


@dataclass(frozen=True)
class Format:
    #: Short name, unique within its role: the CLI's ``--format`` value, the saved-format tag.
    key: str
    role: Role
    #: For people: dialog filters, menus, messages ("OWM text").
    name: str
    #: Lower case with the dot; the first is what Save and Export add to a bare name.
    suffixes: tuple[str, ...]
    #: One sentence on what it is for (tooltips, help).
    description: str
    #: ``"module:function"``, imported when first used.
    reader: str | None = None
    writer: str | None = None
    needs_qt: bool = False

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    def dialog_filter(self, all_suffixes: bool = True) -> str:
        shown = self.suffixes if all_suffixes else self.suffixes[:1]
        return f"{self.name} ({' '.join('*' + s for s in shown)})"

    def matches(self, path: str | os.PathLike[str]) -> bool:
        return Path(path).name.lower().endswith(self.suffixes)


FORMATS: tuple[Format, ...] = (
    Format("json", "map", "wardley map", (".wardley.json", ".json"),
           "wardley's own format: every field, diff-friendly JSON",
           reader="wardley.io.files:read_json_map", writer="wardley.io.json_format:dump_json_map"),
    Format("owm", "map", "OWM text", (".owm", ".wm", ".txt"),
           "OnlineWardleyMaps text, what most existing maps are in",
           reader="wardley.io.files:read_owm_map", writer="wardley.io.owm:format_owm"),
    Format("mermaid", "map", "Mermaid diagram", (".mmd",),
           "a Mermaid wardley-beta diagram, drawn by GitHub, GitLab and most wikis",
           reader="wardley.io.mermaid:read_mermaid_map", writer="wardley.io.mermaid:write_mermaid_map"),
    Format("markdown", "map", "Markdown with a Mermaid diagram", (".md",),
           "a Markdown page: the title, the map as a Mermaid diagram and its text description",
           reader="wardley.io.mermaid:read_markdown_map", writer="wardley.io.mermaid:write_markdown_map"),
    Format("png", "picture", "PNG image", (".png",),
           "PNG image, 2,400 pixels wide (slides, web pages, documents)",
           writer="wardley.render.export_files:export_map", needs_qt=True),
    Format("svg", "picture", "SVG drawing", (".svg",),
           "SVG vector drawing with searchable text (web pages, further editing)",
           writer="wardley.render.export_files:export_map", needs_qt=True),
    Format("pdf", "picture", "PDF document", (".pdf",),
           "PDF, one A4 landscape page with embedded fonts (reports, board papers)",
           writer="wardley.render.export_files:export_map", needs_qt=True),
    Format("text", "report", "plain text report", (".txt",), "for reading in a terminal",
           writer="wardley.analysis.formats:report_to_text"),
    Format("json", "report", "JSON report", (".json",), "for other programs",
           writer="wardley.analysis.formats:report_to_json"),
    Format("markdown", "report", "Markdown report", (".md",), "for wikis and documents",
           writer="wardley.analysis.formats:report_to_markdown"),
    Format("csv", "report", "CSV table", (".csv",), "for spreadsheets",
           writer="wardley.analysis.formats:report_to_csv"),
    # The spread picture of an analysis (rows of candidates, a mark per map): written to a file.
    Format("png", "report", "Spread picture, PNG", (".png",), "the spread picture as a PNG image (-o OUT)",
           writer="wardley.render.spread:write_spread", needs_qt=True),
    Format("svg", "report", "Spread picture, SVG", (".svg",),
           "the spread picture as SVG, each map's title on hover (-o OUT)",
           writer="wardley.render.spread:write_spread", needs_qt=True),
    Format("pdf", "report", "Spread picture, PDF", (".pdf",), "the spread picture as an A4 PDF page (-o OUT)",
           writer="wardley.render.spread:write_spread", needs_qt=True),
)


def formats(role: Role) -> tuple[Format, ...]:
    return tuple(f for f in FORMATS if f.role == role)


def format_named(role: Role, key: str) -> Format:
    for candidate in formats(role):
        if candidate.key == key:
            return candidate
    raise KeyError(f"no {role} format {key!r}")


def suffixes(role: Role) -> tuple[str, ...]:
    return tuple(s for f in formats(role) for s in f.suffixes)


def format_for(path: str | os.PathLike[str], role: Role) -> Format | None:
    """The format the file's name asks for (the longest matching suffix wins), or None."""
    found = [(len(s), f) for f in formats(role) for s in f.suffixes if Path(path).name.lower().endswith(s)]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def suffix_list(role: Role) -> str:
    """``.png, .svg or .pdf``: for messages and help."""
    names = [f.suffix if role != "map" else ", ".join(f.suffixes) for f in formats(role)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def open_filters(role: Role = "map", everything: str = "Maps") -> str:
    """An Open dialog's filter list: every suffix first, then one entry per format."""
    every = " ".join("*" + s for s in suffixes(role))
    return ";;".join([f"{everything} ({every})", *(f.dialog_filter() for f in formats(role))])


def save_filters(role: Role = "map") -> str:
    """A Save dialog's filter list: each format with the suffix a bare name gets."""
    return ";;".join(f.dialog_filter(all_suffixes=False) for f in formats(role))


def _resolve(reference: str) -> object:
    module, _, name = reference.partition(":")
    return cast(object, getattr(importlib.import_module(module), name))


def map_reader(file_format: Format) -> MapReader:
    if file_format.role != "map" or file_format.reader is None:
        raise ValueError(f"{file_format.name} is not a map format that can be read")
    return cast(MapReader, _resolve(file_format.reader))


def map_writer(file_format: Format) -> MapWriter:
    if file_format.role != "map" or file_format.writer is None:
        raise ValueError(f"{file_format.name} is not a map format that can be written")
    return cast(MapWriter, _resolve(file_format.writer))


def writer_of(file_format: Format) -> object:
    """The writer function for a picture or report format (its caller knows its signature)."""
    if file_format.writer is None:
        raise ValueError(f"{file_format.name} cannot be written")
    return _resolve(file_format.writer)
