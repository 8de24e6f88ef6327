"""Fault 6 (issue 14): attribution must be linear in the number of quotations. The fix belongs to the attribution
refactor (issue 12: entities indexed once instead of walking doc.ents per quotation), so these wait for it:
the engineer who lands that refactor removes the skip marks. Times are compared with each other on the same
machine in the same run: 8x the input may take at most 10x the time (linear work takes ~8x, quadratic ~64x;
before the fix these measured 12x to 100x here)."""
import time

import pytest

from onrecord.pipeline import extract_documents
from onrecord.records import Document, DocumentInfo

FACTOR = 8
LINEAR_ENOUGH = 10.0


def _seconds(nlp, text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        list(extract_documents(nlp, [Document(DocumentInfo(id="scale", source="scale"), text)]))
        best = min(best, time.perf_counter() - started)
    return best


def _growth(nlp, make, small: int) -> float:
    return _seconds(nlp, make(small * FACTOR), 1) / _seconds(nlp, make(small), 3)


@pytest.mark.skip(reason="fault 6: fixed with the attribution refactor")
def test_one_line_quotations_take_linear_time(nlp):
    growth = _growth(nlp, lambda n: "".join(f"“Line {i} is fine,” she said.\n" for i in range(n)), 250)
    assert growth < LINEAR_ENOUGH, f"{FACTOR}x the quotations took {growth:.1f}x the time"


@pytest.mark.skip(reason="fault 6: fixed with the attribution refactor")
def test_unbalanced_quotation_marks_take_linear_time(nlp):
    growth = _growth(nlp, lambda n: "".join(f"“Paragraph {i} opens a quotation that never closes\n"
                                            for i in range(n)), 500)
    assert growth < LINEAR_ENOUGH, f"{FACTOR}x the paragraphs took {growth:.1f}x the time"


@pytest.mark.skip(reason="fault 6: fixed with the attribution refactor")
def test_a_run_of_quotation_marks_takes_linear_time(nlp):
    growth = _growth(nlp, lambda n: '"' * n, 2500)
    assert growth < LINEAR_ENOUGH, f"{FACTOR}x the marks took {growth:.1f}x the time"
