"""Word-level alignment of a claimed quotation against a stored one, and the verdict it supports.

rapidfuzz does the scoring (word-sequence edit operations, character similarity for typos); this module
only reads its operations: which claim words are on record, which record words were left out, which
were changed. No database here: store/check.py brings the candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from onrecord.store.keys import fold

CUT = "\u2026"
"""The token an ellipsis in the claim becomes: the claimant says words were left out there."""

TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|\.\s?\.\s?\.|\u2026")
"""A word keeps its apostrophes ('administration’s', "don't"), so a claim typed without them still matches."""
APOSTROPHES = re.compile(r"['\u2019]")
QUOTE_MARKS = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")

TYPO_MIN_LENGTH = 4
TYPO_SIMILARITY = 80
"""A claim word of four letters or more within this character similarity (0-100) of a record word is a
typo of it ('ceasfire' for 'ceasefire'), not a changed word."""

ALTERED_MIN_SCORE = 0.6
PARAPHRASE_MIN_SCORE = 0.6
MIN_WORDS_ON_RECORD = 3
"""Fewer claim words than this on record, or under these shares, and the record is not a match."""
ALTERED_MIN_MEANING_SHARE = 0.5
MIN_MEANING_ON_RECORD = 2
"""... and of the claim's meaning words (not 'we', 'the', 'said'), at least this share and this many: words
like 'we will ... the ... now' agreeing while every word that carries meaning differs is no match."""
ALTERED_MAX_STRETCH = 2
"""Changed words are read in a compact stretch of the record, at most this many times the claim's length: words
changed and others picked from far apart are a new sentence."""
CLOSENESS = {"verbatim": 3, "shortened": 2, "altered": 1, "paraphrase": 0, "none": -1}

STOPWORDS = frozenset("""a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves s t ll re ve d m
said says say""".split())


@dataclass
class Words:
    """A text as comparable words (folded: case, accents, apostrophes and quotation marks gone), with
    where each word is in the text, so a diff can quote the text as written."""

    text: str
    keys: list[str]
    spans: list[tuple[int, int]]

    def quote(self, start: int, end: int) -> str:
        """The text as written from word start to word end (end excluded)."""
        if start >= end:
            return ""
        return self.text[self.spans[start][0]:self.spans[end - 1][1]]


def words(text: str) -> Words:
    keys, spans = [], []
    for match in TOKEN.finditer(text):
        token = match.group()
        keys.append(CUT if token == CUT or token.startswith(".") else APOSTROPHES.sub("", fold(token)))
        spans.append(match.span())
    return Words(text, keys, spans)


def search_words(text: str) -> list[str]:
    """The claim's meaning words as the full-text index splits them ('administration’s' is two there)."""
    return content_words(re.findall(r"\w+", fold(text)))


def content_words(keys: list[str]) -> list[str]:
    """The words that carry meaning, in order, once each: what full-text search looks for."""
    seen, result = set(), []
    for key in keys:
        if _carries_meaning(key) and key not in seen:
            seen.add(key)
            result.append(key)
    return result


def spoken_text(kind: str, text: str, start: int, parts: list[dict]) -> list[str]:
    """The pieces of a stored record that are someone's own words: a split quotation's parts (not the
    reporting clause between them), a mixed record's quoted fragments, a direct record's whole text."""
    if kind == "direct":
        if parts:
            return [text[p["start"] - start:p["end"] - start] for p in parts]
        return [text]
    if kind == "mixed":
        pieces = QUOTE_MARKS.split(text)
        return [piece for piece in pieces[1::2] if piece.strip()]
    return []


@dataclass
class Alignment:
    wording: str  # verbatim | shortened | altered | paraphrase | none
    score: float
    diff: list[dict] = field(default_factory=list)
    cut_marked: bool = False
    typos: list[dict] = field(default_factory=list)


def _correct_typos(claim: list[str], record: list[str]) -> tuple[list[str], list[dict]]:
    """Claim words missing from the record replaced by the record word they misspell, if any; the
    corrections are listed, so the answer shows them."""
    vocabulary = set(record)
    corrected, typos = [], []
    for key in claim:
        if key in vocabulary or key == CUT or len(key) < TYPO_MIN_LENGTH:
            corrected.append(key)
            continue
        best = process.extractOne(key, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY)
        corrected.append(best[0] if best else key)
        if best:
            typos.append({"claim": key, "record": best[0]})
    return corrected, typos


