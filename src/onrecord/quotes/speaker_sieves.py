"""Speaker sieves: who a cue's mention names (a name, an appositive, a relative pronoun, a group, a quantifier),
each person under their fullest name in the document. Personal pronouns: pronoun_sieves.py; descriptions:
description_sieves.py."""
from __future__ import annotations

from dataclasses import replace

from onrecord.quotes.context import Context
from onrecord.quotes.description_sieves import described, noun_phrase, without_article
from onrecord.quotes.lexicon import (DOCUMENT_NOUNS, ORGANISATION_NOUNS, QUANTIFIER_SUBJECTS, SUBJECT_DEPS,
                                     is_capitalised_noun)
from onrecord.quotes.registry import speaker_sieve
from onrecord.quotes.syntax import subject_of
from onrecord.records import Speaker
from onrecord.speakers import Person, role_and_affiliation
from onrecord.speakers.names import KIND_BY_LABEL, looks_like_organisation, name_words, opens_with_a_given_name
from onrecord.speakers.spelling import folded
from onrecord.speakers.titles import TITLES, title_before


@speaker_sieve("none")
def no_mention(ctx: Context, token):
    return (None, "none") if token is None else None


@speaker_sieve("named-appositive")
def named_appositive(ctx: Context, token):
    """'the mediator, Ana Lima,': a proper name in apposition to a common noun names a person; so does one in
    apposition to a title the tagger took for a proper noun ('The Prime Minister, John Smith,')."""
    appositive_names = [c for c in token.children if (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON"))
                        and (c.dep_ == "appos" or _misread_conjunct(c))]
    title = token.pos_ == "PROPN" and token.lower_ in TITLES
    if token.ent_type_ == "ORG" and appositive_names:
        member = _titled_member(ctx, appositive_names[0]) or _person_after_their_post(ctx, token, appositive_names[0])
        return (member, "named-appositive") if member is not None else None
    if token.ent_type_ == "ORG":
        # 'Bank of Montreal’s managing director ..., Benjamin Reitzes, said': the organisation heads the subject
        closing = _name_closing_the_description(token)
        return (described_person(ctx, closing[0]), "named-appositive") if closing else None
    if token.ent_type_ == "GPE":
        # 'The Mandan, North Dakota, police chief, Jason Ziegler, has asserted': the parser made the place that
        # locates the title the subject; a place has no person in apposition, the person is the speaker
        people = [c for c in appositive_names if c.ent_type_ == "PERSON"]
        if not people:
            return None
        titles = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i < people[0].i]
        speaker = described_person(ctx, people[0])
        if titles:
            title_noun = titles[-1]
            first = min((c.i for c in title_noun.lefts if c.dep_ in ("compound", "amod")), default=title_noun.i)
            speaker = replace(speaker, role=ctx.doc[first:title_noun.i + 1].text,
                              affiliation=speaker.affiliation or token.text)
        return speaker, "named-appositive"
    if (token.pos_ != "NOUN" and not title) or token.ent_type_:
        return None
    appositive_names = appositive_names or _name_closing_the_description(token)
    return (described_person(ctx, appositive_names[0]), "named-appositive") if appositive_names else None


def _name_closing_the_description(token) -> list:
    """'Bank of Montreal’s managing director for Canadian rates and macro strategist, Benjamin Reitzes, said': the
    parser hung the name on the description's last noun; a person's name in apposition that ends the subject
    names the subject."""
    words = [t for t in token.subtree if not t.is_punct]
    last = words[-1] if words else token
    return [t for t in token.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i == last.i
            and t.head.pos_ == "NOUN"]


def _titled_member(ctx: Context, name) -> Speaker | None:
    """'Communist Party of India MP P Sandosh Kumar said': the parser made the party the subject and the member
    its apposition; a title among the name's compounds marks where the person's name starts."""
    words = [t for t in name.subtree if t.i <= name.i]
    titles = [t for t in words if t.lower_.strip(".") in TITLES]
    if not titles or titles[-1].i == name.i:
        return None
    span = ctx.doc[titles[-1].i + 1:name.i + 1]
    person = ctx.names.person(span.text, span.start_char)
    if person is None:
        return None
    return Speaker(person.name, span.text, span.start_char, span.end_char, person.kind, person.role or titles[-1].text,
                   person.affiliation)


def _person_after_their_post(ctx: Context, organisation, name) -> Speaker | None:
    """'said Chartered Professional Accountants of Canada’s chief economist, David-Alexandre Brassard': the
    parser made the organisation the subject and the person its apposition; a post named between them ('chief
    economist') says the person is the organisation's."""
    posts = [t for t in organisation.subtree if organisation.i < t.i < name.i and t.pos_ == "NOUN"
             and t.lemma_.lower() in TITLES]
    if name.ent_type_ != "PERSON" or not posts:
        return None
    return described_person(ctx, name)


