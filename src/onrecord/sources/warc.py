"""WARC archives (Common Crawl News and the like): HTML responses in, everything else skipped."""
from __future__ import annotations

import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from onrecord.records import RawSource

WARC_SUFFIXES = (".warc", ".warc.gz")
MAX_RECORD_BYTES = 64 * 1024 * 1024


def is_warc(spec: str) -> bool:
    return spec.lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        if part.strip().lower().startswith("charset="):
            return part.split("=", 1)[1].strip().strip('"') or "utf-8"
    return "utf-8"


class _Cut(Exception):
    """The archive ends inside a record."""


def read_warc(path: str, error_type: type[Exception]) -> Iterator[RawSource]:
    """Each HTML response as a RawSource with the record's target URI and date, yielded only once the whole record
    has been read; a damaged or cut archive raises error_type after the pages before the damage."""
    read = 0
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                page = _html_page(path, record)
                records.read_to_end()
                if record.raw_stream.limit > 0:
                    raise _Cut()  # the record says it is longer than what the file still holds
                if page is not None:
                    read += 1
                    yield page
            if _left_over(handle, records):
                raise _Cut()  # a record cut inside its headers: warcio stops there without a word
    except FileNotFoundError:
        raise error_type(f"{path}: no such file") from None
    except PermissionError as error:
        raise error_type(f"{path}: cannot read WARC ({error.strerror})") from None
    except _Cut:
        raise error_type(f"{path}: truncated or damaged WARC: it ends inside a record, after {read} whole "
                         "pages") from None
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError, IndexError) as error:
        # warcio meets a cut-off record in many ways; every one means the archive ends early here
        raise error_type(f"{path}: truncated or damaged WARC after {read} pages ({type(error).__name__})") from None


def _html_page(path: str, record) -> RawSource | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return None  # no news page is this large; the rest of the archive goes on
    try:
        text = body.decode(_charset(content_type), errors="replace")
    except (LookupError, UnicodeError):
        text = body.decode("utf-8", errors="replace")
    if not text.strip():
        return None
    return RawSource(source=path, content=text, is_html=True, url=record.rec_headers.get_header("WARC-Target-URI"),
                     fetched_date=record.rec_headers.get_header("WARC-Date"), keep_url=True)


def _left_over(handle, records) -> bool:
    """Bytes after the last whole record that are not the blank lines closing it: the start of a cut record."""
    end = 0
    if records.member_info:
        offset, length = records.member_info
        end = offset + length
    handle.seek(end)
    return bool(handle.read(64 * 1024).strip(b"\r\n\x00"))
