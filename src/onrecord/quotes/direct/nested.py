"""Quotations inside quotations: 'Zibulka said: “I asked Gary about the smell. He said ‘I haven’t smelled
anything.’”' The outer speaker quotes somebody; the inner words are that somebody's, found by the speech verb
the outer speaker uses for them ('He said', '..., he said'), its subject read inside the outer quotation."""
from __future__ import annotations

from itertools import islice

from onrecord.quotes.context import Context, Verdict
from onrecord.quotes.lexicon import PRONOUNS, is_speech_verb
from onrecord.quotes.marks import quotes_in_paragraph
from onrecord.quotes.speaker_sieves import person_speaker
from onrecord.quotes.syntax import cue_text, subject_of

FIRST_PERSON = frozenset("i we".split())
THIRD_PERSON = frozenset("he she".split())
NAMING_SIEVES = frozenset("named named-appositive named-group".split())
"""Speaker sieves that name who is quoted inside a quotation; a description there is the outer speaker's gloss."""
SPEAKING_KINDS = frozenset("person organization group".split())
"""Who can be quoted inside a quotation: not a text ('Article 5 says ‘...’')."""
MIN_WORDS = 3
LOOKBACK_MENTIONS = 20
"""How many person mentions back a 'he' inside a quotation looks: the outer speaker named the person just
before (and a quotation full of names costs no more per pronoun than a short one)."""
NEAR_TOKENS = 4
"""How far from an inner quotation's marks its cue may stand ('He said ‘...’', '‘...,’ Gary told me')."""


def nested_quotations(ctx: Context) -> None:
    """A record for every quotation inside a direct quotation that has a cue of its own there. The
    reported-speech frame the same cue made inside the outer quotation ('nested-speech-verb', with the inner
    marks and the outer speaker's words after them) gives way to it."""
    replaced_cues: set[int] = set()
    for outer in [q for q in ctx.quotations if q.kind == "direct" and q.speaker is not None and not q.parts]:
        inner_spans, _ = quotes_in_paragraph(ctx.text, outer.start, outer.end)
        for inner in inner_spans:
            if len(ctx.text[inner.start:inner.end].split()) < MIN_WORDS:
                continue  # 'say ‘no’', ‘Peter Pan’: a word or a title, not a statement
            cue = _inner_cue(ctx, inner, outer)
            subject = subject_of(cue) if cue is not None else None
            if subject is None:
                continue
            if subject.lower_ in FIRST_PERSON:
                speaker, how = outer.speaker, "quoting-speaker"
            elif subject.lower_ in THIRD_PERSON:
                speaker, how = _named_in_the_quotation(ctx, subject, outer), "pronoun-named-in-quotation"
            else:
                speaker, how = ctx.speaker_for(subject)
                if how not in NAMING_SIEVES or speaker.kind not in SPEAKING_KINDS:
                    continue  # 'critics said ‘...’' (the outer speaker's gloss), 'Article 5 says ‘...’' (a text)
            if speaker is not None and speaker.name is not None:
                replaced_cues.add(cue.idx)
                ctx.emit(Verdict("direct", inner.start, inner.end, speaker, cue_text(cue), None,
                                 f"nested-quotation/{how}", [], cue))
    if replaced_cues:
        ctx.quotations[:] = [q for q in ctx.quotations if q.cue_start not in replaced_cues
                             or not q.rule.startswith("nested-") or q.rule.startswith("nested-quotation/")]


def _inner_cue(ctx: Context, inner, outer):
    """The speech verb (said, says, saying: not a bare 'say', which is what someone would or should say) right
    before the inner quotation's opening mark or right after its closing one, inside
    the outer quotation and in the sentence the inner quotation opens or closes in."""
    inside = ctx.tokens(inner.start, inner.end)
    if not len(inside):
        return None
    first_sentence, last_sentence = inside[0].sent, inside[-1].sent
    before = [t for t in ctx.doc[max(first_sentence.start, inside.start - NEAR_TOKENS - 1):inside.start]
              if t.idx >= outer.start]
    after = [t for t in ctx.doc[inside.end:min(last_sentence.end, inside.end + NEAR_TOKENS + 1)]
             if t.idx + len(t) <= outer.end]
    for token in list(reversed(before)) + after:
        if is_speech_verb(token) and token.tag_ != "VB" and (subject := subject_of(token)) is not None and \
                not inner.start <= subject.idx < inner.end and outer.start <= subject.idx < outer.end:
            return token
    return None


def _named_in_the_quotation(ctx: Context, pronoun, outer):
    """'I asked Gary about the smell. He said ‘...’': the person the outer speaker last named before the pronoun,
    inside their quotation, of the pronoun's sex where known (the outer speaker is 'I' there, never 'he')."""
    for position, person in islice(ctx.names.people_before(pronoun.idx), LOOKBACK_MENTIONS):
        if position < outer.start:
            return None
        if person.name != outer.speaker.name and person.gender in (None, PRONOUNS[pronoun.lower_]):
            return person_speaker(person, pronoun.text, pronoun.idx, pronoun.idx + len(pronoun))
    return None
