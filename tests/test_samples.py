"""The bundled and shared sample pages, end to end through the command line."""
import json

import pytest

from conftest import ROOT, SAMPLES, need, run_cli

EXPECTED_GAZA = [
    # (speaker, cue, addressee, kind, words in the text)
    ("Maria Zakharova", "said", None, "indirect", "Russia supports the Gaza settlement plan"),
    ("Maria Zakharova", "told", "reporters", "direct", "We support the US administration’s plan"),
    ("Maria Zakharova", "stressed", None, "indirect", "the importance of fully implementing all provisions"),
    ("Maria Zakharova", "recalled", None, "indirect", "Russia had earlier submitted"),
    ("Maria Zakharova", "noted", None, "direct", "These initiatives were blocked by Westerners"),
    ("Maria Zakharova", "reiterated", None, "indirect", "the main priority remains halting"),
    ("Maria Zakharova", "said", None, "direct", "We are convinced that the root cause"),
    ("Hamas and el-Sisi", "describing", None, "mixed", "the ongoing negotiations as “very encouraging”"),
    ("Marwan Bishara", "says", None, "indirect", "the talks remain tense"),
    ("Marwan Bishara", "noted", None, "direct", "You could say that the initial phase"),
    ("Marwan Bishara", "according to", None, "mixed", "agree on “some sort of parameters”"),
    ("Marwan Bishara", "said", None, "mixed", "“some serious disagreements”"),
    ("Marwan Bishara", "warning", None, "indirect", "a major sticking point is emerging"),
    ("Marwan Bishara", "said", None, "direct", "According to the plan, … after Hamas hands over"),
    ("Marwan Bishara", "said", None, "direct", "then the war should be over,” Bishara said. “Israel says no"),
    ("Israel", "says", None, "indirect", "no, the war will be over only after Hamas disarms"),
    ("Yousef Munayyer", "according to", None, "indirect", "Netanyahu is prolonging the war"),
    ("Yousef Munayyer", "told", "Al Jazeera", "direct", "when this does ultimately end"),
    ("Yousef Munayyer", "argues", None, "indirect", "is not just about defeating Hamas"),
    ("Yousef Munayyer", "said", None, "direct", "He wants to be able to say"),
    ("Yousef Munayyer", "said", None, "direct", "They feel very strongly about this"),
]
ROLES = {
    "Maria Zakharova": "Foreign Ministry spokesperson",
    "Marwan Bishara": "senior political analyst",
    "Yousef Munayyer": "head of the Palestine-Israel Program and senior fellow at the Arab Center Washington DC",
}
HEADLINES = [
    "Russia backs US Gaza plan, calls for full restoration of humanitarian access",
    "Hamas, Israel continue to have ‘serious disagreements’",
    "Netanyahu’s endgame is about eliminating prospect of Palestinian statehood",
]


