"""Live blogs: which blocks of a page are its posts, each with its headline, time and stable identity.

What the page publishes for machines comes first (schema.org liveBlogUpdate entries in JSON-LD or
microdata), found in the visible page by their anchor, headline or first words; then the visible structure:
the run of sibling blocks under one parent that each carry a timestamp (<time>, datetime, data-timestamp,
or a time line such as "21:06 (IST)") and text; then, for pages with no post containers at all, paragraphs
that open on a bold time ("17.00 ..."). The posts' text is read from the pruned page.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from onrecord.clean.blocks import block_texts, is_element, norm, text_of, words
from onrecord.clean.pairing import Landmarks, locate, pair
from onrecord.clean.structured import PageData, Update
from onrecord.clean.times import parse_stamp
from onrecord.clean.timeline import PostClock, date_posts

TIME_SIGNAL = ".//time | .//*[@datetime] | .//*[@data-timestamp] | .//*[@data-time]"
TIME_LINE = re.compile(
    r"^(?:posted|updated|published)?\s*(?:at\s*)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,4}\)?)?"
    r"(?:\s+(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?$",
    re.I,
)
"""A line that only says when: "Posted at 15:05", "22:10 GMT", "00:17 (IST) Feb 26"."""
OPENING_CLOCK = re.compile(r"^\s*(\d{1,2}[.:]\d\d)\s*(?:[ap]\.?m\.?)?\s+(?=\S)", re.I)
MIN_POSTS = 2
MIN_TIMELINE_POSTS = 3
STREAM_SHARE = 0.5
"""Posts found by structure alone must hold this share of the words of the page's main text (as trafilatura
finds it): a list of related stories or videos, or a comment thread, each item with its time, is not the
page's story."""
BYLINE = ".//*[@itemprop='author' or @rel='author']"


@dataclass
class PostBlock:
    """A post as found in the page, before its text is placed in the document."""

    headline: str | None
    lines: list[str]
    time: str | None = None
    ident: str | None = None
    clock: PostClock | None = None
    first_words: str = ""


def post_identity(clock_text: str | None, headline: str | None, first_words: str) -> str:
    """A post with no id of its own: a hash of its time as written, headline and first words."""
    basis = "\x1f".join((clock_text or "", norm(headline).lower(), " ".join(words(first_words)[:12])))
    return "h" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:15]


# --- locating posts ------------------------------------------------------------------------------

def _post_nodes(anchors: list) -> list:
    """Each anchor's own block: the highest ancestor that holds no other anchor."""
    under = Counter()
    for anchor in anchors:
        under[anchor] += 1
        for ancestor in anchor.iterancestors():
            under[ancestor] += 1
    nodes = []
    for anchor in anchors:
        node = anchor
        parent = node.getparent()
        while parent is not None and under[parent] == 1:
            node, parent = parent, parent.getparent()
        nodes.append(node)
    return nodes


def _blocks(located: list) -> list:
    """The posts' blocks: children of the one parent most located elements climb to, in page order."""
    nodes = _post_nodes(located)
    parent = Counter(node.getparent() for node in nodes).most_common(1)[0][0]
    if parent is None:
        return []
    inside = set()
    for element in located:
        for ancestor in [element, *element.iterancestors()]:
            if ancestor.getparent() is parent:
                inside.add(ancestor)
                break
    return [child for child in parent if child in inside]


def _from_updates(root, page: PageData) -> list[tuple[object, Update | None]]:
    landmarks = Landmarks(root)
    located = [e for e in (locate(u, landmarks) for u in page.updates) if e is not None]
    located = list(dict.fromkeys(located))
    if len(located) < MIN_POSTS:
        return []
    blocks = _blocks(located)
    if len(blocks) < MIN_POSTS:
        return []
    return pair(_with_unmatched_siblings(blocks), page.updates)


def _carries_time(node) -> bool:
    if node.xpath(TIME_SIGNAL) or node.get("datetime") or node.get("data-timestamp"):
        return True
    lines = block_texts(node)
    return bool(lines) and bool(TIME_LINE.match(lines[0]))


