"""Sentences read aloud from single maps and libraries say true things in plain words.

Each test here is a fault found by reading the reports of the example maps as a council digital
lead would to a cabinet member.
"""

from tests.analysis.builders import make_map, service_map
from wardley.analysis import analyse_map, analyse_maps
from wardley.analysis.vocabulary import load_vocabulary


def two_need_map():
    # Hosting serves both needs but little rests on it: a possible candidate, not strong.
    components = [("Permit rules", 0.3, 0.7), ("Permit database", 0.35, 0.5, "build"), ("Hosting", 0.92, 0.1),
                  ("Enforcement app", 0.4, 0.6),
                  ("GOV.UK Notify", 0.85, 0.3)]
    links = [("Resident", "Apply for a permit"), ("Resident", "Renew a permit"), ("Apply for a permit", "Permit rules"),
             ("Renew a permit", "Permit rules"), ("Permit rules", "Permit database"),
             ("Apply for a permit", "Enforcement app"), ("Enforcement app", "Permit database"),
             ("Permit database", "Hosting"), ("Enforcement app", "GOV.UK Notify")]
    return make_map("Parking permits", ["Resident"], [("Apply for a permit", 0.6, 0.9), ("Renew a permit", 0.6, 0.9)],
                    components, links)


def test_one_map_alone_is_not_spoken_of_as_several_maps():
    report = analyse_map(two_need_map(), path="permits.wardley.json")
    notifications = report.capability("Notifications")
    assert notifications.tier == "possible"
    assert "It is not strong because not enough of this map depends on it" in notifications.tier_sentence
    for item in report.capabilities:
        assert "across enough of the maps" not in item.explanation, item.explanation
        assert "median" not in item.tier_sentence, item.tier_sentence


def test_the_reason_a_single_map_candidate_is_not_strong_names_the_threshold_as_a_minimum():
    report = analyse_map(two_need_map(), path="permits.wardley.json")
    hosting = report.capability("Hosting")
    assert hosting.tier == "possible"
    assert "it serves only 2 needs (a strong candidate serves at least 3)" in hosting.tier_sentence


def test_a_single_placement_below_the_strong_evolution_is_named_as_its_place_not_a_median():
    report = analyse_map(two_need_map(), path="permits.wardley.json")
    database = report.capability("Database")
    assert database.tier == "possible"
    assert "it is placed at 0.35, which is below 0.50" in database.tier_sentence


def test_on_a_library_the_score_reason_still_speaks_of_maps():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("Hosting", 0.9, 0.2)]))
            for index in range(2)]
    maps += [(f"o{index}.wardley.json", service_map(f"Other {index}", [("Welfare rules", 0.3, 0.2)]))
             for index in range(6)]
    hosting = analyse_maps(maps).capability("Hosting")
    assert hosting.tier == "possible"
    assert "It is not strong because it does not yet serve enough of the needs across enough of the maps" in (
        hosting.tier_sentence)


def test_a_common_word_with_a_modifier_before_it_is_not_that_capability():
    vocabulary = load_vocabulary()
    # On a coaching map these are a list of shared platforms and maps of services, not a
    # library's catalogue or a GIS.
    assert vocabulary.lookup("Shared platform catalogue") is None
    assert vocabulary.lookup("Service maps") is None
    catalogue, mapping = vocabulary.lookup("Online catalogue"), vocabulary.lookup("Mapping service")
    assert catalogue is not None and catalogue.capability == "Library management system"
    assert mapping is not None and mapping.capability == "GIS and mapping"


def test_a_single_placement_too_early_to_share_is_named_by_its_place():
    report = analyse_map(two_need_map(), path="permits.wardley.json")
    rules = report.capability("Permit rules")
    assert rules.tier == "none"
    assert "it is placed at 0.30 (custom-built), below 0.35, too early to share" in rules.tier_sentence
