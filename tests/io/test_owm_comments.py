"""Counting the author's comment lines an OWM file holds (what rewriting it would drop)."""

from __future__ import annotations

from pathlib import Path

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


def test_corpus_maps_have_comments_and_what_we_write_has_none(corpus: Path) -> None:
    from wardley.io.owm import format_owm

    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.owm"))]
    assert sum(1 for text in texts if comment_line_count(text)) > 20  # real maps carry comments
    # Written back by us, none of them has any: saving an OWM map we wrote never asks.
    for text in texts[:40]:
        assert comment_line_count(format_owm(load_map_text(text))) == 0


def load_map_text(text: str):  # type: ignore[no-untyped-def]
    from wardley.io.owm import parse_owm

    return parse_owm(text).map
