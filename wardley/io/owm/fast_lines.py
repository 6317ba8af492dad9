"""The line shapes most OWM text is made of, each read with one regex.

A line these do not take (a clamped value, odd spacing, a comment of ours, a
quoted name...) goes the long way, through the general reader, which gives
the same records plus any warnings: tests/io/test_owm_fast_paths.py reads the
corpus with these turned off and compares.
"""

from __future__ import annotations

import re

from wardley.io.owm import syntax as sx
from wardley.io.owm.names import GROUP_COMPONENT
from wardley.io.owm.other_lines import OtherLines
from wardley.io.owm.reader_state import MAX_OFFSET
from wardley.io.owm.records import RawElement, RawLink, RawPipeline
from wardley.model.entities import MAX_NAME_LENGTH
from wardley.model.ids import slug, unique_id

# Printable ASCII character classes: Python's regex engine tests these far faster than negated
# classes with Unicode ranges, and a line with any other character simply goes the long way.
#: A link end's characters: no quotes, brackets, parentheses, braces, comment or link characters.
_LINK_CHARS = r"[ !#-&*,.0-:=?-Z^-z|~]"
#: A component name before its position: the first character not a space, quote or bracket, the
#: rest anything printable but brackets (so link characters too). Greedy up to ``[``: linear.
_COMPONENT_NAME = r'[!#-Z\\^-~][ -Z\\^-~]*'
#: ``5``, ``0.5``, ``.5`` (what ``\d*\.?\d+`` took), written so that a run of digits splits one
#: way only: the old form let the engine try every split of a long number, cubic when a line
#: failed after it (``component A [0.5, 9999…] x`` with thousands of nines never finished).
_UNSIGNED = r"(?:\d+(?:\.\d+)?|\.\d+)"
_NUM = rf"({_UNSIGNED})"
_FAST_COMPONENT = re.compile(
    rf"component ({_COMPONENT_NAME})\[{_NUM}, ?{_NUM}\](?: label \[(-?{_UNSIGNED}), ?(-?{_UNSIGNED})\])?"
)
_FAST_PIPELINE = re.compile(rf"pipeline ({_COMPONENT_NAME})\[{_NUM}, ?{_NUM}\]")
_FAST_LINK = re.compile(rf"({_LINK_CHARS}+)->({_LINK_CHARS}+)(?:;([^;]*))?")
_ARROW_PREFIXES = ("evolve", "evolution", "title", "y-axis")


class FastLines(OtherLines):
    def _fast(self, number: int, code: str) -> bool:
        """The two shapes most lines have, read with one regex each; False sends the line the long way."""
        if code.startswith("component "):
            found = _FAST_COMPONENT.fullmatch(code)
            if found is None:
                return False
            name, v, m, x, y = found.groups()
            visibility, evolution = float(v), float(m)
            if visibility > 1.0 or evolution > 1.0:
                return False
            offset = None
            if x is not None:
                offset = (float(x), float(y))
                if not (abs(offset[0]) <= MAX_OFFSET and abs(offset[1]) <= MAX_OFFSET):
                    return False  # the long way warns and drops the offset, keeping the element
            name = name.rstrip(" ")
            if "  " in name:
                name = sx.clean_name(name)
            # add_element() for a line with no wardley comment, without its calls (this is most lines).
            shown = name if len(name) <= MAX_NAME_LENGTH else self.text(number, name, MAX_NAME_LENGTH, "name")
            element_id = slug(shown)
            if element_id in self.taken:
                element_id = unique_id(shown, self.taken)
            self.taken.add(element_id)
            self.elements.append(
                RawElement(number, element_id, name, shown, "component", GROUP_COMPONENT, evolution, visibility, offset)
            )
            return True
        if "->" in code and not code.startswith(_ARROW_PREFIXES):
            found = _FAST_LINK.fullmatch(code)
            if found is None:
                return False
            source, target, context = found.groups()
            # One space may stand each side of the arrow, and before the ``;``; any more goes the long way.
            if source[-1] == " ":
                source = source[:-1]
            if target[0] == " ":
                target = target[1:]
            if context is not None and target[-1:] == " ":
                target = target[:-1]
            if not source or not target or source[-1] == " " or target[0] == " " or target[-1] == " ":
                return False
            if "  " in code:
                source, target = sx.clean_name(source), sx.clean_name(target)
            self.links.append(RawLink(number, source, target, False, "", context.strip() if context else ""))
            return True
        return False

    def _fast_pipeline(self, number: int, code: str) -> RawPipeline | None:
        """``pipeline NAME [start, end]``, the usual pipeline line, read with one regex (None: the long way)."""
        if not code.startswith("pipeline "):
            return None
        found = _FAST_PIPELINE.fullmatch(code)
        if found is None:
            return None
        name, start, end = found.group(1).rstrip(" "), float(found.group(2)), float(found.group(3))
        if start > 1.0 or end > 1.0:
            return None
        if "  " in name:
            name = sx.clean_name(name)
        pipeline = RawPipeline(number, name, start, end)
        self.pipelines.append(pipeline)
        return pipeline
