"""Errors as the command line reports them: one line each on stderr, never a traceback, never markup."""
from __future__ import annotations

from contextlib import contextmanager

import typer
from rich.console import Console
from rich.text import Text

err = Console(stderr=True, highlight=False)


def fail(message: str) -> None:
    """One line on stderr; the message is data (file names, page text), never read as rich markup."""
    err.print(Text.assemble(("error:", "red"), " ", message), soft_wrap=True)


class Failures(list):
    """The sources and pages that failed, each reported as one error line when it happens."""

    def source(self, spec: str, message: str) -> None:
        fail(message)
        self.append(spec)

    def page(self, error) -> None:
        fail(error.message)
        self.append(error.source)


@contextmanager
def reading(engine):
    """A read command on a damaged archive ends with one line (and how to recover it), not a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from onrecord.store.database import store_problem

    try:
        with engine.connect() as connection:
            yield connection
    except SQLAlchemyError as error:
        fail(f"{engine.url.render_as_string(hide_password=True)}: {store_problem(error, engine.url)}")
        raise typer.Exit(2)


class Counted:
    """An iterator that knows how many records it has given and the id of the last one."""

    def __init__(self, records):
        self._records = iter(records)
        self.count = 0
        self.last_id = None

    def __iter__(self):
        return self

    def __next__(self):
        record = next(self._records)
        self.count += 1
        self.last_id = record["id"]
        return record


def export_stopped(records: Counted, out, parquet: bool, error, engine) -> None:
    """Export never ends quietly short: say how far it got, and exit 1."""
    from onrecord.store.database import store_problem

    written = "nothing written" if parquet else f"{records.count} written to {out or 'stdout'}" + (
        f", the last with id {records.last_id}" if records.count else "")
    fail(f"export stopped after {records.count} quotations ({written}): {store_problem(error, engine.url)}")
    raise typer.Exit(1)
