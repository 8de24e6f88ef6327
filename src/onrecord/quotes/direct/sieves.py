"""Quotation sieves: who said each quotation in marks. The first sieve to answer wins; gates drop what is no
statement."""
from __future__ import annotations

import re

from onrecord.quotes.context import DROP, Context, DirectCandidate, Verdict, opens_clause
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, DOCUMENT_NOUNS, MIN_SPEECH_WORDS, PERSON_NOUNS,
                                     REMARK_NOUNS, is_capitalised_noun, is_speech_verb, lemma_of)
from onrecord.quotes.marks import QuoteSpan
from onrecord.quotes.registry import quotation_sieve
from onrecord.quotes.speaker_sieves import label_speaker
from onrecord.quotes.syntax import (addressee_of, author_of_findings, cue_text, source_before_colon, source_subject,
                                    subject_of)
from onrecord.records import Speaker


@quotation_sieve("dash-signature")
def signed_by_dash(ctx: Context, cand: DirectCandidate):
    """“...” ― Pamela Padilla."""
    q, label = cand.quote, cand.label
    if label is None or not q.open_mark or not ctx.text[q.end:label[1]].strip(" ”\"’»'"):
        return None
    speaker = label_speaker(ctx, *label, keep_case=True)
    return Verdict("direct", cand.start, cand.end, speaker, "―", None, "dash-signature", cand.parts, None)


@quotation_sieve("speaker-label")
def speaker_label_turn(ctx: Context, cand: DirectCandidate):
    """PENCE: Well, look ..."""
    if cand.label is None:
        return None
    speaker = label_speaker(ctx, *cand.label)
    return Verdict("direct", cand.start, cand.end, speaker, ":", None, "speaker-label", cand.parts, None)


@quotation_sieve("possessive-remark")
def owner_of_the_remark(ctx: Context, cand: DirectCandidate):
    """'Piyush Goyal's “Rahul Gandhi is compromised” remarks': a quotation between a name's possessive and a noun
    for remarks is that person's, whatever verb the sentence has."""
    inside = ctx.tokens(cand.quote.start, cand.quote.end)
    if not len(inside) or inside.start < 3 or inside.end + 1 >= len(ctx.doc):
        return None
    before = ctx.doc[inside.start - 1] if ctx.doc[inside.start - 1].is_punct else ctx.doc[inside.start]
    after = ctx.doc[inside.end + 1] if ctx.doc[inside.end].is_punct else ctx.doc[inside.end]
    possessive = ctx.doc[before.i - 1]
    owner = ctx.doc[possessive.i - 1]
    if possessive.lower_ not in ("'s", "’s") or not (owner.ent_type_ or owner.pos_ == "PROPN") \
            or after.lower_ not in REMARK_NOUNS or cand.label is not None:
        return None
    speaker, sieve = ctx.speaker_for(owner)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, after.text, None, f"possessive-remark/{sieve}",
                   cand.parts, after)


@quotation_sieve("direct-according")
def direct_according(ctx: Context, cand: DirectCandidate):
    """“...,” according to Judicial Watch."""
    cue = cand.cue
    if cue is None or cue.lower_ != "according":
        return None
    objects = [c for c in cue.subtree if c.dep_ == "pobj"]
    speaker, sieve = ctx.speaker_for(author_of_findings(objects[0]) if objects else None)
    return Verdict("direct", cand.start, cand.end, speaker, "according to", None, f"direct-according/{sieve}",
                   cand.parts, cue)


def _outside(ctx: Context, token):
    """A subject inside marks is quoted words or a title ('said on Fox News’s “Fox and Friends.”'), no speaker."""
    return None if token is None or ctx.in_quotation(token.idx) else token


def cue_subject(ctx: Context, cand: DirectCandidate):
    """The cue's subject outside the quotation; for a participle the parser hung elsewhere ('..., telling the
    crowd, “...”'), the subject of its sentence."""
    if cand.subject is None:
        q, cue = cand.quote, cand.cue
        subject = _outside(ctx, subject_of(cue))
        if subject is None and cue.tag_ == "VBG" and not q.start <= cue.sent.root.idx < q.end:
            subject = _outside(ctx, subject_of(cue.sent.root))
        cand.subject = subject if subject is not None else False
    return cand.subject or None


def _cued(ctx: Context, cand: DirectCandidate, mention, prefix: str) -> Verdict:
    speaker, sieve = ctx.speaker_for(mention)
    kind, start, parts = with_unquoted_lead(ctx, cand.quote, cand.cue, cand.start, cand.parts)
    if kind == "direct":
        kind, start, parts = with_reported_lead(ctx, cand.quote, cand.cue, start, parts)
    return Verdict(kind, start, cand.end, speaker, cue_text(cand.cue), addressee_of(ctx, cand.cue),
                   f"{prefix}/{sieve}", parts, cand.cue)


