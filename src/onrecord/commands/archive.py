"""The archive: ingest into it, search it, its speakers, export it."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from onrecord import formats
from onrecord.cli_errors import Counted, export_stopped, reading
from onrecord.cli_common import (ALLOW_PRIVATE, DB_OPTION, SINCE_OPTION, UNTIL_OPTION, err, fail, load_documents,
                                 load_model, open_archive, require_dates)


def ingest(
    sources: list[str] = typer.Argument(..., help="Files, URLs or - (as for extract)."),
    db: Optional[str] = DB_OPTION,
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    allow_private: bool = ALLOW_PRIVATE,
) -> None:
    """Extract and store: idempotent, one transaction per document."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from sqlalchemy.exc import SQLAlchemyError

    from onrecord.pipeline import extract_documents
    from onrecord.store import ingest_extraction

    engine = open_archive(db)
    nlp = load_model(model)
    documents, failures = load_documents(sources, allow_private)
    tally = {"new": 0, "updated": 0, "unchanged": 0}
    added = 0
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=len(sources) < 2 or not err.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=len(sources))
        for extraction in extract_documents(nlp, documents, batch_size=4, on_error=failures.page):
            try:
                with engine.begin() as connection:
                    outcome = ingest_extraction(connection, extraction)
            except SQLAlchemyError as error:
                from onrecord.store.database import store_problem

                fail(f"{extraction.document.info.source}: not stored ({store_problem(error, engine.url)})")
                failures.append(extraction.document.info.source)
                progress.advance(task)
                continue
            tally[outcome.status] += 1
            added += outcome.quotes_added
            progress.advance(task)
            progress.update(task, completed=sum(tally.values()) + len(failures))
    err.print(f"documents: {tally['new']} new, {tally['updated']} updated, {tally['unchanged']} unchanged; "
              f"quotations added: {added}; failures: {len(failures)}", highlight=False)
    engine.dispose()
    if failures:
        raise typer.Exit(1)


class SearchFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def search(
    query: Optional[str] = typer.Argument(None, help="Words to find in quotations (all must appear)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Any name or alias: 'Zakharova' finds Maria Zakharova."),
    kind: Optional[str] = typer.Option(None, "--kind", help="direct, indirect or mixed."),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    site: Optional[str] = typer.Option(None, "--site", help="Only this site (as in doc.site)."),
    limit: int = typer.Option(50, "--limit", min=1, max=10000, help="At most this many quotations."),
    db: Optional[str] = DB_OPTION,
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f"),
) -> None:
    """Search stored quotations by words and filters."""
    from onrecord.store import SearchFilters
    from onrecord.store import search as run_search

    if kind and kind not in ("direct", "indirect", "mixed"):
        fail(f"--kind {kind}: use direct, indirect or mixed")
        raise typer.Exit(2)
    require_dates(since, until)
    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        records = run_search(connection, SearchFilters(query, speaker, kind, since, until, site, limit))
    _print_records(records, format)


def _print_records(records, format) -> None:
    if format == SearchFormat.jsonl:
        formats.write_jsonl(records, sys.stdout)
    elif format == SearchFormat.csv:
        formats.write_csv(records, sys.stdout, extra=("date",))
    else:
        formats.print_records_table(records, Console(width=120))


def speakers(
    top: int = typer.Option(20, "--top", min=1, help="How many speakers."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """The most quoted speakers."""
    from onrecord.store import top_speakers

    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        rows = top_speakers(connection, top)
    table = Table(width=100)
    for column in ("speaker", "kind", "quotations", "first seen", "last seen"):
        table.add_column(column)
    for row in rows:
        table.add_row(*map(formats.plain, (row["name"], row["kind"], row["quotes"], row["first_seen"][:10],
                                           row["last_seen"][:10])))
    Console(width=100).print(table)


def speaker(
    name: str = typer.Argument(..., help="A name or alias."),
    db: Optional[str] = DB_OPTION,
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """One speaker: aliases, roles over time, quotations per week, latest quotations."""
    from onrecord.store import speaker_detail

    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        details = speaker_detail(connection, name)
    if not details:
        fail(f"{name}: no such speaker in the archive")
        raise typer.Exit(1)
    if format != SearchFormat.table:
        for detail in details:
            print(json.dumps(detail, ensure_ascii=False))
        return
    console = Console(width=120, highlight=False)
    for detail in details:
        console.print(Text.assemble((detail["name"], "bold"), f" ({detail['kind']}), {detail['quotes']} quotations, "
                                    f"seen {detail['first_seen'][:10]} to {detail['last_seen'][:10]}"))
        console.print(formats.plain("aliases: " + ", ".join(detail["aliases"])))
        for role in detail["roles"]:
            console.print(formats.plain(
                f"role: {role['role'] or ''}{' (' + role['affiliation'] + ')' if role['affiliation'] else ''}"
                f"  {role['first_seen'][:10]} to {role['last_seen'][:10]}"))
        console.print("per week: " + ", ".join(f"{week} {count}" for week, count in detail["per_week"].items()))
        _print_records(detail["latest"], SearchFormat.table)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def export(
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (stdout for jsonl/csv if absent)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Every stored quotation, in the extraction record format."""
    from sqlalchemy.exc import SQLAlchemyError

    from onrecord.store import all_records

    if format == ExportFormat.parquet and out is None:
        fail("--format parquet needs --out FILE")
        raise typer.Exit(2)
    engine = open_archive(db, create=False)
    with reading(engine) as connection:
        records = Counted(all_records(connection))
        try:
            if format == ExportFormat.parquet:
                formats.write_parquet(records, out)
                return
            handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
        except OSError as error:
            fail(f"{out}: cannot write ({error.strerror})")
            raise typer.Exit(1)
        except SQLAlchemyError as error:
            export_stopped(records, out, format == ExportFormat.parquet, error, engine)
        with handle if out else _nullcontext(handle):
            try:
                if format == ExportFormat.jsonl:
                    formats.write_jsonl(records, handle)
                else:
                    formats.write_csv(records, handle)
            except SQLAlchemyError as error:
                handle.flush()
                export_stopped(records, out, format == ExportFormat.parquet, error, engine)


def _nullcontext(value):
    from contextlib import nullcontext

    return nullcontext(value)

