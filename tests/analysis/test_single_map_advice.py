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


def case_hub_map():
    # A service-specific hub that half the map leans on directly, placed as a mature product (fit 1),
    # resting on three shared commodities that each have only it as a direct dependant: by weights
    # alone (hub counts direct dependants) the hub outranks the commodities it depends on.
    screens = [f"Tenancy screen {index}" for index in range(1, 7)]
    components = [(name, 0.5, 0.7) for name in screens]
    components += [("Tenancy case hub", 0.72, 0.55), ("Hosting", 0.92, 0.1),
                   ("OS Places API", 0.85, 0.3), ("GOV.UK Notify", 0.85, 0.3)]
    links = [("Tenant", "Manage my tenancy"), *(("Manage my tenancy", name) for name in screens)]
    links += [(name, "Tenancy case hub") for name in screens]
    links += [("Tenancy case hub", "Hosting"), ("Tenancy case hub", "OS Places API"),
              ("Tenancy case hub", "GOV.UK Notify"), ("OS Places API", "Hosting")]
    return make_map("Tenancy", ["Tenant"], [("Manage my tenancy", 0.6, 0.9)], components, links)


def test_a_service_specific_hub_never_outranks_the_commodities_it_depends_on():
    report = analyse_map(case_hub_map(), path="tenancy.wardley.json")
    order = [item.name for item in report.capabilities]
    hub = report.capability("Tenancy case hub")
    assert hub.tier != "none"
    for commodity in ("Hosting", "Address lookup", "Notifications"):
        item = report.capability(commodity)
        assert order.index(commodity) < order.index("Tenancy case hub"), order
        assert item.tier == hub.tier and item.score >= hub.score, (commodity, item.tier, item.score)


def test_the_lifted_commodity_says_why_it_ranks_with_what_rests_on_it():
    report = analyse_map(case_hub_map(), path="tenancy.wardley.json")
    sentence = report.capability("Notifications").tier_sentence
    assert sentence.startswith("Notifications is a possible candidate to share: it serves 1 of 1 user need on this map")
    assert "It ranks at least as high as Tenancy case hub, which depends on it." in sentence
    # What ranks on its own merits says nothing of the kind, and the hub's sentence is unchanged.
    assert "ranks at least as high" not in report.capability("Tenancy case hub").tier_sentence


def test_service_specific_parts_that_do_not_depend_on_a_commodity_are_not_pushed_below_it():
    # Hosting is drawn, but the hub does not rest on it: no rule applies, weights decide.
    wardley_map = case_hub_map()
    wardley_map = wardley_map.model_copy(update={"links": [
        link for link in wardley_map.links if not (link.source == "tenancy-case-hub" and link.target == "hosting")
        and not (link.source == "os-places-api" and link.target == "hosting")]})
    report = analyse_map(wardley_map, path="tenancy.wardley.json")
    hosting = report.capability("Hosting")
    assert hosting.tier == "none"
    assert "ranks at least as high" not in hosting.tier_sentence
