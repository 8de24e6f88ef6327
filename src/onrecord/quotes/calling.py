"""Frame sieve for calling something something: 'The White House called the impeachment process a sham',
'calling Christie a “failed” governor'. To call a thing what it is judged to be is a statement; the
statement is the thing and what it was called, as both golds count it."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.frames import through_open_quotation
from onrecord.quotes.lexicon import is_speech_verb, lemma_of
from onrecord.quotes.marks import OPENERS
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

MIN_WORDS = 3
"""'called it a sham' and longer: 'called him Bob' is a name given, not a judgement."""


@frame_sieve("called")
def called_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or lemma_of(verb) != "call" or ctx.skipped(verb.idx, verb.idx + 1) \
                or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue
        span, caller = _called_what(verb), subject_of(verb)
        if span is None or caller is None or _within_reported_speech(verb):
            continue  # nobody calling: the quoted words, if any, are left to the direct sieves
        start, end = ctx.trim(span[0].left_edge.idx, span[1].right_edge.idx + len(span[1].right_edge))
        end = through_open_quotation(ctx.text, start, end)
        if len(ctx.text[start:end].split()) < MIN_WORDS or _a_name_given(ctx, span[1], start, end):
            continue
        frames.append(Frame(verb, cue_text(verb), caller, start, end, None, "called", [(start, end)]))
    return frames


def _called_what(verb):
    """The object and what it is called, in that order after the verb ('what scientists call a tipping point'
    has its object before the verb: a term, nobody's statement). What people call themselves is their name."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].lower_.endswith(("self", "selves")):
        return None
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > objects[0].i]
    return (objects[0], predicates[-1]) if predicates else None


def _within_reported_speech(verb) -> bool:
    """'Her friends have mocked him, calling Trump “an orange buffoon,” Susan said': a calling inside what
    someone else says is part of their statement, not one of its own."""
    child, head = verb, verb.head
    while head.i != child.i:
        if child.dep_ == "ccomp" and is_speech_verb(head):
            return True
        child, head = head, head.head
    return False


def _a_name_given(ctx: Context, predicate, start: int, end: int) -> bool:
    """'called the dog Rex', 'a group called Save Our Schools': a proper name in plain words is what something
    is called, not a judgement of it; in quotation marks it is someone's words ('called him “Crooked Hillary”')."""
    return predicate.pos_ == "PROPN" and not any(mark in ctx.text[start:end] for mark in OPENERS)
