import pytest

from wardley.analysis.names import words
from wardley.analysis.vocabulary import Term, load_vocabulary, vocabulary_from_data


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


def test_the_shipped_vocabulary_has_no_name_claimed_twice(vocabulary):
    assert vocabulary.conflicts == []
    assert len(vocabulary.capabilities) >= 30


@pytest.mark.parametrize(("name", "capability", "product"), [
    ("GOV.UK Pay", "Payments", "GOV.UK Pay"),
    ("Pay360", "Payments", "Pay360"),
    ("Card payments", "Payments", None),
    ("Online payments system", "Payments", None),
    ("GOV.UK Notify", "Notifications", "GOV.UK Notify"),
    ("Notify", "Notifications", "GOV.UK Notify"),
    ("SMS and email", "Notifications", None),
    ("GOV.UK One Login", "Sign-in and identity", "GOV.UK One Login"),
    ("LLPG", "Address lookup", None),
    ("UPRN", "Address lookup", None),
    ("AddressBase Premium", "Address lookup", "AddressBase"),
    ("LocalGov Drupal", "Website publishing", "LocalGov Drupal"),
    ("AWS", "Hosting", "AWS"),
    ("Civica ICON", "Income management", "Civica ICON"),
    ("ArcGIS", "GIS and mapping", "ArcGIS"),
])
def test_aliases_and_products_resolve_to_their_capability(vocabulary, name, capability, product):
    assert vocabulary.lookup(name) == Term(capability, product)


def test_a_product_named_inside_a_longer_name_counts(vocabulary):
    assert vocabulary.lookup("GOV.UK Pay integration") == Term("Payments", "GOV.UK Pay")
    assert vocabulary.lookup("Salesforce CRM").product == "Salesforce"


def test_a_name_is_the_kind_of_thing_its_last_word_says(vocabulary):
    assert vocabulary.lookup("Parking payments").capability == "Payments"
    assert vocabulary.lookup("Blue badge application form").capability == "Online forms"
    # "payment reconciliation" is a reconciliation, not a payment
    assert vocabulary.lookup("Payment reconciliation").capability == "Income management"


def test_common_words_match_only_as_the_whole_name(vocabulary):
    assert vocabulary.lookup("Network").capability == "Network and connectivity"
    assert vocabulary.lookup("Peer network of councils") is None
    assert vocabulary.lookup("Notify applicant") is None


def test_unknown_and_service_specific_names_are_left_alone(vocabulary):
    assert vocabulary.lookup("Taxi licence conditions") is None
    assert vocabulary.lookup("Pupil premium tracker") is None
    assert vocabulary.lookup("Front office") is None


def test_management_and_system_do_not_split_a_capability(vocabulary):
    # "admissions management" is an alias: "Admissions system" says the same thing
    assert vocabulary.lookup("Admissions system").capability == "School admissions management"
    assert vocabulary.lookup("Garden waste management back office").capability == "Waste collection management"


def test_a_generic_word_never_decides_a_match(vocabulary):
    # "office" is in the names of many capabilities: it does not make a back office Office productivity
    assert vocabulary.is_generic("office") and vocabulary.is_generic("management")
    assert not vocabulary.is_generic("refuse") and not vocabulary.is_generic("licensing")
    assert vocabulary.lookup("Bereavement back office") is None
    assert vocabulary.lookup("Garden waste management back office").capability != "Office productivity"


def test_names_that_only_look_like_a_capability(vocabulary):
    assert vocabulary.lookup("Event hosting") is None
    assert vocabulary.lookup("Sign language interpreting") is None
    assert vocabulary.lookup("Cloud hosting").capability == "Hosting"


def test_suppliers_in_annotations_are_suppliers(vocabulary):
    assert vocabulary.supplier("Whitespace") == "Whitespace"
    assert vocabulary.supplier("civica") == "Civica"
    assert vocabulary.supplier("Capita Academy") == "Capita Academy"
    assert vocabulary.supplier("shared service") is None


def test_care_and_financial_assessments_are_different_capabilities(vocabulary):
    assert vocabulary.lookup("Care needs assessment").capability == "Care needs assessment"
    assert vocabulary.lookup("Financial assessment").capability == "Financial assessment"


def test_distinguishing_words_are_normalised(vocabulary):
    assert vocabulary.is_distinguishing(words("Children")[0])
    assert vocabulary.is_distinguishing("permit")


def test_a_conflicting_vocabulary_is_reported():
    data = {"capabilities": [{"name": "A", "aliases": ["thing"]}, {"name": "B", "aliases": ["Things"]}]}
    assert vocabulary_from_data(data).conflicts
