"""Candidate sieves: each quotation in marks becomes a candidate with its cue or label, unless a gate drops
it; split and running quotations are merged into the candidate before them."""
from __future__ import annotations

import re

from onrecord.quotes.context import Context, DirectCandidate, Frame, Step
from onrecord.quotes.direct.cues import dash_signature, direct_cue, is_title, label_is_stopword
from onrecord.quotes.direct.interview import paragraph_parts
from onrecord.quotes.direct.sieves import fragment_subject
from onrecord.quotes.marks import QuoteSpan, speaker_label
from onrecord.quotes.registry import candidate_sieve


@candidate_sieve("speaker-label")
def label_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """'PENCE: Well, look ...': a transcript turn names its speaker in capitals before a colon."""
    q = cand.quote
    label = speaker_label(ctx.text[q.start - 1:q.end] if q.open_mark else ctx.text[q.start:q.end])
    if not label or label_is_stopword(label):
        return None
    offset = ctx.text.find(label, q.start - 1)
    colon = ctx.text.find(":", offset + len(label))
    cand.start, cand.end = ctx.trim(colon + 1, q.end)
    cand.parts, cand.label = paragraph_parts(ctx, cand.start, cand.end), (label, offset)
    return Step.KEEP


@candidate_sieve("dash-signature")
def signature_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    signature = dash_signature(ctx, cand.quote)
    if signature is None:
        return None
    cand.label = signature
    return Step.KEEP


@candidate_sieve("direct-cue")
def cue_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """The speech verb next to the marks, and the words around it where the speaker may be named."""
    cand.cue, cand.window = direct_cue(ctx, cand.quote)
    return None


@candidate_sieve("filled-clause")
def filled_clause_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """'Clinton is “the most dishonest candidate,” Pence said': the cue of the clause the quotation fills."""
    if cand.cue is None and cand.index in ctx.cue_of_filled_clause:
        cand.cue = ctx.cue_of_filled_clause[cand.index]
    return None


@candidate_sieve("title")
def title_gate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """A gate: a title in marks is no quotation, unless a reporting clause answers it (“Okay,” I said)."""
    q, cue = cand.quote, cand.cue
    answered = cue is not None and cue.idx >= q.end and re.search(r"[,?!]\s*$", ctx.text[q.start:q.end]) \
        and ctx.opens_sentence(q)
    if cand.end <= cand.start or (not answered and is_title(ctx.text, cand.start, cand.end)):
        return Step.DROP
    return None


def _merge(previous: DirectCandidate, cand: DirectCandidate) -> Step:
    previous.parts.append((cand.start, cand.end))
    previous.end = cand.end
    return Step.MERGED


@candidate_sieve("same-cue")
def same_cue_merge(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """“A,” X said, “B.”: both sides of one cue are one quotation."""
    last = previous[-1] if previous else None
    if last is not None and cand.cue is not None and last.cue is not None and last.cue.i == cand.cue.i:
        return _merge(last, cand)
    return None


@candidate_sieve("runs-on")
def runs_on_merge(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """“A,” X said. “B.”: a quotation with no cue of its own right after a cued one goes on with it."""
    last = previous[-1] if previous else None
    if last is not None and _runs_on(ctx, last, cand.quote, cand.cue):
        return _merge(last, cand)
    return None


def _runs_on(ctx: Context, last: DirectCandidate, q: QuoteSpan, cue) -> bool:
    previous_cue, previous_q = last.cue, last.quote
    if cue is not None or previous_cue is None or last.label is not None or previous_cue.lower_ == "according":
        return False
    if ctx.para_of(previous_q.start) != ctx.para_of(q.start):
        return False
    if previous_cue.idx < previous_q.start:
        # X warned that “A” because “B”: a second quoted piece of the cue's own sentence reports the same words
        return q.start < previous_cue.sent.end_char
    if not previous_q.end <= previous_cue.idx < q.start:
        return False
    between = ctx.tokens(previous_cue.idx, q.start)
    if any(t.text == ";" for t in between):
        return False
    opening = ctx.tokens(q.start, q.end)
    if len(opening) and opening[0].sent.start > previous_cue.i and fragment_subject(ctx, q)[0] is not None:
        return False  # the next sentence has a subject of its own: 'Mike Huckabee is labeling it “...”'
    # a long description of the speaker ("said X, who declined to be named ...") is still the cue's sentence
    words = [t for t in between if not (t.is_punct or t.is_space)]
    return len(between) <= 15 or (len(between) <= 40 and bool(words) and words[-1].i < previous_cue.sent.end)


@candidate_sieve("mixed-run-on")
def mixed_run_on_join(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """X was not one for “A,” said Y. “B.”: a cue-less quotation opening the next sentence goes on with the
    mixed report before it."""
    if cand.cue is not None or cand.label is not None:
        return None
    frame = _mixed_frame_before(ctx, cand.quote)
    if frame is None:
        return None
    frame.parts = (frame.parts or [(frame.start, frame.end)]) + cand.parts
    frame.end = cand.end
    return Step.JOINED


def _mixed_frame_before(ctx: Context, q: QuoteSpan) -> Frame | None:
    for frame, kind in reversed(ctx.frame_records):
        if frame.start >= q.start:
            continue
        sentence_end = frame.cue.sent.end_char
        if kind != "mixed" or not frame.end <= sentence_end <= q.start:
            return None
        if ctx.para_of(frame.start) != ctx.para_of(q.start):
            return None
        return frame if not ctx.text[sentence_end:q.start].strip(" \n“\"‘'«") else None
    return None


def direct_candidates(ctx: Context, consumed: set[int]) -> list[DirectCandidate]:
    """Each quotation not reported by a frame, through the candidate sieves in order."""
    found: list[DirectCandidate] = []
    for i, q in enumerate(ctx.spans):
        if i in consumed:
            continue
        start, end = ctx.trim(q.start, q.end)
        cand = DirectCandidate(start, q, None, None, None, [(start, end)], end, i)
        step = None
        for sieve in ctx.sieves.candidates:
            step = sieve(ctx, cand, found)
            if step is not None:
                break
        if step in (None, Step.KEEP):
            found.append(cand)
        elif step is Step.JOINED:
            cand.joined = True
            found.append(cand)
    return found
