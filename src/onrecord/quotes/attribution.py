"""Attribution: who said what in one parsed document.

Frames first (a cue with its source and content), then quotation marks, then speakers:
1. indirect frames: speech verb + complement clause, inverted and parenthetical cues,
   "according to X", "X told Y ...";
2. direct quotations: the cue next to the marks (after, then before), split quotations
   joined into one record, quotations running over paragraphs, transcript labels;
   fragments inside a reported clause make that clause "mixed";
3. speakers: syntactic subject, then adjacent mention, pronoun to the nearest compatible
   speaker, continuation of the previous speaker; each mention resolved to its fullest name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from onrecord.clean.layout import Paragraph, paragraphs
from onrecord.quotes.lexicon import (ADDRESSEE_OBJECT_VERBS, PHRASAL_SPEECH_VERBS, SPEAKER_LABEL_STOPWORDS,
                                     is_speech_verb, lemma_of)
from onrecord.quotes.marks import QuoteSpan, find_quotes, speaker_label
from onrecord.records import Quotation, Speaker
from onrecord.speakers import NameIndex, Person, role_and_affiliation
from onrecord.speakers.names import KIND_BY_LABEL, name_words

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


class Attributor:
    def __init__(self, doc, skip_spans=()):
        self.doc = doc
        self.text = doc.text
        self.skip = sorted(skip_spans)
        self.paras = [p for p in paragraphs(self.text) if not self._skipped(p.start, p.end)]
        self.names = NameIndex(doc)
        self.quotations: list[Quotation] = []
        self.spans: list[QuoteSpan] = []
        # 'Clinton is “the most dishonest candidate,” Pence said': a quotation that all but fills the clause a
        # speech verb reports is direct, and that verb is its cue (quotation index -> cue)
        self.cue_of_filled_clause: dict[int, object] = {}

    # -- helpers -------------------------------------------------------------------------
    def _skipped(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.skip)

    def _para_of(self, offset: int) -> int | None:
        for i, para in enumerate(self.paras):
            if para.start <= offset <= para.end:
                return i
        return None

    def _tokens(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
            end -= 1
        return start, end

    # -- frames --------------------------------------------------------------------------
    def subject_of(self, verb):
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

    def addressee_of(self, verb) -> str | None:
        lemma = lemma_of(verb)
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_OBJECT_VERBS and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return self._mention_text(child)
            if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma not in ("add",):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return self._mention_text(objects[0])
        return None

    def _mention_text(self, token) -> str:
        ent = self._entity_of(token)
        if ent is not None:
            return ent.text
        left = min((c.left_edge.i for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "det")),
                   default=token.i)
        return self.doc[left:token.i + 1].text

    def _entity_of(self, token):
        if not token.ent_type_:
            return None
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
        return None

    def clause_range(self, head, exclude) -> tuple[int, int, list[tuple[int, int]]]:
        """Characters of head's clause, without the subtree of exclude (the cue's own words)."""
        left, right = head.left_edge, head.right_edge
        start, end = left.idx, right.idx + len(right)
        ex_start = exclude.left_edge.idx
        ex_end = exclude.right_edge.idx + len(exclude.right_edge)
        parts = []
        for a, b in ((start, ex_start), (ex_end, end)):
            a, b = self._trim(a, b)
            if b - a > 1 and ex_start <= ex_end:
                parts.append((a, b))
        if not parts:
            return start, start, []
        return parts[0][0], parts[-1][1], parts

    def verb_frames(self) -> list[Frame]:
        frames = []
        for token in self.doc:
            if not is_speech_verb(token) or self._skipped(token.idx, token.idx + 1):
                continue
            frame = self._complement_frame(token) or self._parenthetical_frame(token)
            if frame is not None:
                frames.append(frame)
        return frames

    def claim_noun_frames(self) -> list[Frame]:
        """'De Blasio repeated his claim that “profit-making” was the motive': a speech noun with a that-clause."""
        frames = []
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS or self._skipped(noun.idx, noun.idx + 1):
                continue
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"]
            speaker = self._claimant(noun) if clauses else None
            if speaker is None:
                continue
            clause = clauses[0]
            start, end = self._trim(_after_that(clause), clause.right_edge.idx + len(clause.right_edge))
            if len(self.text[start:end].split()) >= 3:
                frames.append(Frame(noun, noun.text, speaker, start, end, None, "claim-noun", [(start, end)]))
        return frames

    def _claimant(self, noun):
        """Whose claim: 'Trump's claim'; 'he repeated his claim' (the subject of the verb the claim is object of)."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners and owners[0].pos_ != "PRON":
            return owners[0]
        if noun.dep_ == "dobj" and lemma_of(noun.head) in CLAIM_MAKING_VERBS:
            subject = self.subject_of(noun.head)
            if subject is not None:
                return subject
        return owners[0] if owners else None

    def _complement_frame(self, verb) -> Frame | None:
        complements = [c for c in verb.children if c.dep_ == "ccomp"] or self._that_clauses(verb)
        if not complements:
            return self._told_to_frame(verb)
        content = complements[0]
        start, end = _after_that(content), content.right_edge.idx + len(content.right_edge)
        if content.i > verb.i:
            end = self._reported_clauses_after(verb, content, end)
        start, end = self._trim(start, end)
        if end - start < 3 or len(self.text[start:end].split()) < 2:
            return None
        rule = "inverted-cue" if content.i < verb.i else "speech-verb"
        return Frame(verb, self._cue_text(verb), self.subject_of(verb), start, end, self.addressee_of(verb), rule,
                     [(start, end)])

    def _reported_clauses_after(self, verb, content, end: int) -> int:
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

    @staticmethod
    def _that_clauses(verb) -> list:
        """'tweeted in the early morning hours that Machado was ...': once a phrase stands between the verb and
        its that-clause, the parser often hangs the clause as an adverbial one."""
        return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "that"
                and c.left_edge.i > verb.i + 1]

    def _told_to_frame(self, verb) -> Frame | None:
        """"X told his advisers to find a way": the addressee and what they were told to do."""
        if lemma_of(verb) not in ADDRESSEE_OBJECT_VERBS:
            return None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        clauses = [c for c in verb.children if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                        for g in c.children)]
        if not objects or not clauses:
            return None
        start = objects[0].left_edge.idx
        last = clauses[0].right_edge
        start, end = self._trim(start, last.idx + len(last))
        if len(self.text[start:end].split()) < 4:
            return None
        return Frame(verb, self._cue_text(verb), self.subject_of(verb), start, end, self._mention_text(objects[0]),
                     "told-to", [(start, end)])

    def _parenthetical_frame(self, verb) -> Frame | None:
        """'That deal, X argues, is ...' and '..., X has said.' when the parser hangs the cue on the clause."""
        if verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or verb.head.i == verb.i:
            return None
        subject = self.subject_of(verb)
        if subject is None or subject.head.i != verb.i:
            return None
        edge = next(t.i for t in verb.subtree if not t.is_punct)
        if edge == 0 or not self.doc[edge - 1].is_punct:
            return None
        head = verb.head
        root = verb.sent.root
        sentence_start = root.left_edge.idx
        cue_start = self.doc[edge].idx
        cue_end = verb.right_edge.idx + len(verb.right_edge)
        parts = [self._trim(sentence_start, cue_start)]
        if head.i > verb.i and head.left_edge.i < verb.left_edge.i:
            parts.append(self._trim(cue_end, head.right_edge.idx + len(head.right_edge)))
        parts = [p for p in parts if len(self.text[p[0]:p[1]].split()) >= 2]
        if not parts or sum(len(self.text[a:b].split()) for a, b in parts) < 3:
            return None
        start, end = parts[0][0], parts[-1][1]
        return Frame(verb, self._cue_text(verb), subject, start, end, self.addressee_of(verb), "parenthetical-cue", parts)

    def _cue_text(self, verb) -> str:
        particles = [c for c in verb.children if c.i == verb.i + 1 and (
            c.dep_ == "prt" or c.lower_ == PHRASAL_SPEECH_VERBS.get(lemma_of(verb)))]
        return verb.text + (" " + particles[0].text if particles else "")

    def according_frames(self) -> list[Frame]:
        frames = []
        for token in self.doc:
            if token.lower_ != "according" or self._skipped(token.idx, token.idx + 1):
                continue
            nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
            if nxt is None or nxt.lower_ != "to":
                continue
            objects = [c for c in nxt.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            phrase_end = token.subtree
            last = max(t.i for t in token.subtree)
            first = token.i
            sent = token.sent
            before = self._trim(sent.start_char, self.doc[first].idx)
            after_tok = self.doc[last]
            after = self._trim(after_tok.idx + len(after_tok), sent.end_char)
            parts = [p for p in (before, after) if len(self.text[p[0]:p[1]].split()) >= 3]
            if not parts:
                continue
            start, end = self._trim(parts[0][0], parts[-1][1])
            if len(parts) == 1:
                start, end = parts[0]
            frames.append(Frame(token, "according to", source, start, end, None, "according-to", parts))
        return frames

    # -- direct quotations -----------------------------------------------------------------
    def quote_spans(self) -> list[QuoteSpan]:
        spans = [q for q in find_quotes(self.text, self.paras) if not self._skipped(q.start, q.end)]
        quoted_paras = {self._para_of(q.start) for q in spans}
        for i, para in enumerate(self.paras):
            label = speaker_label(para.text)
            if label and i not in quoted_paras and not self._label_is_stopword(label):
                spans.append(QuoteSpan(para.start, para.end, "", True))
        return sorted(spans, key=lambda q: q.start)

    @staticmethod
    def _label_is_stopword(label: str) -> bool:
        return any(w in SPEAKER_LABEL_STOPWORDS for w in re.split(r"[\s.'’]+", label) if w)

    def _is_quoted(self, token, spans) -> bool:
        return any(q.start <= token.idx < q.end for q in spans)

    def _in_quotation(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.spans)

    def _window_cue(self, tokens, direct_ok=True):
        for token in tokens:
            if is_speech_verb(token, direct=direct_ok):
                return token
        return None

    def _windows(self, q: QuoteSpan, spans: list[QuoteSpan]):
        """Tokens after the quotation to its sentence end, and before it back to its sentence start
        (nearest first), never crossing another quotation or the paragraph."""
        para = self.paras[self._para_of(q.start)]
        inside = self._tokens(q.start, q.end)
        others = [s for s in spans if s is not q]
        after = []
        i = inside.end
        while i < len(self.doc) and self.doc[i].text in CLOSING_MARKS:
            i += 1
        limit = self.doc[i].sent.end if i < len(self.doc) else i
        while i < limit and self.doc[i].idx < para.end and not self._is_quoted(self.doc[i], others):
            if not self.doc[i].is_space:
                after.append(self.doc[i])
            i += 1
        before = []
        j = inside.start - 1
        while j >= 0 and self.doc[j].text in OPENING_MARKS:
            j -= 1
        limit = self.doc[inside.start].sent.start if len(inside) else j
        while j >= limit and self.doc[j].idx >= para.start and not self._is_quoted(self.doc[j], others):
            if not self.doc[j].is_space:
                before.append(self.doc[j])
            j -= 1
        return inside, after, before

    @staticmethod
    def _opens_clause(before) -> bool:
        """Nothing but punctuation, a conjunction or an adverb before the quotation in its sentence."""
        words = [t for t in before if not t.is_punct and not t.is_space]
        return not words or (len(words) == 1 and words[0].pos_ in ("CCONJ", "ADV", "INTJ", "SCONJ"))

    def _after_cue(self, after):
        """“...,” she said / “...,” said Smith / “...,” the analyst, Marwan Bishara, said."""
        for position, token in enumerate(after[:30]):
            if token.lower_ == "according" and position <= 1 and token.i + 1 < len(self.doc) \
                    and self.doc[token.i + 1].lower_ == "to":
                return token  # “...,” according to Judicial Watch.
            if not is_speech_verb(token, direct=True):
                continue
            subject = self.subject_of(token)
            allowed = {token.i}
            if subject is not None:
                allowed.update(t.i for t in subject.subtree)
            between = after[:position]
            if all(t.i in allowed or t.tag_ not in FINITE_TAGS for t in between):
                return token
            return None
        return None

    def _before_cue(self, inside, before):
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

    def direct_cue(self, q: QuoteSpan, spans: list[QuoteSpan]):
        """The cue next to a quotation and the tokens around it where a speaker may be named."""
        inside, after, before = self._windows(q, spans)
        if not len(inside):
            return None, []
        # “...,” closing on a comma hands the sentence to a reporting clause, however the sentence began:
        # 'He described it as “horrendous,” he said.'
        ends_on_comma = q.closed and self.text[q.start:q.end].rstrip().endswith(",")
        # “... going.” Asked what that might look like, she said: a full stop ends the sentence the cue would report
        ends_sentence = q.closed and re.search(r"[^.]\.\s*$", self.text[q.start:q.end]) is not None
        if (self._opens_clause(before) or (before and before[0].text == ":") or ends_on_comma) and not ends_sentence:
            cue = self._after_cue(after) or self._reporting_clause_verb(q, after)
            if cue is not None:
                return cue, after
        cue = self._before_cue(inside, before)
        if cue is not None:
            return cue, before
        return None, before + after

    def _reporting_clause_verb(self, q: QuoteSpan, after):
        """“People are afraid of wasting their votes,” he surmised. / “Really?” Hannity pressed. / “...,” mused X.
        A quotation that ends on a comma or a question, then a bare clause of a subject and a verb: that verb,
        whatever it is, reports the quotation."""
        if not q.closed or not re.search(r"[,?!—–]\s*$", self.text[q.start:q.end]):
            return None
        words = [t for t in after[:8] if not t.is_space]
        verbs = [t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ")]
        if not verbs:
            return None
        verb = verbs[0]
        if lemma_of(verb) in THOUGHT_VERBS:
            return None
        subject = self.subject_of(verb)
        if subject is None or subject.head.i != verb.i or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") and c.idx > q.end for c in verb.children):
            return None
        if verb.i == words[0].i and subject.i > verb.i:
            return verb  # “...,” mused Blaze co-host Stu Burguiere.
        clause = {verb.i} | {t.i for t in subject.subtree}
        return verb if all(t.i in clause or t.is_punct for t in words if t.i < verb.i) else None

    # -- speakers ----------------------------------------------------------------------------
    def speaker_from_token(self, token, at: int, previous: list[Quotation]) -> tuple[Speaker | None, str]:
        if token is None:
            return None, "none"
        appositive_names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if token.pos_ == "NOUN" and not token.ent_type_ and appositive_names:
            return self._described_person(appositive_names[0]), "named-appositive"
        if token.tag_ == "WP" and token.head.dep_ == "relcl" and token.head.head.i < token.i:
            # 'Roffman, who estimates that ...': who is Roffman, named through the noun it hangs on
            speaker, sieve = self.speaker_from_token(token.head.head, at, previous)
            if speaker is None:
                return None, sieve
            return replace(speaker, mention=token.text, start=token.idx, end=token.idx + len(token)), "relative-" + sieve
        if token.pos_ == "PRON" or token.lower_ in PRONOUNS:
            return self.resolve_pronoun(token, at, previous)
        ent = self._entity_of(token)
        named_conjuncts = [c for c in token.conjuncts if c.i > token.i and self._entity_of(c) is not None]
        if ent is not None and named_conjuncts:
            return self._group([ent] + [self._entity_of(c) for c in named_conjuncts]), "named-group"
        if ent is not None:
            return self._named(ent.text, ent.start_char, ent.end_char, ent.label_), "named"
        conjuncts = [c for c in token.children if c.dep_ == "conj"]
        start_tok = min((c.left_edge for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "det", "nmod")),
                        key=lambda t: t.i, default=token)
        end_tok = conjuncts[-1] if conjuncts else token
        mention = self.doc[start_tok.i:end_tok.i + 1]
        noun = token.lemma_.lower()
        kind = "group" if token.tag_ in ("NNS", "NNPS") or conjuncts else (
            "person" if noun in PERSON_NOUNS else "unknown")
        if token.lower_ in QUANTIFIER_SUBJECTS and token.dep_ in SUBJECT_DEPS:
            return Speaker(token.text, token.text, token.idx, token.idx + len(token), "group"), "quantifier"
        if token.pos_ not in ("NOUN", "PROPN"):
            return None, "none"
        if token.pos_ == "PROPN":
            person = self.names.person(mention.text, mention.start_char)
            if person is not None:
                return self._person_speaker(person, mention.text, mention.start_char, mention.end_char), "named"
        name = re.sub(r"^(the|a|an)\s+", "", mention.text, flags=re.I)
        return Speaker(name, mention.text, mention.start_char, mention.end_char, kind), "description"

    def _described_person(self, token) -> Speaker:
        """'the mediator, Ana Lima,': a proper name in apposition to a common noun names a person."""
        entity = self._entity_of(token)
        left = min((c.left_edge.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
        if entity is not None:
            left = min(left, entity.start)
        span = self.doc[left:max(token.i + 1, entity.end if entity is not None else 0)]
        person = self.names.person(span.text, span.start_char)
        if person is not None:
            return self._person_speaker(person, span.text, span.start_char, span.end_char)
        role, affiliation = role_and_affiliation(span)
        return Speaker(" ".join(name_words(span.text)), span.text, span.start_char, span.end_char, "person",
                       role, affiliation)

    def _group(self, entities) -> Speaker:
        members = [self._named(e.text, e.start_char, e.end_char, e.label_) for e in entities]
        names = [m.name for m in members]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        mention = self.text[entities[0].start_char:entities[-1].end_char]
        return Speaker(name, mention, entities[0].start_char, entities[-1].end_char, "group")

    def _named(self, text: str, start: int, end: int, label: str) -> Speaker:
        person = self.names.person(text, start)
        if label != "PERSON" and (person is None or person.surname != text.split()[-1].lower()):
            person = self.names.entity(text)
        kind = KIND_BY_LABEL.get(label, "unknown")
        if person is None:
            return Speaker(" ".join(text.split()), text, start, end, kind)
        return Speaker(person.name, text, start, end, person.kind, person.role, person.affiliation)

    def _person_speaker(self, person: Person, mention: str, start: int, end: int) -> Speaker:
        return Speaker(person.name, mention, start, end, person.kind, person.role, person.affiliation)

    def resolve_pronoun(self, token, at: int, previous: list[Quotation]) -> tuple[Speaker | None, str]:
        """he/she/they -> the nearest compatible speaker: same sentence, previous quotation, nearest name."""
        wanted = PRONOUNS.get(token.lower_)
        mention = (token.text, token.idx, token.idx + len(token))
        if wanted in ("1", "2", None):
            return Speaker(None, *mention, "unknown"), "unresolved-pronoun"
        para_index = self._para_of(token.idx) or 0
        horizon = self.paras[max(0, para_index - 3)].start

        def compatible_person(person: Person) -> bool:
            return wanted in ("m", "f") and person.kind == "person" and person.gender in (None, wanted)

        def said_in_words(ent) -> bool:
            """A name inside quotation marks is talked about, not talking: “Cruz is our best debater,” he said."""
            return self._in_quotation(ent.start_char)

        sent = token.sent
        for ent in sorted([e for e in sent.ents if e.label_ == "PERSON" and e.end_char <= token.idx
                           and not said_in_words(e)] + self._unlabelled_named_subjects(sent, token),
                          key=lambda e: -e.start_char):
            if ent.root.dep_ in SUBJECT_DEPS:
                person = self.names.person(ent.text, ent.start_char)
                if person and compatible_person(person):
                    return self._person_speaker(person, *mention), "pronoun-same-sentence"
        if sent.start > 0 and wanted in ("m", "f"):
            latest_quote = previous[-1].end if previous else -1
            before = self.doc[sent.start - 1].sent
            for _ in range(3):
                if before.start_char < max(horizon, latest_quote):
                    break
                subjects = [e for e in before.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")
                            and not said_in_words(e)]
                for ent in subjects[:1]:
                    person = self.names.person(ent.text, ent.start_char)
                    if person and person.gender == wanted:
                        return self._person_speaker(person, *mention), "pronoun-previous-subject"
                if before.start == 0:
                    break
                before = self.doc[before.start - 1].sent
        for quotation in reversed(previous):
            speaker = quotation.speaker
            if speaker is None or speaker.name is None or quotation.start < horizon:
                continue
            if wanted in ("m", "f") and speaker.kind == "person":
                person = self.names.person(speaker.name, speaker.start)
                if person is None or compatible_person(person):
                    return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                        "pronoun-previous-speaker"
            if wanted in ("p", "n") and speaker.kind in ("organization", "group", "place"):
                return Speaker(speaker.name, *mention, speaker.kind, speaker.role, speaker.affiliation), \
                    "pronoun-previous-speaker"
        if wanted in ("m", "f"):
            for position, person in self.names.people_before(token.idx):
                if position < horizon:
                    break
                if compatible_person(person) and not self._in_quotation(position):
                    return self._person_speaker(person, *mention), "pronoun-nearest-name"
        return Speaker(None, *mention, "unknown"), "unresolved-pronoun"

    def _unlabelled_named_subjects(self, sent, before):
        """'Fallon fired back: “...,” he wrote': a surname the entity recogniser missed the second time, as subject."""
        return [self.doc[t.i:t.i + 1] for t in sent if t.i < before.i and t.pos_ == "PROPN" and not t.ent_type_
                and t.dep_ in SUBJECT_DEPS and not self._in_quotation(t.idx)]

    def speaker_label_speaker(self, label: str, start: int, keep_case: bool = False) -> Speaker:
        words = name_words(label.rstrip("."))
        person = self.names.person(words[-1] if keep_case else words[-1].title(), start) if words else None
        end = start + len(label.rstrip("."))
        if person is not None and (not keep_case or len(words) == 1):
            return self._person_speaker(person, self.text[start:end], start, end)
        name = " ".join(words) if keep_case else label.title()
        return Speaker(name, self.text[start:end], start, end, "person")

    # -- the whole document -----------------------------------------------------------------
    def run(self) -> list[Quotation]:
        frames = self.verb_frames() + self.claim_noun_frames() + self.according_frames()
        spans = self.spans = self.quote_spans()
        frames = self._drop_frames_inside_quotes(frames, spans)
        consumed: set[int] = set()
        frame_records = []
        for frame in sorted(frames, key=lambda f: f.start):
            inner = [i for i, q in enumerate(spans) if frame.start <= q.start and q.end <= frame.end + 1]
            quoted_chars = sum(spans[i].end - spans[i].start for i in inner)
            content_chars = max(1, frame.end - frame.start)
            if inner and quoted_chars >= 0.8 * content_chars:
                for i in inner:
                    self.cue_of_filled_clause.setdefault(i, frame.cue)
                continue
            kind = "mixed" if inner else "indirect"
            consumed.update(inner)
            frame_records.append((frame, kind))
        direct = self._direct_records(spans, consumed)
        direct = self._join_quotes_that_run_on_from_frames(frame_records, direct)
        ordered = sorted(
            [(f.start, "frame", (f, k)) for f, k in frame_records] + [(d[0], "direct", d) for d in direct],
            key=lambda item: item[0])
        for _, what, payload in ordered:
            if what == "frame":
                frame, kind = payload
                speaker, sieve = self.speaker_from_token(frame.speaker_token, frame.start, self.quotations)
                self._emit(kind, frame.start, frame.end, speaker, frame.cue_text, frame.addressee,
                           f"{frame.rule}/{sieve}", frame.parts, frame.cue)
            else:
                self._emit_direct(payload)
        self.quotations.sort(key=lambda q: q.start)
        return self.quotations

    def _join_quotes_that_run_on_from_frames(self, frame_records, direct):
        """X was not one for “A,” said Y. “B.”: a cue-less quotation opening the next sentence goes on with it."""
        left = []
        for item in direct:
            start, q, cue, _window, label, parts, end = item
            frame = None if cue is not None or label is not None else self._mixed_frame_before(frame_records, q)
            if frame is None:
                left.append(item)
                continue
            frame.parts = (frame.parts or [(frame.start, frame.end)]) + parts
            frame.end = end
        return left

    def _mixed_frame_before(self, frame_records, q: QuoteSpan) -> Frame | None:
        for frame, kind in reversed(frame_records):
            if frame.start >= q.start:
                continue
            sentence_end = frame.cue.sent.end_char
            if kind != "mixed" or not frame.end <= sentence_end <= q.start:
                return None
            if self._para_of(frame.start) != self._para_of(q.start):
                return None
            return frame if not self.text[sentence_end:q.start].strip(" \n“\"‘'«") else None
        return None

    def _drop_frames_inside_quotes(self, frames, spans):
        kept = []
        for frame in frames:
            cue_at = frame.cue.idx
            if any(q.start <= frame.start and frame.end <= q.end and not q.start <= cue_at < q.end for q in spans):
                continue
            inside = [q for q in spans if q.start <= cue_at < q.end]
            if inside:
                subject = frame.speaker_token
                if subject is None or subject.pos_ == "PRON" or not subject.ent_type_:
                    continue
                q = inside[0]
                frame.start, frame.end = max(frame.start, q.start), min(frame.end, q.end)
                frame.parts = [(max(a, q.start), min(b, q.end)) for a, b in frame.parts if min(b, q.end) > max(a, q.start)]
                frame.rule = "nested-" + frame.rule
            kept.append(frame)
        return kept

    def _direct_records(self, spans, consumed):
        """(start, quote, cue, window, label) for each direct quotation, split quotes joined."""
        results = []
        for i, q in enumerate(spans):
            if i in consumed:
                continue
            label = speaker_label(self.text[q.start - 1:q.end] if q.open_mark else self.text[q.start:q.end])
            if label and not self._label_is_stopword(label):
                offset = self.text.find(label, q.start - 1)
                colon = self.text.find(":", offset + len(label))
                content_start, content_end = self._trim(colon + 1, q.end)
                results.append([content_start, q, None, None, (label, offset), [(content_start, content_end)],
                                content_end])
                continue
            signature = self._dash_signature(q)
            if signature is not None:
                content_start, content_end = self._trim(q.start, q.end)
                results.append([content_start, q, None, None, signature, [(content_start, content_end)], content_end])
                continue
            cue, window = self.direct_cue(q, spans)
            if cue is None and i in self.cue_of_filled_clause:
                cue = self.cue_of_filled_clause[i]
            start, end = self._trim(q.start, q.end)
            answered = cue is not None and cue.idx >= q.end and re.search(r"[,?!]\s*$", self.text[q.start:q.end]) \
                and self._opens_sentence(q)
            if end <= start or (not answered and self._is_title(start, end)):
                continue  # “Okay,” I said: a reporting clause after it makes even one capitalised word speech
            if results and (self._same_cue(results[-1], cue) or self._runs_on(results[-1], q, cue)):
                results[-1][5].append((start, end))
                results[-1][6] = end
                continue
            results.append([start, q, cue, window, None, [(start, end)], end])
        return results

    def _opens_sentence(self, q: QuoteSpan) -> bool:
        lead = self._sentence_lead(q)
        return lead is not None and self._opens_clause(lead)

    def _sentence_lead(self, q: QuoteSpan):
        """The words (no punctuation) before a quotation in its sentence; None for a quotation with no tokens."""
        inside = self._tokens(q.start, q.end)
        if not len(inside):
            return None
        first = inside[0]
        return [t for t in self.doc[first.sent.start:first.i] if not (t.is_punct or t.is_space)]

    def _is_title(self, start: int, end: int) -> bool:
        """“Morning Joe”, “The Art of the Deal”: a short run of capitalised words is a title, not speech."""
        words = self.text[start:end].split()
        if not 1 <= len(words) <= 6 or re.search(r"[.!?,;:]$", self.text[start:end]):
            return False
        if re.search(r"[a-z]{2,}[.!?] [A-Z]", self.text[start:end]):
            return False  # “Like Oakland. Or Ferguson,”: two sentences are speech, not a title
        small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "from", "&"}
        capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
        return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words) \
            and len(capitalised) >= max(1, len(words) - 2)

    def _dash_signature(self, q: QuoteSpan) -> tuple[str, int] | None:
        """“...” ― Pamela Padilla: a name after a dash closing the paragraph, or alone in the next, signs it."""
        para = self.paras[self._para_of(q.start)]
        match = DASH_SIGNATURE.match(self.text[q.end:para.end])
        if match is not None:
            return match.group(1), q.end + match.start(1)
        index = self._para_of(q.start)
        whole_paragraph = not self.text[para.start:q.start].strip(" “\"‘«'") and not self.text[q.end:para.end].strip(
            " ”\"’»'")
        if q.closed and whole_paragraph and index + 1 < len(self.paras):
            following = self.paras[index + 1]
            match = SIGNATURE_PARAGRAPH.match(following.text)
            if match is not None:
                return match.group(1), following.start + match.start(1)
        return None

    @staticmethod
    def _same_cue(previous, cue) -> bool:
        """“A,” X said, “B.”: both sides of one cue."""
        return cue is not None and previous[2] is not None and previous[2].i == cue.i

    def _runs_on(self, previous, q: QuoteSpan, cue) -> bool:
        """“A,” X said. “B.”: a quotation with no cue of its own right after a cued one goes on with it."""
        previous_cue, previous_q = previous[2], previous[1]
        if cue is not None or previous_cue is None or previous[4] is not None or previous_cue.lower_ == "according":
            return False
        if self._para_of(previous_q.start) != self._para_of(q.start):
            return False
        if previous_cue.idx < previous_q.start:
            # X warned that “A” because “B”: a second quoted piece of the cue's own sentence reports the same words
            return q.start < previous_cue.sent.end_char
        if not previous_q.end <= previous_cue.idx < q.start:
            return False
        between = self._tokens(previous_cue.idx, q.start)
        if any(t.text == ";" for t in between):
            return False
        opening = self._tokens(q.start, q.end)
        if len(opening) and opening[0].sent.start > previous_cue.i and self._fragment_subject(q)[0] is not None:
            return False  # the next sentence has a subject of its own: 'Mike Huckabee is labeling it “...”'
        # a long description of the speaker ("said X, who declined to be named ...") is still the cue's sentence
        words = [t for t in between if not (t.is_punct or t.is_space)]
        return len(between) <= 15 or (len(between) <= 40 and bool(words) and words[-1].i < previous_cue.sent.end)

    def _emit_direct(self, item):
        start, q, cue, window, label, parts, end = item
        text_words = len(self.text[start:end].split())
        if label is not None and q.open_mark and self.text[q.end:label[1]].strip(" ”\"’»'"):
            speaker = self.speaker_label_speaker(*label, keep_case=True)
            self._emit("direct", start, end, speaker, "―", None, "dash-signature", parts, None)
            return
        if label is not None:
            speaker = self.speaker_label_speaker(*label)
            self._emit("direct", start, end, speaker, ":", None, "speaker-label", parts, None)
            return
        if cue is not None:
            if cue.lower_ == "according":
                objects = [c for c in cue.subtree if c.dep_ == "pobj"]
                token = objects[0] if objects else None
                speaker, sieve = self.speaker_from_token(token, start, self.quotations)
                self._emit("direct", start, end, speaker, "according to", None, f"direct-according/{sieve}", parts, cue)
                return
            subject = self._outside(q, self.subject_of(cue))
            if subject is None and cue.tag_ == "VBG" and not q.start <= cue.sent.root.idx < q.end:
                # 'Clinton seemed ready to riff on it, telling the crowd, “...”': the participle's subject is the
                # sentence's, wherever the parser hung the participle
                subject = self._outside(q, self.subject_of(cue.sent.root))
            sieve_prefix = "direct-cue"
            if subject is None:
                subject = self._adjacent_mention(window)
                sieve_prefix = "direct-adjacent"
            speaker, sieve = self.speaker_from_token(subject, start, self.quotations)
            kind, start, parts = self._with_unquoted_lead(q, cue, start, parts)
            if kind == "direct":
                kind, start, parts = self._with_reported_lead(q, cue, start, parts)
            self._emit(kind, start, end, speaker, self._cue_text(cue), self.addressee_of(cue),
                       f"{sieve_prefix}/{sieve}", parts, cue)
            return
        for named, rule in ((self._named_before_colon(window), "colon-name"),
                            (self._source_before_colon(window[0] if window else None), "colon-subject")):
            speaker, sieve = self.speaker_from_token(named, start, self.quotations)
            if speaker is not None:
                self._emit("direct", start, end, speaker, ":", None, f"{rule}/{sieve}", parts, None)
                return
        if not self._looks_like_speech(q, start, end, text_words):
            return
        speaker, rule, verb = self._fragment_source(q, start)
        if speaker is not None:
            self._emit("direct", start, end, speaker, verb.text, None, rule, parts, verb)
            return
        speaker, rule, verb = self._introduced_by_previous_sentence(q, start)
        if speaker is not None:
            self._emit("direct", start, end, speaker, self._cue_text(verb), self.addressee_of(verb), rule, parts, verb)
            return
        speaker, rule = self._continuation(q, start)
        if speaker is None and text_words < 6:
            return
        cue_text = addressee = None
        previous = self.quotations[-1] if self.quotations else None
        if rule == "continuation" and previous is not None and self._para_of(previous.start) == self._para_of(start):
            cue_text, addressee = previous.cue, previous.addressee
        self._emit("direct", start, end, speaker, cue_text, addressee, rule, parts, None)

    def _with_reported_lead(self, q: QuoteSpan, cue, start: int, parts):
        """'Obama admits the 2011 military action against Libya “didn’t work,”': the cue reports the unquoted words
        between it and the quotation as well (mixed)."""
        if cue.idx > q.start or len(parts) > 1 or cue.lower_ == "according" or not is_speech_verb(cue):
            return "direct", start, parts  # 'describing the talks as “very encouraging”': the talks are not said
        skipped = {cue.i} | {t.i for c in cue.children if c.dep_ in ("dative", "prt", "advmod", "npadvmod")
                             or (c.dep_ == "dobj" and lemma_of(cue) in ADDRESSEE_OBJECT_VERBS) or c.dep_ == "prep"
                             and c.i < q.start for t in c.subtree}
        between = [t for t in self._tokens(cue.idx, q.start) if t.i not in skipped and not (t.is_punct or t.is_space)]
        if between and between[0].lower_ == "that":
            between = between[1:]
        if len(between) < 2 or any((t.pos_ in ("VERB", "AUX") and is_speech_verb(t)) or t.lower_ == "as" for t in between):
            return "direct", start, parts
        lead_start = between[0].idx
        return "mixed", lead_start, [(lead_start, parts[0][1])]

    @staticmethod
    def _outside(q: QuoteSpan, token):
        return None if token is None or q.start <= token.idx < q.end else token

    def _with_unquoted_lead(self, q: QuoteSpan, cue, start: int, parts):
        """'Nothing the president said “will assuage people's fears,” Rubio said': the reporting clause after the
        quotation reports the whole sentence, the unquoted words that lead into the quotation too (mixed)."""
        lead = self._sentence_lead(q)
        if cue.idx < q.end or lead is None or len(parts) > 1:
            return "direct", start, parts
        lead = [t for t in lead if t.idx >= self.paras[self._para_of(q.start)].start]
        if self._opens_clause(lead) or any(self._is_quoted(t, [s for s in self.spans if s is not q]) for t in lead):
            return "direct", start, parts
        return "mixed", lead[0].idx, [(lead[0].idx, parts[0][1])]

    @staticmethod
    def _named_before_colon(window):
        """More from Jones: “...” / From the report: “...”: a name or a document right before the colon."""
        if len(window) < 2 or window[0].text != ":":
            return None
        token = window[1]
        if token.ent_type_ in ("PERSON", "ORG"):
            return token
        if token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS and any(
                c.dep_ in ("det", "poss") for c in token.children):
            return token
        return None

    def _source_before_colon(self, colon):
        """'President Clinton released the following statement: “...”', 'Article 33 affirms: “...”': with no speech
        verb, the subject of the clause a colon ends introduces the quotation after it."""
        if colon is None or colon.text != ":" or colon.i == 0:
            return None
        verbs = [t for t in [colon.nbor(-1), *colon.nbor(-1).ancestors] if t.i < colon.i and t.pos_ in ("VERB", "AUX")]
        for verb in verbs:
            source = self._source_subject(verb)
            if source is not None:
                return source
        return None

    def _source_subject(self, verb):
        """The subject of verb when it can be a source: a name, a personal pronoun, a person or a document."""
        subject = self.subject_of(verb)
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

    def _adjacent_mention(self, window):
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

    def _looks_like_speech(self, q: QuoteSpan, start: int, end: int, words: int) -> bool:
        """A whole sentence in quotation marks, not a scare-quoted term or a title."""
        if q.paragraphs > 1 or words >= 8:
            return True
        para = self.paras[self._para_of(q.start)]
        opens_paragraph = q.start - 1 <= para.start
        has_sentence_end = bool(re.search(r"[.!?…]$", self.text[start:end].rstrip("”\"’")))
        return words >= MIN_SPEECH_WORDS and (opens_paragraph or has_sentence_end)

    def _fragment_subject(self, q: QuoteSpan):
        """'Moore thanked him for “stepping up when Congress won’t”': a quoted piece of a sentence with no cue is
        the words of the subject of the verb it hangs on. That subject and verb, or (None, None)."""
        lead = self._sentence_lead(q)
        if lead is None or len(lead) < 2 or lead[0].idx < self.paras[self._para_of(q.start)].start:
            return None, None
        inside = self._tokens(q.start, q.end)
        verbs = [t for t in inside.root.ancestors if t.i < inside[0].i and t.pos_ in ("VERB", "AUX")]
        source = self._source_subject(verbs[0]) if verbs else None
        return (source, verbs[0]) if source is not None else (None, None)

    def _fragment_source(self, q: QuoteSpan, start: int):
        source, verb = self._fragment_subject(q)
        if source is None:
            return None, "unattributed", None
        speaker, sieve = self.speaker_from_token(source, start, self.quotations)
        return speaker, f"fragment-subject/{sieve}", verb

    def _introduced_by_previous_sentence(self, q: QuoteSpan, start: int):
        """'Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”': a sentence that only says
        someone spoke, with nothing quoted or reported in it, introduces the quotation right after it."""
        lead = self._sentence_lead(q)
        if lead is None or lead:
            return None, "unattributed", None
        sentence_start = self._tokens(q.start, q.end)[0].sent.start
        if sentence_start == 0:
            return None, "unattributed", None
        previous = self.doc[sentence_start - 1].sent
        para_index = self._para_of(q.start)
        same_para = self._para_of(previous.start_char) == para_index
        opens_para = not self.text[self.paras[para_index].start:q.start].strip(" \n\"“«‘'")
        if not (same_para or (opens_para and self._para_of(previous.start_char) == para_index - 1)):
            return None, "unattributed", None
        if any(mark in previous.text for mark in "“”\"«»"):
            return None, "unattributed", None
        for verb in previous:
            if not is_speech_verb(verb, direct=True) or any(
                    c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i for c in verb.children):
                continue
            source = self._source_subject(verb)
            if source is not None:
                speaker, sieve = self.speaker_from_token(source, start, self.quotations)
                if speaker is not None:
                    return speaker, f"previous-sentence/{sieve}", verb
        return None, "unattributed", None

    def _continuation(self, q: QuoteSpan, start: int) -> tuple[Speaker | None, str]:
        """No cue next to it: the same speaker as the quotation just before, in this or the last paragraph."""
        para_index = self._para_of(q.start)
        introduced = self._introduced_by_previous_paragraph(para_index, start)
        if introduced[0] is not None:
            return introduced
        for previous in reversed(self.quotations):
            if previous.speaker is None or previous.speaker.name is None:
                continue
            previous_para = self._para_of(previous.start)
            if previous_para is None or para_index is None or para_index - previous_para > 1:
                break
            speaker = previous.speaker
            return Speaker(speaker.name, speaker.mention, speaker.start, speaker.end, speaker.kind,
                           speaker.role, speaker.affiliation), "continuation"
        return None, "unattributed"

    def _introduced_by_previous_paragraph(self, para_index, start: int) -> tuple[Speaker | None, str]:
        """'Stone said:' or 'Donald Trump issued the following statement:' ending the paragraph before."""
        if not para_index or not self.paras[para_index - 1].text.rstrip().endswith(":"):
            return None, "unattributed"
        prior = self.paras[para_index - 1]
        tokens = self._tokens(prior.start, prior.end)
        colons = [t for t in tokens if t.text == ":"]
        cue = self._window_cue(colons[-1].sent) if colons else None
        source = self.subject_of(cue) if cue is not None else self._source_before_colon(colons[-1] if colons else None)
        speaker, sieve = self.speaker_from_token(source, start, self.quotations)
        return speaker, f"colon-previous-paragraph/{sieve}"

    def _emit(self, kind, start, end, speaker, cue, addressee, rule, parts, cue_token):
        if end <= start:
            return
        confidence = _confidence(rule, speaker)
        cue_start = cue_token.idx if cue_token is not None else None
        cue_end = cue_token.idx + len(cue_token) if cue_token is not None else None
        self.quotations.append(Quotation(kind, self.text[start:end], start, end, speaker, cue, addressee,
                                         confidence, rule, list(parts) if len(parts) > 1 else [],
                                         cue_start, cue_end))


def _after_that(clause) -> int:
    """Where a reported clause's words start: after its complementiser 'that', which is the cue's, not the speaker's."""
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ in ("mark", "advmod"):
        return first.idx + len(first)
    return first.idx


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


def attribute(doc, skip_spans=()) -> list[Quotation]:
    return Attributor(doc, skip_spans).run()
