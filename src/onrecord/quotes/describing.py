"""Frame sieves for describing and calling: 'Netanyahu has described the visit as “historic”', 'The White
House called the impeachment process a sham'. To describe or call a thing what it is judged to be is a
statement; the statement is the thing and what it was described as or called, as both golds count it."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.lexicon import DESCRIBING_VERBS, is_speech_verb, lemma_of
from onrecord.quotes.marks import CLOSERS, OPENERS
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

FOLLOWING_CHARS = 40
"""How much text after a closing mark is read for the quotation's own cue ('," he said')."""
IDIOMS = frozenset("career day night quits season evening".split())
"""'call it a day', 'called it a career': ways of stopping, not judgements."""
MIN_WORDS = 3
"""'called it a sham' and longer: 'called him Bob' is a name given, not a judgement."""


CALLING_VERBS = frozenset({"call"})


def active_verbs(ctx: Context, lemmas: frozenset[str]):
    """The document's verbs of these lemmas in the active voice, outside skipped spans ('was described as' and
    'is called' name nobody who describes or calls)."""
    for verb in ctx.doc:
        if verb.pos_ == "VERB" and lemma_of(verb) in lemmas and not ctx.skipped(verb.idx, verb.idx + 1) \
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            yield verb


@frame_sieve("described-as")
def described_frames(ctx: Context) -> list[Frame]:
    """'Netanyahu has described Modi's visit as "historic"', 'described hiding under a table and "cowering ...",':
    what someone describes in words they are quoted with, and as what, is what they said. Without quoted words
    a description is the writer's account ('described the smell coming from the house'), not a statement."""
    frames = []
    for verb in active_verbs(ctx, DESCRIBING_VERBS):
        described = [c for c in verb.children if c.i > verb.i and (
            c.dep_ == "dobj" or c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB"))]
        if not described:
            continue
        target = described[0]
        # 'described PM Narendra Modi's upcoming visit as ...': the parser may split the object in two, the
        # 'as' phrase hung on the second
        phrases = [c for c in list(verb.children) + [g for t in described for g in t.children]
                   if c.dep_ == "prep" and c.lower_ == "as" and c.i > target.i]
        if not phrases and target.dep_ == "dobj":
            continue  # 'described the book “Fire and Fury”': a thing named, not described as anything
        last = max([target.right_edge] + [p.right_edge for p in phrases], key=lambda t: t.i)
        start, end = ctx.trim(target.left_edge.idx, last.idx + len(last))
        end = through_open_quotation(ctx.text, start, end)
        # the quoted words must be what it is described as ('the stadium, which fans call “the Pit”, as a waste'
        # quotes the fans, not the describer)
        described_as = ctx.text[phrases[0].idx if phrases else start:end]
        if ctx.text[start:end].rstrip(CLOSERS).endswith(",") and _cue_follows(ctx, end):
            continue  # '... as "horrendous. It really affects your mental health," he said': the words' own cue
        if len(ctx.text[start:end].split()) >= 3 and any(mark in described_as for mark in OPENERS):
            frames.append(Frame(verb, cue_text(verb), subject_of(verb), start, end, None, "described-as",
                                [(start, end)]))
    return frames


def _cue_follows(ctx: Context, end: int) -> bool:
    """A speech verb among the few words after a quotation's closing mark ('," he said')."""
    following = ctx.tokens(end, min(len(ctx.text), end + FOLLOWING_CHARS))
    return any(is_speech_verb(t) for t in list(following)[:4])


def through_open_quotation(text: str, start: int, end: int) -> int:
    """The parser may end a described phrase inside the quoted words it holds ('and "cowering with her
    granddaughter who was with her, and she described ...,"'): it then runs on to the closing mark, within the
    paragraph. (Frames are found before the quotations are read.)"""
    piece = text[start:end]
    closer = "”" if piece.count("“") > piece.count("”") else '"' if piece.count('"') % 2 else None
    if closer is None:
        return end
    paragraph_end = text.find("\n", end)
    found = text.find(closer, end, paragraph_end if paragraph_end >= 0 else len(text))
    return found + 1 if found >= 0 else end


@frame_sieve("called")
def called_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, CALLING_VERBS):
        span, caller = _called_what(verb), subject_of(verb)
        if span is None or caller is None or within_reported_speech(verb):
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
    if not predicates or objects[0].lower_ == "it" and predicates[-1].lower_ in IDIOMS:
        return None  # 'called it a career': done, not said
    return objects[0], predicates[-1]


def within_reported_speech(verb) -> bool:
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
