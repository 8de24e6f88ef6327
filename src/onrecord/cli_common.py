"""What the command modules (onrecord/commands/) share: the error console, shared options, opening the
archive and reading sources. Nothing here imports a command, so no module imports back into cli.py."""
from __future__ import annotations

from typing import Optional

import typer

from onrecord.cli_errors import Failures, err, fail

__all__ = ["ALLOW_PRIVATE", "DB_OPTION", "SINCE_OPTION", "UNTIL_OPTION", "err", "fail", "load_documents",
           "load_model", "open_archive", "require_dates"]

ALLOW_PRIVATE = typer.Option(False, "--allow-private", help="Allow URLs on private, loopback or link-local "
                             "addresses (refused by default).")
DB_OPTION = typer.Option(None, "--db", help="Database: a SQLite file path or URL, or postgresql://... "
                         "(default: $ONRECORD_DB, else onrecord.db in the user data folder).")


def open_archive(db: Optional[str], create: bool = True):
    """The archive's engine, or one error line and exit 2 (no such file, wrong URL, a newer schema...)."""
    from onrecord.store import StoreError, open_engine

    try:
        return open_engine(db, create=create)
    except StoreError as error:
        fail(str(error))
        raise typer.Exit(2)


def load_model(model: Optional[str]):
    """The spaCy pipeline with the onrecord component, or one error line and exit 2 (no such model)."""
    from onrecord.pipeline import ModelError, load_pipeline

    try:
        return load_pipeline(model)
    except ModelError as error:
        fail(str(error))
        raise typer.Exit(2)


SINCE_OPTION = typer.Option(None, "--since", help="From this date (YYYY-MM-DD).")
UNTIL_OPTION = typer.Option(None, "--until", help="Up to and including this date (YYYY-MM-DD).")


def require_dates(since: Optional[str], until: Optional[str]) -> None:
    """--since and --until as search and stats read them: a value that is not a date is one line, exit 2."""
    for label, value in (("--since", since), ("--until", until)):
        if value and not _is_date(value):
            fail(f"{label} {value}: not a date (use YYYY-MM-DD)")
            raise typer.Exit(2)


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
        return True
    except ValueError:
        return False


def load_documents(sources: list[str], allow_private: bool = False):
    """Documents from the named sources, in order; each bad source or page is one error line, never a stop."""
    from onrecord.pipeline import documents_from
    from onrecord.sources import read_all

    failures = Failures()
    return documents_from(read_all(sources, failures.source, allow_private), failures.page), failures
