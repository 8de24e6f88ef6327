"""Frame sieves: reported speech. A speech verb with its clause, told-to, parenthetical cues, claim nouns
('according to X' is in according.py); frames inside quotation marks dropped or nested; the kind of each frame."""
from __future__ import annotations

from onrecord.quotes.context import Context, Frame
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, CLAIM_MAKING_VERBS, CLAIM_NOUNS, COGNITION_LEMMAS,
                                     JUDGING_VERBS,
                                     JUDGING_WITHOUT_REASON, OBJECT_CONTENT_VERBS, OBJECT_PREPOSITION_VERBS,
                                     is_speech_verb, lemma_of)
from onrecord.quotes.marks import CLOSERS, OPENERS
from onrecord.quotes.registry import VERB_FRAME_SIEVES, frame_sieve
from onrecord.quotes.syntax import (addressee_of, after_that, closing_cue_read_as_relative,
                                    cue_text, gerund_joined_to, has_own_object, participle_clause,
                                    past_tense_read_as_participle, subject_of)


@frame_sieve("speech-verb", per_speech_verb=True)
def complement_frame(ctx: Context, verb) -> Frame | None:
    """'X said the talks would resume' (speech-verb) and 'The talks will resume, X said' (inverted-cue)."""
    complements = _complements(verb)
    if not complements or _imperative(verb):
        return None
    content = _reported_clause(verb, complements)
    start, end = after_that(content), content.right_edge.idx + len(content.right_edge)
    if content.i > verb.i:
        end = _reported_clauses_after(verb, content, end)
        end = _before_another_report(content, end)
    start, end = ctx.trim(start, end)
    if end - start < 3 or len(ctx.text[start:end].split()) < 2:
        return None
    rule = "inverted-cue" if content.i < verb.i else "speech-verb"
    return Frame(verb, cue_text(verb), subject_of(verb), start, end, addressee_of(ctx, verb), rule, [(start, end)])


def _reported_clause(verb, complements):
    """'Most Democrats were satisfied: 47 percent said Kaine has been deployed ...': a clause before a colon or
    a semicolon is the writer's lead-in, not the words of the cue after it, when the cue has a clause of its
    own after it; so is any clause before a cue whose own clause opens with 'that' ('... came the first
    settlers; Al-Hawashleh said that the Bedouins shared water')."""
    doc = verb.doc
    after = [c for c in complements if c.i > verb.i]
    first = complements[0]
    if first.i < verb.i and after and (any(t.text in (":", ";") for t in doc[first.right_edge.i + 1:verb.i])
                                       or any(t.lower_ == "that" and t.dep_ == "mark" for t in after[0].children)):
        return after[0]
    return first


def _imperative(verb) -> bool:
    """'(though note that NHS trusts serve ...)': the writer telling the reader, nobody reported."""
    return verb.tag_ == "VB" and verb.dep_ in ("ROOT", "parataxis") and not any(
        c.dep_ in ("nsubj", "aux", "auxpass", "neg") for c in verb.children)


def _complements(verb) -> list:
    return [c for c in verb.children if c.dep_ == "ccomp"] or _that_clauses(verb) or _clauses_read_as_relative(verb) \
        or _that_clauses_hung_on_the_listeners(verb) or _that_clauses_hung_on_a_phrase(verb)


def _that_clauses_hung_on_a_phrase(verb) -> list:
    """'told U.S. lawmakers at the hearing that China-based employees may have access': the parser hung the
    that-clause on the noun of a phrase between the verb and it, as if it said which hearing."""
    return [a for p in verb.children if p.dep_ == "prep" and p.i > verb.i for g in p.children if g.dep_ == "pobj"
            for a in g.children if a.dep_ in ("acl", "relcl") and a.i > g.i and _marked_that_with_a_subject(a)]


