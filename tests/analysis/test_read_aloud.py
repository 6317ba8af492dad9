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
    assert "it is placed as custom-built; at 0.30, below 0.35, it is too early to share." in rules.tier_sentence


def _library_with_two_catalogues():
    # One map draws the capability twice, at two stages: its title must not stand for both.
    county = make_map("County libraries", ["Reader"], [("Borrow a book", 0.6, 0.9)],
                      [("Stock management", 0.75, 0.5), ("Library catalogue", 0.55, 0.6)],
                      [("Reader", "Borrow a book"), ("Borrow a book", "Library catalogue"),
                       ("Library catalogue", "Stock management")])
    maps = [("county.wardley.json", county)]
    maps += [(f"t{index}.wardley.json", service_map(f"Town {index} libraries", [("Spydus", 0.8, 0.5, "buy")]))
             for index in range(2)]
    maps.append(("city.wardley.json", service_map("City libraries", [("Library management system", 0.3, 0.5)])))
    return analyse_maps(maps).capability("Library management system")


def test_a_map_that_places_a_capability_at_two_stages_is_not_counted_at_one_of_them():
    sentence = _library_with_two_catalogues().tier_sentence
    assert "it is placed as a commodity by County libraries ('Stock management'), Town 0 libraries and Town 1 libraries, " \
           "as a product by County libraries ('Library catalogue') and as custom-built by City libraries" in sentence
    assert "map places it" not in sentence and "maps place it" not in sentence


def test_one_map_placing_a_capability_twice_names_each_component():
    county = make_map("County libraries", ["Reader"], [("Borrow a book", 0.6, 0.9)],
                      [("Stock management", 0.75, 0.5), ("Library catalogue", 0.55, 0.6)],
                      [("Reader", "Borrow a book"), ("Borrow a book", "Library catalogue"),
                       ("Library catalogue", "Stock management")])
    sentence = analyse_map(county).capability("Library management system").tier_sentence
    assert "'Stock management' is placed as a commodity and 'Library catalogue' as a product" in sentence


def test_when_every_map_agrees_the_sentence_says_so():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("Hosting", 0.9, 0.2)])) for index in range(3)]
    maps += [("p.wardley.json", service_map("Parking", [("Welfare rules", 0.3, 0.2)]))]
    assert "all 3 maps place it as a commodity" in analyse_maps(maps).capability("Hosting").tier_sentence
    pair = analyse_maps(maps[:2] + maps[3:]).capability("Hosting")
    assert "both maps place it as a commodity" in pair.tier_sentence


def test_several_maps_building_a_national_commodity_hear_the_alternative_once():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [(f"Service {index} form", 0.45, 0.5, "build")]))
            for index in range(3)]
    maps = [(path, wardley_map) for path, wardley_map in maps]
    # The three names are the vocabulary's Online forms only through "form".
    forms = analyse_maps(maps).capability("Online forms")
    assert forms is not None and len(forms.maps) == 3
    sentence = forms.badge_sentences["custom-built-commodity"]
    assert sentence.count("use GOV.UK Forms") == 1, sentence
    # Every map builds it: nobody here "uses a commodity" instead.
    assert sentence.startswith("Custom-built where a commodity exists: ")
    for index in range(3):
        assert f"Service {index} builds 'Service {index} form'" in sentence


def test_a_value_just_under_a_threshold_is_not_read_as_equal_to_it():
    maps = [("p.wardley.json", service_map("Parking permits", [("Permit database", 0.3499, 0.5, "build")])),
            ("o.wardley.json", service_map("Other", [("Hosting", 0.9, 0.2)]))]
    database = analyse_maps(maps).capability("Database")
    assert "0.35" not in database.tier_sentence.split("below")[0], database.tier_sentence


def test_a_national_commodity_drawn_too_far_left_is_not_called_too_early():
    # "Too early to share" and "a commodity nationally: use a managed database" cannot both be true.
    maps = [("p.wardley.json", service_map("Parking permits", [("Permit database", 0.25, 0.5, "build")])),
            ("o.wardley.json", service_map("Other", [("Hosting", 0.9, 0.2)]))]
    database = analyse_maps(maps).capability("Database")
    assert database.tier == "none"
    assert "too early" not in database.tier_sentence
    assert "commodity nationally" in database.tier_sentence


