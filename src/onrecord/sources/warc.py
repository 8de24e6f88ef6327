"""WARC archives (Common Crawl News and the like): HTML responses in, everything else skipped."""
from __future__ import annotations

import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from onrecord.records import RawSource

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(spec: str) -> bool:
    return spec.lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        if part.strip().lower().startswith("charset="):
            return part.split("=", 1)[1].strip().strip('"') or "utf-8"
    return "utf-8"


def read_warc(path: str, error_type: type[Exception]) -> Iterator[RawSource]:
    """Each HTML response as a RawSource with the record's target URI and date; a damaged archive
    raises error_type after the records before the damage."""
    read = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                body = record.content_stream().read()
                try:
                    text = body.decode(_charset(content_type), errors="replace")
                except LookupError:
                    text = body.decode("utf-8", errors="replace")
                if not text.strip():
                    continue
                read += 1
                yield RawSource(source=path, content=text, is_html=True,
                                url=record.rec_headers.get_header("WARC-Target-URI"),
                                fetched_date=record.rec_headers.get_header("WARC-Date"), keep_url=True)
    except FileNotFoundError:
        raise error_type(f"{path}: no such file") from None
    except PermissionError as error:
        raise error_type(f"{path}: cannot read WARC ({error.strerror})") from None
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError, IndexError) as error:
        # warcio meets a cut-off record in many ways; every one means the archive ends early here
        raise error_type(f"{path}: truncated or damaged WARC after {read} pages ({type(error).__name__})") from None
