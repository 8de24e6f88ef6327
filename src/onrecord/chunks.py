"""Texts longer than spaCy's max_length, run in paragraph-aligned chunks whose offsets are moved back to
document offsets. Texts up to max_length go through whole, exactly as before.

spaCy refuses a text over nlp.max_length (E088: the parser and NER need about 1 GB per 100,000 characters),
so a long text is cut at line breaks into CHUNK_CHARS pieces. A quotation or a pronoun chain that crosses a
cut is not seen whole; that is the price of reading a 5-million-character file at all.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.records import Document, Embed, Quotation

MAX_TEXT_CHARS = 5_000_000
"""The longest document text we take: beyond it, one clear error for that source only."""
CHUNK_CHARS = 100_000
LONG_RUN = re.compile(r"\S{1000,}")
RUN_PIECE = 100


def chunk_spans(text: str, limit: int, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of text: the whole text when it fits in limit, else pieces of at most size characters
    that end at a line break (else at a space, else anywhere) in their second half."""
    if len(text) <= limit:
        return [(0, len(text))]
    spans, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut >= 0:
                end = cut + 1
        spans.append((start, end))
        start = end
    return spans


def _skips_within(skips: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(max(a, start) - start, min(b, end) - start) for a, b in skips if a < end and b > start]


def live_blog_post_starts(document: Document) -> list[int] | None:
    """Where a live blog's posts start (posts with times): a pronoun or a continuation never reaches back
    into another post. None for an article."""
    timed = [post for post in document.posts if post.time]
    return [post.start for post in document.posts] if len(timed) >= 2 else None


def _starts_within(starts: list[int] | None, start: int, end: int) -> list[int] | None:
    return None if starts is None else [s - start for s in starts if start <= s < end]


def _embeds_within(embeds: list[Embed], start: int, end: int) -> list[Embed]:
    """The embedded posts wholly inside the chunk, in chunk offsets."""
    moved = lambda value: None if value is None else value - start  # noqa: E731
    return [replace(e, start=e.start - start, end=e.end - start, author_start=moved(e.author_start),
                    author_end=moved(e.author_end)) for e in embeds if e.start >= start and e.end <= end]


def shifted(quotation: Quotation, offset: int) -> Quotation:
    """The quotation with every offset moved by offset characters (chunk offsets to document offsets)."""
    if not offset:
        return quotation
    speaker = quotation.speaker
    if speaker is not None:
        speaker = replace(speaker, start=speaker.start + offset, end=speaker.end + offset)
    moved = lambda value: None if value is None else value + offset  # noqa: E731
    return replace(quotation, start=quotation.start + offset, end=quotation.end + offset, speaker=speaker,
                   parts=[(s + offset, e + offset) for s, e in quotation.parts],
                   cue_start=moved(quotation.cue_start), cue_end=moved(quotation.cue_end))


def make_doc(nlp, text: str) -> Doc:
    """nlp.make_doc, except that a run of 1,000 or more characters without a space becomes tokens of RUN_PIECE
    characters. spaCy's tokenizer peels punctuation off such a run one character at a time, searching the whole
    run again each time: 20,000 '"' took 36 s, 8,000 took 6 s. No word of news prose is that long."""
    runs = list(LONG_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    docs, at = [], 0
    for run in runs:
        if run.start() > at:
            docs.append(nlp.make_doc(text[at:run.start()]))
        words = [run.group()[i:i + RUN_PIECE] for i in range(0, len(run.group()), RUN_PIECE)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        at = run.end()
    if at < len(text):
        docs.append(nlp.make_doc(text[at:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def run_chunks(nlp, documents: list[Document], batch_size: int) -> list[list[Quotation]]:
    """Each document's quotations (document offsets), all chunks of all documents through one nlp.pipe."""
    def pieces():
        for number, document in enumerate(documents):
            post_starts = live_blog_post_starts(document)
            for start, end in chunk_spans(document.text, nlp.max_length):
                doc = make_doc(nlp, document.text[start:end])
                doc._.onrecord_skip = _skips_within(document.skip_spans, start, end)
                doc._.onrecord_embeds = _embeds_within(document.embeds, start, end)
                doc._.onrecord_posts = _starts_within(post_starts, start, end)
                doc._.onrecord_web = document.web_page
                yield doc, (number, start)

    found: list[list[Quotation]] = [[] for _ in documents]
    for doc, (number, start) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        found[number].extend(shifted(q, start) for q in doc._.quotations or [])
    return found
