"""Calibrated confidence: each record's confidence is its rule's measured precision, from the table that
`onrecord eval calibrate` writes and the package ships; the eval commands print a reliability table."""
import json

from onrecord.eval.calibration import Calibration, reliability
from onrecord.quotes.confidence import confidence, shipped_table

from conftest import run_cli
from test_eval import _tiny_split


def test_a_rare_rule_leans_on_its_cue_sieve_and_a_common_one_on_itself():
    calibration = Calibration()
    for n in range(200):
        calibration.add({"rule": "direct-cue/named"}, n % 10 != 0)  # 0.9
    for n in range(2):
        calibration.add({"rule": "direct-cue/quantifier"}, False)
    table = calibration.table()
    assert table["rules"]["direct-cue/named"] > 0.88
    # two misses do not make a rule worthless: it stays near its cue sieve's precision
    assert 0.7 < table["rules"]["direct-cue/quantifier"] < table["families"]["direct-cue"]


def test_records_take_their_rule_s_measured_precision(extract):
    records = extract("“The vote was fair and we will accept it,” Senator Jane Holt said on Tuesday.")
    assert records and all(r["confidence"] == round(confidence(r["rule"]), 3) for r in records)
    assert records[0]["rule"] in shipped_table()["rules"]


def test_calibrate_writes_the_table_from_gold(tmp_path):
    out = tmp_path / "confidence.json"
    result = run_cli("eval", "calibrate", "--polnear", _tiny_split(tmp_path), "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    table = json.loads(out.read_text())
    assert table["counts"]["direct-cue/named"] == [1, 1] and table["counts"]["speech-verb/named"] == [1, 1]
    assert run_cli("eval", "calibrate", "--out", out).returncode == 2


def test_reliability_buckets_records_by_confidence():
    scored = [({"confidence": 0.95}, True), ({"confidence": 0.91}, False), ({"confidence": 0.42}, True)]
    rows = reliability(scored)
    assert [(r["bucket"], r["records"], r["observed_precision"]) for r in rows] == [("0.4-0.5", 1, 1.0),
                                                                                 ("0.9-1.0", 2, 0.5)]
