"""OnlineWardleyMaps (OWM) text: reading it into our model and writing it back.

``parse_owm`` never raises on odd text: every line it cannot read becomes a
warning with its line number, and the rest of the map still imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardley.io.limits import TooLarge
from wardley.io.problems import MAX_PROBLEMS, MapFileError, Problem
from wardley.model.entities import WardleyMap

if TYPE_CHECKING:
    from wardley.io.owm.assemble import Assembler


@dataclass
class OwmResult:
    map: WardleyMap
    #: Lines outside OWM's syntax (or values our model cannot hold), each with its line number.
    warnings: list[Problem] = field(default_factory=list)
    #: Links, evolve and method lines naming no element. OWM ignores these silently and real
    #: maps are full of them (components commented out, links left behind), so they are kept
    #: apart from the warnings: the map looks the same as in OWM without them.
    dropped: list[Problem] = field(default_factory=list)
    #: Warnings found, listed or not (past :data:`MAX_PROBLEMS` they are only counted).
    warning_count: int = 0


def parse_owm(text: str, source: str = "OWM text") -> OwmResult:
    """Raises :class:`MapFileError` only for text over the item limit (``source`` names it)."""
    return read_owm(text, source)[0]


def read_owm(text: str, source: str = "OWM text") -> tuple[OwmResult, Assembler]:
    """:func:`parse_owm`, with the assembler: what each line was read as (for :mod:`.line_keys`)."""
    from wardley.io.owm.assemble import Assembler, owm_problems
    from wardley.io.owm.reader import LineReader

    reader = LineReader()
    try:
        reader.read(text)
        assembler = Assembler(reader)
        wardley_map = assembler.build()
    except TooLarge as error:
        raise MapFileError.single(source, str(error), f"line {error.line}" if error.line else "") from None
    warnings = owm_problems(reader.problems)
    count = len(warnings) + reader.unlisted
    if reader.unlisted:
        warnings.append(Problem("", f"... and {reader.unlisted:,} more warnings (only the first {MAX_PROBLEMS} are listed)"))
    return OwmResult(wardley_map, warnings, owm_problems(assembler.dropped), count), assembler


def format_owm(wardley_map: WardleyMap) -> str:
    from wardley.io.owm.writer import format_owm as write

    return write(wardley_map)


__all__ = ["OwmResult", "format_owm", "parse_owm"]
