"""Frame sieve for positions made clear: 'Stoltenberg made clear that plans to tighten NATO control were
inspired by what's happening in Congress', 'Biden made it clear that the White House isn't planning to ...'.
To make something clear is to say it. The parser reads the phrase many ways ('clear' as a clausal complement,
an object predicate or the head of the that-clause), so the sieve reads the words: a form of 'make', 'it' at
most and an adverb, 'clear' or 'plain', then what was made clear, to the end of its sentence or of its clause."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs, within_reported_speech
from onrecord.quotes.lexicon import is_speech_verb
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import subject_of

CLEAR_WORDS = frozenset({"clear", "plain"})
QUESTION_WORDS = frozenset("whether if how what why when where who which".split())
"""'has not made clear whether ...': an open question, nothing stated."""
MIN_WORDS = 4
LEAD_IN_WORDS = 5
"""'made clear to reporters on Tuesday that ...': a short phrase before 'that' is no part of what was said."""


@frame_sieve("made-clear")
def made_clear_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, frozenset({"make"})):
        clear = _clear_after(verb)
        speaker = subject_of(verb)
        if clear is None or speaker is None or within_reported_speech(verb) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        first = _first_word_said(clear)
        if first is None:
            continue
        last = _last_word_said(first)
        start, end = ctx.trim(first.idx, last.idx + len(last))
        if len(ctx.text[start:end].split()) < MIN_WORDS:
            continue
        cue = ctx.text[verb.idx:clear.idx + len(clear)]
        frames.append(Frame(verb, cue, speaker, start, end, None, "made-clear", [(start, end)]))
    return frames


def _clear_after(verb):
    """'clear' in 'made clear', 'made it clear', 'made it abundantly clear'."""
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ == "it":
        i += 1
    if i < len(doc) and doc[i].tag_ == "RB":
        i += 1
    return doc[i] if i < len(doc) and doc[i].lower_ in CLEAR_WORDS else None


def _first_word_said(clear):
    """The first word of what was made clear: after 'that', or right after 'clear'."""
    sentence_end = clear.sent.end
    following = clear.doc[clear.i + 1:sentence_end]
    if not len(following):
        return None
    lead_in = [t for t in following[:LEAD_IN_WORDS + 1] if t.lower_ == "that"]
    if lead_in and not any(t.pos_ in ("VERB", "AUX") for t in following[:lead_in[0].i - clear.i - 1]):
        following = clear.doc[lead_in[0].i + 1:sentence_end]
    if not len(following) or following[0].lower_ in QUESTION_WORDS or following[0].is_punct:
        return None
    return following[0]


def _last_word_said(first):
    """To the end of the sentence, short of its final mark, a ';' or ', saying ...' that starts another report."""
    last = first
    for token in first.doc[first.i + 1:first.sent.end]:
        if token.text == ";" or token.text == "," and token.i + 1 < len(token.doc) \
                and is_speech_verb(token.nbor(1)) and token.nbor(1).tag_ == "VBG":
            break
        if not token.is_punct or token.i + 1 < first.sent.end:
            last = token
    return last