def test_a_value_on_the_threshold_is_not_said_to_be_below_it():
    maps = [("p.wardley.json", service_map("Parking permits", [("Permit database", 0.35, 0.5, "build")])),
            ("o.wardley.json", service_map("Other", [("Hosting", 0.9, 0.2)]))]
    sentence = analyse_maps(maps).capability("Database").tier_sentence
    assert "below 0.35" not in sentence and "at the 0.35 threshold" in sentence, sentence


def test_stock_of_any_kind_is_not_a_library_management_system():
    vocabulary = load_vocabulary()
    for name in ("Book stock", "Housing stock", "Vehicle stock"):
        assert vocabulary.lookup(name) is None, name
    stock = vocabulary.lookup("Stock management")
    assert stock is not None and stock.capability == "Library management system"


def test_builders_among_placements_that_are_not_commodities_are_not_told_others_use_one():
    maps = [("a.wardley.json", service_map("Adult care", [("Online forms", 0.56, 0.6),
                                                           ("Self-assessment form", 0.48, 0.5, "build")])),
            ("w.wardley.json", service_map("Waste", [("Missed bin form", 0.45, 0.5, "build")]))]
    sentence = analyse_maps(maps).capability("Online forms").badge_sentences["custom-built-commodity"]
    assert sentence.startswith("Custom-built where a commodity exists: "), sentence


def test_markdown_says_a_method_is_not_marked_rather_than_none():
    from wardley.analysis import report_to_markdown

    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("Hosting", 0.9, 0.2)])) for index in range(2)]
    markdown = report_to_markdown(analyse_maps(maps))
    assert "| Service 0 | Hosting | 0.90 | not marked |" in markdown
    assert "| none |" not in markdown


def _needless_map():
    # Drawn without needs, as many maps are: components depending on components.
    return make_map("Payment system", [], [], [("Checkout", 0.5, 0.8), ("Card gateway", 0.8, 0.5),
                                                ("Hosting", 0.9, 0.2), ("Receipt wording", 0.2, 0.7)],
                    [("Checkout", "Card gateway"), ("Card gateway", "Hosting"), ("Checkout", "Hosting"),
                     ("Checkout", "Receipt wording")])


def test_a_map_without_needs_is_not_read_as_serving_0_of_0_needs():
    report = analyse_map(_needless_map(), path="pay.wardley.json")
    for item in report.capabilities:
        assert "0 of 0" not in item.explanation and "only 0 needs" not in item.explanation, item.explanation
        assert "too few of the map's needs" not in item.explanation, item.explanation
    hosting = report.capability("Hosting")
    assert "the map marks no user needs" in hosting.tier_sentence, hosting.tier_sentence


def test_the_summary_says_no_candidates_rather_than_0_and_0():
    from wardley.analysis import report_to_text

    report = analyse_map(make_map("Empty", ["User"], [("Need", 0.5, 0.9)], [("Idea", 0.1, 0.5)],
                                  [("User", "Need"), ("Need", "Idea")]), path="e.wardley.json")
    first = report_to_text(report).splitlines()[0]
    assert first == "1 map, 1 capability: no candidates for a shared platform.", first


def test_a_component_no_need_reaches_serves_none_of_them_not_0_of_them():
    lonely = make_map("Blue badge", ["Applicant"], [("Apply", 0.5, 0.9), ("Renew", 0.5, 0.9)],
                      [("Evidence check", 0.4, 0.5), ("Old spreadsheet", 0.8, 0.3)],
                      [("Applicant", "Apply"), ("Applicant", "Renew"), ("Apply", "Evidence check")])
    report = analyse_maps([("b.wardley.json", lonely), ("o.wardley.json", service_map("Other", [("Hosting", 0.9, 0.2)]))])
    sentence = report.capability("Old spreadsheet").tier_sentence
    assert "serves none of the 3 user needs" in sentence and "0 of" not in sentence, sentence
    alone = analyse_map(lonely).capability("Old spreadsheet").tier_sentence
    assert "it serves none of the 2 user needs on this map" in alone, alone


