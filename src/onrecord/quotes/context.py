"""What the sieves share: the Context of one document, and the records sieves hand on (Frame,
DirectCandidate, Verdict)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, field
from enum import Enum

from onrecord.clean.layout import paragraphs
from onrecord.quotes.confidence import confidence
from onrecord.quotes.marks import QuoteSpan
from onrecord.records import Quotation, Speaker
from onrecord.speakers import NameIndex


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


class Context:
    """One parsed document and what the sieves share about it: paragraphs, quotation spans, names, the
    records emitted so far. Lookups by offset are indexed once, so attribution stays linear."""

    def __init__(self, doc, skip_spans, sieves, post_starts=None):
        """sieves: the SieveLists to run (quotes/sieves.py, which imports the sieve modules that import this
        one: hence no annotation)."""
        self.doc = doc
        self.post_starts = sorted(post_starts or ())
        self.text = doc.text
        self.skip = sorted(skip_spans)
        self._skip_starts = [s for s, _ in self.skip]
        self._skip_max_end = list(accumulate((e for _, e in self.skip), max))
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
        self.frame_records: list[tuple[Frame, str]] = []
        self.turns: dict = {}
        """Interview turns by the id of their quote span (quotes/direct/interview.py)."""
        self.interview_people: tuple | None = None
        self.trailing_labels: dict = {}
        """'...: PM Modi' labels by the id of the quote span they sign."""
        self.last_named: Quotation | None = None
        """The latest record with a named speaker: who a cue-less quotation continues."""
        self.speakers_by_last_word: dict[str, list] = {}
        """Speakers of the records so far whose name has several words, by its last word in lower case, in
        the order emitted ('the military' looks up the 'Israeli military' quoted before)."""
        self.organisations_quoted: list[Speaker] = []
        """Speakers of the records so far that are named organisations, in the order emitted."""
        self.memo: dict = {}
        """Lookups a sieve builds once per document, by a key it chooses."""

    def skipped(self, start: int, end: int) -> bool:
        """Inside one of the skip spans (site chrome, headlines)."""
        i = bisect_right(self._skip_starts, start) - 1
        while i >= 0 and self._skip_max_end[i] >= end:
            if self.skip[i][1] >= end:
                return True
            i -= 1
        return False

    def post_start(self, offset: int) -> int:
        """Where the live-blog post holding offset starts (0 for an article)."""
        i = bisect_right(self.post_starts, offset) - 1
        return self.post_starts[i] if i >= 0 else 0

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
        return self.names.entities.at(token.i)

    def ents_within(self, span) -> list:
        """span.ents, without building every entity of the document again."""
        return self.names.entities.within(span.start, span.end)

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

    def spans_overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotation spans that share a character with start..end (end excluded), in order."""
        i = bisect_left(self._span_starts, end) - 1
        found = []
        while i >= 0 and self._span_max_end[i] > start:
            if self.spans[i].end > start:
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
                              confidence(verdict.rule), verdict.rule,
                              list(parts) if len(parts) > 1 else [], cue_start, cue_end)
        self.quotations.append(quotation)
        if verdict.speaker is not None and verdict.speaker.name is not None:
            self.last_named = quotation
            words = verdict.speaker.name.split()
            if len(words) > 1:
                self.speakers_by_last_word.setdefault(words[-1].lower(), []).append(verdict.speaker)
            if verdict.speaker.kind == "organization":
                self.organisations_quoted.append(verdict.speaker)


def opens_clause(before) -> bool:
    """Nothing but punctuation, a conjunction or an adverb before the quotation in its sentence."""
    words = [t for t in before if not t.is_punct and not t.is_space]
    return not words or (len(words) == 1 and words[0].pos_ in ("CCONJ", "ADV", "INTJ", "SCONJ"))



