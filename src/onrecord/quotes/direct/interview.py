"""Interviews laid out as questions and answers: 'Q.' / 'Q:' paragraphs asked by the interviewer, each
followed by the interviewee's answer ('A:' or unlabelled, over one or more paragraphs). Each question and
each answer is one direct quotation; the people come from the introduction before the first question (the
one interviewed is the person it names most, the interviewer the person named as talking 'with' them)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from onrecord.quotes.context import Context, DirectCandidate, Step, Verdict
from onrecord.quotes.marks import QuoteSpan
from onrecord.quotes.registry import candidate_sieve, quotation_sieve
from onrecord.records import Speaker

QUESTION_LABEL = re.compile(r"^(?:Q|Question|Q\s?\d{1,2})\s*[.:)–—-]\s*")
ANSWER_LABEL = re.compile(r"^(?:A|Answer)\s*[.:)–—-]\s*")
MIN_QUESTIONS = 2
MAX_ANSWER_PARAGRAPHS = 12
INTERVIEW_WORDS = frozenset("chat chatted interview interviewed conversation spoke speaking talk talked talking "
                            "told asked q&a excerpts".split())


@dataclass
class Turn:
    question: bool
    labelled: bool
    span: QuoteSpan


def interview_turns(ctx: Context) -> list[Turn]:
    """The question and answer turns of a Q&A page; none unless it has at least two labelled questions."""
    questions = [i for i, p in enumerate(ctx.paras) if QUESTION_LABEL.match(p.text)]
    if len(questions) < MIN_QUESTIONS:
        return []
    turns = []
    for n, first in enumerate(questions):
        para = ctx.paras[first]
        label = QUESTION_LABEL.match(para.text)
        turns.append(Turn(True, True, QuoteSpan(para.start + label.end(), para.end, "", True)))
        following = questions[n + 1] if n + 1 < len(questions) else len(ctx.paras)
        answer = ctx.paras[first + 1:min(following, first + 1 + MAX_ANSWER_PARAGRAPHS)]
        if not answer:
            continue
        label = ANSWER_LABEL.match(answer[0].text)
        start = answer[0].start + (label.end() if label else 0)
        turns.append(Turn(False, bool(label), QuoteSpan(start, answer[-1].end, "", True, len(answer))))
    return [t for t in turns if t.span.end > t.span.start]


def with_interview_turns(ctx: Context, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The turns replace whatever quotation marks stand inside them: an answer is the quotation."""
    ctx.turns = {id(t.span): t for t in interview_turns(ctx)}
    if not ctx.turns:
        return spans
    turns = [t.span for t in ctx.turns.values()]
    outside = [q for q in spans if not any(t.start - 1 <= q.start and q.end <= t.end + 1 for t in turns)]
    return sorted(outside + turns, key=lambda q: q.start)


def interview_people(ctx: Context) -> tuple[Speaker | None, Speaker | None]:
    """(interviewer, interviewee), from the paragraphs before the first question."""
    first = min(t.span.start for t in ctx.turns.values())
    named = [e for e in ctx.names.entities.ents if e.end_char <= first and e.label_ in ("PERSON", "ORG")]
    talked_with = [_after_owner(e) for e in named + _untagged_names(ctx, first)
                   if e.root.dep_ == "pobj" and e.root.pos_ == "PROPN" and e.root.head.lower_ in ("with", "to", "by")
                   and any(t.lower_ in INTERVIEW_WORDS for t in e.sent)]
    talked_with.sort(key=lambda e: e.start)
    interviewer = talked_with[0] if talked_with else None
    intro = [e for e in named if e.label_ == "PERSON"]
    counts = Counter()
    for ent in intro:
        person = ctx.names.person(ent.text, ent.start_char)
        if person is not None and (interviewer is None or ent.end != interviewer.end):
            counts[person.name] += 1
    interviewee = None
    if counts:
        name = counts.most_common(1)[0][0]
        interviewee = next(e for e in intro if (p := ctx.names.person(e.text, e.start_char)) and p.name == name)
    if interviewer is not None and interviewee is not None and _same_person(ctx, interviewer, interviewee):
        # 'Q&A with Vice President Joe Biden': talking 'with' someone also names the one interviewed
        interviewer = next((e for e in talked_with[1:] if not _same_person(ctx, e, interviewee)), None)
    return tuple(_speaker(ctx, ent) for ent in (interviewer, interviewee))


