"""Turning what a team typed ("Online Payments System") into something comparable ("payment").

Two maps rarely spell a component the same way, so names are compared after:
lower-casing, dropping punctuation (``GOV.UK`` and ``govuk`` agree, ``e-forms`` and
``eforms`` agree), reducing plurals to the singular, and dropping filler words that
say nothing about *what* the thing is ("online", "service", "system", ...).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Words that describe how a thing is delivered rather than what it is.
FILLER_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "our", "online", "service", "system", "digital", "solution", "software",
    "tool", "platform", "and",
})

#: Where the head of an English noun phrase ends: "payments for parking" is about payments.
PREPOSITIONS: frozenset[str] = frozenset({"for", "of", "to", "via", "with", "by", "from", "in", "on", "at"})

# Singular forms that the plural rules below would otherwise damage.
_KEEP_AS_IS: frozenset[str] = frozenset({
    "address", "access", "business", "process", "status", "analysis", "gis", "sms", "aws", "cms",
    "crm", "news", "series", "census", "campus", "bus", "virus", "bonus", "basis", "thesis",
    "axis", "chassis", "premises", "canvas", "atlas", "alias", "lens", "gas", "his", "its", "this",
    "was", "is", "as", "us", "yes", "bens", "revs", "ons", "dms", "lms", "ms",
})

_DOT_OR_APOSTROPHE = re.compile(r"(?<=\w)[.'’](?=\w)")
_HYPHEN_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")
_NOT_WORD = re.compile(r"[^\w]+")
# "sign in" is one idea, and "in" must not read as a preposition ending the phrase.
_PHRASAL = re.compile(r"\b(sign|log)\s+(in|on|up)\b")


def singular(word: str) -> str:
    """A plain English singular: enough for component names, not a full stemmer."""
    if len(word) <= 3 or word in _KEEP_AS_IS or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65_536)
def words(name: str) -> tuple[str, ...]:
    """All words of a name, lower-cased, punctuation-free and singular, in order."""
    text = name.casefold().replace("&", " and ")
    text = _DOT_OR_APOSTROPHE.sub("", text)
    text = _HYPHEN_IN_WORD.sub("", text)
    text = _PHRASAL.sub(r"\1\2", text)
    return tuple(singular(word) for word in _NOT_WORD.sub(" ", text).replace("_", " ").split())


@lru_cache(maxsize=65_536)
def content_words(name: str) -> tuple[str, ...]:
    """The words that say what the thing is, in order. A name made only of filler keeps it all."""
    every = words(name)
    kept = tuple(word for word in every if word not in FILLER_WORDS)
    return kept or every


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """The comparison key: content words less prepositions, sorted, so word order does not matter
    ("payments for parking" and "parking payments" share a key)."""
    content = content_words(name)
    kept = [word for word in content if word not in PREPOSITIONS] or list(content)
    return " ".join(sorted(set(kept)))


@lru_cache(maxsize=65_536)
def head_words(name: str) -> tuple[str, ...]:
    """The noun phrase before the first preposition: "payments for parking" -> ("payment",)."""
    kept: list[str] = []
    for word in content_words(name):
        if word in PREPOSITIONS and kept:
            break
        kept.append(word)
    return tuple(kept)


def ends_with(phrase: tuple[str, ...], head: tuple[str, ...]) -> bool:
    """Whether ``head`` ends with ``phrase``: English compounds put the kind of thing last."""
    return 0 < len(phrase) <= len(head) and head[-len(phrase):] == phrase


def contains(phrase: tuple[str, ...], sequence: tuple[str, ...]) -> bool:
    """Whether ``phrase`` occurs as consecutive words of ``sequence``."""
    size = len(phrase)
    if size == 0 or size > len(sequence):
        return False
    return any(sequence[start:start + size] == phrase for start in range(len(sequence) - size + 1))
