"""Problems found in a file, reported one per line as ``FILE: PLACE: reason``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Problems listed for one file; beyond this they are only counted, so that the cost of a
#: broken file (and of printing it) is bounded by the file, not by its problems squared.
MAX_PROBLEMS = 100

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


# The same characters in UTF-8: C0 but newline, DEL, and C1 (two bytes, the first \xc2).
_CONTROL_BUT_NEWLINE_UTF8 = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def has_control_bytes(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character :func:`printable_lines` would escape."""
    return _CONTROL_BUT_NEWLINE_UTF8.search(data) is not None


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

    def __init__(self, source: str, problems: list[Problem], more: int = 0) -> None:
        self.source = source
        self.problems = problems[:MAX_PROBLEMS]
        #: Problems found but not listed (beyond :data:`MAX_PROBLEMS`).
        self.more = more + len(problems) - len(self.problems)
        super().__init__("\n".join(self.lines()))

    def __reduce__(self) -> tuple[type[MapFileError], tuple[str, list[Problem], int]]:
        # Rebuilt from its parts, not its message: a worker process loading maps sends it back whole.
        return type(self), (self.source, self.problems, self.more)

    @classmethod
    def single(cls, source: str, message: str, place: str = "") -> MapFileError:
        return cls(source, [Problem(place, message)])

    def lines(self) -> list[str]:
        lines = [problem.format(self.source) for problem in self.problems]
        if self.more:
            lines.append(printable(f"{self.source}: ... and {self.more:,} more problems (only the first {MAX_PROBLEMS} are listed)"))
        return lines

    def count(self) -> int:
        return len(self.problems) + self.more

    def summary(self) -> str:
        """One line: the first problem (enough to find the file) and how many more there are."""
        others = self.count() - 1
        more = f" (and {others:,} more problems; run 'wardley validate')" if others > 0 else ""
        return self.problems[0].format(self.source) + more


class ProblemList:
    """Problems collected up to :data:`MAX_PROBLEMS`; the rest are counted, never built."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.more = 0

    def __bool__(self) -> bool:
        return bool(self.items)

    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def add(self, problem: Problem) -> None:
        if self.full():
            self.more += 1
        else:
            self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def error(self, source: str) -> MapFileError:
        return MapFileError(source, self.items, self.more)


class ReadFailure(Exception):
    """An unexpected exception inside a reader, with the line it was reading (0: not known)."""

    def __init__(self, line: int, cause: BaseException) -> None:
        super().__init__(line, cause)
        self.line = line
        self.cause = cause
