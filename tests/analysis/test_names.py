from wardley.analysis.names import content_words, head_words, name_key, singular, words


def test_case_punctuation_and_plurals_do_not_matter():
    assert name_key("Payments") == name_key("payment") == name_key("PAYMENTS.")
    assert name_key("GOV.UK Pay") == name_key("govuk pay") == name_key("Gov.uk  pay")
    assert name_key("e-Forms") == name_key("eforms")
    assert name_key("Address look-up") == name_key("address lookup")


def test_filler_words_are_dropped():
    assert name_key("Online payments system") == name_key("Payments")
    assert name_key("The digital booking service") == name_key("booking")
    assert name_key("Email & SMS") == name_key("email and sms") == name_key("SMS and email")


def test_a_name_made_only_of_filler_keeps_its_words():
    assert content_words("Online service") == ("online", "service")


def test_word_order_and_prepositions_do_not_change_the_key():
    assert name_key("Payments for parking") == name_key("Parking payments")


def test_different_things_keep_different_keys():
    assert name_key("Admissions system") != name_key("Permit system")
    assert name_key("Care needs assessment") != name_key("Financial assessment")


def test_singular_rules():
    assert singular("addresses") == "address"
    assert singular("address") == "address"
    assert singular("categories") == "category"
    assert singular("boxes") == "box"
    assert singular("status") == "status"
    assert singular("sms") == "sms"
    assert singular("services") == "service"


def test_sign_in_is_one_word_not_a_preposition():
    assert words("Resident sign in") == ("resident", "signin")
    assert words("Log-in") == words("log in") == ("login",)


def test_head_words_stop_at_the_first_preposition():
    assert head_words("Payments for parking") == ("payment",)
    assert head_words("Proof of address check") == ("proof",)
    assert head_words("Parking payments") == ("parking", "payment")


def test_a_dash_sets_off_only_an_abbreviation_or_a_supplier():
    from wardley.analysis.names import split_name
    from wardley.analysis.vocabulary import load_vocabulary

    load_vocabulary()  # registers the suppliers
    assert split_name("CTR - council tax reduction") == ("council tax reduction", ("CTR",))
    assert split_name("Civica - bereavement back office") == ("bereavement back office", ("Civica",))
    assert split_name("Waste back office - Whitespace") == ("Waste back office", ("Whitespace",))
    # a domain word before a dash is part of the name
    assert split_name("Housing - repairs portal") == ("Housing - repairs portal", ())
    assert split_name("Parking: permit checks") == ("Parking: permit checks", ())
