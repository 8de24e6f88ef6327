"""WARC archives cut at 16 points each (gzip and plain), through `onrecord batch` on local Ray and `extract`:
every cut is reported, and only whole pages come out."""
import io
import json

import pytest
from warcio.archiveiterator import ArchiveIterator

from conftest import page, run_cli

CUTS = 16


def _story(i: int) -> str:
    return page(f"https://wire.example/{i}", "Wire", f"2025-10-0{i}T09:00:00Z", [
        f"“The harbour number {i} will reopen before winter, whatever it costs,” Mayor Ada Quinn said.",
        f"Quinn said the works on pier {i} would start in March and end before the storms of the autumn."])


def _archive(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for i in (1, 2, 3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://wire.example/{i}", "response",
                                                      payload=io.BytesIO(_story(i).encode()), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2025-10-08T10:00:00Z"}))
    return buffer.getvalue()


def _record_ends(data: bytes) -> set[int]:
    """Where each record (with its closing blank lines) ends: a cut there is a shorter whole archive."""
    ends, records = set(), ArchiveIterator(io.BytesIO(data))
    for _ in records:
        records.read_to_end()
        offset, length = records.get_record_offset(), records.get_record_length()
        ends |= {offset + length, offset + length + 4}
    return ends


@pytest.fixture(scope="module")
def cut_archives(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cuts")
    archives = []
    for gzip in (True, False):
        data = _archive(gzip)
        full = folder / f"full.warc{'.gz' if gzip else ''}"
        full.write_bytes(data)
        ends = _record_ends(data)
        for k in range(1, CUTS + 1):
            cut = len(data) * k // (CUTS + 1)
            assert cut not in ends
            path = folder / f"cut-{k:02d}.warc{'.gz' if gzip else ''}"
            path.write_bytes(data[:cut])
            archives.append(path)
        archives.append(full)
    return folder, archives


def _whole_pages(full) -> dict[str, int]:
    result = run_cli("extract", full, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    documents = [json.loads(chunk) for chunk in result.stdout.decode().replace("}\n{", "}\n\x00{").split("\n\x00")]
    return {d["doc"]["url"]: len(d["text"]) for d in documents}


def test_every_cut_is_reported_and_only_whole_pages_come_out(cut_archives):
    from onrecord.sources import SourceError, iter_sources

    folder, archives = cut_archives
    for path in archives:
        full = folder / ("full.warc.gz" if path.name.endswith(".gz") else "full.warc")
        whole = {raw.url: raw.content for raw in iter_sources(str(full))}
        pages, error = [], None
        try:
            pages.extend(iter_sources(str(path)))
        except SourceError as failure:
            error = str(failure)
        if path.name.startswith("full"):
            assert error is None and len(pages) == 3
            continue
        assert error and "truncated" in error, path.name
        assert all(raw.content == whole[raw.url] for raw in pages), path.name


def test_extract_reports_a_cut_archive_in_one_line(cut_archives):
    folder, archives = cut_archives
    result = run_cli("extract", archives[CUTS // 2], folder / "full.warc", "--format", "jsonl")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert archives[CUTS // 2].name in stderr and "truncated" in stderr
    assert len({json.loads(line)["doc"]["url"] for line in result.stdout.decode().splitlines()}) == 3


def test_batch_reports_every_cut_archive(cut_archives, tmp_path):
    """Fault 15: of 16 cuts, batch reported one; the others used a cut-short last page as if whole or dropped
    it silently, with exit code 0."""
    import pyarrow.parquet as pq

    folder, archives = cut_archives
    whole = _whole_pages(folder / "full.warc.gz")
    out = tmp_path / "out"
    result = run_cli("batch", *archives, "--out", out, "--workers", "2")
    assert result.returncode == 1, result.stderr.decode()[-2000:]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    cut = [str(p) for p in archives if not p.name.startswith("full")]
    assert sorted(e["source"] for e in errors) == sorted(cut)
    assert all("truncated" in e["error"] for e in errors)
    documents = pq.read_table(out / "documents").to_pylist()
    assert documents and all(d["characters"] == whole[d["url"]] for d in documents)