def _misread_conjunct(token) -> bool:
    """'her trade union, the Transport Salaried Staffs Association, said': a name after a comma that the parser
    joined to the noun as a conjunct, with no 'and' or 'or' to join them, is in apposition."""
    doc = token.doc
    if token.dep_ != "conj" or not token.ent_type_ or token.left_edge.i == 0 or token.right_edge.i + 1 >= len(doc):
        return False
    joined = any(c.dep_ == "cc" for c in list(token.head.children) + list(token.children))
    enclosed = doc[token.left_edge.i - 1].text == "," and doc[token.right_edge.i + 1].text == ","
    return enclosed and not joined


@speaker_sieve("relative")
def relative_pronoun(ctx: Context, token):
    """'Roffman, who estimates that ...': who is Roffman, named through the noun it hangs on; 'the shelters
    published an open letter that complained of ...': a document's words are its authors'."""
    if token.tag_ not in ("WP", "WDT") or token.head.dep_ != "relcl" or token.head.head.i >= token.i:
        return None
    noun = token.head.head
    if noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "npadvmod":
        # 'published an open letter March 9 that complained': the clause is the document's, not the date's
        noun = next((c for c in noun.head.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS), noun)
    if token.tag_ == "WDT" and noun.lemma_.lower() in DOCUMENT_NOUNS:
        # 'an opinion from Noble Wray ... that said': its author; 'published an open letter that': its publisher
        noun = _author_of(noun) or (subject_of(noun.head) if noun.dep_ == "dobj" else None) or noun
    speaker, sieve = ctx.speaker_for(noun)
    if speaker is None:
        return None, sieve
    return replace(speaker, mention=token.text, start=token.idx, end=token.idx + len(token)), "relative-" + sieve


def _author_of(document):
    """'a letter from the lawyers', 'a report by the inspector general': who wrote it."""
    for prep in document.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            authors = [c for c in prep.children if c.dep_ == "pobj"]
            if authors:
                return authors[0]
    return None


@speaker_sieve("named-group")
def named_group(ctx: Context, token):
    """'Hamas and el-Sisi said': names joined by 'and' speak together. 'Bruce Westerman, Arkansas Republican and
    a lead author of the bill, said' describes one person: a party or nationality after a person is no member."""
    ent = ctx.entity_of(token)
    named_conjuncts = [c for c in token.conjuncts if c.i > token.i and ctx.entity_of(c) is not None
                       and ctx.entity_of(c) is not ent and not _describes_the_person(ent, c, ctx.entity_of(c))]
    if ent is None or not named_conjuncts:
        return None
    entities = [ent] + [ctx.entity_of(c) for c in named_conjuncts]
    members = [named_speaker(ctx, e.text, e.start_char, e.end_char, e.label_) for e in entities]
    names = [m.name for m in members]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    mention = ctx.text[entities[0].start_char:entities[-1].end_char]
    return Speaker(name, mention, entities[0].start_char, entities[-1].end_char, "group"), "named-group"


def _describes_the_person(ent, conjunct, conjunct_ent) -> bool:
    """'Westerman, Arkansas Republican and ...': a party or nationality set off by a comma right after a person's
    name is said of that person ('Senator Jane Holt and Republicans in the House' are two)."""
    if ent is None or ent.label_ != "PERSON" or conjunct_ent.label_ != "NORP" or ent.end >= len(ent.doc):
        return False
    return ent.doc[ent.end].text == "," and conjunct.left_edge.i == ent.end + 1


@speaker_sieve("named")
def named_entity(ctx: Context, token):
    """A name the entity recogniser found, under its fullest form in the document."""
    ent = ctx.entity_of(token)
    if ent is None:
        return None
    holder = _title_holder(ctx, ent)
    if holder is not None:
        return holder, "definite-description"
    start = _proper_name_start(ctx, token, ent) if ent.label_ == "ORG" else ent.start
    if start < ent.start:
        span = ctx.doc[start:ent.end]
        return named_speaker(ctx, span.text, span.start_char, span.end_char, ent.label_), "named"
    return named_speaker(ctx, ent.text, ent.start_char, ent.end_char, ent.label_, title_before(ent)), "named"


