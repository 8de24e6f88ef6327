"""The records that cross stage boundaries, defined once.

source -> RawSource -> Document (text, posts) -> Quotation records.
The JSON form of a Quotation is the project's record format; later changes are additive.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def stable_id(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


@dataclass
class RawSource:
    """What a source gave us, before cleaning: the content and how to read it."""

    source: str
    content: str
    is_html: bool
    url: str | None = None
    fetched_date: str | None = None
    keep_url: bool = False
    """The url is the document's address (a WARC record's target URI), not replaced by a canonical link."""
    identity: str | None = None
    """What the document is when no fetched URL says it ('file:/abs/path', 'api:NAME'): see onrecord.identity."""


@dataclass
class DocumentInfo:
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    site: str | None = None
    published: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    """Bylines, one name each; the reporter is never a speaker unless quoted."""
    modified: str | None = None


@dataclass
class Post:
    index: int
    title: str | None
    time: str | None
    start: int
    end: int
    title_start: int | None = None
    title_end: int | None = None
    id: str | None = None
    """Stable identity: the page's own post id, URL or anchor, else a hash of time, headline and first words,
    so that a live blog fetched again keeps its old posts apart from its new ones."""

    def ref(self) -> dict:
        return {"index": self.index, "title": self.title, "time": self.time, "id": self.id}


@dataclass
class Embed:
    """A post from a social platform embedded in the page (a tweet, an Instagram or TikTok post): a statement
    by its author, whose text is part of the document text."""

    start: int
    end: int
    platform: str
    author: str | None = None
    handle: str | None = None
    url: str | None = None
    author_start: int | None = None
    author_end: int | None = None
    """The author as the signature line names them ("Name (@handle)" after the dash), when it is in the text."""


@dataclass
class Document:
    info: DocumentInfo
    text: str
    posts: list[Post] = field(default_factory=list)
    skip_spans: list[tuple[int, int]] = field(default_factory=list)
    """Character ranges the attribution rules never read as speech: site chrome, headlines, embedded posts."""
    embeds: list[Embed] = field(default_factory=list)
    web_page: bool = False
    """Cleaned from an HTML page: its records' confidence is that measured on real web pages."""

    def post_at(self, offset: int) -> Post | None:
        for post in self.posts:
            if post.start <= offset < post.end:
                return post
        return None


@dataclass
class Speaker:
    name: str | None
    mention: str
    start: int
    end: int
    kind: str = "unknown"
    role: str | None = None
    affiliation: str | None = None


@dataclass
class Quotation:
    """One attribution found in a document: content span, speaker, cue."""

    kind: str
    text: str
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None
    addressee: str | None
    confidence: float
    rule: str
    parts: list[tuple[int, int]] = field(default_factory=list)
    cue_start: int | None = None
    cue_end: int | None = None
    platform: str | None = None
    """Where an embedded post was published ("twitter", "instagram", ...); None for quotations in the prose."""

    def record(self, doc: Document) -> dict:
        from onrecord.formats import doc_ref, quotation_record, speaker_dict

        post = doc.post_at(self.start)
        speaker = self.speaker
        return quotation_record(
            id=stable_id(doc.info.id, self.start, self.end), doc=doc_ref(doc.info),
            post=post.ref() if post else None, kind=self.kind, text=self.text, start=self.start, end=self.end,
            speaker=speaker_dict(speaker.name, speaker.mention, speaker.start, speaker.end, speaker.kind,
                                 speaker.role, speaker.affiliation) if speaker else None,
            cue=self.cue, addressee=self.addressee, confidence=round(self.confidence, 3), rule=self.rule,
            parts=[{"start": s, "end": e} for s, e in self.parts], platform=self.platform)
