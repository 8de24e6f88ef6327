"""The cue next to a quotation's marks: the windows of words around it, a speech verb after or before it,
a bare reporting clause, a transcript label or a dash signature; titles told apart from speech."""
from __future__ import annotations

import re

from onrecord.quotes.context import Context, opens_clause
from onrecord.quotes.direct.interview import with_interview_turns, with_trailing_labels
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, FINITE_TAGS, SPEAKER_LABEL_STOPWORDS, THOUGHT_VERBS,
                                     is_speech_verb, lemma_of)
from onrecord.quotes.marks import (CLOSING_MARKS, DASH_SIGNATURE, OPENING_MARKS, SIGNATURE_PARAGRAPH, QuoteSpan,
                                   find_quotes, speaker_label)
from onrecord.quotes.syntax import subject_of


def quote_spans(ctx: Context) -> list[QuoteSpan]:
    spans = [q for q in find_quotes(ctx.text, ctx.paras) if not ctx.skipped(q.start, q.end)]
    quoted_paras = {ctx.para_of(q.start) for q in spans}
    labels = {i: label for i, para in enumerate(ctx.paras)
              if (label := speaker_label(para.text)) and not label_is_stopword(label)}
    transcript = len(labels) >= TRANSCRIPT_TURNS and len(set(labels.values())) >= 2
    # a transcript's turn may quote someone; elsewhere a labelled paragraph with marks is the marks' business
    labelled = [i for i in labels if transcript or i not in quoted_paras]
    if len(labelled) == 1 and labelled[0] <= DATELINE_PARAGRAPHS:
        labelled = []  # 'SINGAPORE: On top of ...': one label near the top is the story's dateline, no speaker
    turns = _transcript_turns(ctx, labelled, transcript)
    spans = [q for q in spans if not any(t.start <= q.start and q.end <= t.end for t in turns)] + turns
    taken = quoted_paras | {i for t in turns for i in range(ctx.para_of(t.start), ctx.para_of(t.start) + t.paragraphs)}
    spans += _block_quotations(ctx, taken)
    return with_trailing_labels(ctx, with_interview_turns(ctx, sorted(spans, key=lambda q: q.start)))


def _transcript_turns(ctx: Context, labelled: list[int], transcript: bool) -> list[QuoteSpan]:
    """A labelled paragraph ('EZRA KLEIN: ...') is a turn. In a transcript a turn runs on through the
    unlabelled paragraphs after it, up to the next label: the speaker is still talking, and quotations
    inside the turn are theirs to quote."""
    turns = []
    for n, first in enumerate(labelled):
        last = first
        if transcript:
            following = labelled[n + 1] if n + 1 < len(labelled) else len(ctx.paras)
            last = min(following, first + MAX_TURN_PARAGRAPHS) - 1
        turns.append(QuoteSpan(ctx.paras[first].start, ctx.paras[last].end, "", True, last - first + 1))
    return turns


def _block_quotations(ctx: Context, taken: set[int]) -> list[QuoteSpan]:
    """'Moazzam Malik, the British Ambassador to Indonesia, said:' and then a paragraph of his words with no
    marks: pages set a block quotation apart by its layout, not by marks, and the text keeps only the colon."""
    spans = []
    for i in range(1, len(ctx.paras)):
        para, before = ctx.paras[i], ctx.paras[i - 1]
        if i in taken or i - 1 in taken or not before.text.rstrip().endswith(":") or ctx.skipped(para.start, para.end):
            continue
        # a paragraph that ends with a colon itself introduces what follows ('Libby Schaaf also spoke out:')
        if len(para.text.split()) >= BLOCK_QUOTATION_WORDS and not para.text.rstrip().endswith(":") \
                and _introduces_words(ctx, before):
            spans.append(_block_running_on(ctx, i, taken))
    return spans


FIRST_PERSON = re.compile(r"\b(I|[Ww]e)\b")


def _block_running_on(ctx: Context, first: int, taken: set[int]) -> QuoteSpan:
    """The block goes on through the paragraphs after it that speak in the first person with no marks of their
    own ('... Our thoughts and prayers are with them.' / 'The UK Air Accident Investigation Branch has long
    experience ... I hope their assistance can help ...'): the ambassador's statement, not the reporter's."""
    span = QuoteSpan(ctx.paras[first].start, ctx.paras[first].end, "", True)
    for i in range(first + 1, len(ctx.paras)):
        para = ctx.paras[i]
        words = para.text.rstrip().rstrip("”\"")  # a closing mark left at the block's end
        if i in taken or any(mark in words for mark in ("“", "”", "\"", "«", "»")) \
                or not FIRST_PERSON.search(words) or words.endswith(":"):
            break
        span.end, span.paragraphs = para.start + len(words), span.paragraphs + 1
        if len(words) < len(para.text.rstrip()):
            break
    return span