def _json(source):
    result = run_cli("extract", source, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def _assert_expected(records, expected):
    found = [(r["speaker"]["name"] if r["speaker"] else None, r["cue"], r["addressee"], r["kind"], r["text"])
             for r in records]
    matched = set()
    for speaker, cue, addressee, kind, words in expected:
        matches = sorted((f for f in found if words in f[4]), key=lambda f: len(f[4]))
        assert matches, f"no quotation containing {words!r}"
        assert matches[0][:4] == (speaker, cue, addressee, kind), (words, matches[0])
        matched.add(matches[0])
    assert set(found) == matched, [f[4][:40] for f in set(found) - matched]


@pytest.mark.parametrize("name", ["liveblog-gaza-plan.txt", "liveblog-gaza-plan.html"])
def test_gaza_sample_every_quotation_attributed(name):
    payload = _json(need(SAMPLES / name))
    records = payload["quotes"]
    _assert_expected(records, EXPECTED_GAZA)
    for record in records:
        speaker = record["speaker"]
        if speaker["name"] in ROLES:
            assert speaker["role"] == ROLES[speaker["name"]]
            assert speaker["kind"] == "person"
        assert payload["text"][record["start"]:record["end"]] == record["text"]
    assert [r["speaker"]["affiliation"] for r in records if r["speaker"]["name"] == "Marwan Bishara"][0] == "Al Jazeera"


@pytest.mark.parametrize("name", ["liveblog-gaza-plan.txt", "liveblog-gaza-plan.html"])
def test_gaza_sample_posts_and_banner(name):
    payload = _json(need(SAMPLES / name))
    text = payload["text"]
    posts = payload["posts"]
    assert [p["title"] for p in posts] == HEADLINES
    if name.endswith(".html"):
        assert [p["time"] for p in posts] == ["2025-10-07T14:05:00Z", "2025-10-07T13:40:00Z", "2025-10-07T13:12:00Z"]
        assert payload["doc"]["url"] == "https://news.example.org/liveblog/2025/10/7/live-gaza-ceasefire-talks"
        assert payload["doc"]["site"] == "Example News"
        assert payload["doc"]["published"] == "2025-10-07T06:00:00Z"
        assert "cookie" not in text.lower() and "Privacy Policy" not in text
    else:
        assert text == (SAMPLES / name).read_text(encoding="utf-8")
        banner_end = text.index("Close") + len("Close")
        assert all(r["start"] > banner_end for r in payload["quotes"])
    for record in payload["quotes"]:
        assert record["post"]["title"] in HEADLINES
        post = posts[record["post"]["index"]]
        assert post["start"] <= record["start"] < post["end"]
        assert not any(record["text"] in title for title in HEADLINES)


def test_bundled_example_in_every_format(tmp_path):
    example = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
    payload = _json(example)
    by_text = {r["text"]: r for r in payload["quotes"]}
    speakers = {r["speaker"]["name"] for r in payload["quotes"]}
    assert {"Ingrid Solberg", "Simon Kofe", "Amara Okafor", "Tomás Ferreira", "Beijing"} == speakers
    multi = next(r for t, r in by_text.items() if "hollower" in t)
    assert "We will not sign" in multi["text"] and multi["speaker"]["name"] == "Simon Kofe"
    assert len(payload["posts"]) == 3
    table = run_cli("extract", example, "--format", "table")
    assert table.returncode == 0 and "Ingrid Solberg" in table.stdout.decode()
    out = tmp_path / "quotes.csv"
    csv_run = run_cli("extract", example, "--format", "csv", "--out", out)
    assert csv_run.returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,doc_source") and len(lines) > len(payload["quotes"])


def test_jsonl_record_format_and_stable_ids():
    example = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"
    first = run_cli("extract", example).stdout.decode().splitlines()
    second = run_cli("extract", example).stdout.decode().splitlines()
    assert first == second and first
    record = json.loads(first[0])
    assert set(record) >= {"id", "doc", "post", "kind", "text", "start", "end", "speaker", "cue", "addressee",
                           "confidence", "rule"}
    assert set(record["doc"]) >= {"id", "source", "url", "title", "site", "published"}
    assert set(record["speaker"]) >= {"name", "mention", "start", "end", "kind", "role", "affiliation"}
    assert record["doc"]["source"] == str(example)
    assert 0 <= record["confidence"] <= 1


def test_workers_give_the_same_records_in_the_same_order():
    inputs = [ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html",
              need(SAMPLES / "liveblog-gaza-plan.html"), need(SAMPLES / "liveblog-gaza-plan.txt")]
    one = run_cli("extract", *inputs)
    two = run_cli("extract", *inputs, "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) > 40


def test_stdin_keeps_text_offsets():
    text = "Talks resumed on Monday.\n\n“We are close,” the mediator, Ana Lima, told reporters.\n"
    result = run_cli("extract", "-", "--format", "json", stdin=text.encode())
    payload = json.loads(result.stdout)
    assert payload["text"] == text
    record = payload["quotes"][0]
    assert text[record["start"]:record["end"]] == "We are close"
    assert record["speaker"]["name"] == "Ana Lima" and record["addressee"] == "reporters"
    assert record["doc"]["source"] == "-"
