"""Posts from social platforms embedded in a page: a blockquote that links to (or cites) a post on a
platform, as the platforms' own embed code writes them. Each becomes a clean blockquote of its text and
its author's signature ("— Name (@handle)"); the date line, media links and widget remnants are dropped.
An embed with no text of its own (the page kept only the widget shell) is removed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html

from onrecord.clean.blocks import block_texts, norm
from onrecord.clean.chrome import EMBED_MARK

PLATFORMS = {
    "twitter.com": "twitter", "x.com": "twitter", "instagram.com": "instagram", "tiktok.com": "tiktok",
    "facebook.com": "facebook", "fb.com": "facebook", "threads.net": "threads", "threads.com": "threads",
    "bsky.app": "bluesky", "truthsocial.com": "truthsocial", "linkedin.com": "linkedin", "youtube.com": "youtube",
}
POST_PATH = re.compile(r"/(status|statuses|p|reel|video|videos|posts?|permalink|feed/update)/|/@[\w.]+/\d+", re.I)
SIGNATURE = re.compile(r"(?:^|\s)[—–-]\s*(?P<name>[^()\n—–]{1,80}?)\s*\(\s*@(?P<handle>[\w.]{1,40})\s*\)")
SHARED_BY = re.compile(r"(?:post|video|photo) shared by (?P<name>.{1,80}?)\s*\(\s*@(?P<handle>[\w.]{1,40})\s*\)", re.I)
MEDIA_LINK = re.compile(r"(?:https?://)?(?:pic\.twitter\.com|t\.co|bit\.ly|instagr\.am)/\S+|https?://\S+")


@dataclass
class EmbedMarkup:
    """An embedded post as read from the page, before the text exists."""

    platform: str
    lines: list[str]
    author: str | None
    handle: str | None
    url: str | None

    @property
    def signature(self) -> str | None:
        if self.author and self.handle:
            return f"— {self.author} (@{self.handle})"
        if self.author or self.handle:
            return f"— {self.author or '@' + self.handle}"
        return None


def _platform_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url.strip()).netloc.lower().split(":")[0]
    for domain, name in PLATFORMS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def _post_url(blockquote) -> str | None:
    """The embedded post's own address: the cite, else the last link to a post on a platform."""
    candidates = [blockquote.get("cite")] + list(reversed(blockquote.xpath(".//a/@href")))
    for url in candidates:
        if url and _platform_of(url) and POST_PATH.search(urlsplit(url).path + "/"):
            return url
    return None


def _author(text: str, url: str, blockquote) -> tuple[str | None, str | None]:
    found = SIGNATURE.search(text) or SHARED_BY.search(text)
    if found:
        return norm(found["name"]) or None, found["handle"]
    profile = re.search(r"/@?([\w.]{1,40})/(?:status|video|post)", urlsplit(url).path)
    titled = next((t for t in blockquote.xpath(".//a/@title") if t.startswith("@")), None)
    handle = profile.group(1) if profile else titled[1:] if titled else None
    return None, handle


def _body_lines(blockquote, text_lines: list[str]) -> list[str]:
    """The post's own words: its paragraphs without the signature, date, media links or widget links."""
    paragraphs = [norm(html.unescape(p.text_content())) for p in blockquote.xpath(".//p")]
    lines = [p for p in paragraphs if p] or text_lines
    kept = []
    for line in lines:
        line = html.unescape(line)
        signature = SIGNATURE.search(line) or SHARED_BY.search(line)
        if signature:
            line = line[: signature.start()]
        line = norm(MEDIA_LINK.sub(" ", line))
        if re.search(r"\w", line):
            kept.append(line)
    return kept


def read_embed(blockquote) -> EmbedMarkup | None:
    url = _post_url(blockquote)
    if url is None:
        return None
    text_lines = [html.unescape(line) for line in block_texts(blockquote)]
    author, handle = _author(" \n".join(text_lines), url, blockquote)
    return EmbedMarkup(_platform_of(url), _body_lines(blockquote, text_lines), author, handle, url)


def _clean_blockquote(index: int, embed: EmbedMarkup):
    element = lxml.html.Element("blockquote", {EMBED_MARK: str(index)})
    for line in embed.lines + ([embed.signature] if embed.signature else []):
        paragraph = lxml.html.Element("p")
        paragraph.text = line
        element.append(paragraph)
    return element


def mark_embeds(root) -> list[EmbedMarkup]:
    """Replace every embedded social post in the page by a clean blockquote marked with its index."""
    found: list[EmbedMarkup] = []
    for blockquote in root.xpath("//blockquote[not(ancestor::blockquote)]"):
        embed = read_embed(blockquote)
        if embed is None:
            continue
        if not embed.lines:
            blockquote.drop_tree()
            continue
        clean = _clean_blockquote(len(found), embed)
        figure = _figure_holding_only(blockquote)
        replaced = blockquote if figure is None else figure
        clean.tail = replaced.tail
        replaced.getparent().replace(replaced, clean)
        found.append(embed)
    return found


def _figure_holding_only(blockquote):
    """The <figure> an embed is wrapped in, when the embed is all it shows (a caption aside): extractors drop
    figures as pictures, and the post would go with it."""
    figures = blockquote.xpath("ancestor::figure[1]")
    if not figures:
        return None
    figure = figures[0]
    outside = [norm(t) for t in figure.xpath(".//text()[not(ancestor::blockquote) and not(ancestor::figcaption)"
                                             " and not(ancestor::script) and not(ancestor::style)]")]
    pictures_or_posts = figure.xpath(".//blockquote[not(ancestor::blockquote)] | .//img[not(ancestor::blockquote)]"
                                     " | .//video[not(ancestor::blockquote)] | .//iframe[not(ancestor::blockquote)]")
    return figure if not any(outside) and pictures_or_posts == [blockquote] else None