def _that_clauses_hung_on_the_listeners(verb) -> list:
    """'told a few thousand teachers who covered the Statehouse lawn that the Legislature should ...': the
    parser hung what was told on the verb of a relative clause about those told, a verb that reports nothing."""
    if lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS:
        return []
    return [c for o in verb.children if o.dep_ in ("dobj", "dative") for g in o.children
            if g.dep_ == "relcl" and not is_speech_verb(g) and g.lemma_.lower() not in COGNITION_LEMMAS
            for c in g.children if c.dep_ == "ccomp" and c.i > g.i and c.left_edge.lower_ == "that"]


def _clauses_read_as_relative(verb) -> list:
    """'told the jury Roof stood over her': the parser read the clause told as a relative clause on the one
    told; a relative clause with no relative word after a verb of telling is what was told."""
    if lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS:
        return []
    return [g for c in verb.children if c.dep_ in ("dobj", "dative") for g in c.children
            if g.dep_ == "relcl" and g.i > c.i and g.left_edge.i == c.i + 1
            and not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that" for t in g.lefts)
            and any(t.dep_ == "nsubj" for t in g.lefts)]


def _reported_clauses_after(verb, content, end: int) -> int:
    """'said he intends to win, so he'll have enough votes': the parser hangs a clause that goes on with
    the report on the speech verb; the report runs on through it (not through another cue: 'adding that')."""
    trailing = [c for c in verb.children if c.i > content.right_edge.i]
    last = None
    for child in trailing:
        if child.dep_ in ("punct", "cc"):
            continue
        if child.dep_ not in ("advcl", "conj", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            break
        words = list(child.subtree)
        if any(is_speech_verb(t) or t.lower_ == "according" for t in words) or participle_clause(child):
            break
        last = words[-1]
    return last.idx + len(last) if last is not None else end


def _before_another_report(content, end: int) -> int:
    """'She said fathers would not be eligible ..., and when pressed, the mother of three replied, “...”': a
    clause joined to the report, with a speech verb and a subject of its own, that opens a quotation is another
    report ('noted that Reagan appeared unsteady, and some speculated about his health' goes on with it)."""
    for conjunct in content.children:
        if conjunct.dep_ == "conj" and is_speech_verb(conjunct) and _opens_a_quotation(conjunct) \
                and any(c.dep_ == "nsubj" for c in conjunct.children):
            joiners = [c.i for c in content.children if c.dep_ in ("cc", "punct") and c.i < conjunct.i]
            first = min([conjunct.left_edge.i] + [i for i in joiners if i > content.i])
            last = content.doc[first - 1]
            return min(end, last.idx + len(last))
    return end


def _opens_a_quotation(verb) -> bool:
    following = verb.doc[verb.i + 1:verb.i + 3]
    return any(t.text in OPENERS or t.tag_ == "``" for t in following)


def _that_clauses(verb) -> list:
    """'tweeted in the early morning hours that Machado was ...': once a phrase stands between the verb and
    its that-clause, the parser often hangs the clause as an adverbial one."""
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > verb.i and c.left_edge.i > verb.i + 1
            and (c.left_edge.lower_ == "that" or _marked_that_with_a_subject(c))]


