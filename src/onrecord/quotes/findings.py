"""Frame sieve for findings: 'An analysis by NerdWallet found that $2.6 billion in Pell grants went unclaimed',
'One study published in JAMA Pediatrics found that just over 340 children died'. What a study, survey or
analysis found or shows is what it says, and its author says it ('research by X' is X's); a study the story
does not say whose is left out."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs, within_reported_speech
from onrecord.quotes.lexicon import FINDINGS_NOUNS
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import after_that, author_of_findings, cue_text, subject_of

FINDING_VERBS = frozenset({"find", "show", "conclude"})
STUDY_NOUNS = FINDINGS_NOUNS | frozenset("""studies investigation examination audit surveys polls projection
projections experiment trial""".split())
MIN_WORDS = 4


@frame_sieve("findings")
def finding_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, FINDING_VERBS):
        subject = subject_of(verb)
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if subject is None or subject.lemma_.lower() not in STUDY_NOUNS or not clauses \
                or within_reported_speech(verb):
            continue
        author = author_of_findings(subject)
        if author.i == subject.i and not subject.ent_type_:
            continue  # 'One study found': whose study the story has not said
        clause = clauses[0]
        start, end = ctx.trim(after_that(clause), clause.right_edge.idx + len(clause.right_edge))
        if len(ctx.text[start:end].split()) < MIN_WORDS:
            continue
        frames.append(Frame(verb, cue_text(verb), author, start, end, None, "findings", [(start, end)]))
    return frames
