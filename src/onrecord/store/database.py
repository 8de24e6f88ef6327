"""Opening an archive: URL resolution, engines, migrations and the errors a user can act on."""
from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError


class StoreError(Exception):
    """A database problem the user can act on; the message is one line."""


def default_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("onrecord"))
    return f"sqlite:///{folder / 'onrecord.db'}"


def resolve_url(db: str | None) -> str:
    db = db or os.environ.get("ONRECORD_DB") or default_url()
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("onrecord.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def _enable_sqlite_pragmas(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        if not read_only and engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")  # a write: a read-only file keeps the mode it has
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _describe(url) -> str:
    return url.render_as_string(hide_password=True)


def _writable(path: Path) -> bool:
    """The file and its folder (where SQLite puts its -wal, -shm and journal files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_url(url, path: Path):
    """The same file opened read-only. When its folder is read-only too (a read-only mount), SQLite cannot
    create the -shm file WAL mode needs to read, so the file is opened immutable: nobody can write there."""
    query = {"mode": "ro", "uri": "true"}
    if not os.access(path.parent, os.W_OK):
        query["immutable"] = "1"
    return url.set(database=f"file:{path.resolve()}", query=query)


def open_engine(db: str | None, create: bool = True, read_only_ok: bool = False) -> Engine:
    """An engine on an archive whose schema is current; creates or upgrades it when create is true. A SQLite
    file that cannot be written is opened read-only when create is false or read_only_ok is true (search,
    export and serve work on a read-only mount); ingest on it fails with one line."""
    raw = resolve_url(db)
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"{raw}: not a database URL (use a file path, sqlite:///PATH or postgresql://...)") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{_describe(url)}: unsupported database (use SQLite or PostgreSQL)")
    read_only = url.get_backend_name() == "sqlite" and url.query.get("mode") == "ro"
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not url.database.startswith("file:"):
        path = Path(url.database)
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        if not path.exists():
            if not create:
                raise StoreError(f"{path}: no such database (run onrecord ingest first)")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{path.parent}: cannot create folder ({error.strerror})") from None
        elif not _writable(path):
            if create and not read_only_ok:
                raise StoreError(f"{path}: database is read-only (check the file's permissions or the mount)")
            url, read_only, create = _read_only_url(url, path), True, False
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_connect_args(url))
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"{_describe(url)}: {error}") from None
    if url.get_backend_name() == "sqlite":
        _enable_sqlite_pragmas(engine, read_only)
    try:
        _migrate(engine, create)
        if create and url.get_backend_name() == "sqlite":
            _check_writable(engine)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise StoreError(f"{_describe(url)}: {store_problem(error, url)}") from None
    return engine


def _check_writable(engine: Engine) -> None:
    """Ingest on a read-only file fails here, once, before any document is read."""
    with engine.connect() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
        connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
        connection.rollback()


def _connect_args(url) -> dict:
    if url.get_backend_name() == "postgresql":
        return {"connect_timeout": 5}
    return {"timeout": 10}


def store_problem(error: Exception, url=None) -> str:
    """A database error as one line a user can act on; for a damaged SQLite file, how to save what it holds."""
    text = str(getattr(error, "orig", None) or error).strip()
    line = text.splitlines()[0] if text else type(error).__name__
    if "readonly" in line or "read-only" in line:
        return "database is read-only (check the file's permissions)"
    if "file is not a database" in line:
        return "not an onrecord database, or the file is corrupt"
    if "malformed" in line:
        path = _sqlite_path(url) or "FILE"
        return (f"the database file is damaged ({line}); save what can still be read with: "
                f"sqlite3 {path} .recover | sqlite3 recovered.db")
    return line


def _sqlite_path(url) -> str | None:
    if url is None or url.get_backend_name() != "sqlite" or not url.database:
        return None
    return url.database.removeprefix("file:")


def _migrate(engine: Engine, create: bool) -> None:
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        config = _alembic_config(connection)
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise StoreError(f"database schema {current} is newer than this onrecord knows (head {head}); "
                             "upgrade onrecord")
        if current is None and inspect(connection).get_table_names() and "documents" not in inspect(connection).get_table_names():
            raise StoreError("database holds other tables and no onrecord schema; use another file")
        if current != head:
            if not create:
                raise StoreError(f"database schema {current} is older than {head}; run onrecord ingest to upgrade")
            command.upgrade(config, "head")
