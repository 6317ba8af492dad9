import csv
import io
import re

from wardley.analysis import analyse_maps, report_to_csv, report_to_markdown, report_to_text
from tests.analysis.builders import service_map

HOSTILE = "<img src=x onerror=alert(1)> [click](http://example.invalid) *bold*"


def hostile_report():
    maps = [("a", service_map("A", [(HOSTILE, 0.8, 0.5), ("=HYPERLINK(\"http://x\")", 0.8, 0.4)])),
            ("b", service_map("B", [(HOSTILE, 0.8, 0.5)]))]
    return analyse_maps(maps)


def test_markdown_shows_map_text_as_typed_never_as_html_or_links():
    out = report_to_markdown(hostile_report())
    assert "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert not re.search(r"(?<!\\)\]\(", out)  # no unescaped "](" can make a link
    assert "\\[click\\](http://example.invalid)" in out


def test_csv_cells_never_start_a_formula():
    rows = list(csv.DictReader(io.StringIO(report_to_csv(hostile_report()))))
    names = [row["name"] for row in rows]
    assert "'=HYPERLINK(\"http://x\")" in names
    assert all(not row["name"].startswith("=") for row in rows)


def test_text_lists_quiet_capabilities_by_name():
    report = analyse_maps([("a", service_map("A", [("Tea urn", 0.2, 0.5)]))])
    assert "Not candidates, nothing flagged (1): Tea urn" in report_to_text(report)


def test_methods_are_counted_per_capability():
    maps = [("a", service_map("A", [("Payments", 0.8, 0.5, "build")])),
            ("b", service_map("B", [("GOV.UK Pay", 0.8, 0.5, "buy")])),
            ("c", service_map("C", [("Pay360", 0.8, 0.5, "buy")]))]
    assert analyse_maps(maps).capability("Payments").methods == {"build": 1, "buy": 2}
