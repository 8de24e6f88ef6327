"""Quote check's word alignment on its own: what makes a claim verbatim, shortened, altered or a paraphrase."""
import pytest

from onrecord.store.align import align, align_best, paraphrase, search_words, spoken_text, words

SAID = ("We did not come to Lisbon to leave with another promise on paper, and we will not leave until the "
        "money is on the table.")


def _verdict(claim: str, said: str = SAID):
    return align(words(claim), words(said))


@pytest.mark.parametrize("claim", [
    SAID,
    "we did not come to lisbon to leave with another promise on paper",           # a part, lower case
    "“We did not come to Lisbon to leave with another promise on paper”",         # curly marks
    '"We did not come to Lisbon,"',                                                # straight marks
    "We did not come to Lisbn to leave with another promise on papper",           # typos
])
def test_the_same_words_are_verbatim_whatever_the_marks_case_or_typos(claim):
    found = _verdict(claim)
    assert (found.wording, found.score) == ("verbatim", 1.0)


def test_typos_are_listed_not_hidden():
    found = _verdict("We did not come to Lisbn to leave with another promise")
    assert found.typos == [{"claim": "lisbn", "record": "lisbon"}]


def test_apostrophes_typed_or_not():
    assert align(words("the administrations plan"), words("the administration’s plan")).wording == "verbatim"
    assert align(words("we dont know"), words("We don't know")).wording == "verbatim"


def test_a_middle_cut_is_shortened_and_an_ellipsis_marks_it():
    silent = _verdict("We did not come to Lisbon to leave with another promise on paper, and we will not leave "
                      "until the money is on the table")
    assert silent.wording == "verbatim"
    cut = _verdict("We did not come to Lisbon and we will not leave until the money is on the table.")
    assert cut.wording == "shortened" and not cut.cut_marked
    assert {"op": "left-out", "record": "to leave with another promise on paper"} in cut.diff
    marked = _verdict("We did not come to Lisbon … and we will not leave until the money is on the table.")
    assert marked.wording == "shortened" and marked.cut_marked
    assert _verdict("We did not come to Lisbon ... and we will not leave").cut_marked


def test_changed_words_are_altered_with_the_word_diff():
    found = _verdict("We did not come to Madrid to leave with another promise on paper, and we will not leave until "
                     "the cash is on the table.")
    assert found.wording == "altered" and 0.8 < found.score < 1
    changed = [d for d in found.diff if d["op"] == "changed"]
    assert changed == [{"op": "changed", "record": "Lisbon", "claim": "Madrid"},
                       {"op": "changed", "record": "money", "claim": "cash"}]


def test_words_picked_from_all_over_are_not_a_shortened_quote():
    found = _verdict("We came to leave paper until money")
    assert found.wording != "shortened" and found.wording != "verbatim"


def test_a_different_sentence_is_no_match():
    assert _verdict("The harbour will reopen before the winter storms arrive in the north").wording == "none"


def test_a_split_quotation_is_checked_without_its_reporting_clause():
    text = ("We did not come to Lisbon to leave with another promise on paper,” Solberg told reporters. "
            "“We came to leave with money.")
    cut = text.index("”")
    parts = [{"start": 100, "end": 100 + cut}, {"start": 100 + text.index("We came"), "end": 100 + len(text)}]
    pieces = spoken_text("direct", text, 100, parts)
    assert pieces == ["We did not come to Lisbon to leave with another promise on paper,",
                      "We came to leave with money."]
    claim = words("We did not come to Lisbon to leave with another promise on paper. We came to leave with money.")
    assert align_best(claim, pieces).wording == "verbatim"


def test_a_mixed_record_quotes_only_its_marked_words():
    pieces = spoken_text("mixed", "several delegations have agreed on “a floor, not a ceiling” for the fund", 0, [])
    assert pieces == ["a floor, not a ceiling"]
    assert spoken_text("indirect", "the bloc would accept a review clause", 0, []) == []


def test_reported_speech_matches_as_a_paraphrase():
    found = paraphrase(words("We are ready to double our contribution to the adaptation fund"),
                       "The European Union is ready to double its contribution to the adaptation fund")
    assert found.wording == "paraphrase" and found.score == 1.0
    assert paraphrase(words("Prices will fall next spring"), "the bloc would accept a review clause").wording == "none"


def test_search_words_are_the_meaning_words_as_the_index_splits_them():
    found = search_words("“We support the administration’s plan,” she said")
    assert found == ["support", "administration", "plan"]
