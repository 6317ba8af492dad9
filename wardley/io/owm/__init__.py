"""OnlineWardleyMaps (OWM) text: reading it into our model and writing it back.

``parse_owm`` never raises on odd text: every line it cannot read becomes a
warning with its line number, and the rest of the map still imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wardley.io.problems import Problem
from wardley.model.entities import WardleyMap


@dataclass
class OwmResult:
    map: WardleyMap
    #: Lines outside OWM's syntax (or values our model cannot hold), each with its line number.
    warnings: list[Problem] = field(default_factory=list)
    #: Links, evolve and method lines naming no element. OWM ignores these silently and real
    #: maps are full of them (components commented out, links left behind), so they are kept
    #: apart from the warnings: the map looks the same as in OWM without them.
    dropped: list[Problem] = field(default_factory=list)


def parse_owm(text: str) -> OwmResult:
    from wardley.io.owm.assemble import Assembler, owm_problems
    from wardley.io.owm.reader import LineReader

    reader = LineReader()
    reader.read(text)
    assembler = Assembler(reader)
    wardley_map = assembler.build()
    return OwmResult(wardley_map, owm_problems(reader.problems), owm_problems(assembler.dropped))


def format_owm(wardley_map: WardleyMap) -> str:
    from wardley.io.owm.writer import format_owm as write

    return write(wardley_map)


__all__ = ["OwmResult", "format_owm", "parse_owm"]
