"""Reading OWM text line by line into raw records (names not yet resolved).

Each line is claimed by its keyword, or else read as a link. Anything that
cannot be read becomes a warning naming its line; the rest still imports.
"""

from __future__ import annotations

import re
from typing import Any

from wardley.io.limits import MAX_OWM_LINES, TooLarge
from wardley.io.owm import syntax as sx
from wardley.io.owm.fast_lines import FastLines
from wardley.io.owm.links import LINK_OP, link_end, outside_quotes_partition, split_link
from wardley.io.owm.names import GROUP_CHILD, GROUP_COMPONENT, OWM_GROUPS
from wardley.io.owm.records import RawElement, RawEvolve, RawLink, RawPipeline
from wardley.io.problems import ReadFailure
from wardley.model.kinds import KINDS, OWM_DECORATORS, ElementKind

# Character classes stop at the next opening bracket too, so no pattern here is quadratic on long lines.
_LABEL = re.compile(r"label\s*\[([^\[\]]*)\]?")
_PARENS = re.compile(r"\(([^()]*)\)")
_URL_REF = re.compile(r"url\(([^()]*)\)")
_INLINE_EVOLVE = re.compile(r"\bevolve\s+(\S+)")
_INERTIA = re.compile(r"\binertia\b")
_EVOLVE_AT = re.compile(r"(?:^|\s)([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$")
#: Keywords whose own syntax may hold ``->``; any other keyword line holding a
#: link operator and no position is a link whose first name starts with a keyword.
_ARROW_KEYWORDS = {"evolve", "evolution", "title", "y-axis"}
#: The warning for a ``{`` never closed: the live text view waits for the ``}`` rather than apply.
UNCLOSED_BLOCK = "pipeline block has no closing '}': it runs to the end of the text"
#: The item count is checked every 1,024 lines: at most that many records past the limit are made.
_COUNT_MASK = 1023
#: OWM keyword -> (kind, name group): each kind's own keyword, and the older
#: ``market X [..]`` form of each decorator.
_ELEMENT_KEYWORDS: dict[str, tuple[ElementKind, int]] = {
    **{info.owm_keyword: (info.kind, OWM_GROUPS[info.owm_keyword])
       for info in KINDS if info.owm_native and info.owm_decorator is None},
    **{word: (kind, GROUP_COMPONENT) for word, kind in OWM_DECORATORS.items()},
}


