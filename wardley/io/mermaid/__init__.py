"""Mermaid ``wardley-beta`` diagrams (Mermaid 11.14+): GitHub, GitLab and most wikis draw them.

``format_mermaid`` writes what Mermaid's grammar holds and carries everything else in ``%%``
comments (Mermaid's own comment form, ignored when drawing), so a map written and read back is
the same map. ``parse_mermaid`` reads such a diagram, written by us or by hand; a line it cannot
read is an error naming the line. ``format_markdown`` / ``parse_markdown`` wrap the diagram in a
Markdown page (title, fenced ``mermaid`` block, the map's text description). No Qt.
"""

from wardley.io.mermaid.markdown import format_markdown, parse_markdown
from wardley.io.mermaid.reader import parse_mermaid
from wardley.io.mermaid.writer import format_mermaid

__all__ = ["format_markdown", "format_mermaid", "parse_markdown", "parse_mermaid"]
