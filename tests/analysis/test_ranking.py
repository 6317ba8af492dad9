"""A national commodity ranks at or above the candidates that rest on it, on a library as on one map."""

from tests.analysis.builders import make_map
from wardley.analysis import analyse_maps


def tenancy_map(title: str, hosted: bool = True):
    # The hub has four direct dependants, Hosting one (the hub): hub weight favours the hub.
    screens = [f"{title} screen {index}" for index in range(1, 5)]
    components = [(name, 0.5, 0.7) for name in screens] + [("Tenancy case hub", 0.72, 0.5), ("Hosting", 0.92, 0.1)]
    links = [("Tenant", "Manage my tenancy"), *(("Manage my tenancy", name) for name in screens)]
    links += [(name, "Tenancy case hub") for name in screens]
    if hosted:
        links.append(("Tenancy case hub", "Hosting"))
    else:
        links.append((screens[0], "Hosting"))
    return make_map(title, ["Tenant"], [("Manage my tenancy", 0.6, 0.9)], components, links)


def test_on_a_library_the_commodity_under_a_shared_hub_ranks_with_it():
    report = analyse_maps([(f"{name}.wardley.json", tenancy_map(name)) for name in ("Eastvale", "Riverton")])
    order = [item.name for item in report.capabilities]
    hub, hosting = report.capability("Tenancy case hub"), report.capability("Hosting")
    assert hub.tier == "strong"
    assert hosting.tier == "strong" and hosting.score == hub.score
    assert order.index("Hosting") < order.index("Tenancy case hub"), order
    assert "It ranks at least as high as Tenancy case hub, which depends on it." in hosting.tier_sentence


def test_on_a_library_a_dependency_one_map_does_not_draw_does_not_lift():
    # On Riverton the hub does not rest on Hosting: the maps disagree, so weights alone decide.
    report = analyse_maps([("e.wardley.json", tenancy_map("Eastvale")),
                           ("r.wardley.json", tenancy_map("Riverton", hosted=False))])
    hub, hosting = report.capability("Tenancy case hub"), report.capability("Hosting")
    assert hosting.score < hub.score
    assert "ranks at least as high" not in hosting.tier_sentence
