"""Which document a page is: the key that decides whether a page updates a stored document or is a new one.

A page fetched from a URL is that URL (normalised); the page's own canonical link is believed only when it
names the same site, so no page can claim another outlet's address. A file is its resolved absolute path
(a.txt, ./a.txt and /abs/a.txt are one document); text sent to the API is its name there, kept apart from
files and URLs; text with no name at all (stdin, an API call without a source) is its content.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from onrecord.records import RawSource, stable_id

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """Scheme and host in lower case, no default port, no fragment, '/' for an empty path; the rest as given."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def registered_domain(url: str) -> str | None:
    """'news.example.co.uk' -> 'example.co.uk' by the public suffix list (so evil.github.io is not victim.github.io)."""
    from tld import get_fld

    try:
        return get_fld(url, fail_silently=True)
    except ValueError:
        return None


def same_site(url: str, other: str) -> bool:
    first, second = registered_domain(url), registered_domain(other)
    if first and second:
        return first == second
    host, other_host = urlsplit(url).hostname, urlsplit(other).hostname
    return bool(host) and host == other_host


def document_url(raw: RawSource, canonical: str | None) -> str | None:
    """The address a document shows: where it was fetched, or its canonical link on the same site; for a file
    or pasted HTML, the page's canonical link as a claim (shown, never its identity)."""
    if canonical and not canonical.lower().startswith(("http://", "https://")):
        canonical = None  # a javascript: or data: "canonical" link is no address
    if raw.url and (raw.keep_url or not canonical or not same_site(canonical, raw.url)):
        return raw.url
    return canonical or raw.url


def document_id(raw: RawSource, kind: str, url: str | None, text: str) -> str:
    """kind is 'html' or 'text'; url is document_url's answer, believed only when raw was fetched."""
    if raw.url and url:
        return stable_id("url", normalise_url(url))
    if raw.identity:
        return stable_id(kind, raw.identity.removeprefix("file:"))
    if raw.source in ("-", ""):
        return stable_id(kind, text)
    return stable_id(kind, raw.source)
