"""Reading the pieces of an OWM line: comments, quoted names, numbers, brackets, clauses.

Every function here is total: odd input gives a best reading (and, where it
matters, a reason), never an exception. The reader and the writer share the
quoting rules so that what one writes the other reads back exactly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Our own comments carry what OWM has no place for (see README "OWM text").
_META = re.compile(r"^\s*(wardley(?:-map|-snapshot)?):\s?(.*)$", re.DOTALL)
# One way to split any run of digits (no ``\d+\.?\d*``): see fast_lines._UNSIGNED.
_NUMBER = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "[": "[", "]": "]"}


@dataclass(slots=True)
class SourceLine:
    number: int
    #: The line without comments, stripped of surrounding whitespace.
    code: str
    #: ``(tag, payload)`` of a ``// wardley…:`` comment on this line, if any.
    meta: tuple[str, str] | None = None


def _split_comment(line: str, keep_slashes: bool) -> tuple[str, str | None, bool]:
    """(code, text after ``//`` or None, whether a ``/*`` opened and did not close)."""
    pieces: list[str] = []
    position = 0
    while True:
        slashes = -1 if keep_slashes else line.find("//", position)
        block = line.find("/*", position)
        if block < 0 or 0 <= slashes < block:
            if slashes < 0:
                pieces.append(line[position:])
                return " ".join(pieces), None, False
            pieces.append(line[position:slashes])
            return " ".join(pieces), line[slashes + 2 :], False
        pieces.append(line[position:block])
        close = line.find("*/", block + 2)
        if close < 0:
            return " ".join(pieces), None, True
        position = close + 2


def code_and_meta(line: str, in_block: bool) -> tuple[str, tuple[str, str] | None, bool]:
    """A line's code (comments removed, stripped), its ``// wardley…:`` comment, and whether a
    ``/*`` is still open at its end. ``in_block``: a ``/*`` from an earlier line is open.

    Unlike OWM, a ``/* */`` comment closes on its own line too, and the lines it covers keep
    their numbers, so warnings point at the line an editor shows.
    """
    if in_block:
        close = line.find("*/")
        if close < 0:
            return "", None, True
        line = line[close + 2 :]
    if "/" not in line:
        return line.strip(), None, False
    code, comment, in_block = _split_comment(line, line.lstrip().startswith("url"))
    meta = None
    if comment is not None:
        found = _META.match(comment)
        if found:
            meta = (found.group(1), found.group(2))
    return code.strip(), meta, in_block


def comment_lines(text: str) -> list[int]:
    """Numbers (1-based) of the lines holding a comment of the author's (``//`` or ``/* */``, not
    a ``// wardley`` one): what writing the map as OWM text again leaves out."""
    found, in_block = [], False
    for number, raw in enumerate(text.split("\n"), 1):
        if not in_block and "/" not in raw:
            continue
        was_in_block = in_block
        code, meta, in_block = code_and_meta(raw, in_block)
        if meta is None and (was_in_block or code != raw.strip()):
            found.append(number)
    return found


def comment_line_count(text: str) -> int:
    return len(comment_lines(text))


def read_quoted(text: str) -> tuple[str, str] | None:
    """``text`` opens with ``"``: (decoded name, text after the closing quote), or None if unclosed."""
    out: list[str] = []
    i = 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
            continue
        if ch == '"':
            return "".join(out), text[i + 1 :]
        out.append(ch)
        i += 1
    return None


def clean_name(text: str) -> str:
    """An unquoted name as OWM reads it: control characters gone, runs of spaces collapsed."""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def read_name(text: str, stop: str = "[") -> tuple[str, str, str | None]:
    """(name, rest of the line from ``stop`` on, problem) for ``component NAME [..] ...``.

    An unquoted name runs to the first ``stop``; a quoted one to its closing quote.
    """
    if text.startswith('"'):
        quoted = read_quoted(text)
        if quoted is not None:
            return quoted[0], quoted[1], None
        cut = text.find(stop)
        name = text[1:] if cut < 0 else text[1:cut]
        rest = "" if cut < 0 else text[cut:]
        return clean_name(name), rest, "unclosed quote in the name: read up to the position"
    cut = text.find(stop)
    if cut < 0:
        return clean_name(text), "", None
    return clean_name(text[:cut]), text[cut:], None


def parse_number(text: str) -> float | None:
    """JavaScript ``parseFloat``: the longest number at the start, trailing junk ignored."""
    found = _NUMBER.match(text)
    if not found:
        return None
    value = float(found.group(1))
    return value if math.isfinite(value) else None


def bracket(text: str) -> tuple[str, str] | None:
    """(inside, after) of the first ``[ ... ]`` in ``text``; an unclosed one runs to the end."""
    start = text.find("[")
    if start < 0:
        return None
    end = text.find("]", start + 1)
    if end < 0:
        return text[start + 1 :], ""
    return text[start + 1 : end], text[end + 1 :]


def numbers(inside: str) -> list[float | None]:
    """Comma-separated numbers as OWM reads them; an empty bracket gives []."""
    if not inside.strip():
        return []
    return [parse_number(part) for part in inside.split(",")]


def format_number(value: float, places: int = 4, least: int = 2) -> str:
    """Shortest text with at least ``least`` decimals that reads back as ``value``."""
    text = f"{value:.{places}f}"
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    if len(decimals) < least:
        decimals = decimals.ljust(least, "0")
    text = f"{whole}.{decimals}" if decimals else whole
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text


def format_offset(value: float) -> str:
    return format_number(value, places=2, least=0)


#: Characters that make OWM (and us) need a quoted name.
_SLASH_RUN = re.compile(r"/(?=[/*])")
_STAR_SLASH = re.compile(r"\*(?=/)")
_BRACES = re.compile(r"^[{}]|[{}]$")
_NEEDS_QUOTES = re.compile(r'[\n\r\t"\\\[\]]|->|\+>|\+<|\+\'|;')


def quote(name: str) -> str:
    """A name as OWM writes it: bare where safe, else quoted with escapes."""
    if name and not _NEEDS_QUOTES.search(name) and clean_name(name) == name and not _BRACES.search(name):
        return name
    escaped = (
        name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def owm_safe(text: str) -> str:
    """Text with what OWM would cut or misread (comments, brackets) defused."""
    text = _SLASH_RUN.sub("/ ", text)
    text = _STAR_SLASH.sub("* ", text)
    return text.replace("[", "(").replace("]", ")")


_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,120}$")


def valid_id(value: str) -> bool:
    return bool(_ID.match(value))