BLOCK_QUOTATION_WORDS = 4
"""Fewer words after a colon are a caption or a list's item more often than someone's words."""


def _introduces_words(ctx: Context, para) -> bool:
    """The paragraph's last sentence is a speech verb's, with a subject ('X said:', 'a pilot told me:', 'she
    responded by tweeting the following:'); a speech verb inside a noun phrase reports something else
    ('playing a video trashing Fauci:')."""
    tokens = ctx.tokens(para.start, para.end)
    if not len(tokens):
        return False
    return any(is_speech_verb(t, direct=True) and _on_the_main_line(t) and not _done_by_other_means(t)
               and not _reports_something_else(t) and subject_of(t) is not None
               for t in tokens[-1].sent if t.idx >= para.start)


def _reports_something_else(verb) -> bool:
    """'Smith said the plan had three parts:', 'announced three new measures:': what follows the colon is a
    list of what was said, not the words; 'told me:' and 'tweeting the following:' introduce the words."""
    return any(c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lower_ not in INTRODUCING_OBJECTS
               and lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS for c in verb.children)


INTRODUCING_OBJECTS = frozenset("following this these statement".split())


def _done_by_other_means(verb) -> bool:
    """'chose to begin by playing a video:': the words that follow are what the by-phrase names."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children)
               for c in verb.children)


MAIN_LINE_DEPS = ("ROOT", "xcomp", "advcl", "pcomp", "prep", "conj")


def _on_the_main_line(token) -> bool:
    """The token is the sentence's main verb, or reached from it through verbs and prepositions only."""
    while token.dep_ != "ROOT":
        if token.dep_ not in MAIN_LINE_DEPS:
            return False
        token = token.head
    return True


DATELINE_PARAGRAPHS = 2
"""How near the top of the text a lone capitalised label can be a dateline (after the headline)."""
TRANSCRIPT_TURNS = 4
"""Labelled paragraphs (for two speakers or more) that make a page a transcript: a conversation goes back
and forth, where a dateline and an editor's note are two labels at most."""
MAX_TURN_PARAGRAPHS = 20
"""A transcript turn runs on for at most this many paragraphs: a host's opening monologue can be long, but a
page that ends its transcript and goes on with something else should not be one turn."""


def label_is_stopword(label: str) -> bool:
    return any(w in SPEAKER_LABEL_STOPWORDS for w in re.split(r"[\s.'’]+", label) if w)


def windows(ctx: Context, q: QuoteSpan):
    """Tokens after the quotation to its sentence end, and before it back to its sentence start
    (nearest first), never crossing another quotation or the paragraph."""
    doc = ctx.doc
    para = ctx.paras[ctx.para_of(q.start)]
    inside = ctx.tokens(q.start, q.end)
    after = []
    i = inside.end
    while i < len(doc) and doc[i].text in CLOSING_MARKS:
        i += 1
    limit = doc[i].sent.end if i < len(doc) else i
    while i < limit and doc[i].idx < para.end and not ctx.quoted_elsewhere(doc[i], q):
        if not doc[i].is_space:
            after.append(doc[i])
        i += 1
    before = []
    j = inside.start - 1
    while j >= 0 and doc[j].text in OPENING_MARKS:
        j -= 1
    limit = doc[inside.start].sent.start if len(inside) else j
    while j >= limit and doc[j].idx >= para.start and not ctx.quoted_elsewhere(doc[j], q):
        if not doc[j].is_space:
            before.append(doc[j])
        j -= 1
    return inside, after, before


def _after_cue(ctx: Context, after):
    """“...,” she said / “...,” said Smith / “...,” the analyst, Marwan Bishara, said."""
    for position, token in enumerate(after[:30]):
        if token.lower_ == "according" and position <= 1 and token.i + 1 < len(ctx.doc) \
                and ctx.doc[token.i + 1].lower_ == "to":
            return token  # “...,” according to Judicial Watch.
        if not is_speech_verb(token, direct=True):
            continue
        subject = subject_of(token)
        # '“...,” he has said', '“...,” he was quoted as saying': the cue's own auxiliaries are its clause
        allowed = {token.i} | {c.i for c in token.children if c.dep_ in ("aux", "auxpass", "neg")}
        if subject is not None:
            allowed.update(t.i for t in subject.subtree)
        between = after[:position]
        if all(t.i in allowed or t.tag_ not in FINITE_TAGS for t in between):
            return token
        return None
    return None


