"""onrecord eval: the same numbers as the reference scorer, and the issue's floor on PolNeAR dev."""
import re
import subprocess
import sys

from conftest import POLNEAR_DEV, ROOT, SHARED, need, run_cli

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