def test_a_national_commodity_built_far_left_of_the_others_still_names_what_to_use():
    maps = [("e.wardley.json", service_map("Eastvale", [("Card payments", 0.85, 0.3, "buy")])),
            ("r.wardley.json", service_map("Riverton", [("Payments module (built in-house)", 0.3, 0.3, "build")]))]
    sentence = analyse_maps(maps).capability("Payments").badge_sentences["custom-built-commodity"]
    assert "Riverton places 'Payments module (built in-house)' at 0.30, 0.27 left of the median 0.57" in sentence
    assert sentence.endswith(" Payments is a commodity nationally: use GOV.UK Pay or a payment service provider "
                             "from the Crown Commercial Service framework instead."), sentence


def test_of_two_spellings_as_common_the_sentence_case_one_names_the_capability():
    maps = [("a.wardley.json", service_map("A", [("Eligibility Rules", 0.2, 0.4)])),
            ("b.wardley.json", service_map("B", [("Eligibility rules", 0.2, 0.4)]))]
    names = {item.name for item in analyse_maps(maps).capabilities}
    assert "Eligibility rules" in names and "Eligibility Rules" not in names


def test_a_word_left_once_qualifiers_are_dropped_does_not_name_a_capability_on_its_own():
    # "Education management system" is a school system; "education" alone, or "Economic
    # development", is not a school system or a planning back office.
    vocabulary = load_vocabulary()
    for name in ("Education", "Patient education", "Economic development", "Staff development",
                 "Public health information", "Advice and information"):
        assert vocabulary.lookup(name) is None, (name, vocabulary.lookup(name))
    for name, capability in (("Education management system", "School admissions management"),
                             ("Development management", "Planning back office"),
                             ("Management information", "Reporting and analytics")):
        term = vocabulary.lookup(name)
        assert term is not None and term.capability == capability, name


def test_placed_far_left_of_a_product_is_not_called_custom_built_where_a_commodity_exists():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("Diagnosis", evolution, 0.5)]))
            for index, evolution in enumerate((0.4, 0.66, 0.68))]
    sentence = analyse_maps(maps).capability("Diagnosis").badge_sentences["custom-built-commodity"]
    assert "commodity" not in sentence, sentence
    assert sentence.startswith("Placed well left of the other maps: Service 0 places 'Diagnosis' at 0.40, "
                               "0.26 left of the median 0.66."), sentence


def test_a_sentence_starts_with_a_capital_even_when_the_map_names_the_thing_in_lower_case():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("society", 0.3 + index / 4, 0.5)]))
            for index in range(3)]
    society = analyse_maps(maps).capability("society")
    assert society.tier_sentence.startswith("Society is "), society.tier_sentence
    assert all(sentence[0].isupper() for sentence in society.badge_sentences.values()), society.badge_sentences
    # A name that starts small on purpose keeps its spelling.
    ebooks = analyse_maps([("e.wardley.json", service_map("Library", [("eBooks", 0.7, 0.5)]))]).capability("eBooks")
    assert ebooks.tier_sentence.startswith("eBooks ")


def test_a_name_in_capitals_does_not_name_a_capability_spelt_both_ways():
    maps = [("a.wardley.json", service_map("A", [("SOCIAL NORMS", 0.5, 0.4)])),
            ("b.wardley.json", service_map("B", [("social norm", 0.7, 0.4)]))]
    names = {item.name for item in analyse_maps(maps).capabilities}
    assert "social norm" in names, names


def test_use_a_utility_on_a_few_maps_of_a_library_does_not_say_most_maps():
    maps = [(f"m{index}.wardley.json", service_map(f"Service {index}", [("Electricity", 0.97, 0.1)]))
            for index in range(2)]
    maps += [(f"o{index}.wardley.json", service_map(f"Other {index}", [("Welfare rules", 0.3, 0.2)]))
             for index in range(4)]
    sentence = analyse_maps(maps).capability("Power").badge_sentences["use-a-utility"]
    assert "Most maps" not in sentence
    assert sentence.startswith("On the 2 maps that show it, Power sits far to the right, as a commodity "
                               "(median evolution 0.97): source it the standard way"), sentence
