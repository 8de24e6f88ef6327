"""Plain text: kept exactly as given so that offsets index into it."""
from __future__ import annotations

from onrecord.clean.layout import is_chrome, is_headline, paragraphs
from onrecord.identity import document_id
from onrecord.records import Document, DocumentInfo, Post, RawSource


def document_from_text(raw: RawSource, info: DocumentInfo | None = None) -> Document:
    text = raw.content
    if info is None:
        info = DocumentInfo(id=document_id(raw, "text", raw.url, text), source=raw.source, url=raw.url)
    paras = paragraphs(text)
    skip: list[tuple[int, int]] = []
    body = []
    for para in paras:
        if is_chrome(para):
            skip.append((para.start, para.end))
        else:
            body.append(para)
    posts: list[Post] = []
    current: Post | None = None
    for i, para in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if is_headline(para, following):
            skip.append((para.start, para.end))
            if current is not None:
                posts.append(current)
            current = Post(len(posts), para.text, None, para.start, len(text), para.start, para.end)
        elif current is None:
            current = Post(0, None, None, para.start, len(text))
    if current is not None:
        posts.append(current)
    for earlier, later in zip(posts, posts[1:]):
        earlier.end = later.start
    if info.title is None and posts and posts[0].title:
        info.title = posts[0].title
    return Document(info=info, text=text, posts=posts, skip_spans=sorted(skip))