class LineReader(FastLines):
    def __init__(self) -> None:
        super().__init__()
        #: The pipeline whose ``{ ... }`` block the lines are in.
        self._block: RawPipeline | None = None
        #: A pipeline line just read: a ``{`` on the next line opens its block.
        self._opener: RawPipeline | None = None

    def read(self, text: str) -> None:
        # Most lines have no comment and one of the shapes ``_fast`` reads; only the rest
        # become SourceLines and go through the general code.
        fast, next_line, code_and_meta = self._fast, self._next_line, sx.code_and_meta
        in_comment = False
        plain = True  # no pipeline block is open or may open on this line
        number = 0
        lines = text.count("\n") + (not text.endswith("\n"))
        if lines > MAX_OWM_LINES:  # counted before the text is split: splitting costs too
            raise TooLarge(f"too large: {lines:,} lines (at most {MAX_OWM_LINES:,} are read)")
        try:
            for number, raw in enumerate(text.split("\n"), 1):
                if not number & _COUNT_MASK:
                    self.check_items(number)  # before records pile up, not after
                meta = None
                if in_comment or "/" in raw:
                    code, meta, in_comment = code_and_meta(raw, in_comment)
                    if not code and meta is None:
                        continue
                else:
                    code = raw.strip()
                    if not code:
                        continue
                if not plain and self._opener is not None and code != "{":
                    self._opener = None  # no block follows that pipeline line
                    plain = self._block is None
                if plain and meta is None and fast(number, code):
                    continue
                try:
                    next_line(sx.SourceLine(number, code, meta))
                except RecursionError:
                    self.warn(number, "line too complex to read: skipped")
                plain = self._block is None and self._opener is None
        except (TooLarge, MemoryError):
            raise
        except Exception as error:  # noqa: BLE001 - a reader bug: the loader refuses the file, naming this line
            raise ReadFailure(number, error) from error
        self.check_items(number)
        if self._block is not None:
            # Past the warning limit too: the live text view looks for this one.
            self.problems.append((self._block.line, UNCLOSED_BLOCK))

    def _next_line(self, line: sx.SourceLine) -> None:
        code = line.code
        opener = self._opener
        if opener is not None:
            self._opener = None
            if code == "{":
                self._block = opener
                return
        block = self._block
        if block is not None:
            if code.startswith("}"):
                if code != "}":
                    self.warn(line.number, f"text after '}}' ignored: '{code[1:].strip()}'")
                self._block = None
            elif code == "{":
                self.warn(line.number, "'{' inside a pipeline block: ignored")
            else:
                self._line(line, block if block.name else None)
            return
        pipeline = self._fast_pipeline(line.number, code) if line.meta is None else None
        if pipeline is not None:
            self._opener = pipeline
        elif self._keyword(code) == "pipeline" and not _is_link(code):
            self._pipeline(line)
        else:
            self._line(line, None)

    # -- dispatch ------------------------------------------------------------

    @staticmethod
    def _keyword(code: str) -> str:
        head = code.split(None, 1)[0] if code else ""
        return head

    def _line(self, line: sx.SourceLine, pipeline: RawPipeline | None) -> None:
        code, number = line.code, line.number
        if not code:
            self._whole_line_meta(line)
            return
        meta = self.meta_of(line)
        keyword = self._keyword(code)
        rest = code[len(keyword) :].strip()
        if keyword in _KEYWORDS and _is_link(code):
            keyword = ""  # e.g. ``build release cycle->world building``
        if keyword == "component" and pipeline is not None:
            self._element(number, rest, "component", GROUP_CHILD, meta, pipeline)
        elif keyword in _ELEMENT_KEYWORDS:
            kind, group = _ELEMENT_KEYWORDS[keyword]
            self._element(number, rest, kind, group, meta, None)
        elif keyword in _HANDLERS:
            _HANDLERS[keyword](self, number, rest, meta)
        elif keyword == "pipeline":
            self.warn(number, "pipeline inside a pipeline block: skipped")
        elif keyword in ("{", "}") or code in ("{", "}"):
            self.warn(number, f"'{code[0]}' outside a pipeline block: ignored")
        elif LINK_OP.search(code):
            self._link(number, code, meta)
        else:
            self.warn(number, "not an OWM line (unknown keyword or free text): skipped")

    def _whole_line_meta(self, line: sx.SourceLine) -> None:
        assert line.meta is not None
        tag, payload = line.meta
        if tag == "wardley-map":
            data = self.decode_meta(line.number, payload)
            if data is not None:
                self.map_meta.update(data)
                self.map_meta_line = line.number
        elif tag == "wardley-snapshot":
            self.add_snapshot(line.number, payload)
        else:
            self.warn(line.number, "wardley comment on a line of its own: ignored")

    # -- elements --------------------------------------------------------------

    def _element(
        self, number: int, rest: str, kind: str, group: int, meta: dict[str, Any], pipeline: RawPipeline | None
    ) -> None:
        if not rest:
            self.warn(number, "no name: skipped")
            return
        name, tail, problem = sx.read_name(rest)
        if problem:
            self.warn(number, problem)
        quoted = rest.startswith('"')
        position = sx.bracket(tail)
        if position is None and not quoted:
            # No position: trailing clauses would otherwise read as part of the name.
            name, clauses = self._split_clauses(name)
            tail = f"{clauses} {tail}"
        if not name:
            self.warn(number, "no name: skipped")
            return
        after = tail
        evolution, visibility = 0.1, 0.9
        if position is not None:
            between = tail[: tail.find("[")].strip()
            if between:
                self.warn(number, f"text '{between}' between the name and the position: ignored")
            inside, after = position
            values = sx.numbers(inside)
            if pipeline is not None:
                evolution = self.first_number(number, values, "maturity", 0.1)
                visibility = None  # type: ignore[assignment]
            else:
                visibility, evolution = self.point(number, values, (0.9, 0.1))
        raw = RawElement(number, "", name, name, kind, group, evolution, visibility, meta=meta, pipeline=pipeline)
        self._clauses(number, after, raw)
        self.add_element(raw)
        if pipeline is not None:
            pipeline.children.append(raw)

    @staticmethod
    def _split_clauses(name: str) -> tuple[str, str]:
        cut = len(name)
        for pattern in (_LABEL, _PARENS, _INERTIA, _URL_REF):
            found = pattern.search(name)
            if found and found.start() < cut:
                cut = found.start()
        return name[:cut].strip(), name[cut:]

    def _clauses(self, number: int, text: str, raw: RawElement) -> None:
        """Label, decorators, inertia, url(ref) and inline evolve after the position."""
        label = _LABEL.search(text)
        if label:
            raw.label_offset = self.offset(number, label.group(1))
            text = text[: label.start()] + " " + text[label.end() :]
        url = _URL_REF.search(text)
        if url:
            raw.url_ref = url.group(1).strip()
            text = text[: url.start()] + " " + text[url.end() :]
        for found in _PARENS.finditer(text):
            for word in re.split(r"[\s,]+", found.group(1).strip().lower()):
                if word in ("build", "buy", "outsource"):
                    if raw.method == "none":
                        raw.method = word
                elif word in OWM_DECORATORS:
                    if raw.kind == "component":
                        raw.kind = OWM_DECORATORS[word]
                elif word == "inertia":
                    raw.inertia = True
                elif word:
                    self.warn(number, f"unknown decorator '({found.group(1).strip()})': ignored")
                    break
        text = _PARENS.sub(" ", text)
        inline = _INLINE_EVOLVE.search(text)
        if inline:
            value = sx.parse_number(inline.group(1))
            if value is None:
                self.warn(number, f"inline evolve has no maturity ('{inline.group(1)}'): ignored")
            else:
                self.evolves.append(
                    RawEvolve(number, raw.owm_name, None, self.coordinate(number, value, "evolve maturity"), None)
                )
            text = text[: inline.start()] + " " + text[inline.end() :]
        if _INERTIA.search(text):
            raw.inertia = True
            text = _INERTIA.sub(" ", text)
        leftover = text.strip()
        if leftover:
            self.warn(number, f"unexpected text '{leftover}' after the position: ignored")

    # -- other keywords --------------------------------------------------------

    def _pipeline(self, line: sx.SourceLine) -> None:
        number = line.number
        meta = self.meta_of(line)
        rest = line.code[len("pipeline") :].strip()
        opens_here = rest.endswith("{")
        if opens_here:
            rest = rest[:-1].rstrip()
        name, tail, problem = sx.read_name(rest)
        if problem:
            self.warn(number, problem)
        start = end = None
        position = sx.bracket(tail)
        if position is not None:
            values = sx.numbers(position[0])
            if len(values) >= 2 and values[0] is not None and values[1] is not None:
                start = self.coordinate(number, values[0], "pipeline start")
                end = self.coordinate(number, values[1], "pipeline end")
            elif values:
                self.warn(number, f"pipeline bracket '[{position[0]}]' is not [start, end]: ignored")
        if not name:
            self.warn(number, "pipeline without a name: skipped")
            name = ""
        pipeline = RawPipeline(number, name, start, end, meta=meta)
        if name:
            self.pipelines.append(pipeline)
        if opens_here:
            self._block = pipeline
        else:
            self._opener = pipeline

    def _evolve(self, number: int, rest: str, meta: dict[str, Any]) -> None:
        label = _LABEL.search(rest)
        offset = None
        if label:
            offset = self.offset(number, label.group(1))
            rest = rest[: label.start()] + " " + rest[label.end() :]
        rest = _without_trailing_parens(rest)
        found = _EVOLVE_AT.search(rest)
        if found is None:
            self.warn(number, "evolve without a maturity: placed at 0.85, as OWM does")
            value, names = 0.85, rest
        else:
            value, names = float(found.group(1)), rest[: found.start()]
        source_text, arrow, new_text = outside_quotes_partition(names, "->")
        source = link_end(source_text)
        new_name = link_end(new_text) if arrow else None
        if not source:
            self.warn(number, "evolve without a name: skipped")
            return
        self.evolves.append(
            RawEvolve(number, source, new_name or None, self.coordinate(number, value, "evolve maturity"), offset, meta)
        )

    def _link(self, number: int, code: str, meta: dict[str, Any]) -> None:
        parts = split_link(code)
        if parts is None:
            self.warn(number, "link with an empty end: skipped")
            return
        source, target, flow, flow_label, context, extra, direction = parts
        if extra:
            self.warn(number, f"link has more than two ends: only '{source}' to '{target}' is read")
        self.links.append(RawLink(number, source, target, flow, flow_label, context, meta, direction))


