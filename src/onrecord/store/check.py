"""Quote check: is a claimed quotation on record, as it is or altered, from whom, first where, and where else?

Candidates come from the archive's full-text index (SQLite FTS5, PostgreSQL tsvector); each is aligned word by
word against the claim (store/align.py); the best alignment per statement is one match, and the statement's
appearances give the earliest source and every outlet that carried it.
"""
from __future__ import annotations

import json
from itertools import combinations

from sqlalchemy import select, text

from onrecord.store.align import CUT, Alignment, align_best, paraphrase, search_words, spoken_text, words
from onrecord.store.keys import name_key
from onrecord.store.queries import _columns, speaker_ids, statement_appearances, to_record
from onrecord.store.schema import documents, quotations

VERDICTS = ("verbatim", "shortened", "altered", "paraphrase", "other-speaker", "not-found")
WORDING_RANK = {"verbatim": 0, "shortened": 1, "altered": 2, "paraphrase": 3}

SEARCH_WORDS = 7
"""The rarest meaning words of the claim that full-text search looks for ..."""
WORDS_MAY_DIFFER = 2
"""... of which this many may be missing from a candidate (changed words, typos that are words)."""
CANDIDATES = 100
MAX_CLAIM_CHARS = 5000


class ClaimError(ValueError):
    """A claim that cannot be checked (empty, no words, too long); the message is one line."""


def check(connection, claim: str, speaker: str | None = None, limit: int = 5) -> dict:
    """The answer to 'did SPEAKER say CLAIM?': the verdict and the matches, best first."""
    claim_words = _claim_words(claim)
    ids = candidate_ids(connection, search_words(claim))
    scored = _best_per_statement(_score(claim_words, _candidate_rows(connection, ids)))
    claimed = _ClaimedSpeaker(connection, speaker) if speaker and speaker.strip() else None
    matches = [_match(connection, row, found, claimed) for row, found in scored[:limit]]
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
def candidate_ids(connection, wanted: list[str]) -> list[int]:
    """Stored quotations holding most of the claim's rarest words, best ranked first."""
    if not wanted:
        return []
    if connection.dialect.name == "sqlite":
        known = _sqlite_rarest(connection, wanted)
        return _sqlite_match(connection, _match_expression(known, " AND ", " OR ", '"{}"')) or \
            _sqlite_match(connection, " OR ".join(f'"{w}"' for w in known))
    # PostgreSQL keeps no cheap word frequencies: longer words stand in for rarer ones
    chosen = sorted(wanted, key=len, reverse=True)[:SEARCH_WORDS]
    return _postgres_match(connection, _match_expression(chosen, " & ", " | ", "{}")) or \
        _postgres_match(connection, " | ".join(chosen))


def _match_expression(chosen: list[str], conjunction: str, disjunction: str, term: str) -> str:
    """'At least n-2 of these n words' as an OR of ANDs (full-text engines have no 'n of m')."""
    if not chosen:
        return ""
    need = max(1, len(chosen) - WORDS_MAY_DIFFER) if len(chosen) > 3 else max(1, len(chosen) - 1)
    groups = ["(" + conjunction.join(term.format(w) for w in group) + ")" for group in combinations(chosen, need)]
    return disjunction.join(groups)


def _sqlite_rarest(connection, wanted: list[str]) -> list[str]:
    """The claim's words that the index holds, rarest first; a word it does not hold is a typo or simply
    not on record, and would make every AND fail."""
    marks = ", ".join(f":w{i}" for i in range(len(wanted)))
    rows = connection.execute(text(f"SELECT term, doc FROM quotations_fts_vocab WHERE col = 'text' AND term IN ({marks})"),
                              {f"w{i}": w for i, w in enumerate(wanted)}).all()
    frequency = dict(rows)
    known = [w for w in wanted if frequency.get(w)]
    return sorted(known, key=lambda w: frequency[w])[:SEARCH_WORDS]


def _sqlite_match(connection, expression: str) -> list[int]:
    if not expression:
        return []
    rows = connection.execute(text("SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH :query "
                                   "ORDER BY rank LIMIT :limit"),
                              {"query": "{text} : (" + expression + ")", "limit": CANDIDATES})
    return [row[0] for row in rows]


def _postgres_match(connection, expression: str) -> list[int]:
    if not expression:
        return []
    rows = connection.execute(text("SELECT id FROM quotations, to_tsquery('english', :query) AS query "
                                   "WHERE search @@ query ORDER BY ts_rank(search, query) DESC LIMIT :limit"),
                              {"query": expression, "limit": CANDIDATES})
    return [row[0] for row in rows]


# -- scoring -----------------------------------------------------------------------------------
def _candidate_rows(connection, ids: list[int]) -> list:
    if not ids:
        return []
    return connection.execute(select(*_columns())
                              .select_from(quotations.join(documents, documents.c.id == quotations.c.document_id))
                              .where(quotations.c.id.in_(ids))).all()


def _score(claim_words, rows) -> list[tuple[object, Alignment]]:
    scored = []
    for row in rows:
        pieces = spoken_text(row.kind, row.text, row.start, json.loads(row.parts or "[]"))
        found = align_best(claim_words, pieces) if pieces else Alignment("none", 0.0)
        if found.wording == "none" and row.kind in ("indirect", "mixed"):
            found = paraphrase(claim_words, row.text)
        if found.wording != "none":
            scored.append((row, found))
    scored.sort(key=lambda pair: (-pair[1].score, WORDING_RANK[pair[1].wording], pair[0].date, pair[0].id))
    return scored


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
