"""What a page publishes for machines: schema.org JSON-LD and microdata, read leniently.

Only the parts onrecord uses: the main article (headline, dates, body, authors, publisher) and a live
blog's updates (liveBlogUpdate entries with headline, dates, body and url/@id).
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from onrecord.clean.blocks import norm, text_of

ARTICLE_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle "
    "ReviewNewsArticle AskPublicNewsArticle SatiricalArticle BlogPosting LiveBlogPosting SocialMediaPosting "
    "Report ScholarlyArticle TechArticle".split()
)
_WRAPPING = re.compile(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$")


@dataclass
class Update:
    """One liveBlogUpdate entry (JSON-LD or microdata)."""

    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    body: str | None = None
    url: str | None = None
    node: object | None = None
    """The microdata element the update was read from, when it came from microdata."""
    ident: str | None = None
    """The update's own identity, where its url gives one (see identify_updates)."""

    @property
    def anchor(self) -> str | None:
        """The fragment of the update's url or @id: usually the id of its block in the page."""
        if self.url and "#" in self.url:
            return self.url.rsplit("#", 1)[1] or None
        return None


@dataclass
class PageData:
    url: str | None = None
    """The page's own address (see canonical_url)."""
    objects: list[dict] = field(default_factory=list)
    main: dict | None = None
    updates: list[Update] = field(default_factory=list)

    def main_value(self, key: str) -> str | None:
        return clean_string(self.main.get(key)) if self.main else None

    def main_text(self, key: str) -> str | None:
        """A long text value (articleBody) with its line breaks kept."""
        value = self.main.get(key) if self.main else None
        if not isinstance(value, str):
            return None
        value = re.sub(r"<(br|/p|/div|/li|/h\d)\b[^>]*>", "\n", html.unescape(value), flags=re.I)
        lines = [norm(_plain(re.sub(r"<[^>]+>", " ", line))) for line in value.splitlines()]
        return "\n".join(line for line in lines if line) or None


MARKDOWN = ((re.compile(r"\]\([^)]*\)(\{[^}]*\})?"), "]"), (re.compile(r"\{:[^}]*\}"), ""),
            (re.compile(r"^\s*\+\+\+\S*\s*$"), ""), (re.compile(r"(?<!\w)[*_]{1,2}|[*_]{1,2}(?!\w)"), ""),
            (re.compile(r"[\[\]]"), ""), (re.compile(r"https?://\S+"), ""))
"""Some publishers put the body in structured data as Markdown: links, emphasis, block markers."""


def _plain(line: str) -> str:
    for pattern, replacement in MARKDOWN:
        line = pattern.sub(replacement, line)
    return line


def types_of(item: dict) -> set[str]:
    kinds = item.get("@type") or []
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def clean_string(value) -> str | None:
    """A text value as a reader would see it: entities decoded, tags and spaces collapsed."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if not isinstance(value, (str, int, float)):
        return None
    text = norm(re.sub(r"<[^>]+>", " ", html.unescape(str(value))))
    return text or None


def _parse(script_text: str):
    text = _WRAPPING.sub("", script_text.strip())
    text = _WRAPPING.sub("", text.strip())
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def json_ld_objects(tree) -> list[dict]:
    """Every object in the page's JSON-LD scripts, @graph and lists flattened, in page order."""
    found: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json' or @type='application/json+ld']"):
        data = _parse(script.text or "")
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack[:0] = graph if isinstance(graph, list) else [graph]
    return found


