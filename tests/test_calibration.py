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


def test_pages_map_clean_text_figures_and_weak_rules_fall_furthest():
    """Pages where the strong rule is right 0.8 of the time (0.95 on clean text) and the weak one 0.2 (0.6 on
    clean text): one factor cannot say both, the logistic map and the rules' own page records can."""
    calibration = Calibration()
    for n in range(400):
        calibration.add({"rule": "direct-cue/named"}, n % 20 != 0)  # clean text: 0.95
        calibration.add({"rule": "continuation"}, n % 5 < 3)  # clean text: 0.6
    for n in range(200):
        calibration.add({"rule": "direct-cue/named"}, n % 5 != 0, page=f"p{n // 20}")  # pages: 0.8
        calibration.add({"rule": "continuation"}, n % 5 == 0, page=f"p{n // 20}")  # pages: 0.2
    table = calibration.table()
    web = table["web"]
    assert web["records"] == 400 and web["counts"]["continuation"] == [40, 200]
    assert 0.76 < web["rules"]["direct-cue/named"] < 0.84 and 0.16 < web["rules"]["continuation"] < 0.26
    assert web["b"] > 1  # here the weak rule falls further than the strong one
    held_out = calibration.held_out_web()
    assert len(held_out) == 400 and all(0.1 < r["confidence"] < 0.9 for r, _ in held_out)
    assert Calibration().table()["web"] == {"a": 0.0, "b": 1.0, "records": 0, "rules": {}, "counts": {}}


def test_a_rule_the_pages_never_had_takes_its_clean_text_figure_through_the_map():
    from onrecord.quotes.confidence import logistic, logit, web_lookup

    table = {"overall": 0.8, "families": {"direct-cue": 0.9}, "rules": {"direct-cue/named": 0.9},
             "web": {"a": -1.0, "b": 1.2, "rules": {"direct-cue/named": 0.7}}}
    assert web_lookup(table, "direct-cue/named") == 0.7
    assert web_lookup(table, "direct-cue/quantifier") == logistic(-1.0 + 1.2 * logit(0.9))
    assert web_lookup(table, "direct-cue/quantifier") < 0.9


def test_fit_logistic_finds_the_curve_behind_the_points():
    from onrecord.eval.calibration import fit_logistic
    from onrecord.quotes.confidence import logistic

    points = [(x / 10, n < round(100 * logistic(0.5 + 2 * x / 10))) for x in range(-20, 21) for n in range(100)]
    a, b = fit_logistic(points)
    assert abs(a - 0.5) < 0.05 and abs(b - 2) < 0.1
    assert fit_logistic([]) == (0.0, 1.0)


def test_a_web_page_s_records_take_the_web_figures(nlp):
    """The same story as text and as an HTML page: the page's record has its rule's web figure, lower."""
    from onrecord.pipeline import extract_raw
    from onrecord.quotes.confidence import web_page_confidence
    from onrecord.records import RawSource

    story = "“The vote was fair and we will accept it,” Senator Jane Holt said on Tuesday."
    as_text = extract_raw(nlp, RawSource("story.txt", story, False)).records()
    page = f"<html><body><article><h1>Vote</h1><p>{story}</p><p>The count ends today.</p></article></body></html>"
    as_page = extract_raw(nlp, RawSource("story.html", page, True)).records()
    assert [r["rule"] for r in as_text] == [r["rule"] for r in as_page]
    assert [r["confidence"] for r in as_page] == [web_page_confidence(r["rule"]) for r in as_text]
    assert as_page[0]["confidence"] < as_text[0]["confidence"]


def test_pronoun_speakers_shift_down_the_web_map_for_rules_the_pages_never_had():
    """On the pages, rules that found their speaker through a pronoun are right less often than their
    clean-text figures say; the map learns that shift and applies it to pronoun rules it has not seen."""
    from onrecord.quotes.confidence import web_lookup

    calibration = Calibration()
    for n in range(400):
        calibration.add({"rule": "direct-cue/named"}, n % 10 != 0)  # clean text: 0.9
        calibration.add({"rule": "direct-cue/pronoun-previous-speaker"}, n % 10 != 0)  # clean text: 0.9
        calibration.add({"rule": "speech-verb/pronoun-same-sentence"}, n % 10 != 0)
    for n in range(300):
        calibration.add({"rule": "direct-cue/named"}, n % 10 != 0, page=f"p{n // 30}")  # pages: 0.9
        calibration.add({"rule": "direct-cue/pronoun-previous-speaker"}, n % 2 == 0, page=f"p{n // 30}")  # 0.5
    table = calibration.table()
    assert table["web"]["speaker_classes"]["pronoun"] < -1.5
    assert web_lookup(table, "speech-verb/pronoun-same-sentence") < 0.65 < 0.85 < web_lookup(table, "speech-verb/named")


def test_interview_turns_take_no_figure_from_clean_text_which_leaves_them_unannotated():
    calibration = Calibration()
    for n in range(100):
        calibration.add({"rule": "direct-cue/named"}, True)
        calibration.add({"rule": "interview-answer"}, False)
    table = calibration.table()
    assert "interview-answer" not in table["counts"] and table["overall"] == 1.0


def test_the_fit_converges_where_a_full_newton_step_overshoots():
    """Clean-text figures near 1 that the pages contradict put a full Newton step far past the optimum; the
    step is halved until it gains, and the fitted map is right on average over its own records."""
    import random

    from onrecord.eval.calibration import fit_logistic_model
    from onrecord.quotes.confidence import logistic

    draw = random.Random(7)
    rows = [([1.0, 6.9, 0.0], draw.random() < 0.6) for _ in range(300)] + \
        [([1.0, -6.9, 1.0], True) for _ in range(20)] + [([1.0, 2.0, 0.0], draw.random() < 0.5) for _ in range(200)]
    weights = fit_logistic_model(rows, ridge_from=2)
    assert weights != [0.0, 1.0, 0.0]
    fitted = sum(logistic(sum(w * x for w, x in zip(weights, features))) for features, _ in rows)
    assert abs(fitted - sum(right for _, right in rows)) < 0.01
