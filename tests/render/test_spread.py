"""The spread picture: one row per candidate, one mark per map with the map's title on hover."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree

from tests.analysis.builders import service_map
from wardley.analysis import analyse_maps
from wardley.render.spread import spread_bytes, spread_rows, spread_svg

SVG = "{http://www.w3.org/2000/svg}"


def library():
    maps = [(f"m{i}.wardley.json", service_map(f"Council {i} <b>parking</b>", [("GOV.UK Pay", 0.6 + 0.05 * i, 0.5, method)]))
            for i, method in enumerate(["build", "buy", "outsource", "none", "buy"])]
    return analyse_maps(maps)


def test_one_mark_per_placement_with_the_map_title_and_shape_by_method():
    report = library()
    assert [row.name for row in spread_rows(report)] == ["Payments"]
    root = ElementTree.fromstring(spread_svg(report))
    marks = [element for element in root.iter() if element.tag in (SVG + "circle", SVG + "rect", SVG + "polygon")
             and element.find(SVG + "title") is not None and "Council" in element.find(SVG + "title").text]
    assert len(marks) == 5
    by_title = {mark.find(SVG + "title").text.split(":")[0]: mark.tag.removeprefix(SVG) for mark in marks}
    # the title is text, not markup: a name with tags keeps them as characters
    assert by_title["Council 0 <b>parking</b>"] == "circle"  # build
    assert by_title["Council 1 <b>parking</b>"] == "rect"  # buy
    assert by_title["Council 2 <b>parking</b>"] == "polygon"  # outsource
    texts = " ".join(element.text or "" for element in root.iter(SVG + "text"))
    assert "Payments" in texts and ("possible" in texts or "strong" in texts)
    assert any((element.find(SVG + "title") is not None and element.find(SVG + "title").text.startswith("median"))
               for element in root.iter(SVG + "line"))


def test_png_and_pdf_are_the_same_picture_painted(qapp):
    report = library()
    assert spread_bytes(report, "png").startswith(b"\x89PNG")
    assert spread_bytes(report, "pdf").startswith(b"%PDF")


def test_the_command_draws_the_picture_and_asks_for_a_file(tmp_path):
    for index in range(3):
        (tmp_path / f"m{index}.owm").write_text(f"title Service {index}\ncomponent GOV.UK Pay [0.5, 0.8]\n"
                                                f"component Need [0.9, 0.5]\nNeed->GOV.UK Pay\n", encoding="utf-8")
    out = tmp_path / "spread.svg"
    done = subprocess.run([sys.executable, "-m", "wardley", "analyse", str(tmp_path), "--format", "svg", "-o", str(out)],
                          capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert "<title>Service 1: GOV.UK Pay at 0.80 (none)</title>" in out.read_text(encoding="utf-8")
    png = tmp_path / "spread.png"
    done = subprocess.run([sys.executable, "-m", "wardley", "analyse", str(tmp_path), "--format", "png", "-o", str(png)],
                          capture_output=True, text=True, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    missing = subprocess.run([sys.executable, "-m", "wardley", "analyse", str(tmp_path), "--format", "pdf"],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "-o" in missing.stderr
    wrong = subprocess.run([sys.executable, "-m", "wardley", "analyse", str(tmp_path), "--format", "pdf", "-o",
                            str(tmp_path / "x.png")], capture_output=True, text=True)
    assert wrong.returncode == 2 and not (tmp_path / "x.png").exists()
