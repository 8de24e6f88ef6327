"""The command line: a thin layer over sources, clean, quotes, the archive and eval. The commands live in
onrecord/commands/ (grouped by what they work on) and share cli_common.py; this module only builds the app."""
from __future__ import annotations

import sys

import typer

from onrecord import __version__
from onrecord.cli_common import fail
from onrecord.commands import archive, extract, live, tools
from onrecord.commands.eval import eval_app

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="onrecord: who said what. Quotations and their speakers from news pages.")

# in the order --help lists them (Typer lists the command groups, eval and follow, after the commands)
for command in (extract.extract, archive.ingest, archive.search, archive.speakers, archive.speaker, archive.export,
                live.serve, extract.batch, live.watch, tools.check, tools.stats):
    app.command()(command)
app.add_typer(eval_app, name="eval")
app.add_typer(tools.follow_app, name="follow")


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
        fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
