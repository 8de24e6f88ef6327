"""Frame sieve for claims rejected: 'Marcelo Ebrard rejected the assertion that Mexican exports of steel have
increased significantly', 'Carson dismissed the idea that he had a relationship with the company'. To reject,
dismiss or deny a claim in so many words is a statement of one's own: the claim with its clause is what the
subject said about it. A claim with no clause ('denied the accusations') says too little to be a record."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs, within_reported_speech
from onrecord.quotes.lexicon import CLAIM_MAKING_VERBS, CLAIM_NOUNS, lemma_of
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

REJECTING_VERBS = frozenset("reject dismiss deny dispute refute".split())
REJECTED_NOUNS = CLAIM_NOUNS | frozenset("notion idea rumor rumour speculation premise".split())


@frame_sieve("rejected-claim")
def rejected_claim_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, REJECTING_VERBS):
        claim = _claim_with_clause(verb)
        speaker = subject_of(verb)
        if claim is None or speaker is None or within_reported_speech(verb):
            continue
        first, last = claim.left_edge, claim.right_edge
        start, end = ctx.trim(first.idx, last.idx + len(last))
        frames.append(Frame(verb, cue_text(verb), speaker, start, end, None, "rejected-claim", [(start, end)]))
    return frames


def _claim_with_clause(verb):
    """'the assertion that ...', 'the notion they will face ...': the object, a noun of claiming with its clause."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in REJECTED_NOUNS \
                and any(_says_what_the_claim_is(c) for c in child.children if c.i > child.i):
            return child
    return None


def _says_what_the_claim_is(clause) -> bool:
    """A clause giving the claim's content, not one saying who made it ('the claim that the committee had made',
    'the idea which ...')."""
    if clause.dep_ not in ("acl", "relcl", "ccomp") or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(g.tag_ in ("WDT", "WP") for g in clause.children):
        return False
    return not (lemma_of(clause) in CLAIM_MAKING_VERBS and not any(g.dep_ == "dobj" for g in clause.children))
