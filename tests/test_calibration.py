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


def test_web_scale_is_measured_on_pages_the_table_did_not_see():
    """Two pages whose records are right half as often as the clean text's: each page, predicted by the table
    built without it, is over-predicted, and web_scale says by how much."""
    calibration = Calibration()
    for n in range(400):
        calibration.add({"rule": "direct-cue/named"}, n % 10 != 0)  # clean text: 0.9
    for page in ("page-a", "page-b"):
        for n in range(10):
            calibration.add({"rule": "direct-cue/named"}, n % 2 == 0, weight=10, page=page)  # pages: 0.5
    table = calibration.table()
    assert table["web_records"] == 20
    # each page alone is predicted at about 0.9 x 400 + 0.5 x 100 weighted: ~0.82, and is right 0.5 of the time
    assert 0.55 < table["web_scale"] < 0.65
    assert Calibration().table()["web_scale"] == 1.0


def test_a_web_page_s_records_carry_the_web_scale(nlp):
    """The same story as text and as an HTML page: the page's record has its rule's figure times web_scale."""
    from onrecord.pipeline import extract_raw
    from onrecord.quotes.confidence import on_web_page
    from onrecord.records import RawSource

    story = "“The vote was fair and we will accept it,” Senator Jane Holt said on Tuesday."
    as_text = extract_raw(nlp, RawSource("story.txt", story, False)).records()
    page = f"<html><body><article><h1>Vote</h1><p>{story}</p><p>The count ends today.</p></article></body></html>"
    as_page = extract_raw(nlp, RawSource("story.html", page, True)).records()
    assert [r["rule"] for r in as_text] == [r["rule"] for r in as_page]
    assert [r["confidence"] for r in as_page] == [on_web_page(r["confidence"]) for r in as_text]
    assert shipped_table()["web_scale"] < 1 and as_page[0]["confidence"] < as_text[0]["confidence"]