def _same_person(ctx: Context, one, other) -> bool:
    first, second = ctx.names.person(one.text, one.start_char), ctx.names.person(other.text, other.start_char)
    return first is not None and second is not None and first.name == second.name


def _untagged_names(ctx: Context, before: int) -> list:
    """Proper nouns the tagger left without an entity ('with ET’s TV Mahalingam'), each with the proper
    nouns compounded to it."""
    names = []
    for token in ctx.doc:
        if token.idx >= before:
            break
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and not token.ent_type_:
            left = min([c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token.i])
            names.append(ctx.doc[left:token.i + 1])
    return names


def _after_owner(ent):
    """'ET’s TV Mahalingam' -> 'TV Mahalingam': the person, not the outlet they write for."""
    owners = [t for t in ent if t.tag_ == "POS" or t.text in ("’s", "'s")]
    return ent.doc[owners[-1].i + 1:ent.end] if owners and owners[-1].i + 1 < ent.end else ent


def _speaker(ctx: Context, ent) -> Speaker | None:
    if ent is None:
        return None
    person = ctx.names.person(ent.text, ent.start_char)
    if person is None:
        return Speaker(ent.text, ent.text, ent.start_char, ent.end_char, "person")
    return Speaker(person.name, ent.text, ent.start_char, ent.end_char, person.kind, person.role, person.affiliation)


@candidate_sieve("interview")
def interview_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """A question or an answer of a Q&A interview is a quotation as it stands."""
    return Step.KEEP if id(cand.quote) in ctx.turns else None


@quotation_sieve("interview")
def interview_turn(ctx: Context, cand: DirectCandidate):
    """Questions are the interviewer's, answers the interviewee's."""
    turn = ctx.turns.get(id(cand.quote))
    if turn is None:
        return None
    if ctx.interview_people is None:
        ctx.interview_people = interview_people(ctx)
    interviewer, interviewee = ctx.interview_people
    speaker = interviewer if turn.question else interviewee
    rule = "interview-question" if turn.question else "interview-answer"
    parts = paragraph_parts(ctx, cand.start, cand.end)
    return Verdict("direct", cand.start, cand.end, speaker, ":" if turn.labelled else None, None, rule, parts, None)


def paragraph_parts(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """An answer over several paragraphs is one quotation with a part for each paragraph."""
    parts = []
    for para in ctx.paras[ctx.para_of(start):]:
        if para.start >= end:
            break
        parts.append((max(para.start, start), min(para.end, end)))
    return parts


TRAILING_NAME = re.compile(r":\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\.?\s*$")
MIN_LABELLED_WORDS = 6


def trailing_label(ctx: Context, para) -> tuple[str, int] | None:
    """'India stands with Israel firmly ...: PM Modi': a paragraph that ends in a colon and a name the story
    gives for a person is that person's words. (The name as written, its offset.)"""
    match = TRAILING_NAME.search(para.text)
    if match is None or len(para.text[:match.start()].split()) < MIN_LABELLED_WORDS:
        return None
    name = match.group(1)
    if ctx.names.person(name, para.start) is None:
        return None
    return name, para.start + match.start(1)


def with_trailing_labels(ctx: Context, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Paragraphs with no quotation marks that end in ': Name' become quotations signed by that name."""
    quoted = {ctx.para_of(q.start) for q in spans} | {ctx.para_of(q.end) for q in spans}
    added = []
    for i, para in enumerate(ctx.paras):
        label = None if i in quoted else trailing_label(ctx, para)
        if label is not None:
            colon = ctx.text.rfind(":", para.start, label[1])
            span = QuoteSpan(para.start, colon, "", True)
            ctx.trailing_labels[id(span)] = label
            added.append(span)
    return sorted(spans + added, key=lambda q: q.start) if added else spans


@candidate_sieve("trailing-label")
def trailing_label_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    label = ctx.trailing_labels.get(id(cand.quote))
    if label is None:
        return None
    cand.label = label
    return Step.KEEP


@quotation_sieve("trailing-label")
def signed_by_trailing_label(ctx: Context, cand: DirectCandidate):
    """India stands with Israel firmly ...: PM Modi."""
    label = ctx.trailing_labels.get(id(cand.quote))
    if label is None:
        return None
    person = ctx.names.person(label[0], label[1])
    mention = ctx.text[label[1]:label[1] + len(label[0])]
    speaker = Speaker(person.name, mention, label[1], label[1] + len(mention), person.kind, person.role,
                      person.affiliation)
    return Verdict("direct", cand.start, cand.end, speaker, ":", None, "trailing-label", cand.parts, None)
