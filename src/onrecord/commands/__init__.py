"""The command line's commands, grouped by what they work on; cli.py registers them on the Typer app."""
