"""Attribution: who said what in one parsed document, as ordered lists of small named sieves.

The model is CoreNLP's quote attribution: sieves that find a quotation's cue, then sieves that pick the
speaker for the cue, each stamping its name on the record's rule ("<cue sieve>/<speaker sieve>").
1. frame sieves: reported speech (a speech verb with its clause, told-to, parenthetical cues, claim nouns,
   "according to X"); a frame whose clause is nearly all quotation marks leaves them to the quotation sieves;
2. candidate sieves: for each quotation, the cue next to its marks (speaker label, dash signature, the
   speech verb around it), the title gate, and the merges that join split and running quotations;
3. quotation sieves: attribute each candidate (direct cue, adjacent mention, colon, fragment subject,
   previous sentence or paragraph, continuation), gates included (looks like speech, too short);
4. speaker sieves: the speaker a cue's mention names (named, appositive, relative, pronoun, group,
   quantifier, description), each mention resolved to its fullest name in the document.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from onrecord.clean.layout import paragraphs
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, PHRASAL_SPEECH_VERBS, SPEAKER_LABEL_STOPWORDS,
                                     is_speech_verb, lemma_of)
from onrecord.quotes.marks import QuoteSpan, find_quotes, speaker_label
from onrecord.records import Quotation, Speaker
from onrecord.speakers import NameIndex, Person, role_and_affiliation
from onrecord.speakers.names import KIND_BY_LABEL, name_words

# -- word lists ----------------------------------------------------------------------------------
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
            "i": "1", "we": "1", "me": "1", "us": "1", "you": "2"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
DASH_SIGNATURE = re.compile(r"^[”\"’»']*\s*[―—–]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*[.,]?\s*$")
SIGNATURE_PARAGRAPH = re.compile(r"^\s*[―—–-]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?:[.,].{0,80})?$")
"""'- Bernie Sanders.' or '-President Obama, tweeting after the speech.' signing the quotation above it."""
CLOSING_MARKS = ("”", "\"", "»", "’", "'", "''", "›")
OPENING_MARKS = ("“", "\"", "«", "‘", "'", "''", "``", "‹")
MIN_SPEECH_WORDS = 4
PERSON_NOUNS = frozenset("""
spokesman spokeswoman spokesperson official officials analyst minister president senator governor
lawmaker lawmakers aide aides adviser advisor advisers source sources expert experts economist
economists director chief executive leader leaders candidate nominee secretary ambassador
diplomat diplomats officer officers commander general professor researcher researchers
voter voters resident residents witness witnesses member members supporter supporters critic critics
man woman people person spokespeople strategist strategists representative representatives
""".split())
THOUGHT_VERBS = frozenset("think believe feel know hope fear wish want wonder see hear realize".split())
"""'“It's over,” he thought.': a verb of thinking after a quotation reports no words said."""
DOCUMENT_NOUNS = frozenset("""report statement letter email memo post tweet release ruling order complaint filing
lawsuit editorial message note transcript document""".split())
"""Written sources that can be quoted by name: 'From the report: “...”'."""
CLAIM_NOUNS = frozenset("""claim assertion argument warning statement promise pledge charge accusation insistence
contention allegation suggestion announcement admission prediction""".split())
"""Nouns of saying that take the said content as a that-clause: 'his claim that ...'."""
CLAIM_MAKING_VERBS = frozenset("make repeat reiterate renew restate issue voice level offer advance echo press".split())
"""'She repeated her claim': the subject makes the claim ('she rejected the claim': somebody else did)."""
QUANTIFIER_SUBJECTS = frozenset("several many some others both most few all one another".split())
"""'Several said they ...': a quantifier standing alone as subject speaks for a group named before."""


# -- records that sieves hand on -------------------------------------------------------------------
@dataclass
class Frame:
    """A cue with what it governs: the speaker token, the content range and the addressee."""

    cue: object
    cue_text: str
    speaker_token: object | None
    start: int
    end: int
    addressee: str | None
    rule: str
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class DirectCandidate:
    """A quotation in marks on its way to a record: its cue or label, and the parts joined into it."""

    start: int
    quote: QuoteSpan
    cue: object | None
    window: list | None
    label: tuple[str, int] | None
    """A speaker label or a dash signature: (the name as written, its offset)."""
    parts: list[tuple[int, int]]
    end: int
    index: int = -1
    """The quotation's place among the document's quote spans."""
    joined: bool = False
    """Joined to a frame: emitted with it, not on its own."""
    subject: object | None = None
    """The cue's subject, once a quotation sieve has looked for it."""


@dataclass
class Verdict:
    """What a quotation sieve decided: the record to emit."""

    kind: str
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None
    addressee: str | None
    rule: str
    parts: list[tuple[int, int]]
    cue_token: object | None


class Step(Enum):
    """What a candidate sieve did with a quotation."""

    KEEP = "keep"
    """a new candidate, final: no later candidate sieve looks at it"""
    DROP = "drop"
    """not a quotation (a title, nothing inside the marks)"""
    MERGED = "merged"
    """joined to the candidate before it"""
    JOINED = "joined"
    """joined to the reported speech before it; still the candidate a next quotation may run on from"""


DROP = object()
"""A quotation sieve's answer for a candidate that is no statement: nothing is emitted."""


