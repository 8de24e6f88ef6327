"""The archive online: serve (web UI and API) and watch (feeds and live blogs, webhooks for follows)."""
from __future__ import annotations

import os
from typing import Optional

import typer
from rich.text import Text

from onrecord.cli_common import ALLOW_PRIVATE, DB_OPTION, err, fail, load_model, open_archive


def serve(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model for POST /api/extract and /api/ingest."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes."),
) -> None:
    """The web UI and JSON API (OpenAPI at /docs). Writes need ONRECORD_TOKEN."""
    import uvicorn

    from onrecord.server import create_app
    from onrecord.store import StoreError, resolve_url

    try:
        application = create_app(db, model)
    except StoreError as error:
        fail(str(error))
        raise typer.Exit(2)
    if workers > 1:
        os.environ["ONRECORD_SERVE_DB"] = resolve_url(db)
        os.environ["ONRECORD_SERVE_MODEL"] = model or ""
        application = "onrecord.server.app:app_from_environment"
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning", workers=workers,
                    factory=workers > 1)
    except OSError as error:
        fail(f"{host}:{port}: cannot listen ({error.strerror or error})")
        raise typer.Exit(1)


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

    from onrecord.notify import Notifier
    from onrecord.sources.fetch import Fetcher
    from onrecord.watch import Watcher, parse_interval

    try:
        interval = parse_interval(every)
    except ValueError as error:
        fail(f"--every {error}")
        raise typer.Exit(2)
    bad = [t for t in targets if not t.lower().startswith(("http://", "https://"))]
    if bad:
        fail(f"{bad[0]}: not an http(s) URL")
        raise typer.Exit(2)
    secret = webhook_secret(notify) if notify else None
    engine = open_archive(db)
    nlp = load_model(model)
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


def webhook_secret(webhooks: list[str]) -> str:
    """The secret that signs `watch --notify` posts; a one-line error and exit 2 when a URL or it is wrong."""
    from onrecord.notify import SECRET_VARIABLE, webhook_problem

    for url in webhooks:
        if webhook_problem(url):
            fail(f"--notify {url}: {webhook_problem(url)}")
            raise typer.Exit(2)
    secret = os.environ.get(SECRET_VARIABLE)
    if not secret:
        fail(f"--notify needs ${SECRET_VARIABLE}: the secret that signs each post (X-Onrecord-Signature)")
        raise typer.Exit(2)
    return secret

