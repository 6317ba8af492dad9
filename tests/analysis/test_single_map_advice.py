"""One map alone: what everything rests on ranks first, and a commodity built in-house is named."""

from tests.analysis.builders import make_map
from wardley.analysis import analyse_map


def bin_day_map():
    # One user need, as many service maps have; the service-specific part rests on the commodities.
    components = [
        ("Bin day lookup page", 0.45, 0.8),
        ("Round schedule rules", 0.3, 0.65),
        ("In-house address lookup module", 0.3, 0.45, "build"),
        ("Text messages", 0.75, 0.5),
        ("Hosting", 0.9, 0.2),
    ]
    links = [("Resident", "Know my bin day"), ("Know my bin day", "Bin day lookup page"),
             ("Bin day lookup page", "Round schedule rules"), ("Bin day lookup page", "In-house address lookup module"),
             ("Bin day lookup page", "Text messages"), ("Round schedule rules", "Hosting"),
             ("In-house address lookup module", "Hosting"), ("Text messages", "Hosting")]
    return make_map("Bin day", ["Resident"], [("Know my bin day", 0.6, 0.9)], components, links)


def test_shared_commodities_outrank_the_service_specific_part_that_rests_on_them():
    report = analyse_map(bin_day_map(), path="bin-day.wardley.json")
    order = [item.name for item in report.capabilities]
    page = order.index("Bin day lookup page")
    for commodity in ("Hosting", "Address lookup", "Notifications"):
        assert order.index(commodity) < page, order
    assert report.capability("Hosting").score > report.capability("Bin day lookup page").score


def test_a_commodity_built_in_house_is_flagged_with_the_national_platform_to_use():
    report = analyse_map(bin_day_map(), path="bin-day.wardley.json")
    address = report.capability("Address lookup")
    assert "custom-built-commodity" in address.badges
    sentence = address.badge_sentences["custom-built-commodity"]
    assert "Bin day builds 'In-house address lookup module' itself" in sentence
    assert "OS Places API" in sentence and "commodity nationally" in sentence
    assert address.placements[0].qualifiers == ("inhouse", "module")


def test_a_built_commodity_on_a_library_gets_the_badge_where_others_buy_it():
    from tests.analysis.builders import service_map
    from wardley.analysis import analyse_maps

    maps = [(f"m{i}.wardley.json", service_map(f"Service {i}", [("Pay360", 0.85, 0.5, "buy")])) for i in range(3)]
    maps.append(("m3.wardley.json", service_map("Garden waste", [("Card payment module (built in-house)", 0.4, 0.5,
                                                                  "build")])))
    payments = analyse_maps(maps).capability("Payments")
    assert len(payments.maps) == 4
    assert "custom-built-commodity" in payments.badges
    assert "Garden waste" in payments.badge_sentences["custom-built-commodity"]
