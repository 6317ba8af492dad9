"""Turning what a team typed ("Online Payments System") into something comparable ("payment").

Two maps rarely spell a component the same way, so names are compared after:
lower-casing, dropping punctuation (``GOV.UK`` and ``govuk`` agree, ``e-forms`` and
``eforms`` agree), reducing plurals to the singular, and dropping filler words that
say nothing about *what* the thing is ("online", "service", "system", ...).

A capability is what a thing does, not who supplies it or how it is delivered, so a name is first
split (:func:`split_name`) into its core and its *annotations*: text in brackets ("Garden waste
back office (Whitespace)", "Payroll (shared service)") and a one-word label set off by a spaced
dash ("CTR - council tax reduction", "Civica - bereavement back office"). Only the core is
compared; the matcher reads the annotations for a supplier or product. Qualifier words (in-house,
bespoke, consortium, module, management...) are filler too, kept for the report by
:func:`qualifiers`.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Words that describe how a thing is delivered rather than what it is.
FILLER_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "our", "online", "service", "system", "digital", "solution", "software",
    "tool", "platform", "and",
})

#: How a thing is delivered or organised, not what it does: they never split a capability.
QUALIFIER_WORDS: frozenset[str] = frozenset({
    "inhouse", "bespoke", "homegrown", "consortium", "shared", "module", "engine", "management", "scheme",
})

FILLER_WORDS = FILLER_WORDS | QUALIFIER_WORDS

#: Words naming who a service is for. Statutory services for adults and for children are different
#: capabilities (different law, records and often suppliers): "Social care records (adults)" and
#: "Social care records (children)" never merge, even though brackets are otherwise set aside.
CLIENT_GROUP_WORDS: dict[str, str] = {"adult": "adults", "child": "children", "children": "children"}

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
_IN_HOUSE = re.compile(r"\b(in|home)[\s-]+(house|grown)\b")
_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_LEADING_LABEL = re.compile(r"^\s*([^\s\-–—]+)\s+[-–—]\s+(\S.*)$")
_TRAILING_LABEL = re.compile(r"^(.*\S)\s+[-–—]\s+([^\s\-–—]+)\s*$")


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


#: Words that may stand as a dash label besides abbreviations: the vocabulary's suppliers (set by
#: :func:`set_label_words`). "Housing - repairs portal" keeps "Housing": only "CTR - ..." or
#: "Civica - ..." is a label.
_LABEL_WORDS: set[str] = set()


def set_label_words(labels: set[str]) -> None:
    """The supplier names a dash may set off; clears the normalisation caches that depend on them."""
    folded = {label.casefold() for label in labels}
    if folded <= _LABEL_WORDS:
        return
    _LABEL_WORDS.update(folded)
    for cached in (split_name, qualifiers, words, _plain_words, content_words, name_key, head_words):
        cached.cache_clear()


def _is_label(text: str) -> bool:
    abbreviation = 2 <= len(text) <= 8 and text.isupper() and text.isalnum()
    return abbreviation or text.casefold() in _LABEL_WORDS


@lru_cache(maxsize=65_536)
def split_name(name: str) -> tuple[str, tuple[str, ...]]:
    """The core of a name and its annotations (bracketed text, a one-word dash label), in order.

    A name that is nothing but annotations keeps itself as the core.
    """
    annotations = [text.strip() for text in _BRACKETED.findall(name) if text.strip()]
    core = _BRACKETED.sub(" ", name).strip()
    for pattern, label_group, core_group in ((_LEADING_LABEL, 1, 2), (_TRAILING_LABEL, 2, 1)):
        found = pattern.match(core)
        if found and _is_label(found.group(label_group)):
            annotations.append(found.group(label_group))
            core = found.group(core_group).strip()
    if not core.strip(" -–—:"):
        return name, ()
    return core, tuple(annotations)


@lru_cache(maxsize=65_536)
def qualifiers(name: str) -> tuple[str, ...]:
    """The qualifier words of a name and its bracketed annotations ("inhouse", "consortium")."""
    core, annotations = split_name(name)
    found = [word for text in (core, *annotations) for word in _plain_words(text) if word in QUALIFIER_WORDS]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65_536)
def client_groups(name: str) -> frozenset[str]:
    """Who the name says the thing is for ("adults", "children"), read in its core and its brackets."""
    core, annotations = split_name(name)
    return frozenset(CLIENT_GROUP_WORDS[word] for text in (core, *annotations) for word in _plain_words(text)
                     if word in CLIENT_GROUP_WORDS)


@lru_cache(maxsize=65_536)
def words(name: str) -> tuple[str, ...]:
    """The words of a name's core, lower-cased, punctuation-free and singular, in order."""
    return _plain_words(split_name(name)[0])


@lru_cache(maxsize=65_536)
def _plain_words(name: str) -> tuple[str, ...]:
    text = name.casefold().replace("&", " and ")
    text = _IN_HOUSE.sub(r"\1\2", text)
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
