"""Frame sieve for words someone used: 'Trump has used the phrase “Islamic terrorism” often', 'Laurence H. Tribe
likened the rules to "burning the Constitution"'. A phrase in marks that a person used, coined or likened
something to is that person's words, however few. The frame holds only the quoted words, so the quotation
sieves take it with the verb as its cue (see frame_records)."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs
from onrecord.quotes.marks import OPENERS, PAIRS
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

USING_VERBS = frozenset("use coin invoke utter employ".split())
WORD_NOUNS = frozenset("phrase term word words expression slogan label".split())
LIKENING_VERBS = frozenset("liken compare".split())
WORDS_TO_THE_NOUN = 3
"""'used the word', 'used the same phrase': the noun comes within three words of the verb."""


@frame_sieve("words-used")
def words_used_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, USING_VERBS | LIKENING_VERBS):
        after = _words_after(verb)
        speaker = subject_of(verb)
        if after is None or speaker is None:
            continue
        quoted = _quoted_right_after(ctx, after)
        if quoted is not None:
            frames.append(Frame(verb, cue_text(verb), speaker, *quoted, None, "words-used", [quoted]))
    return frames


def _words_after(verb):
    """The token the quoted words follow: 'the phrase' of 'used the phrase', 'to' of 'likened the rules to'."""
    if verb.lemma_.lower() in USING_VERBS:
        # the parser makes 'word' the object or a modifier of the quoted word: read the words after the verb
        nouns = [t for t in verb.doc[verb.i + 1:verb.i + 1 + WORDS_TO_THE_NOUN] if t.lemma_.lower() in WORD_NOUNS]
        return nouns[0] if nouns else None
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    return to[0] if to else None


def _quoted_right_after(ctx: Context, token) -> tuple[int, int] | None:
    at = token.idx + len(token)
    while at < len(ctx.text) and ctx.text[at] == " ":
        at += 1
    if at >= len(ctx.text) or ctx.text[at] not in OPENERS:
        return None
    closing = ctx.text.find(PAIRS[ctx.text[at]], at + 1, token.sent.end_char + 1)
    if closing <= at + 1:
        return None
    return at, closing + 1  # the marks included: a clause of nothing but the quotation, left to its sieves
