"""HTML: trafilatura gives the main text and metadata; the page structure gives live-blog posts."""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from trafilatura.settings import use_config

from onrecord.clean.layout import paragraphs
from onrecord.clean.text import document_from_text
from onrecord.identity import document_id, document_url
from onrecord.records import Document, DocumentInfo, Post, RawSource

_POST_CLASS = re.compile(
    r"(^|[\s_-])(live-?blog-?(post|entry|update|item)|live-?(post|entry|update)|post-?entry|blog-?post|update)($|[\s_-])",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_PUBLISHED = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='date']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)


def _trafilatura_config():
    """Short pages (a live blog's first post, a brief wire story) keep their line structure instead of
    falling back to one run-on line; no signal-based timeout, so extraction works off the main thread."""
    config = use_config()
    for option in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE", "MIN_OUTPUT_COMM_SIZE"):
        config.set("DEFAULT", option, "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


TRAFILATURA_CONFIG = _trafilatura_config()


class EmptyPage(ValueError):
    pass


def without_xml_declaration(content: str) -> str:
    """XHTML may open with <?xml ... encoding="..."?>, which lxml refuses in a str that is already decoded."""
    return _XML_DECLARATION.sub("", content, count=1)


@dataclass
class PostMarkup:
    title: str | None
    time: str | None
    first_text: str | None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _first(tree, paths) -> str | None:
    for path in paths:
        found = tree.xpath(path)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return None


def _post_nodes(tree) -> list:
    """Repeated containers that each carry a heading or a timestamp: the posts of a live blog."""
    candidates = [
        node for node in tree.iter()
        if isinstance(node.tag, str)
        and (_POST_CLASS.search(node.get("class", "") or "")
             or "BlogPosting" in (node.get("itemtype") or ""))
    ]
    outermost = [n for n in candidates if not any(a in candidates for a in n.iterancestors())]
    if len(outermost) < 2:
        articles = tree.xpath("//article//article")
        outermost = articles if len(articles) >= 2 else []
    return [n for n in outermost if n.xpath(".//h1|.//h2|.//h3|.//h4|.//time")]


def _markup(node) -> PostMarkup:
    heading = node.xpath("(.//h1|.//h2|.//h3|.//h4)[1]")
    title = _norm(heading[0].text_content()) if heading else None
    time = _first(node, ("(.//time/@datetime)[1]", "(.//@data-timestamp)[1]", "(.//time)[1]/text()"))
    first_para = node.xpath("(.//p)[1]")
    first_text = _norm(first_para[0].text_content()) if first_para else None
    return PostMarkup(title or None, time, first_text or None)


def _locate(text: str, needle: str | None, after: int) -> int | None:
    if not needle:
        return None
    position = text.find(needle[:120], after)
    return position if position >= 0 else None


def _live_posts(text: str, markups: list[PostMarkup]) -> list[Post]:
    posts: list[Post] = []
    cursor = 0
    for markup in markups:
        title_at = _locate(text, markup.title, cursor)
        body_at = _locate(text, markup.first_text, title_at if title_at is not None else cursor)
        start = title_at if title_at is not None else body_at
        if start is None:
            continue
        post = Post(len(posts), markup.title, markup.time, start, len(text))
        if title_at is not None:
            post.title_start, post.title_end = title_at, title_at + len(markup.title)
        posts.append(post)
        cursor = start + 1
    for earlier, later in zip(posts, posts[1:]):
        earlier.end = later.start
    return posts


def document_from_html(raw: RawSource) -> Document:
    text = trafilatura.extract(raw.content, include_comments=False, include_tables=False,
                               deduplicate=False, favor_recall=True, config=TRAFILATURA_CONFIG)
    if not text or not text.strip():
        raise EmptyPage(f"{raw.source}: no article text found in the HTML")
    metadata = trafilatura.extract_metadata(raw.content)
    tree = lxml.html.fromstring(without_xml_declaration(raw.content))
    url = document_url(raw, metadata.url if metadata else None)
    info = DocumentInfo(
        id=document_id(raw, "html", url, text),
        source=raw.source,
        url=url,
        title=metadata.title if metadata else None,
        site=(metadata.sitename or metadata.hostname) if metadata else None,
        published=_first(tree, _META_PUBLISHED) or (metadata.date if metadata else None) or raw.fetched_date,
        author=metadata.author if metadata else None,
    )
    plain = document_from_text(RawSource(raw.source, text, False, url), info)
    markups = [_markup(node) for node in _post_nodes(tree)]
    posts = _live_posts(text, markups) if len(markups) >= 2 else []
    if posts:
        headline_spans = [(p.title_start, p.title_end) for p in posts if p.title_start is not None]
        plain.skip_spans = sorted(set(plain.skip_spans) | set(headline_spans))
    else:
        posts = [Post(0, info.title, info.published, 0, len(text))]
    plain.posts = posts
    if info.title:
        for para in paragraphs(text)[:3]:
            if _norm(para.text) == _norm(info.title):
                plain.skip_spans = sorted(set(plain.skip_spans) | {(para.start, para.end)})
    return plain