# -- what sieves share ------------------------------------------------------------------------------
class Context:
    """One parsed document and what the sieves share about it: paragraphs, quotation spans, names, the
    records emitted so far. Lookups by offset are indexed once, so attribution stays linear."""

    def __init__(self, doc, skip_spans, sieves: "SieveLists"):
        self.doc = doc
        self.text = doc.text
        self.skip = sorted(skip_spans)
        self.paras = [p for p in paragraphs(self.text) if not self.skipped(p.start, p.end)]
        self._para_starts = [p.start for p in self.paras]
        self.names = NameIndex(doc)
        self.sieves = sieves
        self.quotations: list[Quotation] = []
        self.spans: list[QuoteSpan] = []
        self._span_starts: list[int] = []
        self._span_max_end: list[int] = []
        # 'Clinton is “the most dishonest candidate,” Pence said': a quotation that all but fills the clause a
        # speech verb reports is direct, and that verb is its cue (quotation index -> cue)
        self.cue_of_filled_clause: dict[int, object] = {}
        self._entity_at: dict[int, object] | None = None
        self.frame_records: list[tuple[Frame, str]] = []
        self.last_named: Quotation | None = None
        """The latest record with a named speaker: who a cue-less quotation continues."""

    def skipped(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.skip)

    def para_of(self, offset: int) -> int | None:
        i = bisect_right(self._para_starts, offset) - 1
        if i >= 0 and offset <= self.paras[i].end:
            return i
        return None

    def tokens(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
            end -= 1
        return start, end

    def entity_of(self, token):
        if not token.ent_type_:
            return None
        if self._entity_at is None:
            self._entity_at = {}
            for ent in self.doc.ents:
                for i in range(ent.start, ent.end):
                    self._entity_at.setdefault(i, ent)
        return self._entity_at.get(token.i)

    def mention_text(self, token) -> str:
        ent = self.entity_of(token)
        if ent is not None:
            return ent.text
        left = min((c.left_edge.i for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "det")),
                   default=token.i)
        return self.doc[left:token.i + 1].text

    def set_spans(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self._span_starts = [q.start for q in spans]
        self._span_max_end = []
        furthest = -1
        for q in spans:
            furthest = max(furthest, q.end)
            self._span_max_end.append(furthest)

    def spans_at(self, offset: int) -> list[QuoteSpan]:
        """The quotation spans that hold offset (one, unless spans overlap)."""
        i = bisect_right(self._span_starts, offset) - 1
        if i < 0 or self._span_max_end[i] <= offset:
            return []
        found = []
        while i >= 0 and self._span_max_end[i] > offset:
            if offset < self.spans[i].end:
                found.append(self.spans[i])
            i -= 1
        return found[::-1]

    def in_quotation(self, offset: int) -> bool:
        return bool(self.spans_at(offset))

    def quoted_elsewhere(self, token, q: QuoteSpan) -> bool:
        """Inside a quotation other than q."""
        return any(span is not q for span in self.spans_at(token.idx))

    def spans_within(self, start: int, end: int) -> list[int]:
        """Indexes of the spans that lie inside start..end (end included)."""
        first = bisect_right(self._span_starts, start - 1)
        found = []
        for i in range(first, len(self.spans)):
            q = self.spans[i]
            if q.start > end:
                break
            if start <= q.start and q.end <= end + 1:
                found.append(i)
        return found

    def sentence_lead(self, q: QuoteSpan):
        """The words (no punctuation) before a quotation in its sentence; None for a quotation with no tokens."""
        inside = self.tokens(q.start, q.end)
        if not len(inside):
            return None
        first = inside[0]
        return [t for t in self.doc[first.sent.start:first.i] if not (t.is_punct or t.is_space)]

    def opens_sentence(self, q: QuoteSpan) -> bool:
        lead = self.sentence_lead(q)
        return lead is not None and opens_clause(lead)

    def speaker_for(self, token) -> tuple[Speaker | None, str]:
        """The first speaker sieve that names the mention, and its name."""
        for sieve in self.sieves.speakers:
            found = sieve(self, token)
            if found is not None:
                return found
        return None, "none"

    def emit(self, verdict: Verdict) -> None:
        if verdict.end <= verdict.start:
            return
        cue_token = verdict.cue_token
        cue_start = cue_token.idx if cue_token is not None else None
        cue_end = cue_token.idx + len(cue_token) if cue_token is not None else None
        parts = verdict.parts
        quotation = Quotation(verdict.kind, self.text[verdict.start:verdict.end], verdict.start, verdict.end,
                              verdict.speaker, verdict.cue, verdict.addressee,
                              _confidence(verdict.rule, verdict.speaker), verdict.rule,
                              list(parts) if len(parts) > 1 else [], cue_start, cue_end)
        self.quotations.append(quotation)
        if verdict.speaker is not None and verdict.speaker.name is not None:
            self.last_named = quotation


def opens_clause(before) -> bool:
    """Nothing but punctuation, a conjunction or an adverb before the quotation in its sentence."""
    words = [t for t in before if not t.is_punct and not t.is_space]
    return not words or (len(words) == 1 and words[0].pos_ in ("CCONJ", "ADV", "INTJ", "SCONJ"))


def _confidence(rule: str, speaker: Speaker | None) -> float:
    if speaker is None or speaker.name is None:
        return 0.3
    if "continuation" in rule or "adjacent" in rule:
        return 0.6
    if "pronoun" in rule:
        return 0.75
    if "description" in rule:
        return 0.7
    return 0.9


# -- sieve registries ---------------------------------------------------------------------------------
FRAME_SIEVES: dict[str, Callable] = {}
VERB_FRAME_SIEVES: set[str] = set()
CANDIDATE_SIEVES: dict[str, Callable] = {}
QUOTATION_SIEVES: dict[str, Callable] = {}
SPEAKER_SIEVES: dict[str, Callable] = {}


def _register(registry: dict, name: str, **marks):
    def register(function):
        function.sieve_name = name
        for key, value in marks.items():
            setattr(function, key, value)
        registry[name] = function
        return function
    return register


def frame_sieve(name: str, per_speech_verb: bool = False):
    """Finds reported-speech frames. A per-speech-verb sieve is asked about each speech verb (the first to
    answer wins); the others look over the whole document."""
    if per_speech_verb:
        VERB_FRAME_SIEVES.add(name)
    return _register(FRAME_SIEVES, name)


def candidate_sieve(name: str):
    return _register(CANDIDATE_SIEVES, name)


def quotation_sieve(name: str):
    return _register(QUOTATION_SIEVES, name)


def speaker_sieve(name: str):
    return _register(SPEAKER_SIEVES, name)


# -- syntax the sieves share -------------------------------------------------------------------------
def subject_of(verb):
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # a long fronted phrase can leave the parser with two subjects; the verb's own is the nearer
            return min(subjects, key=lambda c: abs(c.i - current.i))
        # '“...,” Conway notes.': a name the parser files as a compound of a verb is that verb's subject
        compounds = [c for c in current.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < current.i]
        if compounds and current.pos_ == "VERB":
            return compounds[-1]
        attached_cues = [c for c in current.children if c.dep_ == "parataxis" and is_speech_verb(c)
                         and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
        if attached_cues:
            return next(g for g in attached_cues[0].children if g.dep_ in SUBJECT_DEPS)
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl":
            sources = [g for c in current.head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                       for g in c.children if g.dep_ == "pobj"]
            if sources:
                return sources[0]
            if current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB":
                current = current.head.head  # "X issued a statement saying ...": X says it
                continue
            return None
        if current.dep_ in ("conj", "advcl", "xcomp", "dep") and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "X was criticised for saying ..."
            continue
        return None
    return None


def addressee_of(ctx: Context, verb) -> str | None:
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_OBJECT_VERBS and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return ctx.mention_text(child)
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma not in ("add",):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return ctx.mention_text(objects[0])
    return None


def cue_text(verb) -> str:
    particles = [c for c in verb.children if c.i == verb.i + 1 and (
        c.dep_ == "prt" or c.lower_ == PHRASAL_SPEECH_VERBS.get(lemma_of(verb)))]
    return verb.text + (" " + particles[0].text if particles else "")


def after_that(clause) -> int:
    """Where a reported clause's words start: after its complementiser 'that', which is the cue's, not the speaker's."""
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ in ("mark", "advmod"):
        return first.idx + len(first)
    return first.idx


def source_subject(verb):
    """The subject of verb when it can be a source: a name, a personal pronoun, a person or a document."""
    subject = subject_of(verb)
    if subject is None:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if subject.pos_ == "NOUN" and subject.lemma_.lower() not in PERSON_NOUNS | DOCUMENT_NOUNS and not owners:
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "they", "i", "we"):
        return None
    if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return owners[0] if owners and subject.pos_ == "NOUN" and subject.lemma_.lower() not in PERSON_NOUNS else subject


def source_before_colon(colon):
    """'President Clinton released the following statement: “...”', 'Article 33 affirms: “...”': with no speech
    verb, the subject of the clause a colon ends introduces the quotation after it."""
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    verbs = [t for t in [colon.nbor(-1), *colon.nbor(-1).ancestors] if t.i < colon.i and t.pos_ in ("VERB", "AUX")]
    for verb in verbs:
        source = source_subject(verb)
        if source is not None:
            return source
    return None


# -- frame sieves: reported speech --------------------------------------------------------------------
@frame_sieve("speech-verb", per_speech_verb=True)
def complement_frame(ctx: Context, verb) -> Frame | None:
    """'X said the talks would resume' (speech-verb) and 'The talks will resume, X said' (inverted-cue)."""
    complements = _complements(verb)
    if not complements:
        return None
    content = complements[0]
    start, end = after_that(content), content.right_edge.idx + len(content.right_edge)
    if content.i > verb.i:
        end = _reported_clauses_after(verb, content, end)
    start, end = ctx.trim(start, end)
    if end - start < 3 or len(ctx.text[start:end].split()) < 2:
        return None
    rule = "inverted-cue" if content.i < verb.i else "speech-verb"
    return Frame(verb, cue_text(verb), subject_of(verb), start, end, addressee_of(ctx, verb), rule, [(start, end)])


def _complements(verb) -> list:
    return [c for c in verb.children if c.dep_ == "ccomp"] or _that_clauses(verb)


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
        if any(is_speech_verb(t) or t.lower_ == "according" for t in words) or child.tag_ in ("VBG", "VBN"):
            break
        last = words[-1]
    return last.idx + len(last) if last is not None else end


def _that_clauses(verb) -> list:
    """'tweeted in the early morning hours that Machado was ...': once a phrase stands between the verb and
    its that-clause, the parser often hangs the clause as an adverbial one."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "that"
            and c.left_edge.i > verb.i + 1]


@frame_sieve("told-to", per_speech_verb=True)
def told_to_frame(ctx: Context, verb) -> Frame | None:
    """"X told his advisers to find a way": the addressee and what they were told to do."""
    if _complements(verb) or lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
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


@frame_sieve("parenthetical-cue", per_speech_verb=True)
def parenthetical_frame(ctx: Context, verb) -> Frame | None:
    """'That deal, X argues, is ...' and '..., X has said.' when the parser hangs the cue on the clause."""
    if verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or verb.head.i == verb.i:
        return None
    subject = subject_of(verb)
    if subject is None or subject.head.i != verb.i:
        return None
    edge = next(t.i for t in verb.subtree if not t.is_punct)
    if edge == 0 or not ctx.doc[edge - 1].is_punct:
        return None
    head = verb.head
    root = verb.sent.root
    sentence_start = root.left_edge.idx
    cue_start = ctx.doc[edge].idx
    cue_end = verb.right_edge.idx + len(verb.right_edge)
    parts = [ctx.trim(sentence_start, cue_start)]
    if head.i > verb.i and head.left_edge.i < verb.left_edge.i:
        parts.append(ctx.trim(cue_end, head.right_edge.idx + len(head.right_edge)))
    parts = [p for p in parts if len(ctx.text[p[0]:p[1]].split()) >= 2]
    if not parts or sum(len(ctx.text[a:b].split()) for a, b in parts) < 3:
        return None
    start, end = parts[0][0], parts[-1][1]
    return Frame(verb, cue_text(verb), subject, start, end, addressee_of(ctx, verb), "parenthetical-cue", parts)


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


@frame_sieve("according-to")
def according_frames(ctx: Context) -> list[Frame]:
    """'The talks stalled, according to two officials': what precedes or follows the phrase in its sentence."""
    frames = []
    for token in ctx.doc:
        if token.lower_ != "according" or ctx.skipped(token.idx, token.idx + 1):
            continue
        nxt = token.nbor(1) if token.i + 1 < len(ctx.doc) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        objects = [c for c in nxt.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        last = max(t.i for t in token.subtree)
        sent = token.sent
        before = ctx.trim(sent.start_char, ctx.doc[token.i].idx)
        after_tok = ctx.doc[last]
        after = ctx.trim(after_tok.idx + len(after_tok), sent.end_char)
        parts = [p for p in (before, after) if len(ctx.text[p[0]:p[1]].split()) >= 3]
        if not parts:
            continue
        start, end = ctx.trim(parts[0][0], parts[-1][1])
        if len(parts) == 1:
            start, end = parts[0]
        frames.append(Frame(token, "according to", source, start, end, None, "according-to", parts))
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
    the quotation ('nested-' rule)."""
    kept = []
    for frame in frames:
        cue_at = frame.cue.idx
        holding_cue = ctx.spans_at(cue_at)
        if any(frame.end <= q.end and all(q is not h for h in holding_cue) for q in ctx.spans_at(frame.start)):
            continue
        if holding_cue:
            subject = frame.speaker_token
            if subject is None or subject.pos_ == "PRON" or not subject.ent_type_:
                continue
            q = holding_cue[0]
            frame.start, frame.end = max(frame.start, q.start), min(frame.end, q.end)
            frame.parts = [(max(a, q.start), min(b, q.end)) for a, b in frame.parts if min(b, q.end) > max(a, q.start)]
            frame.rule = "nested-" + frame.rule
        kept.append(frame)
    return kept


# -- candidate sieves: quotation marks and the cue next to them ---------------------------------------
def quote_spans(ctx: Context) -> list[QuoteSpan]:
    spans = [q for q in find_quotes(ctx.text, ctx.paras) if not ctx.skipped(q.start, q.end)]
    quoted_paras = {ctx.para_of(q.start) for q in spans}
    for i, para in enumerate(ctx.paras):
        label = speaker_label(para.text)
        if label and i not in quoted_paras and not label_is_stopword(label):
            spans.append(QuoteSpan(para.start, para.end, "", True))
    return sorted(spans, key=lambda q: q.start)


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
        allowed = {token.i}
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


@candidate_sieve("speaker-label")
def label_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """'PENCE: Well, look ...': a transcript turn names its speaker in capitals before a colon."""
    q = cand.quote
    label = speaker_label(ctx.text[q.start - 1:q.end] if q.open_mark else ctx.text[q.start:q.end])
    if not label or label_is_stopword(label):
        return None
    offset = ctx.text.find(label, q.start - 1)
    colon = ctx.text.find(":", offset + len(label))
    cand.start, cand.end = ctx.trim(colon + 1, q.end)
    cand.parts, cand.label = [(cand.start, cand.end)], (label, offset)
    return Step.KEEP


@candidate_sieve("dash-signature")
def signature_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    signature = dash_signature(ctx, cand.quote)
    if signature is None:
        return None
    cand.label = signature
    return Step.KEEP


@candidate_sieve("direct-cue")
def cue_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """The speech verb next to the marks, and the words around it where the speaker may be named."""
    cand.cue, cand.window = direct_cue(ctx, cand.quote)
    return None


@candidate_sieve("filled-clause")
def filled_clause_candidate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """'Clinton is “the most dishonest candidate,” Pence said': the cue of the clause the quotation fills."""
    if cand.cue is None and cand.index in ctx.cue_of_filled_clause:
        cand.cue = ctx.cue_of_filled_clause[cand.index]
    return None


@candidate_sieve("title")
def title_gate(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """A gate: a title in marks is no quotation, unless a reporting clause answers it (“Okay,” I said)."""
    q, cue = cand.quote, cand.cue
    answered = cue is not None and cue.idx >= q.end and re.search(r"[,?!]\s*$", ctx.text[q.start:q.end]) \
        and ctx.opens_sentence(q)
    if cand.end <= cand.start or (not answered and is_title(ctx.text, cand.start, cand.end)):
        return Step.DROP
    return None


def _merge(previous: DirectCandidate, cand: DirectCandidate) -> Step:
    previous.parts.append((cand.start, cand.end))
    previous.end = cand.end
    return Step.MERGED


@candidate_sieve("same-cue")
def same_cue_merge(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """“A,” X said, “B.”: both sides of one cue are one quotation."""
    last = previous[-1] if previous else None
    if last is not None and cand.cue is not None and last.cue is not None and last.cue.i == cand.cue.i:
        return _merge(last, cand)
    return None


@candidate_sieve("runs-on")
def runs_on_merge(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """“A,” X said. “B.”: a quotation with no cue of its own right after a cued one goes on with it."""
    last = previous[-1] if previous else None
    if last is not None and _runs_on(ctx, last, cand.quote, cand.cue):
        return _merge(last, cand)
    return None


def _runs_on(ctx: Context, last: DirectCandidate, q: QuoteSpan, cue) -> bool:
    previous_cue, previous_q = last.cue, last.quote
    if cue is not None or previous_cue is None or last.label is not None or previous_cue.lower_ == "according":
        return False
    if ctx.para_of(previous_q.start) != ctx.para_of(q.start):
        return False
    if previous_cue.idx < previous_q.start:
        # X warned that “A” because “B”: a second quoted piece of the cue's own sentence reports the same words
        return q.start < previous_cue.sent.end_char
    if not previous_q.end <= previous_cue.idx < q.start:
        return False
    between = ctx.tokens(previous_cue.idx, q.start)
    if any(t.text == ";" for t in between):
        return False
    opening = ctx.tokens(q.start, q.end)
    if len(opening) and opening[0].sent.start > previous_cue.i and fragment_subject(ctx, q)[0] is not None:
        return False  # the next sentence has a subject of its own: 'Mike Huckabee is labeling it “...”'
    # a long description of the speaker ("said X, who declined to be named ...") is still the cue's sentence
    words = [t for t in between if not (t.is_punct or t.is_space)]
    return len(between) <= 15 or (len(between) <= 40 and bool(words) and words[-1].i < previous_cue.sent.end)


@candidate_sieve("mixed-run-on")
def mixed_run_on_join(ctx: Context, cand: DirectCandidate, previous: list[DirectCandidate]):
    """X was not one for “A,” said Y. “B.”: a cue-less quotation opening the next sentence goes on with the
    mixed report before it."""
    if cand.cue is not None or cand.label is not None:
        return None
    frame = _mixed_frame_before(ctx, cand.quote)
    if frame is None:
        return None
    frame.parts = (frame.parts or [(frame.start, frame.end)]) + cand.parts
    frame.end = cand.end
    return Step.JOINED


def _mixed_frame_before(ctx: Context, q: QuoteSpan) -> Frame | None:
    for frame, kind in reversed(ctx.frame_records):
        if frame.start >= q.start:
            continue
        sentence_end = frame.cue.sent.end_char
        if kind != "mixed" or not frame.end <= sentence_end <= q.start:
            return None
        if ctx.para_of(frame.start) != ctx.para_of(q.start):
            return None
        return frame if not ctx.text[sentence_end:q.start].strip(" \n“\"‘'«") else None
    return None


def direct_candidates(ctx: Context, consumed: set[int]) -> list[DirectCandidate]:
    """Each quotation not reported by a frame, through the candidate sieves in order."""
    found: list[DirectCandidate] = []
    for i, q in enumerate(ctx.spans):
        if i in consumed:
            continue
        start, end = ctx.trim(q.start, q.end)
        cand = DirectCandidate(start, q, None, None, None, [(start, end)], end, i)
        step = None
        for sieve in ctx.sieves.candidates:
            step = sieve(ctx, cand, found)
            if step is not None:
                break
        if step in (None, Step.KEEP):
            found.append(cand)
        elif step is Step.JOINED:
            cand.joined = True
            found.append(cand)
    return found


# -- quotation sieves: who said each quotation in marks ----------------------------------------------
@quotation_sieve("dash-signature")
def signed_by_dash(ctx: Context, cand: DirectCandidate):
    """“...” ― Pamela Padilla."""
    q, label = cand.quote, cand.label
    if label is None or not q.open_mark or not ctx.text[q.end:label[1]].strip(" ”\"’»'"):
        return None
    speaker = label_speaker(ctx, *label, keep_case=True)
    return Verdict("direct", cand.start, cand.end, speaker, "―", None, "dash-signature", cand.parts, None)


@quotation_sieve("speaker-label")
def speaker_label_turn(ctx: Context, cand: DirectCandidate):
    """PENCE: Well, look ..."""
    if cand.label is None:
        return None
    speaker = label_speaker(ctx, *cand.label)
    return Verdict("direct", cand.start, cand.end, speaker, ":", None, "speaker-label", cand.parts, None)


@quotation_sieve("direct-according")
def direct_according(ctx: Context, cand: DirectCandidate):
    """“...,” according to Judicial Watch."""
    cue = cand.cue
    if cue is None or cue.lower_ != "according":
        return None
    objects = [c for c in cue.subtree if c.dep_ == "pobj"]
    speaker, sieve = ctx.speaker_for(objects[0] if objects else None)
    return Verdict("direct", cand.start, cand.end, speaker, "according to", None, f"direct-according/{sieve}",
                   cand.parts, cue)


def _outside(q: QuoteSpan, token):
    return None if token is None or q.start <= token.idx < q.end else token


def cue_subject(cand: DirectCandidate):
    """The cue's subject outside the quotation; for a participle the parser hung elsewhere ('..., telling the
    crowd, “...”'), the subject of its sentence."""
    if cand.subject is None:
        q, cue = cand.quote, cand.cue
        subject = _outside(q, subject_of(cue))
        if subject is None and cue.tag_ == "VBG" and not q.start <= cue.sent.root.idx < q.end:
            subject = _outside(q, subject_of(cue.sent.root))
        cand.subject = subject if subject is not None else False
    return cand.subject or None


def _cued(ctx: Context, cand: DirectCandidate, mention, prefix: str) -> Verdict:
    speaker, sieve = ctx.speaker_for(mention)
    kind, start, parts = with_unquoted_lead(ctx, cand.quote, cand.cue, cand.start, cand.parts)
    if kind == "direct":
        kind, start, parts = with_reported_lead(ctx, cand.quote, cand.cue, start, parts)
    return Verdict(kind, start, cand.end, speaker, cue_text(cand.cue), addressee_of(ctx, cand.cue),
                   f"{prefix}/{sieve}", parts, cand.cue)


@quotation_sieve("direct-cue")
def spoken_by_cue_subject(ctx: Context, cand: DirectCandidate):
    """“...,” she said / X told reporters: “...”: the cue's subject speaks."""
    if cand.cue is None or cue_subject(cand) is None:
        return None
    return _cued(ctx, cand, cue_subject(cand), "direct-cue")


@quotation_sieve("direct-adjacent")
def spoken_by_adjacent_mention(ctx: Context, cand: DirectCandidate):
    """A cue with no subject the parser can find: the name (or pronoun, or person noun) next to it speaks."""
    if cand.cue is None:
        return None
    return _cued(ctx, cand, adjacent_mention(cand.window), "direct-adjacent")


def adjacent_mention(window):
    if not window:
        return None
    for token in window:
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lower_ in ("he", "she", "they"):
            return token
    # '“...,” said the woman, who ...': with no name next to the cue, a noun for a person
    for token in window:
        if token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS:
            return token
    return None


def with_reported_lead(ctx: Context, q: QuoteSpan, cue, start: int, parts):
    """'Obama admits the 2011 military action against Libya “didn’t work,”': the cue reports the unquoted words
    between it and the quotation as well (mixed)."""
    if cue.idx > q.start or len(parts) > 1 or cue.lower_ == "according" or not is_speech_verb(cue):
        return "direct", start, parts  # 'describing the talks as “very encouraging”': the talks are not said
    skipped = {cue.i} | {t.i for c in cue.children if c.dep_ in ("dative", "prt", "advmod", "npadvmod")
                         or (c.dep_ == "dobj" and lemma_of(cue) in ADDRESSEE_OBJECT_VERBS) or c.dep_ == "prep"
                         and c.i < q.start for t in c.subtree}
    between = [t for t in ctx.tokens(cue.idx, q.start) if t.i not in skipped and not (t.is_punct or t.is_space)]
    if between and between[0].lower_ == "that":
        between = between[1:]
    if len(between) < 2 or any((t.pos_ in ("VERB", "AUX") and is_speech_verb(t)) or t.lower_ == "as" for t in between):
        return "direct", start, parts
    lead_start = between[0].idx
    return "mixed", lead_start, [(lead_start, parts[0][1])]


def with_unquoted_lead(ctx: Context, q: QuoteSpan, cue, start: int, parts):
    """'Nothing the president said “will assuage people's fears,” Rubio said': the reporting clause after the
    quotation reports the whole sentence, the unquoted words that lead into the quotation too (mixed)."""
    lead = ctx.sentence_lead(q)
    if cue.idx < q.end or lead is None or len(parts) > 1:
        return "direct", start, parts
    lead = [t for t in lead if t.idx >= ctx.paras[ctx.para_of(q.start)].start]
    if opens_clause(lead) or any(ctx.quoted_elsewhere(t, q) for t in lead):
        return "direct", start, parts
    return "mixed", lead[0].idx, [(lead[0].idx, parts[0][1])]


def _by_colon(ctx: Context, cand: DirectCandidate, mention, rule: str):
    speaker, sieve = ctx.speaker_for(mention)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, ":", None, f"{rule}/{sieve}", cand.parts, None)


@quotation_sieve("colon-name")
def named_before_colon(ctx: Context, cand: DirectCandidate):
    """More from Jones: “...” / From the report: “...”: a name or a document right before the colon."""
    window = cand.window
    if not window or len(window) < 2 or window[0].text != ":":
        return None
    token = window[1]
    if token.ent_type_ in ("PERSON", "ORG") or (token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS
                                                and any(c.dep_ in ("det", "poss") for c in token.children)):
        return _by_colon(ctx, cand, token, "colon-name")
    return None


@quotation_sieve("colon-subject")
def subject_before_colon(ctx: Context, cand: DirectCandidate):
    """'President Clinton released the following statement: “...”': the subject of the clause the colon ends."""
    window = cand.window
    return _by_colon(ctx, cand, source_before_colon(window[0] if window else None), "colon-subject")


@quotation_sieve("looks-like-speech")
def looks_like_speech_gate(ctx: Context, cand: DirectCandidate):
    """A gate: a whole sentence in quotation marks, not a scare-quoted term or a title."""
    q = cand.quote
    words = len(ctx.text[cand.start:cand.end].split())
    if q.paragraphs > 1 or words >= 8:
        return None
    para = ctx.paras[ctx.para_of(q.start)]
    opens_paragraph = q.start - 1 <= para.start
    has_sentence_end = bool(re.search(r"[.!?…]$", ctx.text[cand.start:cand.end].rstrip("”\"’")))
    if words >= MIN_SPEECH_WORDS and (opens_paragraph or has_sentence_end):
        return None
    return DROP


def fragment_subject(ctx: Context, q: QuoteSpan):
    """'Moore thanked him for “stepping up when Congress won’t”': a quoted piece of a sentence with no cue is
    the words of the subject of the verb it hangs on. That subject and verb, or (None, None)."""
    lead = ctx.sentence_lead(q)
    if lead is None or len(lead) < 2 or lead[0].idx < ctx.paras[ctx.para_of(q.start)].start:
        return None, None
    inside = ctx.tokens(q.start, q.end)
    verbs = [t for t in inside.root.ancestors if t.i < inside[0].i and t.pos_ in ("VERB", "AUX")]
    source = source_subject(verbs[0]) if verbs else None
    return (source, verbs[0]) if source is not None else (None, None)


@quotation_sieve("fragment-subject")
def spoken_by_fragment_subject(ctx: Context, cand: DirectCandidate):
    source, verb = fragment_subject(ctx, cand.quote)
    if source is None:
        return None
    speaker, sieve = ctx.speaker_for(source)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, verb.text, None, f"fragment-subject/{sieve}",
                   cand.parts, verb)


@quotation_sieve("previous-sentence")
def introduced_by_previous_sentence(ctx: Context, cand: DirectCandidate):
    """'Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”': a sentence that only says
    someone spoke, with nothing quoted or reported in it, introduces the quotation right after it."""
    q = cand.quote
    lead = ctx.sentence_lead(q)
    if lead is None or lead:
        return None
    sentence_start = ctx.tokens(q.start, q.end)[0].sent.start
    if sentence_start == 0:
        return None
    previous = ctx.doc[sentence_start - 1].sent
    para_index = ctx.para_of(q.start)
    same_para = ctx.para_of(previous.start_char) == para_index
    opens_para = not ctx.text[ctx.paras[para_index].start:q.start].strip(" \n\"“«‘'")
    if not (same_para or (opens_para and ctx.para_of(previous.start_char) == para_index - 1)):
        return None
    if any(mark in previous.text for mark in "“”\"«»"):
        return None
    for verb in previous:
        if not is_speech_verb(verb, direct=True) or any(
                c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i for c in verb.children):
            continue
        source = source_subject(verb)
        if source is not None:
            speaker, sieve = ctx.speaker_for(source)
            if speaker is not None:
                return Verdict("direct", cand.start, cand.end, speaker, cue_text(verb), addressee_of(ctx, verb),
                               f"previous-sentence/{sieve}", cand.parts, verb)
    return None


@quotation_sieve("colon-previous-paragraph")
def introduced_by_previous_paragraph(ctx: Context, cand: DirectCandidate):
    """'Stone said:' or 'Donald Trump issued the following statement:' ending the paragraph before."""
    para_index = ctx.para_of(cand.quote.start)
    if not para_index or not ctx.paras[para_index - 1].text.rstrip().endswith(":"):
        return None
    prior = ctx.paras[para_index - 1]
    tokens = ctx.tokens(prior.start, prior.end)
    colons = [t for t in tokens if t.text == ":"]
    cue = _first_speech_verb(colons[-1].sent) if colons else None
    source = subject_of(cue) if cue is not None else source_before_colon(colons[-1] if colons else None)
    speaker, sieve = ctx.speaker_for(source)
    if speaker is None:
        return None
    return Verdict("direct", cand.start, cand.end, speaker, None, None, f"colon-previous-paragraph/{sieve}",
                   cand.parts, None)


def _first_speech_verb(tokens):
    for token in tokens:
        if is_speech_verb(token, direct=True):
            return token
    return None


@quotation_sieve("continuation")
def continues_previous_speaker(ctx: Context, cand: DirectCandidate):
    """No cue next to it: the same speaker as the last quotation with one, in this or the last paragraph."""
    para_index = ctx.para_of(cand.quote.start)
    previous = ctx.last_named
    if previous is None:
        return None
    previous_para = ctx.para_of(previous.start)
    if previous_para is None or para_index is None or para_index - previous_para > 1:
        return None
    speaker = previous.speaker
    speaker = Speaker(speaker.name, speaker.mention, speaker.start, speaker.end, speaker.kind, speaker.role,
                      speaker.affiliation)
    cue = addressee = None
    last = ctx.quotations[-1]
    if ctx.para_of(last.start) == ctx.para_of(cand.start):
        cue, addressee = last.cue, last.addressee
    return Verdict("direct", cand.start, cand.end, speaker, cue, addressee, "continuation", cand.parts, None)


@quotation_sieve("too-short")
def too_short_gate(ctx: Context, cand: DirectCandidate):
    """A gate: with no speaker found, fewer than six words in marks are no statement worth recording."""
    return DROP if len(ctx.text[cand.start:cand.end].split()) < 6 else None


@quotation_sieve("unattributed")
def unattributed(ctx: Context, cand: DirectCandidate):
    return Verdict("direct", cand.start, cand.end, None, None, None, "unattributed", cand.parts, None)


def attribute_quotation(ctx: Context, cand: DirectCandidate) -> None:
    for sieve in ctx.sieves.quotations:
        verdict = sieve(ctx, cand)
        if verdict is DROP:
            return
        if verdict is not None:
            ctx.emit(verdict)
            return


# -- speaker sieves: who a cue's mention names ---------------------------------------------------------
@speaker_sieve("none")
def no_mention(ctx: Context, token):
    return (None, "none") if token is None else None


@speaker_sieve("named-appositive")
def named_appositive(ctx: Context, token):
    """'the mediator, Ana Lima,': a proper name in apposition to a common noun names a person."""
    appositive_names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if token.pos_ != "NOUN" or token.ent_type_ or not appositive_names:
        return None
    return described_person(ctx, appositive_names[0]), "named-appositive"


@speaker_sieve("relative")
def relative_pronoun(ctx: Context, token):
    """'Roffman, who estimates that ...': who is Roffman, named through the noun it hangs on."""
    if token.tag_ != "WP" or token.head.dep_ != "relcl" or token.head.head.i >= token.i:
        return None
    speaker, sieve = ctx.speaker_for(token.head.head)
    if speaker is None:
        return None, sieve
    return replace(speaker, mention=token.text, start=token.idx, end=token.idx + len(token)), "relative-" + sieve


def is_pronoun(token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS


def _pronoun_wanted(token) -> str | None:
    """'m', 'f', 'p' (they) or 'n' (it) for a third-person pronoun that can be resolved; None otherwise."""
    if not is_pronoun(token):
        return None
    wanted = PRONOUNS.get(token.lower_)
    return None if wanted in ("1", "2", None) else wanted


def _pronoun_horizon(ctx: Context, token) -> int:
    """A pronoun looks back at most three paragraphs."""
    para_index = ctx.para_of(token.idx) or 0
    return ctx.paras[max(0, para_index - 3)].start


def _pronoun_mention(token) -> tuple[str, int, int]:
    return token.text, token.idx, token.idx + len(token)


def _compatible(person: Person, wanted: str) -> bool:
    return wanted in ("m", "f") and person.kind == "person" and person.gender in (None, wanted)


@speaker_sieve("pronoun-same-sentence")
def pronoun_same_sentence(ctx: Context, token):
    """'Fallon fired back: “...,” he wrote': a person named as subject earlier in the pronoun's sentence."""
    wanted = _pronoun_wanted(token)
    if wanted is None:
        return None
    sent = token.sent
    # a name inside quotation marks is talked about, not talking: “Cruz is our best debater,” he said
    named = [e for e in sent.ents if e.label_ == "PERSON" and e.end_char <= token.idx and not ctx.in_quotation(
        e.start_char)]
    for ent in sorted(named + _unlabelled_named_subjects(ctx, sent, token), key=lambda e: -e.start_char):
        if ent.root.dep_ in SUBJECT_DEPS:
            person = ctx.names.person(ent.text, ent.start_char)
            if person and _compatible(person, wanted):
                return _person_speaker(person, *_pronoun_mention(token)), "pronoun-same-sentence"
    return None


def _unlabelled_named_subjects(ctx: Context, sent, before):
    """'Fallon fired back: “...,” he wrote': a surname the entity recogniser missed the second time, as subject."""
    return [ctx.doc[t.i:t.i + 1] for t in sent if t.i < before.i and t.pos_ == "PROPN" and not t.ent_type_
            and t.dep_ in SUBJECT_DEPS and not ctx.in_quotation(t.idx)]


@speaker_sieve("pronoun-previous-subject")
def pronoun_previous_subject(ctx: Context, token):
    """He/she: the person named as subject of one of the three sentences before, since the last quotation."""
    wanted = _pronoun_wanted(token)
    sent = token.sent
    if wanted not in ("m", "f") or sent.start == 0:
        return None
    latest_quote = ctx.quotations[-1].end if ctx.quotations else -1
    horizon = _pronoun_horizon(ctx, token)
    before = ctx.doc[sent.start - 1].sent
    for _ in range(3):
        if before.start_char < max(horizon, latest_quote):
            break
        subjects = [e for e in before.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")
                    and not ctx.in_quotation(e.start_char)]
        for ent in subjects[:1]:
            person = ctx.names.person(ent.text, ent.start_char)
            if person and person.gender == wanted:
                return _person_speaker(person, *_pronoun_mention(token)), "pronoun-previous-subject"
        if before.start == 0:
            break
        before = ctx.doc[before.start - 1].sent
    return None


@speaker_sieve("pronoun-previous-speaker")
def pronoun_previous_speaker(ctx: Context, token):
    """He/she: the latest compatible person quoted; they/it: the latest organisation, group or place quoted."""
    wanted = _pronoun_wanted(token)
    if wanted is None:
        return None
    horizon = _pronoun_horizon(ctx, token)
    mention = _pronoun_mention(token)
    for quotation in reversed(ctx.quotations):
        speaker = quotation.speaker
        if speaker is None or speaker.name is None or quotation.start < horizon:
            continue
        if wanted in ("m", "f") and speaker.kind == "person":
            person = ctx.names.person(speaker.name, speaker.start)
            if person is None or _compatible(person, wanted):
                return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                    "pronoun-previous-speaker"
        if wanted in ("p", "n") and speaker.kind in ("organization", "group", "place"):
            return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                "pronoun-previous-speaker"
    return None


@speaker_sieve("pronoun-nearest-name")
def pronoun_nearest_name(ctx: Context, token):
    """He/she: the nearest compatible person named before, outside quotation marks."""
    wanted = _pronoun_wanted(token)
    if wanted not in ("m", "f"):
        return None
    horizon = _pronoun_horizon(ctx, token)
    for position, person in ctx.names.people_before(token.idx):
        if position < horizon:
            break
        if _compatible(person, wanted) and not ctx.in_quotation(position):
            return _person_speaker(person, *_pronoun_mention(token)), "pronoun-nearest-name"
    return None


@speaker_sieve("unresolved-pronoun")
def unresolved_pronoun(ctx: Context, token):
    if not is_pronoun(token):
        return None
    return Speaker(None, *_pronoun_mention(token), "unknown"), "unresolved-pronoun"


@speaker_sieve("named-group")
def named_group(ctx: Context, token):
    """'Hamas and el-Sisi said': names joined by 'and' speak together."""
    ent = ctx.entity_of(token)
    named_conjuncts = [c for c in token.conjuncts if c.i > token.i and ctx.entity_of(c) is not None]
    if ent is None or not named_conjuncts:
        return None
    entities = [ent] + [ctx.entity_of(c) for c in named_conjuncts]
    members = [_named(ctx, e.text, e.start_char, e.end_char, e.label_) for e in entities]
    names = [m.name for m in members]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    mention = ctx.text[entities[0].start_char:entities[-1].end_char]
    return Speaker(name, mention, entities[0].start_char, entities[-1].end_char, "group"), "named-group"


@speaker_sieve("named")
def named_entity(ctx: Context, token):
    """A name the entity recogniser found, under its fullest form in the document."""
    ent = ctx.entity_of(token)
    if ent is None:
        return None
    return _named(ctx, ent.text, ent.start_char, ent.end_char, ent.label_), "named"


@speaker_sieve("quantifier")
def quantifier(ctx: Context, token):
    """'Several said they ...': a lone quantifier subject speaks for a group."""
    if token.lower_ not in QUANTIFIER_SUBJECTS or token.dep_ not in SUBJECT_DEPS:
        return None
    return Speaker(token.text, token.text, token.idx, token.idx + len(token), "group"), "quantifier"


@speaker_sieve("not-a-noun")
def not_a_noun(ctx: Context, token):
    """A gate: a mention that is no noun names nobody (stamped 'none')."""
    return (None, "none") if token.pos_ not in ("NOUN", "PROPN") else None


def _noun_phrase(ctx: Context, token):
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    start_tok = min((c.left_edge for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "det", "nmod")),
                    key=lambda t: t.i, default=token)
    end_tok = conjuncts[-1] if conjuncts else token
    return ctx.doc[start_tok.i:end_tok.i + 1], bool(conjuncts)


@speaker_sieve("proper-noun")
def proper_noun(ctx: Context, token):
    """A proper noun the entity recogniser missed, when it names a person of the document (stamped 'named')."""
    if token.pos_ != "PROPN":
        return None
    mention, _ = _noun_phrase(ctx, token)
    person = ctx.names.person(mention.text, mention.start_char)
    if person is None:
        return None
    return _person_speaker(person, mention.text, mention.start_char, mention.end_char), "named"


@speaker_sieve("description")
def description(ctx: Context, token):
    """'the spokesman', 'officials': the noun phrase itself, a person, a group or unknown."""
    mention, has_conjuncts = _noun_phrase(ctx, token)
    noun = token.lemma_.lower()
    kind = "group" if token.tag_ in ("NNS", "NNPS") or has_conjuncts else (
        "person" if noun in PERSON_NOUNS else "unknown")
    name = re.sub(r"^(the|a|an)\s+", "", mention.text, flags=re.I)
    return Speaker(name, mention.text, mention.start_char, mention.end_char, kind), "description"


def described_person(ctx: Context, token) -> Speaker:
    entity = ctx.entity_of(token)
    left = min((c.left_edge.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
    if entity is not None:
        left = min(left, entity.start)
    span = ctx.doc[left:max(token.i + 1, entity.end if entity is not None else 0)]
    person = ctx.names.person(span.text, span.start_char)
    if person is not None:
        return _person_speaker(person, span.text, span.start_char, span.end_char)
    role, affiliation = role_and_affiliation(span)
    return Speaker(" ".join(name_words(span.text)), span.text, span.start_char, span.end_char, "person",
                   role, affiliation)


def _named(ctx: Context, text: str, start: int, end: int, label: str) -> Speaker:
    person = ctx.names.person(text, start)
    if label != "PERSON" and (person is None or person.surname != text.split()[-1].lower()):
        person = ctx.names.entity(text)
    kind = KIND_BY_LABEL.get(label, "unknown")
    if person is None:
        return Speaker(" ".join(text.split()), text, start, end, kind)
    return Speaker(person.name, text, start, end, person.kind, person.role, person.affiliation)


def _person_speaker(person: Person, mention: str, start: int, end: int) -> Speaker:
    return Speaker(person.name, mention, start, end, person.kind, person.role, person.affiliation)


def label_speaker(ctx: Context, label: str, start: int, keep_case: bool = False) -> Speaker:
    """The speaker a transcript label (PENCE:) or a dash signature (― Pamela Padilla) names."""
    words = name_words(label.rstrip("."))
    person = ctx.names.person(words[-1] if keep_case else words[-1].title(), start) if words else None
    end = start + len(label.rstrip("."))
    if person is not None and (not keep_case or len(words) == 1):
        return _person_speaker(person, ctx.text[start:end], start, end)
    name = " ".join(words) if keep_case else label.title()
    return Speaker(name, ctx.text[start:end], start, end, "person")


# -- the order, and the whole document ------------------------------------------------------------------
DEFAULT_ORDER = {
    "frames": ["speech-verb", "told-to", "parenthetical-cue", "claim-noun", "according-to"],
    "candidates": ["speaker-label", "dash-signature", "direct-cue", "filled-clause", "title", "same-cue", "runs-on",
                   "mixed-run-on"],
    "quotations": ["dash-signature", "speaker-label", "direct-according", "direct-cue", "direct-adjacent",
                   "colon-name", "colon-subject", "looks-like-speech", "fragment-subject", "previous-sentence",
                   "colon-previous-paragraph", "continuation", "too-short", "unattributed"],
    "speakers": ["none", "named-appositive", "relative", "pronoun-same-sentence", "pronoun-previous-subject",
                 "pronoun-previous-speaker", "pronoun-nearest-name", "unresolved-pronoun", "named-group", "named",
                 "quantifier", "not-a-noun", "proper-noun", "description"],
}
"""The sieves in the order they run: the first to answer wins. Pass another order through the component's
config (nlp.add_pipe("onrecord", config={"sieves": {...}})) to reorder or drop sieves."""
REGISTRIES = {"frames": FRAME_SIEVES, "candidates": CANDIDATE_SIEVES, "quotations": QUOTATION_SIEVES,
              "speakers": SPEAKER_SIEVES}


class SieveError(ValueError):
    pass


@dataclass
class SieveLists:
    frames: list
    candidates: list
    quotations: list
    speakers: list

    @classmethod
    def from_names(cls, order: dict[str, list[str]] | None = None) -> "SieveLists":
        """Sieve functions for each list's names; a list left out keeps its default order."""
        order = {**DEFAULT_ORDER, **(order or {})}
        unknown_lists = set(order) - set(REGISTRIES)
        if unknown_lists:
            raise SieveError(f"unknown sieve list {sorted(unknown_lists)[0]!r} (use {', '.join(REGISTRIES)})")
        lists = {}
        for family, names in order.items():
            registry = REGISTRIES[family]
            missing = [name for name in names if name not in registry]
            if missing:
                raise SieveError(f"unknown {family} sieve {missing[0]!r} (known: {', '.join(registry)})")
            lists[family] = [registry[name] for name in names]
        return cls(**lists)

    @classmethod
    def default(cls) -> "SieveLists":
        global _DEFAULT_LISTS
        if _DEFAULT_LISTS is None:
            _DEFAULT_LISTS = cls.from_names()
        return _DEFAULT_LISTS


_DEFAULT_LISTS: SieveLists | None = None


def _frame_records(ctx: Context, frames: list[Frame]) -> tuple[list[tuple[Frame, str]], set[int]]:
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


def attribute(doc, skip_spans=(), sieves: SieveLists | None = None) -> list[Quotation]:
    ctx = Context(doc, skip_spans, sieves or SieveLists.default())
    frames = find_frames(ctx)
    ctx.set_spans(quote_spans(ctx))
    frames = drop_frames_inside_quotes(ctx, frames)
    ctx.frame_records, consumed = _frame_records(ctx, frames)
    candidates = [c for c in direct_candidates(ctx, consumed) if not c.joined]
    ordered = sorted([(f.start, "frame", (f, k)) for f, k in ctx.frame_records] + [(c.start, "direct", c)
                                                                                  for c in candidates],
                     key=lambda item: item[0])
    for _, what, payload in ordered:
        if what == "frame":
            frame, kind = payload
            speaker, sieve = ctx.speaker_for(frame.speaker_token)
            ctx.emit(Verdict(kind, frame.start, frame.end, speaker, frame.cue_text, frame.addressee,
                             f"{frame.rule}/{sieve}", frame.parts, frame.cue))
        else:
            attribute_quotation(ctx, payload)
    ctx.quotations.sort(key=lambda q: q.start)
    return ctx.quotations