def align(claim: Words, record: Words) -> Alignment:
    """How the claim's words stand against one stored text: on record as they are, with words left out,
    or with words changed (the word diff shows which), or not at all."""
    cuts_at = {i - n for n, i in enumerate(i for i, k in enumerate(claim.keys) if k == CUT)}
    kept = [i for i, k in enumerate(claim.keys) if k != CUT]
    said = Words(claim.text, [claim.keys[i] for i in kept], [claim.spans[i] for i in kept])
    if not said.keys or not record.keys:
        return Alignment("none", 0.0)
    claim_keys, typos = _correct_typos(said.keys, record.keys)
    # Levenshtein charges a left-out record word the same wherever it is, so over a whole statement it may
    # pick its words from all over; the record stretch most like the claim is read as well, and the better kept
    readings = [_tightened(_steps(record.keys, claim_keys), record.keys)]
    if len(record.keys) > len(claim_keys):
        readings.append(_tightened(_best_stretch(record.keys, claim_keys), record.keys))
    best = Alignment("none", 0.0)
    for steps in readings:
        found = _judge(steps, claim_keys, record, said, cuts_at, typos)
        if _strength(found) > _strength(best):
            best = found
    return best


@dataclass(frozen=True)
class Step:
    """One edit operation from record words [src_start, src_end) to claim words [dest_start, dest_end)."""

    tag: str  # equal | delete (record words left out) | insert (claim words added) | replace
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _steps(record_keys: list[str], claim_keys: list[str], offset: int = 0) -> list[Step]:
    return [Step(op.tag, op.src_start + offset, op.src_end + offset, op.dest_start, op.dest_end)
            for op in Levenshtein.opcodes(record_keys, claim_keys)]


def _best_stretch(record_keys: list[str], claim_keys: list[str]) -> list[Step]:
    """The claim against the stretch of the record most like it (rapidfuzz's partial ratio, a window the
    claim's length), widened by as many words as the claim may leave out."""
    window = fuzz.partial_ratio_alignment(claim_keys, record_keys)
    slack = _most_cuts(len(claim_keys))
    start, end = max(0, window.dest_start - slack), min(len(record_keys), window.dest_end + slack)
    return _steps(record_keys[start:end], claim_keys, start)


def _tightened(steps: list[Step], record_keys: list[str]) -> list[Step]:
    """Record words before the claim's first word and after its last are not quoted, not cut; and a first
    (last) run of words that the record says again right before (after) the rest of the match is read
    there: 'We [-...and we-] will not leave' is 'we will not leave'."""
    steps = list(steps)
    while steps and steps[0].tag == "delete":
        steps.pop(0)
    while steps and steps[-1].tag == "delete":
        steps.pop()
    steps = _edge_changes_narrowed(steps)
    while len(steps) >= 3 and steps[0].tag == "equal" and steps[1].tag == "delete":
        run, gap = steps[0], steps[1]
        moved = Step("equal", gap.src_end - (run.src_end - run.src_start), gap.src_end, run.dest_start, run.dest_end)
        if record_keys[moved.src_start:moved.src_end] != record_keys[run.src_start:run.src_end]:
            break
        steps = _merged([moved] + steps[2:])
    while len(steps) >= 3 and steps[-1].tag == "equal" and steps[-2].tag == "delete":
        run, gap = steps[-1], steps[-2]
        moved = Step("equal", gap.src_start, gap.src_start + (run.src_end - run.src_start), run.dest_start,
                     run.dest_end)
        if record_keys[moved.src_start:moved.src_end] != record_keys[run.src_start:run.src_end]:
            break
        steps = _merged(steps[:-2] + [moved])
    return steps


def _edge_changes_narrowed(steps: list[Step]) -> list[Step]:
    """Claim words changed before the first word on record (after the last) stand for as many record words
    next to it: 'is shrinking. If you' changed to 'We won't' is 'If you' changed, the rest not quoted."""
    runs = [i for i, step in enumerate(steps) if step.tag == "equal"]
    if not runs:
        return steps
    first, last = steps[runs[0]], steps[runs[-1]]
    head, tail = steps[:runs[0]], steps[runs[-1] + 1:]
    if head and head[0].src_start < first.src_start - first.dest_start:
        head = [Step("replace", first.src_start - first.dest_start, first.src_start, 0, first.dest_start)]
    claim_after = sum(step.dest_end - step.dest_start for step in tail)
    if tail and tail[-1].src_end > last.src_end + claim_after:
        tail = [Step("replace", last.src_end, last.src_end + claim_after, last.dest_end, last.dest_end + claim_after)]
    return head + steps[runs[0]:runs[-1] + 1] + tail


def _merged(steps: list[Step]) -> list[Step]:
    """Neighbouring equal runs as one."""
    result: list[Step] = []
    for step in steps:
        if result and step.tag == "equal" == result[-1].tag:
            result[-1] = Step("equal", result[-1].src_start, step.src_end, result[-1].dest_start, step.dest_end)
        else:
            result.append(step)
    return result