def _proper_name_start(ctx: Context, token, ent) -> int:
    """'the World Travel and Tourism Council', which the entity recogniser cut after 'and': where the proper
    nouns the name's head governs begin."""
    start = min((c.left_edge.i for c in token.lefts if c.dep_ in ("compound", "nmod")), default=ent.start)
    words = ctx.doc[start:ent.start]
    return start if all(t.pos_ == "PROPN" or t.lower_ in ("and", "&", "of") for t in words) else ent.start


def _title_holder(ctx: Context, ent) -> Speaker | None:
    """'the Leader of Opposition in Lok Sabha': a title the entity recogniser took for a name is whoever the
    story gave that title before."""
    words = ent.text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    if ent.label_ not in ("ORG", "PERSON") or not words or words[0].lower().strip(".") not in TITLES:
        return None
    if ctx.names.person(ent.text, ent.start_char) is not None:
        return None
    if not all(w.lower().strip(".") in TITLES or w.lower() in ("of", "the", "in", "for") or w[:1].isupper()
               for w in words) or len(words) > 6:
        return None
    found = ctx.names.holding_role(words[0].lower().strip("."), ent.start_char)
    if found is None:
        return None
    return Speaker(found.name, ent.text, ent.start_char, ent.end_char, found.kind, found.role, found.affiliation)


@speaker_sieve("quantifier")
def quantifier(ctx: Context, token):
    """'Several said they ...': a lone quantifier subject speaks for a group."""
    if token.lower_ not in QUANTIFIER_SUBJECTS or token.dep_ not in SUBJECT_DEPS:
        return None
    return Speaker(token.text, token.text, token.idx, token.idx + len(token), "group"), "quantifier"


@speaker_sieve("not-a-noun")
def not_a_noun(ctx: Context, token):
    """A gate: a mention that is no noun names nobody (stamped 'none')."""
    return (None, "none") if token.pos_ not in ("NOUN", "PROPN") else None


@speaker_sieve("partitive")
def partitive(ctx: Context, token):
    """'One of the two US officials said', 'Some of the protesters said': a number or quantifier with an 'of'
    phrase speaks for those it picks out."""
    source = token.dep_ in SUBJECT_DEPS or token.dep_ == "pobj"  # 'according to one of the survivors' too
    if not source or not (token.pos_ == "NUM" or token.lower_ in QUANTIFIER_SUBJECTS):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
        return None
    phrase, _ = described(ctx, token)
    kind = "person" if token.lower_ in ("one", "1") else "group"
    return Speaker(without_article(phrase.text), phrase.text, phrase.start_char, phrase.end_char, kind), "partitive"


@speaker_sieve("proper-noun")
def proper_noun(ctx: Context, token):
    """A proper noun the entity recogniser missed, when it names a person of the document (stamped 'named'); a
    capitalised word the tagger took for a common noun too ('Trump first called on Congress ...'). Failing a
    person, the first word of an organisation's name ('Arcade announced' after 'Arcade Publishing')."""
    if not is_capitalised_noun(token):
        return None
    mention, _ = noun_phrase(ctx, token)
    person = ctx.names.person(mention.text, mention.start_char)
    if person is None and not opens_with_a_given_name(name_words(mention.text)):
        person = ctx.names.fuller_organisation(mention.text)
    name = _proper_name_ending(mention)
    if person is None and name.start > mention.start and _common_noun(ctx.doc[name.start - 1]):
        person = ctx.names.entity(name.text)
    if person is None and len(mention) > 1:
        person = _full_name_ending(ctx, token, mention)
    if person is None:
        return None
    return person_speaker(person, mention.text, mention.start_char, mention.end_char), "named"


def _full_name_ending(ctx: Context, token, mention) -> Person | None:
    """'former Madison Police Chief Noble Wray': the person whose full name a titled phrase ends with."""
    bearer = ctx.names.person(token.text, token.idx)
    if bearer is None or bearer.kind != "person" or bearer.surname != folded(token.text):
        return None
    return bearer if len(bearer.name.split()) > 1 and mention.text.endswith(bearer.name) else None


def _common_noun(token) -> bool:
    return token.pos_ == "NOUN" and token.text.islower()


def _proper_name_ending(mention):
    """'Frack Free Namibia' of 'Environmental organisation Frack Free Namibia': the capitalised proper nouns a
    description ends with (the story names it elsewhere, and a common noun says what it is)."""
    doc, start = mention.doc, mention.end
    while start > mention.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    return doc[start:mention.end]


