"""Full names the entity recogniser missed: 'former Madison Police Chief Noble Wray ... Wray said', 'Dai Shuqin ...
Mrs Dai said'."""
from __future__ import annotations

from spacy.tokens import Span

from onrecord.speakers.titles import TITLES, title_gender

FEWEST_WORDS, MOST_WORDS = 2, 3


def titled_names(doc, organisation_heads: frozenset[str]) -> list[Span]:
    """Two or three untagged capitalised proper nouns after a title, when the story later calls the person
    by the last of them alone: a name, whatever the recogniser made of it."""
    alone = _lone_proper_nouns(doc)
    found = []
    for title in doc:
        if title.lower_.strip(".") not in TITLES or not title.text[:1].isupper():
            continue
        end = title.i + 1
        while end < len(doc) and end - title.i <= MOST_WORDS and _untagged_name_word(doc[end]) \
                and doc[end].lower_ not in organisation_heads and "\n" not in doc[end - 1].whitespace_:
            end += 1
        length = end - title.i - 1
        if FEWEST_WORDS <= length <= MOST_WORDS and not _capitalised_proper_noun_at(doc, end) \
                and doc[end - 1].text in alone:
            found.append(Span(doc, title.i + 1, end, label="PERSON"))
    return found


def _untagged_name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalpha() and not token.ent_type_ \
        and token.lower_ not in TITLES


def _capitalised_proper_noun_at(doc, i: int) -> bool:
    return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _lone_proper_nouns(doc) -> set[str]:
    """Capitalised proper nouns written with no proper noun beside them: 'Wray said'."""
    return {t.text for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper()
            and not _capitalised_proper_noun_at(doc, t.i + 1) and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")}


def family_name_first(doc) -> list[Span]:
    """'Dai Shuqin' untagged where the story also writes 'Mrs Dai': a name whose family name comes first."""
    family_names = family_names_after_mr_or_mrs(doc)
    found = []
    for first in doc:
        if first.text not in family_names or first.ent_type_ or not _untagged_name_word(first):
            continue
        end = first.i + 1
        while end < len(doc) and end - first.i < MOST_WORDS and _untagged_name_word(doc[end]):
            end += 1
        if end - first.i >= FEWEST_WORDS and not _capitalised_proper_noun_at(doc, end):
            found.append(Span(doc, first.i, end, label="PERSON"))
    return found


def family_names_after_mr_or_mrs(doc) -> set[str]:
    """'Dai' of 'Mrs Dai', unless a full name ends with it ('Donald Trump ... Mr. Trump')."""
    cached = doc.user_data.get("onrecord_titled_family_names")
    if cached is None:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        ending_full_names = {e.text.split()[-1] for e in people if not _after_mr_or_mrs(e) and len(e) > 1}
        cached = {e.text.split()[-1] for e in people if _after_mr_or_mrs(e)} - ending_full_names
        doc.user_data["onrecord_titled_family_names"] = cached
    return cached


def _after_mr_or_mrs(ent) -> bool:
    """'Mrs Dai', with the title inside the entity or just before it."""
    words = ent.text.split()
    if len(words) == 2:
        return title_gender(words[0]) is not None
    return len(words) == 1 and ent.start > 0 and title_gender(ent.doc[ent.start - 1].text) is not None
