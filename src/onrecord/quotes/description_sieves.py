"""Description sieves: a mention that is a description ('the agency', 'the Tennessee lawmaker', 'one person
who attended'), named after the person or organisation the story gave it to, else kept as written."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from onrecord.quotes.context import Context
from onrecord.quotes.lexicon import (COMPANY_NOUNS, EPITHET_NOUNS, GENERIC_ORGANISATION_NOUNS, ORGANISATION_NOUNS,
                                     PERSON_NOUNS, SUBJECT_DEPS, is_speech_verb)
from onrecord.quotes.registry import speaker_sieve
from onrecord.records import Speaker
from onrecord.speakers import Person
from onrecord.speakers.titles import TITLES

NOUN_PHRASE_LEFTS = frozenset("compound amod poss det nmod nummod".split())
"""What a description keeps before its noun: 'the Israeli military', 'two US officials', 'one witness'."""


def noun_phrase(ctx: Context, token):
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    start_tok = min((c.left_edge for c in token.lefts if c.dep_ in NOUN_PHRASE_LEFTS), key=lambda t: t.i,
                    default=token)
    end_tok = conjuncts[-1] if conjuncts else token
    return ctx.doc[start_tok.i:end_tok.i + 1], bool(conjuncts)


DESCRIBING_PREPOSITIONS = frozenset("of for at from with in on to".split())
MAX_DESCRIPTION_WORDS = 12
FORCES_WRITTEN_BARE = frozenset({"police"})
"""'police said', plural and with no article, after 'Fremont police say': the force the story named."""


def described(ctx: Context, token):
    """The noun phrase a description is, with the phrases right after it that say whose or where within a
    dozen words ('a spokesman for Lufthansa', 'the Israeli mission to the UN in Geneva'); and whether it joins
    several nouns."""
    mention, has_conjuncts = noun_phrase(ctx, token)
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
    """A phrase up to its first comma, though not the comma between a city and its state ('in Durham, North
    Carolina')."""
    commas = [i for i, t in enumerate(tokens) if t.text == "," and not (
        0 < i < len(tokens) - 1 and tokens[i - 1].ent_type_ == "GPE" and tokens[i + 1].ent_type_ == "GPE")]
    return tokens[:commas[0]] if commas and commas[0] > 0 else tokens


def without_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


@speaker_sieve("definite-description")
def definite_description(ctx: Context, token):
    """'the agency said', 'the president said': a definite description of someone the story has named names
    them: a person whose title or role holds the noun, an organisation whose name holds it, else the latest
    organisation quoted before."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or not _source_position(token):
        return None
    if not _the_bare_noun(token):
        return None
    if any(t.i != token.i and (t.pos_ == "PROPN" or t.ent_type_) for t in token.subtree):
        return None  # 'the German airline Lufthansa', 'the Trump administration' name themselves
    noun = token.lemma_.lower()
    described_closely = len([c for c in token.lefts if c.dep_ != "det"]) > 1
    if described_closely and noun not in ORGANISATION_NOUNS:
        return None
    found = None
    if noun in PERSON_NOUNS or noun in TITLES:
        found = ctx.names.holding_role(noun, token.idx)
    elif noun in ORGANISATION_NOUNS:
        found = ctx.names.organisation_called(noun, token.idx)
        modifiers = {t.lower_ for t in token.subtree if t.i < token.i and t.pos_ in ("NOUN", "ADJ")}
        if found is not None and not modifiers <= set(found.name.lower().split()):
            found = None  # 'the medic and healer council' is the Standing Rock Medic & Healer Council, no other
        if found is None and noun in GENERIC_ORGANISATION_NOUNS and not described_closely:
            # 'the national immigration agency' names itself by its words, never by the last agency quoted
            horizon = ctx.paras[max(0, (ctx.para_of(token.idx) or 0) - 2)].start
            found = _latest_organisation_quoted(ctx, token.idx)
            if found is None and noun in COMPANY_NOUNS:
                found = ctx.names.organisation_before(token.idx, horizon)
    if found is None:
        return None
    mention = _with_article(ctx, token)
    return Speaker(found.name, mention.text, mention.start_char, mention.end_char, found.kind, found.role,
                   found.affiliation), "definite-description"


def _the_bare_noun(token) -> bool:
    """'the agency', 'the Tennessee lawmaker': 'the' its only determiner, and no phrase after it that would say
    who ('the spokesman for Lufthansa' is somebody else)."""
    return [c.lower_ for c in token.lefts if c.dep_ == "det"] == ["the"] and not _post_modified(token)


def _post_modified(token) -> bool:
    return any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in token.rights)


def _with_article(ctx: Context, token):
    """The mention from its determiner to the noun."""
    return ctx.doc[min(c.i for c in token.lefts if c.dep_ == "det"):token.i + 1]


def _source_position(token) -> bool:
    """A subject, or the object of 'according to'."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "to"
                                          and token.head.head.lower_ == "according")


