"""Each class of matching error seen on held-out council libraries, with names of our own."""

from tests.analysis.builders import service_map
from wardley.analysis import analyse_maps


def library(*names, method="none", evolution=0.6):
    return [(f"m{i}.wardley.json", service_map(f"Council {i}", [(name, evolution, 0.5, method)]))
            for i, name in enumerate(names)]


def capability_of(report, name):
    (found,) = [item for item in report.capabilities if name in {p.name for p in item.placements}]
    return found


def test_a_supplier_in_brackets_does_not_split_a_capability():
    names = ["Trade waste back office (Echo)", "Trade waste back office (Bartec)", "Trade waste management back office"]
    report = analyse_maps(library(*names))
    capability = capability_of(report, names[0])
    assert {p.name for p in capability.placements} == set(names)
    # the suppliers are kept as implementations: two of them is duplicated supply
    assert capability.implementations == ["Bartec", "Echo"]
    assert "duplicated-supply" in capability.badges


def test_a_generic_word_does_not_name_the_wrong_capability():
    report = analyse_maps(library("Bereavement management back office", "Bereavement back office", "Microsoft 365"))
    capability = capability_of(report, "Bereavement management back office")
    assert capability.name != "Office productivity"
    assert {p.name for p in capability.placements} == {"Bereavement management back office", "Bereavement back office"}


def test_a_qualifier_or_a_dash_abbreviation_does_not_split_a_capability():
    names = ["Land charges (consortium)", "Land charges", "LC - land charges", "Land charges (shared service)"]
    report = analyse_maps(library(*names))
    assert {p.name for p in capability_of(report, names[0]).placements} == set(names)
    assert capability_of(report, names[0]).placements[0].qualifiers == ("consortium",)


def test_a_shared_domain_word_does_not_merge_different_capabilities_nor_confuse_the_sentence():
    maps = library("Housing management system", "Housing management system", "Housing management system",
                   evolution=0.6)
    maps += [(f"r{i}.wardley.json", service_map(f"Repairs {i}", [("Housing repairs portal", 0.9, 0.5)]))
             for i in range(3)]
    report = analyse_maps(maps)
    main, repairs = capability_of(report, "Housing management system"), capability_of(report, "Housing repairs portal")
    assert main is not repairs
    assert "commodity" not in main.tier_sentence and "Repairs" not in main.tier_sentence
    assert "3 maps place it as a product" in main.tier_sentence


def test_a_commodity_built_in_house_joins_the_product_others_use():
    maps = library("Pay360", "GOV.UK Pay", "Civica Pay", method="buy", evolution=0.85)
    maps.append(("built.wardley.json", service_map("Pest control", [("Bespoke payments module", 0.35, 0.5, "build")])))
    payments = capability_of(analyse_maps(maps), "Bespoke payments module")
    assert payments.name == "Payments" and len(payments.maps) == 4
    assert "custom-built-commodity" in payments.badges and "use-a-utility" in payments.badges


def test_the_doubtful_band_is_offered_to_the_room_with_a_reason():
    report = analyse_maps(library("Homelessness assesment", "Homelessness assessment", "Grave registery",
                                  "Grave register"))
    suggested = {frozenset(merge.names): merge for merge in report.suggested_merges}
    merge = suggested[frozenset(("Homelessness assesment", "Homelessness assessment"))]
    assert "'assesment' and 'assessment' look like one word spelt two ways" in merge.reason
    assert frozenset(("Grave registery", "Grave register")) in suggested
    # suggested, never merged by itself
    assert capability_of(report, "Grave registery") is not capability_of(report, "Grave register")
