"""Frame sieve for pledges: 'Donald Trump has vowed to end political correctness nationwide', 'The minister
pledged to cut taxes', 'Ailes threatened to release tapes'. To vow, pledge, promise, threaten or offer to do
something is to say you will: what is promised, from 'to' to the end of the infinitive's phrase, is reported
speech. A that-clause ('vowed that he would ...') is the
speech-verb sieve's; a pledge denied ('did not promise to') states nothing."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs, within_reported_speech
from onrecord.quotes.lexicon import ORGANISATION_NOUNS, PERSON_NOUNS
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

PLEDGING_VERBS = frozenset("vow pledge promise swear threaten offer".split())
PLEDGING_NOUNS = PERSON_NOUNS | ORGANISATION_NOUNS
"""Nouns for who can pledge: people and organisations."""
MIN_WORDS = 3
"""'promised to try', 'vowed to fight': fewer words are a gesture, not a pledge of anything."""


@frame_sieve("pledged-to")
def pledge_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, PLEDGING_VERBS):
        pledged = _infinitive_after(verb)
        speaker = subject_of(verb)
        if pledged is None or not _can_pledge(speaker) or within_reported_speech(verb) \
                or _pledges_its_antecedent(verb) or any(c.dep_ in ("neg", "ccomp") for c in verb.children):
            continue
        first = next(c for c in pledged.children if c.dep_ == "aux" and c.lower_ == "to")
        last = pledged.right_edge
        start, end = ctx.trim(first.idx, last.idx + len(last))
        if len(ctx.text[start:end].split()) < MIN_WORDS:
            continue
        frames.append(Frame(verb, cue_text(verb), speaker, start, end, None, "pledged-to", [(start, end)]))
    return frames


def _infinitive_after(verb):
    """The 'to' infinitive the verb governs: 'vowed to end ...'."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i and child.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def _pledges_its_antecedent(verb) -> bool:
    """'the goals it pledged to reach at the climate talks': what was pledged is the noun the clause describes,
    not words of the clause ('a man who has promised to ban ...' is his pledge)."""
    return verb.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT")
                                             for c in verb.children)


def _can_pledge(subject) -> bool:
    """People and organisations pledge; 'the debate promises to be a crucial moment' and 'the value of both
    promises to swell expenses' say what is likely."""
    if subject is None:
        return False
    if subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
        # 'an assault that threatened to upset ...': 'that' or 'which' pledges what its noun can ('who' is a person);
        # 'China and the United States, the world's two biggest polluters, which together vowed': or what that
        # noun stands in apposition to
        antecedent = subject.head.head
        return _can_pledge(antecedent) or (antecedent.dep_ == "appos" and _can_pledge(antecedent.head))
    return subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or subject.lemma_.lower() in PLEDGING_NOUNS
