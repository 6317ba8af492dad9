from wardley.analysis import analyse_maps
from tests.analysis.builders import service_map


def library():
    maps = [
        ("parking", service_map("Parking", [("Payment gateway", 0.38, 0.5, "build")], needs=2)),
        ("library", service_map("Library", [("GOV.UK Pay", 0.85, 0.5)])),
        ("waste", service_map("Waste", [("Pay360", 0.80, 0.5)])),
        ("tax", service_map("Council tax", [("Card payments", 0.82, 0.5), ("Eligibility rules", 0.2, 0.4)])),
        ("blue", service_map("Blue badge", [("Online payments", 0.9, 0.5), ("Eligibility rules", 0.25, 0.4)])),
        ("licensing", service_map("Licensing", [("Licence register", 0.4, 0.5)])),
    ]
    return analyse_maps(maps)


def test_the_tier_sentence_names_maps_and_numbers():
    payments = library().capability("Payments")
    assert payments.tier == "strong"
    text = payments.tier_sentence
    assert text.startswith("Payments is a strong candidate for a shared platform: ")
    assert "score" not in text  # read aloud in a room: counts and stages, not the formula
    assert "on 5 of 6 maps (Parking, Library, Waste, Council tax and Blue badge)" in text
    assert "serves 6 of 7 user needs" in text
    assert "4 maps place it as a commodity, Parking as custom-built." in text


def test_each_badge_has_its_own_sentence_naming_the_maps():
    payments = library().capability("Payments")
    assert set(payments.badges) == {"inconsistent-placement", "custom-built-commodity", "duplicated-supply",
                                    "use-a-utility"}
    sentences = payments.badge_sentences
    assert "Parking places 'Payment gateway' at 0.38 (custom-built)" in sentences["inconsistent-placement"]
    assert "Blue badge places 'Online payments' at 0.90 (commodity), a spread of 0.52" in sentences[
        "inconsistent-placement"]
    assert "Parking places 'Payment gateway' at 0.38, 0.44 left of the median 0.82" in sentences[
        "custom-built-commodity"]
    assert sentences["duplicated-supply"].startswith(
        "Payments is supplied 2 different ways: GOV.UK Pay (Library) and Pay360 (Waste)")
    assert "(median evolution 0.82): source it the standard way" in sentences["use-a-utility"]
    for sentence in sentences.values():
        assert sentence in payments.explanation


def test_not_strong_says_which_condition_failed():
    report = library()
    rules = report.capability("Eligibility rules")
    assert rules.tier == "none"
    assert "median evolution 0.23 (custom-built) is below 0.35, too early to share" in rules.explanation
    assert "on 2 maps but its median evolution is 0.23 (custom-built): too early to standardise" in (
        rules.badge_sentences["too-early"])


def test_a_possible_candidate_says_why_it_is_not_strong():
    maps = [(f"m{i}", service_map(f"Service {i}", [("GOV.UK Pay", 0.8, 0.5)] if i < 3 else [("Other", 0.5, 0.5)]))
            for i in range(8)]
    payments = analyse_maps(maps).capability("Payments")
    assert payments.tier == "possible"
    assert ("It is not strong because it does not yet serve enough of the needs across enough of the maps "
            "and it is on only 3 of 8 maps (fewer than half).") in (
        payments.explanation)


def test_sentences_list_every_map():
    from wardley.analysis.explain import listing

    assert listing(["A"]) == "A"
    assert listing(["A", "B"]) == "A and B"
    assert listing(["A", "B", "C", "D", "E", "F"]) == "A, B, C, D, E and F"
    assert listing(["A", "B", "C", "D", "E", "F"], 5) == "A, B, C, D and 2 more"
    maps = [(f"m{i}", service_map(f"Service {i}", [("GOV.UK Pay", 0.8, 0.5)])) for i in range(9)]
    sentence = analyse_maps(maps).capability("Payments").tier_sentence
    assert all(f"Service {i}" in sentence for i in range(9)) and "more" not in sentence