@quotation_sieve("direct-cue")
def spoken_by_cue_subject(ctx: Context, cand: DirectCandidate):
    """“...,” she said / X told reporters: “...”: the cue's subject speaks."""
    if cand.cue is None or cue_subject(ctx, cand) is None:
        return None
    return _cued(ctx, cand, cue_subject(ctx, cand), "direct-cue")


@quotation_sieve("direct-adjacent")
def spoken_by_adjacent_mention(ctx: Context, cand: DirectCandidate):
    """A cue with no subject the parser can find: the name (or pronoun, or person noun) next to it speaks."""
    if cand.cue is None:
        return None
    addressed = _addressed(cand.cue)
    window = [t for t in cand.window or () if t.i not in addressed]
    mention = adjacent_mention(window) or inverted_proper_noun(ctx, cand.cue) or _person_subject_before(cand.cue)
    return _cued(ctx, cand, mention, "direct-adjacent")


def _addressed(cue) -> set[int]:
    """'told Indonesian newspaper Kompas:': who is told is no speaker ('Asked a Pennsylvania Republican:' opening
    a sentence names who asks)."""
    if lemma_of(cue) not in ADDRESSEE_OBJECT_VERBS or cue.i == cue.sent.start:
        return set()
    return {t.i for c in cue.children if c.dep_ in ("dobj", "dative") for t in c.subtree}


def _person_subject_before(cue):
    """'Lieutenant Airman Tri Wobowo, who co-piloted the C130 ..., told Kompas:': a hyphen broke the relative
    clause, and the parser made the name the subject of a clause it hung on the cue."""
    for clause in cue.children:
        if clause.dep_ == "advcl" and clause.i < cue.i:
            subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
            if subjects:
                return subjects[0]
    return None


def adjacent_mention(window):
    if not window:
        return None
    for token in window:
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lower_ in ("he", "she", "they"):
            return token
    # '“...,” said the woman, who ...': with no name next to the cue, a noun for a person
    for token in window:
        if token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS:
            return token
    return None


def inverted_proper_noun(ctx: Context, cue):
    """'“...,” tweets PM Modi.': a run of proper nouns right after the cue that closes the sentence is its
    speaker, however the parser hung it; the run's last word is its head."""
    run_end = cue.i + 1
    while run_end < len(ctx.doc) and is_capitalised_noun(ctx.doc[run_end]) and run_end - cue.i <= 4:
        run_end += 1
    closes = run_end >= len(ctx.doc) or ctx.doc[run_end].is_punct or ctx.doc[run_end].is_space
    return ctx.doc[run_end - 1] if run_end > cue.i + 1 and closes else None


def with_reported_lead(ctx: Context, q: QuoteSpan, cue, start: int, parts):
    """'Obama admits the 2011 military action against Libya “didn’t work,”': the cue reports the unquoted words
    between it and the quotation as well (mixed)."""
    if cue.idx > q.start or len(parts) > 1 or cue.lower_ == "according" or not is_speech_verb(cue):
        return "direct", start, parts  # 'describing the talks as “...”' is the described-as frame's, not a lead
    skipped = {cue.i} | {t.i for c in cue.children if c.dep_ in ("dative", "prt", "advmod", "npadvmod")
                         or (c.dep_ == "dobj" and lemma_of(cue) in ADDRESSEE_OBJECT_VERBS) or c.dep_ == "prep"
                         and c.i < q.start for t in c.subtree}
    between = [t for t in ctx.tokens(cue.idx, q.start) if t.i not in skipped and not (t.is_punct or t.is_space)]
    if between and between[0].lower_ == "that":
        between = between[1:]
    if len(between) < 2 or any((t.pos_ in ("VERB", "AUX") and is_speech_verb(t)) or t.lower_ == "as" for t in between):
        return "direct", start, parts
    lead_start = between[0].idx
    return "mixed", lead_start, [(lead_start, parts[0][1])]


def with_unquoted_lead(ctx: Context, q: QuoteSpan, cue, start: int, parts):
    """'Nothing the president said “will assuage people's fears,” Rubio said': the reporting clause after the
    quotation reports the whole sentence, the unquoted words that lead into the quotation too (mixed)."""
    lead = ctx.sentence_lead(q)
    if cue.idx < q.end or lead is None or len(parts) > 1:
        return "direct", start, parts
    lead = [t for t in lead if t.idx >= ctx.paras[ctx.para_of(q.start)].start]
    if opens_clause(lead) or any(ctx.quoted_elsewhere(t, q) for t in lead):
        return "direct", start, parts
    return "mixed", lead[0].idx, [(lead[0].idx, parts[0][1])]


