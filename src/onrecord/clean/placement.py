"""Where posts and embedded social posts sit in the document text (offsets are what records point into)."""
from __future__ import annotations

from onrecord.clean.embeds import EmbedMarkup
from onrecord.clean.liveblog import PostBlock
from onrecord.records import Embed, Post


def live_text(title: str | None, posts: list[PostBlock]) -> tuple[str, list[Post]]:
    """A live blog's text, its headline first and then each post's headline and lines; and its posts."""
    lines: list[str] = [title] if title else []
    offset = len(title) + 1 if title else 0
    placed: list[Post] = []
    for post in posts:
        start = offset
        title_span = (offset, offset + len(post.headline)) if post.headline else (None, None)
        for line in ([post.headline] if post.headline else []) + post.lines:
            lines.append(line)
            offset += len(line) + 1
        placed.append(Post(len(placed), post.headline, post.time, start, offset - 1, *title_span, id=post.ident))
    text = "\n".join(lines)
    if placed:
        placed[-1].end = len(text)
    for earlier, later in zip(placed, placed[1:]):
        earlier.end = later.start
    return text, placed


def _find_lines(text: str, lines: list[str], cursor: int) -> tuple[int, int] | None:
    """The span of consecutive lines in the text, from the cursor on."""
    start = text.find(lines[0], cursor)
    if start < 0:
        return None
    end = start + len(lines[0])
    for line in lines[1:]:
        following = text.find(line, end)
        if following < 0 or text[end:following].strip():
            return start, end
        end = following + len(line)
    return start, end


def place_embeds(text: str, embeds: list[EmbedMarkup]) -> list[Embed]:
    """Each embedded post found in the text, in order; one the text lost is left out."""
    placed: list[Embed] = []
    cursor = 0
    for embed in embeds:
        span = _find_lines(text, embed.lines, cursor)
        if span is None:
            continue
        start, end = span
        found = Embed(start, end, embed.platform, embed.author, embed.handle, embed.url)
        signature = embed.signature
        if signature:
            at = text.find(signature, end)
            if at >= 0 and not text[end:at].strip():
                found.author_start, found.author_end = at + 2, at + len(signature)
        placed.append(found)
        cursor = found.author_end or end
    return placed
