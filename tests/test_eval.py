"""onrecord eval: the same numbers as the reference scorer, and the issue's floor on PolNeAR dev."""
import re
import subprocess
import sys

from conftest import POLNEAR_DEV, ROOT, SHARED, need, run_cli

from onrecord.eval.polnear import Gold, _name_and_initials, expected_names, name_run

SUMMARY = re.compile(r"direct recall ([\d.]+) \((\d+)/(\d+)\), indirect-speech recall ([\d.]+) \((\d+)/(\d+)\), "
                     r"precision ([\d.]+) \((\d+)/(\d+)\)")


def _tiny_split(tmp_path):
    split = tmp_path / "tiny"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    text = "“We will win,” Ann Lee said.\n\nBob Stone said the vote was rigged.\n\nThe sky is blue today.\n"
    (split / "text" / "a.txt").write_text(text, encoding="utf-8")
    def span(words):
        start = text.index(words)
        return f"{start} {start + len(words)}\t{words}"
    ann = [
        "T1\tContent " + span("“We will win,”"), "T2\tSource " + span("Ann Lee"), "T3\tCue " + span("said"),
        "T4\tAttribution " + span("said"), "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        "T5\tContent " + span("the vote was rigged"), "T6\tSource " + span("Bob Stone"),
        "T7\tCue 52 56\tsaid", "T8\tAttribution 52 56\tsaid", "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
    ]
    (split / "attributions" / "a_abcd.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return split


def test_tiny_split_scores_and_errors_file(tmp_path):
    split = _tiny_split(tmp_path)
    errors = tmp_path / "errors.jsonl"
    result = run_cli("eval", "polnear", split, "--errors", errors)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    match = SUMMARY.search(" ".join(out.split()))
    assert match and match.group(2, 3, 5, 6, 8, 9) == ("1", "1", "1", "1", "2", "2"), out
    assert errors.exists() and errors.read_text() == ""


def test_not_a_split_is_one_line(tmp_path):
    result = run_cli("eval", "polnear", tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "not a PolNeAR split" in stderr and "Traceback" not in stderr


def test_dev_split_matches_reference_scorer_and_floor():
    dev = need(POLNEAR_DEV)
    scorer = need(SHARED / "tools" / "polnear_score.py")
    ours = run_cli("eval", "polnear", dev)
    assert ours.returncode == 0, ours.stderr.decode()
    ours_match = SUMMARY.search(" ".join(ours.stdout.decode().split()))
    reference = subprocess.run([sys.executable, str(scorer), "--split", str(dev), "--run"],
                               capture_output=True, text=True, cwd=ROOT, timeout=900)
    ref_match = SUMMARY.search(reference.stdout)
    assert ref_match, reference.stdout + reference.stderr
    assert ours_match.groups() == ref_match.groups()
    direct, indirect, precision = (float(ref_match.group(i)) for i in (1, 4, 7))
    assert direct >= 0.75 and indirect >= 0.40 and precision >= 0.93


def _gold_sourced(text, source, after=""):
    start = text.index(source, text.index(after) if after else 0)
    return Gold(content=[(0, 1)], ctext="", source=[(start, start + len(source))], stext=source, cue="said",
                direct=False)


def test_a_persons_name_is_read_past_descriptors_and_sentence_openers():
    assert name_run("White House press secretary Josh Earnest") == ["Josh", "Earnest"]
    assert name_run("Rep. Jim Clyburn (D-S.C.), the assistant leader") == ["Jim", "Clyburn"]
    assert name_run("But Flynn") == ["Flynn"]
    assert name_run("Sen. Tim Kaine of Virginia") == ["Tim", "Kaine"]


def test_a_surname_expects_a_given_name_not_the_word_before_it():
    text = ("Donald Trump spoke on Monday. In an interview with the Washington Post Trump said NATO was costly. "
            "Although Trump said more, Homeland Security Secretary Jeh Johnson said it. And Johnson said so.")
    golds = [_gold_sourced(text, "Trump", "Post"), _gold_sourced(text, "Trump", "Although"),
             _gold_sourced(text, "Johnson", "And")]
    expected = expected_names(golds, text)
    assert [expected[id(gold)] for gold in golds] == [{"Donald", "Trump"}, {"Donald", "Trump"}, {"Jeh", "Johnson"}]


def test_first_person_sources_expect_no_name():
    text = "Ann Lee spoke first. I said the vote was rigged."
    golds = [_gold_sourced(text, "Ann Lee"), _gold_sourced(text, "I")]
    assert id(golds[1]) not in expected_names(golds, text)


def test_an_acronym_is_the_initials_of_the_full_name():
    assert "aros" in _name_and_initials("Alliance to Reclaim Our Schools")
    assert "aros" not in _name_and_initials("Alliance to Reclaim Schools")
