"""A report as JSON, plain text, Markdown (for a workshop's notes) or CSV (for a spreadsheet)."""

from __future__ import annotations

import csv
import io

from pydantic_core import to_json

from wardley.analysis.report import Capability, LibraryReport
from wardley.wording import counted, md

#: How a placement's method reads in a workshop's notes: "none" sounds like "no way of getting it".
_METHOD_WORDS = {"none": "not marked"}
_TIER_HEADINGS = {"strong": "Strong candidates", "possible": "Possible candidates", "none": "Not candidates now"}


def report_to_json(report: LibraryReport) -> str:
    return report_json_bytes(report).decode("utf-8")


def report_json_bytes(report: LibraryReport) -> bytes:
    """The JSON report as UTF-8, ready to write: a sector's report is hundreds of megabytes, and
    each copy as text would cost as much again."""
    # pydantic_core's encoder is compiled: a sector's report is written in a fraction of the time
    # the standard library's pure-Python indenting encoder takes. Same input, same bytes.
    data = to_json(report.to_data(), indent=2)
    data += b"\n"
    return data


def _summary_line(report: LibraryReport) -> str:
    counts = {tier: sum(1 for item in report.capabilities if item.tier == tier) for tier in _TIER_HEADINGS}
    capabilities = counted(len(report.capabilities), "capability", "capabilities")
    if not counts["strong"] and not counts["possible"]:
        return f"{counted(len(report.maps), 'map')}, {capabilities}: no candidates for a shared platform."
    return (f"{counted(len(report.maps), 'map')}, {capabilities}: {counts['strong']} strong and "
            f"{counts['possible']} possible {'candidate' if counts['possible'] == 1 else 'candidates'} "
            "for a shared platform.")


def report_to_markdown(report: LibraryReport) -> str:
    lines = ["# Shared-platform analysis", "", _summary_line(report), ""]
    titles = {summary.path: summary.title for summary in report.maps}
    for tier in ("strong", "possible"):
        chosen = [item for item in report.capabilities if item.tier == tier]
        if not chosen:
            continue
        lines += [f"## {_TIER_HEADINGS[tier]}", ""]
        for item in chosen:
            lines += _markdown_capability(item, titles)
    flagged = [item for item in report.capabilities if item.tier == "none" and item.badges]
    if flagged:
        lines += ["## Other capabilities with something to discuss", ""]
        for item in flagged:
            lines += _markdown_capability(item, titles)
    lines += ["## All capabilities", "", "| capability | tier | score | maps | needs | median | spread | badges |",
              "|---|---|---|---|---|---|---|---|"]
    for item in report.capabilities:
        lines.append(f"| {md(item.name)} | {item.tier} | {item.score:.2f} | {len(item.maps)} | {item.needs} | "
                     f"{item.evolution:.2f} | {item.spread:.2f} | {', '.join(item.badges)} |")
    lines.append("")
    if report.suggested_merges:
        lines += ["## Suggested merges (confirm or reject)", "", "| name | name | similarity | why |",
                  "|---|---|---|---|"]
        lines += [f"| {md(m.names[0])} | {md(m.names[1])} | {m.similarity:.2f} | {md(m.reason)} |"
                  for m in report.suggested_merges]
        lines.append("")
    if report.lint:
        lines += ["## Map checks", "", "| map | check | element | message |", "|---|---|---|---|"]
        lines += [f"| {md(titles.get(i.map) or i.map)} | {i.kind} | {md(i.element)} | {md(i.message)} |"
                  for i in report.lint]
        lines.append("")
    return "\n".join(lines)


def _markdown_capability(item: Capability, titles: dict[str, str]) -> list[str]:
    badges = ", ".join(f"`{badge}`" for badge in item.badges)
    lines = [f"### {md(item.name)} (score {item.score:.2f})", ""]
    if badges:
        lines += [f"Badges: {badges}", ""]
    lines += [md(item.tier_sentence), ""]
    lines += [f"- {md(sentence)}" for sentence in item.badge_sentences.values()]
    if item.badge_sentences:
        lines.append("")
    if item.implementations:
        lines += ["Implementations: " + ", ".join(md(name) for name in item.implementations), ""]
    lines += ["| map | component | evolution | method |", "|---|---|---|---|"]
    lines += [f"| {md(titles.get(p.map_path) or p.map_path)} | {md(p.name)} | {p.evolution:.2f} | "
              f"{_METHOD_WORDS.get(p.method, p.method)} |" for p in item.placements]
    lines.append("")
    return lines


def report_to_text(report: LibraryReport) -> str:
    lines = [_summary_line(report), ""]
    for item in report.capabilities:
        if item.tier == "none" and not item.badges:
            continue
        tags = f" [{', '.join(item.badges)}]" if item.badges else ""
        lines.append(f"{item.tier.upper():8} {item.score:.2f}  {item.name}{tags}")
        lines.append(f"         {item.explanation}")
    quiet = [item.name for item in report.capabilities if item.tier == "none" and not item.badges]
    if quiet:
        lines += ["", f"Not candidates, nothing flagged ({len(quiet)}): " + ", ".join(quiet)]
    if report.suggested_merges:
        lines += ["", "Suggested merges (confirm with --aliases):"]
        lines += [f"  {m.names[0]!r} ~ {m.names[1]!r} ({m.similarity:.2f}): {m.reason}" for m in report.suggested_merges]
    if report.lint:
        titles = {summary.path: summary.title for summary in report.maps}
        lines += ["", "Map checks:"]
        lines += [f"  {titles.get(i.map) or i.map}: {i.kind}: {i.message}" for i in report.lint]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("name", "tier", "score", "map_count", "maps", "needs", "evolution", "spread", "badges",
               "implementations", "explanation")


def report_to_csv(report: LibraryReport) -> str:
    """One row per capability. Cells that a spreadsheet would run as a formula are quoted with '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in report.capabilities:
        writer.writerow([_cell(value) for value in (
            item.name, item.tier, f"{item.score:.4f}", len(item.maps), ";".join(item.maps), item.needs,
            f"{item.evolution:.4f}", f"{item.spread:.4f}", ";".join(item.badges), ";".join(item.implementations),
            item.explanation,
        )])
    return buffer.getvalue()


def _cell(value: object) -> str:
    text = str(value)
    # A name starting "=" from a map file must not become a live spreadsheet formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