def _with_unmatched_siblings(nodes: list) -> list:
    """Posts the structured data left out (it often lists only the latest): siblings of the found posts,
    of the same kind of element, that carry a time and some prose too."""
    parents = {node.getparent() for node in nodes}
    if len(parents) != 1:
        return nodes
    parent = parents.pop()
    tags = {node.tag for node in nodes}
    known = set(nodes)
    return [child for child in parent if child in known
            or is_element(child) and child.tag in tags and _carries_time(child) and _has_prose(child)]


def _has_prose(node) -> bool:
    return len(text_of(node).split()) >= 8


def _from_structure(root) -> list[tuple[object, None]]:
    """The parent with the most children that each carry a time and some prose: a live blog's stream."""
    children_with_time: dict = {}
    for signal in root.xpath(TIME_SIGNAL.replace(".//", "//")):
        child, parent = signal, signal.getparent()
        while parent is not None:
            children_with_time.setdefault(parent, {})[child] = child
            child, parent = parent, parent.getparent()
    best = max(children_with_time.items(), key=lambda item: len(item[1]), default=(None, {}))
    posts = set(c for c in best[1].values() if _has_prose(c))
    if len(posts) < MIN_TIMELINE_POSTS:
        return []
    return [(child, None) for child in best[0] if child in posts]


# --- reading a post ------------------------------------------------------------------------------

def _headline_element(node):
    found = node.xpath(".//*[@itemprop='headline'] | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6")
    return next((h for h in found if text_of(h) and not h.xpath("ancestor::blockquote")), None)


def _time_of(node, update: Update | None) -> tuple[str | None, str | None]:
    """The post's stated time (ISO or as written) and the time line as written, if any."""
    if update is not None and update.published:
        return update.published, None
    for path in (".//time/@datetime", ".//@datetime", ".//@data-timestamp", ".//@data-time"):
        found = node.xpath(path)
        if found and str(found[0]).strip():
            return str(found[0]).strip(), None
    for line in block_texts(node)[:3]:
        if TIME_LINE.match(line):
            return None, line
    times = node.xpath(".//time")
    return (None, text_of(times[0])) if times else (None, None)


def _post_ident(node, update: Update | None) -> str | None:
    if update is not None and update.ident:
        return update.ident
    if node.get("id"):
        return node.get("id")
    for href in node.xpath(".//a[starts-with(@href, '#')]/@href"):
        target = href[1:]
        if target and "'" not in target and node.xpath(f".//*[@id='{target}']"):
            return target
    return None


def read_post(node, update: Update | None) -> PostBlock:
    heading = _headline_element(node)
    skip = set(node.xpath(".//time")) | set(node.xpath(BYLINE)) | ({heading} if heading is not None else set())
    lines = [line for line in block_texts(node, frozenset(skip)) if not TIME_LINE.match(line)]
    headline = text_of(heading) if heading is not None else None
    if update is not None and update.headline:
        if headline and update.headline.lower() in headline.lower():
            headline = update.headline
        elif headline is None and lines and norm(lines[0]).lower().startswith(update.headline.lower()[:60]):
            headline = lines.pop(0)
    stated, time_line = _time_of(node, update)
    post = PostBlock(headline, lines, ident=_post_ident(node, update), first_words=" ".join(lines[:1]))
    post.time = stated
    post.clock = PostClock.read(time_line) if stated is None and time_line else None
    return post


# --- pages with no post containers ---------------------------------------------------------------

def _opening_clock(paragraph) -> str | None:
    """A paragraph that opens on a time in bold (or in a <time>): a post's start in a container-less blog."""
    first = next((c for c in paragraph if is_element(c)), None)
    if (paragraph.text or "").strip() or first is None or first.tag not in ("strong", "b", "time", "span"):
        return None
    found = OPENING_CLOCK.match(text_of(paragraph) + " ")
    return found.group(1) if found and OPENING_CLOCK.match(text_of(first) + " x") else None


