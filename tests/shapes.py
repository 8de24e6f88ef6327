"""Shape tables: one real sentence per row, through the real pipeline, asserting the record a rule gives and
the rule ("<cue sieve>/<speaker sieve>") that gave it."""
import pytest

COLUMNS = "text, words, speaker, cue, kind, rule, more"


def case(text: str, words: str, speaker: str | None, cue: str | None, kind: str, rule: str, id: str, **more):
    """A row: the quotation holding `words` has this speaker name, cue, kind and rule. `more` checks role,
    affiliation, addressee, mention, speaker_kind, parts (how many), exact (the text), starts, ends, contains,
    lacks, and records (how many the whole text gives)."""
    return pytest.param(text, words, speaker, cue, kind, rule, more, id=id)


def one(records: list[dict], words: str) -> dict:
    found = sorted((r for r in records if words in r["text"]), key=lambda r: len(r["text"]))
    assert found, f"no quotation containing {words!r} in {[r['text'] for r in records]}"
    return found[0]


def speaker_name(record: dict) -> str | None:
    return record["speaker"]["name"] if record["speaker"] else None


def check(records: list[dict], words, speaker, cue, kind, rule, more: dict) -> None:
    r = one(records, words)
    assert (speaker_name(r), r["cue"], r["kind"], r["rule"]) == (speaker, cue, kind, rule), r
    sp = r["speaker"] or {}
    for field in ("role", "affiliation", "mention"):
        if field in more:
            assert sp.get(field) == more[field], (field, sp)
    if "speaker_kind" in more:
        assert sp.get("kind") == more["speaker_kind"]
    if "addressee" in more:
        assert r["addressee"] == more["addressee"]
    if "parts" in more:
        assert len(r["parts"]) == more["parts"], r["parts"]
        assert r["parts"][0]["start"] == r["start"] and r["parts"][-1]["end"] == r["end"]
    if "exact" in more:
        assert r["text"] == more["exact"]
    if "starts" in more:
        assert r["text"].startswith(more["starts"]), r["text"]
    if "ends" in more:
        assert r["text"].endswith(more["ends"]), r["text"]
    for words_in in more.get("contains", ()):
        assert words_in in r["text"], (words_in, r["text"])
    for words_out in more.get("lacks", ()):
        assert words_out not in r["text"], (words_out, r["text"])
    if "records" in more:
        assert len(records) == more["records"], [x["text"] for x in records]