def _judge(steps: list[Step], claim_keys: list[str], record: Words, said: Words, cuts_at: set[int],
           typos: list[dict]) -> Alignment:
    matched = sum(step.src_end - step.src_start for step in steps if step.tag == "equal")
    score = round(matched / len(claim_keys), 3)
    diff = [_diff_entry(step, record, said) for step in steps]
    meaning = [_carries_meaning(key) for key in claim_keys]
    meaning_matched = sum(sum(meaning[s.dest_start:s.dest_end]) for s in steps if s.tag == "equal")
    if not meaning_matched or _scattered(steps, claim_keys):
        return Alignment("none", score, diff)
    cut = any(step.tag == "delete" for step in steps)
    if not any(step.tag in ("replace", "insert") for step in steps):
        marked = cut and all(step.dest_start in cuts_at for step in steps if step.tag == "delete")
        return Alignment("shortened" if cut else "verbatim", score, diff, marked, typos)
    stretch = steps[-1].src_end - steps[0].src_start
    if score >= ALTERED_MIN_SCORE and matched >= MIN_WORDS_ON_RECORD and meaning_matched >= MIN_MEANING_ON_RECORD \
            and meaning_matched >= ALTERED_MIN_MEANING_SHARE * sum(meaning) \
            and stretch <= ALTERED_MAX_STRETCH * len(claim_keys):
        return Alignment("altered", score, diff, False, typos)
    return Alignment("none", score, diff)


def _scattered(steps: list[Step], claim_keys: list[str]) -> bool:
    """Words picked from all over a statement, in order, are a new sentence, not a quotation shortened or
    altered: more cuts than the claim's length allows, or a cut beside a run of words that cannot anchor
    it (a single word, or only words like 'of the')."""
    pieces: list[list[Step]] = []
    for step in steps:
        if pieces and (step.tag == "equal") == (pieces[-1][0].tag == "equal"):
            pieces[-1].append(step)
        else:
            pieces.append([step])
    cuts = [i for i, piece in enumerate(pieces) if 0 < i < len(pieces) - 1 and piece[0].tag != "equal"
            and sum(s.src_end - s.src_start for s in piece) > sum(s.dest_end - s.dest_start for s in piece)]
    if len(cuts) > _most_cuts(len(claim_keys)):
        return True
    return any(not _anchors(claim_keys[pieces[j][0].dest_start:pieces[j][-1].dest_end])
               for i in cuts for j in (i - 1, i + 1))


def _most_cuts(claim_length: int) -> int:
    return max(2, claim_length // 5)


def _anchors(run: list[str]) -> bool:
    return len(run) >= 2 and any(_carries_meaning(key) for key in run)


def _carries_meaning(key: str) -> bool:
    return key != CUT and len(key) > 1 and key not in STOPWORDS


def _strength(found: Alignment) -> tuple:
    """A match before none; then more of the claim on record; then the closer wording."""
    return found.wording != "none", found.score, CLOSENESS[found.wording]


def _diff_entry(op, record: Words, claim: Words) -> dict:
    on_record = record.quote(op.src_start, op.src_end)
    claimed = claim.quote(op.dest_start, op.dest_end)
    if op.tag == "equal":
        return {"op": "equal", "text": claimed}
    if op.tag == "delete":
        return {"op": "left-out", "record": on_record}
    if op.tag == "insert":
        return {"op": "added", "claim": claimed}
    return {"op": "changed", "record": on_record, "claim": claimed}


def align_best(claim: Words, pieces: list[str]) -> Alignment:
    """The claim against a record's spoken pieces, one by one and joined (a claim may run across the
    reporting clause of a split quotation)."""
    candidates = pieces + ([" ".join(pieces)] if len(pieces) > 1 else [])
    best = Alignment("none", 0.0)
    for piece in candidates:
        found = align(claim, words(piece))
        if (found.wording != "none", found.score) > (best.wording != "none", best.score):
            best = found
    return best


def paraphrase(claim: Words, text: str) -> Alignment:
    """A claim against reported (indirect) speech: the share of its meaning words found there."""
    wanted = content_words(claim.keys)
    if not wanted:
        return Alignment("none", 0.0)
    present = content_words(words(text).keys)
    found, typos = _correct_typos(wanted, present)
    present = set(present)
    hits = sum(1 for key in found if key in present)
    score = round(hits / len(wanted), 3)
    if score >= PARAPHRASE_MIN_SCORE and hits >= MIN_WORDS_ON_RECORD:
        return Alignment("paraphrase", score, typos=typos)
    return Alignment("none", score)