def _from_time_lines(root) -> list[PostBlock]:
    markers = {p: clock for p in root.xpath("//p") if (clock := _opening_clock(p))}
    if len(markers) < MIN_TIMELINE_POSTS:
        return []
    posts: list[PostBlock] = []
    for paragraph in root.xpath("//p | //h2 | //h3 | //h4 | //li | //blockquote"):
        if paragraph in markers:
            opening = OPENING_CLOCK.sub("", text_of(paragraph) + " ", count=1).strip()
            posts.append(PostBlock(None, [opening] if opening else [], clock=PostClock.read(markers[paragraph]),
                                   first_words=opening))
        elif posts and not paragraph.xpath("ancestor::p | ancestor::li | ancestor::blockquote"):
            posts[-1].lines += block_texts(paragraph)
    return posts


# --- all together --------------------------------------------------------------------------------

def _without_repeats(posts: list[PostBlock]) -> list[PostBlock]:
    """A pinned or summary block that repeats a later post is not a post of its own: keep the later one."""
    seen, kept = set(), []
    for post in reversed(posts):
        key = post.ident or (norm(post.headline).lower(), norm(post.first_words).lower()[:200])
        if key in seen:
            continue
        seen.add(key)
        kept.append(post)
    return list(reversed(kept))


def _json_ld_only(page: PageData) -> list[PostBlock]:
    """A live blog whose posts are only in its structured data (the page draws them with scripts)."""
    return [PostBlock(u.headline, [u.body] if u.body else [], time=u.published, ident=u.ident,
                      first_words=u.body or "") for u in page.updates if u.body or u.headline]


def _positional(posts: list[PostBlock]) -> bool:
    """Ids that count posts from the top ("post1", "post2", ...: the newest has the smallest number) change
    as new posts arrive; serial ids grow with time and stay."""
    numbered = [re.fullmatch(r"(.*?)(\d+)", post.ident or "") for post in posts]
    if not posts or not all(numbered) or len({m.group(1) for m in numbered}) != 1:
        return False
    numbers = [int(m.group(2)) for m in numbered]
    times = [parse_stamp(post.time) for post in posts]
    if any(t is None or not t.has_time for t in times):
        return numbers[0] <= 1 and all(a < b for a, b in zip(numbers, numbers[1:]))
    moments = [t.moment for t in times]
    against = sum((n2 - n1) * _sign(m2, m1) < 0 for n1, n2, m1, m2 in zip(numbers, numbers[1:], moments, moments[1:]))
    along = sum((n2 - n1) * _sign(m2, m1) > 0 for n1, n2, m1, m2 in zip(numbers, numbers[1:], moments, moments[1:]))
    return against > along


def _sign(later, earlier) -> int:
    try:
        return (later > earlier) - (later < earlier)
    except TypeError:  # one with a zone, one without
        return 0


def _hold_the_story(posts: list[PostBlock], main_text: str) -> bool:
    main = Counter(words(main_text))
    held = Counter(w for post in posts for line in post.lines for w in words(line))
    return sum((main & held).values()) >= STREAM_SHARE * sum(main.values())


def _declared_posts(root, page: PageData) -> list[PostBlock]:
    return [read_post(node, update) for node, update in _from_updates(root, page)]


def _structural_posts(root, main_text) -> list[PostBlock]:
    for found in (lambda: [read_post(node, None) for node, _ in _from_structure(root)],
                  lambda: _from_time_lines(root)):
        posts = found()
        if len(posts) >= MIN_POSTS and _hold_the_story(posts, main_text()):
            return posts
    return []


def find_posts(root, page: PageData, meta, main_text) -> list[PostBlock]:
    """The posts of a live blog in page order, or [] for a page that is not one. `main_text()` gives the
    page's main text, to check posts found by structure alone against."""
    posts = _declared_posts(root, page) if page.updates else []
    if len(posts) < MIN_POSTS:
        posts = _structural_posts(root, main_text)
    if len(posts) < MIN_POSTS and len(page.updates) >= MIN_POSTS:
        posts = _json_ld_only(page)
    posts = _without_repeats([p for p in posts if p.lines or p.headline])
    if len(posts) < MIN_POSTS:
        return []
    date_posts(posts, meta)
    positional = _positional(posts)
    for post in posts:
        if positional or not post.ident:
            post.ident = post_identity(post.clock.text if post.clock else post.time, post.headline, post.first_words)
    return posts
