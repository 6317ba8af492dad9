"""Libraries that mix OWM text with our JSON, and the real public OWM maps of the corpus."""

from pathlib import Path

from tests.conftest import OWM_SUFFIXES, corpus_files
from wardley.analysis import analyse_library
from wardley.analysis.graph import element_roles
from wardley.io import load_map, save_map
from tests.analysis.builders import service_map

PARKING_OWM = """title Parking permits (OWM)
anchor Resident [0.95, 0.5]
component Get a permit [0.85, 0.5]
component Pay360 [0.6, 0.82]
component Gazetteer [0.4, 0.45] (build)
Resident->Get a permit
Get a permit->Pay360
Get a permit->Gazetteer
"""


def test_owm_and_json_maps_are_analysed_together(tmp_path: Path):
    (tmp_path / "parking.owm").write_text(PARKING_OWM)
    save_map(tmp_path / "library.wardley.json", service_map("Library", [("GOV.UK Pay", 0.8, 0.5),
                                                                        ("Address lookup", 0.8, 0.4)]))
    report = analyse_library([tmp_path])
    assert [Path(m.path).name for m in report.maps] == ["library.wardley.json", "parking.owm"]
    payments = report.capability("Payments")
    assert payments.implementations == ["GOV.UK Pay", "Pay360"]
    assert len(payments.maps) == 2
    address = report.capability("Address lookup")
    gazetteer = next(p for p in address.placements if p.name == "Gazetteer")
    assert (gazetteer.evolution, gazetteer.method) == (0.45, "build")
    # In OWM the anchor is the user; what it depends on directly is the need.
    assert report.highlight("Payments", str(tmp_path / "parking.owm")).need_ids == ["get-a-permit"]


CORPUS_FILES = corpus_files(OWM_SUFFIXES)


def test_the_public_corpus_analyses_and_partitions_every_component(corpus: Path):
    assert len(CORPUS_FILES) > 100, f"the shared OWM corpus is short at {corpus}"
    report = analyse_library(CORPUS_FILES)
    assert len(report.maps) == len(CORPUS_FILES)
    seen = sorted((p.map_path, p.element_id) for c in report.capabilities for p in c.placements)
    expected = sorted(
        (str(path), key) for path in CORPUS_FILES
        for key, role in element_roles(load_map(path).map).items() if role == "component"
    )
    assert seen == expected
    for capability in report.capabilities:
        assert capability.explanation
        assert 0.0 <= capability.score <= 1.0
