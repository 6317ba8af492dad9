"""Problems found in a file, reported one per line as ``FILE: PLACE: reason``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 and C1 control characters and DEL: in a terminal they move the cursor, recolour or retitle it.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a file made safe for one line of a terminal: control characters shown escaped."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def printable_lines(text: str) -> str:
    """:func:`printable` line by line, keeping the line breaks."""
    if not _CONTROL_BUT_NEWLINE.search(text):
        return text  # the usual case, checked in one pass: a sector's report is millions of lines
    return "\n".join(printable(line) for line in text.split("\n"))


@dataclass(frozen=True, slots=True)
class Problem:
    #: Where in the file: a JSON path (``$.elements[3].name``) or ``line 12``.
    place: str
    message: str

    def format(self, source: str) -> str:
        place = f"{self.place}: " if self.place else ""
        # Names quoted from a hostile file must not reach a terminal as escape sequences.
        return printable(f"{source}: {place}{self.message}")


class MapFileError(Exception):
    """A file that cannot be read or written as a map. Never shown as a traceback."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    @classmethod
    def single(cls, source: str, message: str, place: str = "") -> MapFileError:
        return cls(source, [Problem(place, message)])

    def lines(self) -> list[str]:
        return [problem.format(self.source) for problem in self.problems]

    def summary(self) -> str:
        """One line: the first problem (enough to find the file) and how many more there are."""
        lines = self.lines()
        more = f" (and {len(lines) - 1} more problems; run 'wardley validate')" if len(lines) > 1 else ""
        return lines[0] + more
