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

#: A plain name: no quotes, brackets, parentheses, comment or link characters, no control characters.
_PLAIN = r"[^\x00-\x1f\[\]\"/(){};+<>'\\\s-](?:[^\x00-\x1f\[\]\"/(){};+<>'\\-]*[^\x00-\x1f\[\]\"/(){};+<>'\\\s-])?"
_NUM = r"(\d*\.?\d+)"
#: On a component line with a position the name is all text before ``[`` (link characters included),
#: so only a leading quote or space, and control characters, send such a line the long way. The
#: name runs greedily to the bracket (one way to match, so linear) and keeps any spaces before it.
_COMPONENT_NAME = r"[^\x00-\x20\x7f\[\]\"][^\x00-\x1f\x7f\[\]]*"
_FAST_COMPONENT = re.compile(
    rf"component ({_COMPONENT_NAME})\[{_NUM}, ?{_NUM}\](?: label \[(-?\d*\.?\d+), ?(-?\d*\.?\d+)\])?$"
)
_FAST_PIPELINE = re.compile(rf"pipeline ({_COMPONENT_NAME})\[{_NUM}, ?{_NUM}\]$")
_FAST_LINK = re.compile(rf"({_PLAIN}) ?-> ?({_PLAIN})(?: ?; ?([^;]*?))?$")
_ARROW_PREFIXES = ("evolve", "evolution", "title", "y-axis")


class FastLines(OtherLines):
    def _fast(self, number: int, code: str) -> bool:
        """The two shapes most lines have, read with one regex each; False sends the line the long way."""
        if code.startswith("component "):
            found = _FAST_COMPONENT.match(code)
            if found is None:
                return False
            name, v, m, x, y = found.groups()
            visibility, evolution = float(v), float(m)
            if visibility > 1.0 or evolution > 1.0:
                return False
            name = name.rstrip(" ")
            if "  " in name or not name.isascii():
                name = sx.clean_name(name)
                if not name:
                    return False
            offset = (float(x), float(y)) if x is not None else None
            if offset is not None and not (abs(offset[0]) <= MAX_OFFSET and abs(offset[1]) <= MAX_OFFSET):
                return False  # the long way warns and drops the offset, keeping the element
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
            found = _FAST_LINK.match(code)
            if found is None:
                return False
            source, target, context = found.groups()
            if "  " in code or not code.isascii():
                source, target = sx.clean_name(source), sx.clean_name(target)
            self.links.append(RawLink(number, source, target, False, "", (context or "").strip()))
            return True
        return False

    def _fast_pipeline(self, number: int, code: str) -> RawPipeline | None:
        """``pipeline NAME [start, end]``, the usual pipeline line, read with one regex (None: the long way)."""
        if not code.startswith("pipeline "):
            return None
        found = _FAST_PIPELINE.match(code)
        if found is None:
            return None
        name, start, end = found.group(1).rstrip(" "), float(found.group(2)), float(found.group(3))
        if start > 1.0 or end > 1.0:
            return None
        if "  " in name or not name.isascii():
            name = sx.clean_name(name)
            if not name:
                return None
        pipeline = RawPipeline(number, name, start, end)
        self.pipelines.append(pipeline)
        return pipeline
