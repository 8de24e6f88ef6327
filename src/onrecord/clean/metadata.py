"""A page's metadata as a reader would state it: the headline it shows, when it was published and
updated (to the second, with a zone, when any source on the page says so), the site, the bylines."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timezone

from onrecord.clean.blocks import norm, text_of, words
from onrecord.clean.structured import PageData, clean_string
from onrecord.clean.times import normalise, parse_stamp, zone_of

PUBLISHED_PATHS = (
    "//meta[@property='article:published_time' or @property='og:article:published_time' "
    "or @property='article:published' or @name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='dcterms.created' or @name='DC.date.issued' or @name='dc.date' or @name='publish-date' "
    "or @name='pubdate' or @name='publishdate' or @name='date' or @name='article_date_original' "
    "or @name='created-date' or @property='og:published_time']/@content",
    "//time[@pubdate]/@datetime",
)
"""Where pages state their publication time by standard or common convention, most specific first: Open
Graph's article tags, schema.org microdata, Dublin Core and common meta names, <time pubdate> (schema.org
JSON-LD comes before all)."""
VENDOR_PUBLISHED = {"parsely-pub-date": None, "parsely-page": "pub_date", "sailthru.date": None,
                    "cXenseParse:recs:publishtime": None}
"""Analytics and recommendation services' own meta tags (Parse.ly, Sailthru, cXense), by name, with the key
of the date where the content is a JSON object. They restate the publication time for the vendor's crawler
and are read last, after every standard source; they stay because some pages give the time of day, or its
zone, only there (5 of the 55 development pages: their standard tags give the day alone)."""
MODIFIED_PATHS = (
    "//meta[@property='article:modified_time' or @property='article:modified' or @property='og:updated_time' "
    "or @name='dcterms.modified' or @name='modified-date' or @name='article_date_updated']/@content",
    "//meta[@itemprop='dateModified']/@content",
    "//*[@itemprop='dateModified']/@datetime",
)
BYLINE_PATHS = ("//meta[@name='author']/@content", "//meta[@property='article:author']/@content",
                "//*[@itemprop='author']//*[@itemprop='name']/@content",
                "//*[@itemprop='author']//*[@itemprop='name']/text()", "//a[@rel='author']/text()")
TITLE_PATHS = ("//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content", "//title/text()")
SITE_SEPARATORS = re.compile(r"\s+[|\-–—:·]\s+")


@dataclass
class PageMeta:
    title: str | None = None
    site: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    zone: timezone | None = None
    """The zone the page shows its times in (its <time datetime> offsets, else its metadata's): times it gives
    without a zone (live-blog posts) are in it, and every time is written in it."""


def _values(tree, paths) -> list[str]:
    return [str(v).strip() for path in paths for v in tree.xpath(path) if str(v).strip()]


def _agree(one: str, other: str) -> bool:
    """Two titles for the same story: one holds the other, or they share most words."""
    a, b = norm(one).lower(), norm(other).lower()
    if a in b or b in a:
        return True
    wa, wb = set(words(a)), set(words(b))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def strip_site_suffix(title: str, site: str | None) -> str:
    """"Story headline | Site" and "Story headline - Site" lose the site; a headline with a dash keeps it."""
    pieces = SITE_SEPARATORS.split(title)
    if len(pieces) < 2:
        return title
    tail = pieces[-1]
    site_words = set(words(site or ""))
    if (site_words and set(words(tail)) & site_words) or len(tail.split()) <= 3 and len(pieces[0].split()) >= 3:
        return norm(title[: title.rfind(tail)].rstrip(" |-–—:·"))
    return title


def _visible_headings(tree) -> list[str]:
    return [t for t in (text_of(h) for h in tree.xpath("//h1[not(ancestor::nav or ancestor::footer or "
                                                       "ancestor::aside)]")) if t]


def find_title(tree, page: PageData, site: str | None) -> str | None:
    """The headline a reader sees: the article's JSON-LD headline, else the <h1> that agrees with the
    page's social and <title> titles, else those titles without their site suffix."""
    declared = page.main_value("headline")
    if declared:
        return declared
    metadata_titles = [strip_site_suffix(norm(t), site) for t in _values(tree, TITLE_PATHS)]
    headings = _visible_headings(tree)
    for heading in headings:
        if any(_agree(heading, t) for t in metadata_titles):
            return heading
    if metadata_titles:
        return metadata_titles[0]
    return headings[0] if headings else None


def _vendor_dates(tree) -> list[str]:
    found = []
    for name, key in VENDOR_PUBLISHED.items():
        for content in tree.xpath("//meta[@name=$name]/@content", name=name):
            found.append(_json_value(content, key) if key else str(content).strip())
    return [date for date in found if date]


def _json_value(content: str, key: str) -> str:
    try:
        return str(json.loads(content).get(key) or "")
    except (ValueError, AttributeError):
        return ""


def best_time(candidates: list[str], zone: timezone | None) -> str | None:
    """The first candidate, made as precise as the others allow: a date alone takes the time of another
    candidate on the same day; a time without a zone takes the page's zone."""
    stamps = [(c, parse_stamp(c)) for c in candidates]
    stamps = [(c, s) for c, s in stamps if s is not None]
    if not stamps:
        return None
    first = stamps[0][1]
    if not first.has_time:
        same_day = [c for c, s in stamps if s.has_time and s.moment.date() == first.moment.date()]
        if same_day:
            return best_time(same_day, zone)
    if first.has_time and not first.has_zone:
        zoned = [c for c, s in stamps[1:] if s.has_time and s.has_zone
                 and s.moment.replace(tzinfo=None) == first.moment.replace(tzinfo=None)]
        if zoned:
            return normalise(zoned[0], zone)
    return normalise(stamps[0][0], zone)


def _authors(page: PageData, tree) -> list[str]:
    names: list[str] = []
    declared = page.main.get("author") if page.main else None
    for item in declared if isinstance(declared, list) else [declared] if declared else []:
        name = clean_string(item.get("name") if isinstance(item, dict) else item)
        if name and not name.startswith("http"):
            names.append(name)
    if not names:
        names = [v for v in _values(tree, BYLINE_PATHS) if not v.startswith("http")]
    return unique_names(names)


def unique_names(names) -> list[str]:
    """Each byline once, in page order; a name in capitals as a name ("KEVIN GRANVILLE")."""
    unique: list[str] = []
    for name in names:
        name = norm(name)
        name = name.title() if name.isupper() else name
        if name and name.lower() not in {u.lower() for u in unique}:
            unique.append(name)
    return unique


def _site(tree, page: PageData) -> str | None:
    named = _values(tree, ("//meta[@property='og:site_name']/@content",))
    if named:
        return norm(named[0])
    publisher = page.main.get("publisher") if page.main else None
    return clean_string(publisher.get("name")) if isinstance(publisher, dict) else None


def read_metadata(tree, page: PageData) -> PageMeta:
    site = _site(tree, page)
    published_candidates = [v for v in [page.main_value("datePublished")] if v] + _values(tree, PUBLISHED_PATHS) \
        + _vendor_dates(tree)
    modified_candidates = [v for v in [page.main_value("dateModified")] if v] + _values(tree, MODIFIED_PATHS)
    zone = zone_of(_values(tree, ("//time/@datetime",)) + published_candidates + modified_candidates)
    published = best_time(published_candidates, zone) or _found_date(tree)
    return PageMeta(title=find_title(tree, page, site), site=site, published=published,
                    modified=best_time(modified_candidates, zone), authors=_authors(page, tree), zone=zone)


def _found_date(tree) -> str | None:
    """htmldate's reading of a page that states no date in its metadata (URL, text, headers)."""
    from htmldate import find_date

    try:
        return find_date(tree, original_date=True)
    except (ValueError, TypeError):
        return None
