"""Quote check: is a claimed quotation on record, as it is or altered, from whom, first where, and where else?

Candidates come from the archive's full-text index (SQLite FTS5, PostgreSQL tsvector); each is aligned word by
word against the claim (store/align.py); the best alignment per statement is one match, and the statement's
appearances give the earliest source and every outlet that carried it.
"""
from __future__ import annotations

import json
import re
from itertools import combinations

from rapidfuzz import process
from rapidfuzz.distance import LCSseq
from sqlalchemy import and_, select, text

from onrecord.store.align import CUT, Alignment, align_best, paraphrase, search_words, spoken_text, words
from onrecord.store.keys import name_key
from onrecord.store.fulltext import WordMatch
from onrecord.store.queries import SHOWN, record_columns, speaker_ids, statement_appearances, to_record
from onrecord.store.schema import documents, quotations

WORDING_RANK = {"verbatim": 0, "shortened": 1, "altered": 2, "paraphrase": 3}

SEARCH_WORDS = 7
"""The rarest meaning words of the claim that full-text search looks for ..."""
WORDS_MAY_DIFFER = 2
"""... of which this many may be missing from a candidate (changed words, typos that are words)."""
CANDIDATE_POOL = 5000
"""Full-text matches read per round, unranked (cheap) ..."""
CANDIDATES = 100
"""... of which the most similar are aligned word by word."""
MAX_CLAIM_CHARS = 5000
WORD = re.compile(r"\w+")


class ClaimError(ValueError):
    """A claim that cannot be checked (empty, no words, too long); the message is one line."""


def check(connection, claim: str, speaker: str | None = None, limit: int = 5) -> dict:
    """The answer to 'did SPEAKER say CLAIM?': the verdict and the matches, best first."""
    claim_words = _claim_words(claim)
    claimed = _ClaimedSpeaker(connection, speaker) if speaker and speaker.strip() else None
    scored, seen = [], set()
    for ids in candidate_rounds(connection, search_words(claim)):
        fresh = shortlist(connection, claim, [i for i in ids if i not in seen])
        seen.update(fresh)
        scored = _rank(scored + _score(claim_words, _candidate_rows(connection, fresh)), claimed)
        if any(found.wording in ("verbatim", "shortened") and (claimed is None or claimed.agrees(
                row.speaker_id, row.speaker_name) is not False) for row, found in scored):
            break  # on record as said, by whom the claim says: a looser search can only add weaker matches
    matches = [_match(connection, row, found, claimed) for row, found in _best_per_statement(scored)[:limit]]
    if not matches:
        matches = [{"verdict": "not-found", "wording": None, "score": 0.0, "speaker_agrees": None, "diff": [],
                    "cut_marked": False, "typos": [], "quotation": None, "earliest": None, "outlets": []}]
    return {"claim": claim, "speaker": speaker or None, "verdict": matches[0]["verdict"], "matches": matches}


