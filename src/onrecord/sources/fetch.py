"""Polite, safe fetching: timeouts and a total deadline, size cap, content-type check, bounded redirects,
retries with backoff, robots.txt, a per-host delay, conditional re-fetches, and no private addresses by
default (checked at connect time: sources.guard)."""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from onrecord import __version__
from onrecord.sources.guard import GuardedTransport, GuardError, deadline

USER_AGENT = f"onrecord/{__version__} (quotation extraction; +https://github.com/onrecord/onrecord)"
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml",
                  "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line naming the URL."""


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded by its declared charset; a charset that is unknown or no text encoding (idna,
        rot13, base64) falls back to UTF-8, and bytes that do not decode become U+FFFD."""
        charset = "utf-8"
        if "charset=" in self.content_type:
            charset = self.content_type.split("charset=")[-1].split(";")[0].strip().strip('"\'') or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            return self.content.decode("utf-8", errors="replace")


@dataclass
class Fetcher:
    allow_private: bool = False
    timeout: float = 15.0
    deadline: float = 60.0
    """Seconds one fetch may take in all (redirects, retries and a page that drips a byte at a time)."""
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    host_delay: float = 1.0
    respect_robots: bool = True
    _last_request: dict = field(default_factory=dict)
    _robots: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.client = httpx.Client(timeout=self.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT},
                                   transport=GuardedTransport(self.allow_private))

    def close(self) -> None:
        self.client.close()

    # -- guards ---------------------------------------------------------------------------
    def check_address(self, url: str) -> None:
        """The URL's form; its addresses are checked when the connection is made (sources.guard)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"{url}: unsupported URL scheme (use http or https)")
        if not parts.hostname:
            raise FetchError(f"{url}: no host in URL")

    def allowed_by_robots(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser()
            try:
                response = self._request(origin + "/robots.txt", {})
                if response.status_code >= 400:
                    parser.allow_all = True
                else:
                    parser.parse(response.text.splitlines())
            except (httpx.HTTPError, FetchError):
                parser.allow_all = True
            self._robots[origin] = parser
        return parser.can_fetch(USER_AGENT, url)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.host_delay:
                time.sleep(self.host_delay - (now - last))
            self._last_request[host] = time.monotonic()

    def _request(self, url: str, headers: dict) -> httpx.Response:
        self.check_address(url)
        self._wait_for_host(url)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"{url}: larger than {self.max_bytes} bytes, not read")
                    chunks.append(chunk)
                response._content = b"".join(chunks)
                return response
        except GuardError as error:
            raise FetchError(f"{url}: {error}") from None

    # -- the fetch ---------------------------------------------------------------------------
    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with redirects followed by hand (each hop checked), retries on 5xx and network errors, all
        within self.deadline seconds."""
        with deadline(self.deadline):
            return self._fetch(url, etag, last_modified)

    def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        if not self.allowed_by_robots(url):
            raise FetchError(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.max_redirects + 1):
            response = self._with_retries(current, headers)
            if response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"{url}: redirect without a Location")
                current = urljoin(current, location)
                continue
            return self._accept(url, current, response)
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _with_retries(self, url: str, headers: dict) -> httpx.Response:
        for attempt in range(self.retries + 1):
            try:
                response = self._request(url, headers)
            except httpx.TimeoutException:
                error = f"{url}: timed out after {self.timeout:g}s"
            except httpx.HTTPError as failure:
                error = f"{url}: fetch failed ({type(failure).__name__}: {failure})"
            else:
                if response.status_code < 500:
                    return response
                error = f"{url}: HTTP {response.status_code}"
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        raise FetchError(error)

    def _accept(self, asked: str, final: str, response: httpx.Response) -> Fetched:
        if response.status_code == 304:
            return Fetched(final, 304, b"", "", response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code >= 400:
            raise FetchError(f"{asked}: HTTP {response.status_code}")
        content_type = response.headers.get("content-type", "text/html").lower()
        if not any(content_type.startswith(t) for t in ACCEPTED_TYPES):
            raise FetchError(f"{asked}: not a page or feed ({content_type.split(';')[0]})")
        return Fetched(final, response.status_code, response.content, content_type,
                       response.headers.get("etag"), response.headers.get("last-modified"))
