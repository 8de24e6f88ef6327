"""The attribution component as a whole: the sieve order is one visible list, the component's config
reorders or drops sieves, and every record's offsets slice the text."""
import pytest

from onrecord.quotes.registry import CANDIDATE_SIEVES, FRAME_SIEVES, QUOTATION_SIEVES, SPEAKER_SIEVES
from onrecord.quotes.sieves import DEFAULT_ORDER, SieveError, SieveLists


def test_the_default_order_runs_every_registered_sieve_once():
    registries = {"frames": FRAME_SIEVES, "candidates": CANDIDATE_SIEVES, "quotations": QUOTATION_SIEVES,
                  "speakers": SPEAKER_SIEVES}
    for family, names in DEFAULT_ORDER.items():
        assert sorted(names) == sorted(registries[family]), family
        assert len(set(names)) == len(names)


def test_an_unknown_sieve_or_list_is_one_clear_error():
    with pytest.raises(SieveError, match="unknown speakers sieve 'nobody'"):
        SieveLists.from_names({"speakers": ["named", "nobody"]})
    with pytest.raises(SieveError, match="unknown sieve list 'voices'"):
        SieveLists.from_names({"voices": []})


def test_config_reorders_and_drops_sieves(sieve_order):
    text = "Foreign Ministry spokesperson Maria Zakharova spoke.\n\n“It is a first step for the region,” she said."
    assert [r["rule"] for r in sieve_order()(text)] == ["direct-cue/pronoun-previous-subject"]
    no_pronouns = sieve_order(speakers=lambda names: [n for n in names if not n.startswith("pronoun-")])
    assert [(r["rule"], r["speaker"]["name"]) for r in no_pronouns(text)] == [("direct-cue/unresolved-pronoun", None)]
    # the speech verb's frame also hands its cue to the quotation that fills its clause: drop both
    no_cue = sieve_order(candidates=lambda names: [n for n in names if n not in ("direct-cue", "filled-clause")])
    assert [r["rule"] for r in no_cue(text)] == ["unattributed"]


def test_spacy_users_add_the_component_with_their_own_order():
    import spacy

    from onrecord.pipeline import model_name

    nlp = spacy.load(model_name())
    nlp.add_pipe("onrecord", config={"sieves": {"frames": ["according-to"]}})
    doc = nlp("Prices fell by a third, according to Hugo Brandt. Ann Lee said the vote was rigged.")
    assert [(q.rule, q.speaker.name) for q in doc._.quotations] == [("according-to/named", "Hugo Brandt")]


def test_offsets_slice_the_text(extract):
    text = ("Talks resumed. “We are close,” the mediator said, “but not there yet.” "
            "She added that a deal could come on Friday, according to aides.")
    records = extract(text)
    assert len(records) == 3
    for r in records:
        assert text[r["start"]:r["end"]] == r["text"]
        for part in r["parts"]:
            assert r["start"] <= part["start"] < part["end"] <= r["end"]
        if r["speaker"]:
            assert text[r["speaker"]["start"]:r["speaker"]["end"]] == r["speaker"]["mention"]
