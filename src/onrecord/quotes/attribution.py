"""Attribution: who said what in one parsed document, as ordered lists of small named sieves.

The model is CoreNLP's quote attribution: sieves that find a quotation's cue, then sieves that pick the
speaker for the cue, each stamping its name on the record's rule ("<cue sieve>/<speaker sieve>").
1. frame sieves: reported speech (a speech verb with its clause, told-to, parenthetical cues, claim nouns,
   "according to X"); a frame whose clause is nearly all quotation marks leaves them to the quotation sieves;
2. candidate sieves: for each quotation, the cue next to its marks (speaker label, dash signature, the
   speech verb around it), the title gate, and the merges that join split and running quotations;
3. quotation sieves: attribute each candidate (direct cue, adjacent mention, colon, fragment subject,
   previous sentence or paragraph, continuation), gates included (looks like speech, too short);
4. speaker sieves: the speaker a cue's mention names (named, appositive, relative, pronoun, group,
   quantifier, description), each mention resolved to its fullest name in the document;
5. quotations inside direct quotations that have a cue of their own there ("He said ‘...’").
"""
from __future__ import annotations

from onrecord.quotes.context import Context, Verdict
from onrecord.quotes.direct.candidates import direct_candidates
from onrecord.quotes.direct.cues import quote_spans
from onrecord.quotes.direct.nested import nested_quotations
from onrecord.quotes.direct.sieves import attribute_quotation
from onrecord.quotes.frames import drop_frames_inside_quotes, find_frames, frame_records
from onrecord.quotes.sieves import SieveLists
from onrecord.records import Quotation


def attribute(doc, skip_spans=(), sieves: SieveLists | None = None, post_starts=None) -> list[Quotation]:
    ctx = Context(doc, skip_spans, sieves or SieveLists.default(), post_starts)
    frames = find_frames(ctx)
    ctx.set_spans(quote_spans(ctx))
    frames = drop_frames_inside_quotes(ctx, frames)
    ctx.frame_records, consumed = frame_records(ctx, frames)
    candidates = [c for c in direct_candidates(ctx, consumed) if not c.joined]
    ordered = sorted([(f.start, "frame", (f, k)) for f, k in ctx.frame_records] + [(c.start, "direct", c)
                                                                                  for c in candidates],
                     key=lambda item: item[0])
    for _, what, payload in ordered:
        if what == "frame":
            frame, kind = payload
            speaker, sieve = ctx.speaker_for(frame.speaker_token)
            ctx.emit(Verdict(kind, frame.start, frame.end, speaker, frame.cue_text, frame.addressee,
                             f"{frame.rule}/{sieve}", frame.parts, frame.cue))
        else:
            attribute_quotation(ctx, payload)
    nested_quotations(ctx)
    ctx.quotations.sort(key=lambda q: q.start)
    return ctx.quotations
