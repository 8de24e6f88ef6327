"""A speaker's gender from the text's own evidence only, kept so a person can audit it.

Evidence is a pronoun the attribution resolved to the speaker (the record's mention is 'she' or 'he' and
its rule names a pronoun sieve) or an honorific in the mention or the name (Ms, Mrs, Miss, Mr...). Never
a first-name list: a name says nothing here. No evidence, or evidence both ways, is 'unknown'.
"""
from __future__ import annotations

from sqlalchemy import insert, select

from onrecord.store.schema import quotations
from onrecord.store.tools_schema import gender_evidence

PRONOUNS = {"she": "female", "her": "female", "hers": "female", "herself": "female",
            "he": "male", "him": "male", "his": "male", "himself": "male"}
HONORIFICS = {"ms": "female", "mrs": "female", "miss": "female", "dame": "female",
              "mr": "male", "sir": "male"}
GENDERS = ("female", "male", "unknown")


def evidence_for(mention: str | None, name: str | None, rule: str | None) -> list[dict]:
    """What one stored quotation says about its speaker's gender (often nothing)."""
    found = []
    sieve = (rule or "").partition("/")[2]
    word = (mention or "").strip().lower()
    if word in PRONOUNS and sieve.startswith("pronoun-"):
        found.append({"gender": PRONOUNS[word], "kind": "pronoun", "word": mention.strip()})
    for text in (mention, name):
        title = (text or "").strip().split(" ")[0]
        key = title.rstrip(".").lower()
        if key in HONORIFICS and len((text or "").split()) > 1:
            found.append({"gender": HONORIFICS[key], "kind": "honorific", "word": title})
            break
    return found


def record_evidence(connection, quotation_id: int, mention: str | None, name: str | None, rule: str | None) -> None:
    for item in evidence_for(mention, name, rule):
        connection.execute(insert(gender_evidence).values(quotation_id=quotation_id, mention=mention, **item))


def verdict(genders: set[str]) -> str:
    """One gender when all the evidence agrees, else unknown."""
    return next(iter(genders)) if len(genders) == 1 else "unknown"


def speaker_genders(connection, speakers=None) -> dict[int, dict]:
    """Per speaker with any evidence: gender and the evidence (document, mention, word, kind), for audit.
    speakers, when given, is a query for the speaker ids wanted (a subquery, never a list of ids: an archive
    may hold more speakers than a statement can bind parameters)."""
    if speakers is None:
        return _genders(connection, None)
    # not correlated: the subquery reads quotations on its own, under its own filters
    return _genders(connection, quotations.c.speaker_id.in_(speakers.correlate(None)))


def speaker_gender(connection, speaker_id: int) -> dict:
    found = _genders(connection, quotations.c.speaker_id == speaker_id)
    return found.get(speaker_id, {"gender": "unknown", "evidence": []})


def _genders(connection, which) -> dict[int, dict]:
    statement = (select(quotations.c.speaker_id, quotations.c.id.label("quotation_id"), quotations.c.document_id,
                        quotations.c.text, gender_evidence.c.gender, gender_evidence.c.kind, gender_evidence.c.word,
                        gender_evidence.c.mention)
                 .select_from(gender_evidence.join(quotations, quotations.c.id == gender_evidence.c.quotation_id))
                 .where(quotations.c.speaker_id.is_not(None)).order_by(quotations.c.id))
    if which is not None:
        statement = statement.where(which)
    result: dict[int, dict] = {}
    for row in connection.execute(statement):
        entry = result.setdefault(row.speaker_id, {"genders": set(), "evidence": []})
        entry["genders"].add(row.gender)
        entry["evidence"].append({"quotation_id": row.quotation_id, "document_id": row.document_id,
                                  "kind": row.kind, "word": row.word, "mention": row.mention, "gender": row.gender,
                                  "quotation": row.text[:160]})
    return {speaker_id: {"gender": verdict(entry["genders"]), "evidence": entry["evidence"]}
            for speaker_id, entry in result.items()}
