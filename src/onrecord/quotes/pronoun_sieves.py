"""Pronoun sieves: he, she, they, it and I, each resolved to the fullest name of the person or organisation
it stands for, never across a live-blog post, or left unresolved."""
from __future__ import annotations

from dataclasses import replace

from onrecord.quotes.context import Context
from onrecord.quotes.description_sieves import described
from onrecord.quotes.lexicon import DOCUMENT_NOUNS, PERSON_NOUNS, PRONOUNS, SUBJECT_DEPS
from onrecord.quotes.registry import speaker_sieve
from onrecord.quotes.speaker_sieves import named_speaker, person_speaker
from onrecord.records import Speaker
from onrecord.speakers import Person
from onrecord.speakers.titles import described_gender


def is_pronoun(token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS


def _pronoun_wanted(token) -> str | None:
    """'m', 'f', 'p' (they) or 'n' (it) for a third-person pronoun that can be resolved; None otherwise."""
    if not is_pronoun(token):
        return None
    wanted = PRONOUNS.get(token.lower_)
    return None if wanted in ("1", "2", None) else wanted


def _pronoun_horizon(ctx: Context, token) -> int:
    """A pronoun looks back at most three paragraphs, and never into another live-blog post."""
    para_index = ctx.para_of(token.idx) or 0
    return max(ctx.paras[max(0, para_index - 3)].start, ctx.post_start(token.idx))


def _pronoun_mention(token) -> tuple[str, int, int]:
    return token.text, token.idx, token.idx + len(token)


def _compatible(person: Person, wanted: str) -> bool:
    return wanted in ("m", "f") and person.kind == "person" and person.gender in (None, wanted)


@speaker_sieve("pronoun-same-sentence")
def pronoun_same_sentence(ctx: Context, token):
    """'Fallon fired back: “...,” he wrote': a person named as subject earlier in the pronoun's sentence."""
    wanted = _pronoun_wanted(token)
    if wanted is None:
        return None
    sent = token.sent
    # a name inside quotation marks is talked about, not talking: “Cruz is our best debater,” he said
    named = [e for e in ctx.ents_within(sent) if e.label_ == "PERSON" and e.end_char <= token.idx and not ctx.in_quotation(
        e.start_char)]
    for ent in sorted(named + _unlabelled_named_subjects(ctx, sent, token), key=lambda e: -e.start_char):
        if ent.root.dep_ in SUBJECT_DEPS:
            person = ctx.names.person(ent.text, ent.start_char)
            if person and _compatible(person, wanted):
                return person_speaker(person, *_pronoun_mention(token)), "pronoun-same-sentence"
    return None


def _unlabelled_named_subjects(ctx: Context, sent, before):
    """'Fallon fired back: “...,” he wrote': a surname the entity recogniser missed the second time, as subject."""
    return [ctx.doc[t.i:t.i + 1] for t in sent if t.i < before.i and t.pos_ == "PROPN" and not t.ent_type_
            and t.dep_ in SUBJECT_DEPS and not ctx.in_quotation(t.idx)]


@speaker_sieve("pronoun-previous-subject")
def pronoun_previous_subject(ctx: Context, token):
    """He/she: the person named as subject of one of the three sentences before, since the last quotation."""
    wanted = _pronoun_wanted(token)
    sent = token.sent
    if wanted not in ("m", "f") or sent.start == 0:
        return _organisation_previous_subject(ctx, token) if wanted in ("n", "p") and sent.start else None
    latest_quote = ctx.quotations[-1].end if ctx.quotations else -1
    horizon = _pronoun_horizon(ctx, token)
    before = ctx.doc[sent.start - 1].sent
    for distance in range(3):
        if before.start_char < max(horizon, latest_quote):
            break
        subjects = [e for e in ctx.ents_within(before) if _names_a_person(ctx, e)
                    and e.root.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quotation(e.start_char)]
        for ent in subjects[:1]:
            person = ctx.names.person(ent.text, ent.start_char)
            # 'Royce Mendes ... was a bit more cautious. He said ...': a given name the list does not know is no
            # bar right after it; further back, the gender must be known to agree
            if person and (person.gender == wanted or distance == 0 and _compatible(person, wanted)):
                return person_speaker(person, *_pronoun_mention(token)), "pronoun-previous-subject"
        if before.start == 0:
            break
        before = ctx.doc[before.start - 1].sent
    return None


def _names_a_person(ctx: Context, ent) -> bool:
    """A person's entity, or a lone surname of a person the story named in full that the tagger filed as something
    else ('Marcelo Ebrard ... Ebrard presented data')."""
    if ent.label_ == "PERSON":
        return True
    if len(ent) != 1 or not ent.text[:1].isupper():
        return False
    person = ctx.names.person(ent.text, ent.start_char)
    return person is not None and person.kind == "person" and len(person.name.split()) > 1


def _organisation_previous_subject(ctx: Context, token):
    """It/they: the organisation named as subject of the sentence before, in the same paragraph ('the WHO has
    reminded countries ... Throughout February, it says, ...')."""
    before = ctx.doc[token.sent.start - 1].sent
    if ctx.para_of(before.start_char) != ctx.para_of(token.idx) and \
            ctx.para_of(before.start_char) != (ctx.para_of(token.idx) or 0) - 1:
        return None
    if before.start_char < _pronoun_horizon(ctx, token):
        return None
    subjects = [e for e in ctx.ents_within(before) if e.label_ == "ORG" and e.root.dep_ in ("nsubj", "nsubjpass")
                and not ctx.in_quotation(e.start_char)]
    if not subjects:
        return None
    speaker = named_speaker(ctx, subjects[0].text, subjects[0].start_char, subjects[0].end_char, "ORG")
    if speaker.kind != "organization":
        return None
    return Speaker(speaker.name, *_pronoun_mention(token), speaker.kind, speaker.role, speaker.affiliation), \
        "pronoun-previous-subject"


@speaker_sieve("pronoun-document")
def pronoun_document(ctx: Context, token):
    """'... published an open letter that complained of X. It accused authorities of Y': 'it' after a sentence
    whose verb put out a document (letter, statement, report) is that document, and speaks for its authors."""
    if token.lower_ != "it" or token.dep_ not in SUBJECT_DEPS or token.sent.start == 0:
        return None
    before = ctx.doc[token.sent.start - 1].sent
    if ctx.para_of(before.start_char) != ctx.para_of(token.idx) or before.start_char < ctx.post_start(token.idx):
        return None
    documents = [c for c in before.root.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS]
    authors = [c for c in before.root.children if c.dep_ == "nsubj"]
    if not documents or not authors:
        return None
    speaker, _ = ctx.speaker_for(authors[0])
    if speaker is None or speaker.name is None:
        return None
    return replace(speaker, mention=token.text, start=token.idx, end=token.idx + len(token)), "pronoun-document"


@speaker_sieve("pronoun-previous-speaker")
def pronoun_previous_speaker(ctx: Context, token):
    """He/she: the latest compatible person quoted; they/it: the latest organisation, group or place quoted."""
    wanted = _pronoun_wanted(token)
    if wanted is None:
        return None
    horizon = _pronoun_horizon(ctx, token)
    mention = _pronoun_mention(token)
    for quotation in reversed(ctx.quotations):
        if quotation.start < horizon:
            break  # records come in reading order: every one before this is further back still
        speaker = quotation.speaker
        if speaker is None or speaker.name is None:
            continue
        if wanted in ("m", "f") and speaker.kind == "person":
            if described_gender(speaker.name) not in (None, wanted):
                continue  # 'a woman in Worcester' is no 'he'
            person = ctx.names.person(speaker.name, speaker.start)
            if person is None or _compatible(person, wanted):
                return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                    "pronoun-previous-speaker"
        if wanted in ("p", "n") and speaker.kind in ("organization", "group", "place"):
            return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                "pronoun-previous-speaker"
    return None


@speaker_sieve("pronoun-nearest-name")
def pronoun_nearest_name(ctx: Context, token):
    """He/she: the nearest compatible person named before, outside quotation marks."""
    wanted = _pronoun_wanted(token)
    if wanted not in ("m", "f"):
        return None
    horizon = _pronoun_horizon(ctx, token)
    for position, person in ctx.names.people_before(token.idx):
        if position < horizon:
            break
        if _compatible(person, wanted) and not ctx.in_quotation(position):
            return person_speaker(person, *_pronoun_mention(token)), "pronoun-nearest-name"
    return None


@speaker_sieve("pronoun-quoting-speaker")
def pronoun_quoting_speaker(ctx: Context, token):
    """'I told him we should look at this again', inside Michael Dell's answer: I and we inside a quotation are
    the quotation's speaker."""
    if not is_pronoun(token) or PRONOUNS.get(token.lower_) != "1":
        return None
    holding = [q for q in ctx.quotations if q.start <= token.idx < q.end and q.speaker is not None
               and q.speaker.name is not None]
    if not holding:
        return None
    speaker = holding[-1].speaker
    return Speaker(speaker.name, *_pronoun_mention(token), speaker.kind, speaker.role, speaker.affiliation), \
        "pronoun-quoting-speaker"


@speaker_sieve("pronoun-possessive")
def pronoun_possessive(ctx: Context, token):
    """'His office said', 'according to his family': the office or family of the person the possessive stands
    for, the nearest compatible person named before it: 'Eric Holcomb's office'. An unnamed person nearer ('One
    woman's arm ..., according to her father') leaves it as written."""
    owners = [c for c in token.lefts if c.dep_ == "poss" and c.lower_ in ("his", "her")]
    if token.pos_ != "NOUN" or not owners or token.ent_type_:
        return None
    owner = owners[0]
    person = _possessor(ctx, owner, "m" if owner.lower_ == "his" else "f")
    if person is None:
        return None
    phrase, _ = described(ctx, token)
    owned = ctx.text[owner.idx + len(owner):phrase.end_char].strip()
    kind = "group" if token.tag_ == "NNS" else "person" if token.lemma_.lower() in PERSON_NOUNS else "unknown"
    return Speaker(f"{person.name}'s {owned}", phrase.text, phrase.start_char, phrase.end_char, kind), \
        "pronoun-possessive"


def _possessor(ctx: Context, owner, wanted: str) -> Person | None:
    horizon = _pronoun_horizon(ctx, owner)
    for earlier in reversed(ctx.doc[:owner.i]):
        if earlier.idx < horizon:
            return None
        if ctx.in_quotation(earlier.idx):
            continue
        if earlier.pos_ == "NOUN" and (earlier.lemma_.lower() in PERSON_NOUNS or described_gender(earlier.lower_)):
            return None
        if earlier.pos_ == "PROPN" or earlier.ent_type_ == "PERSON":
            person = ctx.names.person(earlier.text, earlier.idx)
            if person is not None and _compatible(person, wanted):
                return person
    return None


@speaker_sieve("unresolved-pronoun")
def unresolved_pronoun(ctx: Context, token):
    if not is_pronoun(token):
        return None
    return Speaker(None, *_pronoun_mention(token), "unknown"), "unresolved-pronoun"