def _marked_that_with_a_subject(clause) -> bool:
    """'told Reuters earlier that one of the bodies had been wearing ...', read as the verb's xcomp."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.lefts)


@frame_sieve("told-to", per_speech_verb=True)
def told_to_frame(ctx: Context, verb) -> Frame | None:
    """"X told his advisers to find a way": the addressee and what they were told to do."""
    called_on = lemma_of(verb) == "call"
    if _complements(verb) or (lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS and not called_on):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if called_on:  # 'called on Congress to pass legislation'
        objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                   if g.dep_ == "pobj"]
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                    for g in c.children)]
    if not objects or not clauses:
        return None
    start = objects[0].left_edge.idx
    last = clauses[0].right_edge
    start, end = ctx.trim(start, last.idx + len(last))
    if len(ctx.text[start:end].split()) < 4:
        return None
    return Frame(verb, cue_text(verb), subject_of(verb), start, end, ctx.mention_text(objects[0]), "told-to",
                 [(start, end)])


@frame_sieve("misparsed-report", per_speech_verb=True)
def object_read_as_report(ctx: Context, verb) -> Frame | None:
    """'Donald Trump has said the US outpaces all other countries': the parser read the reported clause's verb
    as a plural noun object of the cue; a noun that has an object of its own is such a verb."""
    if _complements(verb):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if not objects or not (has_own_object(objects[0]) or past_tense_read_as_participle(verb, objects[0])):
        return None
    target = objects[0]
    start, end = ctx.trim(target.left_edge.idx, target.right_edge.idx + len(target.right_edge))
    if len(ctx.text[start:end].split()) < 4:
        return None
    return Frame(verb, cue_text(verb), subject_of(verb), start, end, addressee_of(ctx, verb), "speech-verb",
                 [(start, end)])


@frame_sieve("parenthetical-cue", per_speech_verb=True)
def parenthetical_frame(ctx: Context, verb) -> Frame | None:
    """'That deal, X argues, is ...' and '..., X has said.' when the parser hangs the cue on the clause."""
    closing = closing_cue_read_as_relative(verb)
    if (verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") and not closing) or verb.head.i == verb.i:
        return None
    subject = subject_of(verb)
    if subject is None or subject.head.i != verb.i or subject.lower_ in ("that", "this"):
        return None  # 'That said, she also noted, “...”': a turn of phrase, nobody speaking
    edge = subject.left_edge.i if closing else _cue_words_start(verb)
    if edge == 0 or not ctx.doc[edge - 1].is_punct:
        return None
    head = verb.head
    root = verb.sent.root
    sentence_start = root.left_edge.idx
    cue_start = ctx.doc[edge].idx
    cue_end = verb.right_edge.idx + len(verb.right_edge)
    parts = [ctx.trim(sentence_start, cue_start)]
    if head.i > verb.i and head.left_edge.i < verb.left_edge.i:
        if ctx.text[verb.idx + len(verb):head.right_edge.idx].lstrip(" ,:")[:1] in OPENERS:
            return None  # 'Addressing the Knesset, X says, "I have to ...': the cue of the quotation after it
        parts.append(ctx.trim(cue_end, head.right_edge.idx + len(head.right_edge)))
    else:
        parts += _rest_of_the_sentence(ctx, verb)
    parts = [p for p in parts if len(ctx.text[p[0]:p[1]].split()) >= 2]
    if not parts or sum(len(ctx.text[a:b].split()) for a, b in parts) < 3:
        return None
    start, end = parts[0][0], parts[-1][1]
    return Frame(verb, cue_text(verb), subject, start, end, addressee_of(ctx, verb), "parenthetical-cue", parts)


def _rest_of_the_sentence(ctx: Context, verb) -> list[tuple[int, int]]:
    """'Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt': the words after a cue set off by
    commas go on with the statement to the sentence's end, unless someone else speaks there or the cue has
    words of its own."""
    if any(c.dep_ == "mark" or c.tag_ == "WRB" and c.i < verb.i
           or c.dep_ == "dobj" and lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS for c in verb.children):
        return []  # 'When he agreed, she fled': a clause of its own; 'added a note of caution, should ...'
    cue_words = [c.right_edge.i for c in verb.rights if c.dep_ not in CLAUSE_DEPS and not c.is_punct]
    after = max([verb.i] + cue_words) + 1
    sentence = verb.sent
    if after >= sentence.end - 1 or ctx.doc[after].text != ",":
        return []
    rest = ctx.doc[after + 1:sentence.end]
    # 'she said, adding that ...', 'he said, speaking at a rally': the cue's own circumstances
    if not len(rest) or rest[0].text in OPENERS or rest[0].tag_ == "VBG" or rest[0].lower_ in WRITERS_LINKS \
            or any(is_speech_verb(t) for t in rest):
        return []
    last = rest[-1] if not rest[-1].is_punct else rest[-1].nbor(-1)
    return [ctx.trim(rest[0].idx, last.idx + len(last))]


WRITERS_LINKS = frozenset("as while though although before after when even amid despite".split())
"""'The economy is strong, Biden said, as protesters chanted': the writer's own circumstances of the cue."""
CLAUSE_DEPS = ("advcl", "ccomp", "conj", "parataxis")


