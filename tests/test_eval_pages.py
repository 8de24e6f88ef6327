"""onrecord eval pages: real pages scored against quotations annotated by hand, counted as the docstring of
onrecord.eval.pages says."""
import json
import re

from conftest import ROOT, SHARED, need, run_cli

PAGE = """<html><head><title>Council vote</title></head><body><article><h1>Council votes on the bridge</h1>
<p>Mayor Lena Fischer said the bridge would open in May after years of delay.</p>
<p>“We kept our promise to every family in this town,” Fischer told reporters on Monday.</p>
<p>Critics were not convinced. “It is two years late and twice the price,” said councillor Tom Reyes.</p>
<p>The weather was fine and the band played for an hour at the opening ceremony.</p>
</article></body></html>"""
GOLD = [
    {"kind": "indirect", "text": "the bridge would open in May after years of delay", "speaker": "Lena Fischer",
     "role": "Mayor", "cue": "said"},
    {"kind": "direct", "text": "We kept our promise to every family in this town", "speaker": "Lena Fischer",
     "role": "Mayor", "cue": "told"},
    {"kind": "direct", "text": "It is two years late and twice the price", "speaker": "Tom Mendes",
     "role": "councillor", "cue": "said"},
    {"kind": "direct", "text": "A sentence the page does not have at all.", "speaker": "Nobody", "role": None,
     "cue": "said"},
]
SUMMARY = re.compile(r"direct\+mixed recall [\d.]+ \((\d+)/(\d+)\), indirect recall [\d.]+ \((\d+)/(\d+)\), "
                     r"precision [\d.]+ \((\d+)/(\d+)\), speaker full-name accuracy [\d.]+ \((\d+)/(\d+)\)")


def _write(tmp_path, gold):
    pages, gold_dir = tmp_path / "pages", tmp_path / "gold"
    pages.mkdir()
    gold_dir.mkdir()
    (pages / "council.html").write_text(PAGE, encoding="utf-8")
    items = [dict(item, page="council.html", post=None) for item in gold]
    (gold_dir / "council.json").write_text(json.dumps(items), encoding="utf-8")
    return gold_dir, pages


def test_counts_found_missed_wrong_speaker_and_text_not_in_page(tmp_path):
    gold_dir, pages = _write(tmp_path, GOLD)
    errors = tmp_path / "errors.jsonl"
    result = run_cli("eval", "pages", gold_dir, "--pages", pages, "--errors", errors)
    assert result.returncode == 0, result.stderr.decode()
    match = SUMMARY.search(" ".join(result.stdout.decode().split()))
    # found: the indirect and Fischer's quotation; Reyes's words are covered but the gold names someone else
    # (Mendes), and the fourth item is not in the page at all
    assert match and match.groups() == ("1", "3", "1", "1", "3", "3", "2", "3"), result.stdout.decode()
    kinds = [json.loads(line)["type"] for line in errors.read_text().splitlines()]
    assert sorted(kinds) == ["not-in-text", "wrong-speaker"]


def test_a_bad_gold_folder_is_one_line(tmp_path):
    gold_dir, pages = _write(tmp_path, [{"kind": "direct", "text": "x"}])
    result = run_cli("eval", "pages", gold_dir, "--pages", pages)
    assert result.returncode == 1 and len(result.stderr.decode().strip().splitlines()) == 1
    assert "needs the keys" in result.stderr.decode()
    result = run_cli("eval", "pages", tmp_path / "nothing", "--pages", pages)
    assert result.returncode == 1 and "not a folder" in result.stderr.decode()


def test_the_project_gold_scores_every_item_of_every_page():
    pages = need(SHARED / "data" / "realnews-dev" / "pages")
    gold_dir = ROOT / "tests" / "gold" / "realnews-dev"
    result = run_cli("eval", "pages", gold_dir, "--pages", pages)
    assert result.returncode == 0, result.stderr.decode()
    match = SUMMARY.search(" ".join(result.stdout.decode().split()))
    items = [item for path in gold_dir.glob("*.json") for item in json.loads(path.read_text(encoding="utf-8"))]
    direct = sum(item["kind"] in ("direct", "mixed") for item in items)
    indirect = sum(item["kind"] == "indirect" for item in items)
    assert match and (int(match.group(2)), int(match.group(4))) == (direct, indirect)
    assert len(list(gold_dir.glob("*.json"))) >= 12
