"""Embedded social posts as quotations: the post's words are its author's, posted on a platform.

The HTML stage finds the embeds (onrecord.clean.embeds) and keeps their text in the document; the
attribution rules skip those characters, and this turns each embed into one direct quotation.
"""
from __future__ import annotations

from onrecord.records import Embed, Quotation, Speaker

CONFIDENCE = 0.95
"""The platform's own markup names the author; only the name's spelling is in doubt."""


def _speaker(text: str, embed: Embed) -> Speaker | None:
    name = embed.author or (f"@{embed.handle}" if embed.handle else None)
    if name is None:
        return None
    if embed.author_start is not None and embed.author_end is not None:
        mention, start, end = text[embed.author_start:embed.author_end], embed.author_start, embed.author_end
    else:
        mention, start, end = name, embed.start, embed.start
    return Speaker(name, mention, start, end, "unknown")


def embedded_quotations(text: str, embeds) -> list[Quotation]:
    """One direct quotation per embedded post, said by its author, cue "posted"."""
    return [Quotation("direct", text[e.start:e.end], e.start, e.end, _speaker(text, e), "posted", None,
                      CONFIDENCE, "embedded-post", platform=e.platform)
            for e in embeds if e.end > e.start]