def _without_trailing_parens(text: str) -> str:
    """``text`` less any ``(...)`` groups at its end (decorators on an evolve line)."""
    end = len(text.rstrip())
    while end and text[end - 1] == ")":
        opening = text.rfind("(", 0, end - 1)
        if opening < 0 or text.find(")", opening, end - 1) >= 0:
            break
        end = opening
        while end and text[end - 1].isspace():
            end -= 1
    return text[:end].strip()


def _is_link(code: str) -> bool:
    """A keyword line that is really a link whose first name starts with the keyword."""
    parts = code.split(None, 1)
    keyword, rest = (parts + ["", ""])[:2]
    if keyword in _ARROW_KEYWORDS or "[" in code or rest.startswith('"'):
        return False
    return LINK_OP.search(code) is not None


_HANDLERS: dict[str, Any] = {
    "evolve": LineReader._evolve,
    "note": LineReader._note,
    "annotation": LineReader._annotation,
    "annotations": LineReader._annotations,
    "accelerator": LineReader._accelerator,
    "deaccelerator": LineReader._deaccelerator,
    "url": LineReader._url,
    "title": LineReader._title,
    "evolution": LineReader._evolution,
    "valuechain": LineReader._valuechain,
    "style": LineReader._style,
    "size": LineReader._size,
    "y-axis": LineReader._yaxis,
    "build": lambda self, n, r, m: LineReader._method(self, n, r, m, "build"),
    "buy": lambda self, n, r, m: LineReader._method(self, n, r, m, "buy"),
    "outsource": lambda self, n, r, m: LineReader._method(self, n, r, m, "outsource"),
    "pioneers": lambda self, n, r, m: LineReader._attitude(self, n, r, m, "pioneers"),
    "settlers": lambda self, n, r, m: LineReader._attitude(self, n, r, m, "settlers"),
    "townplanners": lambda self, n, r, m: LineReader._attitude(self, n, r, m, "townplanners"),
}
_KEYWORDS = {*_HANDLERS, *_ELEMENT_KEYWORDS, "pipeline"}
