"""Where posts and embedded social posts sit in the document text (offsets are what records point into)."""
from __future__ import annotations

from bisect import bisect_left

from onrecord.clean.embeds import EmbedMarkup
from onrecord.clean.layout import Paragraph, paragraphs
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


def _run_of(lines: list[Paragraph], first: int, wanted: list[str]) -> int:
    """How many of the wanted lines the text has, whole and in order, from line `first` on."""
    count = 0
    while count < len(wanted) and first + count < len(lines) and lines[first + count].text == wanted[count]:
        count += 1
    return count


def _signed(lines: list[Paragraph], after: int, signature: str | None) -> bool:
    return bool(signature) and after < len(lines) and lines[after].text.startswith(signature)


def _find_embed(lines: list[Paragraph], where: dict, from_line: int, embed: EmbedMarkup) -> tuple[int, int] | None:
    """The embed's words as whole lines of the text, from line `from_line` on: the run followed by its
    author's signature first, then a run with all its lines, then the earliest. Whole lines only: the story
    may quote the post's words inside a paragraph of its own, or as a paragraph before the embed."""
    starts = where.get(embed.lines[0], [])
    runs = [(first, _run_of(lines, first, embed.lines)) for first in starts[bisect_left(starts, from_line):]]
    if not runs:
        return None
    first, count = min(runs, key=lambda run: (not _signed(lines, run[0] + run[1], embed.signature),
                                              run[1] < len(embed.lines), run[0]))
    return first, first + count


def place_embeds(text: str, embeds: list[EmbedMarkup]) -> list[Embed]:
    """Each embedded post found in the text, in order; one the text lost is left out."""
    lines = paragraphs(text)
    where: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        where.setdefault(line.text, []).append(number)
    placed: list[Embed] = []
    next_line = 0
    for embed in embeds:
        found = _find_embed(lines, where, next_line, embed) if embed.lines else None
        if found is None:
            continue
        first, after = found
        record = Embed(lines[first].start, lines[after - 1].end, embed.platform, embed.author, embed.handle, embed.url)
        next_line = after
        if _signed(lines, after, embed.signature):
            signature = lines[after]
            record.author_start, record.author_end = signature.start + 2, signature.start + len(embed.signature)
            next_line = after + 1
        placed.append(record)
    return placed
