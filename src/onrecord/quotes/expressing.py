"""Frame sieve for stances expressed: 'Lee expressed concern about how the declaration might affect relations',
'several sisters voiced their concern for the damage done'. To express or voice a concern, a hope or support is
to say something; what was said is the stance and what it is about."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.describing import active_verbs, within_reported_speech
from onrecord.quotes.registry import frame_sieve
from onrecord.quotes.syntax import cue_text, subject_of

EXPRESSING_VERBS = frozenset({"express", "voice"})
STANCE_NOUNS = frozenset("""concern concerns worry worries fear fears hope hopes confidence doubt doubts support
opposition frustration anger regret sympathy condolences interest inclination skepticism scepticism optimism
pessimism disappointment outrage dismay willingness reservations misgivings discomfort desire alarm gratitude
solidarity surprise shock displeasure approval disapproval unease objection objections""".split())
ABOUT_WORDS = frozenset("about over for at with on regarding".split())
MIN_WORDS = 4
"""'voiced concern' alone says no more than that: the stance needs what it is about."""


@frame_sieve("expressed")
def expressed_frames(ctx: Context) -> list[Frame]:
    frames = []
    for verb in active_verbs(ctx, EXPRESSING_VERBS):
        stances = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in STANCE_NOUNS]
        speaker = subject_of(verb)
        if not stances or speaker is None or within_reported_speech(verb):
            continue
        stance = stances[0]
        last = _what_it_is_about(verb, stance)
        if last is None:
            continue  # 'expressed concern.': no statement of what about
        start, end = ctx.trim(stance.left_edge.idx, last.idx + len(last))
        if len(ctx.text[start:end].split()) < MIN_WORDS:
            continue
        frames.append(Frame(verb, cue_text(verb), speaker, start, end, None, "expressed", [(start, end)]))
    return frames


def _what_it_is_about(verb, stance):
    """The last word of what the stance is about: its own phrase ('concern for the damage'), or the phrase the
    parser hung on the verb right after it ('expressed concern | about how ...')."""
    last = stance.right_edge
    following = [c for c in verb.children if c.left_edge.i == last.i + 1 and (
        c.dep_ == "prep" and c.lower_ in ABOUT_WORDS or c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ == "that")]
    if following:
        return following[0].right_edge
    return last if any(c.i > stance.i for c in stance.children) else None
