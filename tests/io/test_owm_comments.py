"""Counting the author's comment lines an OWM file holds (what rewriting it would drop)."""

from __future__ import annotations

from tests.conftest import CORPUS
from wardley.io import load_map
from wardley.io.owm.syntax import comment_line_count


def test_author_comments_are_counted_and_ours_and_urls_are_not() -> None:
    text = "\n".join([
        "// licence: CC BY 4.0",                       # 1
        "title T",
        "url site [https://example.org/a//b]",          # an address, not a comment
        "component A [0.5, 0.5] // why it is here",    # 2
        'component B [0.5, 0.4] // wardley: {"id": "b"}',  # ours: written back
        "/* one",                                      # 3
        "   two */ component C [0.3, 0.3]",            # 4
        "A->B",
        "",
    ])
    assert comment_line_count(text) == 4
    assert comment_line_count("title T\ncomponent A [0.5, 0.5]\n") == 0


def test_an_opened_corpus_map_reports_its_comment_lines() -> None:
    path = next(p for p in sorted(CORPUS.glob("*.owm")) if "\n//" in p.read_text(encoding="utf-8"))
    loaded = load_map(path)
    assert loaded.format == "owm" and loaded.comment_lines == comment_line_count(path.read_text(encoding="utf-8")) > 0