def _cue_words_start(verb) -> int:
    """Where a parenthetical cue's own words start: 'When officers went to the home, X recalls, it was ...' hangs
    the leading clause on the cue, so the clauses on its left are not its words (its subject, marks and
    auxiliaries are)."""
    own = [t.i for c in verb.lefts if c.dep_ not in CLAUSE_DEPS for t in c.subtree if not t.is_punct]
    return min(own, default=verb.i)


@frame_sieve("speech-object", per_speech_verb=True)
def object_frame(ctx: Context, verb) -> Frame | None:
    """'Police have acknowledged using sponge rounds', 'denied taking money', 'alleging excessive force at the
    encounter', 'warned of a boiling point': what a verb of claiming takes as its object, a gerund or a noun
    phrase, is what was said."""
    lemma = lemma_of(verb)
    if lemma not in OBJECT_CONTENT_VERBS or _complements(verb):
        return None
    gerunds = [c for c in verb.children if c.tag_ == "VBG" and c.i > verb.i and (
        c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "advcl" and c.i == verb.i + 1))]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == verb.i + 1
                and lemma in OBJECT_PREPOSITION_VERBS for g in c.children if g.dep_ in ("pobj", "pcomp")]
    content = (gerunds or objects or [None])[0]
    if content is None:
        return None
    # 'alleging excessive force at the encounter': the parser hangs the object's phrases on the verb
    last = max([content.right_edge] + [c.right_edge for c in verb.children if c.i > content.i
                                      and c.dep_ in ("prep", "npadvmod")], key=lambda t: t.i)
    start, end = ctx.trim(content.left_edge.idx, last.idx + len(last))
    if len(ctx.text[start:end].split()) < 3:
        return None
    return Frame(verb, cue_text(verb), subject_of(verb), start, end, None, "speech-object", [(start, end)])


@frame_sieve("as-reported", per_speech_verb=True)
def as_reported_frame(ctx: Context, verb) -> Frame | None:
    """'As reported by the Irish Examiner, the pair will now serve ...': an 'as' clause of reporting at the start
    of its sentence reports the rest of it."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    subject = subject_of(verb)
    head = verb.head
    if subject is None or verb.left_edge.i != head.left_edge.i or verb.tag_ not in ("VBN", "VBD", "VBZ", "VBP"):
        return None
    last = head.right_edge
    while last.is_punct and last.i > verb.i:
        last = last.nbor(-1)
    start, end = ctx.trim(verb.right_edge.idx + len(verb.right_edge), last.idx + len(last))
    if len(ctx.text[start:end].split()) < 3:
        return None
    return Frame(verb, cue_text(verb), subject, start, end, None, "as-reported", [(start, end)])


@frame_sieve("claim-noun")
def claim_noun_frames(ctx: Context) -> list[Frame]:
    """'De Blasio repeated his claim that “profit-making” was the motive': a speech noun with a that-clause."""
    frames = []
    for noun in ctx.doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS or ctx.skipped(noun.idx, noun.idx + 1):
            continue
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"]
        speaker = _claimant(noun) if clauses else None
        if speaker is None:
            continue
        clause = clauses[0]
        start, end = ctx.trim(after_that(clause), clause.right_edge.idx + len(clause.right_edge))
        if len(ctx.text[start:end].split()) >= 3:
            frames.append(Frame(noun, noun.text, speaker, start, end, None, "claim-noun", [(start, end)]))
    return frames


def _claimant(noun):
    """Whose claim: 'Trump's claim'; 'he repeated his claim' (the subject of the verb the claim is object of)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners and owners[0].pos_ != "PRON":
        return owners[0]
    if noun.dep_ == "dobj" and lemma_of(noun.head) in CLAIM_MAKING_VERBS:
        subject = subject_of(noun.head)
        if subject is not None:
            return subject
    return owners[0] if owners else None


