"""Slugs: the shortcut for plain names gives what the general rule gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wardley.model.ids import slug, unique_id


def general_slug(text: str, fallback: str = "element") -> str:
    """The rule every slug follows: lower case, each run of other characters one hyphen, 60 at most."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return value or fallback


@given(st.text(alphabet=st.sampled_from(list("aZ9 -_.\u212a\u0130\u00e9")), max_size=80))
def test_slug_follows_the_general_rule(text: str) -> None:
    assert slug(text) == general_slug(text)


@given(st.text(max_size=90))
def test_slug_follows_the_general_rule_for_any_text(text: str) -> None:
    assert slug(text) == general_slug(text)


def test_plain_names() -> None:
    assert slug("Card  Payments ") == "card-payments"
    assert slug(" ") == "element"
    assert slug("x" * 70) == "x" * 60
    assert slug("a " * 40) == ("a-" * 30).rstrip("-")
    # The Kelvin sign lower-cases to an ASCII k.
    assert slug("\u212aelvin") == "kelvin"
    assert unique_id("Card payments", {"card-payments", "card-payments-2"}) == "card-payments-3"
