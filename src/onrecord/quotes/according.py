"""Frame sieve for 'according to X': what precedes or follows the phrase in its sentence is X's."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import author_of_findings


@frame_sieve("according-to")
def according_frames(ctx: Context) -> list[Frame]:
    """'The talks stalled, according to two officials': what precedes or follows the phrase in its sentence."""
    frames = []
    for token in ctx.doc:
        if token.lower_ != "according" or ctx.skipped(token.idx, token.idx + 1):
            continue
        nxt = token.nbor(1) if token.i + 1 < len(ctx.doc) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        objects = [c for c in nxt.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objects or _goes_by_a_plan(objects[0]):
            continue
        source = author_of_findings(objects[0])
        last = _end_of_source(ctx, token, objects[0])
        sent = token.sent
        before = ctx.trim(sent.start_char, ctx.doc[token.i].idx)
        after_tok = ctx.doc[last]
        after = ctx.trim(after_tok.idx + len(after_tok), sent.end_char)
        parts = [p for p in (before, after) if len(ctx.text[p[0]:p[1]].split()) >= 3]
        if not parts:
            continue
        start, end = ctx.trim(parts[0][0], parts[-1][1])
        if len(parts) == 1:
            start, end = parts[0]
        frames.append(Frame(token, "according to", source, start, end, None, "according-to", parts))
    return frames


PLAN_NOUNS = frozenset("plan plans schedule script design tradition custom protocol".split())
"""'If all goes according to plan': a bare plan, schedule or custom that things go by says nothing ('according
to the plan' names a document, which can)."""


def _goes_by_a_plan(source) -> bool:
    return source.lemma_.lower() in PLAN_NOUNS and not any(c.dep_ in ("det", "poss") for c in source.children)


def _end_of_source(ctx: Context, according, source) -> int:
    """Where 'according to X' ends: its subtree, unless the parser found no verb and hung the whole sentence on
    'According' ('According to host Rush Limbaugh, the move reeks of “fear”'): then the source's own words, and an
    appositive set off by commas after them ('According to Jane Doe, a spokeswoman, ...')."""
    last = max(t.i for t in according.subtree)
    if according.dep_ != "ROOT":
        return last
    commas = [t.i for t in ctx.doc[source.i + 1:last + 1] if t.text == ","]
    if not commas:
        return last
    if len(commas) > 1 and commas[1] - commas[0] <= APPOSITIVE_WORDS:
        return commas[1] - 1
    return commas[0] - 1


APPOSITIVE_WORDS = 8
"""An appositive after the source ('Jane Doe, a spokeswoman for the firm,') runs a few words."""