@frame_sieve("accused-of")
def judged_object_frames(ctx: Context) -> list[Frame]:
    """'accused Apple of receiving unfair tax treatment', 'blamed Hamas for the civilian deaths', 'condemning the
    actions of “paid agitators”': whom someone accuses, blames, praises or condemns, and what for."""
    frames = []
    for verb in ctx.doc:
        lemma = lemma_of(verb)
        if verb.pos_ != "VERB" or lemma not in JUDGING_VERBS or _complements(verb) \
                or ctx.skipped(verb.idx, verb.idx + 1):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if not objects:
            continue
        target = objects[0]
        reasons = [c for c in list(verb.children) + list(target.children)
                   if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > target.i]
        if not reasons and lemma not in JUDGING_WITHOUT_REASON:
            continue
        last = max((r.right_edge for r in reasons), key=lambda t: t.i, default=target.right_edge)
        last = gerund_joined_to(verb, last) if reasons else last
        start, end = ctx.trim(target.left_edge.idx, last.idx + len(last))
        if len(ctx.text[start:end].split()) >= 3:
            frames.append(Frame(verb, cue_text(verb), subject_of(verb), start, end, None, "accused-of",
                                [(start, end)]))
    return frames


def find_frames(ctx: Context) -> list[Frame]:
    """Every frame the configured frame sieves find, per-speech-verb sieves first, in document order."""
    per_verb = [s for s in ctx.sieves.frames if s.sieve_name in VERB_FRAME_SIEVES]
    frames = []
    if per_verb:
        for token in ctx.doc:
            if not is_speech_verb(token) or ctx.skipped(token.idx, token.idx + 1):
                continue
            for sieve in per_verb:
                frame = sieve(ctx, token)
                if frame is not None:
                    frames.append(frame)
                    break
    for sieve in ctx.sieves.frames:
        if sieve.sieve_name not in VERB_FRAME_SIEVES:
            frames.extend(sieve(ctx))
    return frames


def drop_frames_inside_quotes(ctx: Context, frames: list[Frame]) -> list[Frame]:
    """A frame inside a quotation is somebody's words: dropped, unless a named speaker reports it within
    the quotation, or it stands in an interview's answer, where the one interviewed reports what was said
    ('nested-' rule)."""
    kept = []
    for frame in frames:
        cue_at = frame.cue.idx
        holding_cue = ctx.spans_at(cue_at)
        if any(q not in holding_cue for q in _quotations_cutting(ctx, frame)):
            continue
        if holding_cue:
            subject = frame.speaker_token
            in_interview = any(id(q) in ctx.turns for q in holding_cue)
            if not in_interview and (subject is None or subject.pos_ == "PRON" or not subject.ent_type_):
                continue
            q = holding_cue[0]
            frame.start, frame.end = max(frame.start, q.start), min(frame.end, q.end)
            frame.parts = [(max(a, q.start), min(b, q.end)) for a, b in frame.parts if min(b, q.end) > max(a, q.start)]
            frame.rule = "nested-" + frame.rule
        kept.append(frame)
    return kept


def _quotations_cutting(ctx: Context, frame: Frame) -> list:
    """The quotations a frame's clause begins inside and ends within, closing marks aside ('“... I could see that
    Gary was upset,” according to one of the survivors')."""
    words_end = frame.start + len(ctx.text[frame.start:frame.end].rstrip(CLOSERS + " ,."))
    return [q for q in ctx.spans_at(frame.start) if words_end <= q.end]


def frame_records(ctx: Context, frames: list[Frame]) -> tuple[list[tuple[Frame, str]], set[int]]:
    """Each frame with its kind (indirect, or mixed when it holds quoted pieces), and the quotations it
    consumed. A frame whose clause is nearly all in marks is left to the quotation sieves, its verb as cue."""
    consumed: set[int] = set()
    records = []
    for frame in sorted(frames, key=lambda f: f.start):
        inner = ctx.spans_within(frame.start, frame.end)
        quoted_chars = sum(ctx.spans[i].end - ctx.spans[i].start for i in inner)
        content_chars = max(1, frame.end - frame.start)
        if inner and quoted_chars >= 0.8 * content_chars:
            for i in inner:
                ctx.cue_of_filled_clause.setdefault(i, frame.cue)
            continue
        consumed.update(inner)
        records.append((frame, "mixed" if inner else "indirect"))
    return records, consumed
