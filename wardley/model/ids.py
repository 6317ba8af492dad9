"""Readable, stable ids: a slug of the name at creation, never changed by a rename."""

from __future__ import annotations

import re
from collections.abc import Container

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, fallback: str = "element") -> str:
    lowered = text.lower()
    if lowered.isascii() and lowered.replace(" ", "").isalnum():
        # Letters, digits and spaces (most names): the same slug without the regex.
        value = "-".join(lowered.split())
        if len(value) <= 60:
            return value
    value = _NOT_SLUG.sub("-", lowered).strip("-")[:60].strip("-")
    return value or fallback


def unique_id(text: str, taken: Container[str], fallback: str = "element") -> str:
    base = slug(text, fallback)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def name_key(name: str) -> str:
    """A name as people mean it: case and runs of spacing ignored ("Card  payments" is "card payments")."""
    return " ".join(name.split()).casefold()