def _claim_words(claim: str):
    if not claim or not claim.strip():
        raise ClaimError("the claim is empty: give the words to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise ClaimError(f"the claim is longer than {MAX_CLAIM_CHARS} characters: check one statement at a time")
    claim_words = words(claim)
    if not [k for k in claim_words.keys if k != CUT]:
        raise ClaimError("the claim has no words to check")
    return claim_words


# -- candidates from full-text search ------------------------------------------------------------
def candidate_rounds(connection, wanted: list[str]):
    """Ids of stored quotations with the claim's rarest words, in rounds from strict to loose: all of them
    (cheap, and enough for words quoted as said), then all but WORDS_MAY_DIFFER (changed words), then,
    when neither found anything, any one (reported speech in other words)."""
    if not wanted:
        return
    if connection.dialect.name == "sqlite":
        chosen = _sqlite_rarest(connection, wanted)
    else:
        # PostgreSQL keeps no cheap word frequencies: longer words stand in for rarer ones
        chosen = sorted(wanted, key=len, reverse=True)[:SEARCH_WORDS]
    if not chosen:
        return

    def holding(need: int) -> list[int]:
        groups = [" ".join(group) for group in combinations(chosen, need)]
        # no ranking: bm25 or ts_rank over an OR of many groups costs more than the shortlist below
        return WordMatch(connection.dialect.name, groups, text_only=True).ids(connection, CANDIDATE_POOL)

    found = False
    for need in sorted({len(chosen), _relaxed(len(chosen))}, reverse=True):
        ids = holding(need)
        found = found or bool(ids)
        yield ids
    if not found and _relaxed(len(chosen)) > 1:
        yield holding(1)


def _relaxed(count: int) -> int:
    """How many of the chosen words a candidate with changed words still holds."""
    return max(1, count - WORDS_MAY_DIFFER) if count > 3 else max(1, count - 1)


def _sqlite_rarest(connection, wanted: list[str]) -> list[str]:
    """The claim's words that the index holds, rarest first; a word it does not hold is a typo or simply
    not on record, and would make every AND fail."""
    marks = ", ".join(f":w{i}" for i in range(len(wanted)))
    rows = connection.execute(
        text(f"SELECT term, doc FROM quotations_fts_vocab WHERE col = 'text' AND term IN ({marks})"),
        {f"w{i}": w for i, w in enumerate(wanted)}).all()
    frequency = dict(rows)
    known = [w for w in wanted if frequency.get(w)]
    return sorted(known, key=lambda w: frequency[w])[:SEARCH_WORDS]


def shortlist(connection, claim: str, ids: list[int]) -> list[int]:
    """The CANDIDATES that hold the most of the claim's words in order (rapidfuzz's LCS on words), when
    full-text search found more than the aligner should read."""
    if len(ids) <= CANDIDATES:
        return ids
    texts = {}
    for start in range(0, len(ids), 2000):
        texts.update(connection.execute(select(quotations.c.id, quotations.c.text)
                                        .where(and_(quotations.c.id.in_(ids[start:start + 2000]), SHOWN))).all())
    wanted = _plain_words(claim)
    best = process.extract(wanted, texts, scorer=LCSseq.similarity, processor=_plain_words, limit=CANDIDATES)
    return [key for _, _, key in best]


def _plain_words(text_value) -> list[str]:
    """Lower-case words, quickly: the shortlist counts the claim's words found in order (LCS), nothing finer."""
    return WORD.findall(text_value.lower()) if isinstance(text_value, str) else text_value


# -- scoring -----------------------------------------------------------------------------------
def _candidate_rows(connection, ids: list[int]) -> list:
    # a quotation a later version of its story corrected away is no longer on record (search hides it too)
    if not ids:
        return []
    return connection.execute(select(*record_columns())
                              .select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
                              .where(and_(quotations.c.id.in_(ids), SHOWN))).all()


def _score(claim_words, rows) -> list[tuple[object, Alignment]]:
    scored = []
    for row in rows:
        pieces = spoken_text(row.kind, row.text, row.start, json.loads(row.parts or "[]"))
        found = align_best(claim_words, pieces) if pieces else Alignment("none", 0.0)
        if found.wording == "none" and row.kind in ("indirect", "mixed"):
            found = paraphrase(claim_words, row.text)
        if found.wording != "none":
            scored.append((row, found))
    return scored


def _rank(scored: list, claimed: _ClaimedSpeaker | None) -> list:
    """Best first: more of the claim on record; then, at the same score, the claimed speaker's words before
    anyone else's; then closer wording; then the earlier."""
    def key(pair):
        row, found = pair
        other = claimed is not None and claimed.agrees(row.speaker_id, row.speaker_name) is False
        return -found.score, other, WORDING_RANK[found.wording], row.date, row.id
    return sorted(scored, key=key)


def _best_per_statement(scored: list) -> list:
    """The same words in many outlets are one statement: one match, the outlets listed with it."""
    seen, best = set(), []
    for row, found in scored:
        key = row.statement_id if row.statement_id is not None else ("quotation", row.id)
        if key not in seen:
            seen.add(key)
            best.append((row, found))
    return best


class _ClaimedSpeaker:
    """The person the claim is attributed to, as the archive knows them (any alias)."""

    def __init__(self, connection, name: str):
        self.ids = set(speaker_ids(connection, name))
        self.key = name_key(name)

    def agrees(self, speaker_id, speaker_name) -> bool | None:
        if speaker_id is not None:
            return speaker_id in self.ids
        if speaker_name:
            return name_key(speaker_name) == self.key
        return None  # the record names no speaker: neither confirms nor contradicts


def _match(connection, row, found: Alignment, claimed: _ClaimedSpeaker | None) -> dict:
    agrees = claimed.agrees(row.speaker_id, row.speaker_name) if claimed else None
    earliest, outlets = _sources(connection, row)
    return {"verdict": "other-speaker" if agrees is False else found.wording, "wording": found.wording,
            "score": found.score, "speaker_agrees": agrees, "diff": found.diff, "cut_marked": found.cut_marked,
            "typos": found.typos, "quotation": to_record(row), "earliest": earliest, "outlets": outlets}


def _sources(connection, row) -> tuple[dict, list[dict]]:
    """The statement's first appearance, and each outlet that carried it with its first appearance there."""
    appearances = statement_appearances(connection, row.statement_id) if row.statement_id is not None else []
    appearances = appearances or [to_record(row)]
    outlets: dict[str, dict] = {}
    for record in appearances:
        outlet = record["doc"]["site"] or record["doc"]["source"]
        outlets.setdefault(outlet, _source(record))
    return _source(appearances[0]), list(outlets.values())


def _source(record: dict) -> dict:
    doc = record["doc"]
    return {"outlet": doc["site"] or doc["source"], "date": record["date"], "document_id": doc["id"],
            "title": doc["title"], "url": doc["url"], "published": doc["published"], "quotation_id": record["id"]}
