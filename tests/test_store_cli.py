"""The archive through the command line: ingest, search, speakers, speaker, export, crash and bad input."""
import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLES, need, page, run_cli

EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "liveblog-climate-talks.html"


def _db_arg(url):
    return ["--db", url]


def test_ingest_search_speakers_export(db_url, tmp_path):
    gaza = need(SAMPLES / "liveblog-gaza-plan.html")
    first = run_cli("ingest", gaza, EXAMPLE, tmp_path / "missing.txt", *_db_arg(db_url))
    assert first.returncode == 1
    summary = first.stderr.decode().strip().splitlines()
    assert "missing.txt: no such file" in summary[0]
    assert summary[-1].startswith("documents: 2 new, 0 updated, 0 unchanged; quotations added: ")
    again = run_cli("ingest", gaza, EXAMPLE, *_db_arg(db_url))
    assert again.returncode == 0
    assert again.stderr.decode().strip().endswith("documents: 0 new, 0 updated, 2 unchanged; quotations added: 0; failures: 0")

    found = run_cli("search", "--speaker", "Zakharova", "--format", "jsonl", *_db_arg(db_url))
    records = [json.loads(line) for line in found.stdout.decode().splitlines()]
    assert records and {r["speaker"]["name"] for r in records} == {"Maria Zakharova"}
    assert all(r["doc"]["site"] == "Example News" for r in records)

    words = run_cli("search", "sea", "--format", "csv", *_db_arg(db_url))
    rows = list(csv.DictReader(io.StringIO(words.stdout.decode())))
    assert rows and all("sea" in r["text"].lower().split() or "sea" in r["text"].lower() for r in rows)
    assert {r["speaker"] for r in rows} == {"Simon Kofe"}

    table = run_cli("search", "--kind", "mixed", "--until", "2025-12-31", *_db_arg(db_url))
    assert table.returncode == 0 and "Marwan Bishara" in table.stdout.decode()
    assert "Simon Kofe" not in table.stdout.decode()

    top = run_cli("speakers", "--top", "3", *_db_arg(db_url)).stdout.decode()
    assert "Maria Zakharova" in top and "Marwan Bishara" in top

    one = run_cli("speaker", "Munayyer", *_db_arg(db_url)).stdout.decode()
    assert "Yousef Munayyer" in one and "head of the Palestine-Israel Program" in one and "2025-W41" in one

    out = tmp_path / "all.parquet"
    assert run_cli("export", "--format", "parquet", "--out", out, *_db_arg(db_url)).returncode == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    exported = run_cli("export", "--format", "jsonl", *_db_arg(db_url)).stdout.decode().splitlines()
    assert table.num_rows == len(exported) > 20
    assert "speaker" in table.column_names and "text" in table.column_names
    csv_out = run_cli("export", "--format", "csv", *_db_arg(db_url)).stdout.decode()
    assert len(list(csv.reader(io.StringIO(csv_out)))) == len(exported) + 1


def _many_pages(folder, count):
    paths = []
    for i in range(count):
        path = folder / f"story-{i:03d}.html"
        path.write_text(page(f"https://wire.example/{i}", f"Wire {i % 7}", f"2025-10-{1 + i % 28:02d}T08:00:00Z", [
            f"Mayor Ada Quinn{i} said the harbour number {i} would reopen before winter.",
            f"“Ships will be back in harbour {i} by spring, and the fishermen know it,” Quinn{i} told the council.",
        ]), encoding="utf-8")
        paths.append(path)
    return paths


def _integrity(db_path):
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        duplicates = connection.execute(
            "SELECT count(*) FROM (SELECT document_id, quote_key FROM quotations GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM quotations WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        half_documents = connection.execute(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM quotations)").fetchone()[0]
        fts = connection.execute("SELECT count(*) FROM quotations_fts WHERE quotations_fts MATCH 'harbour'").fetchone()[0]
        counts = connection.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM quotations)").fetchone()
        return duplicates, orphans, half_documents, fts, counts
    finally:
        connection.close()


