"""Texts longer than spaCy's max_length, run in paragraph-aligned chunks whose offsets are moved back to
document offsets. Texts up to max_length go through whole, exactly as before.

spaCy refuses a text over nlp.max_length (E088: the parser and NER need about 1 GB per 100,000 characters),
so a long text is cut at line breaks into CHUNK_CHARS pieces. A quotation or a pronoun chain that crosses a
cut is not seen whole; that is the price of reading a 5-million-character file at all.
"""
from __future__ import annotations

from dataclasses import replace

from onrecord.records import Document, Quotation

MAX_TEXT_CHARS = 5_000_000
"""The longest document text we take: beyond it, one clear error for that source only."""
CHUNK_CHARS = 100_000


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


def run_chunks(nlp, documents: list[Document], batch_size: int) -> list[list[Quotation]]:
    """Each document's quotations (document offsets), all chunks of all documents through one nlp.pipe."""
    def pieces():
        for number, document in enumerate(documents):
            for start, end in chunk_spans(document.text, nlp.max_length):
                doc = nlp.make_doc(document.text[start:end])
                doc._.onrecord_skip = _skips_within(document.skip_spans, start, end)
                yield doc, (number, start)

    found: list[list[Quotation]] = [[] for _ in documents]
    for doc, (number, start) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        found[number].extend(shifted(q, start) for q in doc._.quotations or [])
    return found