def canonical_url(tree, base: str | None = None) -> str | None:
    """The page's own address: its <link rel="canonical"> or og:url (the first in the page), as an absolute
    http(s) URL; a relative one is read against the address the page came from, else against the other."""
    links = [link.strip() for link in
             tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content") if link.strip()]
    base = base or next((link for link in links if _is_web_address(link)), None)
    for link in links:
        url = urljoin(base, link) if base else link
        if _is_web_address(url):
            return url
    return None


def _is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _same_page(url: str, canonical: str) -> bool:
    """Two addresses of one page: the same once fragments and a trailing slash are left out."""
    def bare(address: str) -> str:
        return address.split("#", 1)[0].rstrip("/")

    return bare(urljoin(canonical, url)) == bare(canonical)


def _url_of(item: dict) -> str:
    page = item.get("mainEntityOfPage")
    page = page.get("@id") or page.get("url") if isinstance(page, dict) else page
    return str(item.get("url") or page or item.get("@id") or "")


def main_article(objects: list[dict], canonical: str | None) -> dict | None:
    """The article the page is about: one whose URL is the page's own, else a live blog, else the first
    article with a headline (pages also describe related stories, videos and the publisher)."""
    articles = [o for o in objects if types_of(o) & ARTICLE_TYPES and (o.get("headline") or o.get("articleBody"))]
    if not articles:
        return None
    if canonical:
        own = [o for o in articles if _url_of(o) and _same_page(_url_of(o), canonical)]
        if own:
            return next((o for o in own if "LiveBlogPosting" in types_of(o)), own[0])
    return next((o for o in articles if "LiveBlogPosting" in types_of(o) and o.get("liveBlogUpdate")), articles[0])


def _update_from_json(item: dict) -> Update:
    url = item.get("url") or item.get("@id")
    return Update(headline=clean_string(item.get("headline") or item.get("name")),
                  published=clean_string(item.get("datePublished")),
                  modified=clean_string(item.get("dateModified")),
                  body=clean_string(item.get("articleBody") or item.get("text")),
                  url=clean_string(url))


def json_ld_updates(objects: list[dict]) -> list[Update]:
    updates: list[Update] = []
    for item in objects:
        entries = item.get("liveBlogUpdate") if "LiveBlogPosting" in types_of(item) else None
        if isinstance(entries, dict):
            entries = [entries]
        updates += [_update_from_json(e) for e in entries or [] if isinstance(e, dict)]
    return updates


def _itemprop(node, name: str, as_time: bool = False) -> str | None:
    """A microdata property of this item only (not of an item nested in it)."""
    for found in node.xpath(f".//*[@itemprop='{name}']"):
        owner = next((a for a in found.iterancestors() if a.get("itemscope") is not None), None)
        if owner is not node and owner is not None and owner in node.iterdescendants():
            continue
        value = found.get("content") or found.get("datetime") or found.get("href")
        if as_time:
            return norm(value or text_of(found)) or None
        return norm(value) or text_of(found) or None
    return None


def microdata_updates(tree) -> list[Update]:
    """itemprop="liveBlogUpdate" items, and BlogPosting items nested in a LiveBlogPosting."""
    nodes = tree.xpath("//*[@itemscope][contains(concat(' ', normalize-space(@itemprop), ' '), ' liveBlogUpdate ')]")
    if not nodes:
        nodes = tree.xpath("//*[@itemscope][contains(@itemtype, 'LiveBlogPosting')]"
                           "//*[@itemscope][substring(@itemtype, string-length(@itemtype) - 10) = 'BlogPosting'"
                           " and not(contains(@itemtype, 'LiveBlogPosting'))]")
    return [Update(headline=_itemprop(node, "headline"), published=_itemprop(node, "datePublished", True),
                   modified=_itemprop(node, "dateModified", True), url=_itemprop(node, "url"), node=node)
            for node in nodes]


def identify_updates(updates: list[Update], page_url: str | None) -> None:
    """An update is identified by its url's fragment, else by its url where that is its alone: a url that
    several updates share, or the page's own, tells no post from another (pages give every update the
    live blog's address)."""
    uses = Counter(update.url for update in updates if update.url)
    for update in updates:
        if update.anchor:
            update.ident = update.anchor
        elif update.url and uses[update.url] == 1 and not (page_url and _same_page(update.url, page_url)):
            update.ident = update.url


def read_page_data(tree, base: str | None = None) -> PageData:
    """What the page says of itself for machines; `base` is the address it came from, if known."""
    url = canonical_url(tree, base)
    objects = json_ld_objects(tree)
    main = main_article(objects, url)
    updates = json_ld_updates([main] if main and main.get("liveBlogUpdate") else objects) or microdata_updates(tree)
    identify_updates(updates, url)
    return PageData(url=url, objects=objects, main=main, updates=updates)
