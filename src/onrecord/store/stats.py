"""Who gets quoted: quotations and speakers per outlet, top speakers and affiliations, quotations per week,
and speakers by gender from the text's own evidence (store/gender.py), for any site, period and search."""
from __future__ import annotations

import csv
from dataclasses import asdict, dataclass

from sqlalchemy import and_, distinct, func, select

from onrecord.store.gender import GENDERS, speaker_genders
from onrecord.store.fulltext import WordMatch
from onrecord.store.queries import SearchFilters, per_week, row_conditions
from onrecord.store.schema import quotations, speakers


@dataclass
class StatsFilters:
    site: str | None = None
    since: str | None = None
    until: str | None = None
    query: str | None = None
    top: int = 20


def _conditions(connection, filters: StatsFilters) -> list:
    """The same filters as search: site (any case), dates (until inclusive), every word of the query."""
    conditions = row_conditions(SearchFilters(since=filters.since, until=filters.until, site=filters.site))
    words = WordMatch.every_word(connection, filters.query)
    return conditions + ([words.condition()] if words else [])


def stats(connection, filters: StatsFilters) -> dict:
    conditions = _conditions(connection, filters)
    where = and_(*conditions) if conditions else None

    def filtered(statement):
        return statement.where(where) if where is not None else statement

    quotes = func.count(quotations.c.id).label("quotations")
    people = func.count(distinct(quotations.c.speaker_id)).label("speakers")
    totals = connection.execute(filtered(select(quotes, people, func.count(distinct(quotations.c.site))))).one()
    outlets = connection.execute(filtered(select(quotations.c.site, quotes, people).group_by(quotations.c.site))
                                 .order_by(quotes.desc(), quotations.c.site)).all()
    by_speaker = connection.execute(filtered(
        select(quotations.c.speaker_id, speakers.c.name, speakers.c.kind, quotes)
        .select_from(quotations.join(speakers, speakers.c.id == quotations.c.speaker_id))
        .group_by(quotations.c.speaker_id, speakers.c.name, speakers.c.kind))
        .order_by(quotes.desc(), speakers.c.name)).all()
    affiliations = connection.execute(filtered(
        select(quotations.c.affiliation, quotes, people).where(quotations.c.affiliation.is_not(None))
        .group_by(quotations.c.affiliation)).order_by(quotes.desc(), quotations.c.affiliation).limit(filters.top)).all()
    weeks = per_week([row[0] for row in connection.execute(filtered(select(quotations.c.date)))])
    genders = speaker_genders(connection, filtered(select(quotations.c.speaker_id).distinct()))
    return {
        "filters": {k: v for k, v in asdict(filters).items()},
        "totals": {"quotations": totals[0], "speakers": totals[1], "outlets": totals[2]},
        "outlets": [{"outlet": r.site, "quotations": r.quotations, "speakers": r.speakers} for r in outlets],
        "top_speakers": [{"id": r.speaker_id, "name": r.name, "kind": r.kind, "quotations": r.quotations,
                          "gender": genders.get(r.speaker_id, {}).get("gender", "unknown")}
                         for r in by_speaker[:filters.top]],
        "affiliations": [{"affiliation": r.affiliation, "quotations": r.quotations, "speakers": r.speakers}
                         for r in affiliations],
        "per_week": [{"week": week, "quotations": count} for week, count in weeks.items()],
        "gender": _gender_summary(by_speaker, genders),
    }


def _gender_summary(by_speaker, genders: dict[int, dict]) -> dict:
    """Speakers and their quotations by gender, the share of women among speakers whose gender the text
    shows, and each gendered speaker with the evidence."""
    speakers_by = dict.fromkeys(GENDERS, 0)
    quotations_by = dict.fromkeys(GENDERS, 0)
    evidence = []
    for row in by_speaker:
        found = genders.get(row.speaker_id, {"gender": "unknown", "evidence": []})
        speakers_by[found["gender"]] += 1
        quotations_by[found["gender"]] += row.quotations
        if found["evidence"]:
            evidence.append({"id": row.speaker_id, "name": row.name, "gender": found["gender"],
                             "evidence": found["evidence"]})
    known = speakers_by["female"] + speakers_by["male"]
    known_quotes = quotations_by["female"] + quotations_by["male"]
    return {"speakers": speakers_by, "quotations": quotations_by,
            "women_share_of_speakers_with_known_gender": round(speakers_by["female"] / known, 3) if known else None,
            "women_share_of_quotations_with_known_gender":
                round(quotations_by["female"] / known_quotes, 3) if known_quotes else None,
            "speakers_with_evidence": evidence}


CSV_HEADER = ["table", "name", "quotations", "speakers", "gender"]


def write_stats_csv(data: dict, handle) -> None:
    """Every table of the stats in one long CSV: a 'table' column says which."""
    writer = csv.writer(handle)
    writer.writerow(CSV_HEADER)
    writer.writerow(["total", "", data["totals"]["quotations"], data["totals"]["speakers"], ""])
    for row in data["outlets"]:
        writer.writerow(["outlet", row["outlet"] or "", row["quotations"], row["speakers"], ""])
    for row in data["top_speakers"]:
        writer.writerow(["speaker", row["name"], row["quotations"], 1, row["gender"]])
    for row in data["affiliations"]:
        writer.writerow(["affiliation", row["affiliation"], row["quotations"], row["speakers"], ""])
    for row in data["per_week"]:
        writer.writerow(["week", row["week"], row["quotations"], "", ""])
    for gender in GENDERS:
        writer.writerow(["gender", gender, data["gender"]["quotations"][gender], data["gender"]["speakers"][gender],
                         gender])
