"""Rewriting only the lines of what changed, for the records a map holds besides components
and links (no window: the rewrite is plain text and model work)."""

from __future__ import annotations

from collections.abc import Callable

from wardley.io.owm import parse_owm
from wardley.model import MapDocument, WardleyMap
from wardley.ui.panels.owm_ids import keep_ids
from wardley.ui.panels.owm_rewrite import Rewriter, rewritten


def changed(typed: list[str], edit: Callable[[MapDocument], object]) -> list[str]:
    """The typed lines after ``edit`` is made to the map they read as."""
    text = "\n".join(typed)
    shown = parse_owm(text).map
    document = MapDocument(shown.model_copy(deep=True))
    edit(document)
    result = rewritten(text, shown, document.map)
    assert result is not None, "fell back to writing the text afresh"
    merged, reading = result
    assert keep_ids(document.map, reading.map) == document.map
    return merged.split("\n")


def test_a_moved_note_rewrites_its_line_and_keeps_comments_and_unreadable_lines() -> None:
    typed = [
        "// decided in workshop 3: keep Hosting in-house",
        "component Hosting [0.3,0.9]",
        "this line is not owm",
        "note Ask IT about the contract [0.2, 0.2]",
        "note Budget review [0.4,0.4]",
    ]
    after = changed(typed, lambda d: d.set_note(d.map.notes[1].id, evolution=0.6))
    assert after == [*typed[:4], "note Budget review [0.40, 0.60]"]


def test_a_new_title_rewrites_the_title_line_only() -> None:
    typed = ["title   Pothole   map", "component A [0.5,0.5]"]
    assert changed(typed, lambda d: d.set_map_fields(title="Report a pothole")) == [
        "title Report a pothole", "component A [0.5,0.5]"]


def test_a_pipeline_member_moved_rewrites_its_line_inside_the_block() -> None:
    typed = [
        "component Hosting [0.3, 0.6]",
        "pipeline Hosting",
        "{",
        "  component Cloud [0.9]",
        "  component Hosted racks [0.6]",
        "  component Racks   [0.4]",
        "}",
    ]
    # Within the pipeline's ends (a member moved past them would change the header's line too).
    after = changed(typed, lambda d: d.set_element("hosted-racks", evolution=0.7))
    assert after == [*typed[:4], "  component Hosted racks [0.70]", *typed[5:]]


def test_an_evolve_line_stays_as_typed_when_another_element_moves() -> None:
    typed = ["component A [0.5,0.5]", "component B [0.4,0.4]", "evolve   A 0.8", "A->B"]
    after = changed(typed, lambda d: d.set_element("b", visibility=0.3))
    assert after == [typed[0], "component B [0.30, 0.40]", *typed[2:]]


def test_a_new_link_goes_after_the_last_link_and_a_first_one_after_the_elements() -> None:
    typed = ["component A [0.5,0.5]", "component B [0.4,0.4]", "component C [0.3,0.3]", "A->B", "// the end"]
    assert changed(typed, lambda d: d.add_link("b", "c")) == [*typed[:4], "B->C", "// the end"]
    no_links = ["title T", "component A [0.5,0.5]", "component B [0.4,0.4]", "note N [0.1, 0.1]"]
    assert changed(no_links, lambda d: d.add_link("a", "b")) == [*no_links[:3], "A->B", no_links[3]]


def test_snapshot_lines_the_user_deleted_are_not_brought_back() -> None:
    typed = ["component A [0.5,0.5]", "component B [0.4,0.4]"]
    text = "\n".join(typed)
    read = parse_owm(text).map
    document = MapDocument(read.model_copy(deep=True))
    document.add_snapshot("session 1")
    shown = document.map.model_copy(deep=True)  # what applying the text left: the snapshot kept
    document.set_element("a", evolution=0.7)
    result = rewritten(text, shown, document.map)
    assert result is not None
    assert result[0].split("\n") == ["component A [0.50, 0.70]", typed[1]]


def test_a_run_of_changes_reads_each_text_once_and_each_step_is_minimal() -> None:
    typed = ["component A [0.5,0.5]", "component   B [0.4,0.4]", "component C"]
    text = "\n".join(typed)
    current = parse_owm(text).map
    rewriter = Rewriter()
    shown = current.model_dump_json()
    for step in range(1, 4):
        data = current.model_dump()
        data["elements"][0]["evolution"] = round(0.5 + step / 10, 4)
        current = WardleyMap.model_validate(data)
        result = rewriter.rewrite(text, shown, current, current.model_dump_json())
        assert result is not None
        text, shown = result[0], current.model_dump_json()
        assert text.split("\n") == [f"component A [0.50, {0.5 + step / 10:.2f}]", *typed[1:]]


def test_an_annotation_an_accelerator_and_a_box_drawn_on_the_canvas_add_only_their_lines() -> None:
    from wardley.model import Accelerator, Annotation, Attitude

    typed = ["component   A [0.5,0.5]", "component B", "A->B", "annotation 1 [0.2, 0.3] first thoughts"]
    after = changed(typed, lambda d: (
        d.replace_collection("annotations", [*d.map.annotations, Annotation.model_validate(
            {"number": 2, "text": "second", "positions": [{"visibility": 0.4, "evolution": 0.6}]})]),
        d.replace_collection("accelerators", [Accelerator(id="cloud", name="Cloud", evolution=0.7, visibility=0.2)]),
        d.replace_collection("attitudes", [Attitude(kind="pioneers", top=0.9, left=0.1, bottom=0.6, right=0.3)]),
    ))
    assert after[:4] == typed
    assert after[4:] == ["annotation 2 [0.40, 0.60] second", "accelerator Cloud [0.20, 0.70]",
                         "pioneers [0.90, 0.10, 0.60, 0.30]"]
