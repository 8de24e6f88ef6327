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


def test_words_picked_from_all_over_are_no_match():
    # in order on record, but one or two at a time from all over the sentence: a new sentence, not a quotation
    for claim in ("We came to leave paper until money", "We did not leave paper on the table",
                  "We leave another paper and we will leave money"):
        found = _verdict(claim)
        assert found.wording == "none", (claim, found)


DELL = ("If you look at what we do now, we are competing with one part of HP or another part of some little company "
        "over here or another company over there. I think it is going to be very difficult to be a company in silos. "
        "I think the game has changed. We won't define our success by looking at the competitors but at how satisfied "
        "are our customers, how engaged are our internal stakeholders and how good is our product pipeline. Finally, "
        "we will look at our share in some of the markets we are in. Some of the markets are growing. We want to grow "
        "faster than the market. Some of the markets are shrinking. We want to gain market share even if it is "
        "shrinking. If you look at the PC market, it's changing, we are in our 14th quarter in a row of market share "
        "gain.")


def test_scattered_words_of_a_long_statement_are_no_match():
    # "We ... won't ... even ... a": four words found in order across a hundred is not an altered quotation
    for claim in ("We won't even build a wall", "We look at our customers and the game has changed",
                  "we want the market to grow in our 14th quarter"):
        found = _verdict(claim, DELL)
        assert found.wording == "none", (claim, found)


def test_stopwords_alone_never_make_a_match():
    # 'We will ... the ... now' agree; every word that carries meaning differs
    assert _verdict("We will build the wall now", "We will open the door now").wording == "none"
    assert _verdict("They said that it was all of them", "He said that it was none of them").wording == "none"


def test_the_end_of_a_statement_is_verbatim_though_its_first_word_came_earlier():
    # 'we' opens the statement too: matching it there would report the first half as left out
    found = _verdict("we will not leave until the money is on the table")
    assert (found.wording, found.score) == ("verbatim", 1.0)
    assert found.diff == [{"op": "equal", "text": "we will not leave until the money is on the table"}]
    changed = _verdict("we will not leave until the cash is on the table")
    assert changed.wording == "altered" and [d["op"] for d in changed.diff] == ["equal", "changed", "equal"]
    assert _verdict("We won't define our success by looking at the competitors", DELL).wording == "verbatim"


def test_a_changed_word_in_a_long_statement_is_altered():
    found = _verdict("We won't measure our success by looking at the competitors", DELL)
    assert found.wording == "altered" and found.score == 0.9
    assert [d for d in found.diff if d["op"] != "equal"] == [{"op": "changed", "record": "define", "claim": "measure"}]
    cut = _verdict("We want to gain market share even if it is shrinking … we are in our 14th quarter in a row of "
                   "market share gains", DELL)
    assert (cut.wording, cut.cut_marked) == ("shortened", True)
    assert [d["op"] for d in cut.diff] == ["equal", "left-out", "equal"]
    assert cut.typos == [{"claim": "gains", "record": "gain"}]
    # words changed near a cut, and words changed where the claim starts
    both = _verdict("I think it is going to be a company in the market", DELL)
    assert both.wording == "altered" and [(d["op"], d.get("record")) for d in both.diff if d["op"] != "equal"] == [
        ("left-out", "very difficult to be"), ("added", None), ("changed", "silos")]
    start = _verdict("We won't look at the PC market", DELL)
    assert start.wording == "altered" and start.diff[0] == {"op": "changed", "record": "If you", "claim": "We won't"}


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
