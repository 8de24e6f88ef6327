"""HTML: a page becomes a Document with its story text, true metadata, posts and embedded social posts.

The page is parsed once. What it publishes for machines (JSON-LD, microdata, meta tags) gives the
metadata and a live blog's updates; embedded social posts are read and replaced by their clean text;
site chrome is pruned by structure; then a live blog's posts are read block by block, and any other
page's story comes from trafilatura, checked against the page's own account of its body.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from onrecord.clean.body import article_text, trafilatura_text
from onrecord.clean.chrome import prune_chrome
from onrecord.clean.embeds import mark_embeds
from onrecord.clean.layout import paragraphs
from onrecord.clean.liveblog import find_posts, post_identity
from onrecord.clean.metadata import PageMeta, read_metadata
from onrecord.clean.placement import live_text, place_embeds
from onrecord.clean.structured import PageData, read_page_data
from onrecord.clean.text import document_from_text
from onrecord.identity import document_id, document_url
from onrecord.records import Document, DocumentInfo, Post, RawSource

__all__ = ["EmptyPage", "document_from_html"]
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


class EmptyPage(ValueError):
    pass


def without_xml_declaration(content: str) -> str:
    """XHTML may open with <?xml ... encoding="..."?>, which lxml refuses in a str that is already decoded."""
    return _XML_DECLARATION.sub("", content, count=1)


def _parse(raw: RawSource):
    try:
        tree = lxml.html.fromstring(without_xml_declaration(raw.content))
    except (lxml.etree.ParserError, ValueError) as error:
        raise EmptyPage(f"{raw.source}: not a readable HTML page ({error})") from None
    return tree.getroottree().getroot()


def _info(raw: RawSource, page: PageData, meta: PageMeta, text: str) -> DocumentInfo:
    url = document_url(raw, page.url)
    return DocumentInfo(
        id=document_id(raw, "html", url, text),
        source=raw.source,
        url=url,
        title=meta.title,
        site=meta.site or (urlsplit(url).hostname if url else None),
        published=meta.published or raw.fetched_date,
        author=", ".join(meta.authors) or None,
        authors=meta.authors,
        modified=meta.modified,
    )


def _title_spans(document: Document, title: str | None) -> list[tuple[int, int]]:
    if not title:
        return []
    return [(p.start, p.end) for p in paragraphs(document.text)[:3] if p.text == " ".join(title.split())]


def document_from_html(raw: RawSource) -> Document:
    tree = _parse(raw)
    page = read_page_data(tree, raw.url)
    meta = read_metadata(tree, page)
    embeds = mark_embeds(tree)
    prune_chrome(tree)
    main_text = cache(lambda: trafilatura_text(tree, favor_recall=True))
    live = find_posts(tree, page, meta, main_text)
    text, live_posts = live_text(meta.title, live) if live else (article_text(tree, page, main_text()), [])
    if not text.strip():
        raise EmptyPage(f"{raw.source}: no article text found in the HTML")
    info = _info(raw, page, meta, text)
    document = document_from_text(RawSource(raw.source, text, False, info.url), info)
    if live_posts:
        document.posts = live_posts
    else:
        document.posts = [Post(0, info.title, info.published, 0, len(text), id=post_identity(None, info.title, ""))]
    headlines = [(p.title_start, p.title_end) for p in document.posts if p.title_start is not None]
    document.embeds = place_embeds(text, embeds)
    document.web_page = True
    embedded = [(e.start, e.author_end or e.end) for e in document.embeds]
    document.skip_spans = sorted(set(document.skip_spans) | set(headlines) | set(embedded)
                                 | set(_title_spans(document, info.title)))
    return document
