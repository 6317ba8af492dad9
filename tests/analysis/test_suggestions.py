import pytest

from wardley.analysis.aliases import Aliases
from wardley.analysis.matching import CapabilityGroup, Placement
from wardley.analysis.settings import Settings
from wardley.analysis.suggestions import blocking_words, name_similarity, suggest_merges
from wardley.analysis.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()


def group(name: str, *names: str, known: bool = False) -> CapabilityGroup:
    placements = [Placement(index, f"m{index}", f"e{index}", each, 0.5, 0.5, "none")
                  for index, each in enumerate(names or (name,))]
    return CapabilityGroup(name, placements, known)


@pytest.mark.parametrize(("first", "second"), [
    ("Care needs assessment", "Financial assessment"),
    ("Admissions system", "Permit system"),
    ("Care needs assessment", "Needs assessment"),  # one extra word, but a distinguishing one
    ("Cloud hosting", "Web hosting"),
])
def test_words_that_tell_things_apart_block_a_merge(first, second):
    assert blocking_words(first, second, VOCABULARY)
    assert name_similarity(first, second, VOCABULARY) == 0.0


@pytest.mark.parametrize(("first", "second"), [
    ("Adress lookup", "Address lookup"),
    ("Documnet management", "Document management"),
    ("Permit enforcment", "Permit enforcement"),
])
def test_misspellings_are_not_differences(first, second):
    assert blocking_words(first, second, VOCABULARY) == set()
    assert name_similarity(first, second, VOCABULARY) >= 0.85


def test_typos_across_maps_are_suggested_but_not_merged():
    groups = [group("Permit enforcement"), group("Permit enforcment"), group("Tree survey")]
    merges = suggest_merges(groups, VOCABULARY)
    assert [merge.names for merge in merges] == [("Permit enforcement", "Permit enforcment")]
    assert 0.85 <= merges[0].similarity < 1.0


def test_blocked_look_alikes_are_never_suggested():
    groups = [group("Admissions system"), group("Permits system"), group("Care needs assessment", known=True),
              group("Carers needs assessment")]
    names = {frozenset(merge.names) for merge in suggest_merges(groups, VOCABULARY)}
    assert frozenset(("Admissions system", "Permits system")) not in names


def test_two_vocabulary_capabilities_are_never_suggested():
    groups = [group("Payments", known=True), group("Paymentz", known=True)]
    assert suggest_merges(groups, VOCABULARY) == []


def test_a_pair_the_room_kept_apart_is_not_suggested_again():
    groups = [group("Permit enforcement"), group("Permit enforcment")]
    aliases = Aliases(keep_apart=[("permit enforcement", "Permit Enforcment")])
    assert suggest_merges(groups, VOCABULARY, aliases) == []


def test_a_suggestion_names_the_capability_not_just_a_spelling():
    groups = [group("Document storage", "SharePoint", "Document management", known=True),
              group("Documnet management")]
    merges = suggest_merges(groups, VOCABULARY)
    assert [merge.names for merge in merges] == [("Document storage", "Documnet management")]


def test_blocks_too_common_to_mean_anything_are_skipped():
    # 30 names share the word "widget"; with a limit of 10 that block is skipped, but the
    # misspelt pair still meets through its rarer word.
    groups = [group(f"Widget {chr(97 + i)}{chr(97 + i)}{chr(98 + i)}") for i in range(20)]
    groups += [group("Widget enforcement"), group("Widget enforcment")]
    merges = suggest_merges(groups, VOCABULARY, settings=Settings(block_size_limit=10))
    assert ("Widget enforcement", "Widget enforcment") in [merge.names for merge in merges]


def test_names_one_word_apart_share_a_block():
    from wardley.analysis.names import name_key
    from wardley.analysis.suggestions import block_keys

    assert block_keys(name_key("Adress lookup")) & block_keys(name_key("Address lookup"))
    assert block_keys(name_key("Permit enforcement team")) & block_keys(name_key("Permit enforcement"))
    assert block_keys(name_key("Documnet")) & block_keys(name_key("Document"))
    assert not block_keys(name_key("Bin day lookup")) & block_keys(name_key("Address lookup"))


def test_a_large_library_is_not_compared_pair_by_pair(monkeypatch):
    import wardley.analysis.suggestions as suggestions

    calls = []
    real = suggestions.fuzz.token_sort_ratio

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggestions.fuzz, "token_sort_ratio", counting)
    services = ["parking", "library", "waste", "planning", "licensing", "housing", "grants", "tree", "noise", "rent"]
    nouns = ["register", "records", "triage", "inspection", "decision", "tracker", "appeals", "queue", "review",
             "renewal", "evidence", "officer", "rota", "audit", "survey", "budget", "contract", "mailbox", "log",
             "calendar"]
    def comparisons(service_names):
        calls.clear()
        groups = [group(f"{service} {noun} {n}") for service in service_names for noun in nouns
                  for n in ("north", "south", "east")]
        suggest_merges(groups, VOCABULARY)
        return len(groups), len(calls)

    half, half_calls = comparisons(services[:5])
    full, full_calls = comparisons(services)
    assert (half, full) == (300, 600)
    assert full_calls < full * (full - 1) / 2 / 10  # a small share of all pairs
    assert full_calls < 2.5 * half_calls  # and growing with the names, not with their square
