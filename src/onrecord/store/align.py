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
        if key != CUT and len(key) > 1 and key not in STOPWORDS and key not in seen:
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
    or with words changed (the word diff shows which)."""
    cuts_at = {i - n for n, i in enumerate(i for i, k in enumerate(claim.keys) if k == CUT)}
    kept = [i for i, k in enumerate(claim.keys) if k != CUT]
    said = Words(claim.text, [claim.keys[i] for i in kept], [claim.spans[i] for i in kept])
    claim_keys = said.keys
    if not claim_keys or not record.keys:
        return Alignment("none", 0.0)
    claim_keys, typos = _correct_typos(claim_keys, record.keys)
    operations = list(Levenshtein.opcodes(record.keys, claim_keys))
    # record words before the claim's first word and after its last are not quoted, not cut
    while operations and operations[0].tag == "delete":
        operations.pop(0)
    while operations and operations[-1].tag == "delete":
        operations.pop()
    matched = sum(op.src_end - op.src_start for op in operations if op.tag == "equal")
    changed = any(op.tag in ("replace", "insert") for op in operations)
    cut = any(op.tag == "delete" for op in operations)
    score = round(matched / len(claim_keys), 3)
    diff = [_diff_entry(op, record, said) for op in operations]
    marked = cut and all(op.dest_start in cuts_at for op in operations if op.tag == "delete")
    if not changed and not _spliced(operations, len(claim_keys)):
        return Alignment("shortened" if cut else "verbatim", score, diff, marked, typos)
    if score >= ALTERED_MIN_SCORE and matched >= MIN_WORDS_ON_RECORD:
        return Alignment("altered", score, diff, False, typos)
    return Alignment("none", score, diff)


def _spliced(operations, claim_length: int) -> bool:
    """Words picked from all over a long statement, in order, are a new sentence, not a shortened quote:
    too many cuts for the claim's length, or kept runs of a single word."""
    cuts = sum(1 for op in operations if op.tag == "delete")
    runs = [op.src_end - op.src_start for op in operations if op.tag == "equal"]
    return cuts > max(2, claim_length // 5) or (cuts > 0 and min(runs) < 2)


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
