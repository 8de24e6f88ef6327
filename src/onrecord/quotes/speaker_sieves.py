"""Speaker sieves: who a cue's mention names (a name, an appositive, a relative pronoun, a group, a quantifier, a
description), each person under their fullest name in the document. Personal pronouns: pronoun_sieves.py."""
from __future__ import annotations

import re
from dataclasses import replace

from onrecord.quotes.context import Context
from onrecord.quotes.lexicon import (COMPANY_NOUNS, DOCUMENT_NOUNS, EPITHET_NOUNS, GENERIC_ORGANISATION_NOUNS,
                                     ORGANISATION_NOUNS, PERSON_NOUNS, QUANTIFIER_SUBJECTS, SUBJECT_DEPS)
from onrecord.quotes.lexicon import is_speech_verb
from onrecord.quotes.registry import speaker_sieve
from onrecord.quotes.syntax import subject_of
from onrecord.records import Speaker
from onrecord.speakers import Person, role_and_affiliation
from onrecord.speakers.names import KIND_BY_LABEL, TITLES, looks_like_organisation, name_words, title_before


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
        member = _titled_member(ctx, appositive_names[0])
        return (member, "named-appositive") if member is not None else None
    if (token.pos_ != "NOUN" and not title) or token.ent_type_ or not appositive_names:
        return None
    return described_person(ctx, appositive_names[0]), "named-appositive"


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
    if token.tag_ == "WDT" and noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj":
        noun = subject_of(noun.head) or noun
    speaker, sieve = ctx.speaker_for(noun)
    if speaker is None:
        return None, sieve
    return replace(speaker, mention=token.text, start=token.idx, end=token.idx + len(token)), "relative-" + sieve


@speaker_sieve("named-group")
def named_group(ctx: Context, token):
    """'Hamas and el-Sisi said': names joined by 'and' speak together."""
    ent = ctx.entity_of(token)
    named_conjuncts = [c for c in token.conjuncts if c.i > token.i and ctx.entity_of(c) is not None
                       and ctx.entity_of(c) is not ent]
    if ent is None or not named_conjuncts:
        return None
    entities = [ent] + [ctx.entity_of(c) for c in named_conjuncts]
    members = [named_speaker(ctx, e.text, e.start_char, e.end_char, e.label_) for e in entities]
    names = [m.name for m in members]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    mention = ctx.text[entities[0].start_char:entities[-1].end_char]
    return Speaker(name, mention, entities[0].start_char, entities[-1].end_char, "group"), "named-group"


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


NOUN_PHRASE_LEFTS = frozenset("compound amod poss det nmod nummod".split())
"""What a description keeps before its noun: 'the Israeli military', 'two US officials', 'one witness'."""


def _noun_phrase(ctx: Context, token):
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    start_tok = min((c.left_edge for c in token.lefts if c.dep_ in NOUN_PHRASE_LEFTS), key=lambda t: t.i,
                    default=token)
    end_tok = conjuncts[-1] if conjuncts else token
    return ctx.doc[start_tok.i:end_tok.i + 1], bool(conjuncts)


DESCRIBING_PREPOSITIONS = frozenset("of for at from with in on to".split())
MAX_DESCRIPTION_WORDS = 12


def _described(ctx: Context, token):
    """The noun phrase a description is, with the phrases right after it that say whose or where within a
    dozen words ('a spokesman for Lufthansa', 'the Israeli mission to the UN in Geneva'); and whether it joins
    several nouns."""
    mention, has_conjuncts = _noun_phrase(ctx, token)
    end = mention.end
    if not has_conjuncts:
        for child in token.rights:
            subtree = _before_comma(list(child.subtree))  # 'a spokesman for Lufthansa, which has ...'
            short_relative = (child.dep_ == "relcl" and len(subtree) == 2 and subtree[0].tag_ in ("WP", "WDT")
                              and not any(is_speech_verb(t) for t in subtree))  # 'one person who attended'
            describes = (child.dep_ == "prep" and child.lower_ in DESCRIBING_PREPOSITIONS) or (
                child.dep_ == "amod" and child.pos_ == "ADJ")  # 'a person familiar with the lawsuit'
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in subtree) and not short_relative
            if (not (describes or short_relative) or subtree[0].i != end or has_verb
                    or subtree[-1].i + 1 - mention.start > MAX_DESCRIPTION_WORDS):
                break
            end = subtree[-1].i + 1
    return ctx.doc[mention.start:end], has_conjuncts


