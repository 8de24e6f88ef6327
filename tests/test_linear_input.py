"""A run of quotation marks costs work in proportion to its length (issue 14: 20 KB of '"' held the API's
extractor for a minute; attribution's part of fault 6 is test_linear.py's). Counted, not timed, as there: the
same on every machine."""
from onrecord.chunks import make_doc


def _characters_searched_for_suffixes(nlp, text: str) -> int:
    """How many characters spaCy's tokenizer hands its suffix search while it tokenizes text (the tokenizer
    peels punctuation off a word one piece at a time, searching what is left each time)."""
    tokenizer = nlp.tokenizer
    search = tokenizer.suffix_search
    scanned = 0

    def counting(string):
        nonlocal scanned
        scanned += len(string)
        return search(string)

    tokenizer.suffix_search = counting  # setting it also empties the tokenizer's cache
    try:
        doc = make_doc(nlp, text)
    finally:
        tokenizer.suffix_search = search
    assert doc.text == text
    return scanned


def test_a_run_of_quotation_marks_is_tokenized_in_linear_work(nlp):
    """20 KB of '"' held the API's extractor for a minute: the run was one word to peel, 20,000 times over."""
    small, large = (_characters_searched_for_suffixes(nlp, '"' * n) for n in (10_000, 20_000))
    assert large / small < 2.3, (small, large)