def _latest_organisation_quoted(ctx: Context, before: int) -> Person | None:
    for speaker in reversed(ctx.organisations_quoted):
        if speaker.name and speaker.start < before:
            return Person(speaker.name, speaker.kind, role=speaker.role, affiliation=speaker.affiliation)
    return None


@speaker_sieve("earlier-description")
def earlier_description(ctx: Context, token):
    """'the military said' after 'the Israeli military' spoke, 'The Government said' after 'the Scottish
    Government': a bare definite noun is the fuller description of an earlier speaker that it ends."""
    common = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in ORGANISATION_NOUNS | PERSON_NOUNS)
    if not common or token.dep_ not in SUBJECT_DEPS or _post_modified(token):
        return None
    lefts = [c.lower_ for c in token.lefts]
    force = token.lower_ in FORCES_WRITTEN_BARE and lefts in ([], ["the"])
    if not force and (token.tag_ in ("NNS", "NNPS") or lefts != ["the"]):
        return None
    noun = token.lower_
    mention = ctx.doc[token.i - len(lefts):token.i + 1]
    for speaker in reversed(ctx.speakers_by_last_word.get(noun, ())):
        if speaker.start < token.idx:
            return replace(speaker, mention=mention.text, start=mention.start_char,
                           end=mention.end_char), "earlier-description"
    if force:
        return None  # a force only named in passing ('former Madison Police Chief') is not the one speaking
    fuller = _named_description_before(ctx, token) if noun in ORGANISATION_NOUNS else None
    if fuller is None:
        return None
    return Speaker(fuller, mention.text, mention.start_char, mention.end_char, "organization"), "earlier-description"