def _before_comma(tokens: list) -> list:
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    return tokens[:commas[0]] if commas and commas[0] > 0 else tokens


def _without_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


@speaker_sieve("partitive")
def partitive(ctx: Context, token):
    """'One of the two US officials said', 'Some of the protesters said': a number or quantifier with an 'of'
    phrase speaks for those it picks out."""
    source = token.dep_ in SUBJECT_DEPS or token.dep_ == "pobj"  # 'according to one of the survivors' too
    if not source or not (token.pos_ == "NUM" or token.lower_ in QUANTIFIER_SUBJECTS):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
        return None
    phrase, _ = _described(ctx, token)
    kind = "person" if token.lower_ in ("one", "1") else "group"
    return Speaker(_without_article(phrase.text), phrase.text, phrase.start_char, phrase.end_char, kind), "partitive"


@speaker_sieve("proper-noun")
def proper_noun(ctx: Context, token):
    """A proper noun the entity recogniser missed, when it names a person of the document (stamped 'named'); a
    capitalised word the tagger took for a common noun too ('Trump first called on Congress ...')."""
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.text[:1].isupper()):
        return None
    mention, _ = _noun_phrase(ctx, token)
    person = ctx.names.person(mention.text, mention.start_char)
    if person is None:
        return None
    return person_speaker(person, mention.text, mention.start_char, mention.end_char), "named"


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


@speaker_sieve("definite-description")
def definite_description(ctx: Context, token):
    """'the agency said', 'the president said': a definite description of someone the story has named names
    them: a person whose title or role holds the noun, an organisation whose name holds it, else the latest
    organisation quoted before."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or not _source_position(token):
        return None
    determiners = [c.lower_ for c in token.lefts if c.dep_ == "det"]
    if determiners != ["the"] or any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in token.rights):
        return None
    if len([c for c in token.lefts if c.dep_ != "det"]) > 1 or any(
            t.i != token.i and (t.pos_ == "PROPN" or t.ent_type_) for t in token.subtree):
        return None  # 'the German airline Lufthansa', 'the Trump administration' name themselves
    noun = token.lemma_.lower()
    found = None
    if noun in PERSON_NOUNS or noun in TITLES:
        found = ctx.names.holding_role(noun, token.idx)
    elif noun in ORGANISATION_NOUNS:
        found = ctx.names.organisation_called(noun, token.idx)
        modifiers = {t.lower_ for t in token.subtree if t.i < token.i and t.pos_ in ("NOUN", "ADJ")}
        if found is not None and not modifiers <= set(found.name.lower().split()):
            found = None  # 'the medic and healer council' is the Standing Rock Medic & Healer Council, no other
        if found is None and noun in GENERIC_ORGANISATION_NOUNS:
            horizon = ctx.paras[max(0, (ctx.para_of(token.idx) or 0) - 2)].start
            found = _latest_organisation_quoted(ctx, token.idx)
            if found is None and noun in COMPANY_NOUNS:
                found = ctx.names.organisation_before(token.idx, horizon)
    if found is None:
        return None
    mention = ctx.doc[min(c.i for c in token.lefts if c.dep_ == "det"):token.i + 1]
    return Speaker(found.name, mention.text, mention.start_char, mention.end_char, found.kind, found.role,
                   found.affiliation), "definite-description"


def _source_position(token) -> bool:
    """A subject, or the object of 'according to'."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "to"
                                          and token.head.head.lower_ == "according")


def _latest_organisation_quoted(ctx: Context, before: int) -> Person | None:
    for quotation in reversed(ctx.quotations):
        speaker = quotation.speaker
        if speaker is not None and speaker.name and speaker.kind == "organization" and speaker.start < before:
            return Person(speaker.name, speaker.kind, role=speaker.role, affiliation=speaker.affiliation)
    return None


