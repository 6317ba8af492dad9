"""Who a service is for splits a capability: adults' and children's statutory systems are two things."""

from tests.analysis.builders import service_map
from wardley.analysis import analyse_maps
from wardley.analysis.names import client_groups
from wardley.analysis.vocabulary import load_vocabulary


def _library(*names: str):
    return analyse_maps([(f"m{index}.wardley.json", service_map(f"Council {index}", [(name, 0.6, 0.5, "buy")]))
                         for index, name in enumerate(names)])


def _capability_of(report, name: str) -> str:
    return next(item.name for item in report.capabilities if any(p.name == name for p in item.placements))


def test_adult_and_childrens_social_care_records_are_not_merged():
    report = _library("Adult social care records", "Children's social care records", "Liquidlogic LAS",
                      "Liquidlogic LCS")
    assert _capability_of(report, "Adult social care records") == "Adult social care records"
    assert _capability_of(report, "Liquidlogic LAS") == "Adult social care records"
    assert _capability_of(report, "Children's social care records") == "Children's social care records"
    assert _capability_of(report, "Liquidlogic LCS") == "Children's social care records"


def test_a_product_used_for_both_goes_where_the_name_says_it_is_for():
    # Mosaic serves both client groups: the bracket decides which capability a map means.
    report = _library("Mosaic (adults)", "Mosaic (children's services)", "Mosaic")
    assert _capability_of(report, "Mosaic (adults)") == "Adult social care records"
    assert _capability_of(report, "Mosaic (children's services)") == "Children's social care records"
    assert _capability_of(report, "Mosaic") == "Social care records"


def test_the_adults_product_named_for_children_is_not_the_adults_system():
    assert load_vocabulary().lookup("Liquidlogic LAS (children)") is None


def test_names_the_vocabulary_does_not_know_split_by_client_group_and_agree_on_word_order():
    report = _library("Safeguarding referrals (adults)", "Safeguarding referrals (children)",
                      "Adult safeguarding referrals")
    adults = _capability_of(report, "Safeguarding referrals (adults)")
    assert _capability_of(report, "Adult safeguarding referrals") == adults
    assert _capability_of(report, "Safeguarding referrals (children)") != adults


def test_client_groups_are_read_in_the_core_and_in_brackets():
    assert client_groups("Mosaic (adults)") == {"adults"}
    assert client_groups("Childrens services front door") == {"children"}
    assert client_groups("Childcare provider directory") == frozenset()
