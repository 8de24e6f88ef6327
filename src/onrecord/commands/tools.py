"""The checkers' commands: check (did X say this?), stats (who gets quoted), follow (speakers and searches
that `watch --notify` posts to a webhook)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from onrecord.cli_common import DB_OPTION, SINCE_OPTION, UNTIL_OPTION, fail, open_archive, require_dates
from onrecord.cli_errors import reading
from onrecord.formats import plain

follow_app = typer.Typer(no_args_is_help=True, help="Speakers and searches to follow: `watch --notify URL` posts "
                                                     "their new quotations to a webhook.")


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def check(
    claim: str = typer.Argument(..., help="The words as claimed (quotation marks, case, typos and ellipses are fine)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Who is said to have said them (any name or alias)."),
    limit: int = typer.Option(5, "--limit", min=1, max=20, help="At most this many matches."),
    db: Optional[str] = DB_OPTION,
    format: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f",
                                       help="table, or json: the list of matches, best first."),
) -> None:
    """Did they really say it? Check claimed words against the record.

    Verdict verbatim, shortened, altered (with the word diff), paraphrase, other-speaker or not-found, with
    the earliest source and every outlet that carried the statement.
    """
    from onrecord.store.check import ClaimError
    from onrecord.store.check import check as run_check

    engine = open_archive(db, create=False)
    try:
        with reading(engine) as connection:
            answer = run_check(connection, claim, speaker, limit)
    except ClaimError as error:
        fail(str(error))
        raise typer.Exit(2)
    if format == CheckFormat.json:
        print(json.dumps(answer["matches"], ensure_ascii=False, indent=2))
        return
    _print_check(answer, Console(highlight=False, soft_wrap=True))


def _diff_line(match: dict) -> str:
    """The word diff as wdiff writes it: [-on record, not in the claim-] {+in the claim, not on record+}."""
    pieces = []
    for entry in match["diff"]:
        if entry["op"] == "equal":
            pieces.append(entry["text"])
        elif entry["op"] == "changed":
            pieces.append(f"[-{entry['record']}-] {{+{entry['claim']}+}}")
        elif entry["op"] == "added":
            pieces.append(f"{{+{entry['claim']}+}}")
        else:
            pieces.append(f"[-{entry['record']}-]")
    return " ".join(pieces)


def _print_check(answer: dict, console: Console) -> None:
    from rich.markup import escape

    console.print(f"verdict: [bold]{answer['verdict']}[/bold]")
    if answer["verdict"] == "not-found":
        console.print("no stored quotation holds these words, from anyone")
    for number, match in enumerate(m for m in answer["matches"] if m["quotation"]):
        record, earliest = match["quotation"], match["earliest"]
        speaker = record["speaker"] or {}
        who = (speaker.get("name") or speaker.get("mention") or "unknown speaker") + \
            (f", {speaker['role']}" if speaker.get("role") else "")
        wording = f" (words {match['wording']})" if match["verdict"] != match["wording"] else ""
        console.print(f"{number + 1}. [bold]{match['verdict']}[/bold]{wording}  score {match['score']:.2f}  "
                      f"{record['kind']}  {escape(who)}")
        console.print(f"   on record: “{escape(record['text'])}”")
        if match["wording"] in ("altered", "shortened"):
            console.print("   diff: " + escape(_diff_line(match)))
        if match["typos"]:
            typos = ", ".join(f"{t['claim']} → {t['record']}" for t in match["typos"])
            console.print("   read as typos: " + escape(typos))
        console.print(f"   first seen: {escape(earliest['outlet'])}, {(earliest['date'] or '')[:16]}, "
                      f"{escape(earliest['url'] or earliest['document_id'])}")
        console.print("   outlets: " + ", ".join(f"{escape(o['outlet'])} ({(o['date'] or '')[:10]})"
                                                 for o in match["outlets"]))


class StatsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def stats(
    site: Optional[str] = typer.Option(None, "--site", help="Only this outlet (as in doc.site)."),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    query: Optional[str] = typer.Option(None, "--query", help="Only quotations with all these words (the topic)."),
    top: int = typer.Option(20, "--top", min=1, max=5000, help="How many speakers and affiliations to list."),
    db: Optional[str] = DB_OPTION,
    format: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f"),
) -> None:
    """Who gets quoted: outlets, speakers, affiliations, weeks, gender.

    Quotations and distinct speakers per outlet, top speakers and affiliations, quotations per week, and
    speakers by gender from the text's own evidence only (pronouns resolved to them, honorifics), else unknown.
    """
    from onrecord.store.stats import StatsFilters, write_stats_csv
    from onrecord.store.stats import stats as run_stats

    require_dates(since, until)
    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        data = run_stats(connection, StatsFilters(site, since, until, query, top))
    if format == StatsFormat.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif format == StatsFormat.csv:
        write_stats_csv(data, sys.stdout)
    else:
        _print_stats(data, Console(width=120, highlight=False))


def _table(console: Console, title: str, columns: list[str], rows: list[list]) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="left" if column == columns[0] else "right")
    for row in rows:
        table.add_row(*(plain(cell) if cell is not None else "—" for cell in row))  # names are data, not markup
    console.print(table)


def _print_stats(data: dict, console: Console) -> None:
    totals, gender = data["totals"], data["gender"]
    console.print(f"{totals['quotations']} quotations, {totals['speakers']} speakers, {totals['outlets']} outlets")
    _table(console, "Outlets", ["outlet", "quotations", "speakers"],
           [[r["outlet"], r["quotations"], r["speakers"]] for r in data["outlets"]])
    _table(console, "Top speakers", ["speaker", "quotations", "gender"],
           [[r["name"], r["quotations"], r["gender"]] for r in data["top_speakers"]])
    _table(console, "Affiliations", ["affiliation", "quotations", "speakers"],
           [[r["affiliation"], r["quotations"], r["speakers"]] for r in data["affiliations"]])
    _table(console, "Quotations per week", ["week", "quotations"],
           [[r["week"], r["quotations"]] for r in data["per_week"]])
    _table(console, "Speakers by gender", ["gender", "speakers", "quotations"],
           [[g, gender["speakers"][g], gender["quotations"][g]] for g in gender["speakers"]])
    share = gender["women_share_of_speakers_with_known_gender"]
    console.print(f"women among speakers of known gender: {share * 100:.1f}%" if share is not None else
                  "no speaker's gender is shown by the text")


@follow_app.command("add")
def follow_add(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="A speaker's name or alias."),
    query: Optional[str] = typer.Option(None, "--query",
                                        help="Words that must all appear (with --speaker: in their words)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Follow a speaker, a search, or both together; quotations stored from now on match."""
    from onrecord.store.follow import FollowError, add_follow

    engine = open_archive(db)
    try:
        with engine.begin() as connection:
            follow = add_follow(connection, speaker, query)
    except FollowError as error:
        fail(str(error))
        raise typer.Exit(2)
    print(f"follow {follow.id}: {follow.describe()}")


@follow_app.command("list")
def follow_list(db: Optional[str] = DB_OPTION) -> None:
    """The followed speakers and searches."""
    from onrecord.store.follow import list_follows

    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        for follow in list_follows(connection):
            print(f"{follow.id}\t{follow.describe()}\tsince {follow.created_at}")


@follow_app.command("remove")
def follow_remove(follow_id: int = typer.Argument(..., help="The id that `follow list` shows."),
                  db: Optional[str] = DB_OPTION) -> None:
    """Stop following."""
    from onrecord.store.follow import FollowError, remove_follow

    engine = open_archive(db, create=False)
    try:
        with engine.begin() as connection:
            remove_follow(connection, follow_id)
    except FollowError as error:
        fail(str(error))
        raise typer.Exit(1)
    print(f"follow {follow_id} removed")