@speaker_sieve("earlier-description")
def earlier_description(ctx: Context, token):
    """'the military said' after 'the Israeli military' spoke, 'The Government said' after 'the Scottish
    Government': a bare definite noun is the fuller description of an earlier speaker that it ends."""
    common = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in ORGANISATION_NOUNS | PERSON_NOUNS)
    if not common or token.dep_ not in SUBJECT_DEPS or token.tag_ in ("NNS", "NNPS"):
        return None
    if [c.lower_ for c in token.lefts] != ["the"] or any(c.dep_ in ("prep", "appos", "acl", "relcl")
                                                         for c in token.rights):
        return None
    noun = token.lower_
    mention = ctx.doc[token.i - 1:token.i + 1]
    for quotation in reversed(ctx.quotations):
        speaker = quotation.speaker
        words = (speaker.name or "").split() if speaker is not None else []
        if len(words) > 1 and words[-1].lower() == noun and speaker.start < token.idx:
            return replace(speaker, mention=mention.text, start=mention.start_char,
                           end=mention.end_char), "earlier-description"
    fuller = _named_description_before(ctx, token) if noun in ORGANISATION_NOUNS else None
    if fuller is None:
        return None
    return Speaker(fuller, mention.text, mention.start_char, mention.end_char, "organization"), "earlier-description"


def _named_description_before(ctx: Context, token) -> str | None:
    """'Israeli military' of an earlier 'Israeli military spokesperson ...', 'Morton County sheriff's department':
    the nearest earlier use of the noun with a name among its modifiers."""
    for earlier in reversed(ctx.doc[:token.i]):
        if earlier.lower_ != token.lower_:
            continue
        modifiers = [c for c in earlier.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")]
        if earlier.dep_ in ("compound", "amod"):  # 'Israeli military spokesperson': 'Israeli' may hang on the spokesperson
            modifiers += [c for c in earlier.head.lefts if c.i < earlier.i and c.dep_ in ("amod", "compound", "nmod")]
        if any(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_) for c in modifiers for t in c.subtree):
            start = min(t.i for c in modifiers for t in c.subtree)
            return _without_article(ctx.doc[start:earlier.i + 1].text)
    return None


@speaker_sieve("epithet")
def epithet(ctx: Context, token):
    """'“...,” the Tennessee lawmaker says' right after Lamar Alexander was quoted: a definite description of a
    person, with no name of its own, is the person named and quoted just before, in this or the last paragraph."""
    noun = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ not in SUBJECT_DEPS or token.ent_type_:
        return None
    if noun not in PERSON_NOUNS and noun not in TITLES and noun not in EPITHET_NOUNS:
        return None
    determiners = [c.lower_ for c in token.lefts if c.dep_ == "det"]
    if determiners != ["the"] or any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in token.rights):
        return None
    if any(t.i != token.i and t.ent_type_ in ("PERSON", "ORG") for t in token.subtree):
        return None  # 'the Clinton spokesman' is somebody else
    previous = ctx.quotations[-1] if ctx.quotations else None
    if previous is None or previous.speaker is None or previous.speaker.kind != "person" or not previous.speaker.name:
        return None
    here, there = ctx.para_of(token.idx), ctx.para_of(previous.start)
    if here is None or there is None or here - there > 1 or ctx.post_start(previous.start) != ctx.post_start(token.idx):
        return None
    mention = ctx.doc[min(c.i for c in token.lefts if c.dep_ == "det"):token.i + 1]
    speaker = previous.speaker
    return Speaker(speaker.name, mention.text, mention.start_char, mention.end_char, speaker.kind, speaker.role,
                   speaker.affiliation), "epithet"


@speaker_sieve("description")
def description(ctx: Context, token):
    """'the spokesman', 'officials': the noun phrase itself, a person, a group or unknown."""
    mention, has_conjuncts = _described(ctx, token)
    noun = token.lemma_.lower()
    kind = "group" if token.tag_ in ("NNS", "NNPS") or has_conjuncts else (
        "person" if noun in PERSON_NOUNS else "unknown")
    return Speaker(_without_article(mention.text), mention.text, mention.start_char, mention.end_char, kind), \
        "description"


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
    if (label != "PERSON" or organisation) and (person is None or person.surname != text.split()[-1].lower()):
        person = ctx.names.entity(text)
    kind = "organization" if organisation else KIND_BY_LABEL.get(label, "unknown")
    if label in ("ORG", "NORP", "PERSON") and (person is None or person.kind != "person"):
        # 'Impresa' for 'Impresa Aerospace' (a small model files a lone unfamiliar word as a person too),
        # 'PHW' for 'Public Health Wales'
        person = ctx.names.fuller_organisation(text) or person
    if person is None:
        return Speaker(" ".join(text.split()), text, start, end, kind)
    return Speaker(person.name, text, start, end, person.kind, person.role, person.affiliation)


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