def test_sigkill_in_the_middle_of_a_batch_loses_and_duplicates_nothing(tmp_path):
    paths = _many_pages(tmp_path, 60)
    db_path = tmp_path / "crash.db"
    process = subprocess.Popen([sys.executable, "-m", "onrecord", "ingest", *map(str, paths), "--db", str(db_path)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db_path.exists():
            try:
                connection = sqlite3.connect(db_path, timeout=1)
                stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
                connection.close()
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    assert process.poll() is None, "ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    duplicates, orphans, half, _, (documents, _) = _integrity(db_path)
    assert (duplicates, orphans, half) == (0, 0, 0) and 5 <= documents < 60

    rerun = run_cli("ingest", *paths, "--db", db_path)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"{60 - documents} new, 0 updated, {documents} unchanged" in rerun.stderr.decode()
    duplicates, orphans, half, fts, (documents, quotations) = _integrity(db_path)
    assert (duplicates, orphans, half, documents, quotations) == (0, 0, 0, 60, 120)
    assert fts == 120


def _one_line_error(result, *fragments):
    stderr = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and all(f in lines[0] for f in fragments), stderr


def test_unknown_database_url(tmp_path):
    _one_line_error(run_cli("search", "x", "--db", "mysql://user@host/db"), "unsupported database")
    _one_line_error(run_cli("search", "x", "--db", "::not a url::/x"), "")


def test_unreachable_postgresql():
    _one_line_error(run_cli("ingest", EXAMPLE, "--db", "postgresql://nobody@127.0.0.1:9/none"), "127.0.0.1")


def test_read_only_and_corrupt_sqlite(tmp_path):
    readonly = tmp_path / "ro.db"
    assert run_cli("ingest", EXAMPLE, "--db", readonly).returncode == 0
    before = readonly.read_bytes()
    readonly.chmod(0o444)
    os.chmod(tmp_path, 0o555)
    try:
        if os.geteuid() == 0:
            pytest.skip("root ignores file permissions")
        _one_line_error(run_cli("ingest", need(SAMPLES / "liveblog-gaza-plan.txt"), "--db", readonly), "read-only")
        assert readonly.read_bytes() == before
    finally:
        os.chmod(tmp_path, 0o755)


def test_read_only_database_file_opened_immutable(tmp_path):
    target = tmp_path / "ro.db"
    assert run_cli("ingest", EXAMPLE, "--db", target).returncode == 0
    url = f"sqlite:///file:{target}?mode=ro&uri=true"
    result = run_cli("ingest", need(SAMPLES / "liveblog-gaza-plan.txt"), "--db", url)
    _one_line_error(result, "read-only")
    found = run_cli("search", "--speaker", "Zakharova", "--format", "jsonl", "--db", target).stdout.decode()
    assert found == ""


def test_corrupt_sqlite(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    before = corrupt.read_bytes()
    _one_line_error(run_cli("ingest", EXAMPLE, "--db", corrupt), "not an onrecord database")
    assert corrupt.read_bytes() == before


def test_schema_from_a_newer_version(tmp_path):
    target = tmp_path / "newer.db"
    assert run_cli("ingest", EXAMPLE, "--db", target).returncode == 0
    connection = sqlite3.connect(target)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    count = connection.execute("SELECT count(*) FROM quotations").fetchone()[0]
    connection.close()
    _one_line_error(run_cli("ingest", need(SAMPLES / "liveblog-gaza-plan.txt"), "--db", target), "newer")
    connection = sqlite3.connect(target)
    assert connection.execute("SELECT count(*) FROM quotations").fetchone()[0] == count
    connection.close()


def test_search_needs_an_existing_archive_and_valid_filters(tmp_path):
    _one_line_error(run_cli("search", "x", "--db", tmp_path / "none.db"), "no such database")
    assert not (tmp_path / "none.db").exists()
    target = tmp_path / "a.db"
    assert run_cli("ingest", EXAMPLE, "--db", target).returncode == 0
    _one_line_error(run_cli("search", "--since", "yesterday", "--db", target), "--since")
    _one_line_error(run_cli("search", "--kind", "rumour", "--db", target), "--kind")
    _one_line_error(run_cli("speaker", "Nobody Atall", "--db", target), "no such speaker")