def _by_colon(ctx: Context, cand: DirectCandidate, mention, rule: str):
    speaker, sieve = ctx.speaker_for(mention)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, ":", None, f"{rule}/{sieve}", cand.parts, None)


@quotation_sieve("colon-name")
def named_before_colon(ctx: Context, cand: DirectCandidate):
    """More from Jones: “...” / From the report: “...”: a name or a document right before the colon."""
    window = cand.window
    if not window or len(window) < 2 or window[0].text != ":":
        return None
    token = window[1]
    if token.ent_type_ in ("PERSON", "ORG") or (token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS
                                                and any(c.dep_ in ("det", "poss") for c in token.children)):
        return _by_colon(ctx, cand, token, "colon-name")
    return None


@quotation_sieve("colon-subject")
def subject_before_colon(ctx: Context, cand: DirectCandidate):
    """'President Clinton released the following statement: “...”': the subject of the clause the colon ends."""
    window = cand.window
    return _by_colon(ctx, cand, source_before_colon(window[0] if window else None), "colon-subject")


@quotation_sieve("looks-like-speech")
def looks_like_speech_gate(ctx: Context, cand: DirectCandidate):
    """A gate: a whole sentence in quotation marks, not a scare-quoted term or a title."""
    q = cand.quote
    words = len(ctx.text[cand.start:cand.end].split())
    if q.paragraphs > 1 or words >= 8:
        return None
    para = ctx.paras[ctx.para_of(q.start)]
    opens_paragraph = q.start - 1 <= para.start
    has_sentence_end = bool(re.search(r"[.!?…]$", ctx.text[cand.start:cand.end].rstrip("”\"’")))
    if words >= MIN_SPEECH_WORDS and (opens_paragraph or has_sentence_end):
        return None
    return DROP


def fragment_subject(ctx: Context, q: QuoteSpan):
    """'Moore thanked him for “stepping up when Congress won’t”': a quoted piece of a sentence with no cue is
    the words of the subject of the verb it hangs on. That subject and verb, or (None, None)."""
    lead = ctx.sentence_lead(q)
    if lead is None or len(lead) < 2 or lead[0].idx < ctx.paras[ctx.para_of(q.start)].start:
        return None, None
    inside = ctx.tokens(q.start, q.end)
    verbs = [t for t in inside.root.ancestors if t.i < inside[0].i and t.pos_ in ("VERB", "AUX")]
    source = source_subject(verbs[0]) if verbs else None
    return (source, verbs[0]) if source is not None else (None, None)


@quotation_sieve("fragment-subject")
def spoken_by_fragment_subject(ctx: Context, cand: DirectCandidate):
    source, verb = fragment_subject(ctx, cand.quote)
    if source is None:
        return None
    speaker, sieve = ctx.speaker_for(source)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, verb.text, None, f"fragment-subject/{sieve}",
                   cand.parts, verb)


@quotation_sieve("previous-sentence")
def introduced_by_previous_sentence(ctx: Context, cand: DirectCandidate):
    """'Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”': a sentence that only says
    someone spoke, with nothing quoted or reported in it, introduces the quotation right after it."""
    q = cand.quote
    previous = _sentence_before(ctx, q)
    if previous is None:
        return None
    para_index = ctx.para_of(q.start)
    same_para = ctx.para_of(previous.start_char) == para_index
    opens_para = not ctx.text[ctx.paras[para_index].start:q.start].strip(" \n\"“«‘'")
    if not (same_para or (opens_para and ctx.para_of(previous.start_char) == para_index - 1)):
        return None
    if any(mark in previous.text for mark in "“”\"«»"):
        return None
    for verb in previous:
        if not is_speech_verb(verb, direct=True) or any(
                c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i for c in verb.children):
            continue
        source = source_subject(verb)
        if source is not None:
            speaker, sieve = ctx.speaker_for(source)
            if speaker is not None:
                return Verdict("direct", cand.start, cand.end, speaker, cue_text(verb), addressee_of(ctx, verb),
                               f"previous-sentence/{sieve}", cand.parts, verb)
    return None