@speaker_sieve("named-description")
def named_description(ctx: Context, token):
    """'A girl named Soniya', 'a man called Ali': the name the description gives."""
    for clause in token.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in ("name", "call"):
            names = [c for c in clause.children if c.dep_ in ("oprd", "xcomp", "attr", "dobj") and c.pos_ == "PROPN"]
            if names:
                left = min((c.i for c in names[0].lefts if c.dep_ == "compound"), default=names[0].i)
                span = ctx.doc[left:names[0].i + 1]
                person = ctx.names.person(span.text, span.start_char)
                name = person.name if person is not None else span.text
                kind = "organization" if token.lemma_.lower() in ORGANISATION_NOUNS else "person"
                return Speaker(name, span.text, span.start_char, span.end_char, kind), "named-description"
    return None


def described_person(ctx: Context, token) -> Speaker:
    entity = ctx.entity_of(token)
    if entity is not None and entity.label_ != "PERSON":
        # 'Another Gulf Arab power, the United Arab Emirates,': the name in apposition is a place or an
        # organisation
        span = _with_capitalised_of_phrase(entity) if entity.label_ == "ORG" else entity
        return named_speaker(ctx, span.text, span.start_char, span.end_char, entity.label_)
    left = min((c.left_edge.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
    if entity is not None:
        left = min(left, entity.start)
    span = ctx.doc[left:max(token.i + 1, entity.end if entity is not None else 0)]
    person = ctx.names.person(span.text, span.start_char)
    if person is not None:
        return person_speaker(person, span.text, span.start_char, span.end_char)
    role, affiliation = role_and_affiliation(span, ctx.names.entities)
    return Speaker(" ".join(name_words(span.text)), span.text, span.start_char, span.end_char, "person",
                   role, affiliation)


def _with_capitalised_of_phrase(entity):
    """'Medical Aid for Palestinians' when the entity recogniser stopped at 'Aid': an organisation's name runs
    on through 'for' or 'of' and the capitalised words after it."""
    preps = [c for c in entity.root.children if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i == entity.end]
    if not preps:
        return entity
    phrase = list(preps[0].subtree)[1:]
    if not phrase or not all(t.text[:1].isupper() or t.lower_ in ("and", "the", "of") for t in phrase):
        return entity
    return entity.doc[entity.start:phrase[-1].i + 1]


def named_speaker(ctx: Context, text: str, start: int, end: int, label: str, title: str | None = None) -> Speaker:
    person = ctx.names.person(text, start, title)
    organisation = label == "PERSON" and looks_like_organisation(name_words(text))
    if (label != "PERSON" or organisation) and (person is None or person.surname != folded(text.split()[-1])):
        person = ctx.names.entity(text)
    kind = "organization" if organisation else KIND_BY_LABEL.get(label, "unknown")
    unsteady_place = label == "GPE" and ctx.names.tagged_unsteadily(text) and not _said_of_a_person(ctx, start, end)
    if (label in ("ORG", "NORP", "PERSON") or unsteady_place) and (person is None or person.kind != "person"):
        # 'Impresa' for 'Impresa Aerospace' (a small model files a lone unfamiliar word as a person or a place
        # too), 'PHW' for 'Public Health Wales'
        # 'Jane Fonda' is no start of an organisation's name ('Jane Fonda Slams Critics' in a headline)
        fuller = None if label == "PERSON" and opens_with_a_given_name(name_words(text)) \
            else ctx.names.fuller_organisation(text)
        if unsteady_place and fuller is not None and not any(p < start for p in fuller.positions):
            fuller = None  # news names an organisation in full before it shortens it
        person = fuller or person
    if person is None:
        return Speaker(" ".join(text.split()), text, start, end, kind)
    return Speaker(person.name, text, start, end, person.kind, person.role, person.affiliation)


def _said_of_a_person(ctx: Context, start: int, end: int) -> bool:
    """'Victoria, who asked that her surname not be used,': a 'who' clause or an age in apposition."""
    mention = ctx.tokens(start, end)
    if not len(mention):
        return False
    return any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose", "whom")
               or c.dep_ == "appos" and c.like_num for c in mention.root.children)


def person_speaker(person: Person, mention: str, start: int, end: int) -> Speaker:
    return Speaker(person.name, mention, start, end, person.kind, person.role, person.affiliation)


def label_speaker(ctx: Context, label: str, start: int, keep_case: bool = False) -> Speaker:
    """The speaker a transcript label (PENCE:) or a dash signature (― Pamela Padilla) names."""
    words = name_words(label.rstrip("."))
    person = ctx.names.person(words[-1] if keep_case else words[-1].title(), start) if words else None
    end = start + len(label.rstrip("."))
    if person is not None and (not keep_case or len(words) == 1):
        return person_speaker(person, ctx.text[start:end], start, end)
    name = " ".join(words) if keep_case else label.title()
    return Speaker(name, ctx.text[start:end], start, end, "person")