def _before_cue(inside, before):
    """she said: “...” / he told reporters, “...” / he said “...” (the quotation inside the cue's clause)."""
    ends_with_lead = bool(before) and before[0].text in (":", ",", "—", "–")
    for token in before:
        if not is_speech_verb(token, direct=True):
            continue
        if lemma_of(token) == "call" and any(c.lower_.endswith(("self", "selves")) for c in token.children):
            return None  # 'the protesters, who call themselves “water protectors”': a name, not words said
        governs = len(inside) and any(a.i == token.i for a in inside.root.ancestors)
        right_before = token.i == before[0].i and is_speech_verb(token) and token.dep_ != "amod"
        if ends_with_lead or governs or right_before:
            return token
        return None
    if ends_with_lead:
        according = [t for t in before if t.lower_ == "according"]
        if according:
            return according[0]
    return None


def _reporting_clause_verb(ctx: Context, q: QuoteSpan, after):
    """“People are afraid of wasting their votes,” he surmised. / “Really?” Hannity pressed. / “...,” mused X.
    A quotation that ends on a comma or a question, then a bare clause of a subject and a verb: that verb,
    whatever it is, reports the quotation."""
    if not q.closed or not re.search(r"[,?!—–]\s*$", ctx.text[q.start:q.end]):
        return None
    words = [t for t in after[:8] if not t.is_space]
    verbs = [t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ")]
    if not verbs:
        return None
    verb = verbs[0]
    if lemma_of(verb) in THOUGHT_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or subject.head.i != verb.i or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") and c.idx > q.end for c in verb.children):
        return None
    if verb.i == words[0].i and subject.i > verb.i:
        return verb  # “...,” mused Blaze co-host Stu Burguiere.
    clause = {verb.i} | {t.i for t in subject.subtree}
    return verb if all(t.i in clause or t.is_punct for t in words if t.i < verb.i) else None


def direct_cue(ctx: Context, q: QuoteSpan):
    """The cue next to a quotation and the tokens around it where a speaker may be named."""
    inside, after, before = windows(ctx, q)
    if not len(inside):
        return None, []
    # “...,” closing on a comma hands the sentence to a reporting clause, however the sentence began:
    # 'He described it as “horrendous,” he said.'
    ends_on_comma = q.closed and ctx.text[q.start:q.end].rstrip().endswith(",")
    # “... going.” Asked what that might look like, she said: a full stop ends the sentence the cue would report
    ends_sentence = q.closed and re.search(r"[^.]\.\s*$", ctx.text[q.start:q.end]) is not None
    if (opens_clause(before) or (before and before[0].text == ":") or ends_on_comma) and not ends_sentence:
        cue = _after_cue(ctx, after) or _reporting_clause_verb(ctx, q, after)
        if cue is not None:
            return cue, after
    cue = _before_cue(inside, before)
    if cue is not None:
        return cue, before
    return None, before + after


def is_title(text: str, start: int, end: int) -> bool:
    """“Morning Joe”, “The Art of the Deal”: a short run of capitalised words is a title, not speech."""
    words = text[start:end].split()
    if not 1 <= len(words) <= 6 or re.search(r"[.!?,;:]$", text[start:end]):
        return False
    if re.search(r"[a-z]{2,}[.!?] [A-Z]", text[start:end]):
        return False  # “Like Oakland. Or Ferguson,”: two sentences are speech, not a title
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "from", "&"}
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words) \
        and len(capitalised) >= max(1, len(words) - 2)


def dash_signature(ctx: Context, q: QuoteSpan) -> tuple[str, int] | None:
    """“...” ― Pamela Padilla: a name after a dash closing the paragraph, or alone in the next, signs it."""
    index = ctx.para_of(q.start)
    para = ctx.paras[index]
    match = DASH_SIGNATURE.match(ctx.text[q.end:para.end])
    if match is not None:
        return match.group(1), q.end + match.start(1)
    whole_paragraph = not ctx.text[para.start:q.start].strip(" “\"‘«'") and not ctx.text[q.end:para.end].strip(
        " ”\"’»'")
    if q.closed and whole_paragraph and index + 1 < len(ctx.paras):
        following = ctx.paras[index + 1]
        match = SIGNATURE_PARAGRAPH.match(following.text)
        if match is not None:
            return match.group(1), following.start + match.start(1)
    return None