@quotation_sieve("previous-subject")
def turned_to_by_previous_sentence(ctx: Context, cand: DirectCandidate):
    """'Sen. Bernie Sanders (Vt.) identified young voters' exhaustion with bigotry as one of the reasons ....
    “The younger people are ... sick and tired of discrimination.”': a quotation that opens its sentence right
    after a sentence, in its paragraph, whose subject is a named person other than the last speaker is that
    person's: the article has turned to them, and the last speaker does not carry on."""
    q = cand.quote
    previous = _sentence_before(ctx, q)
    if previous is None or ctx.para_of(previous.start_char) != ctx.para_of(q.start) or _quotes_words(ctx, previous):
        return None
    source = source_subject(previous.root)
    if source is None or source.pos_ != "PROPN" or source.ent_type_ != "PERSON":
        return None
    speaker, sieve = ctx.speaker_for(source)
    if speaker is None or speaker.kind != "person":
        return None
    last = ctx.last_named
    if last is not None and last.speaker.name == speaker.name:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, None, None, f"previous-subject/{sieve}", cand.parts,
                   None)


def _sentence_before(ctx: Context, q: QuoteSpan):
    """The sentence before a quotation that opens its own sentence; None when words come before it in its
    sentence, or it opens the text."""
    if ctx.sentence_lead(q) != []:
        return None
    sentence_start = ctx.tokens(q.start, q.end)[0].sent.start
    return ctx.doc[sentence_start - 1].sent if sentence_start else None


def _quotes_words(ctx: Context, sentence) -> bool:
    """Whether a sentence holds a quotation of more than a title's few words."""
    return any(len(ctx.text[span.start:span.end].split()) > 3
               for span in ctx.spans_overlapping(sentence.start_char, sentence.end_char))


@quotation_sieve("colon-previous-paragraph")
def introduced_by_previous_paragraph(ctx: Context, cand: DirectCandidate):
    """'Stone said:' or 'Donald Trump issued the following statement:' ending the paragraph before."""
    para_index = ctx.para_of(cand.quote.start)
    if not para_index or not ctx.paras[para_index - 1].text.rstrip().endswith(":"):
        return None
    prior = ctx.paras[para_index - 1]
    tokens = ctx.tokens(prior.start, prior.end)
    colons = [t for t in tokens if t.text == ":"]
    cue = _first_speech_verb(colons[-1].sent) if colons else None
    source = subject_of(cue) if cue is not None else source_before_colon(colons[-1] if colons else None)
    speaker, sieve = ctx.speaker_for(source)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, None, None, f"colon-previous-paragraph/{sieve}",
                   cand.parts, None)


def _first_speech_verb(tokens):
    for token in tokens:
        if is_speech_verb(token, direct=True):
            return token
    return None


@quotation_sieve("continuation")
def continues_previous_speaker(ctx: Context, cand: DirectCandidate):
    """No cue next to it: the same speaker as the last quotation with one, in the same paragraph."""
    return _continued(ctx, cand, paragraphs_on=0, rule="continuation")


@quotation_sieve("continuation-next-paragraph")
def continues_into_next_paragraph(ctx: Context, cand: DirectCandidate):
    """No cue next to it, in the paragraph after the last quotation with a speaker: that speaker's. A rule of
    its own, because a new paragraph carries the speaker on far less often than the same one does (on PolNeAR
    train about half the time against five times in six), and a record's confidence is its rule's precision."""
    return _continued(ctx, cand, paragraphs_on=1, rule="continuation-next-paragraph")


def _continued(ctx: Context, cand: DirectCandidate, paragraphs_on: int, rule: str):
    para_index = ctx.para_of(cand.quote.start)
    previous = ctx.last_named
    if previous is None or ctx.post_start(previous.start) != ctx.post_start(cand.start):
        return None
    previous_para = ctx.para_of(previous.start)
    if previous_para is None or para_index is None or para_index - previous_para != paragraphs_on:
        return None
    speaker = previous.speaker
    speaker = Speaker(speaker.name, speaker.mention, speaker.start, speaker.end, speaker.kind, speaker.role,
                      speaker.affiliation)
    cue = addressee = None
    last = ctx.quotations[-1]
    if ctx.para_of(last.start) == ctx.para_of(cand.start):
        cue, addressee = last.cue, last.addressee
    return Verdict("direct", cand.start, cand.end, speaker, cue, addressee, rule, cand.parts, None)


@quotation_sieve("too-short")
def too_short_gate(ctx: Context, cand: DirectCandidate):
    """A gate: with no speaker found, fewer than six words in marks are no statement worth recording."""
    return DROP if len(ctx.text[cand.start:cand.end].split()) < 6 else None


@quotation_sieve("unattributed")
def unattributed(ctx: Context, cand: DirectCandidate):
    return Verdict("direct", cand.start, cand.end, None, None, None, "unattributed", cand.parts, None)


def attribute_quotation(ctx: Context, cand: DirectCandidate) -> None:
    for sieve in ctx.sieves.quotations:
        verdict = sieve(ctx, cand)
        if verdict is DROP:
            return
        if verdict is not None:
            ctx.emit(verdict)
            return
