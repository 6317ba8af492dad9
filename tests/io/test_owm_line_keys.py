"""What each line of OWM text holds, as the live text view rewrites lines by it."""

from __future__ import annotations

from wardley.io.owm.line_keys import read_keyed


def test_each_line_is_keyed_by_the_record_it_holds() -> None:
    text = "\n".join([
        "title Potholes",
        "// decided in workshop 3",
        "component Hosting",
        "component   Council website [0.62, 0.7]",
        "council website->hosting",  # found by OWM's loose match: the same link key
        "Council website->Hosting",  # a second link between the two: not the one the map holds
        "evolve Hosting 0.9",
        "note Ask IT [0.2, 0.2]",
        "not owm at all",
        "",
        "// another comment",
    ])
    keyed = read_keyed(text)
    assert keyed.keys == [
        ("line", "title", "0"),
        ("line", "//", "decided", "0"),
        ("element", "hosting"),
        ("element", "council-website"),
        ("link", "council-website", "hosting"),
        ("line", "Council", "0"),
        ("evolve", "hosting"),
        ("note", "ask-it"),
        ("line", "not", "0"),
        None,
        ("line", "//", "another", "0"),
    ]
    assert [e.id for e in keyed.result.map.elements] == ["hosting", "council-website"]


def test_a_renamed_elements_comment_id_is_its_key_and_its_links_follow() -> None:
    keyed = read_keyed('component Index [0.5, 0.5] // wardley: {"id": "catalogue"}\nIndex->Index2\ncomponent Index2 [0.4, 0.4]\n')
    assert keyed.keys[:3] == [("element", "catalogue"), ("link", "catalogue", "index2"), ("element", "index2")]
