"""Golden digests: the sorted JSON Lines output on PolNeAR train and dev and on the samples is pinned
(sha256 and per-rule counts, no records: PolNeAR has no licence). A refactor keeps them; a change meant to
alter output updates them in the same commit (scripts/golden.py --update) with eval figures before and after.
On a mismatch, `scripts/golden.py --out DIR` writes the full outputs to diff against a run from before."""
import importlib.util
import json

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golden)
PINNED = json.loads(golden.DIGESTS.read_text(encoding="utf-8"))


def test_every_pinned_set_is_in_the_file():
    assert set(golden.PINNED_SETS) <= set(PINNED)
    for name in golden.PINNED_SETS:
        assert len(PINNED[name]["sha256"]) == 64 and PINNED[name]["records"] > 0


@pytest.mark.parametrize("name", golden.PINNED_SETS)
def test_output_is_as_pinned(name):
    if not golden.available(name):
        pytest.skip(f"{name}: inputs are not here (shared data lives beside the repository)")
    got = golden.summary(golden.records_of(name))
    assert golden.compare(name, PINNED[name], got) == []
