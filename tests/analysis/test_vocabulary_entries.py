"""One test per entry of the shipped vocabulary: each name it lists resolves to its capability,
and each capability says where it typically sits nationally."""

import json

import pytest

from wardley.analysis.vocabulary import STAGES, VOCABULARY_NAME, load_vocabulary
from wardley.package_data import resource

DATA = json.loads(resource(VOCABULARY_NAME).read_text(encoding="utf-8"))
VOCABULARY = load_vocabulary()


def _names(entry):
    listed = [entry["name"], *entry.get("aliases", [])]
    for product in entry.get("products", []):
        listed += [product] if isinstance(product, str) else product
    return listed


@pytest.mark.parametrize("entry", DATA["capabilities"], ids=lambda entry: entry["name"])
def test_entry(entry):
    for name in _names(entry):
        term = VOCABULARY.lookup(name)
        assert term is not None and term.capability == entry["name"], (name, term)
    for name in entry.get("not", []):
        assert VOCABULARY.lookup(name) is None, name
    assert entry["stage"] in STAGES
    knowledge = VOCABULARY.knowledge[entry["name"]]
    if entry["stage"] == "commodity":
        # a commodity built in-house is flagged with this: it must name what to use instead
        assert knowledge.use_instead, entry["name"]


@pytest.mark.parametrize("supplier", DATA["suppliers"])
def test_supplier(supplier):
    assert VOCABULARY.supplier(supplier) is not None
    # a supplier on its own is not a capability: it says who, not what
    term = VOCABULARY.lookup(supplier)
    assert term is None or term.product is not None, (supplier, term)


def test_the_national_platforms_are_known_with_their_stage():
    for product, capability in [("GOV.UK Pay", "Payments"), ("GOV.UK Notify", "Notifications"),
                                ("GOV.UK One Login", "Sign-in and identity"), ("GOV.UK Forms", "Online forms"),
                                ("OS Places", "Address lookup"), ("AddressBase", "Address lookup")]:
        term = VOCABULARY.lookup(product)
        assert term is not None and term.capability == capability
        assert VOCABULARY.knowledge[capability].stage == "commodity"