@speaker_sieve("introduced-description")
def introduced_description(ctx: Context, token):
    """'Even when a police officer first called ... the officer recalled:': a bare definite noun is the fuller
    description that introduced it with 'a' or 'an' earlier in the story ('a source close to the investigation' for
    'The source'). A description with a person's name in it is left to the name sieves."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ not in SUBJECT_DEPS or token.ent_type_:
        return None
    if [c.lower_ for c in token.lefts] != ["the"] or _restricted(token):
        return None
    introduced = _introduction_before(ctx, token)
    if introduced is None:
        return None
    mention = ctx.doc[token.i - 1:token.i + 1]
    kind = "person" if token.lemma_.lower() in PERSON_NOUNS else "unknown"
    return Speaker(introduced, mention.text, mention.start_char, mention.end_char, kind), "introduced-description"


def _restricted(token) -> bool:
    """'the officer at the door' is a description of its own; 'The source, who declined to be named,' is not."""
    return any(c.dep_ in ("prep", "appos", "acl") or c.dep_ == "relcl" and c.left_edge.nbor(-1).text != ","
               for c in token.rights)


def _introduction_before(ctx: Context, token) -> str | None:
    for earlier in reversed(ctx.doc[:token.i]):
        if earlier.lower_ != token.lower_:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.lefts):
            return None  # the nearest earlier use is no introduction: 'the officer' again, or 'police officers'
        phrase, has_conjuncts = described(ctx, earlier)
        if has_conjuncts or any(t.ent_type_ == "PERSON" for t in phrase) or len(phrase) <= 2:
            return None
        return without_article(phrase.text)
    return None


def _named_description_before(ctx: Context, token) -> str | None:
    """'Israeli military' of an earlier 'Israeli military spokesperson ...', 'Morton County sheriff's department':
    the nearest earlier use of the noun with a name among its modifiers."""
    positions, names = _named_uses(ctx, token.lower_)
    nearest = bisect_left(positions, token.i) - 1
    return names[nearest] if nearest >= 0 else None


def _named_uses(ctx: Context, word: str) -> tuple[list[int], list[str]]:
    """Every use of the word with a name among its modifiers: token positions in order, and the descriptions.
    Built once per word and document, so that many 'the government said' stay linear."""
    key = ("named-uses", word)
    if key not in ctx.memo:
        uses = [(t.i, name) for t in ctx.doc if t.lower_ == word and (name := _with_named_modifiers(ctx, t))]
        ctx.memo[key] = ([i for i, _ in uses], [name for _, name in uses])
    return ctx.memo[key]


def _with_named_modifiers(ctx: Context, noun) -> str | None:
    modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if noun.dep_ in ("compound", "amod"):  # 'Israeli military spokesperson': 'Israeli' may hang on the spokesperson
        modifiers += [c for c in noun.head.lefts if c.i < noun.i and c.dep_ in ("amod", "compound", "nmod")]
    if not any(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_) for c in modifiers for t in c.subtree):
        return None
    start = min(t.i for c in modifiers for t in c.subtree)
    return without_article(ctx.doc[start:noun.i + 1].text)


@speaker_sieve("epithet")
def epithet(ctx: Context, token):
    """'“...,” the Tennessee lawmaker says' right after Lamar Alexander was quoted: a definite description of a
    person, with no name of its own, is the person named and quoted just before, in this or the last paragraph."""
    noun = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ not in SUBJECT_DEPS or token.ent_type_:
        return None
    if noun not in PERSON_NOUNS and noun not in TITLES and noun not in EPITHET_NOUNS:
        return None
    if not _the_bare_noun(token):
        return None
    if any(t.i != token.i and t.ent_type_ in ("PERSON", "ORG") for t in token.subtree):
        return None  # 'the Clinton spokesman' is somebody else
    previous = ctx.quotations[-1] if ctx.quotations else None
    if previous is None or previous.speaker is None or previous.speaker.kind != "person" or not previous.speaker.name:
        return None
    here, there = ctx.para_of(token.idx), ctx.para_of(previous.start)
    if here is None or there is None or here - there > 1 or ctx.post_start(previous.start) != ctx.post_start(token.idx):
        return None
    mention = _with_article(ctx, token)
    speaker = previous.speaker
    return Speaker(speaker.name, mention.text, mention.start_char, mention.end_char, speaker.kind, speaker.role,
                   speaker.affiliation), "epithet"


@speaker_sieve("description")
def description(ctx: Context, token):
    """'the spokesman', 'officials': the noun phrase itself, a person, a group or unknown."""
    mention, has_conjuncts = described(ctx, token)
    noun = token.lemma_.lower()
    kind = "group" if token.tag_ in ("NNS", "NNPS") or has_conjuncts else (
        "person" if noun in PERSON_NOUNS else "unknown")
    return Speaker(without_article(mention.text), mention.text, mention.start_char, mention.end_char, kind), \
        "description"


@speaker_sieve("member-description")
def member_description(ctx: Context, token):
    """'a Florida Democrat', 'another Virginia Republican': one member of a party or people, described; not the
    party, nor the place that qualifies it."""
    member = token.head if token.dep_ == "compound" and token.head.i > token.i else token
    if member.ent_type_ != "NORP" or member.tag_ != "NNP":
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in member.lefts):
        return None
    mention, _ = described(ctx, member)
    return Speaker(without_article(mention.text), mention.text, mention.start_char, mention.end_char, "person"), \
        "member-description"
