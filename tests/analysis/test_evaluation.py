"""The matching measured on the labelled name pairs (see tests/analysis/EVALUATION.md)."""

import pytest

from tests.analysis.evaluation.evaluate import Evaluation, evaluate, load_pairs, markdown


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate()


def test_the_set_has_enough_pairs_of_every_class():
    pairs = load_pairs()
    assert len(pairs) >= 150
    kinds = {pair.kind for pair in pairs}
    assert {"supplier", "generic-word", "qualifier", "domain-word", "in-house", "spelling", "wording"} <= kinds
    assert len({(pair.first, pair.second) for pair in pairs}) == len(pairs)


def test_automatic_merges_are_precise(evaluation):
    wrong = [(o.pair.first, o.pair.second) for o in evaluation.outcomes if o.merged and not o.pair.same]
    assert evaluation.merge_precision >= 0.98, wrong


def test_same_capabilities_are_merged_or_suggested(evaluation):
    missed = [(o.pair.first, o.pair.second) for o in evaluation.outcomes
              if o.pair.same and not (o.merged or o.suggested)]
    assert evaluation.found_recall >= 0.9, missed


def test_the_recorded_figures_are_current(evaluation):
    from tests.analysis.evaluation.evaluate import EVALUATION_MD

    assert EVALUATION_MD.read_text(encoding="utf-8") == markdown(evaluation), (
        "refresh with: .venv/bin/python -m tests.analysis.evaluation.evaluate")
