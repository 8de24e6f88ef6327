"""Scoring extraction against gold data: PolNeAR, real pages annotated by hand, the confidence table."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from onrecord.cli_common import err, fail
from onrecord.eval.calibration import print_reliability

eval_app = typer.Typer(no_args_is_help=True, help="Score extraction against gold data.")


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
        fail(str(error))
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
        fail(str(error))
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
        fail("give --polnear SPLIT and/or --gold DIR --pages DIR")
        raise typer.Exit(2)
    if bool(gold) != bool(pages):
        fail("--gold and --pages go together")
        raise typer.Exit(2)
    calibration = Calibration()
    try:
        reports = [(evaluate(split, model=model), False) for split in polnear]
        if gold:
            reports.append((evaluate_pages(gold, pages, model=model), True))
    except (PolnearError, GoldError, ModelError) as error:
        fail(str(error))
        raise typer.Exit(1)
    for report, web_pages in reports:
        for record, right in report.scored_records:
            calibration.add(record, right, page=record["doc"]["id"] if web_pages else None)
    table = calibration.table()
    try:
        write_table(table, out)
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")
        raise typer.Exit(1)
    web = table["web"]
    err.print(f"{len(table['rules'])} rules from {sum(table['counts'][r][1] for r in table['counts']):.0f} records "
              f"of clean text, overall precision {table['overall']:.3f}; web pages: {web['records']} records, "
              f"{len(web['rules'])} rules, map a={web['a']:.3f} b={web['b']:.3f}; written to {out}", highlight=False)
    if calibration.web_records:
        err.print("web pages, each scored by the table built without its fifth of the pages:", highlight=False)
        print_reliability(calibration.held_out_web(), err)

