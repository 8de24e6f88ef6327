"""Names in headlines written in title case, where every word is capitalised and the entity recogniser runs
a name on into the verb after it: 'Obama Says African-American Museum Tells ...', 'Dasha Wants to Get ...'."""
from __future__ import annotations

import re
from bisect import bisect_right

TITLE_CASE_SHARE = 0.8
"""Share of a line's longer words that start with a capital for the line to be in title case."""
HEADLINE_CHARS = 300
"""A longer line is a paragraph, not a headline."""
LONGER_WORD = 4
"""Short words (of, to, the, and) stay lower case in title case, so only longer ones are counted."""
HEADLINE_VERBS = frozenset("""says tells warns slams urges calls asks claims admits vows blasts rips hits praises
accuses denies defends responds explains reveals insists pledges demands mocks knocks backs wants""".split())
"""The verbs headlines put after a name, which a story may never write in lower case itself ('said')."""


def without_headline_verbs(doc, start: int, end: int) -> int:
    """The end of a name in a title-case line: before the first headline verb ('Jeremy Hunt Warns'), else without
    last words the story writes in lower case elsewhere ('Dasha Wants'), keeping two words at least."""
    if end - start < 2 or not _in_title_case_line(doc, start):
        return end
    verbs = [i for i in range(start + 1, end) if doc[i].lower_ in HEADLINE_VERBS]
    if verbs:
        return verbs[0]  # 'Jeremy Hunt Warns Of ...': the name ends before the verb, whatever its words are
    lower_words = _lower_case_words(doc)
    while end - start > 2 and doc[end - 1].text[:1].isupper() and doc[end - 1].lower_ in lower_words:
        end -= 1
    return end


def _in_title_case_line(doc, token_index: int) -> bool:
    """Whether the token's line is in title case; each line is judged once per document."""
    starts, verdicts = _lines(doc)
    line = bisect_right(starts, doc[token_index].idx) - 1
    if line not in verdicts:
        text = document_text(doc)
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        verdicts[line] = _title_case(text[starts[line]:end])
    return verdicts[line]


def _title_case(line: str) -> bool:
    if len(line) > HEADLINE_CHARS:
        return False
    longer = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= LONGER_WORD]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _lines(doc) -> tuple[list[int], dict[int, bool]]:
    cached = doc.user_data.get("onrecord_line_starts")
    if cached is None:
        text = document_text(doc)
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        cached = doc.user_data["onrecord_line_starts"] = (starts, {})
    return cached


def document_text(doc) -> str:
    """doc.text joins every token anew on each call: kept once per document, or names cost quadratic time."""
    cached = doc.user_data.get("onrecord_text")
    if cached is None:
        cached = doc.user_data["onrecord_text"] = doc.text
    return cached


def _lower_case_words(doc) -> set[str]:
    cached = doc.user_data.get("onrecord_lower_case_words")
    if cached is None:
        cached = set(re.findall(r"\b[a-z][a-z'’-]*\b", document_text(doc)))
        doc.user_data["onrecord_lower_case_words"] = cached
    return cached
